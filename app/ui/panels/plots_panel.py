"""The physiology plots panel: the day since onset, and three linked plots in sub-tabs - the time
course of the lesion (with a draggable day cursor), tone against stretch velocity, and a simulated
tendon reflex.

pyqtgraph costs about half a second to import, so this module does not import it: the plot modules
(which do) are imported while the panel is being built, the first time it is shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.model.state import EVERYTHING, Change
from app.ui.panels.base import FollowingPanel
from app.ui.panels.day_control import DayControl
from app.ui.panels.richtext import font_px
from app.ui.selection import SelectionModel

if TYPE_CHECKING:
    from app.ui.panels.plots.reflex import ReflexView
    from app.ui.panels.plots.style import Fonts
    from app.ui.panels.plots.time_course import TimeCourseView
    from app.ui.panels.plots.tone import ToneView

TAB_TITLES = ("Time course", "Tone", "Reflex")


class PlotsPanel(FollowingPanel):
    """Time course, tone versus stretch velocity and reflex trace, following the shared selection
    (sites and day). Only the day changes state, through :meth:`SelectionModel.set_day`."""

    FOLLOWS_DAY = True

    def __init__(self, selection: SelectionModel, parent: QWidget | None = None) -> None:
        super().__init__(selection, "plotsPanel", "Physiology plots", parent)
        from app.ui.panels.plots.reflex import ReflexView
        from app.ui.panels.plots.style import Fonts
        from app.ui.panels.plots.time_course import TimeCourseView
        from app.ui.panels.plots.tone import ToneView

        fonts = Fonts.for_px(font_px(self))
        self.day_control = DayControl(selection, self)
        self.time_course: TimeCourseView = TimeCourseView(selection, fonts)
        self.tone: ToneView = ToneView(selection, fonts)
        self.reflex: ReflexView = ReflexView(selection, fonts)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("plotTabs")
        for view, title in zip((self.time_course, self.tone, self.reflex), TAB_TITLES, strict=True):
            self.tabs.addTab(view, title)
        self.save_button = QPushButton("Save picture\u2026", self)
        self.save_button.setObjectName("savePlotPicture")
        self.save_button.setAccessibleName("Save a picture of the plot shown")
        self.save_button.setToolTip(
            "Save the plot shown as a PNG picture (right-click a plot: Export... for SVG)"
        )
        self.save_button.clicked.connect(self._save_picture)
        self.tabs.setCornerWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.day_control)
        layout.addWidget(self.tabs, 1)
        self._fonts: Fonts = fonts
        self._sync()

    # --- public, for tests and the main window ------------------------------------------------
    def show_plot(self, title: str) -> QWidget:
        """Bring a plot's sub-tab to the front by its title ("Time course", "Tone", "Reflex")."""
        index = TAB_TITLES.index(title)
        self.tabs.setCurrentIndex(index)
        page = self.tabs.widget(index)
        assert page is not None
        return page

    def current_plot_widget(self) -> QWidget:
        view = (self.time_course, self.tone, self.reflex)[self.tabs.currentIndex()]
        widget: QWidget = view.widget
        return widget

    def save_picture(self, path: Path) -> str | None:
        """Write the plot shown (as on screen, at the screen's pixel density) to ``path``, in the
        format its suffix names (PNG without one)."""
        from app.ui.files import save_image

        return save_image(self.current_plot_widget().grab().toImage(), path)

    # --- sync ---------------------------------------------------------------------------------
    def _sync(self, change: Change = EVERYTHING) -> None:
        self.time_course.sync(change)
        self.tone.sync(change)
        self.reflex.sync(change)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "_fonts"):
            from app.ui.panels.plots.style import Fonts

            fonts = Fonts.for_px(font_px(self))
            if fonts != self._fonts:
                self._fonts = fonts
                for view in (self.time_course, self.tone, self.reflex):
                    view.restyle(fonts)

    def _save_picture(self) -> None:
        name = f"{TAB_TITLES[self.tabs.currentIndex()].lower().replace(' ', '-')}.png"
        path, _ = QFileDialog.getSaveFileName(self, "Save picture of the plot", name, "PNG image (*.png)")
        if not path:
            return
        error = self.save_picture(Path(path))
        if error is not None:
            QMessageBox.warning(self, "Not saved", f"{path}: could not write the picture ({error}).")
