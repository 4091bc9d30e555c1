"""The Ray engine: a Ray Data pipeline with one operator per kind of work.

    stories -> map(split) -> map_batches(EmbeddingStage) -> map(pair) -> map_batches(NLIStage)
            -> map(finish) -> reports

The CPU steps (splitting articles, copies, claims; pairing; checks, verdict, facts) are Ray Data
map stages, run as tasks on any free CPU. The two model steps are actor pools (``map_batches``
with a callable class and ``compute=ActorPoolStrategy(size=...)``, which Ray 2.51 prefers to
``concurrency=``): each actor loads its model once, through
``factcheck.pipeline.default_encoder``/``default_nli`` unless one is injected, and with
``--device cuda`` holds a GPU (``num_gpus``, ``factcheck.batch.devices.model_pools``). The
operators stream: a story's report reaches the driver, which writes its shard, while later
stories are still being read, embedded or scored, so a killed run resumes where it stopped.
On a local Ray the workers compute with this process's thread counts
(``factcheck.batch.threads``).

Each row is one story (its ``StoryWork``, pickled) from the first operator to the last, and
the steps are those of ``factcheck.batch.steps``, so the output equals the local engine's and
``factcheck check``'s exactly. Two things that look faster are left out on purpose. Pairs are
not flattened across stories into length-sorted model batches: the numbers a model gives
depend in their last bits on what shares the batch, and a rounded similarity or probability
would then differ from ``check``'s; length bucketing happens inside each story's model calls
(the NLI model and sentence-transformers sort each call's inputs by length). And stories are
not regrouped with ``groupby``: that is an all-to-all barrier, so no story would be finished,
and nothing written, until every story had been scored.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from factcheck.batch import steps
from factcheck.batch.devices import actor_device, model_pools
from factcheck.batch.stories import Story
from factcheck.batch.threads import worker_env
from factcheck.config import Config
from factcheck.errors import FactcheckError
from factcheck.schema import Report


def run_ray(stories: Sequence[Story], config: Config, *, device: str, address: str | None = None,
            encoder=None, nli=None, checks=None) -> Iterator[tuple[Story, Report]]:
    """Each story with its report, in the order they finish."""
    if not stories:
        return
    ray = start_ray(address)
    by_name = {story.name: story for story in stories}
    # On this machine the workers compute as `check` here would; a cluster's own CPUs round as
    # they do, so there its workers keep their defaults.
    env = None if address else worker_env()
    dataset = story_pipeline(ray, stories, config, device=device, encoder=encoder, nli=nli, checks=checks, env=env)
    for row in dataset.iter_rows():
        report = pickle.loads(row["work"])
        if isinstance(report, Failure):
            raise report.error()
        yield by_name[row["story"]], report


def start_ray(address: str | None):
    """Ray, connected to ``address`` or to a local Ray started on this machine's CPUs."""
    import ray

    if not ray.is_initialized():
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=os.cpu_count(), include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    return ray


def story_pipeline(ray, stories: Sequence[Story], config: Config, *, device: str, encoder=None, nli=None,
                   checks=None, env: dict[str, str] | None = None):
    """The lazy Ray Data set of ``{"story", "work"}`` rows, one per story; ``work`` is the
    story's ``Report`` pickled, or a ``Failure``. ``env``: environment variables of every
    worker (``factcheck.batch.threads.worker_env``)."""
    from factcheck.checks import load_checks

    pools = model_pools(device, gpus=ray.cluster_resources().get("GPU", 0.0))
    checks = list(checks) if checks is not None else load_checks(config.checks)
    items = [{"story": s.name, "work": pickle.dumps(s.sources)} for s in stories]

    remote = {"runtime_env": {"env_vars": env}} if env else {}

    def actors(stage: str) -> dict:
        pool = pools[stage]  # no more actors than stories: an idle actor still loads its model
        return {"compute": ray.data.ActorPoolStrategy(size=max(1, min(pool.actors, len(items)))),
                **pool.resources(), **remote}

    return (ray.data.from_items(items, override_num_blocks=len(items))
            .map(split_story, fn_kwargs={"config": config}, **remote)
            .map_batches(EmbeddingStage, batch_size=1, fn_constructor_kwargs={"config": config, "encoder": encoder},
                         **actors("embedding"))
            .map(pair_story, fn_kwargs={"config": config, "checks": checks}, **remote)
            .map_batches(NLIStage, batch_size=1, fn_constructor_kwargs={"config": config, "nli": nli},
                         **actors("nli"))
            .map(finish_story, fn_kwargs={"config": config, "checks": checks}, **remote))


def split_story(row: dict, *, config: Config) -> dict:
    return {"story": row["story"], "work": _step(row["work"], lambda sources: steps.split(sources, config))}


def pair_story(row: dict, *, config: Config, checks) -> dict:
    return {"story": row["story"], "work": _step(row["work"], lambda work: steps.pair(work, config, checks))}


def finish_story(row: dict, *, config: Config, checks) -> dict:
    return {"story": row["story"], "work": _step(row["work"], lambda work: steps.finish(work, config, checks))}


class EmbeddingStage:
    """An actor holding the encoder: embeds each story's claims, gives its pairing thresholds."""

    def __init__(self, config: Config, encoder=None) -> None:
        from factcheck.pipeline import Checker, default_encoder

        config = config.replace(device=actor_device(config.device or "cpu"))
        self.config = config
        self._thresholds = None
        self.failure = None
        try:
            self.encoder = encoder if encoder is not None else default_encoder(config)
            # Checker knows how thresholds are set or calibrated (and cached) for an encoder.
            self.calibration = Checker(config.without_nli(), encoder=self.encoder, checks=[])
        except FactcheckError as exc:  # an unknown model name: every story reports it
            self.failure = Failure(type(exc), str(exc))

    def thresholds(self):
        if self._thresholds is None:
            self._thresholds = self.calibration.similarity_thresholds()
        return self._thresholds

    def __call__(self, batch: dict) -> dict:
        return _each(batch, lambda work: steps.embed(work, self.encoder, self.thresholds, self.config), self.failure)


class NLIStage:
    """An actor holding the NLI model: scores each story's pairs in both directions."""

    def __init__(self, config: Config, nli=None) -> None:
        from factcheck.pipeline import default_nli

        config = config.replace(device=actor_device(config.device or "cpu"))
        self.config = config
        self.failure = None
        try:
            self.nli = nli if nli is not None else default_nli(config)
        except FactcheckError as exc:
            self.failure = Failure(type(exc), str(exc))

    def __call__(self, batch: dict) -> dict:
        return _each(batch, lambda work: steps.score(work, self.nli, self.config), self.failure)


def _each(batch: dict, step, failure: Failure | None) -> dict:
    """A step over every story of a Ray Data batch; ``failure``: the actor could not be built."""
    if failure is not None:
        return {"story": list(batch["story"]), "work": [pickle.dumps(failure) for _ in batch["work"]]}
    return {"story": list(batch["story"]), "work": [_step(work, step) for work in batch["work"]]}


@dataclass(frozen=True)
class Failure:
    """A factcheck error a step raised, carried to the driver as a row: Ray would hand the driver
    a RayTaskError without it (its type and the fix its message names are lost on the way)."""

    kind: type[FactcheckError]
    message: str

    def error(self) -> FactcheckError:
        """The error as the local engine raises it (its message, its type)."""
        error = self.kind.__new__(self.kind)
        Exception.__init__(error, self.message)
        return error


def _step(payload: bytes, step) -> bytes:
    """``step`` over a pickled story; a story that failed in an earlier step passes unchanged."""
    work = pickle.loads(payload)
    if isinstance(work, Failure):
        return payload
    try:
        return pickle.dumps(step(work))
    except FactcheckError as exc:
        return pickle.dumps(Failure(type(exc), str(exc)))
