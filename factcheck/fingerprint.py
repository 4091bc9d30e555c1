"""What identifies a model's outputs: a short digest of the files it is loaded from.

A cached embedding or NLI score is only reused under the same fingerprint, and a batch output
refuses to mix runs with different ones, so retraining, rebuilding or replacing a model must
change it; loading the weights must not be needed to compute it (it is taken on every run).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["folder_fingerprint"]

# Small text files (configs, tokenizer settings) are hashed whole; weight files by name and size,
# which changes whenever they are rebuilt or replaced without reading gigabytes on every run.
_WHOLE_FILE_LIMIT = 1_000_000


def folder_fingerprint(name: str, folder: str | Path | None) -> str:
    """``name@digest`` of the model folder (or of the name alone when it is not a local folder,
    e.g. a hub id the loader will download): file names, sizes and modification times, and the
    contents of the small JSON files."""
    digest = hashlib.sha256(name.encode())
    root = Path(folder) if folder else None
    if root is not None and root.is_dir():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            stat = path.stat()
            digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
            if path.suffix == ".json" and stat.st_size < _WHOLE_FILE_LIMIT:
                digest.update(path.read_bytes())
    elif name.count("/") == 1:  # a hub id: the revision the Hugging Face cache holds, if any
        from huggingface_hub import try_to_load_from_cache

        cached = try_to_load_from_cache(name, "config.json")  # .../snapshots/<revision>/config.json
        digest.update(str(cached if isinstance(cached, str) else "").encode())
    return f"{name}@{digest.hexdigest()[:16]}"
