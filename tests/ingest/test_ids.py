"""A document's id, and its claims' ids, depend only on that document."""

import shutil

from factcheck import stages


def ids_and_spans(paths):
    sources, problems = stages.read(paths)
    assert not problems
    documents, _ = stages.articles(sources)
    claims, _ = stages.claims(documents)
    return {d.id for d in documents}, {c.id: (c.doc, c.start, c.end) for c in claims}


def test_four_of_the_five_seeds_keep_the_ids_and_offsets_they_have_among_all_five(seeds_dir):
    files = sorted(seeds_dir.glob("*.txt"))
    docs_all, claims_all = ids_and_spans(files)
    docs_four, claims_four = ids_and_spans(files[1:])
    assert docs_four <= docs_all and docs_four
    assert claims_four == {cid: span for cid, span in claims_all.items() if span[0] in docs_four}
    # a directory argument names its files the same way
    assert ids_and_spans([seeds_dir]) == (docs_all, claims_all)


def test_a_file_with_the_same_stem_in_a_sub_folder_does_not_rename_the_first(tmp_path):
    text = "The river rose by two metres overnight in the valley town.\n"
    (tmp_path / "report.txt").write_text(text, encoding="utf-8")
    alone, _ = ids_and_spans([tmp_path])
    (tmp_path / "later").mkdir()
    (tmp_path / "later" / "report.txt").write_text(text, encoding="utf-8")
    together, _ = ids_and_spans([tmp_path])
    assert alone == {"report"} and together == {"report", "later/report"}


def test_ids_are_relative_and_readable_never_absolute(tmp_path):
    (tmp_path / "a.txt").write_text("Officials opened the new bridge on Monday morning.\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("Officials opened the new bridge on Tuesday morning.\n", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text('{"id": "wire-17", "text": "Rain closed three schools."}\n'
                                         '{"text": "Rain closed four schools in the north."}\n', encoding="utf-8")
    docs, _ = ids_and_spans([tmp_path])
    assert docs == {"a.txt", "a.md", "wire-17", "feed:2"}
    assert not any(str(tmp_path) in d for d in docs)


def test_two_roots_with_the_same_relative_path_take_their_root_names(tmp_path):
    for outlet in ("agency", "daily"):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "story.txt").write_text(f"The {outlet} said the dam held through the night.\n",
                                                    encoding="utf-8")
    docs, _ = ids_and_spans([tmp_path / "agency", tmp_path / "daily"])
    assert docs == {"agency/story", "daily/story"}
    docs_one, _ = ids_and_spans([tmp_path / "agency"])
    assert docs_one == {"story"}
