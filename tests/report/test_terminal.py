"""The terminal report fits 80 columns and loses neither reasons nor ids."""

import re

from rich.cells import cell_len

from factcheck.report import render_terminal


def test_every_line_fits_an_80_column_terminal(small_report):
    out = render_terminal(small_report)
    assert max(cell_len(line) for line in out.splitlines()) <= 80


def test_reasons_are_printed_in_full_with_sources_by_name(small_report):
    out = " ".join(render_terminal(small_report).split())
    assert "quantity: more than 3,000 troops (Reuters · 2025-04-27 · officials) vs 1,500 troops" in out


def test_ids_and_quotes_are_whole(small_report):
    out = render_terminal(small_report)
    for doc in small_report.documents:  # each id whole, on one line
        assert re.search(rf"(?<!\w){re.escape(doc.id)}(?![\w#])", out)
    assert "…" not in out.split("Pairs")[-1]
    assert "Officials said more than 3,000 troops arrived on 26" in " ".join(out.split())


def test_neutral_pairs_are_hidden_by_default_and_listed_with_show_all(small_report):
    assert "The weather was mild." not in render_terminal(small_report).split("Pairs")[-1]
    assert "1 pairs not listed (neutral); --show all" in render_terminal(small_report)
    assert "The weather was mild." in render_terminal(small_report, show="all").split("Pairs")[-1]
