"""A story's check cut into steps (what the Ray engine runs as separate operators) gives
exactly the report `Checker.check_sources` gives, whatever path the check takes."""

import pytest

from factcheck import stages
from factcheck.batch import steps
from factcheck.checks import load_checks
from factcheck.config import OFFLINE_NLI_MODEL
from factcheck.pipeline import Checker
from factcheck.report import render_json
from factcheck.schema import Source


def _by_steps(sources, config, encoder, nli, calibrated):
    """The steps in the order the Ray engine runs them, each on what the previous one gave."""
    checks = load_checks(config.checks)
    work = steps.split(sources, config)
    work = steps.embed(work, encoder, calibrated.similarity_thresholds, config)
    work = steps.pair(work, config, checks)
    work = steps.score(work, nli, config)
    return steps.finish(work, config, checks)


def _sources(folder):
    sources, problems = stages.read([folder])
    assert not problems
    return sources


CASES = {
    "as configured": lambda config: (config, "fake"),
    "no NLI model": lambda config: (config.without_nli(), None),
    "shipped NLI model missing": lambda config: (config.replace(nli_model=OFFLINE_NLI_MODEL), "broken"),
    "structured checks off": lambda config: (config.replace(structured_checks=False), "fake"),
    "figures compared on their keys alone": lambda config: (config.replace(frame_similarity=0), "fake"),
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("story", ["syndicated", "quake", "brief"])
def test_the_steps_in_order_give_the_report_check_gives(case, story, corpus_with_copies, fake_models, fake_config):
    from fakes import BrokenNLI

    brief = corpus_with_copies / "brief"
    brief.mkdir()
    (brief / "only.txt").write_text("Rescuers reached the village of Amzri on Sunday.\n", encoding="utf-8")
    config, model = CASES[case](fake_config)
    nli = {"fake": fake_models["nli"], "broken": BrokenNLI(), None: None}[model]
    sources = _sources(corpus_with_copies / story)
    checker = Checker(config, encoder=fake_models["encoder"], nli=nli)
    expected = checker.check_sources(sources)
    got = _by_steps(sources, config, fake_models["encoder"], nli, checker)
    assert render_json(got) == render_json(expected)
    assert got.notes == expected.notes and got.copies == expected.copies


def test_a_story_with_fewer_than_two_claims_passes_the_model_steps_untouched(tmp_path, fake_config):
    (tmp_path / "only.txt").write_text("Rescuers reached the village of Amzri on Sunday.\n", encoding="utf-8")
    work = steps.split(_sources(tmp_path), fake_config)
    assert work.done and work.report.notes[-1] == "fewer than two claims: nothing to compare"

    def no_model(*_):
        raise AssertionError("a model was called on a story with nothing to compare")

    class NoEncoder:
        encode = no_model

    class NoNLI:
        predict = no_model

    assert steps.score(steps.embed(work, NoEncoder(), no_model, fake_config), NoNLI(), fake_config) is work


#: Sentences of a generated article: distinct per town (no two articles are copies), alike
#: enough across towns that a story of 60 has hundreds of claims and thousands of pairs.
TEMPLATE = ["The council of {t} approved {a} new homes on Monday, the mayor said.",
            "Officials in {t} said {b} families had been waiting for housing since {y}.",
            "Construction in {t} will cost {c} million dollars, according to the budget office.",
            "The {t} project will employ {d} workers over three years, the developer said.",
            "Residents of {t} protested outside the town hall on Tuesday.",
            "The governor visited {t} and promised {e} more schools by {y2}."]


def _long_story(articles: int = 60) -> list[Source]:
    sources = []
    for i in range(articles):
        town = f"Town{chr(65 + i % 26)}{chr(65 + i // 26)}ville"
        body = "\n".join(line.format(t=town, a=100 + 7 * i, b=20 + i, y=2000 + i % 20, c=3 + i, d=40 + 3 * i,
                                      e=2 + i % 9, y2=2030 + i % 5) for line in TEMPLATE)
        sources.append(Source(path=f"<town{i}>", text=f"Housing plan in {town}\n\n{body}\n", id=f"town{i}"))
    return sources


def test_each_model_call_gets_the_chunks_check_gives_it(fake_models, fake_config):
    """Model numbers depend on what shares a call, so the steps must cut a story as check does."""
    from factcheck.pipeline import EMBED_CHUNK, NLI_CHUNK

    class Recording:
        def __init__(self, inner):
            self.inner, self.calls = inner, []

        def encode(self, texts):
            self.calls.append(list(texts))
            return self.inner.encode(texts)

        def predict(self, pairs):
            self.calls.append(list(pairs))
            return self.inner.predict(pairs)

    sources = _long_story()
    checker_encoder, checker_nli = Recording(fake_models["encoder"]), Recording(fake_models["nli"])
    checker = Checker(fake_config, encoder=checker_encoder, nli=checker_nli)
    expected = checker.check_sources(sources)
    step_encoder, step_nli = Recording(fake_models["encoder"]), Recording(fake_models["nli"])
    got = _by_steps(sources, fake_config, step_encoder, step_nli, checker)
    assert render_json(got) == render_json(expected)
    assert len(expected.claims) > EMBED_CHUNK and len(expected.pairs) > NLI_CHUNK
    assert step_nli.calls == checker_nli.calls and len(step_nli.calls) > 1
    assert max(map(len, step_nli.calls)) == 2 * NLI_CHUNK  # both directions of a chunk in one call
    assert step_encoder.calls == checker_encoder.calls  # the threshold is configured: no calibration call
    claims = len(expected.claims)
    chunks = [min(EMBED_CHUNK, claims - lo) for lo in range(0, claims, EMBED_CHUNK)]
    assert len(chunks) > 1 and [len(call) for call in step_encoder.calls[: len(chunks)]] == chunks
