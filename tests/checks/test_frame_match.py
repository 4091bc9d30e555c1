"""Figures of one key are compared only when their contexts, numbers masked, say they count the
same thing (``FrameMatch``): "800 soldiers reinforced the levee" is no version of "three million
soldiers and civilians were mobilised along the river"."""

import dataclasses
import re
import zlib

import numpy as np
import pytest

from factcheck import stages
from factcheck.checks import FrameMatch, load_checks, run_checks
from factcheck.config import Config
from factcheck.errors import ConfigError
from factcheck.pipeline import Checker, statement_claim
from factcheck.schema import Pair
from factcheck.verdict import decide

LEVEE = "800 soldiers reinforced the levee on Sunday."
RIVER = "Three million soldiers and civilians were mobilised along the river."


class BagOfWords:
    """Deterministic stand-in encoder: words hashed into 256 dimensions, unit length, so texts
    sharing their words are close and the mask ("#") counts for nothing."""

    def __init__(self):
        self.calls = []

    def encode(self, texts):
        self.calls.append(list(texts))
        vectors = np.zeros((len(texts), 256), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                vectors[row, zlib.crc32(word.encode()) % 256] += 1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1, norms)


def unit(*values):
    v = np.array(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def pair_of(text_a, text_b, lang_b=None):
    (doc_a, a), (doc_b, b) = statement_claim("a", text_a), statement_claim("b", text_b)
    if lang_b:
        b = dataclasses.replace(b, language=lang_b)
    return {a.id: a, b.id: b}, {doc_a.id: doc_a, doc_b.id: doc_b}, Pair(a=a.id, b=b.id, similarity=0.9)


def quantity_reasons(text_a, text_b, frames, lang_b=None):
    claims, docs, pair = pair_of(text_a, text_b, lang_b)
    [checked] = run_checks([pair], claims, docs, checks=load_checks(), frames=frames)
    return [(r.relation, r.note) for r in checked.reasons if r.kind == "quantity"]


def frames_at(cosine, same=0.9, cross=0.8):
    """Every figure of claim a against every figure of claim b at the given cosine."""
    return FrameMatch({("a:1", 0): unit(1, 0), ("b:1", 0): unit(cosine, (1 - cosine ** 2) ** 0.5)},
                      same=same, cross=cross)


def test_figures_whose_contexts_differ_count_different_things_and_are_set_apart():
    assert quantity_reasons("800 troops were sent.", "3,000 troops were sent.", frames_at(0.5)) == [
        ("apart", "the figures count different things")]


def test_figures_whose_contexts_match_are_still_compared():
    assert quantity_reasons("800 troops were sent.", "3,000 troops were sent.", frames_at(0.95)) == [("conflict", "")]


def test_without_frames_figures_are_compared_on_their_keys_alone():
    assert quantity_reasons("800 troops were sent.", "3,000 troops were sent.", None) == [("conflict", "")]


def test_figures_that_fit_agree_whatever_their_contexts():
    assert quantity_reasons("3,000 troops were sent.", "3,000 troops arrived.", frames_at(0.1)) == [("agree", "")]


def test_across_languages_the_lower_cross_language_cosine_applies():
    frames = frames_at(0.85, same=0.9, cross=0.8)
    assert quantity_reasons("800 troops were sent.", "3,000 troops were sent.", frames) == [
        ("apart", "the figures count different things")]
    assert quantity_reasons("800 troops were sent.", "3,000 troops were sent.", frames, lang_b="ar") == [
        ("conflict", "")]


def test_a_model_contradiction_between_figures_of_different_things_is_overruled():
    claims, docs, pair = pair_of("800 troops were sent.", "3,000 troops were sent.")
    contradiction = {"entailment": 0.02, "neutral": 0.03, "contradiction": 0.95}
    pair = dataclasses.replace(pair, nli={"a->b": contradiction, "b->a": contradiction})
    [checked] = run_checks([pair], claims, docs, checks=load_checks(), frames=frames_at(0.5))
    decided = decide(checked, min_confidence=0.5)
    assert decided.label == "neutral" and decided.reasons[-1].kind == "nli-override"


def test_frame_vectors_embed_each_distinct_context_once_keyed_by_claim_and_figure():
    claims = [statement_claim(f"d{i}", text)[1] for i, text in
              enumerate(["The quake killed 300 people.", "The quake killed 450 people.", "No figures here."])]
    encoder = BagOfWords()
    vectors = stages.frame_vectors(claims, encoder)
    assert set(vectors) == {("d0:1", 0), ("d1:1", 0)}
    assert encoder.calls == [["The quake killed # people."]]
    assert stages.frame_vectors(claims[2:], encoder) == {}


def test_frame_matching_is_configured_and_off_without_structured_checks():
    assert stages.FrameSettings.from_config(Config(frame_similarity=0.9, frame_cross_similarity=0.8)) == \
        stages.FrameSettings(same=0.9, cross=0.8)
    assert stages.FrameSettings.from_config(Config(frame_similarity=0)) is None
    assert stages.FrameSettings.from_config(Config(structured_checks=False)) is None
    with pytest.raises(ConfigError, match="frame_similarity"):
        Config(frame_similarity=1.5)
    with pytest.raises(ConfigError, match="frame_similarity"):
        Config(frame_similarity=None)
    with pytest.raises(ConfigError, match="frame_cross_similarity"):
        Config(frame_cross_similarity=-0.1)


def stand_in_checker(**settings):
    config = Config(nli_model=None, similarity_threshold=0.2, show_progress=False, result_cache=False,
                    frame_similarity=0.6, frame_cross_similarity=0.5).replace(**settings)
    return Checker(config, encoder=BagOfWords())


def test_the_checker_sets_apart_troop_figures_of_a_levee_and_of_a_whole_river(tmp_path):
    (tmp_path / "one.txt").write_text(f"{LEVEE}\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text(f"{RIVER}\n", encoding="utf-8")
    [pair] = stand_in_checker().check([tmp_path]).pairs
    assert [(r.relation, r.note) for r in pair.reasons if r.kind == "quantity"] == [
        ("apart", "the figures count different things")]


def test_judged_statements_get_the_same_frames_as_checked_articles():
    levee, quake = stand_in_checker().judge([(LEVEE, RIVER), ("The quake killed 300 people.",
                                                              "The quake killed 450 people.")])
    assert [r.relation for r in levee.reasons if r.kind == "quantity"] == ["apart"]
    assert [r.relation for r in quake.reasons if r.kind == "quantity"] == ["conflict"]
    assert quake.label == "contradiction"
    [keys_alone] = stand_in_checker(frame_similarity=0).judge([(LEVEE, RIVER)])
    assert [r.relation for r in keys_alone.reasons if r.kind == "quantity"] == ["conflict"]
