"""The ONNX Runtime backend against PyTorch on the tiny classifier (conftest)."""

import pytest

from factcheck.nli import NLIModel


def test_onnx_runtime_gives_the_probabilities_pytorch_gives(tiny_nli, tmp_path):
    pytest.importorskip("onnxruntime")
    pairs = [("north korea sent 3000 troops", "russia"), ("troops", "north korea sent 1500 troops to russia"),
             ("ألف جندي", "troops sent"), ("korea", "korea")]
    reference = NLIModel(model=tiny_nli, backend="torch", batch_size=3).predict(pairs)
    onnx = NLIModel(model=tiny_nli, backend="onnx", batch_size=3, cache_dir=str(tmp_path))
    for got, want in zip(onnx.predict(pairs), reference, strict=True):
        assert got == pytest.approx(want, abs=2e-4)
    assert onnx.running == "onnx"
    # the graph is exported once per model and reused
    graphs = list(tmp_path.glob("onnx/*/model.onnx"))
    assert len(graphs) == 1
    # the weights sit beside the graph, where ONNX Runtime maps them instead of copying them
    import onnx

    graph = onnx.load(str(graphs[0]), load_external_data=False)
    assert any(t.data_location == onnx.TensorProto.EXTERNAL for t in graph.graph.initializer)
    assert (graphs[0].parent / "weights.bin").stat().st_size > 0
    stamp = graphs[0].stat().st_mtime_ns
    NLIModel(model=tiny_nli, backend="onnx", cache_dir=str(tmp_path)).predict(pairs[:1])
    assert graphs[0].stat().st_mtime_ns == stamp
