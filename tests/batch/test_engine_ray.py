"""The Ray engine on a local Ray: a stage per kind of work, the same output as the local engine."""

import json

import pytest

from factcheck.batch import BatchStore, run_batch
from factcheck.batch.devices import Pool, actor_device, check_device, model_pools
from factcheck.errors import ConfigError, ModelLoadError
from factcheck.report import render_json


@pytest.fixture(scope="module")
def local_ray():
    ray = pytest.importorskip("ray")
    import fakes
    from ray import cloudpickle

    cloudpickle.register_pickle_by_value(fakes)  # the actors cannot import the tests folder
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def test_ray_engine_writes_what_the_local_engine_writes(local_ray, corpus_with_copies, tmp_path, fake_models,
                                                        fake_config):
    brief = corpus_with_copies / "brief"  # one claim: nothing to compare, the report says so
    brief.mkdir()
    (brief / "only.txt").write_text("Rescuers reached the village of Amzri on Sunday.\n", encoding="utf-8")
    run_batch([corpus_with_copies], tmp_path / "local", fake_config, **fake_models)
    run_batch([corpus_with_copies], tmp_path / "ray", fake_config, engine="ray", **fake_models)
    local, ray = BatchStore(tmp_path / "local"), BatchStore(tmp_path / "ray")
    assert ray.finished() == local.finished() and {"syndicated", "brief"} <= set(local.finished())
    for story in local.finished():
        assert render_json(ray.report(story)) == render_json(local.report(story))
    assert ray.report("syndicated").copies and not ray.report("brief").pairs
    assert json.loads((tmp_path / "ray" / "summary.json").read_text()) == \
        json.loads((tmp_path / "local" / "summary.json").read_text())


@pytest.mark.slow
def test_ray_engine_equals_check_with_the_offline_models(local_ray, corpus_with_copies, tmp_path):
    """Real models give numbers that depend on what shares a batch: the actors must call them
    on exactly what `check` does for the output to be equal to the last digit."""
    import shutil

    from factcheck.config import Config
    from factcheck.pipeline import Checker

    for other in ("korea", "election", "rates", "quake"):
        shutil.rmtree(corpus_with_copies / other)
    config = Config(result_cache=False)  # computed twice, not read back from what the batch run stored
    run_batch([corpus_with_copies], tmp_path / "out", config, engine="ray")
    batch = render_json(BatchStore(tmp_path / "out").report("syndicated"))
    assert batch == render_json(Checker(config).check([corpus_with_copies / "syndicated"]))
    assert json.loads(batch)["copies"] and json.loads(batch)["pairs"]


def test_workers_compute_with_the_thread_counts_of_the_process_that_runs_the_batch(local_ray, story_corpus,
                                                                                      tmp_path, fake_models,
                                                                                      fake_config):
    """Sums split over another number of threads round differently; Ray's default (one thread
    per reserved CPU) made pairs differ from `check`'s on real news."""
    import os

    from fakes import ThreadsSeen

    from factcheck.batch.threads import blas_threads, worker_env

    seen = tmp_path / "seen"
    seen.mkdir()
    run_batch([story_corpus], tmp_path / "out", fake_config, engine="ray", checks=[ThreadsSeen(seen)], **fake_models)
    records = {int(f.stem): json.loads(f.read_text()) for f in seen.iterdir()}
    assert records and os.getpid() not in records, "the checks ran in Ray workers"
    expected = worker_env()
    assert {json.dumps(r, sort_keys=True) for r in records.values()} == \
        {json.dumps({"OMP_NUM_THREADS": expected["OMP_NUM_THREADS"], "blas": blas_threads()}, sort_keys=True)}


def test_each_kind_of_work_is_its_own_ray_operator_and_the_models_are_actor_pools(local_ray, story_corpus,
                                                                                   fake_models, fake_config):
    from factcheck.batch.engine_ray import story_pipeline
    from factcheck.batch.inputs import read_inputs
    from factcheck.batch.stories import Grouping, plan_stories

    articles, _ = read_inputs([story_corpus])
    stories = plan_stories(articles, None, Grouping())[:2]
    dataset = story_pipeline(local_ray, stories, fake_config, device="cpu", encoder=fake_models["encoder"],
                             nli=fake_models["nli"])
    assert sorted(row["story"] for row in dataset.iter_rows()) == sorted(s.name for s in stories)
    stats = dataset.stats()
    operators = ["Map(split_story)", "MapBatches(EmbeddingStage)", "Map(pair_story)", "MapBatches(NLIStage)",
                 "Map(finish_story)"]
    at = [stats.find(name) for name in operators]
    assert all(i >= 0 for i in at), stats
    assert at == sorted(at), "the operators run in the order data flows"
    assert "->" not in "".join(line for line in stats.splitlines() if line.startswith("Operator")), \
        "no operator fused into another"


@pytest.mark.parametrize("broken", ["nli weights", "embedding name"])
def test_a_model_error_in_an_actor_reads_as_it_does_with_the_local_engine(local_ray, story_corpus, tmp_path,
                                                                          fake_models, fake_config, broken):
    from fakes import BrokenNLI

    if broken == "nli weights":  # raised by the model's first use, inside the NLI actor's call
        setup, error = {"encoder": fake_models["encoder"], "nli": BrokenNLI()}, (ModelLoadError, "weights are missing")
    else:  # raised while the embedding actor is built
        fake_config = fake_config.replace(embedding_model="offline:no-such-model")
        setup, error = {"nli": fake_models["nli"]}, (ConfigError, "no-such-model")
    for engine in ("local", "ray"):
        with pytest.raises(error[0], match=error[1]):
            run_batch([story_corpus], tmp_path / engine, fake_config, engine=engine, models=fake_models["models"],
                      **setup)


def test_cuda_model_stages_hold_gpus_and_a_single_gpu_is_shared():
    one = model_pools("cuda", gpus=1)
    assert one["embedding"].num_gpus + one["nli"].num_gpus <= 1.0 and one["nli"].num_gpus > 0
    eight = model_pools("cuda:0", gpus=8)
    assert all(pool.num_gpus == 1.0 for pool in eight.values())
    assert eight["embedding"].actors + eight["nli"].actors == 8 and eight["nli"].actors > eight["embedding"].actors
    assert eight["nli"].resources() == {"num_cpus": 1.0, "num_gpus": 1.0}
    with pytest.raises(ConfigError, match="no GPU.*--device cpu"):
        model_pools("cuda", gpus=0)
    # Ray shows an actor only the GPU it assigned, always as device 0.
    assert actor_device("cuda:3") == "cuda" and actor_device("cuda") == "cuda" and actor_device("cpu") == "cpu"


def test_cpu_model_stages_leave_a_whole_cpu_to_the_cpu_stages():
    pools = model_pools("cpu", gpus=0)
    assert all(pool.resources() == {"num_cpus": pool.num_cpus} for pool in pools.values())
    assert sum(pool.num_cpus * pool.actors for pool in pools.values()) <= 2 - 1
    assert pools == {"embedding": Pool(1, 0.5), "nli": Pool(1, 0.5)}


def test_cuda_without_a_gpu_names_the_fix_and_a_remote_cluster_is_trusted(monkeypatch):
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    with pytest.raises(ConfigError, match="--device cpu"):
        check_device("cuda")
    assert check_device("cuda", local=False) == "cuda"
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert check_device("cuda:0") == "cuda:0"
    with pytest.raises(ConfigError, match="valid devices: cpu, cuda, cuda:N"):
        check_device("tpu")


def test_device_cuda_runs_the_stages_with_the_cuda_config(monkeypatch, story_corpus, tmp_path, fake_models,
                                                          fake_config):
    """The --device cuda code path on a CPU machine: the stage's models are asked for CUDA."""
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    out = tmp_path / "out"
    run_batch([story_corpus / "quake"], out, fake_config, device="cuda", **fake_models)
    assert json.loads((out / "manifest.json").read_text())["config"]["device"] == "cuda"
