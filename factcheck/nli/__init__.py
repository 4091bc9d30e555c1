"""Natural-language inference: a cross-encoder over claim pairs, behind named parts.

* :mod:`~factcheck.nli.model`: :class:`NLIModel` (any transformers sequence classifier) and
  :func:`label_map`;
* :mod:`~factcheck.nli.directions`: :func:`both_directions`, :func:`combine` (one verdict per pair);
* :mod:`~factcheck.nli.registries`: ``BACKENDS`` (``torch`` in :mod:`~factcheck.nli.pytorch`,
  ``onnx`` in :mod:`~factcheck.nli.onnx`) and ``OFFLINE_MODELS`` (``offline:e5-small-nli`` in
  :mod:`~factcheck.nli.offline`);
* :mod:`~factcheck.nli.datasets`: readers of the public NLI data sets;
  :mod:`~factcheck.nli.scoring`: an NLI predictor scored on labelled pairs.

Importing the package registers the backends and offline models (none of it imports torch).
"""

from factcheck.nli import offline as _offline  # noqa: F401  registers offline:e5-small-nli
from factcheck.nli import onnx as _onnx  # noqa: F401  registers the "onnx" backend
from factcheck.nli import pytorch as _pytorch  # noqa: F401  registers the "torch" backend
from factcheck.nli.directions import both_directions, combine
from factcheck.nli.model import NLIModel, label_map
from factcheck.nli.registries import BACKENDS, OFFLINE_MODELS

__all__ = ["NLIModel", "label_map", "both_directions", "combine", "BACKENDS", "OFFLINE_MODELS"]
