"""Study > Find the lesion: the findings of a hidden lesion show in the usual panels; the student
picks sites on the diagram (or in the sites list), checks, and gets feedback derived by comparing
findings: every equivalent answer is right, a wrong one earns partial credit with the reasons.

The questions are stops of the shared selection, shown with the lesion hidden; while the quiz runs,
picks make up the answer instead of selecting (:meth:`SelectionModel.set_answering`). This panel
never talks to another panel.
"""

from __future__ import annotations

import html
import random

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.model.findings import Engine
from app.model.quiz import LEVEL_SIZE, LEVELS, Grade, Question, QuizBank
from app.model.quiz_session import CROSS, TICK, QuizSession
from app.model.state import Change, Hide
from app.ui import theme
from app.ui.selection import SelectionModel
from app.ui.study.keeper import ProgressKeeper
from app.ui.study.narrow import narrow_choices
from app.ui.study.stops import give_back, shown_stop


def _label(name: str, parent: QWidget, *, rich: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class FindLesionPanel(QWidget):
    def __init__(
        self, selection: SelectionModel, keeper: ProgressKeeper | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.keeper = keeper
        self.setObjectName("findLesion")
        self.setAccessibleName("Find the lesion")
        self._selection = selection
        self.bank = QuizBank(Engine(selection.content))
        self.session: QuizSession | None = None
        self._feedback: dict[str, str] = {}

        self.level_box = QComboBox(self)
        self.level_box.setObjectName("quizLevel")
        self.level_box.setAccessibleName("Level")
        narrow_choices(self.level_box)
        for level, name in LEVELS.items():
            self.level_box.addItem(f"Level {level}: {name}", level)
        self.level_box.activated.connect(lambda _: self.start(self.level_box.currentData()))
        self.question_label = _label("quizQuestion", self)
        self.question_label.setFont(theme.heading_font())
        self.answer_label = _label("quizAnswer", self)
        self.hints_label = _label("quizHints", self)
        self.feedback_label = _label("quizFeedback", self, rich=True)
        self.score_label = _label("quizScore", self)
        self.marks_label = _label("quizMarks", self)
        self.marks_label.setAccessibleName("Ticks and crosses of the answers so far")
        marks_font = theme.heading_font()
        self.marks_label.setFont(marks_font)

        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        actions = (
            ("Check", self.check, "Compare your answer's findings with the question's"),
            ("Hint", self.hint, "One hint at a time: side, level, lesion type"),
            ("Retry", self.retry, "Clear your answer and try again (the first check counts)"),
            ("Solution", self.solution, "Show the lesion on the diagram"),
            ("Next", self.next_question, "The next question (Page Down once revealed)"),
        )
        for index, (text, slot, tip) in enumerate(actions):
            button = QPushButton(text, self)
            button.setObjectName(f"quiz{text}")
            button.setToolTip(tip)
            button.clicked.connect(slot)
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[text] = button

        layout = QVBoxLayout(self)
        layout.addWidget(self.level_box)
        layout.addWidget(self.question_label)
        layout.addWidget(self.answer_label)
        layout.addLayout(grid)
        layout.addWidget(self.hints_label)
        layout.addWidget(self.feedback_label, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.score_label)
        layout.addWidget(self.marks_label)
        selection.changed.connect(self._sync)

    # --- the quiz ---------------------------------------------------------------------------------------
    def start(self, level: int, seed: int | None = None) -> None:
        """A new round of questions of ``level``, from its first question."""
        seed = seed if seed is not None else random.SystemRandom().randrange(2**31)
        self.level_box.setCurrentIndex(list(LEVELS).index(level))
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # two-lesion rounds take a second
        try:
            self.session = QuizSession(self.bank, level, seed)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._feedback.clear()
        self._selection.lend_stops(self, self.session.stops())
        self._selection.set_answering(LEVEL_SIZE[level])
        self._selection.go_to(0)
        self._sync()

    def _moved_away(self) -> None:
        """The selection left the quiz's questions (a disease chosen elsewhere...): the quiz ends, so
        clicks select again."""
        if self.session is not None and self.question is None:
            self.stop(keep_selection=True)

    def stop(self, *, keep_selection: bool = False) -> None:
        """Back to what was there before: picks select again, nothing hidden, and the stops from before
        the quiz (every site, or the steps of a lesson it interrupted, on the step that was shown)."""
        if self.session is None:
            return
        self.session = None
        self._selection.set_answering(0)
        self._selection.set_hide(Hide.NOTHING)
        give_back(self._selection, self, keep_selection=keep_selection)

    @property
    def question(self) -> Question | None:
        stop = shown_stop(self._selection)
        if self.session is None or stop is None:
            return None
        return self.session.by_id(stop.key)

    def check(self) -> None:
        question, answer = self.question, self._selection.shown.answer
        if question is None or self.session is None or not answer:
            return
        first = question.id not in self.session.results
        grade = self.session.check(question, answer)
        if first and self.keeper is not None:
            self.keeper.result(
                "quiz", question.id, question.level, correct=grade.correct, credit=grade.credit
            )
        self._feedback[question.id] = self._grade_html(question, grade)
        if grade.correct:
            self._selection.reveal_all()
        self._sync()

    def hint(self) -> None:
        question = self.question
        if question is None or self.session is None:
            return
        self.session.hint(question)
        self._sync()

    def retry(self) -> None:
        question = self.question
        if question is None:
            return
        self._feedback.pop(question.id, None)
        self._selection.set_answer(())
        self._selection.set_hide(Hide.LESION)
        self._sync()

    def solution(self) -> None:
        question = self.question
        if question is None or self.session is None:
            return
        if question.id not in self.session.results and self.keeper is not None:
            self.keeper.result("quiz", question.id, question.level, correct=False, credit=0.0)
        self.session.give_up(question)
        names = " or ".join(self._names(a) for a in question.accepted)
        self._feedback[question.id] = f"<p><b>Solution:</b> {html.escape(names)}.</p>"
        self._selection.reveal_all()
        self._sync()

    def next_question(self) -> None:
        if self.session is None:
            return
        stop = self._selection.state.stop_index()
        if stop is not None and stop + 1 >= len(self.session.questions):
            self.session.seed += 1
            more = self.bank.questions(self.session.level, len(self.session.questions), self.session.seed)
            self.session.questions += more
            self._selection.lend_stops(self, self.session.stops())
            self._selection.go_to(stop + 1)
        else:
            self._selection.step(1)

    # --- what the student sees --------------------------------------------------------------------------
    def _names(self, sites: tuple[str, ...]) -> str:
        return " + ".join(self._selection.content.sites_by_id[s].name for s in sites)

    def _grade_html(self, question: Question, grade: Grade) -> str:
        if grade.correct:
            others = [a for a in question.accepted if set(a) != set(grade.solution)]
            same = f" Also right, with the same findings: {self._names(others[0])}." if others else ""
            return f"<p><b>{TICK} Correct.</b> The findings are the same.{html.escape(same)}</p>"
        reasons = "".join(f"<li>{html.escape(r)}</li>" for r in grade.reasons)
        percent = round(grade.credit * 100)
        return (
            f"<p><b>{CROSS} Not quite: {percent}% of the findings.</b> {grade.found} of {grade.of} "
            f"sites found.</p><ul>{reasons}</ul>"
            f"<p><b>The answer:</b> {html.escape(self._names(grade.solution))}.</p>"
        )

    def _sync(self, change: Change | None = None) -> None:
        session, question = self.session, self.question
        running = session is not None and question is not None
        for button in self.buttons.values():
            button.setEnabled(running)
        if session is not None and question is None:
            QTimer.singleShot(0, self, self._moved_away)
        if session is None or question is None:
            self.question_label.setText("Choose a level to start.")
            for label in (self.answer_label, self.hints_label, self.feedback_label, self.marks_label):
                label.setText("")
            self.score_label.setText("")
            return
        if not self._selection.shown.hidden and question.id not in session.results:
            self.solution()  # revealed from elsewhere (Space, Page Down): as if the solution was asked for
            return
        index = (self._selection.state.stop_index() or 0) + 1
        size = LEVEL_SIZE[question.level]
        day = "" if question.day is None else f", day {question.day} after onset"
        pick = "the site that explains" if size == 1 else f"the {size} sites that explain"
        self.question_label.setText(f"Question {index}{day}: click {pick} these findings, then Check.")
        answer = self._selection.shown.answer
        self.answer_label.setText(f"Your answer: {self._names(answer) if answer else 'none yet'}")
        hints = session.given_hints(question)
        self.hints_label.setText("\n".join(hints))
        self.buttons["Hint"].setEnabled(len(hints) < len(self.bank.hints(question)))
        self.buttons["Check"].setEnabled(bool(answer) and self._selection.shown.hidden)
        self.feedback_label.setText(self._feedback.get(question.id, ""))
        self.score_label.setText(session.score_text())
        self.marks_label.setText(session.marks())
