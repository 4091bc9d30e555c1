"""`factcheck batch` gives, per story, exactly the report `factcheck check` gives on that story's files."""

import json

import pytest
from conftest import STORIES

from factcheck.batch import BatchStore, OutputMismatch, run_batch
from factcheck.config import Config
from factcheck.errors import FactcheckError
from factcheck.pipeline import Checker
from factcheck.report import render_json


def _check_json(path, config, **models):
    return json.loads(render_json(Checker(config, encoder=models.get("encoder"), nli=models.get("nli")).check([path])))


def test_batch_report_of_each_story_equals_check_on_its_files(corpus_with_copies, tmp_path, fake_models,
                                                               fake_config):
    out = tmp_path / "out"
    run_batch([corpus_with_copies], out, fake_config, encoder=fake_models["encoder"], nli=fake_models["nli"],
              models=fake_models["models"])
    store = BatchStore(out)
    assert store.finished() == sorted([*STORIES, "syndicated"])
    for story in store.finished():
        batch = json.loads(render_json(store.report(story)))
        check = _check_json(corpus_with_copies / story, fake_config, **fake_models)
        assert [(p["a"], p["b"], p["label"], p["reasons"]) for p in batch["pairs"]] == \
               [(p["a"], p["b"], p["label"], p["reasons"]) for p in check["pairs"]]
        assert batch["copies"] == check["copies"]
        assert batch == check
    assert any(p["label"] == "contradiction" for p in json.loads(render_json(store.report("korea")))["pairs"])


def test_batch_keeps_the_copies_check_finds(corpus_with_copies, tmp_path, fake_models, fake_config):
    """Syndicated documents and copied sentences are part of the stored story, as in the report."""
    out = tmp_path / "out"
    run_batch([corpus_with_copies], out, fake_config, **fake_models)
    report = BatchStore(out).report("syndicated")
    documents = {(c.copy, c.original, c.kind) for c in report.copies if c.kind != "sentence"}
    assert documents == {("q3_copy_en", "q3_agency_en", "identical"),
                         ("q1_wire_en", "q1_resyndicated_en", "near-identical")}
    near = next(c for c in report.copies if c.kind == "near-identical")
    assert 0.8 <= near.share < 1.0
    copied = [c for c in report.copies if c.kind == "sentence"]
    assert copied and all(c.copy.startswith("q1_wire_en:") and c.original.startswith("q1_resyndicated_en:")
                          for c in copied)
    assert not any({p.a, p.b} == {c.copy, c.original} for c in copied for p in report.pairs)
    claims = {c.id: c for c in report.claims}
    assert any(p.label == "contradiction" and {claims[p.a].doc, claims[p.b].doc} == {"q1_wire_en", "q1_resyndicated_en"}
               for p in report.pairs), "the changed death toll is what the near-identical copy is compared on"
    assert not any(c.doc == "q3_copy_en" for c in report.claims)


def test_an_output_written_without_the_copies_table_is_refused_with_the_fix(story_corpus, tmp_path, fake_models,
                                                                           fake_config):
    out = tmp_path / "out"
    run_batch([story_corpus], out, fake_config, **fake_models)
    (BatchStore(out).shard("quake") / "copies.parquet").unlink()
    with pytest.raises(FactcheckError, match=r"no copies table.*--restart"):
        BatchStore(out).report("quake")


def test_summary_lists_every_story_with_its_counts(story_corpus, tmp_path, fake_models, fake_config):
    out = tmp_path / "out"
    result = run_batch([story_corpus], out, fake_config, encoder=fake_models["encoder"], nli=fake_models["nli"],
                       models=fake_models["models"])
    summary = json.loads((out / "summary.json").read_text())
    assert {line["story"] for line in summary} == set(STORIES)
    korea = next(line for line in summary if line["story"] == "korea")
    report = BatchStore(out).report("korea")
    assert korea == {"story": "korea", "documents": len(report.documents), "claims": len(report.claims),
                     "pairs": len(report.pairs),
                     "contradictions": sum(p.label == "contradiction" for p in report.pairs)}
    assert result.summary == summary


def test_output_tables_carry_the_json_report_fields(corpus_with_copies, tmp_path, fake_models, fake_config):
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    run_batch([corpus_with_copies], out, fake_config, **fake_models)
    report = json.loads(render_json(BatchStore(out).report("syndicated")))
    shard = BatchStore(out).shard("syndicated")
    for table in ("documents", "claims", "pairs", "facts", "copies"):
        assert set(pq.read_schema(shard / f"{table}.parquet").names) == set(report[table][0]) | {"story"}
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["models"] == fake_models["models"] and manifest["config"]["similarity_threshold"] == 0.3


def test_a_changed_config_refuses_to_mix_unless_restart(story_corpus, tmp_path, fake_models, fake_config):
    out = tmp_path / "out"
    run_batch([story_corpus / "quake"], out, fake_config, **fake_models)
    changed = fake_config.replace(top_k=3)
    with pytest.raises(OutputMismatch, match=r"config.top_k: 5 there, 3 now.*--restart"):
        run_batch([story_corpus / "quake"], out, changed, **fake_models)
    result = run_batch([story_corpus / "quake"], out, changed, restart=True, **fake_models)
    assert result.done_before == 0
    assert json.loads((out / "manifest.json").read_text())["config"]["top_k"] == 3


def test_a_rerun_skips_finished_stories_and_redoes_a_changed_one(story_corpus, tmp_path, fake_models, fake_config):
    out = tmp_path / "out"
    run_batch([story_corpus], out, fake_config, **fake_models)
    assert run_batch([story_corpus], out, fake_config, **fake_models).done_before == len(STORIES)
    (story_corpus / "quake" / "q1_wire_en.txt").write_text("A new article: 7 people died in the quake.\n")
    again = run_batch([story_corpus], out, fake_config, **fake_models)
    assert again.done_before == len(STORIES) - 1
    assert any("7 people died" in c.text for c in BatchStore(out).report("quake").claims)


@pytest.mark.slow
def test_batch_equals_check_with_the_offline_models(story_corpus, tmp_path):
    import shutil

    config = Config()
    out = tmp_path / "out"
    for other in ("korea", "election", "rates"):
        shutil.rmtree(story_corpus / other)
    run_batch([story_corpus], out, config)
    for story in ("quake",):
        assert json.loads(render_json(BatchStore(out).report(story))) == _check_json(story_corpus / story, config)
