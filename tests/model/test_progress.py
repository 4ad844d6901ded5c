"""Progress survives anything: killed writers, two instances at once, a damaged or newer store
(moved aside, never deleted), export and import that merge without duplicates."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.cli import main
from app.model import progress
from app.model.progress import ProgressError, Store, due_cards

WRITER = """
import sys
from app.model.progress import Store
store = Store.open(__import__("pathlib").Path(sys.argv[1]))
for n in range(int(sys.argv[2])):
    store.review(f"site:card-{n % 7}", "site", "good")
    store.result("quiz", f"q{n}", 1 + n % 4, correct=n % 2 == 0, credit=0.5)
    print(n, flush=True)
"""


def writer(store: Path, count: int) -> subprocess.Popen[str]:
    root = Path(__file__).resolve().parents[2]
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(store), str(count)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )


def test_a_writer_killed_mid_write_leaves_the_store_intact(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    committed = 0
    for round_ in range(6):
        process = writer(path, 10_000)
        assert process.stdout is not None
        for _ in range(3 + 5 * round_):  # each line is printed after its transaction committed
            process.stdout.readline()
            committed += 1
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        store = Store.open(path)
        assert store.messages == [], "never moved aside"
        summary = store.summary()
        assert summary["reviews"] >= committed
        assert summary["quiz"]["answered"] >= committed
        # The writer records a review, then a result, in two transactions: a kill between them leaves
        # the review without its result (it failed now and then when it asserted them equal).
        assert summary["reviews"] - summary["quiz"]["answered"] in (0, 1), "each transaction whole"
        store.close()


def test_two_instances_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    first, second = writer(path, 60), writer(path, 60)
    for process in (first, second):
        out, _ = process.communicate(timeout=120)
        assert process.returncode == 0
        assert len(out.splitlines()) == 60
    assert [p.name for p in tmp_path.iterdir() if "unreadable" in p.name] == [], "never moved aside"
    store = Store.open(path)
    assert store.summary()["quiz"]["answered"] == 120
    store.close()


def test_a_store_another_instance_holds_is_waited_for_not_moved_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two instances started at once: one met the store locked past the busy timeout, took "database is
    locked" for damage and moved the store aside while the other was writing to it (which then failed
    with "database disk image is malformed"). Here another instance holds the write lock for longer
    than one statement waits."""
    path = tmp_path / "progress.sqlite3"
    store = Store.open(path)
    store.result("quiz", "q1", 1, correct=True, credit=1.0)
    store.close()
    monkeypatch.setattr(progress, "BUSY_MS", 100)
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    letting_go = threading.Timer(0.6, lambda: other.execute("COMMIT"))
    letting_go.start()
    try:
        store = Store.open(path)
    finally:
        letting_go.join()
        other.close()
    assert store.messages == []
    assert [p.name for p in tmp_path.iterdir() if "unreadable" in p.name] == []
    assert store.summary()["quiz"]["answered"] == 1, "the same store, nothing lost"
    store.close()


def test_a_store_held_too_long_is_refused_not_moved_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "progress.sqlite3"
    Store.open(path).close()
    monkeypatch.setattr(progress, "BUSY_MS", 50)
    monkeypatch.setattr(progress, "OPEN_WAIT_S", 0.3)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(ProgressError, match="busy"):
            Store.open(path)
    finally:
        other.close()
    assert [p.name for p in tmp_path.iterdir() if "unreadable" in p.name] == []


@pytest.mark.parametrize("damage", ["garbage", "newer"])
def test_a_bad_store_is_moved_aside_with_a_message(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "progress.sqlite3"
    store = Store.open(path)
    store.review("site:x", "site", "good")
    store.close()
    if damage == "garbage":
        path.write_bytes(b"this is not a database" * 100)
    else:
        with sqlite3.connect(path) as conn:
            conn.execute("PRAGMA user_version = 99")
    kept = path.read_bytes()
    store = Store.open(path)
    assert len(store.messages) == 1
    assert "moved to" in store.messages[0]
    aside = [
        p for p in tmp_path.iterdir() if ".unreadable-" in p.name and not p.name.endswith(("-wal", "-shm"))
    ]
    assert len(aside) == 1
    assert aside[0].read_bytes() == kept, "moved, not deleted"
    assert store.summary()["reviews"] == 0, "a fresh store"
    store.review("site:y", "site", "easy")
    store.close()


def test_reviews_schedule_cards_and_count_due(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p.sqlite3")
    start = datetime(2026, 1, 1, tzinfo=UTC)
    due_good = store.review("site:a", "site", "good", at=start)
    due_again = store.review("site:b", "site", "again", at=start)
    assert due_good > start
    assert due_again <= due_good
    cards = [("site:a", "site"), ("site:b", "site"), ("site:c", "site")]
    due, counts = due_cards(store, cards, at=start + timedelta(days=400))
    assert counts == {"due": 2, "new": 1, "learned": 0}
    assert due[-1] == "site:c", "new cards come after the due ones"
    _, counts = due_cards(store, cards, at=start)
    assert counts == {"due": 0, "new": 1, "learned": 2}
    with pytest.raises(ValueError, match="unknown rating"):
        store.review("site:a", "site", "meh")
    store.close()


def test_export_then_import_merges_without_duplicates(tmp_path: Path) -> None:
    one = Store.open(tmp_path / "one.sqlite3")
    at = datetime(2026, 3, 1, tzinfo=UTC)
    one.review("site:a", "site", "good", at=at)
    one.result("quiz", "L1-x", 1, correct=True, credit=1.0, at=at)
    two = Store.open(tmp_path / "two.sqlite3")
    two.review("site:b", "site", "hard", at=at)
    assert two.merge(one.export()) == (1, 1)
    assert two.merge(one.export()) == (0, 0)
    assert two.summary(at)["reviews"] == 2
    assert two.due_dates()["site:a"] == one.due_dates()["site:a"], "the same schedule on both machines"
    with pytest.raises(ProgressError, match="not a Neuraxis progress export"):
        two.merge({"reviews": []})
    one.close()
    two.close()


def test_cli_review_and_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEURAXIS_DATA_DIR", str(tmp_path / "data"))
    assert main(["review", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    card = listing["due"][0]
    assert set(card) == {"card", "kind", "front"}
    assert listing["counts"]["new"] >= 76 + 25 + 15
    kinds = {c["kind"] for c in listing["due"]}
    assert "site" in kinds
    assert main(["review", "--card", card["card"], "--rating", "good"]) == 0
    capsys.readouterr()
    assert main(["progress", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["reviews"] == 1
    assert summary["cards"] == 1
    assert set(summary) >= {"reviews", "cards", "due", "quiz"}
    assert main(["review", "--card", "site:nowhere", "--rating", "good"]) == 2
    assert "unknown card" in capsys.readouterr().err
    export = tmp_path / "export.json"
    assert main(["progress", "--export", str(export)]) == 0
    assert json.loads(export.read_text())["reviews"][0]["card"] == card["card"]
    assert main(["progress", "--export", str(tmp_path / "missing" / "dir" / "x.json")]) == 0, (
        "folders are made"
    )
    blocked = tmp_path / "file"
    blocked.write_text("x")
    assert main(["progress", "--export", str(blocked / "x.json")]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert not (blocked / "x.json").exists()
    assert main(["progress", "--import", str(export)]) == 0
    assert "merged 0 new reviews" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    bad.write_text("{oops")
    assert main(["progress", "--import", str(bad)]) == 2
    assert "invalid JSON" in capsys.readouterr().err
