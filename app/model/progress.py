"""What a student has done, kept in one SQLite database in the user data folder (Qt-free).

Every review and every quiz or case result is written in one transaction, in WAL mode with full
sync, so a kill at any moment loses at most the answer in flight and never corrupts the store; two
running instances wait for each other (busy timeout) and lose nothing. A store that cannot be read,
or that a newer Neuraxis wrote, is moved aside (never deleted) with a message, and a fresh one is
started. Cards are scheduled with FSRS (the ``fsrs`` package); the schedule of a card is its reviews
replayed, so merging progress from another machine gives the same schedule there and here.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.model.ratings import RATINGS

SCHEMA_VERSION = 1
STORE_NAME = "progress.sqlite3"
EXPORT_FORMAT = "neuraxis-progress"
BUSY_MS = 10_000
"""How long one statement waits for another instance's transaction (SQLite's busy timeout)."""
OPEN_WAIT_S = 30.0
"""How long opening the store waits, in all, for other instances to let go of it."""
SQLITE_BUSY, SQLITE_LOCKED = 5, 6
SCHEMA = """
CREATE TABLE IF NOT EXISTS reviews (
    uid TEXT PRIMARY KEY, card TEXT NOT NULL, kind TEXT NOT NULL, rating INTEGER NOT NULL,
    at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS reviews_card ON reviews (card, at);
CREATE TABLE IF NOT EXISTS cards (
    card TEXT PRIMARY KEY, kind TEXT NOT NULL, state TEXT NOT NULL, due TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS results (
    uid TEXT PRIMARY KEY, kind TEXT NOT NULL, item TEXT NOT NULL, level INTEGER NOT NULL,
    correct INTEGER NOT NULL, credit REAL NOT NULL, at TEXT NOT NULL);
"""


class ProgressError(Exception):
    """Progress that cannot be read or written (an import file, an export path): one line."""


def default_store() -> Path:
    """``progress.sqlite3`` in the user data folder (on Linux ``$XDG_DATA_HOME/neuraxis``)."""
    override = os.environ.get("NEURAXIS_DATA_DIR")
    if override:
        return Path(override) / STORE_NAME
    import platformdirs

    return Path(platformdirs.user_data_dir("neuraxis", appauthor=False)) / STORE_NAME


def now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


@dataclass
class Store:
    path: Path
    messages: list[str] = field(default_factory=list)
    """What happened on opening (a store moved aside), for the user."""
    _conn: sqlite3.Connection | None = None

    # --- opening, and what to do with a store that cannot be used ----------------------------------------
    @classmethod
    def open(cls, path: Path | None = None) -> Store:
        store = cls(path or default_store())
        store._connect()
        return store

    def _connect(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ProgressError(
                f"{self.path.parent}: cannot make the progress folder ({error.strerror or error})"
            ) from None
        problem = self._try_connect()
        if problem is not None:
            aside = self._move_aside()
            self.messages.append(f"{self.path}: {problem}; it was moved to {aside} and a new one started")
            problem = self._try_connect()
            if problem is not None:
                raise ProgressError(f"{self.path}: {problem}")

    def _try_connect(self) -> str | None:
        """Open the store; a problem with it (to move it aside), or None. A store that another
        instance holds is waited for, never taken for a damaged one: two instances started at once
        once moved the store aside while the other was writing to it."""
        deadline = time.monotonic() + OPEN_WAIT_S
        while True:
            try:
                return self._connect_once()
            except _BusyError:
                if time.monotonic() >= deadline:
                    raise ProgressError(
                        f"{self.path}: the progress store is busy (another Neuraxis is using it); try again"
                    ) from None
                time.sleep(0.05)

    def _connect_once(self) -> str | None:
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_MS / 1000, isolation_level=None)
        except sqlite3.Error as error:
            if _busy(error):
                raise _BusyError from error
            return f"cannot open the progress store ({error})"
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                conn.close()
                return f"the progress store was written by a newer Neuraxis (version {version})"
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                conn.close()
                return f"the progress store is damaged ({check})"
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            with _transaction(conn):
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as error:
            conn.close()
            if _busy(error):
                raise _BusyError from error
            return f"the progress store cannot be read ({error})"
        self._conn = conn
        return None

    def _move_aside(self) -> Path:
        stamp = now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.unreadable-{stamp}")
        n = 1
        while aside.exists():
            aside = self.path.with_name(f"{self.path.name}.unreadable-{stamp}-{n}")
            n += 1
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{self.path}{suffix}")
            if source.exists():
                source.replace(Path(f"{aside}{suffix}"))
        return aside

    @property
    def conn(self) -> sqlite3.Connection:
        assert self._conn is not None
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # --- reviews ---------------------------------------------------------------------------------------
    def review(self, card: str, kind: str, rating: str, at: datetime | None = None) -> datetime:
        """Record one review of ``card`` and reschedule it, in one transaction; return when it is due."""
        if rating not in RATINGS:
            raise ValueError(f"unknown rating {rating!r}; expected one of: {', '.join(RATINGS)}")
        at = at or now()
        uid = f"{card}|{_iso(at)}"
        with _transaction(self.conn):
            self.conn.execute(
                "INSERT OR IGNORE INTO reviews VALUES (?, ?, ?, ?, ?)",
                (uid, card, kind, RATINGS[rating], _iso(at)),
            )
            return self._reschedule(card, kind)

    def _reschedule(self, card: str, kind: str) -> datetime:
        """The card's schedule: its reviews replayed in time order (deterministic, no fuzzing)."""
        from fsrs import Card, Rating, Scheduler

        scheduler = Scheduler(enable_fuzzing=False)
        state = Card(card_id=1)
        rows = self.conn.execute("SELECT rating, at FROM reviews WHERE card = ? ORDER BY at", (card,))
        for rating, at in rows.fetchall():
            state, _ = scheduler.review_card(state, Rating(rating), datetime.fromisoformat(at))
        self.conn.execute(
            "INSERT OR REPLACE INTO cards VALUES (?, ?, ?, ?)",
            (card, kind, json.dumps(state.to_dict()), _iso(state.due)),
        )
        return state.due

    def due_dates(self) -> dict[str, datetime]:
        rows = self.conn.execute("SELECT card, due FROM cards").fetchall()
        return {card: datetime.fromisoformat(due) for card, due in rows}

    # --- quiz and case results -------------------------------------------------------------------------
    def result(
        self, kind: str, item: str, level: int, *, correct: bool, credit: float, at: datetime | None = None
    ) -> None:
        at = at or now()
        with _transaction(self.conn):
            self.conn.execute(
                "INSERT OR IGNORE INTO results VALUES (?, ?, ?, ?, ?, ?, ?)",
                (f"{kind}|{item}|{_iso(at)}", kind, item, level, int(correct), credit, _iso(at)),
            )

    def accuracy(self, kind: str = "quiz") -> dict[int, list[tuple[str, float]]]:
        """Per level, the running share of correct answers after each result (for the chart)."""
        out: dict[int, list[tuple[str, float]]] = {}
        totals: dict[int, list[int]] = {}
        rows = self.conn.execute("SELECT level, correct, at FROM results WHERE kind = ? ORDER BY at", (kind,))
        for level, correct, at in rows.fetchall():
            right, seen = totals.setdefault(level, [0, 0])
            totals[level] = [right + correct, seen + 1]
            out.setdefault(level, []).append((at, totals[level][0] / totals[level][1]))
        return out

    # --- summaries, export and import ------------------------------------------------------------------
    def summary(self, at: datetime | None = None) -> dict[str, Any]:
        at = at or now()
        dues = self.due_dates()

        def counts(kind: str) -> dict[str, Any]:
            rows = self.conn.execute(
                "SELECT level, COUNT(*), SUM(correct) FROM results WHERE kind = ? GROUP BY level", (kind,)
            ).fetchall()
            levels = {str(level): {"answered": n, "correct": int(right or 0)} for level, n, right in rows}
            return {
                "answered": sum(v["answered"] for v in levels.values()),
                "correct": sum(v["correct"] for v in levels.values()),
                "by_level": levels,
            }

        return {
            "reviews": self.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0],
            "cards": len(dues),
            "due": sum(1 for due in dues.values() if due <= at),
            "quiz": counts("quiz"),
            "cases": counts("case"),
        }

    def export(self) -> dict[str, Any]:
        reviews = self.conn.execute("SELECT uid, card, kind, rating, at FROM reviews ORDER BY at").fetchall()
        results = self.conn.execute(
            "SELECT uid, kind, item, level, correct, credit, at FROM results ORDER BY at"
        ).fetchall()
        return {
            "format": EXPORT_FORMAT,
            "version": SCHEMA_VERSION,
            "reviews": [dict(zip(("uid", "card", "kind", "rating", "at"), r, strict=True)) for r in reviews],
            "results": [
                dict(zip(("uid", "kind", "item", "level", "correct", "credit", "at"), r, strict=True))
                for r in results
            ],
        }

    def merge(self, data: Any) -> tuple[int, int]:
        """Add the reviews and results of an export that are not here yet (matched by their uid), in
        one transaction; reschedule the cards they touch. Returns (reviews added, results added)."""
        reviews, results = _validated(data)
        with _transaction(self.conn):
            before = self.conn.total_changes
            self.conn.executemany("INSERT OR IGNORE INTO reviews VALUES (?, ?, ?, ?, ?)", reviews)
            added_reviews = self.conn.total_changes - before
            before = self.conn.total_changes
            self.conn.executemany("INSERT OR IGNORE INTO results VALUES (?, ?, ?, ?, ?, ?, ?)", results)
            added_results = self.conn.total_changes - before
            for card, kind in {(r[1], r[2]) for r in reviews}:
                self._reschedule(card, kind)
        return added_reviews, added_results


def _validated(data: Any) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise ProgressError(f'not a Neuraxis progress export (no "format": "{EXPORT_FORMAT}")')
    if not isinstance(data.get("version"), int) or data["version"] > SCHEMA_VERSION:
        raise ProgressError(f"written by a newer Neuraxis (version {data.get('version')!r})")
    try:
        reviews = [
            (str(r["uid"]), str(r["card"]), str(r["kind"]), int(r["rating"]), _checked_time(r["at"]))
            for r in data.get("reviews", [])
        ]
        results = [
            (
                str(r["uid"]),
                str(r["kind"]),
                str(r["item"]),
                int(r["level"]),
                int(bool(r["correct"])),
                float(r["credit"]),
                _checked_time(r["at"]),
            )
            for r in data.get("results", [])
        ]
    except (KeyError, TypeError, ValueError) as error:
        raise ProgressError(f"a review or result is incomplete or malformed ({error})") from None
    if any(not 1 <= r[3] <= len(RATINGS) for r in reviews):
        raise ProgressError("a review has a rating outside 1..4")
    return reviews, results


def _checked_time(text: Any) -> str:
    moment = datetime.fromisoformat(str(text))
    if moment.tzinfo is None:
        raise ValueError(f"time without a zone: {text!r}")
    return _iso(moment)


class _BusyError(Exception):
    """Another instance holds the store (SQLite's busy or locked): wait, it is not damage."""


def _busy(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in (SQLITE_BUSY, SQLITE_LOCKED)  # extended codes keep the primary one
    return "locked" in str(error) or "busy" in str(error)


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT: one writer at a time, all or nothing."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def read_export(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ProgressError(f"{path}: cannot read it ({error})") from None
    except json.JSONDecodeError as error:
        raise ProgressError(f"{path}:{error.lineno}: invalid JSON ({error.msg})") from None


def due_cards(
    store: Store, cards: Iterable[tuple[str, str]], at: datetime | None = None, new_limit: int = 20
) -> tuple[list[str], dict[str, int]]:
    """The cards to review now (due ones first, then up to ``new_limit`` never seen), and the counts
    of due, new and learned cards among ``cards`` (pairs of id and kind)."""
    at = at or now()
    dues = store.due_dates()
    ids = [card for card, _ in cards]
    due = sorted((c for c in ids if c in dues and dues[c] <= at), key=lambda c: dues[c])
    new = [c for c in ids if c not in dues]
    learned = [c for c in ids if c in dues and dues[c] > at]
    return due + new[:new_limit], {"due": len(due), "new": len(new), "learned": len(learned)}


def closing_store(path: Path | None = None) -> closing[Store]:
    return closing(Store.open(path))
