"""Writing a finished report: the path is checked before the run, the file is written under a
temporary name and renamed into place, and a report that still cannot be written is saved to
a fallback file rather than lost."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from factcheck.errors import OutputError


def check_output_path(path: str | Path) -> Path:
    """``path`` if a report can be written there; OutputError saying why not, before any work."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"--output {path} is a folder; give a file name, e.g. {path / 'report.html'}")
    folder = path.parent
    if not folder.exists():
        raise OutputError(f"--output {path}: folder {folder} does not exist; create it (mkdir -p {folder}) "
                          "or give another path")
    if not folder.is_dir():
        raise OutputError(f"--output {path}: {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"--output {path}: no permission to write in {folder}; give another path")
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputError(f"--output {path}: the file exists and is read-only; give another path")
    return path


def write_atomically(path: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to a temporary file beside ``path``, then rename it into place: a
    reader never sees half a report, and a failure leaves any earlier file untouched."""
    path = Path(path)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; a report is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def save_fallback(text: str, suffix: str) -> Path:
    """Save a report that could not be written where asked: in the current folder, else the
    temporary folder, as ``factcheck-report-<time>.<suffix>``. Returns where it went."""
    name = f"factcheck-report-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}{suffix}"
    errors = []
    for folder in (Path.cwd(), Path(tempfile.gettempdir())):
        try:
            return write_atomically(folder / name, text)
        except OSError as exc:
            errors.append(f"{folder}: {exc.strerror or exc}")
    raise OutputError(f"the report could not be saved anywhere ({'; '.join(errors)})")
