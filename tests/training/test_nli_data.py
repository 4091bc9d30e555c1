"""The NLI training data: XNLI split hygiene, label mappings, synthetic hard cases."""

from __future__ import annotations

import csv
import json
import random
from collections import Counter
from pathlib import Path

import pytest

from factcheck.training import nli_data as nd

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "datasets"
needs_data = pytest.mark.skipif(
    not (DATA / "xnli" / "dev-en.tsv").is_file(),
    reason=f"shared data sets not found at {DATA} (see ../shared/datasets/README.md); skipping data tests",
)


# ----------------------------------------------------------------------------- no data needed


def test_number_swap_changes_a_number_and_keeps_the_script():
    rng = random.Random(0)
    out = nd.number_swap("قتل 3 أشخاص في الهجوم", rng)
    assert out and out != "قتل 3 أشخاص في الهجوم" and "أشخاص" in out
    indic = nd.number_swap("قتل ٣ أشخاص في الهجوم", rng)
    assert indic and any(c in "٠١٢٣٤٥٦٧٨٩" for c in indic) and indic != "قتل ٣ أشخاص في الهجوم"
    assert nd.number_swap("no numbers here", rng) is None


def test_number_swap_agrees_arabic_thousands():
    # "3 آلاف" becomes "<n> ألف" whenever n > 10
    for seed in range(30):
        out = nd.number_swap("نزوح 3 آلاف شخص", random.Random(seed))
        n = int(out.split()[1])
        assert out.split()[2] == ("ألف" if n > 10 else "آلاف")


def test_digit_script_swap_is_same_number():
    assert nd.digits_script_swap("ارتفع 25 في المئة") == "ارتفع ٢٥ في المئة"
    assert nd.digits_script_swap("ارتفع ٢٥ في المئة") == "ارتفع 25 في المئة"


def test_negation_and_date_swap():
    rng = random.Random(1)
    for text in ["يستهدف الجيش مواقع المسلحين", "The minister was in Cairo on Monday"]:
        neg = nd.negate(text, rng)
        assert neg and neg != text
    swapped = nd.date_swap("وصل الوفد يوم الأحد إلى القاهرة", rng)
    assert swapped and "الأحد" not in swapped and swapped.split()[3] in nd.AR_WEEKDAYS
    assert nd.date_swap("no date here", rng) is None


def test_synthetic_labels_are_right_and_avoid_forbidden_sentences():
    sentences = [
        "قتل 3 أشخاص في انفجار بالعاصمة بغداد، وفق الشرطة",
        "يستهدف الجيش مواقع المسلحين في الشمال بعد هجوم أمس",
        "The central bank raised rates by 25 basis points, the statement said",
        "Thousands protested in the capital on Friday and police made arrests",
        "السعودية تسلم اليمن 2 مليار دولار أميركي كوديعة في البنك المركزي",
    ]
    forbidden = {sentences[-1]}
    pairs = nd.synthetic_pairs(sentences, seed=3, n=200, forbidden=forbidden)
    assert pairs
    expected = {
        "number": "contradiction", "negation": "contradiction", "date": "contradiction",
        "weekday-swap": "contradiction", "digits": "entailment", "copy": "entailment",
        "clause-drop": "entailment", "weekday-drop": "entailment", "weekday-added": "neutral",
        "clause-added": "neutral",
    }
    for p in pairs:
        kind = p.source.removeprefix("synthetic-")
        assert p.label == expected[kind], p
        assert p.premise not in forbidden and p.hypothesis not in forbidden
        if kind == "copy":
            assert p.premise == p.hypothesis
        elif kind in ("clause-drop", "weekday-drop"):
            assert p.premise.startswith(p.hypothesis.rstrip("."))
        elif kind in ("clause-added", "weekday-added"):
            assert p.hypothesis.startswith(p.premise.rstrip("."))
        else:
            assert p.premise != p.hypothesis


def test_actor_swap_replaces_the_longest_named_actor_and_nothing_else():
    rng = random.Random(0)
    out = nd.actor_swap("North Korea confirmed for the first time that its troops fight in Kursk", rng)
    assert out and out.endswith("confirmed for the first time that its troops fight in Kursk")
    assert not out.startswith("North Korea") and "Korea Korea" not in out
    ar = nd.actor_swap("أكدت روسيا لأول مرة مشاركة القوات في المعارك", rng)
    assert ar and "روسيا" not in ar and ar.startswith("أكدت ") and ar.endswith("لأول مرة مشاركة القوات في المعارك")
    assert nd.actor_swap("The committee met on Tuesday", rng) is None


def test_first_claim_adds_a_first_marker_once():
    rng = random.Random(0)
    assert nd.first_claim("Russia confirmed the deployment", rng) == "For the first time, russia confirmed the deployment"
    assert nd.first_claim("For the first time, Russia confirmed it", rng) == "For the first time, Russia confirmed it"
    assert nd.first_claim("أكدت روسيا الخبر", rng).split("،")[0] in ("لأول مرة", "للمرة الأولى")
    assert nd.first_claim("أكدت روسيا لأول مرة الخبر", rng) == "أكدت روسيا لأول مرة الخبر"


def test_first_time_actor_swaps_are_contradictions_and_unrelated_news_is_neutral():
    sentences = [
        "أكدت روسيا وجود قوات أجنبية على أراضيها في كورسك",
        "اعترفت كوريا الشمالية بإرسال جنود إلى الجبهة في كورسك",
        "Iran announced a new satellite launch from its northern base",
        "ارتفاع أسعار الذهب في الأسواق العالمية مع تراجع الدولار",
        "انخفاض أسعار النفط في الأسواق الآسيوية بعد بيانات المخزون",
        "تراجع الدولار أمام اليورو في تعاملات الأسواق الأوروبية اليوم",
    ]
    pairs = nd.synthetic_pairs(sentences, seed=1, n=300, quota=nd.SYNTHETIC_QUOTAS["v2"])
    first = [p for p in pairs if p.source == "synthetic-first-actor"]
    unrelated = [p for p in pairs if p.source == "synthetic-unrelated"]
    assert first and unrelated
    for p in first:
        assert p.label == "contradiction" and p.premise != p.hypothesis
        assert any(m in p.premise for m in ("لأول مرة", "للمرة الأولى", "For the first time"))
    for p in unrelated:
        assert p.label == "neutral" and p.premise != p.hypothesis
        assert nd.is_arabic(p.premise) == nd.is_arabic(p.hypothesis)
        assert nd._content_words(p.premise) & nd._content_words(p.hypothesis)


# ----------------------------------------------------------------------------- with the data sets


@needs_data
def test_the_v1_mix_is_the_one_the_shipped_model_was_trained_on():
    manifest = json.loads((Path(__file__).resolve().parents[2] / "models/e5-small-nli/manifest.json").read_text())
    counts = nd.build_mix(DATA, seed=0).counts()
    assert counts == manifest["data_mix"]


@needs_data
def test_xnli_split_is_disjoint_across_all_languages():
    train, held = nd.xnli_split(DATA, seed=nd.DEFAULT_SPLIT_SEED)
    assert not set(train) & set(held)
    assert sorted(train + held) == list(range(nd.XNLI_PAIRS))
    assert abs(len(held) - nd.XNLI_PAIRS / 2) < 10
    # the same seed gives the same split; premises never straddle it
    assert nd.xnli_split(DATA, seed=nd.DEFAULT_SPLIT_SEED) == (train, held)
    en = nd.read_xnli(DATA / "xnli" / "dev-en.tsv")
    assert not {nd.norm_key(en[i].premise) for i in train} & {nd.norm_key(en[i].premise) for i in held}
    # every language file has the same pairs in the same order (same labels row by row)
    labels_en = [p.label for p in en]
    for lang in nd.XNLI_LANGS:
        rows = nd.read_xnli(DATA / "xnli" / f"dev-{lang}.tsv")
        assert [p.label for p in rows] == labels_en, lang


@needs_data
def test_training_mix_never_contains_held_out_xnli_pairs():
    mix = nd.build_mix(DATA, seed=0, max_train_pairs=3000, mix="v2")
    held = set(mix.xnli_held_out_indices)
    held_text = set()
    for lang in nd.XNLI_LANGS:
        rows = nd.read_xnli(DATA / "xnli" / f"dev-{lang}.tsv")
        held_text |= {(rows[i].premise, rows[i].hypothesis) for i in held}
    train_text = {(p.premise, p.hypothesis) for p in mix.train if p.source.startswith("xnli")}
    assert train_text and not train_text & held_text
    # cross-lingual pairs mix two translations of one train pair, never a held-out sentence
    held_sentences = {s for pair in held_text for s in pair}
    cross = [p for p in mix.train if p.source == "xnli-cross"]
    assert cross and not [p for p in cross if p.premise in held_sentences or p.hypothesis in held_sentences]
    # synthetic cases never copy an evaluation sentence verbatim
    forbidden = {nd.norm_key(s) for s in nd.eval_sentences(DATA, mix.xnli_held_out_indices)}
    synth = [p for p in mix.train if p.source.startswith("synthetic")]
    assert synth
    assert not [p for p in synth if nd.norm_key(p.premise) in forbidden or nd.norm_key(p.hypothesis) in forbidden]
    # no ANS/ArNLI dev pair is trained on
    dev_pairs = {(p.premise, p.hypothesis) for p in nd.read_ans_stance(DATA / "ans/stance/dev.csv")}
    dev_pairs |= {(p.premise, p.hypothesis) for p in nd.read_arnli(DATA / "arnli/valid_nli.csv")}
    assert not {(p.premise, p.hypothesis) for p in mix.train} & dev_pairs
    assert set(Counter(p.label for p in mix.train)) == set(nd.LABELS)


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
                agree += nd.ARNLI_LABELS[r["label"]] == sick[key]
    assert total > 4000 and agree / total > 0.99
    first = nd.read_arnli(DATA / "arnli" / "train_nli.csv")
    assert {p.label for p in first} == set(nd.LABELS)


@needs_data
def test_ans_sick_arbteds_mappings():
    ans = nd.read_ans_stance(DATA / "ans" / "stance" / "train.csv")
    raw = Counter(r["stance"] for r in csv.DictReader((DATA / "ans/stance/train.csv").open(encoding="utf-8")))
    got = Counter(p.label for p in ans)
    assert got["entailment"] == raw["agree"] and got["contradiction"] == raw["disagree"] and got["neutral"] == raw["other"]
    sick = nd.read_sick(DATA / "sick" / "SICK.txt")
    assert Counter(p.label for p in sick) == {"neutral": 5595, "entailment": 2821, "contradiction": 1424} or len(sick) > 9000
    arb = nd.read_arbteds(DATA / "arbteds" / "train_ArbTEDS.csv")
    assert arb and {p.label for p in arb} == {"entailment"}
    both = nd.read_arbteds(DATA / "arbteds" / "train_ArbTEDS.csv", positives_only=False)
    assert {p.label for p in both} == {"entailment", "not-entailment"}


@needs_data
def test_read_eval_file_detects_layouts():
    assert nd.read_eval_file(DATA / "xnli" / "dev-ar.tsv")[0].source == "xnli-ar"
    assert nd.read_eval_file(DATA / "ans" / "stance" / "dev.csv")[0].source == "ans-stance"
    assert nd.read_eval_file(DATA / "arnli" / "valid_nli.csv")[0].source == "arnli"
