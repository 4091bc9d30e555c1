from factcheck.sentences import sentence_spans


def spans_text(text, language="ar"):
    return [text[s:e] for s, e in sentence_spans(text, 0, len(text), language)]


def test_arabic_comma_and_semicolon_do_not_end_a_sentence_but_question_mark_does():
    text = "هل تتدخل موسكو؟ قال بوتين، في بيان، إن الاتفاق ثوري؛ وأضاف أنه مهم."
    assert spans_text(text) == ["هل تتدخل موسكو؟", "قال بوتين، في بيان، إن الاتفاق ثوري؛ وأضاف أنه مهم."]


def test_quotes_stay_with_their_sentence():
    text = "ووصف بوتين الاتفاق بأنه “وثيقة ثورية”. وقال روته: \"نعمل على تعزيز العلاقات\"."
    assert spans_text(text) == ["ووصف بوتين الاتفاق بأنه “وثيقة ثورية”.", "وقال روته: \"نعمل على تعزيز العلاقات\"."]


def test_english_abbreviations_and_decimals_do_not_split():
    text = "Dr. Kim said 3.5 million people left. Officials agreed."
    assert spans_text(text, "en") == ["Dr. Kim said 3.5 million people left.", "Officials agreed."]


def test_outlet_dateline_is_not_part_of_the_claim():
    text = "المستقلة/- زعم الكرملين يوم السبت أنه طرد القوات الأوكرانية."
    assert spans_text(text) == ["زعم الكرملين يوم السبت أنه طرد القوات الأوكرانية."]


def test_spans_are_offsets_into_the_whole_text():
    text = "header\nأكدت كوريا الشمالية للمرة الأولى أنها أرسلت قوات إلى روسيا. وذكرت الوكالة ذلك.\nfooter"
    start = text.index("أكدت")
    end = text.index("\nfooter")
    spans = sentence_spans(text, start, end, "ar")
    assert [text[s:e] for s, e in spans] == ["أكدت كوريا الشمالية للمرة الأولى أنها أرسلت قوات إلى روسيا.",
                                             "وذكرت الوكالة ذلك."]


def test_a_flattened_photo_caption_and_teaser_are_cut_out_of_the_sentence():
    text = ("ووصف بوتين الاتفاق بأنه “وثيقة ثورية”. وزير الخارجية الأميركية ماركو روبيو، واشنطن 21 يناير 2025 "
            "(Getty) تقارير دولية روبيو: الأسبوع المقبل مفصلي في مباحثات أوكرانيا ونقلت الوكالة عن اللجنة "
            "العسكرية المركزية أن هذا أول تأكيد رسمي.")
    assert spans_text(text) == ["ووصف بوتين الاتفاق بأنه “وثيقة ثورية”.",
                                "ونقلت الوكالة عن اللجنة العسكرية المركزية أن هذا أول تأكيد رسمي."]


def test_a_caption_without_teaser_leaves_the_story_that_follows_it():
    text = "Kim Jong Un in Pyongyang, 2024 (AFP/Getty Images) The army said 1,500 troops left on Monday."
    assert spans_text(text, "en") == ["The army said 1,500 troops left on Monday."]


def test_a_bracketed_word_that_is_not_a_credit_stays():
    text = "قال المتحدث (الجيش) إن القوات انسحبت من المدينة."
    assert spans_text(text) == [text]


def test_a_spaced_out_decimal_point_does_not_end_a_sentence():
    text = "وبلغت قيمة الصفقات 14 . 73 مليار درهم خلال أربعة أيام . وقال المسؤول إن الحصيلة ارتفعت."
    assert [text[s:e] for s, e in sentence_spans(text, 0, len(text), "ar")] == [
        "وبلغت قيمة الصفقات 14 . 73 مليار درهم خلال أربعة أيام .", "وقال المسؤول إن الحصيلة ارتفعت."]
