"""Model names the hub would have to serve fail at once, with the fix, when it cannot."""

import time

import pytest

from factcheck import hub
from factcheck.cli import main
from factcheck.errors import ModelLoadError


@pytest.fixture
def unreachable_hub(monkeypatch):
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # the discard port: nothing listens
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    hub.hub_reachable.cache_clear()
    yield
    hub.hub_reachable.cache_clear()


def test_an_unknown_hub_id_with_the_hub_out_of_reach_fails_at_once_with_the_fix(unreachable_hub):
    started = time.perf_counter()
    with pytest.raises(ModelLoadError, match=r"cannot load NLI model 'nosuchorg/nosuchmodel'.*not a local folder "
                                             r"nor in the Hugging Face cache.*huggingface-cli download.*'offline:x'"):
        hub.resolve_hub_model("nosuchorg/nosuchmodel", kind="NLI model", alternatives="'offline:x'")
    assert time.perf_counter() - started < 5


def test_offline_mode_is_honoured_without_asking_the_hub(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(hub, "hub_reachable", lambda: pytest.fail("the hub was asked"))
    with pytest.raises(ModelLoadError, match="HF_HUB_OFFLINE is set"):
        hub.resolve_hub_model("nosuchorg/nosuchmodel", kind="embedding model", alternatives="x")


def test_missing_folders_and_malformed_names_are_told_apart(tmp_path):
    with pytest.raises(ModelLoadError, match="no such folder"):
        hub.resolve_hub_model(str(tmp_path / "model"), kind="NLI model", alternatives="x")
    with pytest.raises(ModelLoadError, match="not a hub id"):
        hub.resolve_hub_model("bad name!", kind="NLI model", alternatives="x")
    assert hub.resolve_hub_model(str(tmp_path), kind="NLI model", alternatives="x") == str(tmp_path)


@pytest.mark.slow
def test_the_cli_reports_an_unreachable_model_in_one_line(tmp_path, unreachable_hub, capsys):
    (tmp_path / "a.txt").write_text("North Korea sent 3,000 troops to Russia, officials said on Monday.\n")
    (tmp_path / "b.txt").write_text("South Korea said 1,500 troops were sent to Russia in October.\n")
    assert main(["check", str(tmp_path), "--no-nli", "--no-progress", "--embedding-model", "nosuchorg/nosuchmodel"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Retrying" not in err and "offline:multilingual-e5-small" in err
