"""Finding a site or a disease by name (no Qt)."""

from __future__ import annotations

from app.model.content import Content
from app.model.search import DISEASE, SITE, find


def _ids(content: Content, text: str) -> list[str]:
    return [m.id for m in find(content, text)]


def test_a_word_start_finds_the_sites(content: Content) -> None:
    assert _ids(content, "caps") == ["internal-capsule-right", "internal-capsule-left"]
    assert _ids(content, "weber") == ["weber-right", "weber-left"]
    assert _ids(content, "radial") == ["radial-nerve-right", "radial-nerve-left"]


def test_every_word_must_match(content: Content) -> None:
    assert _ids(content, "left caps") == ["internal-capsule-left"]
    assert _ids(content, "  RADIAL   left ") == ["radial-nerve-left"]
    assert _ids(content, "caps leg") == []


def test_diseases_are_found_after_the_sites(content: Content) -> None:
    found = find(content, "myasthen")
    assert [(m.kind, m.id) for m in found] == [(DISEASE, "myasthenia-gravis"), (DISEASE, "lambert-eaton")]
    sclerosis = find(content, "sclerosis")
    assert {m.kind for m in sclerosis} == {DISEASE}
    kinds = [m.kind for m in find(content, "cauda equina")]
    assert kinds == [SITE, DISEASE]


def test_inside_a_word_when_nothing_begins_so(content: Content) -> None:
    assert "cervical-myelopathy" in _ids(content, "myelopathy")
    assert _ids(content, "apsule") == ["internal-capsule-right", "internal-capsule-left"]
    assert _ids(content, "nothing-like-this") == []


def test_blank_lists_everything(content: Content) -> None:
    assert len(find(content, " ")) == len(content.sites) + len(content.diseases)


def test_a_misspelt_word_finds_what_it_nearly_names(content: Content) -> None:
    """Typing "webr" said 'Nothing is called "webr"'."""
    found = find(content, "webr")
    assert [m.id for m in found] == ["weber-right", "weber-left"]
    assert all(m.close for m in found)
    assert _ids(content, "radail left") == ["radial-nerve-left"]
    assert not any(m.close for m in find(content, "weber")), "spelt right: not a near match"
    assert "weber-left" not in _ids(content, "medial"), "a right spelling hides the near ones"
    assert _ids(content, "xq") == [], "short words must be spelt right"
    assert _ids(content, "nothing-like-this") == []
