"""Specification of ``find_quantities``: real seed sentences first, then edge cases, then
properties that must hold for any input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.quantities import ABOUT_TOLERANCE, find_quantities
from factcheck.schema import Quantity

# --- the four troop sentences of the seeds ---------------------------------------------

SEED_000 = "وفي نفس اليوم، تحدث البيت الأبيض الأمريكي في بيان، عن إحضار أكثر من 3 آلاف جندي كوري شمالي إلى روسيا للقتال ضد أوكرانيا"
SEED_001 = "كما ذكرت الوزارة، أن جهاز المخابرات الكوري الجنوبي كشف الأسبوع الماضي عن إرسال كوريا الشمالية 1500 جندي من القوات الخاصة إلى الشرق الأقصى الروسي"
SEED_002 = "هذه هي المرة الأولى التي يؤكد فيها الكرملين وجود قوات كورية شمالية، والتي قد يصل عددها إلى 11 ألف جندي، وفقًا لتقديرات أوكرانية وكورية جنوبية."
SEED_003 = "يأتي الاجتماع بعد أسبوع من إعلان البيت الأبيض أنه وجد أدلة على أن كوريا الشمالية أرسلت 3000 جندي إلى روسيا لنشر محتمل في أوكرانيا"
SEED_004 = "بعد أشهر من التقارير التي تحدثت عن إرسال آلاف الجنود إلى منطقة كورسك الواقعة على خط المواجهة"


def only(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


def test_more_than_three_thousand_troops_in_arabic_words():
    q = only(SEED_000)
    assert q.text == "أكثر من 3 آلاف جندي"
    assert (q.value, q.qualifier, q.low, q.high) == (3000, "more_than", 3000, None)
    assert (q.unit, q.unit_text) == ("troops", "جندي")


def test_exact_fifteen_hundred_troops():
    q = only(SEED_001)
    assert q.text == "1500 جندي"
    assert (q.value, q.qualifier, q.low, q.high, q.unit) == (1500, "exact", 1500, 1500, "troops")


def test_up_to_eleven_thousand_troops_with_words_between_verb_and_preposition():
    q = only(SEED_002)
    assert q.text == "قد يصل عددها إلى 11 ألف جندي"
    assert (q.value, q.qualifier, q.low, q.high, q.unit) == (11000, "up_to", None, 11000, "troops")


def test_three_thousand_troops_sent_to_russia():
    q = only(SEED_003)
    assert q.text == "3000 جندي"
    assert (q.value, q.qualifier, q.unit) == (3000, "exact", "troops")


def test_thousands_of_soldiers_is_vague_at_least_a_thousand():
    q = only(SEED_004)
    assert q.text == "آلاف الجنود"
    assert (q.value, q.qualifier, q.low, q.high, q.unit) == (1000, "vague", 1000, None, "troops")


def test_member_states_are_counted_with_their_noun():
    q = only("سيطلع الوفد ممثلي جميع الدول الأعضاء في حلف شمال الأطلسي البالغ عددها 32 دولة على أحدث المعلومات")
    assert (q.value, q.unit, q.unit_text) == (32, "countries", "دولة")


def test_number_word_with_generic_noun_keeps_the_noun_as_unit_text():
    q = only("خاصة بعد تدخل الولايات المتحدة التي قصفت ثلاثة مواقع نووية في إيران")
    assert (q.value, q.unit, q.unit_text, q.text) == (3, None, "مواقع", "ثلاثة مواقع")


# --- things that are not quantities ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Melike Pala, Ahmet Kartal  | 07.11.2024 - محدث : 07.11.2024",
        "وفي 25 أكتوبر/ تشرين الأول الجاري، قال الرئيس الأوكراني فولودمير زيلينسكي",
        "اعتبارا من 27 - 28 أكتوبر/ تشرين الأول المنصرم.",
        "ومنذ 24 فبراير/ شباط 2022، تشن روسيا هجوما عسكريا على جارتها أوكرانيا",
        "التي اجتاحتها القوات الروسية منذ أن بدأت غزوها الشامل لأوكرانيا في أوائل عام 2022.",
        "تصريحات الرئيس الروسي فلاديمير بوتن في قمة البريكس 2024 في اليوم السابق",
        "اهتمامها بنظام صواريخ أرض-جو تشيونجونج 2 الكوري الجنوبي.",
        "وزير الخارجية الأميركية ماركو روبيو، واشنطن 21 يناير 2025 (Getty)",
        "تاريخ النشر: 4th, February 2024 GMT",
        "أبريل 26, 2025آخر تحديث: أبريل 26, 2025",
        "The meeting starts at 10:30 am; F-16 jets and COVID-19 rules apply.",
        "They met in 2018 and again on 26 April 2025.",
        "Windows 11 was released.",
        "وهذه واحدة من أكبر الدول",
        "صدر القرار رقم 5 في 1446 هـ عند الساعة 10 صباحا",
        "Resolution 2231 was adopted by the Security Council.",
    ],
)
def test_dates_years_times_and_names_are_not_quantities(text):
    assert find_quantities(text) == []


# --- qualifiers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [
        ("أرسلت ما يزيد عن 3000 جندي", "more_than", 3000, None),
        ("قتل ما لا يقل عن 20 شخصا", "at_least", 20, None),
        ("قتل 20 شخصا على الأقل", "at_least", 20, None),
        ("حتى 3000 جندي", "up_to", None, 3000),
        ("نحو 3000 جندي", "about", 2700, 3300),
        ("حوالي 3000 جندي", "about", 2700, 3300),
        ("قرابة 3000 جندي", "about", 2700, 3300),
        ("زهاء 3000 جندي", "about", 2700, 3300),
        ("ما يقارب 3000 جندي", "about", 2700, 3300),
        ("أقل من 3000 جندي", "less_than", None, 3000),
        ("لا يزيد عن 3000 جندي", "at_most", None, 3000),
        ("no more than 3,000 troops", "at_most", None, 3000),
        ("more than 3,000 troops", "more_than", 3000, None),
        ("over 3,000 troops", "more_than", 3000, None),
        ("at least 3,000 troops", "at_least", 3000, None),
        ("up to 3,000 troops", "up_to", None, 3000),
        ("nearly 3,000 troops", "about", 2700, 3300),
        ("around 3,000 troops", "about", 2700, 3300),
        ("fewer than 3,000 troops", "less_than", None, 3000),
    ],
)
def test_qualifier_sets_the_range(text, qualifier, low, high):
    q = only(text)
    assert (q.qualifier, q.low, q.high) == (qualifier, low, high)
    assert q.unit in ("troops", "killed")
    # the span covers the qualifier phrase too, whether it comes before or after
    assert q.text == text.removeprefix("أرسلت ").removeprefix("قتل ")


def test_about_band_is_ten_percent():
    assert ABOUT_TOLERANCE == 0.10
    q = only("نحو 1000 جندي")
    assert (q.low, q.high) == (900, 1100)


def test_qualifier_with_clitic_starts_the_span_after_the_clitic():
    q = only("شارك بأكثر من ألف جندي")
    assert (q.text, q.value, q.qualifier) == ("أكثر من ألف جندي", 1000, "more_than")


# --- numbers: digits, separators, words -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("١٢٠٠ جندي", 1200),
        ("۱۲۰۰ جندي", 1200),
        ("1,500 troops", 1500),
        ("١٬٥٠٠ جندي", 1500),
        ("3 آلاف جندي", 3000),
        ("11 ألف جندي", 11000),
        ("11 ألفًا جندي", 11000),
        ("ألفي جندي", 2000),
        ("ألف وخمسمائة جندي", 1500),
        ("ثلاثة آلاف جندي", 3000),
        ("خمسة وعشرون ألف جندي", 25000),
        ("ثلاثة عشر جنديا", 13),
        ("3 آلاف و500 جندي", 3500),
        ("1.5 million troops", 1_500_000),
        ("two thousand troops", 2000),
        ("two thousand five hundred troops", 2500),
        ("a thousand troops", 1000),
        ("مليون جندي", 1_000_000),
        ("1.5 مليون جندي", 1_500_000),
        ("مليار دولار", 1e9),
        ("نصف مليون جندي", 500_000),
        ("مليون ونصف جندي", 1_500_000),
        ("بـ3 آلاف جندي", 3000),
    ],
)
def test_number_is_read_from_digits_and_words(text, value):
    assert only(text).value == value


def test_decimal_magnitude_in_arabic_indic_digits():
    q = only("ضرب زلزال بقوة ٧٫٨ درجات على مقياس ريختر")
    assert (q.value, q.unit, q.text) == (7.8, "magnitude", "٧٫٨ درجات")


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("ارتفع التضخم إلى 7.8%", "percent", 7.8),
        ("ارتفع التضخم إلى 7.8 في المئة", "percent", 7.8),
        ("ارتفع التضخم إلى 7.8 بالمئة", "percent", 7.8),
        ("inflation rose 7.8 percent", "percent", 7.8),
        ("رفع الفائدة 25 نقطة أساس", "basis_points", 25),
        ("raised rates by 25 basis points", "basis_points", 25),
        ("بلغت 5 مليارات دولار", "usd", 5e9),
        ("worth $1.5bn", "usd", 1.5e9),
        ("سقط 12 قتيلا", "killed", 12),
        ("12 people were killed", "killed", 12),
        ("12 people attended", "people", 12),
        ("12 killed", "killed", 12),
    ],
)
def test_units_are_normalised(text, unit, value):
    q = only(text)
    assert (q.unit, q.value) == (unit, value)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("Strong earthquake kills 1,200 in Tazrout province", "killed", 1200),
        ("The interior ministry said the quake killed 1,200 people", "killed", 1200),
        ("and injured about 3,000 others.", "injured", 3000),
        ("أسفر الزلزال عن مقتل نحو 1200 شخص", "killed", 1200),
        ("وإصابة 300 آخرين", "injured", 300),
        ("1200 شخص لقوا حتفهم", "killed", 1200),
        ("وأفادت مصادر طبية بأن عدد القتلى تجاوز ألفي شخص في المستشفيات الميدانية وحدها.", "killed", 2000),
        ("The death toll rose to 1,200 people.", "killed", 1200),
    ],
)
def test_a_count_of_people_governed_by_a_killing_verb_is_a_toll(text, unit, value):
    q = only(text)
    assert (q.unit, q.value) == (unit, value)


def test_soldiers_killed_stay_troops():
    assert only("قتل 3000 جندي").unit == "troops"


def test_english_adjectives_between_number_and_noun():
    q = only("Pyongyang sent more than 3,000 North Korean troops to Russia.")
    assert (q.text, q.unit, q.qualifier) == ("more than 3,000 North Korean troops", "troops", "more_than")


def test_tens_of_thousands_is_vague():
    assert only("عشرات الآلاف من الجنود").value == 10_000
    q = only("tens of thousands of troops")
    assert (q.value, q.qualifier, q.low, q.high, q.unit) == (10_000, "vague", 10_000, None, "troops")


def test_several_quantities_in_order():
    found = find_quantities("قتل 12 شخصا وأصيب 30 آخرون، وأرسلت 3 آلاف جندي")
    assert [q.value for q in found] == [12, 30, 3000]


# --- properties --------------------------------------------------------------------------

_ARABIC_INDIC = str.maketrans("0123456789,.", "٠١٢٣٤٥٦٧٨٩٬٫")
_PERSIAN = str.maketrans("0123456789,.", "۰۱۲۳۴۵۶۷۸۹٬٫")
_UNITS = [("جندي", "troops"), ("troops", "troops"), ("قتيل", "killed"), ("%", "percent"), ("دولار", "usd")]


@settings(max_examples=200, deadline=None)
@given(
    n=st.integers(min_value=0, max_value=10**12),
    sep=st.booleans(),
    digits=st.sampled_from(["western", "arabic", "persian"]),
    unit=st.sampled_from(_UNITS),
)
def test_round_trip_formatted_integer_with_unit(n, sep, digits, unit):
    written = f"{n:,}" if sep else str(n)
    if digits == "arabic":
        written = written.translate(_ARABIC_INDIC)
    elif digits == "persian":
        written = written.translate(_PERSIAN)
    word, normalised = unit
    text = f"أرسلت {written}{'' if word == '%' else ' '}{word} إلى الجبهة"
    q = only(text)
    assert q.value == n
    assert q.unit == normalised
    assert text[q.start : q.end] == q.text


@settings(max_examples=200, deadline=None)
@given(whole=st.integers(min_value=0, max_value=10**6), frac=st.integers(min_value=0, max_value=99))
def test_round_trip_decimal(whole, frac):
    written = f"{whole}.{frac:02d}"
    for text in (f"نحو {written} درجات", f"نحو {written.translate(_ARABIC_INDIC)} درجات"):
        q = only(text)
        assert q.value == pytest.approx(float(written))
        assert (q.unit, q.qualifier) == ("magnitude", "about")


_SENTENCE = st.lists(
    st.sampled_from(
        ["أرسلت", "أكثر من", "نحو", "3", "1500", "1,500", "7.8", "آلاف", "ألف", "جندي", "قتيلا", "%",
         "عام", "2024", "25", "أكتوبر", "troops", "more than", "the", "في", "و", "2", "ثلاثة", "مليون"]
    ),
    max_size=12,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(_SENTENCE)
def test_digit_systems_agree(text):
    western = find_quantities(text)
    arabic = find_quantities(text.translate(_ARABIC_INDIC))
    assert [(q.value, q.unit, q.qualifier, q.start, q.end) for q in western] == [
        (q.value, q.unit, q.qualifier, q.start, q.end) for q in arabic
    ]


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), _SENTENCE))
def test_never_crashes_and_offsets_slice_to_text(text):
    previous_end = 0
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.start >= previous_end  # ordered, non-overlapping
        previous_end = q.end
        assert q.low is None or q.high is None or q.low <= q.value <= q.high


def test_a_decimal_point_spaced_out_by_a_scraper_is_still_a_decimal():
    text = "وبلغت قيمة الصفقات 14 . 73 مليار درهم، وبلغت قوة الزلزال 7 . 2 درجة"
    [money, magnitude] = find_quantities(text)
    assert money.value == 14.73e9 and text[money.start:money.end] == "14 . 73 مليار درهم"
    assert magnitude.value == 7.2 and magnitude.unit == "magnitude"
    assert [q.value for q in find_quantities("Costs rose 3, 4 and 5 percent")] == [3, 4, 5]


# --- number reading from the real-news clusters (#11) ------------------------------------


@pytest.mark.parametrize("text, value", [
    ("قتل ألفا شخص في الفيضانات", 2000),          # the dual, alone at the start of the phrase
    ("اعتقلت الشرطة خمسة عشر ألفا من المحتجين", 15000),  # the same letters after 11-99: thousand
    ("a dozen soldiers were wounded", 12),
])
def test_dual_thousand_and_a_dozen_are_read(text, value):
    assert only(text).value == value


@pytest.mark.parametrize("text, low", [("نزح بضعة آلاف من السكان", 3000), ("عشرات آلاف الجنود", 10000)])
def test_a_few_thousand_and_tens_of_thousands_stay_vague(text, low):
    q = only(text)
    assert (q.qualifier, q.low, q.high) == ("vague", low, None)


def test_a_year_naming_another_event_is_not_a_count_but_a_year_before_a_counted_noun_is():
    assert [(q.value, q.unit) for q in find_quantities("The 2018 quake killed 50 people")] == [(50, "killed")]
    assert only("the 2000 troops were sent to the front").value == 2000
