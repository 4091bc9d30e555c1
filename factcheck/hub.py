"""Models named by Hugging Face hub id: what to load, decided before the hub client is called.

The hub client retries an unreachable hub for about a minute, printing a line per attempt,
before it says anything useful. So a name that is not a local folder is checked first: a path
that does not exist, or a name that is not a hub id, is an error at once; when the hub cannot
be reached (or ``HF_HUB_OFFLINE`` is set) the model is taken from the local Hugging Face cache
(its snapshot folder), and a model that is not there is an error at once, with the fix.
"""

from __future__ import annotations

import os
import socket
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from factcheck.errors import ModelLoadError

# Seconds to wait for the hub to answer before treating it as unreachable.
PROBE_TIMEOUT = 3.0


def resolve_hub_model(model: str, *, kind: str, alternatives: str) -> str:
    """``model`` as given (a folder, or a hub id the hub can serve), or its cached snapshot folder
    when the hub is out of reach. ModelLoadError, naming ``alternatives``, when neither works."""
    if Path(model).expanduser().exists():
        return model
    if model.startswith(("/", "./", "../", "~")) or model.count("/") > 1 or "\\" in model:
        raise ModelLoadError(f"cannot load {kind} {model!r}: no such folder. Give an existing folder, a hub id "
                             f"(owner/name), or {alternatives}.")
    from huggingface_hub.utils import HFValidationError, validate_repo_id

    try:
        validate_repo_id(model)
    except HFValidationError:
        raise ModelLoadError(f"cannot load {kind} {model!r}: not a folder and not a hub id (owner/name). "
                             f"Give one of those, or {alternatives}.") from None
    offline = _offline_mode()
    if not offline and hub_reachable():
        return model
    from huggingface_hub import snapshot_download

    try:
        return snapshot_download(model, local_files_only=True)
    except Exception:  # not in the cache (the client raises several types for it)
        why = "HF_HUB_OFFLINE is set" if offline else f"the hub ({_endpoint_host()[0]}) cannot be reached from this machine"
        raise ModelLoadError(
            f"cannot load {kind} {model!r}: it is not a local folder nor in the Hugging Face cache, and {why}. "
            f"Download it where the hub is reachable (huggingface-cli download {model}) and copy the cache or "
            f"the folder here, or use {alternatives}.") from None


def _offline_mode() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


def _endpoint_host() -> tuple[str, int]:
    url = urlsplit(os.environ.get("HF_ENDPOINT") or "https://huggingface.co")
    return url.hostname or "huggingface.co", url.port or (80 if url.scheme == "http" else 443)


@cache
def hub_reachable() -> bool:
    """Whether a TCP connection to the hub opens within ``PROBE_TIMEOUT`` (asked once per process)."""
    try:
        with socket.create_connection(_endpoint_host(), timeout=PROBE_TIMEOUT):
            return True
    except OSError:
        return False
