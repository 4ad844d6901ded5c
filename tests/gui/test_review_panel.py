"""Study > Review and the progress the study modes keep: a review session driven with real clicks
and keys, the due count in the status bar, cram mode that leaves the schedule alone, quiz and case
results saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu
from pytestqt.qtbot import QtBot

from app.model.content import Content
from app.model.progress import Store
from app.ui.diagram.items import SiteState
from app.ui.main_window import MainWindow
from app.ui.study.install import open_find_lesion
from app.ui.study.review_panel import ReviewPanel
from tests.gui.conftest import open_main_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setenv("NEURAXIS_DATA_DIR", str(tmp_path / "data"))
    return open_main_window(qtbot, content, 1600, 900)


def open_review(qtbot: QtBot, window: MainWindow) -> ReviewPanel:
    menu = window.findChild(QMenu, "studyMenu")
    assert menu is not None
    next(a for a in menu.actions() if a.text() == "Review").trigger()
    dock = window.findChild(QDockWidget, "reviewDock")
    assert dock is not None
    qtbot.waitExposed(dock)
    panel = dock.widget()
    assert isinstance(panel, ReviewPanel)
    return panel


def stored(tmp_path: Path) -> dict[str, object]:
    store = Store.open(tmp_path / "data" / "progress.sqlite3")
    try:
        return store.summary()
    finally:
        store.close()


def test_a_review_session(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    due = window.findChild(QLabel, "dueCount")
    assert due is not None
    qtbot.waitUntil(lambda: due.text() == "Review: 0 due")
    panel = open_review(qtbot, window)
    card = panel.card
    assert card is not None
    assert "where is the lesion" in panel.kind_label.text()
    assert card.back not in panel.page.toPlainText(), "the answer is hidden"
    assert not panel.rating_buttons["good"].isEnabled()
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    assert card.back in panel.page.toPlainText()
    assert window.diagram.item(card.sites[0]).state & SiteState.SELECTED, "revealed on the diagram"
    qtbot.mouseClick(panel.rating_buttons["good"], Qt.MouseButton.LeftButton)
    assert panel.card is not None
    assert panel.card.id != card.id
    summary = stored(tmp_path)
    assert summary["reviews"] == 1
    # The keys 1-4 rate too, once the answer shows.
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    panel.page.setFocus()
    qtbot.keyClick(panel.page, Qt.Key.Key_1)
    assert stored(tmp_path)["reviews"] == 2
    assert "2 done this session" in panel.counts_label.text()


def test_cram_mode_leaves_the_schedule_alone(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    panel = open_review(qtbot, window)
    box = QPoint(10, panel.cram.rect().center().y())  # its box, at the left
    qtbot.mouseClick(panel.cram, Qt.MouseButton.LeftButton, pos=box)
    assert panel.cram.isChecked()
    assert "Cram" in panel.counts_label.text()
    total = len(panel.queue)
    assert total == len(panel.cards)
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.rating_buttons["easy"], Qt.MouseButton.LeftButton)
    assert len(panel.queue) == total - 1
    assert stored(tmp_path)["reviews"] == 0


def test_quiz_results_are_saved(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    panel = open_find_lesion(window, level=1, seed=3)
    question = panel.question
    assert question is not None
    view = window.diagram
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.part_center(question.accepted[0][0])
    )
    qtbot.mouseClick(panel.buttons["Check"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(
        panel.buttons["Check"], Qt.MouseButton.LeftButton
    )  # disabled once revealed: no second result
    quiz = stored(tmp_path)["quiz"]
    assert quiz == {"answered": 1, "correct": 1, "by_level": {"1": {"answered": 1, "correct": 1}}}


def test_progress_shows_accuracy_per_level_and_moves_between_machines(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from app.ui.study.install import open_progress

    panel = open_find_lesion(window, level=2, seed=5)
    question = panel.question
    assert question is not None
    view = window.diagram
    wrong = "radial-nerve-left" if question.accepted[0][0] != "radial-nerve-left" else "radial-nerve-right"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.part_center(wrong))
    qtbot.mouseClick(panel.buttons["Check"], Qt.MouseButton.LeftButton)
    progress = open_progress(window)
    assert "Find the lesion: 0 of 1 correct (level 2: 0 of 1)" in progress.summary_label.text()
    assert progress.curves == {2: [0.0]}
    low, high = progress.plot.getViewBox().viewRange()[0]
    assert high - low >= 3600, "an hour at least: the axis counted seconds to three decimals"
    axis = progress.plot.getAxis("bottom")
    progress.plot.grab()  # painted: the date axis picks its tick spacing from its font
    ticks = axis.tickValues(low, high, axis.width() or 600)
    labels = [text for spacing, values in ticks for text in axis.tickStrings(values, 1.0, spacing)]
    assert labels
    assert not any("." in text for text in labels), labels  # times of day ("00:15"), not "55.750"
    target = tmp_path / "moved" / "progress.json"
    assert progress.export_to(str(target)).startswith("Progress written")
    assert "Merged 0 new reviews and 0 new results" in progress.import_from(str(target))
    blocked = tmp_path / "file"
    blocked.write_text("x")
    assert "could not write it" in progress.export_to(str(blocked / "p.json"))
    bad = tmp_path / "bad.json"
    bad.write_text("[]")
    assert "not a Neuraxis progress export" in progress.import_from(str(bad))


def test_a_case_card_shows_the_case_on_its_day_with_the_lesion_hidden(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = open_review(qtbot, window)
    panel.queue.insert(0, "case:spinal-shock")
    panel._show_card()
    assert "A fall from a roof" in panel.page.toPlainText()
    assert window.selection.day == 0
    assert window.selection.disease == "spinal-cord-injury"
    assert "Which lesion?" in window.windowTitle()
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    assert "Complete transection of the cord at T6" in panel.page.toPlainText()


@pytest.mark.slow
def test_file_export_anki_deck_writes_pictures(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    import json
    import zipfile

    from app.ui.study.install import export_anki

    action = next(a for a in window.actions() if a.objectName() == "exportAnkiAction")
    assert action.text() == "Export Anki deck..."
    target = tmp_path / "deck.apkg"
    message = export_anki(window, str(target))
    assert message.endswith(f"written to {target}.")
    with zipfile.ZipFile(target) as deck:
        media = json.loads(deck.read("media"))
        assert "neuraxis-syndrome-weber-left-diagram.png" in media.values()
        first = next(k for k, v in media.items() if v.endswith("-body.png"))
        assert deck.read(first).startswith(b"\x89PNG")
    assert window.statusBar().currentMessage() == message


def test_space_from_the_classroom_keys_shows_the_answer(qtbot: QtBot, window: MainWindow) -> None:
    panel = open_review(qtbot, window)
    card = panel.card
    assert card is not None
    window.diagram.setFocus()
    qtbot.keyClick(window.diagram, Qt.Key.Key_PageDown)
    assert panel.answered
    assert card.back in panel.page.toPlainText()
    assert panel.rating_buttons["good"].isEnabled()


def test_an_unusable_store_is_said_in_the_status_bar_and_study_goes_on(
    qtbot: QtBot, content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("NEURAXIS_DATA_DIR", str(blocked / "data"))
    window = open_main_window(qtbot, content, 1600, 900)
    qtbot.waitUntil(lambda: "will not be saved" in window.statusBar().currentMessage())
    panel = open_review(qtbot, window)
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.rating_buttons["good"], Qt.MouseButton.LeftButton)
    assert "1 done this session" in panel.counts_label.text()
