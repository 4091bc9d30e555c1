"""``factcheck.tokens`` runs a folder's tokenizer.json without transformers and must give the ids
``AutoTokenizer(..., truncation=True, padding=True)`` gives: the ONNX Runtime models see exactly
what the PyTorch ones see."""

import numpy as np
import pytest

from factcheck.tokens import load_tokens

PAIRS = [("north korea sent 3000 troops to russia", "troops"), ("korea", "north korea sent 1500 troops"),
         ("ألف جندي", "russia sent troops north korea troops russia korea"), ("troops", "troops")]


@pytest.mark.parametrize("max_length", [64, 7, 5])
def test_pairs_and_texts_get_the_ids_transformers_gives_truncated_longest_first(tiny_nli, max_length):
    from transformers import AutoTokenizer

    reference = AutoTokenizer.from_pretrained(tiny_nli)
    tokens = load_tokens(tiny_nli, input_names=reference.model_input_names)
    assert tokens.fast
    first, second = [a for a, _ in PAIRS], [b for _, b in PAIRS]
    want = reference(first, second, truncation=True, max_length=max_length, padding=True, return_tensors="np")
    got = tokens.pairs(first, second, max_length=max_length)
    assert set(got) == set(reference.model_input_names)
    for name in got:
        np.testing.assert_array_equal(got[name], want[name])
    want = reference(first, truncation=True, max_length=max_length, padding=True, return_tensors="np")
    got = tokens.texts(first, max_length=max_length)
    for name in got:
        np.testing.assert_array_equal(got[name], want[name])


def test_a_folder_without_tokenizer_json_falls_back_to_transformers(tiny_nli, tmp_path):
    import shutil

    folder = tmp_path / "slow"
    shutil.copytree(tiny_nli, folder)
    (folder / "tokenizer.json").unlink()
    with pytest.raises(Exception):  # the tiny tokenizer exists only as tokenizer.json: transformers names the problem
        load_tokens(folder)


def test_models_shipping_the_same_tokenizer_file_share_one_loaded_tokenizer(tiny_nli, tmp_path):
    import shutil

    copy = tmp_path / "same-tokenizer"
    shutil.copytree(tiny_nli, copy)
    assert load_tokens(tiny_nli).tokenizer is load_tokens(copy).tokenizer
    (copy / "tokenizer.json").write_text((copy / "tokenizer.json").read_text().replace("korea", "corea"))
    assert load_tokens(tiny_nli).tokenizer is not load_tokens(copy).tokenizer
