"""The Markdown report: GitHub tables, quotes as written (no stray escapes, no invisible marks)."""

import re

from factcheck.report import render_markdown

INVISIBLE = "\u2066\u2067\u2068\u2069\u200e\u200f\u202a\u202b\u202c\u202d\u202e"


def test_summary_and_facts_are_tables_with_one_row_per_version(small_report):
    md = render_markdown(small_report)
    assert "## Summary\n\n| fact | conflict | versions | sources |\n|---|---|--:|---|\n| f1: troops:" in md
    assert "| says | who | source | date | history | quote |" in md
    assert ("| up to 11,000 troops | unattributed | notes.txt | 2025-04-20 | disagrees with more than 3,000 troops "
            "(2025-04-26, in the text), 1,500 troops (undated) | Estimates put the force") in md
    for table in _tables(md):
        assert len({len(re.findall(r"(?<!\\)\|", row)) for row in table}) == 1, table


def _tables(md):
    tables, current = [], []
    for line in md.splitlines() + [""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables


def test_quotes_keep_their_punctuation_and_carry_no_invisible_marks(small_report):
    md = render_markdown(small_report)
    assert "Officials said more than 3,000 troops arrived on 26 April." in md
    assert "قالت الوزارة إن 1500 جندي وصلوا." in md
    assert not any(ch in md for ch in INVISIBLE)
    assert "\\." not in md and "\\-" not in md and "\\(" not in md and "\\_" not in md


def test_neutral_pairs_are_listed_only_when_asked(small_report):
    assert "The weather was mild." not in render_markdown(small_report).split("## Pairs")[1]
    assert "The weather was mild." in render_markdown(small_report, show="all").split("## Pairs")[1]
