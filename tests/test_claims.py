from factcheck.claims import extract_claims


def test_seed_claims_round_trip_and_carry_their_extractions(seed_documents):
    claims = extract_claims(seed_documents)
    texts = {d.id: d.source.text for d in seed_documents}
    assert len(claims) > 50
    for claim in claims:
        assert texts[claim.doc][claim.start:claim.end] == claim.text
        for quantity in claim.quantities:
            assert claim.text[quantity.start:quantity.end] == quantity.text
    troops = {c.doc: c for c in claims if any(q.unit == "troops" and q.qualifier != "vague" for q in c.quantities)}
    assert set(troops) == {"000_80cd373ff1d3d8d0", "001_765a9e3110cb316c", "002_7f3ffb81817a861b#2",
                           "003_349d150d1a2d97aa"}
    assert troops["000_80cd373ff1d3d8d0"].attribution == "البيت الأبيض الأمريكي"


def test_questions_and_fragments_are_not_claims(seed_documents):
    claims = extract_claims(seed_documents)
    assert all(not c.text.endswith(("?", "؟")) for c in claims)
    assert all(len(c.text.split()) >= 4 for c in claims)


def test_relative_dates_resolve_against_the_article_date(seed_documents):
    story = next(d for d in seed_documents if d.id == "002_7f3ffb81817a861b#2")
    [kremlin] = [c for c in extract_claims([story]) if "زعم الكرملين" in c.text]
    assert [d.value.isoformat() for d in kremlin.dates if d.value] == ["2025-04-26"]
