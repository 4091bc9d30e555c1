"""A figure's context, as embedded to tell what it counts: the words around it, with every
number and date masked, so that two sentences differing only in their figures read alike."""

from factcheck.extract.frames import CONTEXT_WORDS, FIGURE_MASK, figure_contexts, number_span
from factcheck.pipeline import statement_claim


def contexts(text):
    _, claim = statement_claim("x", text)
    return figure_contexts(claim.text, claim.quantities, claim.dates)


def test_the_number_is_masked_and_the_words_saying_what_it_counts_stay():
    assert contexts("More than 2,000 people were injured in the quake.") == [
        "More than # people were injured in the quake."]


def test_number_words_and_arabic_numbers_are_masked_like_digits():
    assert contexts("Three million soldiers and civilians were mobilised along the river.") == [
        "# soldiers and civilians were mobilised along the river."]
    [context] = contexts("وقال الدفاع المدني إن ثلاثة آلاف شخص قتلوا في الغوطة.")
    assert "ثلاثة" not in context and "آلاف" not in context and f"{FIGURE_MASK} شخص قتلوا" in context


def test_sentences_differing_only_in_their_figures_and_dates_have_one_context():
    assert (contexts("The quake killed 300 people on Sunday, 5 March.")
            == contexts("The quake killed 450 people on Sunday, 12 March."))


def test_two_figures_of_one_sentence_each_see_the_other_masked():
    first, second = contexts("The toll rose to 1,200 dead and more than 3,100 were injured.")
    assert first == second == "The toll rose to # dead and more than # were injured."


def test_a_figure_far_into_a_long_sentence_sees_only_the_words_near_it():
    filler = " ".join(f"word{i}" for i in range(40))
    [context] = contexts(f"{filler} and then 800 soldiers reinforced the levee {filler}.")
    words = context.split()
    assert len(words) == 2 * CONTEXT_WORDS + 1 and words[CONTEXT_WORDS] == FIGURE_MASK
    assert words[CONTEXT_WORDS + 1:CONTEXT_WORDS + 5] == ["soldiers", "reinforced", "the", "levee"]


def test_the_number_span_leaves_qualifier_and_unit_out():
    text = "Officials said more than 2,000 were injured."
    _, claim = statement_claim("x", text)
    [q] = claim.quantities
    start, end = number_span(q, text)
    assert text[start:end] == "2,000" and text[q.start:q.end] != "2,000"
