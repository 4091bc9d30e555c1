"""Wall time and peak memory of `factcheck check PATH`, cold and warm, on this machine.

Cold: an empty model cache, so the run includes rebuilding the offline e5 model and calibrating
the pairing threshold. Warm: the same command again with the cache filled. Each run is a fresh
process, measured from outside (wall clock, peak RSS of the child).

    python eval/bench_check.py seeds/ [--runs 3] [-- extra factcheck arguments]
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

PROBE = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, rc)"
)


def measure(command: list[str], env: dict) -> tuple[float, float, int]:
    out = subprocess.run([sys.executable, "-c", PROBE, *command], env=env, capture_output=True, text=True, check=True)
    seconds, peak_kib, rc = out.stdout.split()
    return float(seconds), int(peak_kib) / 1024, int(rc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", nargs="+")
    parser.add_argument("--runs", type=int, default=3, help="warm runs to take the median of")
    parser.add_argument("--extra", nargs=argparse.REMAINDER, default=[], help="more factcheck check arguments")
    args = parser.parse_args()
    command = [sys.executable, "-m", "factcheck", "check", *args.path, "--format", "json", "--no-progress", *args.extra]
    cache = tempfile.mkdtemp(prefix="factcheck-bench-")
    env = {**os.environ, "FACTCHECK_CACHE": cache}
    try:
        cold = measure(command, env)
        warm = [measure(command, env) for _ in range(args.runs)]
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    result = {
        "command": " ".join(command[1:]),
        "cpus": os.cpu_count(),
        "cold_seconds": round(cold[0], 2),
        "cold_peak_mib": round(cold[1]),
        "warm_seconds_median": round(statistics.median(w[0] for w in warm), 2),
        "warm_seconds_all": [round(w[0], 2) for w in warm],
        "warm_peak_mib": round(max(w[1] for w in warm)),
        "exit_codes": [cold[2], *(w[2] for w in warm)],
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
