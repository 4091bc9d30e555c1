"""Turn files into articles: read and decode, drop page furniture, split glued stories."""

from factcheck.ingest.articles import articles_from_source
from factcheck.ingest.reading import SUPPORTED_SUFFIXES, read_sources

__all__ = ["SUPPORTED_SUFFIXES", "articles_from_source", "read_sources"]
