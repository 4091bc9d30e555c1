from factcheck.checks.context import PairContext
from factcheck.extract.places import countries, elsewhere
from factcheck.schema import Claim, Document, Source


def different_subjects(a: str, b: str) -> bool:
    """The places check's view of two claims, from their extracted places."""
    def claim(text: str) -> Claim:
        return Claim(id="x:1", doc="x", start=0, end=len(text), text=text, countries=countries(text),
                     elsewhere=elsewhere(text))

    doc = Document(id="x", source=Source(path="x.txt", text=""), start=0, end=0)
    return PairContext(claim(a), claim(b), doc, doc).different_places


def test_country_names_demonyms_and_capitals_in_both_languages():
    assert countries("أرسلت كوريا الشمالية 1500 جندي إلى روسيا") == {"north_korea", "russia"}
    assert countries("وجود قوات كورية شمالية") == {"north_korea"}
    assert countries("The Kremlin said Pyongyang's troops fought in Kursk") == {"russia", "north_korea"}
    assert "south_korea" in countries("وكالة الاستخبارات في كوريا الجنوبية")


def test_growth_in_two_different_countries_is_a_different_subject():
    assert different_subjects("Egypt's economy grew 4% last year.", "نما الاقتصاد الكيني بنسبة 1% العام الماضي.")
    assert not different_subjects("Egypt's economy grew 4% last year.", "نما الاقتصاد المصري بنسبة 3.8%.")


def test_claims_without_countries_are_not_ruled_different():
    assert not different_subjects("The quake measured 7.8.", "The quake measured 6.9.")


def test_a_claim_about_a_neighbouring_place_is_not_about_the_story_s_own():
    # "Kadar" is in no table: the word "neighbouring" is what says it is somewhere else
    assert different_subjects("Turnout in the last parliamentary election, in 2018, was 41%",
                              "In neighbouring Kadar, turnout in last year's election was 62%")
    assert different_subjects("بلغت نسبة المشاركة 41% في الانتخابات الماضية",
                              "وفي كادار المجاورة بلغت نسبة المشاركة 62%")
    assert not different_subjects("In neighbouring Kadar, turnout was 62%", "وفي كادار المجاورة بلغت نسبة المشاركة 62%")
    assert not different_subjects("Turnout was 41%.", "بلغت نسبة المشاركة 45%")


def test_aid_from_neighbouring_countries_is_still_the_story_s_own_place():
    assert not different_subjects("Aid convoys from neighbouring countries arrived on Monday, 120 trucks",
                                  "Aid convoys arrived on Monday, 80 trucks")
    assert not different_subjects("ووصلت قوافل إغاثة من دول مجاورة إلى عاصمة الإقليم", "ووصلت قوافل إغاثة إلى عاصمة الإقليم")
