"""Every report format quotes article text literally: no markup from an article gets through."""

import json

from factcheck.report import render_html, render_json, render_markdown, render_terminal
from factcheck.schema import Claim, Document, Pair, Problem, Reason, Report, Source

HOSTILE = "<script>alert(1)</script> [bold red]x[/bold red] [link](http://evil) | *em* `code` & more"


def hostile_report():
    text = HOSTILE + "\n" + HOSTILE + " again\n"
    source = Source(path="evil<1>.txt", text=text)
    docs = [Document(id="a", source=source, start=0, end=len(HOSTILE), title=HOSTILE),
            Document(id="b", source=source, start=len(HOSTILE) + 1, end=len(text) - 1, title=None)]
    claims = [Claim(id="a:1", doc="a", start=0, end=len(HOSTILE), text=HOSTILE),
              Claim(id="b:1", doc="b", start=len(HOSTILE) + 1, end=len(text) - 1, text=HOSTILE + " again")]
    pairs = [Pair(a="a:1", b="b:1", similarity=0.9, label="contradiction", confidence=0.9,
                  reasons=[Reason("quantity", "conflict", key=HOSTILE, values=(HOSTILE, HOSTILE),
                                 sources=(HOSTILE, HOSTILE))])]
    return Report(documents=docs, claims=claims, pairs=pairs, problems=[Problem("bad<x>.txt", HOSTILE)])


def test_html_escapes_every_quoted_string():
    page = render_html(hostile_report())
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "evil<1>" not in page and "bad<x>" not in page


def test_markdown_renders_quotes_as_literal_text():
    md = render_markdown(hostile_report())
    assert "<script>" not in md and "[link](http://evil)" not in md
    assert "\\<script\\>" in md and "\\*em\\*" in md and "\\|" in md


def test_terminal_shows_rich_markup_literally():
    out = render_terminal(hostile_report(), width=400)
    assert "[bold red]x[/bold red]" in out


def test_json_round_trips_the_exact_text():
    data = json.loads(render_json(hostile_report()))
    assert data["claims"][0]["text"] == HOSTILE
    reason = data["pairs"][0]["reasons"][0]
    assert reason["values"] == [HOSTILE, HOSTILE] and reason["sources"] == [HOSTILE, HOSTILE]
    assert reason["detail"] == f"{HOSTILE} ({HOSTILE}) vs {HOSTILE} ({HOSTILE})"
