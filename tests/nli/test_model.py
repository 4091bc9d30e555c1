"""NLIModel and label_map, exercised with the tiny randomly initialised classifier (conftest)."""

import pytest

from factcheck.errors import ConfigError, ModelLoadError
from factcheck.nli import NLIModel, label_map


def test_label_names_are_read_from_the_model_config_in_any_order_or_case():
    assert label_map({0: "CONTRADICTION", 1: "Entailment", 2: "neutral"}) == {
        0: "contradiction", 1: "entailment", 2: "neutral"}


def test_anonymous_labels_are_refused_with_the_valid_names():
    with pytest.raises(ModelLoadError, match="entailment"):
        label_map({0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"})


def test_predictions_are_probabilities_in_input_order_whatever_the_batching(tiny_nli):
    pairs = [("north korea sent 3000 troops", "north korea sent 1500 troops"), ("troops", "russia"),
             ("ألف جندي", "3000 troops sent to russia by north korea")]
    one_batch = NLIModel(model=tiny_nli, device="cpu", batch_size=8).predict(pairs)
    small_batches = NLIModel(model=tiny_nli, device="cpu", batch_size=1).predict(pairs)
    for got, again in zip(one_batch, small_batches):
        assert set(got) == {"entailment", "neutral", "contradiction"}
        assert sum(got.values()) == pytest.approx(1.0, abs=1e-3)
        for label in got:
            assert got[label] == pytest.approx(again[label], abs=1e-3)


def test_unloadable_model_is_a_clear_error(tmp_path):
    with pytest.raises(ModelLoadError, match="cannot load NLI model"):
        NLIModel(model=str(tmp_path / "nowhere")).predict([("a", "b")])


def test_onnx_runtime_runs_by_default_on_the_cpu_and_only_there(tiny_nli, tmp_path):
    model = NLIModel(model=tiny_nli, device="cpu", cache_dir=str(tmp_path))
    model.predict([("troops", "troops")])
    assert model.running == "onnx"
    with pytest.raises(ModelLoadError, match="CPU only"):
        NLIModel(model=tiny_nli, backend="onnx", device="cuda").predict([("troops", "troops")])


def test_int8_weights_are_made_once_beside_the_graph_with_integer_matmuls(tiny_nli, tmp_path):
    # How close int8 stays to float32 is measured on the real model (eval/quantize_trial.py):
    # this tiny model's random weights give near-equal logits, which the CPU's integer kernels
    # (VNNI or not) move by up to 0.1 from one machine to another.
    import onnx

    pairs = [("north korea sent 3000 troops", "russia"), ("troops", "north korea sent 1500 troops to russia")]
    int8 = NLIModel(model=tiny_nli, device="cpu", quantize=True, cache_dir=str(tmp_path))
    for got in int8.predict(pairs):
        assert set(got) == {"entailment", "neutral", "contradiction"}
        assert sum(got.values()) == pytest.approx(1.0, abs=1e-3)
    assert int8.running == "onnx"
    [graph] = tmp_path.glob("onnx/*-int8-7bit/model.onnx")
    made = graph.stat().st_mtime_ns
    ops = {node.op_type for node in onnx.load(str(graph), load_external_data=False).graph.node}
    assert "MatMulInteger" in ops  # the weight MatMuls; attention's stay float (activations on both sides)
    NLIModel(model=tiny_nli, device="cpu", quantize=True, cache_dir=str(tmp_path)).predict(pairs[:1])
    assert [g.stat().st_mtime_ns for g in tmp_path.glob("onnx/*-int8-7bit/model.onnx")] == [made]


def test_an_unknown_backend_is_refused_naming_the_registered_ones():
    with pytest.raises(ConfigError, match="'tensorrt'.*onnx, torch"):
        NLIModel(model="x", backend="tensorrt")


def test_a_misspelt_offline_name_is_a_config_error_naming_the_offline_models():
    with pytest.raises(ConfigError, match="'offline:e5-small-nl'.*offline:e5-small-nli"):
        NLIModel(model="offline:e5-small-nl")
