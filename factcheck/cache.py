"""factcheck's on-disk cache: where it is, and how a folder gets built into it safely."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def default_cache_dir() -> Path:
    """Root of factcheck's cache: ``$FACTCHECK_CACHE``, else ``$XDG_CACHE_HOME/factcheck``,
    else ``~/.cache/factcheck`` (the XDG default), so users can move it without code changes."""
    explicit = os.environ.get("FACTCHECK_CACHE")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "factcheck"


def cache_root(cache_dir: str | Path | None = None) -> Path:
    """``cache_dir`` when the caller names one, else :func:`default_cache_dir`."""
    return Path(cache_dir) if cache_dir else default_cache_dir()


def build_atomically(target: Path, build: Callable[[Path], None], is_complete: Callable[[Path], bool]) -> Path:
    """Make ``target`` by running ``build`` on a temporary sibling folder renamed into place.

    A crash never leaves a half-written folder behind, and two processes racing to build both
    end up using one complete folder. A complete ``target`` is returned as it is.
    """
    if is_complete(target):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    try:
        build(tmp)
        _apply_umask(tmp)  # mkdtemp makes it 0700; a shared cache should be readable like any file
        if target.exists() and not is_complete(target):
            # Not produced by a rename of ours (those are always complete): move it aside.
            stale = Path(tempfile.mkdtemp(prefix=f".{target.name}.stale-", dir=target.parent))
            os.replace(target, stale / "old")
            shutil.rmtree(stale, ignore_errors=True)
        try:
            os.rename(tmp, target)
        except OSError:
            if not is_complete(target):  # lost a race to a *complete* build: fine; else a real error
                raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return target


def _apply_umask(folder: Path) -> None:
    """Give the built tree the permissions a plain ``mkdir``/``open`` would have given it."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(folder, 0o777 & ~umask)
    for path in folder.rglob("*"):
        os.chmod(path, (0o777 if path.is_dir() else 0o666) & ~umask)


def file_sha256(path: Path) -> str:
    """Hex digest of a file, read in 1 MiB chunks (model files are hundreds of MB)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
