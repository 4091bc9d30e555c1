"""The Ray engine on a local Ray: the same stage, the same output as the local engine."""

import json

import pytest

from factcheck.batch import BatchStore, run_batch
from factcheck.batch.devices import check_device, stage_resources
from factcheck.errors import ConfigError
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


def test_ray_engine_writes_what_the_local_engine_writes(local_ray, story_corpus, tmp_path, fake_models, fake_config):
    run_batch([story_corpus], tmp_path / "local", fake_config, **fake_models)
    run_batch([story_corpus], tmp_path / "ray", fake_config, engine="ray", **fake_models)
    local, ray = BatchStore(tmp_path / "local"), BatchStore(tmp_path / "ray")
    assert ray.finished() == local.finished()
    for story in local.finished():
        assert render_json(ray.report(story)) == render_json(local.report(story))
    assert json.loads((tmp_path / "ray" / "summary.json").read_text()) == \
        json.loads((tmp_path / "local" / "summary.json").read_text())


def test_cuda_stages_ask_ray_for_a_gpu_each():
    assert stage_resources("cuda") == {"num_gpus": 1.0, "num_cpus": 1.0}
    assert stage_resources("cuda:1")["num_gpus"] == 1.0
    assert stage_resources("cpu") == {"num_cpus": 1.0}


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
