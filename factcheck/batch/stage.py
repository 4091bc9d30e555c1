"""The local engine's stage: a story's sources in, its ``Report`` out.

A callable class holding its models (loaded once, on first use). It composes nothing of its
own: ``Checker.check_sources`` runs the stage functions of ``factcheck.stages`` exactly as
``factcheck check`` does. (The Ray engine runs the same work cut into ``factcheck.batch.steps``.)
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.config import Config
from factcheck.schema import Report, Source
from factcheck.stages import PairScorer, TextEncoder


class StoryStage:
    def __init__(self, config: Config, *, encoder: TextEncoder | None = None, nli: PairScorer | None = None,
                 checks=None) -> None:
        from factcheck.pipeline import Checker

        self.checker = Checker(config, encoder=encoder, nli=nli, checks=checks)

    def __call__(self, sources: Sequence[Source]) -> Report:
        return self.checker.check_sources(sources)
