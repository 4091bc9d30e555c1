"""Synthetic hard cases for NLI training: label by construction, scripts kept, forbidden sentences avoided."""

from __future__ import annotations

import random

from factcheck.training import synthetic as syn


def test_number_swap_changes_a_number_and_keeps_the_script():
    rng = random.Random(0)
    out = syn.number_swap("قتل 3 أشخاص في الهجوم", rng)
    assert out and out != "قتل 3 أشخاص في الهجوم" and "أشخاص" in out
    indic = syn.number_swap("قتل ٣ أشخاص في الهجوم", rng)
    assert indic and any(c in "٠١٢٣٤٥٦٧٨٩" for c in indic) and indic != "قتل ٣ أشخاص في الهجوم"
    assert syn.number_swap("no numbers here", rng) is None


def test_number_swap_agrees_arabic_thousands():
    # "3 آلاف" becomes "<n> ألف" whenever n > 10
    for seed in range(30):
        out = syn.number_swap("نزوح 3 آلاف شخص", random.Random(seed))
        n = int(out.split()[1])
        assert out.split()[2] == ("ألف" if n > 10 else "آلاف")


def test_digit_script_swap_is_same_number():
    assert syn.digits_script_swap("ارتفع 25 في المئة") == "ارتفع ٢٥ في المئة"
    assert syn.digits_script_swap("ارتفع ٢٥ في المئة") == "ارتفع 25 في المئة"


def test_negation_and_date_swap():
    rng = random.Random(1)
    for text in ["يستهدف الجيش مواقع المسلحين", "The minister was in Cairo on Monday"]:
        neg = syn.negate(text, rng)
        assert neg and neg != text
    swapped = syn.date_swap("وصل الوفد يوم الأحد إلى القاهرة", rng)
    assert swapped and "الأحد" not in swapped and swapped.split()[3] in syn.AR_WEEKDAYS
    assert syn.date_swap("no date here", rng) is None


def test_synthetic_labels_are_right_and_avoid_forbidden_sentences():
    sentences = [
        "قتل 3 أشخاص في انفجار بالعاصمة بغداد، وفق الشرطة",
        "يستهدف الجيش مواقع المسلحين في الشمال بعد هجوم أمس",
        "The central bank raised rates by 25 basis points, the statement said",
        "Thousands protested in the capital on Friday and police made arrests",
        "السعودية تسلم اليمن 2 مليار دولار أميركي كوديعة في البنك المركزي",
    ]
    forbidden = {sentences[-1]}
    pairs = syn.synthetic_pairs(sentences, seed=3, n=200, forbidden=forbidden)
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
    out = syn.actor_swap("North Korea confirmed for the first time that its troops fight in Kursk", rng)
    assert out and out.endswith("confirmed for the first time that its troops fight in Kursk")
    assert not out.startswith("North Korea") and "Korea Korea" not in out
    ar = syn.actor_swap("أكدت روسيا لأول مرة مشاركة القوات في المعارك", rng)
    assert ar and "روسيا" not in ar and ar.startswith("أكدت ") and ar.endswith("لأول مرة مشاركة القوات في المعارك")
    assert syn.actor_swap("The committee met on Tuesday", rng) is None


def test_first_claim_adds_a_first_marker_once():
    rng = random.Random(0)
    assert syn.first_claim("Russia confirmed the deployment", rng) == "For the first time, russia confirmed the deployment"
    assert syn.first_claim("For the first time, Russia confirmed it", rng) == "For the first time, Russia confirmed it"
    assert syn.first_claim("أكدت روسيا الخبر", rng).split("،")[0] in ("لأول مرة", "للمرة الأولى")
    assert syn.first_claim("أكدت روسيا لأول مرة الخبر", rng) == "أكدت روسيا لأول مرة الخبر"


def test_first_time_actor_swaps_are_contradictions_and_unrelated_news_is_neutral():
    sentences = [
        "أكدت روسيا وجود قوات أجنبية على أراضيها في كورسك",
        "اعترفت كوريا الشمالية بإرسال جنود إلى الجبهة في كورسك",
        "Iran announced a new satellite launch from its northern base",
        "ارتفاع أسعار الذهب في الأسواق العالمية مع تراجع الدولار",
        "انخفاض أسعار النفط في الأسواق الآسيوية بعد بيانات المخزون",
        "تراجع الدولار أمام اليورو في تعاملات الأسواق الأوروبية اليوم",
    ]
    pairs = syn.synthetic_pairs(sentences, seed=1, n=300, quota=syn.SYNTHETIC_QUOTAS["v2"])
    first = [p for p in pairs if p.source == "synthetic-first-actor"]
    unrelated = [p for p in pairs if p.source == "synthetic-unrelated"]
    assert first and unrelated
    for p in first:
        assert p.label == "contradiction" and p.premise != p.hypothesis
        assert any(m in p.premise for m in ("لأول مرة", "للمرة الأولى", "For the first time"))
    for p in unrelated:
        assert p.label == "neutral" and p.premise != p.hypothesis
        assert syn.is_arabic(p.premise) == syn.is_arabic(p.hypothesis)
        assert syn._content_words(p.premise) & syn._content_words(p.hypothesis)
