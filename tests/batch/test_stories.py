"""Articles with no story are grouped into stories: four unrelated stories mixed in one flat
folder come back as those four."""

import json

import pyarrow.parquet as pq
import pytest
from conftest import STORIES, story_files

from factcheck.batch.inputs import read_inputs
from factcheck.batch.stories import Grouping, average_linkage, plan_stories


def test_average_linkage_merges_groups_whose_mean_link_reaches_the_threshold():
    links = [(0, 1, 0.9), (1, 2, 0.9), (2, 3, 0.5), (3, 4, 0.95)]
    assert average_linkage(5, links, 0.85) == [[0, 1, 2], [3, 4]]
    # one strong link does not pull in a group the others do not agree with
    assert average_linkage(3, [(0, 1, 0.9), (0, 2, 0.9), (1, 2, 0.1)], 0.8) == [[0, 1], [2]]


def test_named_stories_are_kept_and_need_no_encoder(story_corpus):
    articles, problems = read_inputs([story_corpus])
    stories = plan_stories(articles, None, Grouping())
    assert not problems
    assert {s.name: sorted(x.id for x in s.sources) for s in stories} == \
           {name: sorted(f.stem for f in story_files(name)) for name in STORIES}
    assert not any(s.grouped for s in stories)


def test_articles_further_apart_than_the_window_are_not_grouped(tmp_path, fake_models):
    lines = [{"id": "a", "text": "The storm flooded the valley and 40 homes.", "published": "2024-01-01"},
             {"id": "b", "text": "The storm flooded the valley and 40 homes.", "published": "2024-01-03"},
             {"id": "c", "text": "The storm flooded the valley and 40 homes.", "published": "2024-06-01"}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    articles, _ = read_inputs([tmp_path / "a.jsonl"])
    stories = plan_stories(articles, fake_models["encoder"], Grouping(window_days=14))
    assert [sorted(s.id for s in story.sources) for story in stories] == [["a", "b"], ["c"]]


@pytest.mark.slow
def test_four_stories_mixed_in_one_flat_folder_come_back_as_those_four(flat_corpus, tmp_path):
    from factcheck.batch import run_batch
    from factcheck.config import Config

    out = tmp_path / "out"
    run_batch([flat_corpus], out, Config(nli_model=None))
    rows = pq.read_table(out / "stories.parquet").to_pylist()
    groups: dict[str, set[str]] = {}
    for row in rows:
        assert row["grouped"]
        groups.setdefault(row["story"], set()).add(row["id"])
    assert sorted(map(sorted, groups.values())) == sorted(sorted(f.stem for f in story_files(n)) for n in STORIES)
    assert len(json.loads((out / "summary.json").read_text())) == 4
