"""While a student answers (find the lesion), picks make up the answer and never move the question."""

from __future__ import annotations

import pytest

from app.model.content import Content
from app.model.findings import UnknownIdError
from app.model.state import Hide, Selection


def test_picks_make_up_the_answer_while_answering(content: Content) -> None:
    state = Selection(content)
    state.set_sites(["weber-left"])
    state.set_hide(Hide.LESION)
    state.set_answering(2)
    change = state.select("cerebral-peduncle-left")
    assert change is not None
    assert change.shown
    assert state.sites == ("weber-left",)
    state.toggle("facial-nerve-left")
    state.select("radial-nerve-left")  # full: the oldest pick gives way
    assert state.shown.answer == ("facial-nerve-left", "radial-nerve-left")
    state.toggle("facial-nerve-left")
    assert state.shown.answer == ("radial-nerve-left",)
    assert state.shown.sites == (), "the lesion stays hidden"
    state.clear()
    assert state.shown.answer == ()
    assert state.sites == ("weber-left",), "clearing while answering clears the answer only"
    with pytest.raises(UnknownIdError):
        state.set_answer(["no-such-site"])


def test_a_new_question_starts_with_no_answer_and_answering_ends(content: Content) -> None:
    state = Selection(content)
    state.set_answering(1)
    state.set_sites(["weber-left"])
    state.select("weber-right")
    assert state.answer == ("weber-right",)
    state.set_sites(["radial-nerve-left"])
    assert state.answer == ()
    state.set_answering(0)
    state.select("weber-right")
    assert state.sites == ("weber-right",)
