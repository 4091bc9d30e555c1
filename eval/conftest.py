"""Session fixtures for ``pytest eval/``: the pipeline runs once per corpus per ablation."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

_RUN: list = []


def pytest_addoption(parser):
    parser.addoption("--eval-full", action="store_true", default=False,
                     help="factcheck eval: full NLI dev sets instead of the default subsets (or FACTCHECK_EVAL_FULL=1)")


def pytest_configure(config):
    if config.getoption("--eval-full", default=False):
        os.environ["FACTCHECK_EVAL_FULL"] = "1"


@pytest.fixture(scope="session")
def eval_run() -> harness.Run:
    run = harness.evaluate_all(log=lambda message: print(message, file=sys.stderr))
    _RUN.append(run)
    return run


@pytest.fixture(scope="session")
def thresholds() -> dict:
    return harness.load_thresholds()


def pytest_terminal_summary(terminalreporter):
    if _RUN:
        terminalreporter.write_sep("=", "factcheck evaluation")
        terminalreporter.write_line(harness.table(_RUN[0]))
        terminalreporter.write_line(f"written: {harness.RESULTS}, {harness.CALIBRATION}")
