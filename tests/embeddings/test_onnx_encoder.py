"""The ONNX Runtime encoder gives sentence-transformers' vectors, reading the folder's own
description (modules, pooling, prompts); a folder it cannot run falls back to
sentence-transformers under ``auto`` and is a clear error under ``onnx``."""

import json

import numpy as np
import pytest

from factcheck.embeddings.encoder import Encoder
from factcheck.errors import ModelLoadError

pytest.importorskip("onnxruntime")

TEXTS = ["north korea sent 3000 troops to russia", "troops", "ألف جندي korea", "russia russia troops sent north"]


@pytest.fixture(scope="module")
def tiny_st(tmp_path_factory):
    """A tiny sentence-transformers folder: BERT, mean pooling, normalisation, an e5-style prompt."""
    from sentence_transformers import SentenceTransformer, models
    from transformers import BertConfig, BertModel

    from tests.tiny_models import save_wordlevel_tokenizer

    base = tmp_path_factory.mktemp("tiny-bert")
    words = save_wordlevel_tokenizer(base, ["troops", "sent", "3000", "north", "korea", "russia", "to", "ألف", "جندي",
                                            "query", ":"])
    BertModel(BertConfig(vocab_size=len(words), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                         intermediate_size=32), add_pooling_layer=False).save_pretrained(base)
    model = SentenceTransformer(modules=[models.Transformer(str(base)), models.Pooling(16, "mean"), models.Normalize()],
                                prompts={"query": "query: "})
    folder = tmp_path_factory.mktemp("tiny-st")
    model.save(str(folder))
    return str(folder)


def test_onnx_runtime_gives_the_vectors_sentence_transformers_gives(tiny_st, tmp_path):
    reference = Encoder(model=tiny_st, backend="torch").encode(TEXTS)
    onnx = Encoder(model=tiny_st, backend="onnx", cache_dir=str(tmp_path), batch_size=3)
    np.testing.assert_allclose(onnx.encode(TEXTS), reference, atol=1e-5)
    assert onnx.running == "onnx"


def test_auto_uses_onnx_runtime_on_the_cpu(tiny_st, tmp_path):
    encoder = Encoder(model=tiny_st, device="cpu", cache_dir=str(tmp_path))
    encoder.encode(TEXTS[:1])
    assert encoder.running == "onnx"


def test_an_unsupported_pooling_falls_back_under_auto_and_is_an_error_under_onnx(tiny_st, tmp_path):
    import shutil

    folder = tmp_path / "max-pooling"
    shutil.copytree(tiny_st, folder)
    pooling = next(folder.glob("*_Pooling")) / "config.json"
    config = json.loads(pooling.read_text())
    if "pooling_mode" in config:  # sentence-transformers >= 4 names the mode
        config["pooling_mode"] = "max"
    else:
        config.update(pooling_mode_mean_tokens=False, pooling_mode_max_tokens=True)
    pooling.write_text(json.dumps(config))
    encoder = Encoder(model=str(folder), device="cpu", cache_dir=str(tmp_path))
    encoder.encode(TEXTS[:1])
    assert encoder.running == "torch"
    with pytest.raises(ModelLoadError, match="max"):
        Encoder(model=str(folder), backend="onnx", cache_dir=str(tmp_path)).encode(TEXTS[:1])
