"""The shipped offline NLI model: a small artifact in ``models/e5-small-nli`` merged onto the
offline multilingual-e5-small base.

The artifact holds only what fine-tuning changed (the base's embeddings and bottom layers were
frozen): for each trained matrix the *difference* from the base, int8-quantised per row
(``<name>::q8`` int8 + ``<name>::scale`` fp32), and for vectors and new layers (pooler,
classifier) the full fp32 values. :func:`ensure_offline_nli` rebuilds the full
``BertForSequenceClassification`` folder once into the cache (atomic rename, versioned by the
artifact's hash), and ``NLIModel`` then loads it like any local folder. It is registered as
``offline:e5-small-nli`` (:data:`factcheck.nli.registries.OFFLINE_MODELS`).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from factcheck.cache import build_atomically, cache_root, file_sha256
from factcheck.config import OFFLINE_NLI_MODEL
from factcheck.errors import ModelLoadError
from factcheck.nli.registries import OFFLINE_MODELS

__all__ = [
    "OFFLINE_NLI_NAME",
    "ARTIFACT_NAME",
    "artifact_dir",
    "ensure_offline_nli",
    "save_artifact",
    "merge_artifact",
    "read_manifest",
]

OFFLINE_NLI_NAME = OFFLINE_NLI_MODEL
ARTIFACT_NAME = "e5-small-nli"
MERGE_VERSION = 1
DELTA_FILE = "delta.safetensors"
MANIFEST_FILE = "manifest.json"
CONFIG_FILE = "config.json"
BUILD_MANIFEST = "factcheck_build.json"
ID2LABEL = {0: "entailment", 1: "neutral", 2: "contradiction"}
_TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "sentencepiece.bpe.model")


def artifact_dir() -> Path:
    """``$FACTCHECK_MODELS/e5-small-nli`` if set, else ``<repo>/models/e5-small-nli``."""
    env = os.environ.get("FACTCHECK_MODELS")
    if env:
        return Path(env).expanduser() / ARTIFACT_NAME
    import factcheck

    return Path(factcheck.__file__).resolve().parents[1] / "models" / ARTIFACT_NAME


def read_manifest(folder: Path | None = None) -> dict[str, Any]:
    folder = Path(folder) if folder else artifact_dir()
    return json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))


def _strip(name: str) -> str:
    return name[len("bert."):] if name.startswith("bert.") else name


# ----------------------------------------------------------------------------- writing


def save_artifact(network, base_state: dict[str, Any], out: Path, *, trainable: list[str], manifest: dict[str, Any]) -> Path:
    """Write the trained parameters of ``network`` (names in ``trainable``) as a small artifact."""
    import torch
    from safetensors.torch import save_file

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    params = dict(network.named_parameters())
    tensors: dict[str, torch.Tensor] = {}
    for name in trainable:
        value = params[name].detach().float().cpu()
        base = base_state.get(_strip(name))
        if base is not None and value.dim() == 2:
            delta = value - base.float()
            scale = delta.abs().amax(dim=1).clamp_min(1e-12) / 127.0
            q = torch.round(delta / scale[:, None]).clamp(-127, 127).to(torch.int8)
            tensors[f"{name}::q8"] = q.contiguous()
            tensors[f"{name}::scale"] = scale.contiguous()
        else:
            tensors[name] = value.contiguous()
    tmp = out / f".{DELTA_FILE}.tmp"
    save_file(tensors, str(tmp), metadata={"format": "factcheck-nli-delta-v1"})
    os.chmod(tmp, 0o644)  # save_file may create it 0600
    os.replace(tmp, out / DELTA_FILE)
    config = network.config.to_dict()
    config["architectures"] = ["BertForSequenceClassification"]
    (out / CONFIG_FILE).write_text(json.dumps(config, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    manifest = {**manifest, "delta_sha256": file_sha256(out / DELTA_FILE), "merge_version": MERGE_VERSION}
    (out / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return out


# ----------------------------------------------------------------------------- merging


def merge_artifact(artifact: Path, base_dir: Path, target: Path) -> None:
    """Write a full ``BertForSequenceClassification`` folder (fp32) into ``target``."""
    import torch
    from safetensors import safe_open
    from safetensors.torch import load_file, save_file

    artifact, base_dir, target = Path(artifact), Path(base_dir), Path(target)
    base = load_file(str(base_dir / "model.safetensors"))
    state = {f"bert.{k}": v.float() for k, v in base.items()}
    with safe_open(str(artifact / DELTA_FILE), "pt") as fh:
        keys = list(fh.keys())
        for key in keys:
            if key.endswith("::scale"):
                continue
            if key.endswith("::q8"):
                name = key[: -len("::q8")]
                delta = fh.get_tensor(key).float() * fh.get_tensor(f"{name}::scale").float()[:, None]
                state[name] = (state[name] + delta).contiguous()
            else:
                state[key] = fh.get_tensor(key).float().contiguous()
    target.mkdir(parents=True, exist_ok=True)
    save_file(state, str(target / "model.safetensors"), metadata={"format": "pt"})
    config = json.loads((artifact / CONFIG_FILE).read_text(encoding="utf-8"))
    config["id2label"] = {str(k): v for k, v in ID2LABEL.items()}
    config["label2id"] = {v: k for k, v in ID2LABEL.items()}
    config["architectures"] = ["BertForSequenceClassification"]
    (target / CONFIG_FILE).write_text(json.dumps(config, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    for name in _TOKENIZER_FILES:
        if (base_dir / name).is_file():
            shutil.copy2(base_dir / name, target / name)
    del torch


def _is_complete(folder: Path, delta_sha: str) -> bool:
    try:
        manifest = json.loads((folder / BUILD_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return manifest.get("delta_sha256") == delta_sha and (folder / "model.safetensors").is_file()


@OFFLINE_MODELS.register(OFFLINE_NLI_NAME)
def ensure_offline_nli(cache_dir: Path | None = None, *, artifact: Path | None = None) -> Path:
    """Return a folder ``NLIModel`` loads directly, merging the artifact on first use.

    The folder name carries the merge version and the artifact's hash, so a new artifact never
    reuses an old merge; the merge goes to a temporary sibling that is renamed into place.
    Anything missing or unreadable (artifact, base packages) is a ``ModelLoadError`` naming the fix.
    """
    src = Path(artifact) if artifact else artifact_dir()
    try:
        manifest = read_manifest(src)
        delta_sha = manifest["delta_sha256"]
    except (OSError, ValueError, KeyError) as exc:
        raise ModelLoadError(
            f"offline NLI artifact not found at {src} ({exc}); set FACTCHECK_MODELS or pass "
            "--nli-model with a hub id or local folder"
        ) from exc
    root = cache_root(cache_dir)
    target = root / "models" / f"{ARTIFACT_NAME}-offline-v{MERGE_VERSION}-{delta_sha[:12]}"
    if _is_complete(target, delta_sha):
        return target
    try:
        from factcheck.embeddings.e5_offline import ensure_offline_e5

        base_dir = ensure_offline_e5(cache_dir=cache_dir)
    except ModelLoadError:
        raise
    except Exception as exc:  # base packages missing or unreadable
        raise ModelLoadError(f"cannot build the offline NLI model's base: {exc}") from exc

    def build(tmp: Path) -> None:
        merge_artifact(src, base_dir, tmp)
        build_info = {"name": OFFLINE_NLI_NAME, "merge_version": MERGE_VERSION, "delta_sha256": delta_sha,
                      "artifact": str(src), "base": str(base_dir)}
        (tmp / BUILD_MANIFEST).write_text(json.dumps(build_info, indent=2) + "\n", encoding="utf-8")

    try:
        return build_atomically(target, build, lambda folder: _is_complete(folder, delta_sha))
    except Exception as exc:  # torch/safetensors missing, a damaged delta or config
        raise ModelLoadError(
            f"cannot build the offline NLI model from {src}: {exc}. Restore the artifact "
            f"(git checkout -- {src}) or point FACTCHECK_MODELS at a complete copy, or pass "
            "--nli-model with a hub id or local folder"
        ) from exc
