"""What made a batch output: the settings that change results, and fingerprints of the models.

Two runs with equal manifests produce equal output, so a resumed run may add to what an earlier
one wrote; any difference makes ``BatchStore.open`` refuse to mix the two.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from factcheck import __version__
from factcheck.batch.store import FORMAT_VERSION
from factcheck.batch.stories import Grouping
from factcheck.config import OFFLINE_NLI_MODEL, Config
from factcheck.fingerprint import folder_fingerprint
from factcheck.schema import Source

# Settings that do not change what a run finds: where things are cached, how it shows progress,
# how many inputs a model call takes, whether model outputs are reused from earlier runs.
NOT_RESULTS = ("show_progress", "cache_dir", "batch_size", "result_cache", "result_cache_mb")


def build_manifest(config: Config, grouping: Grouping, *, story_field: str, models: dict[str, str] | None = None) -> dict:
    settings = {k: v for k, v in config.to_dict().items() if k not in NOT_RESULTS}
    return {
        "format": FORMAT_VERSION,
        "factcheck": __version__,
        "config": json.loads(json.dumps(settings, default=list)),
        "models": models if models is not None else model_fingerprints(config),
        "grouping": grouping.to_dict(),
        "story_field": story_field,
    }


def model_fingerprints(config: Config) -> dict[str, str | None]:
    return {"embedding": fingerprint(config.embedding_model), "nli": fingerprint(config.nli_model)}


def fingerprint(model: str | None) -> str | None:
    """``name@digest`` of the shipped artifact or the local folder (``factcheck.fingerprint``), so
    retraining or replacing a model changes it."""
    if model is None:
        return None
    if model == OFFLINE_NLI_MODEL:
        from factcheck.nli.offline import artifact_dir

        return folder_fingerprint(model, artifact_dir())
    return folder_fingerprint(model, Path(model).expanduser())


def sources_digest(sources: list[Source]) -> str:
    """What a story's shard was computed from: its articles' ids, paths and texts."""
    digest = hashlib.sha256()
    for source in sources:
        for part in (source.id, source.path, source.text, source.title or "", str(source.published or "")):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
    return digest.hexdigest()[:16]
