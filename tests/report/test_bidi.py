"""Lines mixing Arabic sources with document ids and dates keep their order when displayed."""

from factcheck.report.view import isolate_rtl


def test_each_arabic_run_is_isolated_and_latin_text_untouched():
    line = "3,000 troops (البيت الأبيض; 003_349d150d1a2d97aa, 2024-10-27)"
    assert isolate_rtl(line) == "3,000 troops (\u2068البيت الأبيض\u2069; 003_349d150d1a2d97aa, 2024-10-27)"
    assert isolate_rtl("no arabic here, 2024") == "no arabic here, 2024"


def test_digits_inside_an_arabic_phrase_stay_in_its_run():
    assert isolate_rtl("x أكثر من 3 آلاف y", "<bdi>", "</bdi>") == "x <bdi>أكثر من 3 آلاف</bdi> y"
