"""Frame matching with the shipped offline encoder: what the measured thresholds
(``Config.frame_similarity``, ``frame_cross_similarity``) decide on plain sentences."""

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def judge():
    from factcheck import Checker, Config

    checker = Checker(Config(nli_model=None, show_progress=False))
    return lambda a, b: [(r.relation, r.note) for r in checker.judge([(a, b)])[0].reasons if r.kind == "quantity"]


def test_soldiers_at_one_levee_are_not_compared_with_soldiers_and_civilians_along_the_river(judge):
    assert judge("800 soldiers reinforced the levee on Sunday.",
                 "Three million soldiers and civilians were mobilised along the river.") == [
        ("apart", "the figures count different things")]
    assert judge("About 800 soldiers reinforced a levee near Jiujiang on Sunday.",
                 "Three million soldiers and civilians have been mobilised along the Yangtze.") == [
        ("apart", "the figures count different things")]


def test_one_toll_told_in_english_and_in_arabic_is_compared(judge):
    assert judge("The quake killed 300 people.", "أسفر الزلزال عن مقتل 450 شخصا.") == [("conflict", "")]


def test_one_toll_told_in_other_words_is_compared(judge):
    assert judge("The earthquake killed 300 people in the mountain villages, officials said.",
                 "Officials said 450 people died in the earthquake.") == [("conflict", "")]
