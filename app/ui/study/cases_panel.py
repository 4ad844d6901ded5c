"""Study > Cases: a clinical case worked through in four steps - the history, picking the significant
findings of the examination, localising on the diagram (picks make up the answer, as in find the
lesion), then feedback and the discussion with its sources. The case's findings show in the usual
panels with the lesion hidden."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.model.case_study import CROSS, STEPS, TICK, CaseStudy
from app.model.cases import Case, load_cases
from app.model.errors import ContentError
from app.model.findings import Engine
from app.model.quiz import QuizBank
from app.model.state import Change, Hide
from app.ui import plain, theme
from app.ui.panels.richtext import Cites, RichBrowser
from app.ui.selection import SelectionModel
from app.ui.study.keeper import ProgressKeeper
from app.ui.study.narrow import narrow_choices
from app.ui.study.stops import give_back, shown_stop


class CasesPanel(QWidget):
    def __init__(
        self, selection: SelectionModel, keeper: ProgressKeeper | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.keeper = keeper
        self.setObjectName("casesPanel")
        self.setAccessibleName("Clinical cases")
        self._selection = selection
        self.bank = QuizBank(Engine(selection.content))
        self.study: CaseStudy | None = None
        self.problem = ""
        try:
            self.cases: tuple[Case, ...] = load_cases(selection.content)
        except ContentError as error:
            self.cases = ()
            self.problem = str(error.problems[0]) if error.problems else str(error)

        self.case_box = QComboBox(self)
        self.case_box.setObjectName("caseChoice")
        self.case_box.setAccessibleName("Case")
        narrow_choices(self.case_box)
        for case in self.cases:
            self.case_box.addItem(f"{case.title} (level {case.level})", case.id)
        self.case_box.activated.connect(lambda index: self.open_case(self.cases[index].id))
        self.step_label = QLabel(self)
        self.step_label.setObjectName("caseStep")
        self.step_label.setFont(theme.heading_font())
        self.step_label.setWordWrap(True)
        self.page = RichBrowser("caseText", "Case text", self)
        self.exam = QListWidget(self)
        self.exam.setObjectName("caseExam")
        self.exam.setAccessibleName("Examination findings: tick the significant ones")
        self.exam.setWordWrap(True)
        self.answer_label = QLabel(self)
        self.answer_label.setObjectName("caseAnswer")
        self.answer_label.setWordWrap(True)
        self.feedback = QLabel(self)
        self.feedback.setObjectName("caseFeedback")
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.RichText)
        self.back_button = QPushButton("Back", self)
        self.back_button.setObjectName("caseBack")
        self.back_button.clicked.connect(lambda: self.go(-1))
        self.action_button = QPushButton("Examine", self)
        self.action_button.setObjectName("caseAction")
        self.action_button.clicked.connect(self.act)
        self._lay_out()
        selection.changed.connect(self._on_changed)
        self._show()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.case_box)
        layout.addWidget(self.step_label)
        layout.addWidget(self.page, 2)
        layout.addWidget(self.exam, 2)
        layout.addWidget(self.answer_label)
        layout.addWidget(self.feedback)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addWidget(self.action_button)
        layout.addLayout(row)

    # --- the steps ---------------------------------------------------------------------------------------
    def open_case(self, case_id: str) -> None:
        case = next(c for c in self.cases if c.id == case_id)
        self.case_box.setCurrentIndex(self.cases.index(case))
        self.study = CaseStudy(self.bank, case)
        self._selection.lend_stops(self, [self.study.stop()])
        self._selection.set_answering(len(case.answer.sites))
        self._selection.go_to(0)
        self.exam.clear()
        for text in self.study.exam():
            item = QListWidgetItem(text, self.exam)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.feedback.setText("")
        self._show()

    def close_case(self, *, keep_selection: bool = False) -> None:
        if self.study is None:
            return
        self.study = None
        self._selection.set_answering(0)
        self._selection.set_hide(Hide.NOTHING)
        give_back(self._selection, self, keep_selection=keep_selection)

    def go(self, delta: int) -> None:
        if self.study is not None:
            self.study.step = max(0, min(len(STEPS) - 1, self.study.step + delta))
            self._show()

    def act(self) -> None:
        """The step's main button: examine, check the picks, check the localisation, next case."""
        study = self.study
        if study is None:
            return
        if study.step == 0:
            self.go(1)
        elif study.step == 1:
            if study.picks is None:
                picked = {
                    i
                    for i in range(self.exam.count())
                    if self.exam.item(i).checkState() == Qt.CheckState.Checked
                }
                for index, text in enumerate(study.check_picks(picked)):
                    self.exam.item(index).setText(text)
                self._show()
            else:
                self.go(1)
        elif study.step == 2:
            self._check_localisation(study)
        else:
            index = (self.cases.index(study.case) + 1) % len(self.cases)
            self.open_case(self.cases[index].id)

    def _check_localisation(self, study: CaseStudy) -> None:
        answer = self._selection.shown.answer
        if not answer:
            return
        first = study.grade is None
        grade = study.localise(answer)
        if first and self.keeper is not None:
            case = study.case
            self.keeper.result("case", case.id, case.level, correct=grade.correct, credit=grade.credit)
        names = " + ".join(self._selection.content.sites_by_id[s].name for s in study.case.answer.sites)
        if grade.correct:
            text = f"<p><b>{TICK} Correct.</b> The findings of your answer are those of the case.</p>"
        else:
            reasons = "".join(f"<li>{plain.escape(r)}</li>" for r in grade.reasons)
            text = (
                f"<p><b>{CROSS} Not quite: {round(grade.credit * 100)}% of the findings.</b> "
                f"{grade.found} of {grade.of} sites found.</p><ul>{reasons}</ul>"
            )
        self.feedback.setText(text + f"<p><b>The lesion:</b> {plain.escape(names)}.</p>")
        self._selection.reveal_all()
        self.go(1)

    # --- what the student sees --------------------------------------------------------------------------
    def _on_changed(self, change: Change) -> None:
        if self.study is not None and shown_stop(self._selection) is None:
            QTimer.singleShot(0, self, self._moved_away)
        if change.shown and self.study is not None:
            self._show_answer()

    def _moved_away(self) -> None:
        """The selection left the case (a disease chosen elsewhere...): the case ends, so clicks
        select again."""
        if self.study is not None and shown_stop(self._selection) is None:
            self.close_case(keep_selection=True)
            self._show()

    def _show_answer(self) -> None:
        answer = self._selection.shown.answer
        names = " + ".join(self._selection.content.sites_by_id[s].name for s in answer)
        self.answer_label.setText(f"Your answer: {names or 'none yet'}")

    def _show(self) -> None:
        study = self.study
        if study is None:
            self.step_label.setText(self.problem or "Choose a case.")
            self.page.show_html("")
            for widget in (self.exam, self.answer_label, self.feedback, self.back_button):
                widget.hide()
            self.action_button.setEnabled(False)
            return
        case, step = study.case, study.step
        self.step_label.setText(f"Step {step + 1} of {len(STEPS)}: {STEPS[step]}")
        cites = Cites(self._selection.content.references)
        if step == len(STEPS) - 1:
            body = (
                f"<h2>{plain.escape(case.title)}</h2>"
                + cites.paragraphs(case.discussion)
                + cites.references()
            )
        else:
            history = "".join(f"<p>{plain.escape(p)}</p>" for p in case.history)
            body = f"<h2>{plain.escape(case.title)}</h2>{history}"
        self.page.show_html(body)
        self.page.setVisible(step != 1)
        self.exam.setVisible(step == 1)
        self.answer_label.setVisible(step == 2)
        self.feedback.setVisible(step == len(STEPS) - 1)
        self.back_button.setVisible(step > 0)
        self.action_button.setEnabled(True)
        checked = study.picks is not None
        labels = ("Examine", "Check my picks" if not checked else "Localise", "Check", "Next case")
        self.action_button.setText(labels[step])
        if step == 1 and checked:
            self.step_label.setText(f"{self.step_label.text()} \u2014 {study.picks_summary()}")
        self._show_answer()
