"""Kill a batch run with SIGKILL at several points, run it again: the output equals an
uninterrupted run's, with no story, pair or fact lost or duplicated."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import STORIES

DRIVER = """
import sys
sys.path.insert(0, {tests!r})
from fakes import DigitNLI, HashEncoder
from factcheck.batch import run_batch
from factcheck.config import Config
run_batch([{corpus!r}], {out!r}, Config(similarity_threshold=0.3, nli_model="digits"),
          encoder=HashEncoder(delay=0.4), nli=DigitNLI(), models={{"embedding": "hash-512", "nli": "digits"}})
"""


def _driver(corpus: Path, out: Path) -> list[str]:
    code = DRIVER.format(tests=str(Path(__file__).parent), corpus=str(corpus), out=str(out))
    return [sys.executable, "-c", code]


def _tables(out: Path) -> dict[str, list]:
    """Every table's rows of every shard, in a stable order."""
    rows = {}
    for table in ("sources", "documents", "claims", "pairs", "facts", "copies"):
        found = []
        for shard in sorted((out / "shards").iterdir()):
            found += pq.read_table(shard / f"{table}.parquet").to_pylist()
        rows[table] = sorted(found, key=repr)
    return rows


def _finished(out: Path) -> int:
    shards = out / "shards"
    return sum(1 for f in shards.iterdir() if (f / "meta.json").exists()) if shards.exists() else 0


def test_killed_runs_resume_to_the_output_of_an_uninterrupted_run(story_corpus, tmp_path):
    whole = tmp_path / "whole"
    subprocess.run(_driver(story_corpus, whole), check=True, timeout=120)
    expected = _tables(whole)
    assert sum(1 for _ in (whole / "shards").iterdir()) == len(STORIES)

    out = tmp_path / "killed"
    kills = 0
    for wait_for in (0, 1, 2, 3):  # kill before the first shard, then after each further one
        process = subprocess.Popen(_driver(story_corpus, out), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while _finished(out) < wait_for and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            kills += 1
        process.wait(timeout=30)
    assert kills >= 3
    assert _finished(out) < len(STORIES)
    subprocess.run(_driver(story_corpus, out), check=True, timeout=120)
    assert _tables(out) == expected
    assert not [p for p in out.rglob("*") if ".tmp" in p.name], "temporary files left behind"
    assert (out / "summary.json").read_text() == (whole / "summary.json").read_text()
