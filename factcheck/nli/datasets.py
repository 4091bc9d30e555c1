"""Readers of the public NLI data sets, returning :class:`Pair` records with our three labels.

Everything here reads the data sets laid out in ``../shared/datasets`` (see its README);
nothing is copied into the project. Labels are always our three names: ``entailment``,
``neutral``, ``contradiction`` (``not-entailment`` only for binary ArbTEDS evaluation files).
Training (:mod:`factcheck.training.mix`) and evaluation (:mod:`factcheck.evaluation.nli_eval`)
both read through this module.

Label mappings (checked, not guessed):

* **XNLI** dev TSVs: ``premise<TAB>hypothesis<TAB>label`` with the label spelled out, CRLF line
  ends, no header. The 15 files are the same 2,490 pairs in the same order, so a row index is a
  *pair index* valid across languages (:func:`factcheck.training.mix.xnli_split` splits them).
* **ArNLI**: ``label`` 0 = neutral, 1 = entailment, 2 = contradiction. Verified against
  ``sick/SICK.txt`` by joining the English columns: of 4,756 train rows, 2,641 label-0 rows are
  SICK NEUTRAL, 1,390 label-1 rows are ENTAILMENT, 722 label-2 rows are CONTRADICTION (3
  disagree). The join also shows that ArNLI's ``h`` column is SICK's sentence_A (the premise)
  and ``t`` is sentence_B for 4,670 of the rows, so the premise is ``h`` and the hypothesis ``t``.
* **SICK**: ``entailment_judgment`` ENTAILMENT / NEUTRAL / CONTRADICTION, premise sentence_A.
  SICK.txt has no split column, so no SICK pair whose sentences occur in ArNLI valid (which is
  SICK translated) is used for training.
* **ANS stance**: agree -> entailment, disagree -> contradiction, other -> neutral.
* **ArbTEDS**: binary, 1 = the text entails the headline, 0 = it does not. "Does not entail"
  lumps neutral and contradiction together, so for training only the label-1 pairs are used
  (as entailment); the label-0 pairs are dropped rather than given a label that may be wrong.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

LABELS = ("entailment", "neutral", "contradiction")
LABEL2ID = {name: i for i, name in enumerate(LABELS)}

XNLI_LANGS = ("ar", "bg", "de", "el", "en", "es", "fr", "hi", "ru", "sw", "th", "tr", "ur", "vi", "zh")
XNLI_PAIRS = 2490

ARNLI_LABELS = {"0": "neutral", "1": "entailment", "2": "contradiction"}
ANS_LABELS = {"agree": "entailment", "disagree": "contradiction", "other": "neutral"}
SICK_LABELS = {"ENTAILMENT": "entailment", "NEUTRAL": "neutral", "CONTRADICTION": "contradiction"}


@dataclass(frozen=True)
class Pair:
    premise: str
    hypothesis: str
    label: str
    source: str


class DatasetMissing(FileNotFoundError):
    """A data set file the caller asked for is not there."""


def default_data_dir() -> Path:
    """``<repo>/../shared/datasets``, where the README says the data lives."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "datasets"


def _need(path: Path) -> Path:
    if not path.is_file():
        raise DatasetMissing(f"data file not found: {path} (see ../shared/datasets/README.md)")
    return path


def csv_rows(path: Path) -> list[dict[str, str]]:
    with _need(path).open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def clean_text(text: str) -> str:
    """Whitespace runs (newlines, tabs) collapsed to single spaces, ends stripped."""
    return " ".join(str(text).split())


def norm_key(text: str) -> str:
    """Comparison key for "is this the same sentence": whitespace and case folded."""
    return " ".join(str(text).split()).casefold()


# ----------------------------------------------------------------------------- readers


def read_xnli(path: Path) -> list[Pair]:
    """Rows of an XNLI-style TSV in file order (CRLF ok, header optional)."""
    pairs = []
    with _need(Path(path)).open(encoding="utf-8", newline="") as fh:
        for line in fh:
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) < 3:
                continue
            label = parts[2].strip().lower()
            if label not in LABEL2ID:
                continue  # header or unknown label
            pairs.append(Pair(clean_text(parts[0]), clean_text(parts[1]), label, f"xnli-{Path(path).stem.split('-')[-1]}"))
    return pairs



def read_arnli(path: Path) -> list[Pair]:
    """ArNLI rows as (premise=h, hypothesis=t) — see the module docstring for why."""
    out = []
    for r in csv_rows(Path(path)):
        label = ARNLI_LABELS.get(str(r.get("label", "")).strip())
        if label and r.get("t") and r.get("h"):
            out.append(Pair(clean_text(r["h"]), clean_text(r["t"]), label, "arnli"))
    return out


def read_ans_stance(path: Path) -> list[Pair]:
    out = []
    for r in csv_rows(Path(path)):
        label = ANS_LABELS.get(str(r.get("stance", "")).strip().lower())
        if label and r.get("s1") and r.get("s2"):
            out.append(Pair(clean_text(r["s1"]), clean_text(r["s2"]), label, "ans-stance"))
    return out


def read_arbteds(path: Path, *, positives_only: bool = True) -> list[Pair]:
    """ArbTEDS: label 1 -> entailment; label 0 ("does not entail") dropped unless asked for."""
    out = []
    for r in csv_rows(Path(path)):
        lab = str(r.get("label", "")).strip()
        if not (r.get("t") and r.get("h")):
            continue
        if lab == "1":
            out.append(Pair(clean_text(r["t"]), clean_text(r["h"]), "entailment", "arbteds"))
        elif lab == "0" and not positives_only:
            out.append(Pair(clean_text(r["t"]), clean_text(r["h"]), "not-entailment", "arbteds"))
    return out


def read_sick(path: Path, *, exclude_sentences: Iterable[str] = ()) -> list[Pair]:
    """SICK pairs (premise = sentence_A), minus pairs touching any excluded sentence."""
    excluded = {norm_key(s) for s in exclude_sentences}
    out = []
    with _need(Path(path)).open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            label = SICK_LABELS.get(str(r.get("entailment_judgment", "")).strip().upper())
            a, b = clean_text(r.get("sentence_A", "")), clean_text(r.get("sentence_B", ""))
            if not (label and a and b) or norm_key(a) in excluded or norm_key(b) in excluded:
                continue
            out.append(Pair(a, b, label, "sick"))
    return out


def read_ans_claims(path: Path) -> list[str]:
    return [clean_text(r["claim_s"]) for r in csv_rows(Path(path)) if r.get("claim_s")]


def read_eval_file(path: Path) -> list[Pair]:
    """Any of the supported layouts: XNLI TSV, ANS stance CSV, ArNLI CSV, ArbTEDS CSV (binary)."""
    path = Path(path)
    with _need(path).open(encoding="utf-8-sig", newline="") as fh:
        head = fh.readline()
    cols = [c.strip() for c in head.rstrip("\r\n").split(",")]
    if {"s1", "s2", "stance"} <= set(cols):
        return read_ans_stance(path)
    if {"t", "h", "label", "sentence_t_en"} <= set(cols):
        return read_arnli(path)
    if {"t", "h", "label"} <= set(cols):
        return read_arbteds(path, positives_only=False)
    if "\t" in head:
        if "entailment_judgment" in head:
            return read_sick(path)
        return read_xnli(path)
    raise ValueError(f"{path}: unrecognised layout (header {head.strip()[:80]!r})")


def load_hub_pairs(name: str, *, split: str = "train", limit: int | None = None, config: str | None = None) -> list[Pair]:
    """Optional: pairs from a Hugging Face Hub NLI data set (premise/hypothesis/label columns with
    0=entailment, 1=neutral, 2=contradiction, the MNLI/XNLI convention). Needs network access."""
    from datasets import load_dataset

    ds = load_dataset(name, config, split=split) if config else load_dataset(name, split=split)
    out = []
    for row in ds:
        lab = row.get("label")
        if isinstance(lab, int) and 0 <= lab <= 2:
            out.append(Pair(clean_text(row["premise"]), clean_text(row["hypothesis"]), LABELS[lab], f"hub-{name}"))
        if limit and len(out) >= limit:
            break
    return out
