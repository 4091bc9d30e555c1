"""The seeded NLI training mix: which pairs of which data set, and the XNLI split that keeps
evaluation pairs out of it.

The XNLI dev files hold the same 2,490 pairs in every language, so :func:`xnli_split` splits
the pair *indices* (grouped by premise, so a premise never straddles the split) into train and
held-out halves; the held-out indices are recorded in the artifact's manifest for evaluation.
Evaluation splits (held-out XNLI, ANS/ArNLI/ArbTEDS dev/valid) never contribute a pair, and
synthetic cases (:mod:`factcheck.training.synthetic`) never reuse an evaluation sentence.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.nli.datasets import (
    LABELS,
    XNLI_LANGS,
    Pair,
    clean_text,
    csv_rows,
    norm_key,
    read_ans_claims,
    read_ans_stance,
    read_arbteds,
    read_arnli,
    read_sick,
    read_xnli,
)
from factcheck.training.synthetic import SYNTHETIC_QUOTAS, synthetic_pairs

DEFAULT_SPLIT_SEED = 13


def xnli_split(data_dir: Path, seed: int = DEFAULT_SPLIT_SEED, held_out_fraction: float = 0.5) -> tuple[list[int], list[int]]:
    """Seeded split of the XNLI pair indices into (train, held_out), both sorted.

    Indices are grouped by their English premise (XNLI has three hypotheses per premise), and
    whole groups go to one side, so no premise is trained on and evaluated. Because every
    language file holds the same pairs in the same order, one index split serves all languages.
    """
    en = read_xnli(Path(data_dir) / "xnli" / "dev-en.tsv")
    groups: dict[str, list[int]] = {}
    for i, p in enumerate(en):
        groups.setdefault(norm_key(p.premise), []).append(i)
    keys = sorted(groups)
    random.Random(seed).shuffle(keys)
    target = round(len(en) * held_out_fraction)
    held: list[int] = []
    for k in keys:
        if len(held) >= target:
            break
        held.extend(groups[k])
    held_set = set(held)
    train = [i for i in range(len(en)) if i not in held_set]
    return train, sorted(held_set)




@dataclass
class Mix:
    train: list[Pair]
    xnli_train_indices: list[int]
    xnli_held_out_indices: list[int]
    split_seed: int

    def counts(self) -> dict[str, dict[str, int]]:
        table: dict[str, Counter] = {}
        for p in self.train:
            table.setdefault(p.source, Counter())[p.label] += 1
        return {src: dict(c) for src, c in sorted(table.items())}


def format_counts(counts: dict[str, dict[str, int]]) -> str:
    lines = [f"{'source':28s} {'entail':>7s} {'neutral':>7s} {'contra':>7s} {'total':>7s}"]
    totals = Counter()
    for src, c in counts.items():
        row = [c.get(label, 0) for label in LABELS]
        totals.update({label: c.get(label, 0) for label in LABELS})
        lines.append(f"{src:28s} {row[0]:7d} {row[1]:7d} {row[2]:7d} {sum(row):7d}")
    t = [totals[label] for label in LABELS]
    lines.append(f"{'TOTAL':28s} {t[0]:7d} {t[1]:7d} {t[2]:7d} {sum(t):7d}")
    return "\n".join(lines)


def _balanced_sample(pairs: Sequence[Pair], n: int, rng: random.Random) -> list[Pair]:
    """Up to n pairs, as even across labels as the pairs allow."""
    if len(pairs) <= n:
        return list(pairs)
    by_label: dict[str, list[Pair]] = {}
    for p in pairs:
        by_label.setdefault(p.label, []).append(p)
    for group in by_label.values():
        rng.shuffle(group)
    out: list[Pair] = []
    labels = sorted(by_label)
    while len(out) < n and any(by_label.values()):
        for label in labels:
            if by_label[label] and len(out) < n:
                out.append(by_label[label].pop())
    return out


def eval_sentences(data_dir: Path, held_out: Sequence[int]) -> set[str]:
    """Every sentence of every evaluation split (held-out XNLI indices in all languages, ANS stance
    dev, ANS claim dev, ArNLI valid incl. its English columns, ArbTEDS valid)."""
    d = Path(data_dir)
    out: set[str] = set()
    held = set(held_out)
    for lang in XNLI_LANGS:
        f = d / "xnli" / f"dev-{lang}.tsv"
        if f.is_file():
            for i, p in enumerate(read_xnli(f)):
                if i in held:
                    out.update((p.premise, p.hypothesis))
    if (d / "ans/stance/dev.csv").is_file():
        for p in read_ans_stance(d / "ans/stance/dev.csv"):
            out.update((p.premise, p.hypothesis))
    if (d / "ans/claim/dev.csv").is_file():
        out.update(read_ans_claims(d / "ans/claim/dev.csv"))
    if (d / "arnli/valid_nli.csv").is_file():
        for r in csv_rows(d / "arnli/valid_nli.csv"):
            out.update(clean_text(r.get(k, "")) for k in ("t", "h", "sentence_t_en", "sentence_h_en"))
    if (d / "arbteds/valid_ArbTEDS.csv").is_file():
        for p in read_arbteds(d / "arbteds/valid_ArbTEDS.csv", positives_only=False):
            out.update((p.premise, p.hypothesis))
    out.discard("")
    return out


# Per-source budgets (pairs) by mix version; scaled down by --max-train-pairs.
# v1 (the shipped model): part of XNLI, SICK and ArNLI, ~21k pairs.
# v2: every XNLI train-half pair in every language (translations of one pair act as paraphrase
# augmentation), cross-lingual pairs (premise and hypothesis in different languages, Arabic or
# English on one side, as when sources mix languages), more SICK/ArNLI, ~40k pairs.
BUDGETS = {
    "v1": {"xnli-ar": 1245, "xnli-en": 1245, "xnli-other": 6500, "xnli-cross": 0, "arnli": 3000, "sick": 2500,
           "ans-stance": 2652, "arbteds": 209, "synthetic": 4000},
    "v2": {"xnli-ar": 1245, "xnli-en": 1245, "xnli-other": 16185, "xnli-cross": 2490, "arnli": 4600,
           "sick": 6000, "ans-stance": 2652, "arbteds": 209, "synthetic": 6000},
}
DEFAULT_MIX = "v1"
DEFAULT_BUDGET = BUDGETS[DEFAULT_MIX]


def build_mix(data_dir: Path, *, seed: int = 0, split_seed: int = DEFAULT_SPLIT_SEED,
              max_train_pairs: int | None = None, budget: dict[str, int] | None = None,
              mix: str = DEFAULT_MIX) -> Mix:
    """The seeded training mix. Eval splits (XNLI held-out indices, ANS/ArNLI/ArbTEDS dev/valid)
    never contribute a pair, and synthetic cases never reuse an evaluation sentence."""
    d = Path(data_dir)
    rng = random.Random(seed)
    if mix not in BUDGETS:
        raise ValueError(f"unknown mix {mix!r}: choose {', '.join(BUDGETS)}")
    budget = dict(budget or BUDGETS[mix])
    total = sum(budget.values())
    if max_train_pairs and max_train_pairs < total:
        budget = {k: max(1, round(v * max_train_pairs / total)) for k, v in budget.items()}

    train_idx, held_idx = xnli_split(d, split_seed)
    forbidden = eval_sentences(d, held_idx)
    pairs: list[Pair] = []
    premises_for_synth: list[str] = []

    xnli = {lang: read_xnli(d / "xnli" / f"dev-{lang}.tsv") for lang in XNLI_LANGS if (d / "xnli" / f"dev-{lang}.tsv").is_file()}
    for lang in ("ar", "en"):
        if lang in xnli:
            rows = [xnli[lang][i] for i in train_idx]
            pairs += _balanced_sample(rows, budget[f"xnli-{lang}"], rng)
            premises_for_synth += [r.premise for r in rows]
    others = [lang for lang in xnli if lang not in ("ar", "en")]
    if others:
        per = max(1, budget["xnli-other"] // len(others))
        for lang in others:
            idx = rng.sample(train_idx, min(per, len(train_idx)))
            pairs += [xnli[lang][i] for i in idx]
    if budget.get("xnli-cross") and "ar" in xnli and "en" in xnli:
        langs = sorted(xnli)
        for _ in range(budget["xnli-cross"]):
            i = rng.choice(train_idx)
            pivot = rng.choice(["ar", "en"])
            other = rng.choice([lang for lang in langs if lang != pivot])
            p_lang, h_lang = (pivot, other) if rng.random() < 0.5 else (other, pivot)
            pairs.append(Pair(xnli[p_lang][i].premise, xnli[h_lang][i].hypothesis, xnli[pivot][i].label,
                              "xnli-cross"))

    if (d / "arnli/train_nli.csv").is_file():
        arnli = read_arnli(d / "arnli/train_nli.csv")
        if (d / "arnli/valid_nli.csv").is_file():  # upstream repeats 163 valid pairs in train
            valid = {(p.premise, p.hypothesis) for p in read_arnli(d / "arnli/valid_nli.csv")}
            arnli = [p for p in arnli if (p.premise, p.hypothesis) not in valid]
        pairs += _balanced_sample(arnli, budget["arnli"], rng)
    if (d / "sick/SICK.txt").is_file():
        excl = set()
        if (d / "arnli/valid_nli.csv").is_file():
            for r in csv_rows(d / "arnli/valid_nli.csv"):
                excl.update((r.get("sentence_t_en", ""), r.get("sentence_h_en", "")))
        sick = read_sick(d / "sick/SICK.txt", exclude_sentences=excl)
        pairs += _balanced_sample(sick, budget["sick"], rng)
        premises_for_synth += [p.premise for p in rng.sample(sick, min(500, len(sick)))]
    if (d / "ans/stance/train.csv").is_file():
        ans = read_ans_stance(d / "ans/stance/train.csv")
        pairs += _balanced_sample(ans, budget["ans-stance"], rng)
        premises_for_synth += [p.premise for p in ans] + [p.hypothesis for p in ans]
    if (d / "arbteds/train_ArbTEDS.csv").is_file():
        arb = read_arbteds(d / "arbteds/train_ArbTEDS.csv")
        pairs += _balanced_sample(arb, budget["arbteds"], rng)
        premises_for_synth += [p.premise for p in read_arbteds(d / "arbteds/train_ArbTEDS.csv", positives_only=False)]
    if (d / "ans/claim/train.csv").is_file():
        premises_for_synth += read_ans_claims(d / "ans/claim/train.csv")

    if budget.get("synthetic") and premises_for_synth:
        pairs += synthetic_pairs(premises_for_synth, seed=seed + 1, n=budget["synthetic"], forbidden=forbidden,
                                 quota=SYNTHETIC_QUOTAS[mix])
    # Pairs from the real train sets that happen to repeat an eval sentence stay (they are
    # different pairs), except XNLI, whose held-out indices are excluded outright above.
    rng.shuffle(pairs)
    return Mix(pairs, train_idx, held_idx, split_seed)
