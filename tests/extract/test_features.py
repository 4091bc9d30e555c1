"""Every feature a check compares is extracted once, onto the claim, in the source's frame."""

from factcheck.extract.features import annotate, explicit_years
from factcheck.extract.quantities import find_quantities
from factcheck.schema import Claim, Document, Source


def annotated(text, prefix="Earlier text. "):
    source = Source(path="x.txt", text=prefix + text)
    doc = Document(id="x", source=source, start=0, end=len(source.text))
    return annotate(Claim(id="x:1", doc="x", start=len(prefix), end=len(source.text), text=text), doc)


def test_a_count_in_a_vowelled_sentence_is_not_read_as_a_year():
    text = "أرسلتْ كوريا الشماليةُ 2000 جندي إلى روسيا"
    assert explicit_years(text, find_quantities(text), []) == set()
    assert annotated(text).years == frozenset()


def test_a_bare_year_places_the_claim_in_time():
    assert annotated("The region's last deadly earthquake, in 2018, killed about 300 people.").years == {2018}


def test_parts_of_a_claim_index_the_source_text():
    claim = annotated("North Korea sent more than 3,000 troops to Russia on 7 November 2024.")
    source = "Earlier text. " + claim.text
    assert claim.quantities and claim.dates
    for part in [*claim.quantities, *claim.dates]:
        assert source[part.start:part.end] == part.text


def test_places_cues_and_event_words_are_on_the_claim():
    claim = annotated("The ministry denied that Egypt's army fired on the crowd.")
    assert claim.countries == {"egypt"} and claim.denial and claim.negated
    assert {"ministry", "army", "fired", "crowd"} <= claim.event_words
    assert annotated("هذا أول تأكيد رسمي لنشر قوات كورية شمالية في روسيا").absolute_first


def test_a_percentage_is_keyed_by_its_measure():
    [rate] = annotated("The bank raised its interest rate to 19.75%.").quantities
    assert rate.key == "percent:interest_rate"
