"""The training command end to end on a tiny BERT: it trains, saves an artifact, continues."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "datasets"
needs_data = pytest.mark.skipif(not (DATA / "xnli" / "dev-en.tsv").is_file(),
                                reason=f"shared data sets not found at {DATA}")


@pytest.fixture(scope="module")
def tiny_base(tmp_path_factory):
    from safetensors.torch import save_file
    from transformers import BertConfig, BertModel

    from tests.tiny_models import save_wordlevel_tokenizer

    folder = tmp_path_factory.mktemp("tiny-base")
    words = save_wordlevel_tokenizer(folder, ["the", "a", "is", "not", "في", "من", "لم"])
    config = BertConfig(vocab_size=len(words), hidden_size=16, num_hidden_layers=3, num_attention_heads=2,
                        intermediate_size=32, max_position_embeddings=130)
    base = BertModel(config, add_pooling_layer=False)
    config.save_pretrained(folder)
    save_file({k: v.contiguous() for k, v in base.state_dict().items()}, str(folder / "model.safetensors"))
    return folder


@needs_data
def test_training_writes_an_artifact_and_a_second_run_continues_from_it(tiny_base, tmp_path):
    from factcheck.nli.offline import read_manifest
    from factcheck.training.train_nli import main

    common = ["--data-dir", str(DATA), "--base", str(tiny_base), "--max-train-pairs", "48", "--batch-size", "16",
              "--freeze-layers", "1", "--no-eval", "--save-every-minutes", "0"]
    first, second = tmp_path / "first", tmp_path / "second"
    assert main([*common, "--out", str(first)]) == 0
    manifest = read_manifest(first)
    mixed = sum(sum(labels.values()) for labels in manifest["data_mix"].values())
    assert 0 < mixed <= 48 and manifest["pairs_seen"] == mixed  # one epoch over the printed mix
    assert manifest["frozen"].endswith("layers 0..0")
    assert set(manifest["xnli_split"]) >= {"train_indices", "held_out_indices"}

    assert main([*common, "--out", str(second), "--init", str(first), "--lr", "1e-3"]) == 0
    continued = read_manifest(second)
    assert [run["pairs_seen"] for run in continued["previous_runs"]] == [mixed]
    assert continued["delta_sha256"] != manifest["delta_sha256"]


@needs_data
def test_continuing_with_another_xnli_split_is_refused(tiny_base, tmp_path):
    from factcheck.training.train_nli import main

    out = tmp_path / "a"
    args = ["--data-dir", str(DATA), "--base", str(tiny_base), "--max-train-pairs", "16", "--no-eval"]
    assert main([*args, "--out", str(out)]) == 0
    with pytest.raises(SystemExit):
        main([*args, "--out", str(tmp_path / "b"), "--init", str(out), "--split-seed", "99"])

