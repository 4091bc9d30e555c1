import pytest


@pytest.fixture(scope="session")
def tiny_nli(tmp_path_factory):
    """A tiny randomly initialised BERT classifier folder, built once per test run."""
    from tokenizers import Tokenizer, models, pre_tokenizers
    from tokenizers.processors import TemplateProcessing
    from transformers import BertConfig, BertForSequenceClassification, PreTrainedTokenizerFast

    folder = tmp_path_factory.mktemp("tiny-nli")
    words = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "troops", "sent", "3000", "1500", "north", "korea", "russia", "ألف", "جندي"]
    core = Tokenizer(models.WordLevel({w: i for i, w in enumerate(words)}, unk_token="[UNK]"))
    core.pre_tokenizer = pre_tokenizers.Whitespace()
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
