"""Specification of ``find_attribution``, ``is_negated`` and ``is_first_claim``."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.attribution import find_attribution, is_first_claim, is_negated

# --- who asserts it ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        # seed 000: a reporting verb, actor cut at the preposition
        (
            "وفي نفس اليوم، تحدث البيت الأبيض الأمريكي في بيان، عن إحضار أكثر من 3 آلاف جندي كوري شمالي إلى روسيا",
            "البيت الأبيض الأمريكي",
        ),
        # seed 000: "وفق ما نشره X"
        ("جاء ذلك في مكالمة هاتفية بينهما، الأربعاء، وفق ما نشره روته على حسابه على منصة \"إكس\".", "روته"),
        # seed 000: cut at the colon
        ("وقال روته: \"نعمل على تعزيز العلاقات مع شركائنا\".", "روته"),
        # cut at the complementizer
        ("ذكرت وكالة يونهاب الكورية أن القوات وصلت إلى كورسك", "وكالة يونهاب الكورية"),
        # seed 000: Yonhap reports what Yoon indicated: the inner speaker is the originator
        ("في السياق ذاته، ذكرت وكالة يونهاب الكورية أن يون أشار إلى ترتيب زيارة", "يون"),
        # seed 001: the ministry reports what the intelligence service revealed
        (
            "كما ذكرت الوزارة، أن جهاز المخابرات الكوري الجنوبي كشف الأسبوع الماضي عن إرسال كوريا الشمالية 1500 جندي",
            "جهاز المخابرات الكوري الجنوبي",
        ),
        # seed 001: "على لسان"
        ("جاء ذلك على لسان وزير الدفاع الأمريكي لويد أوستن، الذي أشار إلى أن", "وزير الدفاع الأمريكي لويد أوستن"),
        # seed 002: "وفقًا لـ" with the clitic glued on
        (
            "والتي قد يصل عددها إلى 11 ألف جندي، وفقًا لتقديرات أوكرانية وكورية جنوبية.",
            "تقديرات أوكرانية وكورية جنوبية",
        ),
        ("وقال جيراسيموف، وفقًا لوكالة تاس: “أود أن أشير بشكل خاص”", "وكالة تاس"),
        # seed 003: a reporting noun followed by "أنه"
        (
            "يأتي الاجتماع بعد أسبوع من إعلان البيت الأبيض أنه وجد أدلة على أن كوريا الشمالية أرسلت 3000 جندي إلى روسيا",
            "البيت الأبيض",
        ),
        # seed 004: the source marker wins over the main verb, cut at the weekday
        (
            "أكدت كوريا الشمالية للمرة الأولى أنها أرسلت قوات إلى روسيا، حسبما أفادت وكالة الأنباء الرسمية الكورية الشمالية الاثنين، مشيرة",
            "وكالة الأنباء الرسمية الكورية الشمالية",
        ),
        # seed 004: quotes inside the name are dropped
        (
            "بعد أشهر من التقارير، بحسب ما أفادت به وكالة أنباء “يونهاب” الكورية الجنوبية.",
            "وكالة أنباء يونهاب الكورية الجنوبية",
        ),
        ("وقال لويد أوستن إن القوات وصلت", "لويد أوستن"),
        ("وفقا للوكالة الرسمية، شاركت القوات", "الوكالة الرسمية"),
        ("North Korea has sent 3,000 troops to Russia, the White House said on Friday.", "the White House"),
        ("According to the White House, North Korea sent more than 3,000 troops.", "the White House"),
        ("\"We are monitoring it,\" said John Kirby, a spokesman.", "John Kirby"),
    ],
)
def test_actor_of_the_assertion(sentence, actor):
    assert find_attribution(sentence) == actor


def test_pursuant_to_a_treaty_is_not_a_source():
    assert find_attribution("وفقاً للمعاهدة الدفاعية الموقعة بين البلدين.") is None


def test_sentence_without_attribution():
    assert find_attribution("ومنذ 24 فبراير/ شباط 2022، تشن روسيا هجوما عسكريا على جارتها أوكرانيا") is None


# --- negation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "ونفت الحكومة الأوكرانية، بحسب التقارير، استعادة كورسك",
        "نفى الكرملين التقارير",
        "لكنه لم يحدد ما إذا كانت مهمتهم تتضمن القتال في أوكرانيا.",
        "لن ترسل كوريا الشمالية قوات",
        "ليس هناك دليل",
        "لا يوجد دليل على ذلك",
        "The Kremlin denied the reports.",
        "Pyongyang did not confirm the deployment.",
        "Officials haven't commented.",
    ],
)
def test_denials_and_negations(sentence):
    assert is_negated(sentence)


@pytest.mark.parametrize(
    "sentence, negated",
    [
        # a denial hung on as a relative remark: the outlet reports a dispute and asserts neither side
        ("أن كوريا الشمالية أرسلت أسلحة إلى روسيا، وهو ما تنفيه موسكو.", []),
        ("The US said Pyongyang sent arms, which Moscow denies.", []),
        # "nothing but": a negation that restricts, not one that denies
        ("التحالف الدولي : لم يتبق سوى 1000 مقاتل لداعش في سوريا والعراق", []),
        # a negated side remark does not deny the main clause
        ("وأوضح التحالف أن أغلب مقاتلي التنظيم سقطوا قتلى , لافتا الى أنه لن يخوض في تكهنات", ["الى أنه لن يخوض في تكهنات"]),
        # a denial verb's object may follow commas
        ("نفى المبعوث الصيني , يوم الجمعة , إرسال بلاده قوة عسكرية إلى سوريا",
         ["نفى المبعوث الصيني , يوم الجمعة , إرسال بلاده قوة عسكرية إلى سوريا"]),
    ],
)
def test_what_a_negation_speaks_of(sentence, negated):
    from factcheck.extract.attribution import negated_clauses

    assert [c.strip() for c in negated_clauses(sentence)] == negated


@pytest.mark.parametrize(
    "sentence",
    [
        "أرسلت كوريا الشمالية 3000 جندي إلى روسيا",
        "قتل ما لا يقل عن 20 شخصا",  # "لا يقل عن" = at least
        "لا تزال القوات في كورسك",  # "لا تزال" = still
        "امتنع أيضًا عن تأكيد أو نفي وجود قوات كورية شمالية في روسيا",  # the noun "denial"
        "Not only troops but also weapons were sent.",
    ],
)
def test_affirmative_sentences_are_not_negated(sentence):
    assert not is_negated(sentence)


# --- firsts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "زعم الكرملين يوم السبت أنه طرد القوات الأوكرانية، وأقرّ لأول مرة بوجود قوات كورية شمالية",
        "أكدت كوريا الشمالية للمرة الأولى أنها أرسلت قوات إلى روسيا",
        "هذه هي المرة الأولى التي تعلن فيها الولايات المتحدة وحلفاؤها علنًا عن وجود هذه القوات",
        "ونقلت الوكالة عن اللجنة العسكرية المركزية أن هذا أول تأكيد رسمي لنشر قوات كورية شمالية في روسيا",
        "For the first time, Pyongyang confirmed the deployment.",
        "It was the first official confirmation of the deployment.",
    ],
)
def test_first_time_claims(sentence):
    assert is_first_claim(sentence)


def test_ordinary_sentence_is_not_a_first():
    assert not is_first_claim("أرسلت كوريا الشمالية 3000 جندي إلى روسيا")
    assert not is_first_claim("The first troops arrived in October.")


# --- properties --------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_crashes_on_arbitrary_text(text):
    actor = find_attribution(text)
    assert actor is None or (isinstance(actor, str) and actor.strip() == actor and actor)
    assert isinstance(is_negated(text), bool)
    assert isinstance(is_first_claim(text), bool)


def test_a_negation_inside_a_condition_denies_nothing():
    from factcheck.extract.attribution import negated_clauses

    assert negated_clauses("The government resumed the flights, as many could die if they did not get care.") == []
    assert negated_clauses("تستأنف الحكومة رحلاتها إذ قد يموت الكثير إذا لم يحصلوا على رعاية طبية فورية.") == []
    assert negated_clauses("The bodies had not been found, he said.") != []
