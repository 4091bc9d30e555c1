"""A batch run: inputs -> stories -> one shard per story in the output folder, resumable."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.batch.devices import check_device
from factcheck.batch.inputs import read_inputs
from factcheck.batch.manifest import build_manifest, sources_digest
from factcheck.batch.progress import BatchProgress, SilentProgress
from factcheck.batch.stage import StoryStage
from factcheck.batch.store import BatchStore
from factcheck.batch.stories import Grouping, Story, plan_stories
from factcheck.config import Config
from factcheck.errors import ConfigError, FactcheckError
from factcheck.schema import Problem

ENGINES = ("local", "ray")


@dataclass
class BatchResult:
    stories: int
    done_before: int
    summary: list[dict]
    problems: list[Problem] = field(default_factory=list)


def run_batch(inputs: Sequence[str | Path], output: str | Path, config: Config | None = None, *,
              engine: str = "local", device: str = "cpu", ray_address: str | None = None,
              story_field: str = "story", restart: bool = False, grouping: Grouping | None = None,
              encoder=None, nli=None, checks=None, models: dict | None = None,
              progress: BatchProgress | None = None) -> BatchResult:
    """Check every story of ``inputs`` into ``output``; stories already there are skipped.

    ``encoder``/``nli``/``checks`` replace the configured models (tests, benchmarks); then
    ``models`` names them for the manifest.
    """
    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r}; valid engines: {', '.join(ENGINES)}")
    check_device(device, local=not (engine == "ray" and ray_address))
    config = (config or Config()).replace(device=device)
    grouping = grouping or Grouping()
    progress = progress or SilentProgress()
    store = BatchStore(output)
    store.open(build_manifest(config, grouping, story_field=story_field, models=models), restart=restart)

    articles, problems = read_inputs(inputs, story_field=story_field)
    if not articles:
        raise FactcheckError("no readable articles in the given inputs" +
                             "".join(f"\n  {p.path}: {p.message}" for p in problems[:20]))
    stage = StoryStage(config, encoder=encoder, nli=nli, checks=checks) if engine == "local" else None
    grouper = stage.checker.encoder if stage else encoder
    if grouper is None and any(a.story is None for a in articles):
        from factcheck.pipeline import default_encoder

        grouper = default_encoder(config)
    stories = plan_stories(articles, grouper, grouping)
    store.write_plan([(s.name, source, s.grouped) for s in stories for source in s.sources], problems)

    todo = [s for s in stories if not _finished(store, s)]
    progress.start(len(todo), sum(len(s.sources) for s in todo))
    try:
        if engine == "local":
            from factcheck.batch.engine_local import run_local

            results = run_local(todo, stage)
        else:
            from factcheck.batch.engine_ray import run_ray

            results = run_ray(todo, config, device=device, address=ray_address, encoder=encoder, nli=nli,
                              checks=checks)
        for story, report in results:
            store.write_story(story.name, report, story.sources, digest=sources_digest(story.sources))
            progress.advance(documents=len(story.sources), claims=len(report.claims), pairs=len(report.pairs))
    finally:
        progress.stop()
    summary = store.write_summary()
    return BatchResult(stories=len(stories), done_before=len(stories) - len(todo), summary=summary,
                       problems=problems)


def _finished(store: BatchStore, story: Story) -> bool:
    """A shard made from exactly these articles; a stale one (the story changed) is removed."""
    digest = store.digest(story.name)
    if digest is None:
        return False
    if digest == sources_digest(story.sources):
        return True
    shutil.rmtree(store.shard(story.name))
    return False
