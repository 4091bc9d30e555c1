import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

ROOT = Path(__file__).resolve().parents[2]
#: Four unrelated stories, each a folder of articles from different outlets and languages.
STORIES = {
    "korea": ROOT / "seeds",
    "election": ROOT / "eval" / "corpora" / "election",
    "quake": ROOT / "eval" / "corpora" / "quake",
    "rates": ROOT / "eval" / "corpora" / "rates",
}


def story_files(story: str) -> list[Path]:
    return sorted(p for p in STORIES[story].iterdir() if p.suffix == ".txt")


@pytest.fixture
def story_corpus(tmp_path) -> Path:
    """A directory with one sub-directory per story."""
    root = tmp_path / "corpus"
    for name in STORIES:
        (root / name).mkdir(parents=True)
        for file in story_files(name):
            shutil.copy(file, root / name / file.name)
    return root


@pytest.fixture
def corpus_with_copies(story_corpus) -> Path:
    """The four stories and a fifth, ``syndicated``: the quake articles with an identical copy of
    one and a near-identical re-publication of another (new headline, a credit line, its death
    toll changed), so the story has copies of both kinds, copied sentences and a conflict."""
    root = story_corpus / "syndicated"
    root.mkdir()
    for file in story_files("quake"):
        shutil.copy(file, root / file.name)
    shutil.copy(root / "q3_agency_en.txt", root / "q3_copy_en.txt")
    wire = (root / "q1_wire_en.txt").read_text(encoding="utf-8")
    changed = wire.replace("Strong earthquake kills 1,200 in Tazrout province", "Tazrout earthquake: hundreds dead") \
        .replace("the quake killed 1,200 people", "the quake killed 2,100 people") + "\nSource: Wire\n"
    assert changed.count("2,100") == 1 and "hundreds dead" in changed
    (root / "q1_resyndicated_en.txt").write_text(changed, encoding="utf-8")
    return story_corpus


@pytest.fixture
def flat_corpus(tmp_path) -> Path:
    """The same four stories' articles mixed in one folder, no story named anywhere."""
    root = tmp_path / "flat"
    root.mkdir()
    for name in STORIES:
        for file in story_files(name):
            shutil.copy(file, root / file.name)
    return root


@pytest.fixture
def fake_models():
    from fakes import DigitNLI, HashEncoder

    return {"encoder": HashEncoder(), "nli": DigitNLI(), "models": {"embedding": "hash-512", "nli": "digits"}}


@pytest.fixture
def fake_config():
    from factcheck.config import Config

    return Config(similarity_threshold=0.3, nli_model="digits")
