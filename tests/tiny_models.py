"""Tiny stand-in model parts shared by the tests that build real (random) transformers folders."""

from __future__ import annotations

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"]


def save_wordlevel_tokenizer(folder, words: list[str]) -> list[str]:
    """A whitespace word-level BERT-style tokenizer (``[CLS] a [SEP] b [SEP]``) saved in
    ``folder``; returns its vocabulary, specials first (ids 0-3)."""
    from tokenizers import Tokenizer, models, pre_tokenizers
    from tokenizers.processors import TemplateProcessing
    from transformers import PreTrainedTokenizerFast

    vocab = SPECIALS + [w for w in words if w not in SPECIALS]
    core = Tokenizer(models.WordLevel({w: i for i, w in enumerate(vocab)}, unk_token="[UNK]"))
    core.pre_tokenizer = pre_tokenizers.Whitespace()
    core.post_processor = TemplateProcessing(single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B [SEP]",
                                             special_tokens=[("[CLS]", 2), ("[SEP]", 3)])
    PreTrainedTokenizerFast(tokenizer_object=core, pad_token="[PAD]", unk_token="[UNK]", cls_token="[CLS]",
                            sep_token="[SEP]").save_pretrained(folder)
    return vocab
