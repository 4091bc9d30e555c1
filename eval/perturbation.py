"""Perturbation benchmark: real sentences changed in one known way, and the verdict on each pair.

Sentences come from the seeds, the real clusters (``../shared/real-news``), ANS claims and XNLI
premises (``../shared/datasets``), in Arabic and English. Each kind of change is applied where
the sentence allows it (a number to change, a weekday to swap, a country to replace):

* ``number``: a figure multiplied (3 -> 6, 1,500 -> 3,000);
* ``month``: a month name moved four months on; ``weekday``: a weekday moved two days on;
* ``negation``: the sentence reported as denied ("Officials denied that ...", "ونفت مصادر رسمية أن ...");
* ``actor_place``: one country (or its capital) replaced by another;
* ``unchanged``: the same sentence; ``paraphrase``: the same sentence with a neutral attribution
  ("According to reports, ...", "وبحسب التقارير، ...").

The first five should be contradictions (recall), the last two must not (false alarms).
Generated from the data at run time with a fixed seed: nothing is committed as data::

    python eval/perturbation.py [--seed 13] [--per-kind 25] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parent
ROOT = EVAL.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CHANGES = ("number", "month", "weekday", "negation", "actor_place")
KEEPS = ("unchanged", "paraphrase")
KINDS = (*CHANGES, *KEEPS)

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "ar": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
}
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "ar": ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"],
}
PLACES = {
    "en": ["Syria", "Russia", "Turkey", "Iraq", "Iran", "Egypt", "Israel", "France", "Lebanon", "Jordan", "Honduras",
           "Kenya", "Brazil", "Italy", "Moscow", "Damascus", "Ankara", "Baghdad", "Cairo", "Paris"],
    "ar": ["سوريا", "روسيا", "تركيا", "العراق", "إيران", "مصر", "إسرائيل", "فرنسا", "لبنان", "الأردن", "السعودية",
           "الإمارات", "قطر", "اليمن", "موسكو", "دمشق", "أنقرة", "بغداد", "القاهرة", "باريس"],
}
DENY = {"en": "Officials denied that {s}", "ar": "ونفت مصادر رسمية أن {s}"}
REPORTED = {"en": "According to reports, {s}", "ar": "وبحسب التقارير، {s}"}
_DIGITS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d.,])\d+(?![\d.,])")


def _word(lang: str, word: str) -> re.Pattern:
    # Arabic clitics (و، ب، ل، ف) may be glued before a name; nothing may follow it
    before = r"(?<![^\W\d_])" if lang == "en" else r"(?:(?<=\s)|(?<=^)|(?<=[وبلف]))"
    return re.compile(before + re.escape(word) + r"(?![^\W\d_])")


def change_number(s: str, lang: str, rng: random.Random) -> str | None:
    matches = [m for m in _DIGITS.finditer(s) if not 1900 <= int(m.group().replace(",", "")) <= 2030]
    if not matches:
        return None
    m = rng.choice(matches)
    value = int(m.group().replace(",", ""))
    new = value * 2 if value >= 10 else value + 4
    if s[m.end():].lstrip().startswith("%") and new > 100:
        new = value // 2
    text = f"{new:,}" if "," in m.group() else str(new)
    return s[: m.start()] + text + s[m.end():]


def _swap(words: list[str], step: int, lang: str):
    def apply(s: str, _lang: str, rng: random.Random) -> str | None:
        found = [(i, m) for i, w in enumerate(words) for m in _word(lang, w).finditer(s)]
        if not found:
            return None
        i, m = rng.choice(found)
        return s[: m.start()] + words[(i + step) % len(words)] + s[m.end():]
    return apply


def change(kind: str, s: str, lang: str, rng: random.Random) -> str | None:
    if kind == "number":
        return change_number(s, lang, rng)
    if kind == "month":
        return _swap(MONTHS[lang], 4, lang)(s, lang, rng)
    if kind == "weekday":
        return _swap(WEEKDAYS[lang], 2, lang)(s, lang, rng)
    if kind == "actor_place":
        return _swap(PLACES[lang], 3, lang)(s, lang, rng)
    if kind == "negation":
        from factcheck.extract.attribution import is_negated

        if is_negated(s):  # a denial of a negated sentence reads as a double negative
            return None
        return DENY[lang].format(s=s[0].lower() + s[1:] if lang == "en" else s)
    if kind == "paraphrase":
        return REPORTED[lang].format(s=s[0].lower() + s[1:] if lang == "en" else s)
    return s


def real_sentences(shared: Path) -> dict[str, list[str]]:
    """Claims of the seeds and real clusters, ANS claims and XNLI premises, by language."""
    from factcheck import stages

    roots = [ROOT / "seeds"] + sorted(p for p in (shared / "real-news").glob("*") if p.is_dir())
    pool: dict[str, list[str]] = {"ar": [], "en": []}
    for root in roots:
        sources, _ = stages.read([root])
        documents, _ = stages.articles(sources)
        claims, _ = stages.claims(documents)
        for c in claims:
            if c.language in pool and 6 <= len(c.text.split()) <= 45:
                pool[c.language].append(c.text)
    ans = shared / "datasets" / "ans" / "stance" / "dev.csv"
    if ans.exists():
        with ans.open(encoding="utf-8", newline="") as fh:
            pool["ar"] += [row["s1"] for row in csv.DictReader(fh)]
    news = {lang: list(dict.fromkeys(s.strip() for s in texts if is_statement(s))) for lang, texts in pool.items()}
    general: dict[str, list[str]] = {"ar": [], "en": []}
    for lang in ("ar", "en"):
        xnli = shared / "datasets" / "xnli" / f"dev-{lang}.tsv"
        if xnli.exists():
            with xnli.open(encoding="utf-8") as fh:
                general[lang] = list(dict.fromkeys(line.split("\t", 1)[0].strip() for line in fh if "\t" in line))
    return {lang: {"news": news[lang], "xnli": [s for s in general[lang] if is_statement(s) and s not in news[lang]]}
            for lang in news}


_CONDITIONAL = re.compile(r"^(?:if|when|whether|لو|إذا|اذا|إن)\b", re.IGNORECASE)
_FURNITURE = re.compile(r"powered by|جميع الحقوق|all rights reserved|http|www\.|@", re.IGNORECASE)


def is_statement(s: str) -> bool:
    """A declarative news sentence: 6-45 words, not a question, a condition or page furniture.
    (ANS claims are headlines without a full stop: they count too.)"""
    s = s.strip()
    return (6 <= len(s.split()) <= 45 and not s.endswith(("?", "؟")) and not _CONDITIONAL.match(s)
            and not _FURNITURE.search(s) and sum(ch.isalpha() for ch in s) > len(s) / 2)


def build(sentences: dict[str, dict[str, list[str]]], *, seed: int = 13, per_kind: int = 25) -> list[dict]:
    """Up to ``per_kind`` pairs of each kind and language: (original, changed); news sentences
    first, XNLI premises (other genres) where news gives too few."""
    rng = random.Random(seed)
    items = []
    for lang in sorted(sentences):
        pool = []
        for group in ("news", "xnli"):
            texts = sorted(sentences[lang].get(group, []))
            rng.shuffle(texts)
            pool += texts
        for kind in KINDS:
            made = 0
            for s in pool:
                if made == per_kind:
                    break
                changed = change(kind, s, lang, rng)
                if changed is None or (kind in CHANGES and changed == s):
                    continue
                items.append({"kind": kind, "lang": lang, "a": s, "b": changed})
                made += 1
    return items


def score(items: list[dict], labels: list[str]) -> dict:
    """Per language and kind: pairs, and the share labelled contradiction (recall for a change,
    false-alarm rate for a keep)."""
    out: dict = {}
    for lang in sorted({i["lang"] for i in items}):
        for kind in KINDS:
            hits = [lab == "contradiction" for i, lab in zip(items, labels, strict=True)
                    if i["lang"] == lang and i["kind"] == kind]
            if hits:
                out.setdefault(lang, {})[kind] = {"n": len(hits), "contradiction_rate": round(sum(hits) / len(hits), 4)}
    for group, kinds in (("changed", CHANGES), ("kept", KEEPS)):
        hits = [lab == "contradiction" for i, lab in zip(items, labels, strict=True) if i["kind"] in kinds]
        out[f"{group}_contradiction_rate"] = round(sum(hits) / len(hits), 4) if hits else None
    return out


def run(checker, shared: Path, *, seed: int = 13, per_kind: int = 25) -> dict:
    items = build(real_sentences(shared), seed=seed, per_kind=per_kind)
    judged = checker.judge([(i["a"], i["b"]) for i in items])
    return {"seed": seed, "per_kind": per_kind, **score(items, [p.label for p in judged])}


def format_table(result: dict) -> str:
    lines = [f"{'kind':<12} " + " ".join(f"{lang:>12}" for lang in ("ar", "en")),
             "(share labelled contradiction: recall for a change, false alarms for unchanged/paraphrase)"]
    for kind in KINDS:
        cells = []
        for lang in ("ar", "en"):
            r = result.get(lang, {}).get(kind)
            cells.append(f"{r['contradiction_rate']:.2f} (n={r['n']:>2})" if r else f"{'-':>12}")
        lines.append(f"{kind:<12} " + " ".join(f"{c:>12}" for c in cells))
    lines.append(f"all changes: recall {result['changed_contradiction_rate']}; "
                 f"unchanged + paraphrase: false alarms {result['kept_contradiction_rate']}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--per-kind", type=int, default=25)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print N generated pairs of each kind")
    args = parser.parse_args(argv)
    from factcheck.config import Config
    from factcheck.pipeline import Checker

    if args.show:
        items = build(real_sentences(args.shared), seed=args.seed, per_kind=args.per_kind)
        for kind in KINDS:
            for i in [i for i in items if i["kind"] == kind][: args.show]:
                print(f"[{i['lang']} {kind}]\n  {i['a']}\n  {i['b']}")
        return 0
    result = run(Checker(Config().replace(show_progress=False)), args.shared, seed=args.seed, per_kind=args.per_kind)
    print(json.dumps(result, indent=1, ensure_ascii=False) if args.json else format_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
