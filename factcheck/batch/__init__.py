"""Corpus-scale runs: many stories, one shard each, resumable, on the local or the Ray engine.

``run_batch`` reads the inputs (``inputs``), plans the stories (``stories``), runs the
``StoryStage`` per story (``engine_local`` / ``engine_ray``) and writes shards (``store``).
"""

from factcheck.batch.run import ENGINES, BatchResult, run_batch
from factcheck.batch.store import BatchStore, OutputMismatch, StoryNotFound
from factcheck.batch.stories import Grouping

__all__ = ["ENGINES", "BatchResult", "BatchStore", "Grouping", "OutputMismatch", "StoryNotFound", "run_batch"]
