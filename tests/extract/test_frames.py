"""A figure's frame: what it counts, where, whether it is a part, and whether it is an update."""

from factcheck.pipeline import statement_claim


def frames(text):
    _, claim = statement_claim("x", text)
    return [(q.value, q.key, q.trend, q.place, q.part) for q in claim.quantities]


def test_a_count_of_people_is_keyed_by_what_happened_to_them():
    assert frames("The UN said 132 people were rescued from the rubble.")[0][1] == "rescued"
    assert frames("وفقا للمتحدثة تم انقاذ 132 شخصا منذ وقوع الزلزال.")[0][1] == "rescued"
    assert frames("وتحاصر قوات النظام قرابة 400 ألف شخص في الغوطة الشرقية.")[0][1] == "besieged"
    assert frames("As many as 200,000 people were killed by the tremors.")[0][1] == "killed"


def test_a_count_of_people_with_no_event_is_not_compared():
    assert frames("About 300 people gathered in the main square on Friday.")[0][1] is None


def test_the_figure_s_own_place_and_its_update_cue():
    [(value, key, trend, place, part)] = frames("The toll rose to 328 people dead in the town of Catarman.")
    assert (value, key, trend, place) == (328, "killed", "update", "catarman")
    assert frames("وقال الدفاع المدني إن أربعة أشخاص آخرين قتلوا في مدينة عربين.")[0][3] == "عربين"


def test_a_part_of_a_larger_count():
    figures = frames("The blast killed 56 people, including 11 children.")
    assert [f[4] for f in figures] == [False, True]


def test_a_part_told_inside_its_whole_does_not_hide_what_the_whole_counts():
    figures = frames("A total of 248 people, including a dozen Americans, were killed in the Nairobi bombing")
    assert [(f[0], f[1], f[4]) for f in figures] == [(248, "killed", False), (12, None, True)]


def test_a_figure_of_something_to_come_is_a_forecast_and_one_told_as_an_earlier_report_is_earlier():
    assert frames("The commission said 2,000 international observers would monitor the polls.")[0][2] == "forecast"
    assert frames("وتنتظر الهيئة وصول 3 آلاف مراقب دولي.")[0][2] == "forecast"
    assert frames("The previous death toll was 20 with 50 others injured.")[0][2] == "earlier"
    background = "وكان التحالف الذي تقوده الولايات المتحدة قال في 5 ديسمبر إن أقل من 3000 مقاتل ما زالوا في سوريا والعراق."
    assert frames(background)[0][2] == "earlier"
    # "وكان" alone is a past tense, not a report of an earlier figure
    assert frames("وكان مركزه 59 كيلومترا من العاصمة.")[0][2] is None
    # a sentence that tells the change itself is an update, whatever else it says
    assert frames("The toll rose to 32 people killed, up from an earlier estimate of 14.")[0][2] == "update"


def test_a_figure_of_what_comes_on_top_is_a_part_not_the_total():
    for text in ("President Estrada declared Catanduanes and three other provinces under a state of calamity.",
                 "The Pentagon will send 300 more troops to the region.",
                 "وأصيب خمسة أشخاص آخرين بجروح في الانفجار"):
        assert [f[4] for f in frames(text)] == [True], text
    assert [f[4] for f in frames("The earthquake killed 300 people in the north.")] == [False]


def test_a_storm_s_winds_and_its_own_speed_are_different_measures():
    from factcheck.extract.features import unit_key
    from factcheck.extract.quantities import find_quantities

    def keys(text):
        return [unit_key(q, text) for q in find_quantities(text)]

    assert keys("The typhoon was packing sustained winds of 130 kph, with gusts up to 160 kph.") == ["kph:wind"] * 2
    assert keys("It was moving northwest at 9 kph toward the coast.") == ["kph:moving"]


def test_a_first_batch_is_part_of_the_whole():
    text = "وقال مدير الجمعية إنه تمت الموافقة على إجلاء خمسة أشخاص كدفعة أولى في إطار الاتفاق."
    assert [part for *_, part in frames(text)] == [True]
