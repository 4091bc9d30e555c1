"""Model outputs kept between runs, addressed by content: a claim's embedding and a sentence
pair's NLI probabilities are stored under a hash of the text(s), the model's fingerprint and
the settings that change the output, so a re-run computes only what is new.

One SQLite file under the cache root (``results.sqlite``): write-ahead logging and a busy
timeout make it safe for two processes (a ``check`` beside a ``batch``, Ray actors) at once; a
size cap evicts the least recently used entries. ``factcheck cache clear`` empties it. The
cached wrappers return exactly what the model returned when the entry was written, so a run
gives the same report with and without the cache (``tests/test_result_cache.py``).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np

__all__ = ["ResultCache", "CachedEncoder", "CachedScorer", "RESULTS_FILE"]

RESULTS_FILE = "results.sqlite"
# Keys per SQL statement: below SQLite's limit on bound parameters.
_CHUNK = 500
# How long a process waits for another one's write lock before giving up.
_BUSY_SECONDS = 60


def _set_up(db: sqlite3.Connection) -> None:
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE IF NOT EXISTS entries (key BLOB PRIMARY KEY, value BLOB NOT NULL, "
               "used REAL NOT NULL) WITHOUT ROWID")
    db.execute("CREATE INDEX IF NOT EXISTS entries_used ON entries (used)")


def _retry_while_locked(step: Callable[[], None]) -> None:
    """Run ``step``, waiting while another process holds the database: switching a new file to
    write-ahead logging takes an exclusive lock that SQLite's busy timeout does not wait for,
    so two processes opening a new store at once would otherwise fail with "database is locked"."""
    deadline = time.monotonic() + _BUSY_SECONDS
    pause = 0.01
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


class ResultCache:
    """A persistent ``bytes -> bytes`` map with a size cap (least recently used entries go first)."""

    def __init__(self, path: str | Path, *, max_bytes: int = 1 << 30) -> None:
        self.path = Path(path)
        self.max_bytes = max_bytes
        self._db: sqlite3.Connection | None = None

    def __getstate__(self) -> dict:  # a connection cannot travel to another process (Ray actors)
        return {"path": self.path, "max_bytes": self.max_bytes, "_db": None}

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=_BUSY_SECONDS, isolation_level=None, check_same_thread=False)
            _retry_while_locked(lambda: _set_up(db))
            self._db = db
        return self._db

    def get_many(self, keys: Sequence[bytes]) -> dict[bytes, bytes]:
        found: dict[bytes, bytes] = {}
        unique = list(dict.fromkeys(keys))
        for lo in range(0, len(unique), _CHUNK):
            chunk = unique[lo : lo + _CHUNK]
            marks = ",".join("?" * len(chunk))
            found.update(self.db.execute(f"SELECT key, value FROM entries WHERE key IN ({marks})", chunk))
        if found:
            with self._transaction():
                now = time.time()
                self.db.executemany("UPDATE entries SET used = ? WHERE key = ?", [(now, k) for k in found])
        return found

    def put_many(self, items: dict[bytes, bytes]) -> None:
        if not items:
            return
        now = time.time()
        with self._transaction():
            self.db.executemany("INSERT OR REPLACE INTO entries (key, value, used) VALUES (?, ?, ?)",
                                [(k, v, now) for k, v in items.items()])
        self._evict()

    def stored_bytes(self) -> int:
        """Bytes the entries take in the file (pages in use, free pages excluded)."""
        page = self.db.execute("PRAGMA page_size").fetchone()[0]
        used = self.db.execute("PRAGMA page_count").fetchone()[0] - self.db.execute("PRAGMA freelist_count").fetchone()[0]
        return page * used

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]

    def clear(self) -> int:
        """Remove every entry and give the space back; the number removed."""
        count = len(self)
        self.db.execute("DELETE FROM entries")
        self.db.execute("VACUUM")
        return count

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _evict(self) -> None:
        if self.stored_bytes() <= self.max_bytes:
            return
        # Down to 90% of the cap so that the next writes do not evict again at once.
        while self.stored_bytes() > 0.9 * self.max_bytes:
            with self._transaction():
                gone = self.db.execute("DELETE FROM entries WHERE key IN (SELECT key FROM entries ORDER BY used "
                                       "LIMIT max(1, (SELECT COUNT(*) FROM entries) / 10))").rowcount
            if not gone:
                break

    def _transaction(self):
        return _Transaction(self.db)


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``: takes the write lock up front, so two writers wait for
    each other (busy timeout) instead of failing half-way."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind, value, traceback) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


def _key(*parts: str) -> bytes:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.digest()


class _Cached:
    """What the two wrappers share: the wrapped model, its cache namespace, found lazily (taking
    the fingerprint resolves the model's folder, which may raise the model's own load error at
    the point the uncached model would have raised it)."""

    def __init__(self, inner, cache: ResultCache, *, settings: dict) -> None:
        self.inner, self.cache, self.settings = inner, cache, settings
        self._namespace: str | None = None
        #: entries answered from the cache and computed, since this wrapper was made
        self.hits = self.misses = 0

    def __getattr__(self, name: str):  # the wrapped model's own attributes (running, model, ...)
        if name in ("inner", "__setstate__"):
            raise AttributeError(name)
        return getattr(self.inner, name)

    @property
    def namespace(self) -> str:
        if self._namespace is None:
            self._namespace = json.dumps([self.inner.fingerprint(), self.settings], sort_keys=True)
        return self._namespace

    def _through(self, keys: list[bytes], compute: Callable[[list[int]], Iterable[bytes]]) -> list[bytes]:
        """The value of each key: from the cache, or ``compute(indices of the misses)``."""
        found = self.cache.get_many(keys)
        missing = [i for i, k in enumerate(keys) if k not in found]
        if missing:
            computed = dict(zip((keys[i] for i in missing), compute(missing), strict=True))
            self.cache.put_many(computed)
            found.update(computed)
        self.hits += len(keys) - len(missing)
        self.misses += len(missing)
        return [found[k] for k in keys]


class CachedEncoder(_Cached):
    """A ``TextEncoder`` whose vectors are kept in a :class:`ResultCache`."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return self.inner.encode(texts)
        keys = [_key("embedding", self.namespace, t) for t in texts]

        def compute(missing: list[int]) -> list[bytes]:
            vectors = np.asarray(self.inner.encode([texts[i] for i in missing]), dtype=np.float32)
            return [row.tobytes() for row in vectors]

        return np.vstack([np.frombuffer(v, dtype=np.float32) for v in self._through(keys, compute)])


class CachedScorer(_Cached):
    """A ``PairScorer`` whose probabilities are kept in a :class:`ResultCache`."""

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[dict]:
        keys = [_key("nli", self.namespace, a, b) for a, b in pairs]

        def compute(missing: list[int]) -> list[bytes]:
            scores = self.inner.predict([pairs[i] for i in missing])
            return [json.dumps(s).encode() for s in scores]  # key order kept: reports list labels as the model does

        return [json.loads(v) for v in self._through(keys, compute)]
