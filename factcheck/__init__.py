"""factcheck: multilingual cross-document fact-consistency checking for news articles."""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# Resolved on first use so that `import factcheck.errors` (or the CLI's --help) does not pay
# for loading the pipeline and its model libraries.
_EXPORTS = {
    "Checker": "factcheck.pipeline",
    "Config": "factcheck.config",
    "Claim": "factcheck.schema",
    "Document": "factcheck.schema",
    "Fact": "factcheck.schema",
    "Pair": "factcheck.schema",
    "Reason": "factcheck.schema",
    "Report": "factcheck.schema",
}

__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
