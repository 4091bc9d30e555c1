"""`factcheck batch`, `batch report` and `batch summary` from the command line."""

import json
import shutil

import pytest
from conftest import STORIES

from factcheck.cli import main


@pytest.fixture
def one_story(tmp_path):
    root = tmp_path / "corpus" / "quake"
    shutil.copytree(STORIES["quake"], root)
    return root.parent


@pytest.mark.slow
def test_batch_then_report_and_summary(one_story, tmp_path, capsys):
    config = tmp_path / "fc.toml"
    config.write_text("nli_model = 'offline:e5-small-nli'\n")
    out = tmp_path / "out"
    assert main(["batch", str(one_story), "--output", str(out), "--config", str(config), "--no-progress"]) == 0
    assert main(["batch", "report", str(out), "--story", "quake", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["documents"]) == 4 and report["pairs"]
    assert main(["batch", "report", str(out), "--story", "quake", "--format", "markdown", "-o",
                 str(tmp_path / "q.md")]) == 0
    assert "4 documents" in (tmp_path / "q.md").read_text()
    assert main(["batch", "summary", str(out)]) == 0
    assert capsys.readouterr().out.startswith("quake: 4 documents")


def test_unknown_story_and_missing_output_are_errors_naming_the_fix(tmp_path, capsys):
    assert main(["batch", "summary", str(tmp_path)]) == 2
    assert "run (or resume) `factcheck batch`" in capsys.readouterr().err


def test_batch_help_lists_the_options(capsys):
    with pytest.raises(SystemExit):
        main(["batch", "--help"])
    text = capsys.readouterr().out
    for option in ("--output", "--engine", "--ray-address", "--device", "--story-field", "--config", "--restart"):
        assert option in text
