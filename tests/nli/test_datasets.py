"""Readers of the public NLI data sets: label mappings checked against the raw files, layouts detected."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from factcheck.nli import datasets as ds

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "datasets"
needs_data = pytest.mark.skipif(
    not (DATA / "xnli" / "dev-en.tsv").is_file(),
    reason=f"shared data sets not found at {DATA} (see ../shared/datasets/README.md); skipping data tests",
)


@needs_data
def test_arnli_label_mapping_agrees_with_sick():
    sick = {}
    with (DATA / "sick" / "SICK.txt").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            sick[(r["sentence_A"].strip(), r["sentence_B"].strip())] = r["entailment_judgment"].lower()
    agree = total = 0
    with (DATA / "arnli" / "train_nli.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            # ArNLI's h is SICK's premise (sentence_A) for almost every row
            key = (r["sentence_h_en"].strip(), r["sentence_t_en"].strip())
            if key in sick:
                total += 1
                agree += ds.ARNLI_LABELS[r["label"]] == sick[key]
    assert total > 4000 and agree / total > 0.99
    first = ds.read_arnli(DATA / "arnli" / "train_nli.csv")
    assert {p.label for p in first} == set(ds.LABELS)


@needs_data
def test_ans_sick_arbteds_mappings():
    ans = ds.read_ans_stance(DATA / "ans" / "stance" / "train.csv")
    raw = Counter(r["stance"] for r in csv.DictReader((DATA / "ans/stance/train.csv").open(encoding="utf-8")))
    got = Counter(p.label for p in ans)
    assert got["entailment"] == raw["agree"] and got["contradiction"] == raw["disagree"] and got["neutral"] == raw["other"]
    sick = ds.read_sick(DATA / "sick" / "SICK.txt")
    assert Counter(p.label for p in sick) == {"neutral": 5595, "entailment": 2821, "contradiction": 1424} or len(sick) > 9000
    arb = ds.read_arbteds(DATA / "arbteds" / "train_ArbTEDS.csv")
    assert arb and {p.label for p in arb} == {"entailment"}
    both = ds.read_arbteds(DATA / "arbteds" / "train_ArbTEDS.csv", positives_only=False)
    assert {p.label for p in both} == {"entailment", "not-entailment"}


@needs_data
def test_read_eval_file_detects_layouts():
    assert ds.read_eval_file(DATA / "xnli" / "dev-ar.tsv")[0].source == "xnli-ar"
    assert ds.read_eval_file(DATA / "ans" / "stance" / "dev.csv")[0].source == "ans-stance"
    assert ds.read_eval_file(DATA / "arnli" / "valid_nli.csv")[0].source == "arnli"


def test_read_eval_file_detects_layouts_of_small_files(tmp_path):
    xnli = tmp_path / "dev-ar.tsv"
    xnli.write_text("premise\thypothesis\tlabel\r\nقتل 3\tقتل  ثلاثة\tentailment\r\na\tb\tcontradiction\r\n", encoding="utf-8")
    ans = tmp_path / "dev.csv"
    ans.write_text("s1,s2,stance\nx,y,disagree\nx,z,other\n", encoding="utf-8")
    arbteds = tmp_path / "valid_ArbTEDS.csv"
    arbteds.write_text("t,h,label\ntext,headline,1\ntext,other,0\n", encoding="utf-8")
    assert ds.read_eval_file(xnli) == [ds.Pair("قتل 3", "قتل ثلاثة", "entailment", "xnli-ar"),
                                       ds.Pair("a", "b", "contradiction", "xnli-ar")]
    assert [(p.label, p.source) for p in ds.read_eval_file(ans)] == [("contradiction", "ans-stance"),
                                                                      ("neutral", "ans-stance")]
    assert [p.label for p in ds.read_eval_file(arbteds)] == ["entailment", "not-entailment"]
    assert [p.label for p in ds.read_arbteds(arbteds)] == ["entailment"]  # training keeps positives only
    with pytest.raises(ds.DatasetMissing, match="not found"):
        ds.read_eval_file(tmp_path / "absent.csv")
