from datetime import date

from factcheck.ingest.lines import split_lines
from factcheck.ingest.splitting import find_markers


def by_id(documents):
    return {d.id: d for d in documents}


def test_seeds_make_seven_documents_with_two_split_off_stories(seed_documents):
    docs = by_id(seed_documents)
    assert len(seed_documents) == 7
    assert docs["002_7f3ffb81817a861b#2"].parent == "002_7f3ffb81817a861b"
    assert docs["003_349d150d1a2d97aa#2"].parent == "003_349d150d1a2d97aa"
    assert all(d.parent is None for d in seed_documents if "#" not in d.id)


def test_publication_dates_come_from_the_page_headers(seed_documents):
    published = {d.id: d.published for d in seed_documents}
    assert published == {
        "000_80cd373ff1d3d8d0": date(2024, 11, 7),
        "001_765a9e3110cb316c": None,
        "002_7f3ffb81817a861b": date(2024, 2, 4),
        "002_7f3ffb81817a861b#2": date(2025, 4, 26),
        "003_349d150d1a2d97aa": date(2024, 10, 27),
        "003_349d150d1a2d97aa#2": None,
        "004_0c1c4f2951690474": None,
    }


def test_titles_are_headlines_not_section_labels_or_lead_sentences(seed_documents):
    docs = by_id(seed_documents)
    assert docs["000_80cd373ff1d3d8d0"].title == "مباحثات أطلسية كورية للرد على إرسال كوريا الشمالية قوات إلى روسيا"
    assert docs["002_7f3ffb81817a861b#2"].title == "روسيا تزعم تحرير الكامل لكورسك وتعترف بوجود قوات من كوريا الشمالية"
    assert docs["003_349d150d1a2d97aa#2"].title.startswith("سر زيارة وزير خارجية إيران لروسيا")
    assert docs["001_765a9e3110cb316c"].title is None
    assert docs["004_0c1c4f2951690474"].title is None


def test_documents_are_arabic_and_their_spans_slice_the_file(seed_documents):
    for doc in seed_documents:
        assert doc.language == "ar"
        assert doc.source.text[doc.start:doc.end] == doc.text
        for start, end in doc.lines:
            assert doc.start <= start < end <= doc.end


def test_split_off_story_does_not_leak_into_its_host(seed_documents):
    docs = by_id(seed_documents)
    host, story = docs["002_7f3ffb81817a861b"], docs["002_7f3ffb81817a861b#2"]
    assert host.end <= story.start
    assert "11 ألف" not in host.text and "11 ألف" in story.text
    assert "إيران" not in docs["003_349d150d1a2d97aa"].text


def test_page_furniture_is_not_content(seed_documents):
    content = " ".join(d.source.text[s:e] for d in seed_documents for s, e in d.lines)
    for furniture in ("شاركها", "اترك تعليقاً", "Exit mobile version", "كلمات دلالية", "المصدر:", "اعلان", "تاريخ النشر"):
        assert furniture not in content


def test_read_also_markers_in_their_usual_places():
    text = "First story ends here.\nRead also:\nAnother story\nاقرأ أيضا\nخبر آخر\nوهو ما تنفيه موسكو. أخبار ذات صلة\nHe said related news was fake."
    markers = find_markers(split_lines(text))
    assert [m.text.strip(" :") for m in markers] == ["Read also", "اقرأ أيضا", "أخبار ذات صلة"]


def test_an_article_without_a_date_line_is_dated_by_a_stamp_opening_its_text_else_by_its_file_name():
    from factcheck import stages
    from factcheck.schema import Source

    def published(path, text):
        [doc], _ = stages.articles([Source(path=path, text=text, id=path.rsplit(".", 1)[0])])
        return doc.published

    body = "Typhoon Babs headed toward southern China after battering the Philippines, killing at least 82 people.\n"
    assert published("APW19981023.0551.txt", "[no headline in source]\n\n" + body) == date(1998, 10, 23)
    assert published("2024-10-03_wire.txt", body) == date(2024, 10, 3)
    assert published("wire.txt", "Date of publication 4 October 2016 " + body) == date(2016, 10, 4)
    assert published("APW19981023.0551.txt", "3 Oct 2016 " + body) == date(2016, 10, 3)  # the text comes first
    assert published("wire_0551.txt", body) is None
