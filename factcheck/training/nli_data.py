"""Training and evaluation pairs for the offline multilingual NLI model.

Everything here reads the public data sets laid out in ``../shared/datasets`` (see its README);
nothing is copied into the project. Labels are always our three names: ``entailment``,
``neutral``, ``contradiction``.

Label mappings (checked, not guessed):

* **XNLI** dev TSVs: ``premise<TAB>hypothesis<TAB>label`` with the label spelled out, CRLF line
  ends, no header. The 15 files are the same 2,490 pairs in the same order, so a row index is a
  *pair index* valid across languages. :func:`xnli_split` splits those indices (grouped by
  premise, so a premise never straddles the split) into train and held-out halves.
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
  lumps neutral and contradiction together, so only the label-1 pairs are used (as entailment);
  the label-0 pairs are dropped rather than given a label that may be wrong.

Synthetic hard cases (:func:`synthetic_pairs`) are built from train-side sentences only (ANS
claims train, ANS stance train, ArbTEDS train, XNLI train-index premises, SICK/ArNLI train) and
any candidate whose premise or hypothesis equals an evaluation sentence is dropped.
"""

from __future__ import annotations

import csv
import random
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

LABELS = ("entailment", "neutral", "contradiction")
LABEL2ID = {name: i for i, name in enumerate(LABELS)}

XNLI_LANGS = ("ar", "bg", "de", "el", "en", "es", "fr", "hi", "ru", "sw", "th", "tr", "ur", "vi", "zh")
XNLI_PAIRS = 2490
DEFAULT_SPLIT_SEED = 13

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


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with _need(path).open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _clean(text: str) -> str:
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
            pairs.append(Pair(_clean(parts[0]), _clean(parts[1]), label, f"xnli-{Path(path).stem.split('-')[-1]}"))
    return pairs


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


def read_arnli(path: Path) -> list[Pair]:
    """ArNLI rows as (premise=h, hypothesis=t) — see the module docstring for why."""
    out = []
    for r in _csv_rows(Path(path)):
        label = ARNLI_LABELS.get(str(r.get("label", "")).strip())
        if label and r.get("t") and r.get("h"):
            out.append(Pair(_clean(r["h"]), _clean(r["t"]), label, "arnli"))
    return out


def read_ans_stance(path: Path) -> list[Pair]:
    out = []
    for r in _csv_rows(Path(path)):
        label = ANS_LABELS.get(str(r.get("stance", "")).strip().lower())
        if label and r.get("s1") and r.get("s2"):
            out.append(Pair(_clean(r["s1"]), _clean(r["s2"]), label, "ans-stance"))
    return out


def read_arbteds(path: Path, *, positives_only: bool = True) -> list[Pair]:
    """ArbTEDS: label 1 -> entailment; label 0 ("does not entail") dropped unless asked for."""
    out = []
    for r in _csv_rows(Path(path)):
        lab = str(r.get("label", "")).strip()
        if not (r.get("t") and r.get("h")):
            continue
        if lab == "1":
            out.append(Pair(_clean(r["t"]), _clean(r["h"]), "entailment", "arbteds"))
        elif lab == "0" and not positives_only:
            out.append(Pair(_clean(r["t"]), _clean(r["h"]), "not-entailment", "arbteds"))
    return out


def read_sick(path: Path, *, exclude_sentences: Iterable[str] = ()) -> list[Pair]:
    """SICK pairs (premise = sentence_A), minus pairs touching any excluded sentence."""
    excluded = {norm_key(s) for s in exclude_sentences}
    out = []
    with _need(Path(path)).open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            label = SICK_LABELS.get(str(r.get("entailment_judgment", "")).strip().upper())
            a, b = _clean(r.get("sentence_A", "")), _clean(r.get("sentence_B", ""))
            if not (label and a and b) or norm_key(a) in excluded or norm_key(b) in excluded:
                continue
            out.append(Pair(a, b, label, "sick"))
    return out


def read_ans_claims(path: Path) -> list[str]:
    return [_clean(r["claim_s"]) for r in _csv_rows(Path(path)) if r.get("claim_s")]


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


# ----------------------------------------------------------------------------- synthetic cases

_WESTERN = "0123456789"
_ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
_TO_INDIC = str.maketrans(_WESTERN, _ARABIC_INDIC)
_TO_WESTERN = str.maketrans(_ARABIC_INDIC, _WESTERN)
_NUM_RE = re.compile(r"[0-9٠-٩]+(?:[.,٫][0-9٠-٩]+)?")
_AR_LETTERS = re.compile(r"[\u0621-\u064A]")

# Arabic counted thousands/millions: "3 آلاف" -> "11 ألف" (the noun agrees with the number).
_AR_SCALE = [("آلاف", "ألف"), ("ملايين", "مليون"), ("مليارات", "مليار")]

AR_WEEKDAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]
EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
AR_MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]

_EN_AUX = re.compile(r"\b(is|are|was|were|has|have|had|will|can|would|could|does|did)\b")


def _lower_first(text: str) -> str:
    """The sentence continuing a prefix: "Police said" -> "police said"; "UN said" stays."""
    return text[0].lower() + text[1:] if not text[:2].isupper() else text


def is_arabic(text: str) -> bool:
    return bool(_AR_LETTERS.search(text))


def _different_number(rng: random.Random, digits: str) -> str:
    value = int(digits)
    for _ in range(20):
        if value < 10:
            new = rng.choice([v for v in range(1, 20) if v != value])
        elif 1900 <= value <= 2100:  # a year
            new = value + rng.choice([-3, -2, -1, 1, 2, 3])
        else:
            new = max(1, int(value * rng.choice([0.3, 0.5, 2, 3, 1.5, 0.7]))) + rng.choice([0, 1, 7])
        if new != value:
            return str(new)
    return str(value + 1)


def number_swap(text: str, rng: random.Random) -> str | None:
    """Change one number (keeping its digit script); None if the text has no number."""
    matches = list(_NUM_RE.finditer(text))
    if not matches:
        return None
    m = rng.choice(matches)
    raw = m.group(0)
    indic = any(c in _ARABIC_INDIC for c in raw)
    whole = re.split(r"[.,٫]", raw.translate(_TO_WESTERN))[0]
    new = _different_number(rng, whole)
    if indic:
        new = new.translate(_TO_INDIC)
    out = text[: m.start()] + new + text[m.end():]
    # "3 آلاف" -> "11 ألف": numbers above 10 take the singular counted noun.
    tail = out[m.start() + len(new):]
    for plural, singular in _AR_SCALE:
        if int(new.translate(_TO_WESTERN)) > 10 and tail.lstrip().startswith(plural):
            gap = len(tail) - len(tail.lstrip())
            out = out[: m.start() + len(new)] + tail[:gap] + singular + tail[gap + len(plural):]
            break
    return out if out != text else None


def digits_script_swap(text: str) -> str | None:
    """Same numbers, other digit script (an entailment: 3 == ٣)."""
    if not _NUM_RE.search(text):
        return None
    if any(c in _ARABIC_INDIC for c in text):
        return text.translate(_TO_WESTERN)
    return text.translate(_TO_INDIC)


def negate(text: str, rng: random.Random) -> str | None:
    """A contradiction by negation: Arabic لم/لا before a leading present verb, "نفى"/"ليس صحيحا أن",
    English auxiliary + not / "denied that" / "It is not true that"."""
    if is_arabic(text):
        words = text.split()
        first = words[0] if words else ""
        if len(first) >= 4 and first[0] == "ي" and rng.random() < 0.6:  # a leading present-tense verb
            return " ".join([rng.choice(["لم", "لا"]), *words])
        return rng.choice(["ليس صحيحا أن ", "غير صحيح أن ", "نفت المصادر الرسمية أن "]) + text
    m = _EN_AUX.search(text)
    if m and rng.random() < 0.6:
        return text[: m.end()] + " not" + text[m.end():]
    if not text:
        return None
    return rng.choice(["It is not true that ", "Officials denied that ", "It is false that "]) + _lower_first(text)


def date_swap(text: str, rng: random.Random) -> str | None:
    """Replace a weekday or month name by another one; None if there is none."""
    for names in (AR_WEEKDAYS, AR_MONTHS, EN_WEEKDAYS, EN_MONTHS):
        present = [n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)]
        if present:
            old = rng.choice(present)
            new = rng.choice([n for n in names if n != old])
            return re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", new, text, count=1)
    return None


def add_weekday(text: str, rng: random.Random, day: str | None = None) -> str:
    if is_arabic(text):
        return f"{text.rstrip('. ')} يوم {day or rng.choice(AR_WEEKDAYS)}"
    return f"{text.rstrip('. ')} on {day or rng.choice(EN_WEEKDAYS)}."


# Actors whose swap turns a "for the first time" statement into a contradiction (only one of
# them can have been first). Surface forms as they appear in running text.
AR_ACTORS = ["روسيا", "كوريا الشمالية", "الولايات المتحدة", "الصين", "إيران", "مصر", "تركيا", "فرنسا",
             "بريطانيا", "ألمانيا", "اليابان", "الكرملين", "بيونغ يانغ", "واشنطن", "موسكو", "إسرائيل",
             "السعودية", "قطر", "الأردن", "العراق", "سوريا", "لبنان", "أوكرانيا", "الهند"]
EN_ACTORS = ["Russia", "North Korea", "the United States", "China", "Iran", "Egypt", "Turkey", "France",
             "Britain", "Germany", "Japan", "the Kremlin", "Pyongyang", "Washington", "Moscow", "Israel",
             "Saudi Arabia", "Qatar", "Jordan", "Iraq", "Syria", "Lebanon", "Ukraine", "India"]
_AR_FIRST = ("لأول مرة", "للمرة الأولى", "أول ")
_EN_FIRST = ("for the first time", "first ")


def actor_swap(text: str, rng: random.Random) -> str | None:
    """Replace one named actor (country, capital, government seat) by another; None if none."""
    names = AR_ACTORS if is_arabic(text) else EN_ACTORS
    bound = r"(?<![\w\u0600-\u06FF])" if not is_arabic(text) else r"(?<![\u0621-\u064A])"
    present = [n for n in names if re.search(rf"{bound}(?:[وبل]?){re.escape(n)}(?![\w])", text)]
    if not present:
        return None
    old = max(present, key=len)  # "North Korea", not a shorter name inside it
    new = rng.choice([n for n in names if n != old and n not in old and old not in n])
    return re.sub(re.escape(old), new, text, count=1)


def first_claim(text: str, rng: random.Random) -> str:
    """The sentence as a "first time" statement (unchanged if it already is one)."""
    if is_arabic(text):
        if any(m in text for m in _AR_FIRST):
            return text
        return f"{rng.choice(['لأول مرة،', 'للمرة الأولى،'])} {text}"
    if any(m in text.lower() for m in _EN_FIRST):
        return text
    return f"For the first time, {_lower_first(text)}"


_WORD = re.compile(r"[\w\u0600-\u06FF]{4,}")


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def drop_trailing_clause(text: str) -> str | None:
    """Drop the last clause (after a comma, "و", "and", "after"...): a shorter, entailed sentence."""
    candidates = [m.start() for m in re.finditer(r"[،,;:]| (?:و|بعد|وسط|حيث|and|after|while|as|which) ", text)]
    candidates = [c for c in candidates if len(text[:c].split()) >= 4 and len(text[c:].split()) >= 2]
    if not candidates:
        return None
    return text[: candidates[-1]].rstrip(" ،,;:") or None


# Share of the synthetic budget per kind, by mix version (v1 trained the shipped model).
SYNTHETIC_QUOTAS = {
    "v1": {"number": 0.20, "digits": 0.05, "negation": 0.17, "date": 0.06, "weekday-swap": 0.08,
           "weekday-drop": 0.06, "weekday-added": 0.08, "copy": 0.08, "clause-drop": 0.12, "clause-added": 0.10},
    "v2": {"number": 0.16, "digits": 0.04, "negation": 0.14, "date": 0.05, "weekday-swap": 0.06,
           "weekday-drop": 0.05, "weekday-added": 0.06, "copy": 0.06, "clause-drop": 0.10, "clause-added": 0.08,
           "first-actor": 0.08, "unrelated": 0.12},
}


def synthetic_pairs(sentences: Sequence[str], *, seed: int, n: int, forbidden: Iterable[str] = (),
                    quota: dict[str, float] | None = None) -> list[Pair]:
    """About ``n`` hard cases with known labels from real news sentences.

    Kinds (label): number swap (contradiction), digit-script swap (entailment), negation, both
    directions (contradiction), weekday/month swap (contradiction), weekday added to premise and
    swapped in hypothesis (contradiction) or dropped (entailment), weekday only in the
    hypothesis (neutral), copy (entailment), trailing clause dropped (entailment), clause added
    (neutral), actor swap in a "first time" statement (contradiction), unrelated news on a
    shared topic word (neutral: the checker meets such pairs all the time and must not call
    them contradictions). Candidates touching a ``forbidden`` (evaluation) sentence are dropped.
    """
    rng = random.Random(seed)
    banned = {norm_key(s) for s in forbidden}
    pool = sorted({s for s in (_clean(x) for x in sentences) if 4 <= len(s.split()) <= 60 and norm_key(s) not in banned})
    rng.shuffle(pool)
    with_numbers = [s for s in pool if _NUM_RE.search(s)]
    with_dates = [s for s in pool if date_swap(s, random.Random(0))]
    quota = dict(quota or SYNTHETIC_QUOTAS["v1"])  # share of n per kind
    out: list[Pair] = []
    seen: set[tuple[str, str]] = set()

    def add(p: str | None, h: str | None, label: str, kind: str) -> bool:
        if not p or not h or (p, h) in seen or norm_key(p) in banned or norm_key(h) in banned:
            return False
        seen.add((p, h))
        out.append(Pair(p, h, label, f"synthetic-{kind}"))
        return True

    def fill(kind: str, src: Sequence[str], make) -> None:
        want = round(n * quota.get(kind, 0.0))
        got = 0
        for s in src:
            if got >= want:
                break
            got += bool(make(s))

    fill("number", with_numbers, lambda s: add(s, number_swap(s, rng), "contradiction", "number")
         if rng.random() < 0.5 else add(number_swap(s, rng), s, "contradiction", "number"))
    fill("digits", with_numbers[::-1], lambda s: add(s, digits_script_swap(s), "entailment", "digits"))
    fill("negation", pool, lambda s: add(s, negate(s, rng), "contradiction", "negation")
         if rng.random() < 0.7 else add(negate(s, rng), s, "contradiction", "negation"))
    fill("date", with_dates, lambda s: add(s, date_swap(s, rng), "contradiction", "date"))
    shuffled = pool[len(pool) // 2:] + pool[: len(pool) // 2]

    def weekday_swap(s: str) -> bool:
        day_ar, day_en = rng.randrange(7), rng.randrange(7)
        other_ar = AR_WEEKDAYS[(day_ar + rng.randrange(1, 7)) % 7]
        other_en = EN_WEEKDAYS[(day_en + rng.randrange(1, 7)) % 7]
        ar = is_arabic(s)
        p = add_weekday(s, rng, AR_WEEKDAYS[day_ar] if ar else EN_WEEKDAYS[day_en])
        return add(p, add_weekday(s, rng, other_ar if ar else other_en), "contradiction", "weekday-swap")

    fill("weekday-swap", shuffled, weekday_swap)
    fill("weekday-drop", shuffled[::-1], lambda s: add(add_weekday(s, rng), s, "entailment", "weekday-drop"))
    fill("weekday-added", pool[::-1], lambda s: add(s, add_weekday(s, rng), "neutral", "weekday-added"))
    fill("copy", shuffled[::3], lambda s: add(s, s, "entailment", "copy"))
    fill("clause-drop", pool, lambda s: add(s, drop_trailing_clause(s), "entailment", "clause-drop"))

    def clause_added(s: str) -> bool:
        short = drop_trailing_clause(s)
        return add(short, s, "neutral", "clause-added") if short else False

    fill("clause-added", pool[::-1], clause_added)

    def first_actor(s: str) -> bool:
        swapped = actor_swap(s, rng)
        if not swapped:
            return False
        return add(first_claim(s, rng), first_claim(swapped, rng), "contradiction", "first-actor")

    fill("first-actor", pool, first_actor)

    # Unrelated: same script, at least one shared content word, little else in common.
    by_word: dict[str, list[str]] = {}
    for s in pool:
        for w in _content_words(s):
            by_word.setdefault(w, []).append(s)

    def unrelated(s: str) -> bool:
        words = sorted(_content_words(s))
        rng.shuffle(words)
        for w in words[:5]:
            partners = by_word.get(w, [])
            if len(partners) < 2:
                continue
            other = rng.choice(partners)
            a, b = _content_words(s), _content_words(other)
            if other != s and is_arabic(other) == is_arabic(s) and len(a & b) / len(a | b) < 0.15:
                return add(s, other, "neutral", "unrelated")
        return False

    fill("unrelated", pool[len(pool) // 3:], unrelated)
    rng.shuffle(out)
    return out


# ----------------------------------------------------------------------------- the mix


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
        for r in _csv_rows(d / "arnli/valid_nli.csv"):
            out.update(_clean(r.get(k, "")) for k in ("t", "h", "sentence_t_en", "sentence_h_en"))
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
            for r in _csv_rows(d / "arnli/valid_nli.csv"):
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


def load_hub_pairs(name: str, *, split: str = "train", limit: int | None = None, config: str | None = None) -> list[Pair]:
    """Optional: pairs from a Hugging Face Hub NLI data set (premise/hypothesis/label columns with
    0=entailment, 1=neutral, 2=contradiction, the MNLI/XNLI convention). Needs network access."""
    from datasets import load_dataset

    ds = load_dataset(name, config, split=split) if config else load_dataset(name, split=split)
    out = []
    for row in ds:
        lab = row.get("label")
        if isinstance(lab, int) and 0 <= lab <= 2:
            out.append(Pair(_clean(row["premise"]), _clean(row["hypothesis"]), LABELS[lab], f"hub-{name}"))
        if limit and len(out) >= limit:
            break
    return out
