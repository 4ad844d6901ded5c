"""Study > Review: the cards due today (then new ones), findings first; Show answer reveals the lesion
on the diagram; Again / Hard / Good / Easy (keys 1-4) record the review through FSRS. Cram mode goes
through every card and never touches the schedule."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.model.cards import StudyCard, build_cards
from app.model.cases import load_cases
from app.model.errors import ContentError
from app.model.progress import due_cards
from app.model.ratings import RATINGS
from app.model.state import Change, Hide, Stop
from app.ui import plain, theme
from app.ui.panels.richtext import RichBrowser
from app.ui.selection import SelectionModel
from app.ui.study.keeper import ProgressKeeper
from app.ui.study.stops import give_back, shown_stop


class ReviewPanel(QWidget):
    def __init__(
        self, selection: SelectionModel, keeper: ProgressKeeper, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.setAccessibleName("Review cards")
        self._selection = selection
        self.keeper = keeper
        try:
            cases = load_cases(selection.content)
        except ContentError:
            cases = ()
        self.cards = {card.id: card for card in build_cards(selection.content, cases)}
        self.queue: list[str] = []
        self.reviewed = 0
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("reviewCounts")
        self.counts_label.setWordWrap(True)
        # (short: a check box does not wrap; the counts above say "Cram (schedule untouched)")
        self.cram = QCheckBox("Cram every card", self)
        self.cram.setObjectName("reviewCram")
        self.cram.setToolTip("Go through every card, due or not; your review schedule is left untouched.")
        self.cram.toggled.connect(lambda _: self.start())
        self.kind_label = QLabel(self)
        self.kind_label.setObjectName("reviewKind")
        self.kind_label.setFont(theme.heading_font())
        self.kind_label.setWordWrap(True)
        self.page = RichBrowser("reviewCard", "Card", self)
        self.show_button = QPushButton("Show answer", self)
        self.show_button.setObjectName("reviewShow")
        self.show_button.clicked.connect(self.show_answer)
        self.rating_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for index, rating in enumerate(RATINGS):
            button = QPushButton(f"{index + 1} {rating.capitalize()}", self)
            button.setObjectName(f"review{rating.capitalize()}")
            button.clicked.connect(lambda _=False, r=rating: self.rate(r))
            grid.addWidget(button, index // 2, index % 2)  # two by two: the dock may be narrow
            self.rating_buttons[rating] = button
            QShortcut(QKeySequence(str(index + 1)), self, lambda r=rating: self.rate(r)).setContext(
                Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.cram)
        layout.addWidget(self.kind_label)
        layout.addWidget(self.page, 1)
        layout.addWidget(self.show_button)
        layout.addLayout(grid)
        self.answered = False
        selection.changed.connect(self._on_changed)

    def _on_changed(self, change: Change) -> None:
        """Revealed from elsewhere (Space or Page Down, the classroom keys): the answer shows here too."""
        if change.shown and self.card is not None and not self.answered and not self._selection.shown.hidden:
            stop = shown_stop(self._selection)
            if stop is not None and stop.key == self.card.id:
                self.show_answer()

    # --- the session ------------------------------------------------------------------------------------
    def start(self) -> None:
        """A new session: the due and new cards (every card when cramming)."""
        store = self.keeper.store
        ids = [(c.id, c.kind) for c in self.cards.values()]
        if self.cram.isChecked() or store is None:
            self.queue = [c for c, _ in ids]
        else:
            self.queue, _ = due_cards(store, ids)
        self.reviewed = 0
        self._show_card()

    @property
    def card(self) -> StudyCard | None:
        return self.cards[self.queue[0]] if self.queue else None

    def show_answer(self) -> None:
        card = self.card
        if card is None or self.answered:
            return
        self.answered = True
        self._selection.reveal_all()
        self._render(card, answer=True)

    def rate(self, rating: str) -> None:
        card = self.card
        if card is None or not self.answered:
            return
        if not self.cram.isChecked():
            self.keeper.review(card.id, card.kind, rating)
        self.reviewed += 1
        self.queue.pop(0)
        if rating == "again" and self.cram.isChecked():
            self.queue.append(card.id)  # cramming: see it again at the end
        self._show_card()

    def stop(self) -> None:
        self._selection.set_hide(Hide.NOTHING)
        give_back(self._selection, self, keep_selection=False)

    # --- what the student sees --------------------------------------------------------------------------
    def counts_text(self) -> str:
        mode = "Cram (schedule untouched)" if self.cram.isChecked() else "Review"
        return f"{mode}: {len(self.queue)} to go, {self.reviewed} done this session"

    def _show_card(self) -> None:
        self.answered = False
        self.counts_label.setText(self.counts_text())
        card = self.card
        for button in self.rating_buttons.values():
            button.setEnabled(False)
        if card is None:
            self.kind_label.setText("Nothing due")
            self.page.show_html(
                "<p>No card is due. Come back later, or tick Cram to go through every card.</p>"
            )
            self.show_button.setEnabled(False)
            self._selection.set_hide(Hide.NOTHING)
            return
        self.show_button.setEnabled(True)
        stop = Stop(card.sites, card.disease, card.day, sets_day=True, hide=Hide.LESION, key=card.id)
        self._selection.lend_stops(self, [stop])
        self._selection.go_to(0)
        self._render(card, answer=False)

    def _render(self, card: StudyCard, *, answer: bool) -> None:
        self.kind_label.setText(f"{card.kind.capitalize()} card: where is the lesion?")
        front = "<br>".join(
            plain.escape(line).replace("  ", "&nbsp;&nbsp;") for line in card.front.splitlines()
        )
        back = f"<hr><h2>{plain.escape(card.back)}</h2>" if answer else ""
        self.page.show_html(f"<p>{front}</p>{back}")
        for button in self.rating_buttons.values():
            button.setEnabled(answer)
        self.show_button.setEnabled(not answer)
