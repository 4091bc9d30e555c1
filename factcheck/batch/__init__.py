"""Corpus-scale runs: many stories, one shard each, resumable, on the local or the Ray engine.

``run_batch`` reads the inputs (``inputs``), plans the stories (``stories``), checks each story
(``engine_local``: ``StoryStage``, i.e. ``Checker.check_sources``, in this process;
``engine_ray``: the same work cut into ``steps``, one Ray Data operator each) and writes shards
(``store``).
"""

from factcheck.batch.run import ENGINES, BatchResult, run_batch
from factcheck.batch.store import BatchStore, OutputMismatch, StoryNotFound
from factcheck.batch.stories import Grouping

__all__ = ["ENGINES", "BatchResult", "BatchStore", "Grouping", "OutputMismatch", "StoryNotFound", "run_batch"]
