"""The command line, as a user runs it."""

import argparse
import json

import pytest

from factcheck.cli import build_parser, main


def _subcommands(parser, prefix=()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*prefix, name), sub
                yield from _subcommands(sub, (*prefix, name))


def test_every_command_has_help_text():
    commands = dict(_subcommands(build_parser()))
    assert {("check",), ("eval", "pairs"), ("eval", "nli"), ("train", "nli")} <= set(commands)
    for name, sub in commands.items():
        assert sub.description, name
        for action in sub._actions:
            if action.dest != "help":
                assert action.help, f"{name} {action.dest}"


@pytest.mark.parametrize("command", [["eval", "pairs"], ["eval", "nli"], ["train", "nli"]])
def test_delegated_tools_show_their_own_help(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    assert f"factcheck {' '.join(command)}" in capsys.readouterr().out


def test_nonexistent_path_is_a_clear_error_not_a_traceback(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope"), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "nope: no such file or directory" in err and "Traceback" not in err


def test_unknown_setting_in_config_file_names_the_valid_ones(tmp_path, capsys):
    config = tmp_path / "factcheck.toml"
    config.write_text('similarity_treshold = 0.9\n')
    assert main(["check", str(tmp_path), "--config", str(config)]) == 2
    assert "similarity_threshold" in capsys.readouterr().err


@pytest.mark.slow
def test_json_report_of_a_mixed_corpus_with_a_bad_file(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(
        "North Korea sent 3,000 troops to Russia, the White House said on Wednesday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "كشف جهاز المخابرات الكوري الجنوبي عن إرسال كوريا الشمالية 1500 جندي إلى روسيا.\n", encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    out = tmp_path / "report.json"
    code = main(["check", str(tmp_path), "--format", "json", "--output", str(out), "--no-progress"])
    assert code == 1  # a file was skipped, the report is still written
    assert "broken.txt" in capsys.readouterr().err
    report = json.loads(out.read_text(encoding="utf-8"))
    assert {d["language"] for d in report["documents"]} == {"en", "ar"}
    assert report["problems"][0]["path"].endswith("broken.txt")
    [pair] = report["pairs"]
    assert pair["label"] == "contradiction"
    assert [r["kind"] for r in pair["reasons"]] == ["quantity"]


@pytest.mark.slow
def test_jsonl_and_html_articles_keep_their_metadata_and_config_file_settings_apply(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    records = [
        {"text": "The quake killed 1,200 people in Tazrout province, the interior ministry said on Saturday.",
         "title": "Quake kills 1,200", "published": "2024-03-12", "source": "Wire"},
        {"text": "وأعلنت وزارة الداخلية أن الزلزال أسفر عن مقتل 2000 شخص في إقليم تازروت.", "published": "2024-03-13"},
    ]
    (corpus / "feed.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    paragraphs = "".join(f"<p>Rescue teams in Tazrout searched the rubble of village {i} for survivors on Sunday.</p>"
                         for i in range(4))
    (corpus / "page.html").write_text(f"<html><head><title>Rescue in Tazrout</title></head><body><article>"
                                      f"<h1>Rescue in Tazrout</h1>{paragraphs}</article></body></html>", encoding="utf-8")
    config = tmp_path / "factcheck.toml"
    config.write_text("nli_model = \"\"\ntop_k = 3\n", encoding="utf-8")
    out = tmp_path / "report.json"
    assert main(["check", str(corpus), "--config", str(config), "--format", "json", "-o", str(out), "--no-progress"]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    docs = {d["id"]: d for d in report["documents"]}
    assert docs["feed:1"]["published"] == "2024-03-12" and docs["feed:1"]["title"] == "Quake kills 1,200"
    assert docs["feed:2"]["published"] == "2024-03-13"
    assert docs["page"]["title"] == "Rescue in Tazrout"
    assert report["models"]["nli"] in (None, "")
    killed = [p for p in report["pairs"] if any(r["key"] == "killed" for r in p["reasons"])]
    # the records' own dates reach the checks: the next day's larger toll updates the first one
    [toll] = [r for r in killed[0]["reasons"] if r["key"] == "killed"]
    assert (toll["relation"], toll["later"], killed[0]["label"]) == ("update", "b", "neutral")


def _no_run(monkeypatch):
    """Make any attempt to run the checker fail the test: these errors must come before the run."""
    import factcheck.pipeline

    def refuse(*args, **kwargs):
        raise AssertionError("the run started")

    monkeypatch.setattr(factcheck.pipeline, "Checker", refuse)


@pytest.mark.parametrize("output", ["missing-dir/r.html", "."])
def test_a_bad_output_path_is_refused_before_the_run(tmp_path, monkeypatch, capsys, output):
    (tmp_path / "a.txt").write_text("North Korea sent 3,000 troops to Russia, officials said.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _no_run(monkeypatch)
    assert main(["check", "a.txt", "-o", output, "--format", "html", "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert ("does not exist; create it" in err or "is a folder; give a file name" in err) and "Traceback" not in err


@pytest.mark.parametrize(("flags", "named"), [
    (["--batch-size", "0"], "batch_size = 0"), (["--top-k", "-1"], "top_k = -1"),
    (["--threshold", "2"], "similarity_threshold = 2.0"),
])
def test_bad_settings_exit_2_naming_the_valid_range_before_the_run(tmp_path, monkeypatch, capsys, flags, named):
    (tmp_path / "a.txt").write_text("North Korea sent 3,000 troops to Russia, officials said.", encoding="utf-8")
    _no_run(monkeypatch)
    assert main(["check", str(tmp_path), "--no-progress", *flags]) == 2
    err = capsys.readouterr().err
    assert named in err and ("at least 1" in err or "up to 1" in err)


def test_a_report_that_cannot_be_written_late_is_saved_to_a_fallback(tmp_path, monkeypatch, capsys):
    import factcheck.cli
    import factcheck.pipeline
    from factcheck.pipeline import statement_claim
    from factcheck.schema import Report

    doc, claim = statement_claim("a", "North Korea sent 3,000 troops to Russia, officials said.")

    class Finished:
        def __init__(self, *args, **kwargs):
            pass

        def check(self, paths):
            return Report(documents=[doc], claims=[claim], pairs=[])

    def disk_full(path, text):
        raise OSError(28, "No space left on device")

    (tmp_path / "a.txt").write_text("North Korea sent 3,000 troops to Russia, officials said.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(factcheck.pipeline, "Checker", Finished)
    monkeypatch.setattr(factcheck.cli, "write_atomically", disk_full)
    assert main(["check", "a.txt", "-o", "r.json", "--format", "json", "--no-progress"]) == 2
    err = capsys.readouterr().err
    [saved] = tmp_path.glob("factcheck-report-*.json")
    assert "No space left on device" in err and str(saved) in err
    assert json.loads(saved.read_text(encoding="utf-8"))["claims"][0]["text"] == claim.text
