"""Fine-tune the offline multilingual-e5-small into a 3-way NLI classifier (CPU friendly).

    python -m factcheck.training.train_nli --data-dir ../shared/datasets --out models/e5-small-nli \
        --time-budget-minutes 68 --threads 1

The word-embedding table (96M of the 118M parameters), the rest of the embeddings and the bottom
``--freeze-layers`` encoder layers stay frozen (no gradients flow into them, which also makes a
step cheaper); the top layers, a new pooler and the classifier are trained. The artifact stores
the trained matrices as int8 per-row deltas from the base (see :mod:`factcheck.nli.offline`).

The learning-rate schedule (linear warm-up, linear decay) runs on ``max(step progress, time
progress)``, so a run cut short by ``--time-budget-minutes`` still ends with a decayed rate.
The budget covers the whole run: training stops ``--eval-reserve-minutes`` early to leave time
for the final evaluation and saving.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from factcheck.nli.datasets import LABEL2ID, LABELS, Pair, default_data_dir, load_hub_pairs, read_ans_stance, read_xnli
from factcheck.training.mix import build_mix, format_counts


def _log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def make_batches(lengths: Sequence[int], batch_size: int, rng: random.Random, chunk: int = 50) -> list[list[int]]:
    """Length-bucketed batches: shuffle, sort within chunks of ``chunk`` batches, shuffle batches."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    batches: list[list[int]] = []
    span = batch_size * chunk
    for lo in range(0, len(order), span):
        block = sorted(order[lo : lo + span], key=lambda i: lengths[i])
        batches += [block[j : j + batch_size] for j in range(0, len(block), batch_size)]
    rng.shuffle(batches)
    return batches


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="factcheck train nli", description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", type=Path, default=None, help="the shared data sets (default ../shared/datasets)")
    ap.add_argument("--out", type=Path, default=Path("models/e5-small-nli"))
    ap.add_argument("--base", type=Path, default=None, help="base model folder (default: the offline e5 rebuild)")
    ap.add_argument("--init", type=Path, default=None,
                    help="continue training from an NLI artifact folder (e.g. models/e5-small-nli); "
                         "deltas are still stored against the e5 base")
    ap.add_argument("--mix", choices=("v1", "v2"), default="v1",
                    help="data mix version (v1 trained the shipped model; v2 is larger, see training/mix.py BUDGETS)")
    ap.add_argument("--max-train-pairs", type=int, default=None)
    ap.add_argument("--epochs", type=float, default=1.0)
    ap.add_argument("--time-budget-minutes", type=float, default=None, help="whole run incl. final eval and save")
    ap.add_argument("--eval-reserve-minutes", type=float, default=7.0)
    ap.add_argument("--max-length", type=int, default=128)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--lr", type=float, default=6e-5)
    ap.add_argument("--head-lr", type=float, default=3e-4, help="learning rate of the new pooler + classifier")
    ap.add_argument("--warmup", type=float, default=0.05)
    ap.add_argument("--weight-decay", type=float, default=0.01)
    ap.add_argument("--freeze-layers", type=int, default=4, help="bottom encoder layers kept frozen")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--split-seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--hub-dataset", action="append", default=[],
                    help="extra NLI pairs from the HF Hub (needs network): NAME[:CONFIG[:SPLIT[:LIMIT]]]")
    ap.add_argument("--eval-limit", type=int, default=None, help="cap each final evaluation set")
    ap.add_argument("--no-eval", action="store_true")
    ap.add_argument("--save-every-minutes", type=float, default=15.0)
    ap.add_argument("--dry-run", action="store_true", help="print the data mix and exit")
    args = ap.parse_args(argv)

    t_start = time.monotonic()
    data_dir = args.data_dir or default_data_dir()
    mix = build_mix(data_dir, seed=args.seed, split_seed=args.split_seed, max_train_pairs=args.max_train_pairs,
                    mix=args.mix)
    train: list[Pair] = list(mix.train)
    for spec in args.hub_dataset:
        parts = spec.split(":")
        name, config = parts[0], (parts[1] or None) if len(parts) > 1 else None
        split = parts[2] if len(parts) > 2 and parts[2] else "train"
        limit = int(parts[3]) if len(parts) > 3 and parts[3] else None
        train += load_hub_pairs(name, split=split, limit=limit, config=config)
    if args.max_train_pairs and len(train) > args.max_train_pairs:
        random.Random(args.seed).shuffle(train)
        train = train[: args.max_train_pairs]
    counts: dict[str, dict[str, int]] = {}
    for p in train:
        counts.setdefault(p.source, {}).setdefault(p.label, 0)
        counts[p.source][p.label] += 1
    counts = dict(sorted(counts.items()))
    _log(f"data mix ({len(train)} pairs, XNLI split seed {args.split_seed}: "
         f"{len(mix.xnli_train_indices)} train / {len(mix.xnli_held_out_indices)} held-out pair indices)")
    print(format_counts(counts), flush=True)
    if args.dry_run:
        return 0

    import torch
    from safetensors.torch import load_file
    from transformers import AutoTokenizer, BertForSequenceClassification

    from factcheck.nli.offline import ID2LABEL, save_artifact

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    if args.base is None:
        from factcheck.embeddings.e5_offline import ensure_offline_e5

        base_dir = ensure_offline_e5()
    else:
        base_dir = args.base
    tokenizer = AutoTokenizer.from_pretrained(str(base_dir))
    start_from = Path(base_dir)
    scratch = None
    lineage: list[dict] = []
    if args.init is not None:
        import tempfile

        from factcheck.nli.offline import merge_artifact, read_manifest

        earlier = read_manifest(args.init)
        earlier_seed = (earlier.get("xnli_split") or {}).get("seed")
        if earlier_seed is not None and earlier_seed != args.split_seed:
            # another split would train on pairs the earlier run held out, and report on them
            ap.error(f"--init {args.init} was trained with XNLI split seed {earlier_seed}; "
                     f"continue with --split-seed {earlier_seed}")
        lineage = [*earlier.get("previous_runs", []),
                   {k: earlier.get(k) for k in ("train_command", "steps", "pairs_seen", "train_minutes", "threads")}]
        # merged before anything is written, so --init and --out may be the same folder
        scratch = tempfile.TemporaryDirectory(prefix="factcheck-init-")
        start_from = Path(scratch.name)
        merge_artifact(args.init, Path(base_dir), start_from)
        _log(f"continuing from {args.init}")
    network = BertForSequenceClassification.from_pretrained(
        str(start_from), num_labels=3, id2label=dict(ID2LABEL), label2id={v: k for k, v in ID2LABEL.items()})
    if scratch is not None:
        scratch.cleanup()
    base_state = load_file(str(Path(base_dir) / "model.safetensors"))

    trainable: list[str] = []
    for name, param in network.named_parameters():
        frozen = name.startswith("bert.embeddings.") or any(
            name.startswith(f"bert.encoder.layer.{i}.") for i in range(args.freeze_layers))
        param.requires_grad_(not frozen)
        if not frozen:
            trainable.append(name)
    n_train = sum(p.numel() for n, p in network.named_parameters() if p.requires_grad)
    n_all = sum(p.numel() for p in network.parameters())
    _log(f"trainable parameters: {n_train / 1e6:.1f}M of {n_all / 1e6:.1f}M (frozen: embeddings + bottom {args.freeze_layers} layers)")

    enc = tokenizer([p.premise for p in train], [p.hypothesis for p in train], truncation=True, max_length=args.max_length)
    ids = enc["input_ids"]
    lengths = [len(x) for x in ids]
    labels = [LABEL2ID[p.label] for p in train]
    _log(f"tokenised: mean length {sum(lengths) / len(lengths):.1f}, max {max(lengths)}")

    epochs_int = math.ceil(args.epochs)
    all_batches: list[list[int]] = []
    for _ in range(epochs_int):
        all_batches += make_batches(lengths, args.batch_size, rng)
    total_steps = max(1, int(len(all_batches) * args.epochs / epochs_int))
    all_batches = all_batches[:total_steps]

    head = [p for n, p in network.named_parameters() if p.requires_grad and not n.startswith("bert.encoder.")]
    body_decay = [p for n, p in network.named_parameters() if p.requires_grad and n.startswith("bert.encoder.") and p.dim() == 2]
    body_nodecay = [p for n, p in network.named_parameters() if p.requires_grad and n.startswith("bert.encoder.") and p.dim() < 2]
    optimizer = torch.optim.AdamW([
        {"params": body_decay, "lr": args.lr, "weight_decay": args.weight_decay, "base_lr": args.lr},
        {"params": body_nodecay, "lr": args.lr, "weight_decay": 0.0, "base_lr": args.lr},
        {"params": head, "lr": args.head_lr, "weight_decay": args.weight_decay, "base_lr": args.head_lr},
    ])

    budget_s = args.time_budget_minutes * 60 if args.time_budget_minutes else None
    train_deadline = None
    if budget_s is not None:
        reserve = 0 if args.no_eval else args.eval_reserve_minutes * 60
        train_deadline = budget_s - reserve - 30  # 30 s for saving
    pad = tokenizer.pad_token_id
    split_info = {"seed": args.split_seed, "grouped_by": "English premise",
                  "train_indices": mix.xnli_train_indices, "held_out_indices": mix.xnli_held_out_indices}
    command = "python -m factcheck.training.train_nli " + " ".join(sys.argv[1:] if argv is None else argv)

    def manifest(extra: dict) -> dict:
        return {
            "name": "offline:e5-small-nli", "base": "intfloat/multilingual-e5-small (offline rebuild, factcheck.embeddings.e5_offline)",
            "labels": dict(ID2LABEL), "format": "int8 per-row deltas for trained matrices, fp32 vectors/new layers",
            "frozen": f"embeddings + encoder layers 0..{args.freeze_layers - 1}", "max_length": args.max_length,
            "train_command": command, "mix": args.mix, "data_mix": counts, "xnli_split": split_info,
            **({"previous_runs": lineage} if lineage else {}), **extra,
        }

    _log(f"training: {total_steps} steps of {args.batch_size}, lr {args.lr} (head {args.head_lr}), "
         f"train deadline {train_deadline / 60 if train_deadline else float('inf'):.1f} min after start")
    network.train()
    t_train = time.monotonic()
    last_save = t_train
    seen = 0
    run_loss = run_acc = run_n = 0.0
    step = 0
    stopped = "steps done"
    for step, batch in enumerate(all_batches, start=1):
        elapsed = time.monotonic() - t_start
        if train_deadline is not None and elapsed >= train_deadline:
            stopped = f"time budget ({elapsed / 60:.1f} min)"
            step -= 1
            break
        progress = (step - 1) / total_steps
        if train_deadline is not None:
            progress = max(progress, (elapsed - (t_train - t_start)) / max(1.0, train_deadline - (t_train - t_start)))
        warm = args.warmup
        factor = progress / warm if progress < warm else max(0.0, (1 - progress) / (1 - warm))
        for group in optimizer.param_groups:
            group["lr"] = group["base_lr"] * factor
        width = max(lengths[i] for i in batch)
        input_ids = torch.full((len(batch), width), pad, dtype=torch.long)
        attention = torch.zeros((len(batch), width), dtype=torch.long)
        token_types = torch.zeros((len(batch), width), dtype=torch.long)
        for row, i in enumerate(batch):
            input_ids[row, : lengths[i]] = torch.tensor(ids[i])
            attention[row, : lengths[i]] = 1
        target = torch.tensor([labels[i] for i in batch])
        out = network(input_ids=input_ids, attention_mask=attention, token_type_ids=token_types, labels=target)
        out.loss.backward()
        torch.nn.utils.clip_grad_norm_([p for p in network.parameters() if p.requires_grad], 1.0)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        seen += len(batch)
        run_loss += out.loss.item() * len(batch)
        run_acc += (out.logits.argmax(-1) == target).sum().item()
        run_n += len(batch)
        if step % 25 == 0 or step == total_steps:
            rate = seen / (time.monotonic() - t_train)
            _log(f"step {step}/{total_steps} pairs {seen} loss {run_loss / run_n:.4f} acc {run_acc / run_n:.3f} "
                 f"lr {optimizer.param_groups[0]['lr']:.2e} {rate:.2f} pairs/s elapsed {(time.monotonic() - t_start) / 60:.1f} min")
            run_loss = run_acc = run_n = 0.0
        if args.save_every_minutes and time.monotonic() - last_save > args.save_every_minutes * 60:
            network.eval()
            save_artifact(network, base_state, args.out, trainable=trainable,
                          manifest=manifest({"steps": step, "pairs_seen": seen, "status": "checkpoint"}))
            network.train()
            last_save = time.monotonic()
            _log(f"checkpoint saved to {args.out}")
    train_minutes = (time.monotonic() - t_train) / 60
    _log(f"stopped after {step} steps / {seen} pairs ({stopped}), {train_minutes:.1f} min of training")
    network.eval()
    info = {"steps": step, "pairs_seen": seen, "train_minutes": round(train_minutes, 1), "stopped": stopped,
            "status": "final", "threads": args.threads}
    save_artifact(network, base_state, args.out, trainable=trainable, manifest=manifest(info))
    _log(f"artifact saved to {args.out}")

    if not args.no_eval:
        from factcheck.nli.scoring import evaluate, format_metrics

        def predict(pairs):
            out_probs = []
            order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
            res = [None] * len(pairs)
            for lo in range(0, len(order), 32):
                chunk = order[lo : lo + 32]
                batch_enc = tokenizer([pairs[i][0] for i in chunk], [pairs[i][1] for i in chunk], truncation=True,
                                      max_length=args.max_length, padding=True, return_tensors="pt")
                with torch.inference_mode():
                    probs = network(**batch_enc).logits.softmax(-1).tolist()
                for i, row in zip(chunk, probs, strict=True):
                    res[i] = {LABELS[k]: v for k, v in enumerate(row)}
            out_probs = res
            return out_probs

        results = {}
        sets = []
        xnli_ar = Path(data_dir) / "xnli" / "dev-ar.tsv"
        if xnli_ar.is_file():
            rows = read_xnli(xnli_ar)
            sets.append(("xnli-ar-held-out", [rows[i] for i in mix.xnli_held_out_indices]))
        ans_dev = Path(data_dir) / "ans" / "stance" / "dev.csv"
        if ans_dev.is_file():
            sets.append(("ans-stance-dev", read_ans_stance(ans_dev)))
        for name, pairs in sets:
            if args.eval_limit:
                pairs = pairs[: args.eval_limit]
            m = evaluate(predict, pairs)
            results[name] = {k: m[k] for k in ("n", "accuracy", "macro_f1", "pairs_per_second")}
            _log(f"eval {name}:\n{format_metrics(m)}")
        info["eval_in_training"] = results
        save_artifact(network, base_state, args.out, trainable=trainable, manifest=manifest(info))
        (Path(args.out) / "train_metrics.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    _log(f"done in {(time.monotonic() - t_start) / 60:.1f} min")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
