"""Every long step of a check reports its count as it goes, so a big run never looks stalled."""

from contextlib import contextmanager

import numpy as np

from factcheck.config import Config
from factcheck.pipeline import Checker


class RecordingSteps:
    def __init__(self):
        self.progress_calls = {}

    @contextmanager
    def step(self, description):
        yield

    @contextmanager
    def progress(self, description, total, unit):
        done = []
        yield done.append
        self.progress_calls[description] = (total, sum(done), unit)


class Encoder:
    def encode(self, texts):
        vectors = np.ones((len(texts), 4), dtype=np.float32)
        return vectors / 2.0


class NLI:
    def predict(self, pairs):
        return [{"entailment": 0.1, "neutral": 0.8, "contradiction": 0.1} for _ in pairs]


def test_claims_embeddings_and_nli_report_every_item_done(tmp_path):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(
            f"The river in {name} rose by two metres overnight in the valley town.\n"
            f"Officials in {name} opened three shelters for the families on Monday.\n", encoding="utf-8")
    steps = RecordingSteps()
    report = Checker(Config(similarity_threshold=0.5), encoder=Encoder(), nli=NLI(), steps=steps).check([tmp_path])
    calls = steps.progress_calls
    assert calls["Extracting claims"] == (3, 3, "documents")
    assert calls["Embedding claims"] == (len(report.claims), len(report.claims), "claims")
    assert calls["NLI, both directions"] == (len(report.pairs), len(report.pairs), "pairs") and report.pairs
    assert calls["Comparing figures, dates, denials, firsts"] == (len(report.pairs), len(report.pairs), "pairs")
