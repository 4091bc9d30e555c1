"""The NLI package registers its backends and offline models by name on import."""

import pytest

from factcheck.config import OFFLINE_NLI_MODEL, Config
from factcheck.errors import ConfigError
from factcheck.nli import BACKENDS, OFFLINE_MODELS
from factcheck.nli.offline import ensure_offline_nli
from factcheck.nli.onnx import load_onnx
from factcheck.nli.pytorch import load_torch


def test_backends_and_offline_models_are_registered_by_name():
    assert BACKENDS.names() == ["onnx", "torch"]
    assert BACKENDS.get("torch") is load_torch and BACKENDS.get("onnx") is load_onnx
    assert OFFLINE_MODELS.get(OFFLINE_NLI_MODEL) is ensure_offline_nli


def test_a_checker_refuses_an_unknown_backend_naming_the_registered_ones_before_any_work():
    from factcheck.pipeline import Checker

    assert Checker(Config(nli_backend="onnx"), encoder=object()).nli.backend == "onnx"
    with pytest.raises(ConfigError, match="'tensorrt'.*onnx, torch"):
        Checker(Config(nli_backend="tensorrt"), encoder=object())
