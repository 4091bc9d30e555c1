"""The NLI backend, exercised with a tiny randomly initialised classifier built here."""

import pytest

from factcheck.errors import ModelLoadError
from factcheck.nli import NLIModel, both_directions, combine, label_map


@pytest.fixture(scope="module")
def tiny_nli(tmp_path_factory):
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import BertConfig, BertForSequenceClassification, PreTrainedTokenizerFast

    folder = tmp_path_factory.mktemp("tiny-nli")
    words = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "troops", "sent", "3000", "1500", "north", "korea", "russia", "ألف", "جندي"]
    core = Tokenizer(models.WordLevel({w: i for i, w in enumerate(words)}, unk_token="[UNK]"))
    core.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=core, pad_token="[PAD]", unk_token="[UNK]",
                                        cls_token="[CLS]", sep_token="[SEP]")
    from tokenizers.processors import TemplateProcessing

    core.post_processor = TemplateProcessing(single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B [SEP]",
                                             special_tokens=[("[CLS]", 2), ("[SEP]", 3)])
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=core, pad_token="[PAD]", unk_token="[UNK]",
                                        cls_token="[CLS]", sep_token="[SEP]")
    # Labels deliberately in a non-standard order and case: the backend must read id2label.
    config = BertConfig(vocab_size=len(words), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=32, num_labels=3, initializer_range=0.5,
                        id2label={0: "CONTRADICTION", 1: "Entailment", 2: "neutral"},
                        label2id={"CONTRADICTION": 0, "Entailment": 1, "neutral": 2})
    BertForSequenceClassification(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return str(folder)


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


def test_both_directions_are_scored(tiny_nli):
    model = NLIModel(model=tiny_nli, device="cpu")
    a, b = "north korea sent 3000 troops", "troops"
    [scores] = both_directions(model, [(a, b)])
    assert scores == {"a->b": model.predict([(a, b)])[0], "b->a": model.predict([(b, a)])[0]}


def test_unloadable_model_is_a_clear_error(tmp_path):
    with pytest.raises(ModelLoadError, match="cannot load NLI model"):
        NLIModel(model=str(tmp_path / "nowhere")).predict([("a", "b")])


def test_contradiction_is_averaged_and_entailment_in_either_direction_counts():
    label, confidence = combine({
        "a->b": {"entailment": 0.9, "neutral": 0.05, "contradiction": 0.05},
        "b->a": {"entailment": 0.2, "neutral": 0.7, "contradiction": 0.1},
    })
    assert (label, confidence) == ("entailment", 0.9)
    label, _ = combine({
        "a->b": {"entailment": 0.05, "neutral": 0.15, "contradiction": 0.8},
        "b->a": {"entailment": 0.05, "neutral": 0.25, "contradiction": 0.7},
    })
    assert label == "contradiction"


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
    stamp = graphs[0].stat().st_mtime_ns
    NLIModel(model=tiny_nli, backend="onnx", cache_dir=str(tmp_path)).predict(pairs[:1])
    assert graphs[0].stat().st_mtime_ns == stamp


def test_pytorch_is_the_default_backend_and_onnx_runs_on_the_cpu_only(tiny_nli):
    model = NLIModel(model=tiny_nli)
    model.predict([("troops", "troops")])
    assert model.running == "torch"
    with pytest.raises(ModelLoadError, match="CPU only"):
        NLIModel(model=tiny_nli, backend="onnx", quantize=True).predict([("troops", "troops")])


def test_an_unknown_backend_is_refused():
    with pytest.raises(ValueError, match="torch, onnx"):
        NLIModel(model="x", backend="tensorrt")
