"""All settings in one place: defaults, a TOML file, then command-line overrides.

``Config`` is plain data; ``Config.from_file`` and ``Config.replace`` are the only ways to make
one, so a run is fully described by its config (printed in JSON reports).
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import ConfigError

#: Model names with this prefix are built locally from shipped files, never fetched: each is
#: registered by name (factcheck.embeddings.registries, factcheck.nli.registries).
OFFLINE_PREFIX = "offline:"
OFFLINE_EMBEDDING_MODEL = "offline:multilingual-e5-small"
OFFLINE_NLI_MODEL = "offline:e5-small-nli"


@dataclass(frozen=True, kw_only=True)
class Config:
    # Sentence-transformers model: a hub id, a local folder, or the offline rebuild of e5-small.
    embedding_model: str = OFFLINE_EMBEDDING_MODEL
    # Sequence-classification NLI model: a hub id or local folder; None runs without NLI.
    nli_model: str | None = OFFLINE_NLI_MODEL
    # An NLI verdict of agreement or contradiction below this confidence is reported as
    # neutral (its scores stay in the pair). Structured checks are not subject to it.
    # 0.9 for the shipped model: eval/sweep_nli_confidence.py, contradiction F1 0.41 at 0.0.
    nli_min_confidence: float = 0.9
    # A model contradiction that no check confirms, on a pair found by similarity, is reported
    # only from this combined probability up; None: never. None for the shipped model: on the
    # real-news gold its lone contradictions were right at most 1 in 25 at any gate from 0.9 to
    # 0.99, both directions or one (dev clusters; the held-out ones alike; README, Evaluation).
    nli_contradiction_gate: float | None = None
    # The gate of ``nli_min_confidence`` for pairs given as one story (``Checker.judge``:
    # ``factcheck eval verdict``, the perturbation benchmark): 0.0 for the shipped model (ANS
    # stance dev rows 300+: macro-F1 0.787 at 0.0-0.34, 0.447 at 0.9; rows 0-299 held out: 0.784).
    judge_min_confidence: float = 0.0
    # "torch" (PyTorch), "onnx" (ONNX Runtime, CPU only) or "auto": ONNX Runtime on the CPU, PyTorch
    # elsewhere. Same predictions; ONNX Runtime is about 2x faster on this project's CPU and starts
    # without importing PyTorch (README, "Speed").
    nli_backend: str = "auto"
    # int8 weights for the NLI model on the CPU (ONNX Runtime, per-channel): faster, at a measured
    # accuracy cost (README, "Speed"); PyTorch quantises its Linear layers instead.
    nli_quantize: bool = False
    # The same choice for the embedding model ("onnx" needs a plain Transformer-Pooling folder).
    embedding_backend: str = "auto"
    # Cosine above which two claims are compared. None: calibrate for the embedding model
    # (cosine scales differ a lot between models, so a fixed number does not transfer).
    similarity_threshold: float | None = None
    # Candidate counterparts kept per claim before the threshold.
    top_k: int = 5
    # Claims that count the same thing, or both claim a "first", are compared down to
    # threshold - structured_margin, beyond their top_k: those are the conflicts that matter.
    structured_margin: float = 0.05
    # Claims of other documents further than the thresholds are still compared when they share
    # this share of their content words, among each claim's subject_top_k nearest, down to the
    # thresholds lowered by subject_margin. Off (0) by default: on the real-news gold, top 20 at
    # -0.08 with overlap 0.3 pairs 0.48 of the discrepancies instead of 0.39, but the denial and
    # date checks then raise 95 more false alarms for 3 more found (precision 0.12 -> 0.095);
    # re-measured in session 5: paired 0.38 -> 0.47, 48 -> 74 flags, precision 0.52 -> 0.36.
    subject_top_k: int = 0
    subject_margin: float = 0.08
    subject_overlap: float = 0.3
    # Compare claims of one article told by different speakers (attribution), down to the
    # thresholds lowered by subject_margin, sharing subject_overlap of their words: on the
    # real-news gold, paired 0.35 -> 0.39, recall 0.099 -> 0.106, precision 0.116 -> 0.120.
    speaker_pairs: bool = True
    # Run the quantity/date/denial/"first" comparisons and group facts (off only for ablations).
    structured_checks: bool = True
    # Two figures of one key that do not fit are compared only when the embeddings of their
    # contexts, numbers and dates masked, are at least this similar (cosine; across languages
    # frame_cross_similarity): "800 soldiers reinforced a levee" is no count of "3 million
    # soldiers and civilians along the river". 0 compares figures on their keys alone. Fitted on
    # the project gold and half the real-news clusters (README, "Figures that count one thing").
    frame_similarity: float = 0.88
    frame_cross_similarity: float = 0.82
    # Registered checks to run, in order (factcheck.checks); None runs every registered one.
    checks: tuple[str, ...] | None = None
    batch_size: int = 32
    # "cpu", "cuda", "cuda:1"...; None picks CUDA when available.
    device: str | None = None
    # Where rebuilt models and calibrations are cached; None: $FACTCHECK_CACHE or ~/.cache/factcheck.
    cache_dir: str | None = None
    # Keep claim embeddings and NLI scores between runs (factcheck.result_cache), keyed by text,
    # model fingerprint and settings: a re-run computes only new claims and pairs.
    result_cache: bool = True
    # Size cap of that cache in MB; the least recently used entries are evicted beyond it.
    result_cache_mb: int = 2048
    show_progress: bool = True
    extra: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """Every setting checked once, here: a ConfigError names the setting, the value given
        and the values allowed. Names of models and backends are checked when they are built."""
        for name, rule in _RULES.items():
            value = getattr(self, name)
            if name == "checks" and isinstance(value, list):  # TOML gives lists
                value = tuple(value)
                object.__setattr__(self, name, value)
            allowed = rule(value)
            if allowed:
                raise ConfigError(f"invalid setting {name} = {value!r}: {allowed}")

    @classmethod
    def from_file(cls, path: str | Path) -> Config:
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{path}: config file not found") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from None
        return cls().replace(**data.get("factcheck", data))

    def replace(self, **changes) -> Config:
        known = {f.name for f in dataclasses.fields(self)}
        unknown = sorted(set(changes) - known)
        if unknown:
            raise ConfigError(f"unknown setting(s) {', '.join(unknown)}; valid settings: {', '.join(sorted(known))}")
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    def without_nli(self) -> Config:
        return dataclasses.replace(self, nli_model=None)

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)


def _number(low: float, high: float, *, optional: bool = False, low_open: bool = False):
    span = f"{'above' if low_open else 'from'} {low:g} {'up to' if low_open else 'to'} {high:g}"
    def rule(value) -> str | None:
        if value is None and optional:
            return None
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value == value
        if ok and (low < value if low_open else low <= value) and value <= high:
            return None
        return f"expected a number {span}" + (" (or leave it unset)" if optional else "")
    return rule


def _whole(low: int):
    def rule(value) -> str | None:
        if isinstance(value, int) and not isinstance(value, bool) and value >= low:
            return None
        return f"expected a whole number of at least {low}"
    return rule


def _kind(*types: type, text: str):
    def rule(value) -> str | None:
        return None if isinstance(value, types) else f"expected {text}"
    return rule


def _choice(*allowed: str):
    def rule(value) -> str | None:
        return None if value in allowed else f"expected one of {', '.join(allowed)}"
    return rule


def _names(value) -> str | None:
    if value is None or (isinstance(value, tuple) and all(isinstance(v, str) and v for v in value)):
        return None
    return "expected a list of registered check names (or leave it unset for all)"


_NONEMPTY = lambda value: None if isinstance(value, str) and value.strip() else "expected a model name: a hub id, a folder or an offline: name"  # noqa: E731

# The valid values of each setting (model and backend names are checked against their registries
# when built, where the registered names are known).
_RULES = {
    "embedding_model": _NONEMPTY,
    "nli_model": _kind(str, type(None), text='a model name, or "" / unset to run without NLI'),
    "nli_min_confidence": _number(0, 1),
    "nli_contradiction_gate": _number(0, 1, optional=True),
    "judge_min_confidence": _number(0, 1),
    "nli_backend": _kind(str, text="a backend name (auto, torch or onnx)"),
    "embedding_backend": _choice("auto", "torch", "onnx"),
    "nli_quantize": _kind(bool, text="true or false"),
    "similarity_threshold": _number(0, 1, optional=True, low_open=True),
    "top_k": _whole(1),
    "structured_margin": _number(0, 1),
    "subject_top_k": _whole(0),
    "subject_margin": _number(0, 1),
    "subject_overlap": _number(0, 1),
    "speaker_pairs": _kind(bool, text="true or false"),
    "structured_checks": _kind(bool, text="true or false"),
    "frame_similarity": _number(0, 1),
    "frame_cross_similarity": _number(0, 1),
    "checks": _names,
    "batch_size": _whole(1),
    "device": _kind(str, type(None), text='a device such as "cpu", "cuda" or "cuda:1"'),
    "cache_dir": _kind(str, type(None), text="a folder path"),
    "result_cache": _kind(bool, text="true or false"),
    "result_cache_mb": _whole(1),
    "show_progress": _kind(bool, text="true or false"),
    "extra": _kind(dict, text="a table of extra settings"),
}
