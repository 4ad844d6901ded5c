"""An Anki deck of the study cards (``genanki``), Qt-free: fixed model and deck ids, and note GUIDs
derived from the card ids, so re-importing after a content edit updates the notes instead of
duplicating them. Images (the diagram with the site marked, the body map) are given by the caller.
"""

from __future__ import annotations

import html
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from app.model.cards import StudyCard

MODEL_ID = 1_745_266_013
DECK_ID = 2_051_836_457
"""Fixed forever: Anki recognises the deck and the note type by them on every re-import."""
FIELDS = ("CardId", "Front", "Back", "Diagram", "BodyMap")
FRONT = "<div class='nx-front'>{{Front}}</div>"
BACK = "{{FrontSide}}<hr id='answer'><div class='nx-back'>{{Back}}</div>{{Diagram}}{{BodyMap}}"
CSS = ".card { font-family: 'DejaVu Sans', sans-serif; font-size: 20px; color: #111; background: #fff; }"


def tag(text: str) -> str:
    """An Anki tag: no spaces."""
    return text.replace(" ", "_")


def _html_lines(text: str) -> str:
    return "<br>".join(html.escape(line).replace("  ", "&nbsp;&nbsp;") for line in text.splitlines())


def write_deck(
    target: Path, cards: Iterable[StudyCard], images: Mapping[str, tuple[bytes, bytes]] | None = None
) -> int:
    """Write the deck to ``target`` atomically (a temporary file renamed into place); return the
    number of notes. Raises OSError when the target cannot be written (nothing is left half-written)."""
    import genanki  # type: ignore[import-untyped]

    model = genanki.Model(
        MODEL_ID,
        "Neuraxis card",
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Findings to lesion", "qfmt": FRONT, "afmt": BACK}],
        css=CSS,
    )
    deck = genanki.Deck(DECK_ID, "Neuraxis")
    media: list[str] = []
    with tempfile.TemporaryDirectory(prefix="neuraxis-anki-") as folder:
        count = 0
        for card in cards:
            fields = [card.id, _html_lines(card.front), html.escape(card.back), "", ""]
            pictures = (images or {}).get(card.id)
            if pictures is not None:
                for index, (name, data) in enumerate(zip(("diagram", "body"), pictures, strict=True)):
                    file = Path(folder) / f"neuraxis-{card.id.replace(':', '-')}-{name}.png"
                    file.write_bytes(data)
                    media.append(str(file))
                    fields[3 + index] = f'<img src="{file.name}">'
            tags = [
                tag(f"group::{card.group}"),
                tag(f"kind::{card.kind}"),
                *(tag(f"lesion::{t}") for t in card.lesions),
            ]
            deck.add_note(genanki.Note(model=model, fields=fields, guid=genanki.guid_for(card.id), tags=tags))
            count += 1
        package = genanki.Package(deck)
        package.media_files = media
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        os.close(handle)
        try:
            package.write_to_file(temp)
            umask = os.umask(0)
            os.umask(umask)
            Path(temp).chmod(0o666 & ~umask)
            Path(temp).replace(target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    return count
