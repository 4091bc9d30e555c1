import pytest


@pytest.fixture(scope="session")
def tiny_nli(tmp_path_factory):
    """A tiny randomly initialised BERT classifier folder, built once per test run."""
    from transformers import BertConfig, BertForSequenceClassification

    from tests.tiny_models import save_wordlevel_tokenizer

    folder = tmp_path_factory.mktemp("tiny-nli")
    words = save_wordlevel_tokenizer(folder, ["troops", "sent", "3000", "1500", "north", "korea", "russia", "ألف", "جندي"])
    # Labels deliberately in a non-standard order and case: the backend must read id2label.
    config = BertConfig(vocab_size=len(words), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=32, num_labels=3, initializer_range=0.5,
                        id2label={0: "CONTRADICTION", 1: "Entailment", 2: "neutral"},
                        label2id={"CONTRADICTION": 0, "Entailment": 1, "neutral": 2})
    BertForSequenceClassification(config).save_pretrained(folder)
    return str(folder)
