import dataclasses

from factcheck.checks.quantity import compare_quantities, compatible
from factcheck.extract.measures import unit_key
from factcheck.schema import Claim, Quantity


def q(value, qualifier="exact", unit="troops"):
    return Quantity(value=value, start=0, end=1, text=str(value), qualifier=qualifier, unit=unit, key=unit)


def test_more_than_three_thousand_agrees_with_three_thousand_and_3100_not_1500():
    assert compatible(q(3000, "more_than"), q(3000))
    assert compatible(q(3000, "more_than"), q(3100))
    assert not compatible(q(3000, "more_than"), q(1500))


def test_up_to_eleven_thousand_is_a_different_estimate_from_three_thousand():
    assert not compatible(q(11000, "up_to"), q(3000))
    assert not compatible(q(11000, "up_to"), q(3000, "more_than"))
    assert compatible(q(11000, "up_to"), q(10000, "about"))


def test_exact_figures_must_match_unless_round():
    assert not compatible(q(7.8, unit="magnitude"), q(6.9, unit="magnitude"))
    assert not compatible(q(7.8, unit="magnitude"), q(7.5, unit="magnitude"))
    assert compatible(q(3000), q(3100))
    assert not compatible(q(1500), q(3000))


def test_about_allows_ten_percent_either_way():
    assert compatible(q(3000, "about"), q(3250))
    assert not compatible(q(3000, "about"), q(3500))


def test_vague_figures_decide_nothing():
    assert compatible(q(1000, "vague"), q(11000)) is None


def claim(text, *quantities):
    """Hand-written figures keyed as extraction keys them (the measure of a percentage)."""
    keyed = [dataclasses.replace(q, key=unit_key(q, text)) for q in quantities]
    return Claim(id="x:1", doc="x", start=0, end=len(text), text=text, quantities=keyed)


def test_only_units_both_claims_count_are_compared():
    assert compare_quantities(claim("3000 troops", q(3000)), claim("3000 killed", q(3000, unit="killed"))) == []


def test_a_claim_with_two_figures_conflicts_only_if_neither_fits():
    [(unit, _, _, ok)] = compare_quantities(claim("3000 and 1500", q(3000), q(1500)), claim("1500", q(1500)))
    assert unit == "troops" and ok


def test_percentages_compare_only_within_one_measure():
    rate = claim("The bank raised its interest rate to 19.75%.",
                 Quantity(value=19.75, start=37, end=43, text="19.75%", unit="percent"))
    inflation = claim("Inflation reached 31% in May.", Quantity(value=31, start=18, end=21, text="31%", unit="percent"))
    other_rate = claim("سعر الفائدة بلغ 19.25%", Quantity(value=19.25, start=16, end=22, text="19.25%", unit="percent"))
    assert compare_quantities(rate, inflation) == []
    [(unit, _, _, ok)] = compare_quantities(rate, other_rate)
    assert unit == "percent:interest_rate" and not ok
