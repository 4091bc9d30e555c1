"""The Ray engine: stories as a Ray Data set, mapped by a pool of ``StoryStage`` actors.

Each actor loads the models once and runs the same ``StoryStage`` as the local engine; with
``--device cuda`` each actor holds one GPU (``map_batches(..., num_gpus=1)``). Results stream
back to the driver, which writes each story's shard as it arrives, so a killed run resumes
where it stopped. Works on a local Ray (``ray.init()``) and on a cluster (``--ray-address``).
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator, Sequence

from factcheck.batch.devices import stage_resources
from factcheck.batch.stage import StoryStage
from factcheck.batch.stories import Story
from factcheck.config import Config
from factcheck.schema import Report


class _RayStoryStage:
    """``StoryStage`` over Ray Data batches of pickled stories (one story per batch)."""

    def __init__(self, config: Config, encoder=None, nli=None, checks=None) -> None:
        self.stage = StoryStage(config, encoder=encoder, nli=nli, checks=checks)

    def __call__(self, batch: dict) -> dict:
        reports = [pickle.dumps(self.stage(pickle.loads(sources))) for sources in batch["sources"]]
        return {"story": list(batch["story"]), "report": reports}


def run_ray(stories: Sequence[Story], config: Config, *, device: str, address: str | None = None,
            concurrency: int | None = None, encoder=None, nli=None, checks=None) -> Iterator[tuple[Story, Report]]:
    """Each story with its report, in the order they finish."""
    import ray

    if not stories:
        return
    if not ray.is_initialized():
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=os.cpu_count(), include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    resources = stage_resources(device)
    if concurrency is None:
        cluster = ray.cluster_resources()
        concurrency = int(cluster.get("GPU", 1)) if "num_gpus" in resources else max(1, int(cluster.get("CPU", 2)) // 2)
    by_name = {story.name: story for story in stories}
    items = [{"story": s.name, "sources": pickle.dumps(s.sources)} for s in stories]
    dataset = ray.data.from_items(items, override_num_blocks=len(items)).map_batches(
        _RayStoryStage, batch_size=1, concurrency=max(1, min(concurrency, len(items))),
        fn_constructor_kwargs={"config": config, "encoder": encoder, "nli": nli, "checks": checks},
        **resources)
    for row in dataset.iter_rows():
        yield by_name[row["story"]], pickle.loads(row["report"])
