"""Evidence in context: the runs put the document back together, claims at their offsets."""

from factcheck.report.context import runs


def test_runs_rebuild_the_document_text_and_mark_each_claim_at_its_span(small_report):
    for doc in small_report.documents:
        claims = [c for c in small_report.claims if c.doc == doc.id]
        pieces = runs(doc, claims)
        assert "".join(r.text for r in pieces) == doc.text
        for claim in claims:
            assert "".join(r.text for r in pieces if r.claim is claim) == doc.source.text[claim.start:claim.end]
            assert sum(r.first for r in pieces if r.claim is claim) == 1


def test_text_outside_the_content_lines_is_marked_as_furniture(small_report):
    doc = small_report.documents[0]
    pieces = runs(doc, [])
    assert [r.furniture for r in pieces] == [False, True] and pieces[1].text == "\n"


def test_overlapping_claims_are_highlighted_once(small_report):
    doc = small_report.documents[0]
    first = small_report.claims[0]
    overlapping = type(first)(id="x", doc=doc.id, start=first.start + 3, end=first.end + 5, text="")
    pieces = runs(doc, [first, overlapping])
    assert all(r.claim is not overlapping for r in pieces)
