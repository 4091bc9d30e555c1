from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATASETS = ROOT.parent / "shared" / "datasets"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_sources():
    from factcheck.ingest import read_sources

    sources, problems = read_sources([SEEDS])
    assert not problems
    return sources


@pytest.fixture(scope="session")
def seed_documents(seed_sources):
    from factcheck import stages

    documents, problems = stages.articles(seed_sources)
    assert not problems
    return documents
