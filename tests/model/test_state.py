"""The Qt-free selection: stepping through stops, and what may be shown while something is hidden."""

from __future__ import annotations

import pytest

from app.model.content import Content
from app.model.state import HIDDEN_SUBJECT, Hide, Selection, Stop, reveal_order


@pytest.fixture
def selection(content: Content) -> Selection:
    return Selection(content)


def test_stepping_goes_through_every_site_in_order(selection: Selection, content: Content) -> None:
    order = [s.id for s in content.sites]
    assert selection.step(1) is not None
    assert selection.sites == (order[0],)
    selection.step(1)
    assert selection.sites == (order[1],)
    selection.step(-1)
    assert selection.sites == (order[0],)
    assert selection.step(-1) is None  # before the first stop: nothing happens
    selection.select(order[-1])
    assert selection.step(1) is None
    selection.clear()
    selection.step(-1)
    assert selection.sites == (order[-1],)


def test_stepping_goes_on_from_the_last_site_chosen(selection: Selection, content: Content) -> None:
    order = [s.id for s in content.sites]
    selection.set_sites([order[3], order[10]])
    selection.step(1)
    assert selection.sites == (order[11],)


def test_stops_can_be_a_lesson(selection: Selection) -> None:
    stops = [Stop(("internal-capsule-left",)), Stop(("facial-nerve-right",)), Stop((), "als")]
    selection.set_stops(stops)
    selection.step(1)
    assert selection.sites == ("internal-capsule-left",)
    selection.step(1)
    selection.step(1)
    assert selection.disease == "als"
    assert selection.step(1) is None


LESSON = [Stop(("internal-capsule-left",)), Stop(("facial-nerve-right",)), Stop((), "als")]
QUIZ = [Stop(("radial-nerve-left",), hide=Hide.LESION, key="q1"), Stop(("weber-left",), key="q2")]


def test_a_quiz_borrows_a_lessons_stops_and_gives_them_back(selection: Selection) -> None:
    """Ending a quiz used to reset the stops to every site: the lesson it interrupted lost its steps."""
    lesson, quiz = object(), object()
    selection.select("weber-right")
    before = selection.stop_index()
    assert before is not None
    selection.lend_stops(lesson, LESSON)
    selection.step(1)
    selection.step(1)
    assert selection.sites == ("facial-nerve-right",)
    selection.lend_stops(quiz, QUIZ)
    selection.go_to(0)
    selection.lend_stops(quiz, [*QUIZ, Stop(("ulnar-nerve-left",), key="q3")])  # more questions
    assert len(selection.stops) == 3
    assert selection.give_back_stops(quiz) == 1, "the lesson's step that was shown"
    assert selection.stops == tuple(LESSON)
    selection.go_to(1)
    selection.step(1)
    assert selection.disease == "als", "Page Down goes on with the lesson"
    assert selection.give_back_stops(lesson) == before, "the site shown before the lesson"
    assert len(selection.stops) == len(selection.content.sites), "every site again"
    assert selection.give_back_stops(lesson) is None, "given back once"


def test_stops_given_back_out_of_order_end_as_before_both(selection: Selection) -> None:
    lesson, quiz = object(), object()
    selection.lend_stops(lesson, LESSON)
    selection.lend_stops(quiz, QUIZ)
    assert selection.give_back_stops(lesson) is None, "the quiz still holds the stops"
    assert selection.stops == tuple(QUIZ)
    selection.give_back_stops(quiz)
    assert len(selection.stops) == len(selection.content.sites), "as before the lesson"


def test_subject_names_the_disease_or_the_sites(selection: Selection, content: Content) -> None:
    assert selection.shown.subject == ""
    selection.set_sites(["internal-capsule-left", "facial-nerve-right"])
    assert selection.shown.subject == "Left internal capsule + Right facial nerve"
    selection.choose_disease("als")
    assert selection.shown.subject == content.diseases_by_id["als"].name


def test_hidden_findings_reveal_region_by_region_then_types_then_everything(selection: Selection) -> None:
    selection.set_hide(Hide.FINDINGS)
    selection.select("hemisection-c5-left")
    truth = selection.findings
    regions = reveal_order(truth)
    shown = selection.shown
    assert shown.sites == ("hemisection-c5-left",)  # the lesion is shown
    assert shown.findings.findings == ()
    assert shown.findings.cut == frozenset()
    assert not shown.explained
    assert shown.reveal_steps == len(regions) + 2
    assert shown.reveal_text() == f"revealed 0 of {len(regions)}"
    for count in range(1, len(regions) + 1):
        assert selection.advance() is not None  # Page Down reveals rather than steps
        shown = selection.shown
        assert [(f.region, f.side) for f in shown.findings.findings] == sorted(
            [(f.region, f.side) for f in regions[:count]],
            key=[(f.region, f.side) for f in truth.findings].index,
        )
        assert all(not f.lesions for f in shown.findings.findings)
        assert all(e.lesion == "" for f in shown.findings.findings for e in f.evidence)
        assert shown.findings.lesions == ()
        assert all(f.signs or f.sensory_loss for f in shown.findings.findings)
    selection.advance()
    assert selection.shown.findings.lesions == truth.lesions
    assert selection.shown.findings.cut == frozenset()
    assert selection.shown.hidden
    selection.advance()
    assert not selection.shown.hidden
    assert selection.shown.findings == truth
    assert selection.shown.explained
    assert selection.shown.reveal_text() == "all revealed"
    selection.advance()  # now Page Down steps on, and the next lesion starts hidden again
    assert selection.sites != ("hemisection-c5-left",)
    assert selection.shown.hidden
    assert selection.shown.findings.findings == ()


def test_hidden_lesion_shows_findings_but_no_site(selection: Selection) -> None:
    selection.set_hide(Hide.LESION)
    selection.choose_disease("als")
    shown = selection.shown
    assert shown.subject == HIDDEN_SUBJECT
    assert shown.sites == ()
    assert shown.disease is None
    assert shown.disease_sites == ()
    assert shown.findings.sites == ()
    assert shown.findings.cut == frozenset()
    assert shown.findings.findings == selection.findings.findings
    assert shown.explained
    selection.reveal_next()
    assert selection.shown.disease == "als"
    assert selection.shown.findings == selection.findings


def test_nothing_hidden_shows_the_truth(selection: Selection) -> None:
    selection.select("weber-left")
    assert selection.shown.findings == selection.findings
    assert selection.shown.reveal_text() == ""
    assert selection.reveal_next() is None
    selection.set_hide(Hide.FINDINGS)
    assert selection.shown.findings.findings == ()
    selection.set_hide(Hide.NOTHING)
    assert selection.shown.findings == selection.findings


def test_day_and_probe_do_not_restart_the_reveal(selection: Selection) -> None:
    selection.set_hide(Hide.FINDINGS)
    selection.select("internal-capsule-left")
    selection.reveal_next()
    selection.set_day(3)
    selection.ask_region("arm", "right")
    assert selection.shown.revealed_regions == 1


def test_a_stop_can_set_the_day_and_what_is_hidden(selection: Selection) -> None:
    """A lesson step: 'a cord lesion on day 1, findings hidden'; the next: 'established, all shown'."""
    selection.set_stops(
        [
            Stop(("lateral-corticospinal-t6-left",), day=1, sets_day=True, hide=Hide.FINDINGS, key="shock"),
            Stop(("lateral-corticospinal-t6-left",), day=None, sets_day=True, hide=Hide.NOTHING, key="later"),
            Stop(("facial-nerve-right",), key="keeps-the-day"),
        ]
    )
    change = selection.step(1)
    assert change is not None
    assert change.day
    assert selection.day == 1
    assert selection.shown.hidden
    assert selection.current_stop() == selection.stops[0]
    selection.reveal_all()
    leg = next(f for f in selection.shown.findings.findings if f.region == "leg")
    assert "hypotonia" in leg.signs
    change = selection.step(1)  # the same site: only the day and the hide mode change
    assert change is not None
    assert change.day
    assert change.shown
    assert selection.day is None
    assert not selection.shown.hidden
    assert selection.current_stop() is not None
    assert selection.current_stop().key == "later"
    selection.set_day(5)
    selection.step(1)
    assert selection.day == 5, "a stop that does not set the day keeps it"
    assert selection.step(-1) is not None
    assert selection.day is None
