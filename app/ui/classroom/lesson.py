"""A lesson in the window: its steps become the selection's stops, and a bar at the top of the window
says which step this is and shows its prompt (the question put to the class). Page Down walks the
step's reveals, then on to the next step; each step brings its own tab. The teacher's notes are not
shown here: they belong to the presenter view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from app.model.lessons import Lesson, LessonStep
from app.ui import theme
from app.ui.panels.richtext import esc

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class LessonRunner(QObject):
    stepChanged = Signal(int)
    """The step in view changed (its index; -1 when the selection left the lesson's steps)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.lesson: Lesson | None = None
        # Above the diagram, inside its frame (the column of panels keeps its height: in presentation
        # mode every affected region must still show): the diagram's viewport starts below the bar.
        self.bar = QFrame(window.diagram)
        self.bar.setObjectName("lessonBar")
        self.bar.setStyleSheet(f"#lessonBar, #lessonPrompt {{ background: {theme.PANEL_FILL}; }}")
        self.prompt = QLabel(self.bar)
        self.prompt.setObjectName("lessonPrompt")
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.RichText)
        self.prompt.setAccessibleName("The question of this step")
        bar_layout = QVBoxLayout(self.bar)
        bar_layout.setContentsMargins(10, 6, 10, 6)
        bar_layout.addWidget(self.prompt)
        self.bar.hide()
        window.diagram.installEventFilter(self)
        self._index = -1
        window.selection.changed.connect(lambda *_: self._sync())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.window.diagram:
            QTimer.singleShot(0, self, self._place_bar)
        return False

    def _place_bar(self) -> None:
        """The bar across the top of the diagram, as tall as its wrapped prompt needs."""
        view = self.window.diagram
        height = 0
        if not self.bar.isHidden():
            layout = self.bar.layout()
            assert layout is not None
            height = layout.totalHeightForWidth(view.width())
            self.bar.setGeometry(0, 0, view.width(), height)
        if view.viewportMargins().top() != height:
            view.setViewportMargins(0, height, 0, 0)

    # --- queries, for the presenter view and tests ------------------------------------------------
    def index(self) -> int:
        """The step in view (0-based), or -1."""
        if self.lesson is None:
            return -1
        index = self.window.selection.state.stop_index()
        stops = self.window.selection.state.stops
        if index is None or not stops[index].key.startswith(f"{self.lesson.id}:"):
            return -1
        return index

    def step(self, index: int) -> LessonStep | None:
        if self.lesson is None or not 0 <= index < len(self.lesson.steps):
            return None
        return self.lesson.steps[index]

    def text(self) -> str:
        return self.prompt.text() if self.bar.isVisible() else ""

    # --- changes ---------------------------------------------------------------------------------------
    def start(self, lesson: Lesson, step: int = 1) -> None:
        """Open ``lesson`` on ``step`` (1-based)."""
        self.lesson = lesson
        selection = self.window.selection
        selection.lend_stops(self, lesson.stops(selection.content))
        self._index = -1
        self.bar.show()
        self.bar.raise_()
        selection.go_to(min(max(step, 1), len(lesson.steps)) - 1)
        self._sync()

    def end(self) -> None:
        self.lesson = None
        self.window.selection.give_back_stops(self)
        self.bar.hide()
        self._place_bar()
        self._index = -1
        self.stepChanged.emit(-1)

    def _sync(self) -> None:
        lesson = self.lesson
        if lesson is None:
            return
        index = self.index()
        step = self.step(index)
        if step is None:
            self.prompt.setText(f"<b>{esc(lesson.title)}</b> \u2014 Page Down goes on with the lesson")
        else:
            self.prompt.setText(f"<b>Step {index + 1} of {len(lesson.steps)}</b> &nbsp; {esc(step.prompt)}")
        self._place_bar()
        if index != self._index:
            self._index = index
            if step is not None and step.tab:
                self.window.side.show_tab_named(step.tab)
            self.stepChanged.emit(index)
