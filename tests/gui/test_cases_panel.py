"""Study > Cases, as a student works through one: history, tick the significant findings, click the
lesion on the diagram, read the feedback and the cited discussion."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QListWidget, QMenu
from pytestqt.qtbot import QtBot

from app.model.content import Content
from app.model.state import HIDDEN_SUBJECT
from app.ui.diagram.items import SiteState
from app.ui.main_window import MainWindow
from app.ui.study.cases_panel import CasesPanel
from tests.gui.conftest import open_main_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, content: Content) -> MainWindow:
    return open_main_window(qtbot, content, 1600, 900)


def open_cases(qtbot: QtBot, window: MainWindow) -> CasesPanel:
    menu = window.findChild(QMenu, "studyMenu")
    assert menu is not None
    next(a for a in menu.actions() if a.text() == "Cases").trigger()
    dock = window.findChild(QDockWidget, "casesDock")
    assert dock is not None
    qtbot.waitExposed(dock)
    panel = dock.widget()
    assert isinstance(panel, CasesPanel)
    return panel


def choose(qtbot: QtBot, panel: CasesPanel, case_id: str) -> None:
    """Pick a case from the combo box with the keyboard, as a user can."""
    box = panel.case_box
    box.setFocus()
    target = [box.itemData(i) for i in range(box.count())].index(case_id)
    while box.currentIndex() != target:
        qtbot.keyClick(box, Qt.Key.Key_Down if box.currentIndex() < target else Qt.Key.Key_Up)
    assert panel.study is not None
    assert panel.study.case.id == case_id


def press(qtbot: QtBot, panel: CasesPanel) -> None:
    assert panel.action_button.isEnabled()
    qtbot.mouseClick(panel.action_button, Qt.MouseButton.LeftButton)


def tick(qtbot: QtBot, exam: QListWidget, row: int) -> None:
    """Click the check box of one row (at the left of the row)."""
    rect = exam.visualItemRect(exam.item(row))
    exam.scrollToItem(exam.item(row))
    rect = exam.visualItemRect(exam.item(row))
    qtbot.mouseClick(
        exam.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 12, rect.center().y())
    )


def test_a_case_from_history_to_discussion(qtbot: QtBot, window: MainWindow) -> None:
    panel = open_cases(qtbot, window)
    choose(qtbot, panel, "weber-syndrome")
    assert "Step 1 of 4: History" in panel.step_label.text()
    assert "saw double" in panel.page.toPlainText()
    assert HIDDEN_SUBJECT in window.windowTitle(), "the lesion is hidden"
    press(qtbot, panel)  # Examine
    assert panel.exam.isVisible()
    texts = [panel.exam.item(i).text() for i in range(panel.exam.count())]
    eye = texts.index(next(t for t in texts if t.startswith("Right eye")))
    tick(qtbot, panel.exam, eye)
    assert panel.exam.item(eye).checkState() == Qt.CheckState.Checked
    press(qtbot, panel)  # Check my picks
    assert panel.exam.item(eye).text().startswith("\u2713")
    assert "1 of 3 significant findings picked" in panel.step_label.text()
    assert any(panel.exam.item(i).text().startswith("\u2717") for i in range(panel.exam.count()))
    press(qtbot, panel)  # Localise
    assert "Step 3 of 4" in panel.step_label.text()
    view = window.diagram
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.part_center("weber-right"))
    assert window.selection.sites == ("weber-right",), "the click answers, the case stays"
    assert "Right midbrain" in panel.answer_label.text()
    press(qtbot, panel)  # Check
    assert "Step 4 of 4: Discussion" in panel.step_label.text()
    assert "\u2713 Correct" in panel.feedback.text()
    page = panel.page.toPlainText()
    assert "crossed syndrome" in page
    assert "References" in page
    assert "Weber Syndrome" in page, "the cited reference is listed"
    assert view.item("weber-right").state & SiteState.SELECTED, "the lesion is revealed"


def test_a_wrong_localisation_gets_reasons(qtbot: QtBot, window: MainWindow) -> None:
    panel = open_cases(qtbot, window)
    choose(qtbot, panel, "bell-palsy")
    press(qtbot, panel)
    press(qtbot, panel)
    press(qtbot, panel)
    view = window.diagram
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.part_center("facial-nerve-left"))
    press(qtbot, panel)
    text = panel.feedback.text()
    assert "\u2717 Not quite" in text
    assert "Right level, wrong side" in text
    assert "Right facial nerve" in text
    press(qtbot, panel)  # Next case
    assert panel.study is not None
    assert panel.study.case.id != "bell-palsy"
    assert "Step 1 of 4" in panel.step_label.text()


def test_closing_the_case_gives_the_diagram_back(qtbot: QtBot, window: MainWindow) -> None:
    open_cases(qtbot, window)
    dock = window.findChild(QDockWidget, "casesDock")
    assert dock is not None
    dock.close()
    QApplication.processEvents()
    view = window.diagram
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.part_center("radial-nerve-left"))
    assert window.selection.sites == ("radial-nerve-left",)


def test_choosing_a_disease_elsewhere_ends_the_case(qtbot: QtBot, window: MainWindow) -> None:
    panel = open_cases(qtbot, window)
    window.selection.choose_disease("als")
    qtbot.waitUntil(lambda: panel.study is None)
    assert window.selection.disease == "als"
    view = window.diagram
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.part_center("radial-nerve-left"))
    assert window.selection.sites == ("radial-nerve-left",)
