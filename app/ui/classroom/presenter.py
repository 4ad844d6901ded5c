"""The presenter view (View > Presenter view): a second window for the teacher's own screen.

It shows what the class must not see: the step's notes with their sources, the next step, what is
hidden (the lesion's real name while the class localises it) and how far the reveal is, and a timer.
It follows the same selection model as the main window, which shows only what the class should see;
the clicker keys work from either window.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.model.state import Hide, subject_name
from app.ui import theme
from app.ui.panels.richtext import Cites, RichBrowser, esc

if TYPE_CHECKING:
    from app.ui.classroom.lesson import LessonRunner
    from app.ui.main_window import MainWindow


class PresenterView(QWidget):
    def __init__(self, window: MainWindow, runner: LessonRunner) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("presenterView")
        self.setWindowTitle("Neuraxis - presenter view")
        self.setAccessibleName("Presenter view: notes, next step, reveal state and timer")
        self.main = window
        self.runner = runner
        self.clock = QLabel(self)
        self.clock.setObjectName("presenterTimer")
        theme.make_heading(self.clock)
        restart = QPushButton("Restart the timer", self)
        restart.clicked.connect(self.restart_timer)
        self.state = QLabel(self)
        self.state.setObjectName("presenterState")
        self.state.setWordWrap(True)
        self.notes = RichBrowser("presenterNotes", "Notes for the teacher", self)
        self.next = QLabel(self)
        self.next.setObjectName("presenterNext")
        self.next.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.clock, 1)
        top.addWidget(restart)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.state)
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.next)
        self._started = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        window.selection.changed.connect(lambda *_: self.sync())
        runner.stepChanged.connect(lambda *_: self.sync())
        self.resize(900, 700)
        self._tick()
        self.sync()

    def restart_timer(self) -> None:
        self._started = time.monotonic()
        self._tick()

    def _tick(self) -> None:
        seconds = int(time.monotonic() - self._started)
        self.clock.setText(f"{seconds // 60:02d}:{seconds % 60:02d}")

    def text(self) -> str:
        """Everything the view says (for tests)."""
        labels = (self.clock, self.state, self.next)
        clock, state, following = (QTextDocumentFragment.fromHtml(x.text()).toPlainText() for x in labels)
        return "\n".join((clock, state, self.notes.toPlainText(), following))

    def sync(self) -> None:
        selection = self.main.selection
        shown = selection.shown
        content = selection.content
        lesson = self.runner.lesson
        index = self.runner.index()
        truth = selection.state.subject
        lines = []
        if lesson is not None:
            where = f"Step {index + 1} of {len(lesson.steps)}" if index >= 0 else "Off the lesson's steps"
            lines.append(f"<b>{esc(lesson.title)}</b> \u2014 {where}")
        lines.append(f"<b>Selected:</b> {esc(truth) if truth else 'nothing selected'}")
        if shown.hide is not Hide.NOTHING:
            hidden = "the findings" if shown.hide is Hide.FINDINGS else "the lesion"
            lines.append(f"<b>Hidden from the class:</b> {hidden} ({esc(shown.reveal_text())})")
        step = self.runner.step(index)
        if step is not None and step.tab:
            lines.append(
                f"<b>This step's panel:</b> {esc(step.tab.capitalize())} (T shows the panels when presenting)"
            )
        self.state.setText("<br>".join(lines))
        cites = Cites(content.references)
        if step is None:
            self.notes.show_html(
                "<p class='muted'>No notes: start a lesson (View &gt; Classroom &gt; Lessons).</p>"
            )
        else:
            body = f"<h3>{esc(step.prompt)}</h3>" + cites.paragraphs(step.notes)
            keys = ", ".join(esc(key) for key in step.sources)
            self.notes.show_html(body + f"<p class='small'>Sources: {keys}</p>" + cites.references("Sources"))
        following = self.runner.step(index + 1) if lesson is not None else None
        if following is None:
            self.next.setText("<b>Next:</b> end of the lesson" if lesson is not None else "")
        else:
            name = (
                subject_name(content, following.sites, following.disease)
                if following.sites or following.disease
                else ""
            )
            self.next.setText(f"<b>Next ({index + 2}):</b> {esc(name)} \u2014 {esc(following.prompt)}")
