"""The NLI training mix: XNLI split hygiene, no evaluation pair or sentence trained on."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from factcheck.nli import datasets as ds
from factcheck.training import mix as mx

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "datasets"
needs_data = pytest.mark.skipif(
    not (DATA / "xnli" / "dev-en.tsv").is_file(),
    reason=f"shared data sets not found at {DATA} (see ../shared/datasets/README.md); skipping data tests",
)


@needs_data
def test_the_v1_mix_is_the_one_the_shipped_model_was_trained_on():
    manifest = json.loads((Path(__file__).resolve().parents[2] / "models/e5-small-nli/manifest.json").read_text())
    counts = mx.build_mix(DATA, seed=0).counts()
    assert counts == manifest["data_mix"]


@needs_data
def test_xnli_split_is_disjoint_across_all_languages():
    train, held = mx.xnli_split(DATA, seed=mx.DEFAULT_SPLIT_SEED)
    assert not set(train) & set(held)
    assert sorted(train + held) == list(range(ds.XNLI_PAIRS))
    assert abs(len(held) - ds.XNLI_PAIRS / 2) < 10
    # the same seed gives the same split; premises never straddle it
    assert mx.xnli_split(DATA, seed=mx.DEFAULT_SPLIT_SEED) == (train, held)
    en = ds.read_xnli(DATA / "xnli" / "dev-en.tsv")
    assert not {ds.norm_key(en[i].premise) for i in train} & {ds.norm_key(en[i].premise) for i in held}
    # every language file has the same pairs in the same order (same labels row by row)
    labels_en = [p.label for p in en]
    for lang in ds.XNLI_LANGS:
        rows = ds.read_xnli(DATA / "xnli" / f"dev-{lang}.tsv")
        assert [p.label for p in rows] == labels_en, lang


@needs_data
def test_training_mix_never_contains_held_out_xnli_pairs():
    mix = mx.build_mix(DATA, seed=0, max_train_pairs=3000, mix="v2")
    held = set(mix.xnli_held_out_indices)
    held_text = set()
    for lang in ds.XNLI_LANGS:
        rows = ds.read_xnli(DATA / "xnli" / f"dev-{lang}.tsv")
        held_text |= {(rows[i].premise, rows[i].hypothesis) for i in held}
    train_text = {(p.premise, p.hypothesis) for p in mix.train if p.source.startswith("xnli")}
    assert train_text and not train_text & held_text
    # cross-lingual pairs mix two translations of one train pair, never a held-out sentence
    held_sentences = {s for pair in held_text for s in pair}
    cross = [p for p in mix.train if p.source == "xnli-cross"]
    assert cross and not [p for p in cross if p.premise in held_sentences or p.hypothesis in held_sentences]
    # synthetic cases never copy an evaluation sentence verbatim
    forbidden = {ds.norm_key(s) for s in mx.eval_sentences(DATA, mix.xnli_held_out_indices)}
    synth = [p for p in mix.train if p.source.startswith("synthetic")]
    assert synth
    assert not [p for p in synth if ds.norm_key(p.premise) in forbidden or ds.norm_key(p.hypothesis) in forbidden]
    # no ANS/ArNLI dev pair is trained on
    dev_pairs = {(p.premise, p.hypothesis) for p in ds.read_ans_stance(DATA / "ans/stance/dev.csv")}
    dev_pairs |= {(p.premise, p.hypothesis) for p in ds.read_arnli(DATA / "arnli/valid_nli.csv")}
    assert not {(p.premise, p.hypothesis) for p in mix.train} & dev_pairs
    assert set(Counter(p.label for p in mix.train)) == set(ds.LABELS)
