"""The store of embeddings and NLI scores kept between runs (``factcheck.result_cache``).

Specification: a run reads back exactly what the models gave, so its report is the same with
and without the cache; a re-run after adding one article asks the models only about the new
claims and the pairs they form; entries of another model or setting are never read; two
processes can write at once; the size cap evicts the least recently used entries;
``factcheck cache clear`` empties it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest

from factcheck import stages
from factcheck.cli import main
from factcheck.config import Config
from factcheck.pipeline import Checker
from factcheck.report import render_json
from factcheck.result_cache import CachedEncoder, CachedScorer, ResultCache
from tests.batch.fakes import DigitNLI, HashEncoder


class Counting:
    """A stand-in model that counts what it is asked and has a fingerprint, as real models do."""

    def __init__(self, inner, name: str) -> None:
        self.inner, self.name, self.asked = inner, name, []

    def fingerprint(self) -> str:
        return self.name

    def encode(self, texts):
        self.asked += list(texts)
        return self.inner.encode(texts)

    def predict(self, pairs):
        self.asked += list(pairs)
        return self.inner.predict(pairs)


ARTICLES = {
    "a.txt": "North Korea sent 3000 troops to Russia, the White House said on Monday. The troops trained in the east.",
    "b.txt": "North Korea sent 1500 troops to Russia, Seoul's spy agency said. The troops trained in the far east.",
    "c.txt": "North Korea sent 11000 troops to Russia, Ukraine said. The troops trained in the east of Russia.",
}


def corpus(folder, names):
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    return folder


def checker(tmp_path, *, cached: bool = True, encoder_name: str = "hash-v1"):
    encoder, nli = Counting(HashEncoder(), encoder_name), Counting(DigitNLI(), "digits-v1")
    config = Config(show_progress=False, similarity_threshold=0.3)
    if cached:
        store = ResultCache(tmp_path / "results.sqlite")
        return Checker(config, encoder=CachedEncoder(encoder, store, settings={}),
                       nli=CachedScorer(nli, store, settings={})), encoder, nli
    return Checker(config, encoder=encoder, nli=nli), encoder, nli


def test_a_report_is_the_same_with_and_without_the_cache_and_a_rerun_asks_the_models_nothing(tmp_path):
    folder = corpus(tmp_path / "story", ["a.txt", "b.txt"])
    plain, _, _ = checker(tmp_path, cached=False)
    first, _, first_nli = checker(tmp_path)
    again, encoder, nli = checker(tmp_path)
    reference = render_json(plain.check([folder]))
    assert render_json(first.check([folder])) == reference
    assert first_nli.asked  # the first run computed the scores
    assert render_json(again.check([folder])) == reference
    assert encoder.asked == [] and nli.asked == []


def test_a_rerun_after_one_new_article_computes_only_its_claims_and_their_pairs(tmp_path):
    folder = corpus(tmp_path / "story", ["a.txt", "b.txt"])
    first, _, _ = checker(tmp_path)
    first.check([folder])
    corpus(folder, ["c.txt"])
    again, encoder, nli = checker(tmp_path)
    report = again.check([folder])
    new = {c.text for c in report.claims if c.doc == "c"}
    # its claims, and the words around its figures (what each figure counts: stages.frame_vectors)
    contexts = {t for c in report.claims if c.doc == "c" for t in stages.figure_contexts_of(c)}
    assert set(encoder.asked) == new | contexts
    assert nli.asked and all(a in new or b in new for a, b in nli.asked)
    plain, _, _ = checker(tmp_path / "plain", cached=False)
    assert render_json(report) == render_json(plain.check([folder]))


def test_entries_of_another_model_are_never_read(tmp_path):
    folder = corpus(tmp_path / "story", ["a.txt", "b.txt"])
    checker(tmp_path)[0].check([folder])
    other, encoder, _ = checker(tmp_path, encoder_name="hash-v2")
    other.check([folder])
    assert len(encoder.asked) == len(set(encoder.asked)) > 0


def test_several_processes_can_write_at_once(tmp_path):
    writer = textwrap.dedent("""
        import sys, time
        from factcheck.result_cache import ResultCache
        time.sleep(max(0.0, float(sys.argv[3]) - time.time()))  # all open the new file at one moment
        store = ResultCache(sys.argv[1])
        for start in range(0, 2000, 50):
            store.put_many({f"{sys.argv[2]}{i}".encode(): b"x" * 100 for i in range(start, start + 50)})
    """)
    path = tmp_path / "results.sqlite"
    # four at once on a new file: setting it up takes an exclusive lock (a race seen in CI)
    tags = ("north", "south", "east", "west")
    start = time.time() + 3
    procs = [subprocess.Popen([sys.executable, "-c", writer, str(path), tag, str(start)]) for tag in tags]
    assert [p.wait(timeout=120) for p in procs] == [0] * len(tags)
    assert len(ResultCache(path)) == 2000 * len(tags)


def test_the_size_cap_evicts_the_least_recently_used_entries(tmp_path):
    store = ResultCache(tmp_path / "results.sqlite", max_bytes=400_000)
    store.put_many({b"kept": b"k" * 1000})
    for batch in range(40):
        store.get_many([b"kept"])  # read before every write: the most recently used entry
        store.put_many({f"{batch}-{i}".encode(): b"v" * 1000 for i in range(20)})
    assert store.stored_bytes() <= 400_000
    assert b"kept" in store.get_many([b"kept"])
    assert b"0-0" not in store.get_many([b"0-0"])  # the oldest went first
    assert len(store) < 800


def test_cache_clear_empties_the_store_and_info_says_where_it_is(tmp_path, capsys):
    store = ResultCache(tmp_path / "results.sqlite")
    store.put_many({b"k": b"v"})
    store.close()
    assert main(["cache", "info", "--cache-dir", str(tmp_path)]) == 0
    assert "1 entries" in capsys.readouterr().out
    assert main(["cache", "clear", "--cache-dir", str(tmp_path)]) == 0
    assert "removed 1" in capsys.readouterr().out
    assert len(ResultCache(tmp_path / "results.sqlite")) == 0


def test_cache_clear_all_also_removes_built_models_but_not_outside_the_root(tmp_path):
    (tmp_path / "root" / "models" / "m").mkdir(parents=True)
    (tmp_path / "root" / "models" / "m" / "w.bin").write_bytes(b"0")
    (tmp_path / "keep.txt").write_text("x")
    assert main(["cache", "clear", "--all", "--cache-dir", str(tmp_path / "root")]) == 0
    assert not (tmp_path / "root" / "models").exists() and (tmp_path / "keep.txt").exists()


def test_the_config_turns_the_cache_off_and_the_default_models_are_wrapped_only_when_on(tmp_path):
    from factcheck.pipeline import default_encoder, default_nli

    on = Config(cache_dir=str(tmp_path))
    assert isinstance(default_encoder(on), CachedEncoder) and isinstance(default_nli(on), CachedScorer)
    off = on.replace(result_cache=False)
    assert not isinstance(default_encoder(off), CachedEncoder) and not isinstance(default_nli(off), CachedScorer)


def test_check_has_a_no_cache_flag(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert "--no-cache" in capsys.readouterr().out
