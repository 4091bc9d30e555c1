"""Wall time and peak memory of `factcheck check PATH` on this machine, as a journalist meets them.

* cold: an empty cache root: the run rebuilds the offline models, exports their ONNX graphs and
  calibrates the pairing threshold;
* warm, new story: models built, but no stored embeddings or NLI scores (the store is emptied
  before each run): a story checked for the first time;
* warm, same files again: everything stored by the previous run;
* re-run after one new article: the story without its last article is checked first, then the
  article is added and the story checked again (the second run is timed);
* per stage: one more warm new-story run, in process, timing each step;
* NLI throughput on the story's pairs (both directions), PyTorch against ONNX Runtime, same
  process, no stored scores.

Each timed run is a fresh process (`python -m factcheck check ... --format json`), measured
from outside: wall clock and peak RSS of the child.

    python eval/bench_check.py seeds/ [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

PROBE = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, rc)"
)

STAGES = r"""
import contextlib, json, sys, time
began = time.perf_counter()
from factcheck.config import Config
from factcheck.pipeline import Checker
timings = {"import": time.perf_counter() - began}
class Timed:
    @contextlib.contextmanager
    def step(self, name):
        start = time.perf_counter(); yield; timings[name] = time.perf_counter() - start
    @contextlib.contextmanager
    def progress(self, name, total, unit):
        start = time.perf_counter(); yield (lambda n: None); timings[f"{name} ({total} {unit})"] = time.perf_counter() - start
checker = Checker(Config(show_progress=False), steps=Timed())
start = time.perf_counter(); checker.encoder.encode(["warm-up"]); timings["load embedding model"] = time.perf_counter() - start
start = time.perf_counter(); checker.nli.predict([("warm-up", "warm-up")]); timings["load NLI model"] = time.perf_counter() - start
checker.encoder.cache.clear()
start = time.perf_counter(); report = checker.check(sys.argv[1:]); timings["check"] = time.perf_counter() - start
timings["total"] = time.perf_counter() - began
print(json.dumps({k: round(v, 2) for k, v in timings.items()}))
"""

THROUGHPUT = r"""
import json, sys, time
from factcheck.nli import NLIModel
pairs = json.load(open(sys.argv[1]))
both = [tuple(p) for p in pairs] + [(b, a) for a, b in pairs]
out = {}
for round_ in range(2):
    for backend in ("torch", "onnx"):
        model = NLIModel(model="offline:e5-small-nli", backend=backend, device="cpu")
        model.predict(both[:8])
        start = time.perf_counter(); model.predict(both); seconds = time.perf_counter() - start
        out.setdefault(backend, []).append(round(len(both) / seconds, 1))
print(json.dumps(out))
"""


def measure(command: list[str], env: dict) -> tuple[float, float, int]:
    out = subprocess.run([sys.executable, "-c", PROBE, *command], env=env, capture_output=True, text=True, check=True)
    seconds, peak_kib, rc = out.stdout.split()
    return float(seconds), int(peak_kib) / 1024, int(rc)


def check_command(paths: list[str], output: str | None = None) -> list[str]:
    return [sys.executable, "-m", "factcheck", "check", *paths, "--format", "json", "--no-progress",
            *(["-o", output] if output else [])]


def clear_results(env: dict) -> None:
    subprocess.run([sys.executable, "-m", "factcheck", "cache", "clear"], env=env, capture_output=True, check=True)


def article_files(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".html", ".jsonl"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", help="a folder of articles (the story)")
    parser.add_argument("--runs", type=int, default=3, help="warm runs of each kind to take the median of")
    args = parser.parse_args()
    story = Path(args.path)
    cache = tempfile.mkdtemp(prefix="factcheck-bench-")
    work = Path(tempfile.mkdtemp(prefix="factcheck-bench-story-"))
    env = {**os.environ, "FACTCHECK_CACHE": cache}
    result: dict = {"story": str(story), "cpus": os.cpu_count()}
    try:
        cold = measure(check_command([str(story)]), env)
        result["cold"] = {"seconds": round(cold[0], 2), "peak_mib": round(cold[1])}
        new_story = []
        for _ in range(args.runs):
            clear_results(env)
            new_story.append(measure(check_command([str(story)]), env))
        same_files = [measure(check_command([str(story)]), env) for _ in range(args.runs)]
        rerun = []
        files = article_files(story)
        for _ in range(args.runs):
            clear_results(env)
            shutil.rmtree(work, ignore_errors=True)
            shutil.copytree(story, work)
            last = work / files[-1].relative_to(story)
            held_back = last.read_bytes()
            last.unlink()
            measure(check_command([str(work)]), env)
            last.write_bytes(held_back)
            rerun.append(measure(check_command([str(work)]), env))
        for name, runs in (("warm_new_story", new_story), ("warm_same_files", same_files),
                           ("rerun_after_one_new_article", rerun)):
            result[name] = {"seconds_median": round(statistics.median(r[0] for r in runs), 2),
                            "seconds_all": [round(r[0], 2) for r in runs], "peak_mib": round(max(r[1] for r in runs))}
        result["rerun_after_one_new_article"]["added"] = str(files[-1].relative_to(story))
        stages = subprocess.run([sys.executable, "-c", STAGES, str(story)], env=env, capture_output=True, text=True,
                                check=True)
        result["stages_warm_new_story"] = json.loads(stages.stdout.strip().splitlines()[-1])
        report_file = work / "report.json"
        subprocess.run(check_command([str(story)], str(report_file)), env=env, check=True)
        report = json.loads(report_file.read_text(encoding="utf-8"))
        text = {c["id"]: c["text"] for c in report["claims"]}
        pairs_file = work / "pairs.json"
        pairs_file.write_text(json.dumps([(text[p["a"]], text[p["b"]]) for p in report["pairs"]]), encoding="utf-8")
        speed = subprocess.run([sys.executable, "-c", THROUGHPUT, str(pairs_file)], env=env, capture_output=True,
                               text=True, check=True)
        per_backend = json.loads(speed.stdout.strip().splitlines()[-1])
        result["nli_sequences_per_second"] = {
            **per_backend, "pairs": len(report["pairs"]),
            "onnx_over_torch": round(statistics.median(per_backend["onnx"]) / statistics.median(per_backend["torch"]), 2)}
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
