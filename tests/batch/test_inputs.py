"""Batch inputs: directories, JSONL and Parquet files, saved data sets; bad articles are listed."""

import json

import pyarrow as pa
import pyarrow.parquet as pq

from factcheck.batch import BatchStore, run_batch
from factcheck.batch.inputs import read_inputs


def test_sub_directories_are_stories_with_the_ids_check_gives(story_corpus):
    articles, _ = read_inputs([story_corpus])
    quake = [a.source for a in articles if a.story == "quake"]
    assert [s.id for s in quake] == ["q1_wire_en", "q2_daily_ar", "q3_agency_en", "q4_site_ar"]
    assert quake[0].path == str(story_corpus / "quake" / "q1_wire_en.txt")


def test_jsonl_and_parquet_records_carry_their_story_field(tmp_path):
    records = [{"id": "x1", "text": "The army said 300 troops arrived.", "title": "Troops", "published": "2024-05-01",
                "source": "Wire", "topic": "troops"},
               {"id": "x2", "text": "Officials said 500 troops arrived.", "topic": "troops"}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "b.parquet")
    for name in ("a.jsonl", "b.parquet"):
        articles, problems = read_inputs([tmp_path / name], story_field="topic")
        assert not problems
        assert [(a.source.id, a.story) for a in articles] == [("x1", "troops"), ("x2", "troops")]
        assert articles[0].source.title == "Troops" and articles[0].source.outlet == "Wire"
        assert str(articles[0].source.published) == "2024-05-01"


def test_a_saved_datasets_folder_is_read(tmp_path):
    from datasets import Dataset

    Dataset.from_list([{"id": "d1", "text": "Rain fell on 3 days.", "story": "rain"}]).save_to_disk(str(tmp_path / "ds"))
    articles, problems = read_inputs([tmp_path / "ds"])
    assert not problems and [(a.source.id, a.story, a.source.text) for a in articles] == [("d1", "rain", "Rain fell on 3 days.")]


def test_bad_articles_are_listed_in_the_output_with_the_reason_and_the_run_goes_on(story_corpus, tmp_path,
                                                                                    fake_models, fake_config):
    bad = story_corpus / "quake"
    (bad / "empty.txt").write_text("")
    (bad / "latin1.txt").write_bytes("caf\xe9 au lait, 3 cups".encode("latin-1"))
    (bad / "feed.jsonl").write_text('{"id": "ok", "text": "Two people were hurt."}\n{broken\n{"id": "no-text"}\n'
                                    '{"id": "blank", "text": "  "}\n')
    pq.write_table(pa.Table.from_pylist([{"id": "p1", "title": "no text here"}]), story_corpus / "table.parquet")
    out = tmp_path / "out"
    result = run_batch([story_corpus], out, fake_config, **fake_models)
    listed = {p.path: p.message for p in BatchStore(out).problems()}
    assert listed == {p.path: p.message for p in result.problems}
    assert listed[str(bad / "empty.txt")] == "empty file"
    assert "not UTF-8" in listed[str(bad / "latin1.txt")]
    assert "invalid JSON" in listed[f"{bad / 'feed.jsonl'}:2"]
    assert "text" in listed[f"{bad / 'feed.jsonl'}:3"] and "empty" in listed[f"{bad / 'feed.jsonl'}:4"]
    assert "text" in listed[f"{story_corpus / 'table.parquet'}#0"]
    assert "ok" in {d.id for d in BatchStore(out).report("quake").documents}
    assert len(BatchStore(out).finished()) == 4
