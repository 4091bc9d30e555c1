"""`factcheck batch`: parse its command line and call the library (exit codes as `factcheck`).

    factcheck batch INPUT... --output OUT [--engine local|ray] [--ray-address ADDR]
                    [--device cpu|cuda] [--story-field story] [--config FILE] [--restart]
    factcheck batch report OUT --story NAME [--format text|markdown|json|html] [-o FILE]
    factcheck batch summary OUT
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_SKIPPED = 0, 1
READERS = ("report", "summary")


def run_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck batch",
        description="Check a whole corpus story by story into OUT (Parquet shards, summary.json, manifest); "
                    "re-running the same command resumes. Also: `factcheck batch report OUT --story NAME`, "
                    "`factcheck batch summary OUT`.")
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="directories (a sub-directory per story), .jsonl or .parquet files, or `datasets` data sets")
    parser.add_argument("--output", required=True, metavar="OUT", help="output folder (created; resumed when it exists)")
    parser.add_argument("--engine", choices=("local", "ray"), default="local",
                        help="local: in this process (default); ray: a Ray Data pipeline of model actors")
    parser.add_argument("--ray-address", metavar="ADDR", help="an existing Ray cluster (default: start a local Ray)")
    parser.add_argument("--device", default="cpu", metavar="DEVICE", help="cpu (default), cuda or cuda:N")
    parser.add_argument("--story-field", default="story", metavar="FIELD",
                        help="record field naming an article's story (default: story)")
    parser.add_argument("--config", metavar="FILE", help="TOML file with settings, as for `factcheck check`")
    parser.add_argument("--restart", action="store_true",
                        help="discard output in OUT made with another config or model instead of refusing")
    parser.add_argument("--no-progress", action="store_true", help="do not show progress on stderr")
    return parser


def reader_parser(command: str) -> argparse.ArgumentParser:
    if command == "report":
        parser = argparse.ArgumentParser(prog="factcheck batch report",
                                         description="One story's report, as `factcheck check` writes it for that story's files.")
        parser.add_argument("output", metavar="OUT", help="a batch output folder")
        parser.add_argument("--story", required=True, metavar="NAME", help="story name (see `factcheck batch summary`)")
        parser.add_argument("--format", choices=("text", "markdown", "json", "html"), default="text",
                            help="report format (default: text)")
        parser.add_argument("--output", "-o", dest="file", metavar="FILE", help="write to FILE instead of stdout")
    else:
        parser = argparse.ArgumentParser(prog="factcheck batch summary",
                                         description="The corpus's stories, most contradictions first, with their most conflicting facts.")
        parser.add_argument("output", metavar="OUT", help="a batch output folder")
        parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in READERS:
        args = reader_parser(argv[0]).parse_args(argv[1:])
        return _report(args) if argv[0] == "report" else _summary(args)
    return _run(run_parser().parse_args(argv))


def _run(args: argparse.Namespace) -> int:
    from factcheck.batch import run_batch
    from factcheck.batch.progress import RichProgress, SilentProgress
    from factcheck.config import Config

    config = Config.from_file(args.config) if args.config else Config()
    progress = RichProgress() if config.show_progress and not args.no_progress and sys.stderr.isatty() \
        else SilentProgress()
    result = run_batch(args.inputs, args.output, config, engine=args.engine, device=args.device,
                       ray_address=args.ray_address, story_field=args.story_field, restart=args.restart,
                       progress=progress)
    print(f"factcheck batch: {result.stories} stories ({result.done_before} already done) in {args.output}",
          file=sys.stderr)
    for problem in result.problems:
        print(f"factcheck: skipped {problem.path}: {problem.message}", file=sys.stderr)
    return EXIT_SKIPPED if result.problems else EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from factcheck.batch import BatchStore
    from factcheck.report import FORMATS

    report = BatchStore(args.output).report(args.story)
    if args.format == "text" and not args.file:
        from rich.console import Console

        from factcheck.report.terminal import print_report

        print_report(Console(), report)
    else:
        rendered = FORMATS[args.format](report)
        if args.file:
            Path(args.file).write_text(rendered, encoding="utf-8")
        else:
            sys.stdout.write(rendered)
    return EXIT_OK


def _summary(args: argparse.Namespace) -> int:
    import json

    from factcheck.batch import BatchStore
    from factcheck.batch.summary import corpus_summary, render_summary

    lines = corpus_summary(BatchStore(args.output))
    sys.stdout.write(json.dumps(lines, ensure_ascii=False, indent=1) + "\n" if args.json else render_summary(lines))
    return EXIT_OK
