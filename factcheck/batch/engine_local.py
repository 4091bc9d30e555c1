"""The default engine: stories one after another in this process, through one ``StoryStage``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from factcheck.batch.stage import StoryStage
from factcheck.batch.stories import Story
from factcheck.schema import Report


def run_local(stories: Iterable[Story], stage: StoryStage) -> Iterator[tuple[Story, Report]]:
    """Each story with its report, in the given order, as soon as it is done."""
    for story in stories:
        yield story, stage(story.sources)
