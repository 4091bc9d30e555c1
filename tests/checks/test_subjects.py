from factcheck.checks.subjects import countries, different_subjects


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
