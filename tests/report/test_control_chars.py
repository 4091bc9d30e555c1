"""Terminal escape injection: control characters quoted from an article are shown, never acted
on, in every text format (``factcheck.report.view.printable``); JSON keeps the text exact."""

import json
import re

import pytest

from factcheck import stages
from factcheck.report import render_html, render_json, render_markdown, render_terminal
from factcheck.report.view import printable
from factcheck.schema import Pair, Report

HOSTILE = ["\x1b]0;owned\x07", "\x1b[1A\x1b[2K", "\x1b[8m", "\x9b31m"]
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ansi")
    lines = [f"North Korea sent {n},000 troops to Russia {code}the White House said on day {n}."
             for n, code in enumerate(HOSTILE, start=1)]
    # a real article around them: a file that is mostly control characters is refused as binary
    body = [f"Officials in Seoul described the deployment in detail at briefing number {n} on Monday." for n in range(12)]
    (folder / "ansi\x1b[8m.txt").write_text("Troops \x1b[31min\x1b[0m Russia today\n\n" + "\n\n".join(lines + body) + "\n")
    (folder / "plain.txt").write_text("South Korea said 1,500 troops were sent to Russia, officials said.\n")
    sources, problems = stages.read([folder])
    assert not problems
    documents, _ = stages.articles(sources)
    claims, _ = stages.claims(documents)
    hostile = [c for c in claims if c.doc != "plain"]
    plain = next(c for c in claims if c.doc == "plain")
    pairs = [Pair(a=c.id, b=plain.id, similarity=0.95, label="contradiction", confidence=0.99) for c in hostile]
    return Report(documents=documents, claims=claims, pairs=pairs, notes=["note \x1b[2J"],
                  problems=[])


def test_printable_shows_every_control_character_and_keeps_newlines_and_tabs():
    assert printable("a\x1b[2Kb\x07\tc\nd\r\x9b\x7f") == "a␛[2Kb␇\tc\nd␍\\x9b␡"


@pytest.mark.parametrize("render", [render_terminal, render_markdown, render_html], ids=["text", "markdown", "html"])
def test_text_formats_show_control_characters_instead_of_sending_them(hostile_report, render):
    out = render(hostile_report)
    assert "␛" in out
    assert not RAW_CONTROL.findall(out.replace("\r\n", "\n"))


def test_json_keeps_the_text_exact(hostile_report):
    data = json.loads(render_json(hostile_report))
    quoted = "".join(c["text"] for c in data["claims"])
    assert all(code.strip() in quoted for code in HOSTILE if code.strip())
