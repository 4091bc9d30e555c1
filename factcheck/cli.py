"""Command line: parse arguments, call the library, turn its errors into exit codes.

Exit codes: 0 all inputs used; 1 the report was written but some inputs were skipped;
2 usage or configuration error, or nothing readable to check.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from factcheck import __version__
from factcheck.config import Config
from factcheck.errors import FactcheckError
from factcheck.output import check_output_path, save_fallback, write_atomically
from factcheck.nli.registries import BACKENDS

EXIT_OK, EXIT_SKIPPED, EXIT_ERROR = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Find what news articles agree on and where they contradict each other (Arabic, English, any mix).",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="check a set of articles for agreements and contradictions",
                                description="Check articles (txt, md, html, jsonl files or directories) against each other.")
    check.add_argument("paths", nargs="+", metavar="PATH", help="files or directories of articles")
    check.add_argument("--format", choices=("text", "markdown", "json", "html"), default="text",
                       help="report format (default: text)")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    check.add_argument("--show", choices=("contradictions", "verdicts", "all"), default="verdicts",
                       help="pairs to list: contradictions, verdicts (contradictions and agreements; default) or all "
                            "(neutral too); the HTML report starts with this filter, JSON has every pair")
    _add_model_options(check)
    check.set_defaults(handler=_run_check)

    evaluate = commands.add_parser("eval", help="score checkers and NLI models against gold data",
                                   description="Evaluation: `eval pairs` scores the checker on a corpus against gold "
                                               "pairs; `eval nli` scores an NLI model on an XNLI/ANS/ArNLI file.")
    _add_delegates(evaluate, {
        "pairs": ("factcheck.evaluation.pairs_eval", "score a corpus directory against a gold JSONL file"),
        "nli": ("factcheck.evaluation.nli_eval", "accuracy, per-class P/R/F1 and speed of an NLI model"),
        "verdict": ("factcheck.evaluation.verdict_eval",
                    "the whole verdict on a labelled pair file (XNLI, ANS stance, ArNLI) beside the NLI model alone"),
        "clusters": ("factcheck.evaluation.cluster_eval",
                     "precision of flagged contradictions and recall of annotated discrepancies on real news clusters"),
    })
    batch = commands.add_parser("batch", help="check a whole corpus story by story, resumably (local or Ray engine)",
                                description="Corpus-scale runs; `factcheck batch --help` lists the options.",
                                add_help=False)
    batch.set_defaults(handler=_delegate("factcheck.batch.cli"), tool="batch")
    cache = commands.add_parser("cache", help="show or clear what factcheck keeps between runs",
                                description="The cache root holds rebuilt models, ONNX graphs, calibrations and the "
                                            "store of embeddings and NLI scores ($FACTCHECK_CACHE, else ~/.cache/factcheck).")
    cache.add_argument("action", choices=("info", "clear"), help="info: where and how big; clear: empty the store of "
                                                                 "embeddings and NLI scores (--all: everything)")
    cache.add_argument("--all", action="store_true", help="with clear: also the rebuilt models and ONNX graphs")
    cache.add_argument("--cache-dir", metavar="DIR", help="cache root (default: $FACTCHECK_CACHE or ~/.cache/factcheck)")
    cache.set_defaults(handler=_run_cache)
    train = commands.add_parser("train", help="train models",
                                description="Training: `train nli` fine-tunes the offline NLI cross-encoder.")
    _add_delegates(train, {"nli": ("factcheck.training.train_nli", "fine-tune the offline multilingual NLI model")})
    return parser


def _add_delegates(parser: argparse.ArgumentParser, tools: dict[str, tuple[str, str]]) -> None:
    """Sub-commands whose own ``main(argv)`` parses the rest of the line (so `--help` shows theirs)."""
    sub = parser.add_subparsers(dest="tool", required=True, metavar="TOOL", help="one of: " + ", ".join(tools))
    for name, (module, help_text) in tools.items():
        tool = sub.add_parser(name, help=help_text, description=help_text, add_help=False)
        tool.set_defaults(handler=_delegate(module))


def _delegate(module: str):
    def run(args: argparse.Namespace) -> int:
        import importlib

        return importlib.import_module(module).main(args.rest)

    return run


def _add_model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="FILE", help="TOML file with settings (see README); flags override it")
    parser.add_argument("--embedding-model", metavar="NAME",
                        help="sentence-transformers hub id or folder (default: offline multilingual-e5-small)")
    parser.add_argument("--nli-model", metavar="NAME",
                        help="NLI model: hub id or local folder (default: the shipped offline:e5-small-nli)")
    parser.add_argument("--no-nli", action="store_true", help="run without an NLI model")
    parser.add_argument("--nli-backend", choices=["auto", *BACKENDS.names()],
                        help="run NLI with ONNX Runtime (CPU only) or PyTorch; auto (default): ONNX Runtime on the CPU")
    parser.add_argument("--nli-int8", action="store_true",
                        help="int8 weights for the NLI model on the CPU: faster, slightly less accurate (README, Speed)")
    parser.add_argument("--embedding-backend", choices=["auto", "onnx", "torch"],
                        help="run the embedding model with ONNX Runtime (CPU only) or sentence-transformers; "
                             "auto (default): ONNX Runtime on the CPU where the model allows")
    parser.add_argument("--no-cache", action="store_true",
                        help="compute every embedding and NLI score again instead of reusing those of earlier runs")
    parser.add_argument("--threshold", type=float, metavar="COSINE",
                        help="similarity threshold for pairing (default: calibrated for the embedding model)")
    parser.add_argument("--top-k", type=int, metavar="K", help="candidate counterparts per claim (default: 5)")
    parser.add_argument("--batch-size", type=int, metavar="N", help="model batch size (default: 32)")
    parser.add_argument("--device", metavar="DEVICE", help="cpu, cuda, cuda:1 ... (default: CUDA when available)")
    parser.add_argument("--no-progress", action="store_true", help="do not show progress on stderr")


def config_from_args(args: argparse.Namespace) -> Config:
    config = Config.from_file(args.config) if args.config else Config()
    if args.no_nli:
        config = config.without_nli()
    return config.replace(
        embedding_model=args.embedding_model,
        nli_model=args.nli_model,
        nli_backend=args.nli_backend,
        embedding_backend=args.embedding_backend,
        nli_quantize=True if args.nli_int8 else None,
        result_cache=False if args.no_cache else None,
        similarity_threshold=args.threshold,
        top_k=args.top_k,
        batch_size=args.batch_size,
        device=args.device,
        show_progress=False if args.no_progress else None,
    )


def _run_check(args: argparse.Namespace) -> int:
    from factcheck.pipeline import Checker
    from factcheck.progress import RichSteps, SilentSteps
    from factcheck.report import FORMATS

    config = config_from_args(args)
    output = check_output_path(args.output) if args.output else None  # before the run, not after it
    missing = [p for p in args.paths if not Path(p).exists()]
    if len(missing) == len(args.paths):
        raise FactcheckError("; ".join(f"{p}: no such file or directory" for p in missing))
    steps = RichSteps() if config.show_progress and sys.stderr.isatty() else SilentSteps()
    report = Checker(config, steps=steps).check(args.paths)
    if not report.documents:
        for problem in report.problems:
            print(f"factcheck: skipped {problem.path}: {problem.message}", file=sys.stderr)
        raise FactcheckError("no readable articles in the given paths")
    lost_output = False
    if args.format == "text" and not args.output:
        from factcheck.report.terminal import print_report
        from rich.console import Console

        print_report(Console(), report, show=args.show)
    else:
        rendered = FORMATS[args.format](report, show=args.show)
        if output is None:
            sys.stdout.write(rendered)
        elif not _written(output, rendered):
            lost_output = True
    for problem in report.problems:
        print(f"factcheck: skipped {problem.path}: {problem.message}", file=sys.stderr)
    if lost_output:
        return EXIT_ERROR
    return EXIT_SKIPPED if report.problems else EXIT_OK


def _run_cache(args: argparse.Namespace) -> int:
    import shutil

    from factcheck.cache import cache_root
    from factcheck.result_cache import RESULTS_FILE, ResultCache

    root = cache_root(args.cache_dir)
    store = ResultCache(root / RESULTS_FILE)
    if args.action == "info":
        entries = len(store) if store.path.exists() else 0
        size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) if root.exists() else 0
        print(f"cache root: {root} ({size / 2**20:.1f} MB in all)")
        print(f"embeddings and NLI scores: {store.path} ({entries} entries)")
        return EXIT_OK
    removed = store.clear() if store.path.exists() else 0
    store.close()
    print(f"removed {removed} embeddings and NLI scores from {store.path}")
    if args.all and root.exists():
        for child in root.iterdir():
            if child.name.startswith(RESULTS_FILE):
                continue
            shutil.rmtree(child) if child.is_dir() else child.unlink()
        print(f"removed the rebuilt models, ONNX graphs and calibrations under {root}")
    return EXIT_OK


def _written(output: Path, rendered: str) -> bool:
    """Write the report to ``output``; when that fails this late, save it elsewhere and say where."""
    try:
        write_atomically(output, rendered)
        return True
    except OSError as exc:
        saved = save_fallback(rendered, output.suffix or ".txt")
        print(f"factcheck: error: cannot write {output}: {exc.strerror or exc}; the report was saved to {saved}",
              file=sys.stderr)
        return False


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    # Delegated tools parse their own options, so unknown options are theirs, not errors.
    args, rest = parser.parse_known_args(argv)
    if rest and not getattr(args, "tool", None):
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    args.rest = rest
    try:
        return args.handler(args)
    except FactcheckError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
