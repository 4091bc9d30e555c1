"""Benchmark `factcheck batch`: throughput, peak memory and recall of injected contradictions.

The corpus repeats real stories (seeds/, eval/corpora/*, ../shared/real-news/*) as new stories,
each copy with its wording varied (so no cache can answer for the models) and, in one article
per copy, one number changed: an injected contradiction whose place is known. Each size and
engine runs in a fresh process, so peak RSS is its own. Copies start after one pass over the
real stories, so a corpus smaller than that pass has nothing injected (recall: None).

    python eval/bench_batch.py --sizes 100 1000 --models offline --engines local ray
    python eval/bench_batch.py --sizes 100 --models offline --compare-check [--nli-int8]   # batch beside check
    python eval/bench_batch.py --sizes 100 1000 10000 --models stand-in   # pairing/checks/I-O alone
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
STORY_DIRS = [ROOT / "seeds", *sorted((ROOT / "eval" / "corpora").iterdir()),
              *sorted((ROOT.parent / "shared" / "real-news").glob("*"))]
NUMBER = re.compile(r"(?<![\d.,])(\d{2,5})(?![\d.,])")
OPENERS = ["Update:", "Report:", "Latest:", "From our desk:", "Breaking:", "In brief:", "Developing:"]


def build_corpus(root: Path, documents: int, seed: int = 13) -> list[dict]:
    """Story folders under ``root`` until ``documents`` articles; returns the injected changes."""
    rng = random.Random(seed)
    stories = [(d.name, sorted(p for p in d.iterdir() if p.suffix in (".txt", ".md")))
               for d in STORY_DIRS if d.is_dir()]
    stories = [(name, files) for name, files in stories if len(files) >= 2]
    injected, written, copy = [], 0, 0
    while written < documents:
        name, files = stories[copy % len(stories)]
        folder = root / f"{name}-{copy}"
        folder.mkdir(parents=True)
        target = rng.randrange(len(files))
        for index, file in enumerate(files[: documents - written]):
            text = file.read_text(encoding="utf-8")
            text = f"{rng.choice(OPENERS)} {text}" if copy >= len(stories) else text
            if index == target and copy >= len(stories):
                numbers = [m for m in NUMBER.finditer(text) if not 1900 <= int(m.group()) <= 2100]
                if numbers:
                    m = rng.choice(numbers)
                    new = str(int(m.group()) * 2 + 7)
                    text = text[: m.start()] + new + text[m.end():]
                    injected.append({"story": folder.name, "doc": file.stem, "old": m.group(), "new": new})
            (folder / file.name).write_text(text, encoding="utf-8")
            written += 1
        copy += 1
    return injected


class StandInEncoder:
    """Hashed bag of words: the cost of a model call taken out, the pairing it feeds kept."""

    def encode(self, texts):
        vectors = np.zeros((len(texts), 384), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                vectors[row, zlib.crc32(word.encode()) % 384] += 1.0
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


class StandInNLI:
    def predict(self, pairs):
        return [{"entailment": 0.3, "neutral": 0.4, "contradiction": 0.3} for _ in pairs]


def run_one(size: int, engine: str, models: str, *, int8: bool = False, compare_check: bool = False) -> dict:
    from factcheck.batch import BatchStore, run_batch
    from factcheck.config import Config

    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
        injected = build_corpus(corpus, size)
        kwargs = {}
        # The model outputs kept from earlier runs would answer for the unperturbed first pass.
        config = Config(result_cache=False, nli_quantize=int8)
        if models == "stand-in":
            config = Config(similarity_threshold=0.3, nli_model="stand-in")
            kwargs = {"encoder": StandInEncoder(), "nli": StandInNLI(),
                      "models": {"embedding": "stand-in", "nli": "stand-in"}}
        started, cpu = time.perf_counter(), time.process_time()
        result = run_batch([corpus], out, config, engine=engine, **kwargs)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        pairs = sum(line["pairs"] for line in result.summary)
        found = _recall(BatchStore(out), injected)
        check_seconds = _time_check(corpus, config) if compare_check and models == "offline" else None
    rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    # CPU seconds of this process (with --engine ray: the driver's only): unlike the wall clock,
    # they do not grow when other work shares the machine, so growth ratios stay comparable.
    return {"documents": size, "engine": engine, "models": models, "seconds": round(seconds, 1),
            "cpu_seconds": round(cpu, 1),
            "docs_per_s": round(size / seconds, 2), "pairs": pairs, "pairs_per_s": round(pairs / seconds, 1),
            "peak_rss_mb": rss // 1024, "injected": len(injected),
            "recall": round(found / len(injected), 3) if injected else None,
            "check_pairs_per_s": round(pairs / check_seconds, 1) if check_seconds else None}


def _time_check(corpus: Path, config) -> float:
    """Seconds `factcheck check` takes over the same stories, one after the other in this process
    (models loaded once, as a journalist's session would not): the side-by-side figure."""
    from factcheck.pipeline import Checker

    checker = Checker(config.replace(show_progress=False))
    started = time.perf_counter()
    for story in sorted(d for d in corpus.iterdir() if d.is_dir()):
        checker.check([story])
    return time.perf_counter() - started


def _recall(store, injected: list[dict]) -> int:
    """Injected changes flagged: a contradiction pair with a claim of the changed article quoting the new number."""
    found = 0
    for change in injected:
        report = store.report(change["story"])
        claims = {c.id: c for c in report.claims}
        if any(p.label == "contradiction" and any(claims[x].doc == change["doc"] and change["new"] in claims[x].text
                                                  for x in (p.a, p.b)) for p in report.pairs):
            found += 1
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--engines", nargs="+", default=["local"], choices=("local", "ray"))
    parser.add_argument("--models", default="stand-in", choices=("offline", "stand-in"))
    parser.add_argument("--nli-int8", action="store_true", help="int8 NLI weights (nli_quantize) for both runs")
    parser.add_argument("--compare-check", action="store_true",
                        help="with --models offline: also time `factcheck check` on the same stories (pairs/s side by side)")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.sizes[0], args.engines[0], args.models, int8=args.nli_int8,
                                 compare_check=args.compare_check)))
        return 0
    print("| documents | engine | models | seconds | CPU s | docs/s | pairs | pairs/s | peak RSS MB | injected | recall "
          "| check pairs/s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for size in args.sizes:
        for engine in args.engines:
            extra = [*(["--nli-int8"] if args.nli_int8 else []), *(["--compare-check"] if args.compare_check else [])]
            done = subprocess.run([sys.executable, __file__, "--one", "--sizes", str(size), "--engines", engine,
                                   "--models", args.models, *extra], capture_output=True, text=True)
            if done.returncode:
                print(f"| {size} | {engine} | {args.models} | failed: {done.stderr.strip().splitlines()[-1]} |")
                continue
            r = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"| {r['documents']} | {r['engine']} | {r['models']} | {r['seconds']} | {r['cpu_seconds']} | "
                  f"{r['docs_per_s']} | {r['pairs']} | {r['pairs_per_s']} | {r['peak_rss_mb']} | {r['injected']} | "
                  f"{r['recall']} | {r['check_pairs_per_s'] or '–'} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
