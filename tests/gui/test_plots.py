"""The physiology plots and the day control, driven as a user would: real drags of the day cursor
through the plot's viewport, real keys, and assertions on what is shown (the signs panel too)."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFontMetricsF, QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QFileDialog, QHBoxLayout, QMenu, QWidget
from pytestqt.qtbot import QtBot

from app.model.content import Content
from app.ui import theme
from app.ui.panels.day_control import DayControl
from app.ui.panels.plots_panel import PlotsPanel
from app.ui.panels.richtext import strip_citations
from app.ui.panels.signs_panel import SignsPanel
from app.ui.selection import SelectionModel
from tests.shapes import peaks

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.gui
LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier
MOVE_INTERVAL_MS = 12


class Pair:
    """A signs panel and a plots panel side by side on one selection, as in the window."""

    def __init__(self, qtbot: QtBot, selection: SelectionModel) -> None:
        self.host = QWidget()
        qtbot.addWidget(self.host)
        self.signs = SignsPanel(selection)
        self.plots = PlotsPanel(selection)
        layout = QHBoxLayout(self.host)
        layout.addWidget(self.signs)
        layout.addWidget(self.plots)
        self.host.resize(1120, 640)
        self.host.show()
        qtbot.waitExposed(self.host)


@pytest.fixture
def pair(qtbot: QtBot, selection: SelectionModel) -> Pair:
    return Pair(qtbot, selection)


def _cursor_point(plots: PlotsPanel, x: float) -> QPoint:
    """Where data x (on the cursor's vertical middle) is in the plot's viewport."""
    view = plots.time_course.widget
    vb = plots.time_course.plot.vb
    y = sum(vb.viewRange()[1]) / 2
    return view.mapFromScene(vb.mapViewToScene(QPointF(x, y)))  # type: ignore[no-any-return]


def drag_cursor(qtbot: QtBot, plots: PlotsPanel, day: float) -> None:
    """Press on the day cursor, drag it in small steps to ``day`` and let go."""
    qtbot.wait(MOVE_INTERVAL_MS)  # let the plot's layout settle (a new legend, say), as a user would see it
    viewport = plots.time_course.widget.viewport()
    start = _cursor_point(plots, plots.time_course.day_cursor.value())
    end = _cursor_point(plots, math.sqrt(day))
    qtbot.mouseMove(viewport, start)
    qtbot.mousePress(viewport, LEFT, NO_MOD, start)
    steps = 8
    for i in range(1, steps + 1):
        qtbot.wait(MOVE_INTERVAL_MS)  # pyqtgraph drops mouse moves closer together than 10 ms
        qtbot.mouseMove(viewport, start + (end - start) * i / steps)
    qtbot.mouseRelease(viewport, LEFT, NO_MOD, end)


def _signs_text(pair: Pair) -> str:
    return pair.signs.text()


def test_dragging_the_cursor_through_shock_to_spasticity(
    qtbot: QtBot, pair: Pair, selection: SelectionModel
) -> None:
    selection.select("internal-capsule-left")
    assert pair.plots.time_course.day_cursor.label.toPlainText() == "established"
    drag_cursor(qtbot, pair.plots, 1)
    assert selection.day == 1
    assert pair.plots.time_course.day_cursor.value() == pytest.approx(1.0), "snapped to a whole day"
    assert pair.plots.time_course.day_cursor.label.toPlainText() == "day 1"
    text = _signs_text(pair)
    assert "Hypotonia" in text
    assert "Spasticity" not in text
    # on day 1 after a stroke the reflexes may be brisk or depressed: sources differ, so neither is certain
    assert "present: Brisk tendon reflexes · Reduced or absent tendon reflexes" in text
    assert pair.plots.day_control.spin.value() == 1
    assert not pair.plots.day_control.established.isChecked()
    drag_cursor(qtbot, pair.plots, 60)
    assert selection.day is not None
    assert 57 <= selection.day <= 63
    text = _signs_text(pair)
    assert "Spasticity" in text
    assert "Brisk tendon reflexes" in text
    assert "Hypotonia" not in text


def test_anterior_horn_wastes_by_day_sixty(qtbot: QtBot, pair: Pair, selection: SelectionModel) -> None:
    selection.select("anterior-horn-c5-left")
    drag_cursor(qtbot, pair.plots, 1)
    assert selection.day == 1
    assert "Muscle wasting" not in _signs_text(pair)
    drag_cursor(qtbot, pair.plots, 60)
    assert "Muscle wasting" in _signs_text(pair)


def test_clicking_anywhere_in_the_time_course_moves_the_cursor(
    qtbot: QtBot, pair: Pair, selection: SelectionModel
) -> None:
    qtbot.mouseClick(pair.plots.time_course.widget.viewport(), LEFT, NO_MOD, _cursor_point(pair.plots, 3.0))
    assert selection.day == 9
    assert pair.plots.time_course.day_cursor.value() == pytest.approx(3.0)


def test_day_control_spin_box_slider_and_established(qtbot: QtBot, selection: SelectionModel) -> None:
    control = DayControl(selection)
    qtbot.addWidget(control)
    control.resize(520, 48)
    control.show()
    qtbot.waitExposed(control)
    assert control.established.isChecked()
    assert selection.day is None
    for part in (control.slider, control.spin, control.established):
        assert part.height() >= 24, "large enough to hit"

    control.spin.setFocus()
    qtbot.keyClick(control.spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(control.spin, "60")
    assert selection.day is None, "nothing changes while typing"
    qtbot.keyClick(control.spin, Qt.Key.Key_Return)
    assert selection.day == 60
    assert control.slider.value() == 60
    assert not control.established.isChecked()

    control.slider.setFocus()
    qtbot.keyClick(control.slider, Qt.Key.Key_Right)
    assert selection.day == 61
    assert control.spin.value() == 61
    qtbot.keyClick(control.slider, Qt.Key.Key_PageDown)
    assert selection.day == 54, "a week back"
    qtbot.keyClick(control.slider, Qt.Key.Key_Home)
    assert selection.day == 0

    qtbot.mouseClick(control.established, LEFT, NO_MOD, QPoint(8, control.established.height() // 2))
    assert selection.day is None
    assert control.slider.value() == control.slider.maximum()
    control.established.setFocus()
    qtbot.keyClick(control.established, Qt.Key.Key_Space)
    assert selection.day == control.slider.maximum()

    selection.set_day(5)  # another control (or the cursor) changed it: this one follows
    assert control.spin.value() == 5
    assert control.slider.value() == 5


def _legend(view: Any) -> list[str]:
    return [label.text for _, label in view.legend.items]


def test_time_course_shows_the_lesion_types_of_the_selection(pair: Pair, selection: SelectionModel) -> None:
    course = pair.plots.time_course
    assert course.shown_lesions() == ("UMN", "LMN", "NMJ", "muscle")
    assert all(course.curves[t].opts["pen"].color().alpha() < 255 for t in course.shown_lesions()), "faint"
    assert _legend(course) == ["UMN", "LMN", "NMJ", "Muscle"]

    selection.select("internal-capsule-left")
    assert course.shown_lesions() == ("UMN",)
    pen = course.curves["UMN"].opts["pen"]
    assert pen.style() == Qt.PenStyle.SolidLine
    assert pen.color().name() == theme.LESION_COLOURS["UMN"]
    assert pen.color().alpha() == 255
    assert pen.widthF() >= 3
    assert _legend(course) == ["UMN"]
    _xs, ys = course.curves["UMN"].getData()
    assert ys[0] < 0 < ys[-1], "flaccid, then spastic"

    selection.select("anterior-horn-c5-left")
    assert course.shown_lesions() == ("LMN",)
    assert course.curves["LMN"].opts["pen"].style() == Qt.PenStyle.DashLine
    assert _legend(course) == ["LMN"]


def test_time_course_measures_and_cited_captions(qtbot: QtBot, pair: Pair, content: Content) -> None:
    course = pair.plots.time_course
    caption = course.caption
    assert caption.isVisible()
    schematic = strip_citations(content.physiology.schematic[0])
    assert schematic[:60] in caption.toPlainText().replace("\n", " ")
    assert "schematic" in course.plot.getAxis("bottom").labelText
    assert 'href="#ref-KO"' in caption.toHtml()
    course.measure_box.setFocus()
    qtbot.keyClick(course.measure_box, Qt.Key.Key_Down)
    assert course.measure().id == "reflexes"
    text = caption.toPlainText()
    assert "Tendon reflexes" in text
    assert "Sources disagree" in text
    ticks = {label: value for value, label in course.plot.getAxis("left")._tickLevels[0]}
    assert ticks["brisk"] == 3
    assert ticks["absent"] == 0
    _, ys = course.curves["UMN"].getData()
    assert max(ys) == pytest.approx(3.4)


def test_tone_plot_rigid_flat_spastic_catches(pair: Pair, selection: SelectionModel) -> None:
    tone = pair.plots.tone
    _, rigid = tone.curves["rigid"].getData()
    assert max(rigid) == min(rigid)
    _, spastic = tone.curves["spastic"].getData()
    top = int(spastic.argmax())
    assert spastic[top // 2] < spastic[top]
    assert list(spastic[:top]) == sorted(spastic[:top]), "rises with speed"
    assert spastic[-1] < spastic[top] / 2, "the catch gives way"
    assert peaks(list(spastic)) == 1
    assert "Rigid" in _legend(tone)

    selection.select("internal-capsule-left")
    selection.set_day(1)
    assert tone.emphasised == ("flaccid",), "UMN in shock is flaccid"
    widths = {p: c.opts["pen"].widthF() for p, c in tone.curves.items()}
    assert widths["flaccid"] > widths["spastic"]
    selection.set_day(60)
    assert tone.emphasised == ("spastic",)
    assert "Spastic (UMN)" in tone.caption.toPlainText()
    assert "Rigid" in tone.caption.toPlainText(), "the contrast is always described"


def test_tone_legend_fits_the_plot_width(qtbot: QtBot, pair: Pair) -> None:
    pair.plots.show_plot("Tone")
    tone = pair.plots.tone
    for width, full in ((2400, True), (1120, False)):
        pair.host.resize(width, 640)
        qtbot.wait(20)
        assert pair.host.width() == width
        names = _legend(tone)
        assert ("Rigid (extrapyramidal, for contrast)" in names) == full, width
        assert tone.legend.sceneBoundingRect().width() <= tone.widget.width(), "never wider than the plot"
        assert tone.plot.sceneBoundingRect().right() <= tone.widget.width() + 1, "the plot is not pushed out"


def _choose_region(qtbot: QtBot, plots: PlotsPanel, name: str) -> None:
    box = plots.reflex.region_box
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Home)
    for _ in range(box.count()):
        if box.currentText() == name:
            return
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.currentText() == name


def test_reflex_trace_brisk_with_clonus_after_two_weeks(
    qtbot: QtBot, pair: Pair, selection: SelectionModel
) -> None:
    reflex = pair.plots.reflex
    pair.plots.show_plot("Reflex")
    assert not reflex.region_box.isEnabled()
    assert "Select a lesion site" in reflex.caption.toPlainText()
    selection.select("hemisection-t6-left")  # spinal shock is certain in the cord, not after a stroke
    assert reflex.region_box.currentText() == "Left leg", "the first region with a changed reflex"
    _choose_region(qtbot, pair.plots, "Left foot")
    drag_cursor(qtbot, pair.plots, 3)
    assert reflex.choice is not None
    assert reflex.choice.trace == "reduced"
    _, ys = reflex.curve.getData()
    assert max(ys) < 0.5
    drag_cursor(qtbot, pair.plots, 30)
    assert reflex.choice is not None
    assert (reflex.choice.trace, reflex.choice.clonus) == ("brisk", True)
    _, ys = reflex.curve.getData()
    assert max(ys) > 2
    assert peaks(list(ys)) >= 6, "a brisk jerk then clonus beats"
    assert reflex.region_box.currentText() == "Left foot", "the choice survives a day change"
    assert "Left foot: Brisk" in _legend(reflex)
    assert "Normal" in _legend(reflex)
    _choose_region(qtbot, pair.plots, "Left leg")
    _, ys = reflex.curve.getData()
    assert peaks(list(ys)) <= 2
    assert "Ankle clonus" in reflex.caption.toPlainText()


def test_reflex_trace_absent_after_lmn_lesion(pair: Pair, selection: SelectionModel) -> None:
    selection.select("anterior-horn-c5-left")
    selection.set_day(30)
    reflex = pair.plots.reflex
    assert reflex.region_box.currentText() == "Left arm"
    assert reflex.choice is not None
    assert reflex.choice.trace == "absent"
    _, ys = reflex.curve.getData()
    assert max(ys) == 0
    assert reflex.curve.opts["pen"].style() == Qt.PenStyle.DashLine, "LMN: dashed, not colour alone"


def test_reflex_plot_of_a_region_with_both_lesions_draws_both_traces(
    pair: Pair, selection: SelectionModel
) -> None:
    selection.set_sites(["internal-capsule-left", "ventral-root-c5-right"])
    pair.plots.show_plot("Reflex")
    reflex = pair.plots.reflex
    assert reflex.region_box.currentText() == "Right arm"
    assert [c.trace for c in reflex.choices] == ["absent", "brisk"]
    assert reflex.cut_curve.isVisible()
    assert reflex.curve.isVisible()
    _, cut = reflex.cut_curve.getData()
    _, released = reflex.curve.getData()
    assert max(cut) == 0
    assert max(released) > 2
    assert "Right arm, arc cut: Absent" in _legend(reflex)
    assert "Right arm, arc intact: Brisk" in _legend(reflex)
    text = reflex.caption.toPlainText()
    assert "Biceps jerk" in text
    assert "Triceps jerk" in text
    assert "both kinds of lesion" in text
    selection.set_sites(["internal-capsule-left"])
    assert not reflex.cut_curve.isVisible(), "one lesion, one trace"
    assert "arc cut" not in _legend(reflex)


# The offscreen platform plugin cannot raise a popup menu or grab the keyboard for it.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_export_menu_and_save_picture(
    qtbot: QtBot, pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    viewport = pair.plots.time_course.widget.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.RightButton, NO_MOD, viewport.rect().center())
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    texts = [a.text() for a in menu.actions() if a.text()]
    menu.close()
    assert texts == ["Export..."], "only pyqtgraph's exporter: no pan, zoom or transform options"

    import pyqtgraph.exporters as exporters

    png, svg = tmp_path / "plot.png", tmp_path / "plot.svg"
    exporters.ImageExporter(pair.plots.time_course.plot).export(str(png))
    exporters.SVGExporter(pair.plots.time_course.plot).export(str(svg))
    assert not QImage(str(png)).isNull()
    assert QSvgRenderer(str(svg)).isValid(), "pyqtgraph's SVG export works (Qt >= 6.10 needed a fix)"

    saved = tmp_path / "picture.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    button = pair.plots.save_button
    qtbot.mouseClick(button, LEFT, NO_MOD, button.rect().center())
    image = QImage(str(saved))
    assert image.width() >= pair.plots.time_course.widget.width()


def test_hidden_panel_catches_up_when_shown(qtbot: QtBot, pair: Pair, selection: SelectionModel) -> None:
    pair.plots.hide()
    selection.select("internal-capsule-left")
    selection.set_day(2)
    assert pair.plots.time_course.shown_lesions() != ("UMN",), "no work while hidden"
    pair.plots.show()
    assert pair.plots.time_course.shown_lesions() == ("UMN",)
    assert pair.plots.time_course.day_cursor.value() == pytest.approx(math.sqrt(2))


def test_plot_text_is_large_enough(pair: Pair) -> None:
    for view in (pair.plots.time_course, pair.plots.tone, pair.plots.reflex):
        for name in ("bottom", "left"):
            axis = view.plot.getAxis(name)
            assert axis.style["tickFont"].pixelSize() >= 16
            assert int(axis.labelStyle["font-size"].removesuffix("px")) >= 16


def test_axes_hold_their_tick_text_before_the_first_paint(qtbot: QtBot, selection: SelectionModel) -> None:
    """pyqtgraph measured the tick text while painting, then laid the plot out again: a plot's first
    frame showed its axis too narrow for "spastic" (and a screenshot needed a second paint)."""
    plots = PlotsPanel(selection)  # never shown: nothing has painted
    qtbot.addWidget(plots)
    course = plots.time_course
    for index in range(course.measure_box.count()):
        course.measure_box.setCurrentIndex(index)
        for view in (course, plots.tone):
            for name in ("left", "bottom"):
                axis = view.plot.getAxis(name)
                metrics = QFontMetricsF(axis.style["tickFont"])
                labels = [label for _, label in axis._tickLevels[0]]
                if name == "left":
                    widest = max(metrics.horizontalAdvance(label) for label in labels)
                    assert axis.minimumWidth() >= widest + axis.style["tickTextOffset"][0], labels
                else:
                    assert axis.minimumHeight() >= metrics.height() + axis.style["tickTextOffset"][1], labels


def test_pyqtgraph_is_imported_only_when_the_panel_is_built() -> None:
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "import app.ui.main_window, app.ui.panels.plots_panel, app.ui.panels.day_control\n"
        "assert 'pyqtgraph' not in sys.modules, 'imported at start-up'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "qapp = QApplication([])\n"
        "from app.model.loader import load_content\n"
        "from app.ui.selection import SelectionModel\n"
        "from app.ui.panels.plots_panel import PlotsPanel\n"
        "panel = PlotsPanel(SelectionModel(load_content()))\n"
        "assert 'pyqtgraph' in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
