"""Study > Find the lesion, driven as a student does: the menu, real clicks on the diagram, the
buttons; the feedback, score, streak and ticks are read from the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMenu
from pytestqt.qtbot import QtBot

from app.model.content import Content
from app.model.state import HIDDEN_SUBJECT, Hide
from app.ui.diagram.items import SiteState
from app.ui.main_window import MainWindow
from app.ui.study.find_lesion import FindLesionPanel
from tests.gui.conftest import focus_signs, open_main_window
from tests.gui.conftest import press as press_key
from tests.gui.texts import window_texts

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, content: Content) -> MainWindow:
    return open_main_window(qtbot, content, 1600, 900)


def open_quiz(qtbot: QtBot, window: MainWindow) -> FindLesionPanel:
    """Study > Find the lesion, through the menu bar as a user opens it."""
    menu = window.findChild(QMenu, "studyMenu")
    assert menu is not None
    assert menu.title().replace("&", "") == "Study"
    action = next(a for a in menu.actions() if a.text() == "Find the lesion")
    action.trigger()
    dock = window.findChild(QDockWidget, "findLesionDock")
    assert dock is not None
    qtbot.waitExposed(dock)
    panel = dock.widget()
    assert isinstance(panel, FindLesionPanel)
    return panel


def ask(panel: FindLesionPanel, level: int, sites: tuple[str, ...], day: int | None = None) -> None:
    """Put a known question first (the round is otherwise random), then show it."""
    assert panel.session is not None
    question = panel.bank.question(level, sites, day)
    panel.start(level, seed=1)
    assert panel.session is not None
    panel.session.questions[0] = question
    panel._selection.set_stops(panel.session.stops())
    panel._selection.go_to(0)


def click_site(qtbot: QtBot, window: MainWindow, site: str) -> None:
    view = window.diagram
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.part_center(site))


def press(qtbot: QtBot, panel: FindLesionPanel, name: str) -> None:
    button = panel.buttons[name]
    assert button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_question_hides_the_lesion_and_a_click_answers_it(qtbot: QtBot, window: MainWindow) -> None:
    panel = open_quiz(qtbot, window)
    ask(panel, 1, ("internal-capsule-right",))
    assert HIDDEN_SUBJECT in window.windowTitle()
    assert window.side.signs.text().strip(), "the findings show"
    assert not any(window.diagram.item(s).state & SiteState.SELECTED for s in window.diagram.order)
    click_site(qtbot, window, "corona-radiata-right")  # looks the same at the bedside: also right
    assert window.selection.sites == ("internal-capsule-right",), "a pick never changes the question"
    assert window.diagram.item("corona-radiata-right").state & SiteState.ANSWER
    assert "Right corona radiata" in panel.answer_label.text()
    press(qtbot, panel, "Check")
    feedback = panel.feedback_label.text()
    assert "\u2713 Correct" in feedback
    assert "Score 1 of 1" in panel.score_label.text()
    assert "streak 1" in panel.score_label.text()
    assert panel.marks_label.text() == "\u2713"
    assert window.diagram.item("internal-capsule-right").state & SiteState.SELECTED, "revealed"


def test_a_miss_gets_reasons_the_answer_and_a_cross(qtbot: QtBot, window: MainWindow) -> None:
    panel = open_quiz(qtbot, window)
    ask(panel, 1, ("radial-nerve-right",))
    click_site(qtbot, window, "radial-nerve-left")
    press(qtbot, panel, "Check")
    text = panel.feedback_label.text()
    assert "\u2717 Not quite" in text
    assert "Right level, wrong side" in text
    assert "0 of 1 sites found" in text
    assert "Right radial nerve" in text
    assert panel.marks_label.text() == "\u2717"
    assert "streak 0" in panel.score_label.text()
    # Retry clears the answer; a right answer now is practice, the first check stays the score.
    press(qtbot, panel, "Retry")
    assert panel.feedback_label.text() == ""
    assert "none yet" in panel.answer_label.text()
    click_site(qtbot, window, "radial-nerve-right")
    press(qtbot, panel, "Check")
    assert "\u2713 Correct" in panel.feedback_label.text()
    assert panel.marks_label.text() == "\u2717"


def test_hints_come_one_at_a_time_and_the_solution_reveals(qtbot: QtBot, window: MainWindow) -> None:
    panel = open_quiz(qtbot, window)
    ask(panel, 2, ("weber-left",))
    assert panel.hints_label.text() == ""
    press(qtbot, panel, "Hint")
    assert panel.hints_label.text().count("\n") == 0
    assert "left" in panel.hints_label.text()
    press(qtbot, panel, "Hint")
    press(qtbot, panel, "Hint")
    assert "Lesion type" in panel.hints_label.text()
    assert not panel.buttons["Hint"].isEnabled()
    press(qtbot, panel, "Solution")
    assert "Left midbrain: Weber syndrome" in panel.feedback_label.text()
    assert window.diagram.item("weber-left").state & SiteState.SELECTED
    assert panel.marks_label.text() == "\u2717", "asking for the solution first is a miss"


def test_two_lesions_take_two_clicks_and_count_sites_found(qtbot: QtBot, window: MainWindow) -> None:
    panel = open_quiz(qtbot, window)
    ask(panel, 3, ("basis-pontis-left", "median-nerve-right"))
    click_site(qtbot, window, "internal-capsule-left")
    press(qtbot, panel, "Check")
    assert "1 of 2 sites found" in panel.feedback_label.text()
    press(qtbot, panel, "Retry")
    click_site(qtbot, window, "internal-capsule-left")
    click_site(qtbot, window, "ulnar-nerve-right")  # the same findings as the median nerve here
    assert window.selection.shown.answer == ("internal-capsule-left", "ulnar-nerve-right")
    press(qtbot, panel, "Check")
    assert "\u2713 Correct" in panel.feedback_label.text()


def test_a_day_question_sets_the_day_and_next_moves_on(qtbot: QtBot, window: MainWindow) -> None:
    panel = open_quiz(qtbot, window)
    ask(panel, 4, ("transection-t6",), 0)
    assert window.selection.day == 0
    assert "day 0 after onset" in panel.question_label.text()
    press(qtbot, panel, "Next")
    assert "Question 2" in panel.question_label.text()
    assert window.selection.shown.answer == ()


def test_escape_clears_the_answer_and_closing_the_quiz_gives_picks_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = open_quiz(qtbot, window)
    ask(panel, 1, ("anterior-horn-l4-right",))
    click_site(qtbot, window, "anterior-horn-l4-left")
    click_site(qtbot, window, "anterior-horn-l4-right")  # one site at level 1: the new pick replaces it
    assert window.selection.shown.answer == ("anterior-horn-l4-right",)
    window.diagram.setFocus()
    qtbot.keyClick(window.diagram, Qt.Key.Key_Escape)
    assert window.selection.shown.answer == ()
    assert window.selection.sites == ("anterior-horn-l4-right",)
    dock = window.findChild(QDockWidget, "findLesionDock")
    assert dock is not None
    dock.close()
    QApplication.processEvents()
    click_site(qtbot, window, "radial-nerve-right")
    assert window.selection.sites == ("radial-nerve-right",)
    assert "Right radial nerve" in window.windowTitle()


def test_the_quiz_panel_names_no_site_before_an_answer(
    qtbot: QtBot, window: MainWindow, content: Content
) -> None:
    panel = open_quiz(qtbot, window)
    ask(panel, 2, ("lateral-medullary-right",))
    texts = " ".join(window_texts(panel).values())
    names = [s.name for s in content.sites if s.name in texts]
    assert names == []


def test_nothing_in_the_window_names_the_hidden_lesion(
    qtbot: QtBot, window: MainWindow, content: Content
) -> None:
    """Every text of every tab, read while a question is shown: no name of the lesion (or of any site
    with the same findings) that the window did not show with nothing selected."""
    from tests.gui.test_hidden import harvest
    from tests.gui.texts import leaks

    baseline = harvest(window)
    panel = open_quiz(qtbot, window)
    ask(panel, 2, ("lateral-medullary-right",))
    question = panel.question
    assert question is not None
    names = {content.sites_by_id[s].name for answer in question.accepted for s in answer}
    assert leaks(harvest(window), baseline, names) == []
    press(qtbot, panel, "Solution")
    assert leaks(harvest(window), baseline, names) != [], "the check sees the name once revealed"


def test_hiding_the_window_keeps_the_quiz(qtbot: QtBot, window: MainWindow) -> None:
    panel = open_quiz(qtbot, window)
    window.hide()
    QApplication.processEvents()
    window.show()
    qtbot.waitExposed(window)
    assert panel.session is not None, "only closing the dock ends the quiz"
    assert window.selection.state.answer_size == 1


def test_choosing_a_disease_elsewhere_ends_the_quiz(qtbot: QtBot, window: MainWindow) -> None:
    panel = open_quiz(qtbot, window)
    ask(panel, 1, ("anterior-horn-l4-left",))  # the last of ALS's typical sites: not to be mistaken for it
    window.selection.choose_disease("als")  # what the Diseases tab does
    qtbot.waitUntil(lambda: panel.session is None)
    assert panel.question_label.text() == "Choose a level to start."
    assert window.selection.disease == "als", "the disease chosen stays"
    assert window.selection.shown.sites, "and shows, nothing hidden"
    click_site(qtbot, window, "radial-nerve-left")
    assert window.selection.sites == ("radial-nerve-left",), "clicks select again"


def test_revealing_with_page_down_counts_as_the_solution(qtbot: QtBot, window: MainWindow) -> None:
    panel = open_quiz(qtbot, window)
    ask(panel, 1, ("radial-nerve-right",))
    window.diagram.setFocus()
    qtbot.keyClick(window.diagram, Qt.Key.Key_PageDown)
    assert "Solution:" in panel.feedback_label.text()
    assert "Right radial nerve" in panel.feedback_label.text()
    assert panel.marks_label.text() == "\u2717"


def test_space_on_a_focused_button_presses_it(qtbot: QtBot, window: MainWindow) -> None:
    """Space is also the clicker's reveal key: a student who tabbed to Check and pressed Space got the
    solution, and a cross, instead of the check."""
    panel = open_quiz(qtbot, window)
    ask(panel, 1, ("radial-nerve-right",))
    click_site(qtbot, window, "radial-nerve-right")
    check = panel.buttons["Check"]
    check.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is check)
    press_key(qtbot, Qt.Key.Key_Space)
    assert "\u2713 Correct" in panel.feedback_label.text()
    assert panel.marks_label.text() == "\u2713"


def test_space_on_the_diagram_picks_the_focused_site(qtbot: QtBot, window: MainWindow) -> None:
    """The diagram picks the site in keyboard focus with Enter or Space; during a question Space
    revealed the lesion instead."""
    panel = open_quiz(qtbot, window)
    ask(panel, 1, ("radial-nerve-right",))
    window.diagram.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.diagram)
    press_key(qtbot, Qt.Key.Key_Tab)  # the keyboard focus onto a site
    focused = window.diagram.focused
    assert focused is not None
    press_key(qtbot, Qt.Key.Key_Space)
    assert window.selection.shown.answer == (focused,)
    assert window.selection.shown.hidden, "the lesion is still hidden"
    assert panel.feedback_label.text() == ""


def test_h_does_not_hide_the_findings_of_a_question(qtbot: QtBot, window: MainWindow) -> None:
    """H (predict, then reveal: hide the findings) would have shown the question's hidden lesion."""
    panel = open_quiz(qtbot, window)
    ask(panel, 1, ("radial-nerve-right",))
    focus_signs(qtbot, window)
    press_key(qtbot, Qt.Key.Key_H)
    assert window.selection.shown.hide is Hide.LESION
    assert panel.feedback_label.text() == "", "no solution given"
    assert not window.diagram.item("radial-nerve-right").state & SiteState.SELECTED
    actions = [a for menu in window.findChildren(QMenu) for a in menu.actions()]
    hide = next(a for a in actions if a.text().startswith("Hide findings"))
    assert not hide.isEnabled(), "greyed out in the menu while the question waits"


def test_the_status_bar_speaks_of_the_answer_during_a_question(qtbot: QtBot, window: MainWindow) -> None:
    """It said "click to select, Ctrl+click to add" and "Escape clears the selection" while clicks
    picked an answer and Escape cleared only that."""
    status = window.statusBar().findChild(QLabel, "statusText")
    assert status is not None
    panel = open_quiz(qtbot, window)
    ask(panel, 2, ("lateral-medullary-right",))
    assert status.text().startswith("Pick the site that explains these findings")
    assert "Escape clears your answer" in status.text()
    counter = window.statusBar().findChild(QLabel, "revealCounter")
    assert counter is not None
    assert "Page Down shows the solution" in counter.text(), "not 'Space reveals the next'"
    qtbot.mouseMove(window.diagram.viewport(), window.diagram.part_center("radial-nerve-left"))
    qtbot.waitUntil(lambda: "click to pick it for your answer" in status.text())
    assert "Ctrl+click" not in status.text()
    panel.stop()
    window.diagram.set_hovered(None)
    qtbot.waitUntil(lambda: "Escape clears your answer" not in status.text())
