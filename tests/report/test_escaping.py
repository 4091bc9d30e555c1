"""Every report format quotes article text literally: no markup from an article gets through."""

import json
import re
from datetime import date

from factcheck.report import render_html, render_json, render_markdown, render_terminal
from factcheck.schema import Claim, DateMention, Document, Fact, Pair, Problem, Quantity, Reason, Report, Source

HOSTILE = "<script>alert(1)</script> [bold red]x[/bold red] [link](http://evil) | *em* `code` & more"
ATTR = "\" onmouseover=\"alert(2)"


def hostile_report():
    text = HOSTILE + "\n" + HOSTILE + " again\n"
    source = Source(path="evil<1>.txt", text=text, outlet=HOSTILE + ATTR, url="javascript:alert(3)")
    docs = [Document(id="a", source=source, start=0, end=len(HOSTILE), title=HOSTILE + ATTR, published=date(2024, 1, 2)),
            Document(id="b<i>", source=source, start=len(HOSTILE) + 1, end=len(text) - 1, title=None,
                     language="ar\"><u>", parent="a")]
    q = Quantity(value=3000, start=0, end=3, text=HOSTILE, qualifier="more_than", unit="troops", key="troops")
    q2 = Quantity(value=1500, start=0, end=3, text=HOSTILE, unit="troops", key="troops")
    claims = [Claim(id="a:1", doc="a", start=0, end=len(HOSTILE), text=HOSTILE, attribution=HOSTILE + ATTR,
                    quantities=[q], dates=[DateMention(start=0, end=3, text=HOSTILE, value=date(2024, 1, 1))]),
              Claim(id="b<i>:1", doc="b<i>", start=len(HOSTILE) + 1, end=len(text) - 1, text=HOSTILE + " again",
                    quantities=[q2], language="ar\"><u>")]
    reason = Reason("quantity", "conflict", key="troops", values=("more than 3,000 troops", "1,500 troops"),
                    sources=(HOSTILE, HOSTILE), note=HOSTILE)
    pairs = [Pair(a="a:1", b="b<i>:1", similarity=0.9, label="contradiction", confidence=0.9,
                  reasons=[reason, Reason(HOSTILE, "conflict", values=(HOSTILE, HOSTILE), sources=(HOSTILE, HOSTILE))]),
             Pair(a="a:1", b="b<i>:1", similarity=0.8)]
    versions = [{"claim": c.id, "doc": c.doc, "published": None, "attribution": HOSTILE, "value": v, "text": HOSTILE}
                for c, v in zip(claims, ("more than 3,000 troops", "1,500 troops"))]
    facts = [Fact(id="f1", claims=["a:1", "b<i>:1"], summary=HOSTILE, status="conflicting", versions=versions)]
    return Report(documents=docs, claims=claims, pairs=pairs, facts=facts, problems=[Problem("bad<x>.txt", HOSTILE)],
                  notes=[HOSTILE])


def test_html_escapes_every_quoted_string():
    page = render_html(hostile_report(), show="all")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)" in page
    assert "evil<1>" not in page and "bad<x>" not in page and "<i>" not in page and "<u>" not in page
    assert 'onmouseover="' not in page and "javascript:" not in page
    # the page's own script is the only one
    assert len(re.findall(r"<script\b", page)) == 1


def test_markdown_renders_quotes_as_literal_text():
    md = render_markdown(hostile_report(), show="all")
    assert "<script>" not in md and "[link](http://evil)" not in md
    assert "\\<script\\>" in md and "\\*em\\*" in md and "\\|" in md


def test_terminal_shows_rich_markup_literally():
    out = render_terminal(hostile_report(), width=400, show="all")
    assert "[bold red]x[/bold red]" in out


def test_json_round_trips_the_exact_text():
    data = json.loads(render_json(hostile_report()))
    assert data["claims"][0]["text"] == HOSTILE
    reason = data["pairs"][0]["reasons"][1]
    assert reason["values"] == [HOSTILE, HOSTILE] and reason["sources"] == [HOSTILE, HOSTILE]
