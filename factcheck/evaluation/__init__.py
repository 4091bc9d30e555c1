"""Evaluation: scoring factcheck against gold annotations and NLI benchmarks."""
