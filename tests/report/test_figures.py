"""Figures on a number line: each qualifier drawn as the range the quantity check reads."""

from factcheck.report.figures import figures, number_line
from factcheck.schema import Quantity


def q(value, qualifier="exact"):
    return Quantity(value=value, start=0, end=1, text=str(value), qualifier=qualifier, unit="troops", key="troops")


def test_more_than_is_open_above_and_up_to_is_closed_at_its_figure():
    line = number_line("troops", [("a", q(1537)), ("r", q(1500)), ("b", q(3000, "more_than")),
                                  ("c", q(11000, "up_to"))])
    marks = {m.claim: m for m in line.marks}
    assert marks["b"].open_above and not marks["b"].open_below and marks["b"].x == marks["b"].x_low
    assert marks["c"].open_below and marks["c"].x == marks["c"].x_high > marks["c"].x_low
    assert marks["a"].x_low == marks["a"].x == marks["a"].x_high  # a precise figure is a point
    assert marks["r"].x_low < marks["r"].x < marks["r"].x_high  # a round one a short band


def test_conflicting_figures_do_not_overlap_and_agreeing_ones_do():
    line = number_line("troops", [("a", q(1500)), ("b", q(3000, "more_than")), ("c", q(3000))])
    m = {mark.claim: mark for mark in line.marks}
    assert m["a"].x_high < m["b"].x_low
    assert m["c"].x_low <= m["b"].x_low <= m["c"].x_high


def test_rows_go_up_the_scale_and_ticks_label_the_axis():
    line = number_line("troops", [("c", q(11000, "up_to")), ("a", q(1500))])
    assert [m.claim for m in line.marks] == ["a", "c"] and line.marks[0].y < line.marks[1].y
    assert ("0" in {label for _, label in line.ticks}) and any("," in label for _, label in line.ticks)


def test_a_single_figure_draws_no_line():
    assert number_line("troops", [("a", q(1500))]) is None


def test_figures_reads_the_quantities_each_version_names(small_report):
    fact = next(f for f in small_report.facts if f.status == "conflicting")
    quantities = {c.id: c.quantities for c in small_report.claims}
    assert sorted(qq.value for _, qq in figures(fact, "troops", quantities)) == [1500, 3000, 11000]
