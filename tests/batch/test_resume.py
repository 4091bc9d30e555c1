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
import fakes
from fakes import DigitNLI, HashEncoder
from factcheck.batch import run_batch
from factcheck.config import Config
if {engine!r} == "ray":
    import ray
    from ray import cloudpickle
    cloudpickle.register_pickle_by_value(fakes)  # the actors cannot import the tests folder
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
run_batch([{corpus!r}], {out!r}, Config(similarity_threshold=0.3, nli_model="digits"), engine={engine!r},
          encoder=HashEncoder(delay=0.4), nli=DigitNLI(), models={{"embedding": "hash-512", "nli": "digits"}})
"""


def _driver(corpus: Path, out: Path, engine: str = "local") -> list[str]:
    code = DRIVER.format(tests=str(Path(__file__).parent), corpus=str(corpus), out=str(out), engine=engine)
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


def _kill_session(leader: int) -> None:
    """Whatever the killed driver left in its session (Ray's own processes)."""
    try:
        os.killpg(leader, signal.SIGKILL)
    except ProcessLookupError:
        pass


@pytest.mark.parametrize("engine", ["local", pytest.param("ray", marks=pytest.mark.slow)])
def test_killed_runs_resume_to_the_output_of_an_uninterrupted_run(engine, story_corpus, tmp_path):
    if engine == "ray":
        pytest.importorskip("ray")
    whole = tmp_path / "whole"
    subprocess.run(_driver(story_corpus, whole), check=True, timeout=120)
    expected = _tables(whole)
    assert sum(1 for _ in (whole / "shards").iterdir()) == len(STORIES)

    out = tmp_path / "killed"
    left_after_kills = []
    # kill before the first shard, then after each further one (Ray writes stories in bursts, so
    # its last kill point is one earlier); Ray's own processes are in the driver's session
    points = (0, 1, 2, 3) if engine == "local" else (0, 1, 2)
    for wait_for in points:
        process = subprocess.Popen(_driver(story_corpus, out, engine), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + 120
        while _finished(out) < wait_for and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            left_after_kills.append(len(STORIES) - _finished(out))
        process.wait(timeout=30)
        _kill_session(process.pid)
    assert left_after_kills[0] == len(STORIES)  # one kill came before any shard was written
    if engine == "local":  # one story at a time: every kill point is reached with work left
        assert len(left_after_kills) == len(points) and _finished(out) < len(STORIES)
    subprocess.run(_driver(story_corpus, out, engine), check=True, timeout=300)
    assert _tables(out) == expected
    assert not [p for p in out.rglob("*") if ".tmp" in p.name], "temporary files left behind"
    assert (out / "summary.json").read_text() == (whole / "summary.json").read_text()
