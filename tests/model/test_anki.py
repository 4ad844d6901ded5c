"""The Anki deck: fixed ids, GUIDs from card ids (an edited card updates, never duplicates), tags by
group and lesion type, and nothing half-written when the target cannot be written."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from app.cli import main
from app.model.anki import DECK_ID, MODEL_ID, write_deck
from app.model.cards import KINDS, build_cards
from app.model.cases import load_cases
from app.model.content import Content


def notes(deck: Path, tmp: Path) -> list[tuple[str, str, str]]:
    with zipfile.ZipFile(deck) as archive:
        archive.extract("collection.anki2", tmp)
    with sqlite3.connect(tmp / "collection.anki2") as conn:
        rows = conn.execute("SELECT guid, flds, tags FROM notes").fetchall()
        models = json.loads(conn.execute("SELECT models FROM col").fetchone()[0])
        decks = json.loads(conn.execute("SELECT decks FROM col").fetchone()[0])
    assert str(MODEL_ID) in models
    assert str(DECK_ID) in decks
    return rows


def test_every_card_kind_is_in_the_deck_with_stable_guids(tmp_path: Path, content: Content) -> None:
    cards = build_cards(content, load_cases(content))
    assert {c.kind for c in cards} == set(KINDS)
    first = tmp_path / "one.apkg"
    assert write_deck(first, cards) == len(cards)
    rows = notes(first, tmp_path / "a")
    by_id = {flds.split("\x1f")[0]: (guid, tags) for guid, flds, tags in rows}
    assert len(by_id) == len(cards)
    guid, tags = by_id["syndrome:weber-left"]
    assert "group::brainstem" in tags
    assert "lesion::UMN" in tags
    assert "lesion::LMN" in tags
    # An edited card (new text) keeps its GUID: Anki updates the note instead of adding one.
    edited = [
        c if c.id != "syndrome:weber-left" else type(c)(**{**c.__dict__, "back": "Edited"}) for c in cards
    ]
    second = tmp_path / "two.apkg"
    write_deck(second, edited)
    again = {flds.split("\x1f")[0]: guid for guid, flds, _ in notes(second, tmp_path / "b")}
    assert again["syndrome:weber-left"] == guid
    assert again == {k: v[0] for k, v in by_id.items()}


def test_an_unwritable_target_leaves_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("x")
    assert main(["export-anki", str(blocked / "deck.apkg"), "--no-images"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "cannot write the deck" in err
    existing = tmp_path / "deck.apkg"
    existing.write_bytes(b"old deck")
    (tmp_path / "ro").mkdir()
    assert main(["export-anki", str(existing), "--no-images"]) == 0
    assert zipfile.is_zipfile(existing)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
