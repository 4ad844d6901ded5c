"""Study > Localise: tick findings (region, side, sign or sensory loss) and see the sites and pairs of
sites that explain them, ranked as a neurologist reasons, each with what it explains, misses and adds;
the best candidates light up on the diagram (through the shared selection)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.model.findings import Engine
from app.model.localize import Candidate, Localizer
from app.model.quiz import Atom, QuizBank
from app.ui.selection import SelectionModel

LIT = 5
"""How many of the best candidates light up on the diagram."""


class LocalisePanel(QWidget):
    def __init__(self, selection: SelectionModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("localisePanel")
        self.setAccessibleName("Localise from findings")
        self._selection = selection
        content = selection.content
        self.localizer = Localizer(QuizBank(Engine(content)))
        self.candidates: list[Candidate] = []

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("localiseFindings")
        self.tree.setAccessibleName("Findings to tick")
        self.tree.setHeaderLabel("Tick the findings")
        self._items: dict[Atom, QTreeWidgetItem] = {}
        for (region, side), atoms in self.localizer.options().items():
            parent_item = QTreeWidgetItem(
                self.tree, [f"{side.capitalize()} {content.regions_by_id[region].name.lower()}"]
            )
            for atom in atoms:
                item = QTreeWidgetItem(parent_item, [self.atom_text(atom, with_place=False)])
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Unchecked)
                item.setData(0, Qt.ItemDataRole.UserRole, atom)
                self._items[atom] = item
        self.tree.itemChanged.connect(lambda *_: self.update_candidates())
        self.summary = QLabel("Tick findings to see which lesions explain them.", self)
        self.summary.setObjectName("localiseSummary")
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("localiseCandidates")
        self.list.setAccessibleName("Candidate lesions, best first")
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._light_row)
        clear = QPushButton("Clear the ticks", self)
        clear.setObjectName("localiseClear")
        clear.clicked.connect(self.clear)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.tree)
        box = QWidget(split)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.summary)
        inner.addWidget(self.list)
        split.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        layout.addWidget(clear)

    def item(self, atom: Atom) -> QTreeWidgetItem:
        return self._items[atom]

    def atom_text(self, atom: Atom, *, with_place: bool = True) -> str:
        content = self._selection.content
        region, side, kind, item = atom
        what = content.signs_by_id[item].name if kind == "sign" else f"{content.modalities[item].name} lost"
        if not with_place:
            return what
        return f"{side} {content.regions_by_id[region].name.lower()}: {what.lower()}"

    def ticked(self) -> frozenset[Atom]:
        return frozenset(a for a, item in self._items.items() if item.checkState(0) == Qt.CheckState.Checked)

    def clear(self) -> None:
        self.tree.blockSignals(True)
        for item in self._items.values():
            item.setCheckState(0, Qt.CheckState.Unchecked)
        self.tree.blockSignals(False)
        self.update_candidates()

    def update_candidates(self) -> None:
        ticked = self.ticked()
        self.candidates = self.localizer.candidates(ticked, self._selection.day)
        names = self._selection.content.sites_by_id
        self.list.blockSignals(True)
        self.list.clear()
        for rank, c in enumerate(self.candidates, 1):
            sites = " + ".join(names[s].name for s in c.sites)
            head = (
                f"{rank}. {sites}: explains all {len(c.explains)}"
                if not c.missing
                else f"{rank}. {sites}: explains {len(c.explains)} of {len(ticked)}"
            )
            lines = [head]
            if c.missing:
                lines.append("   misses: " + "; ".join(self.atom_text(a) for a in sorted(c.missing)))
            if c.extra:
                shown = sorted(c.extra)
                more = f" and {len(shown) - 4} more" if len(shown) > 4 else ""
                lines.append("   adds: " + "; ".join(self.atom_text(a) for a in shown[:4]) + more)
            else:
                lines.append("   adds nothing that was not ticked")
            row = QListWidgetItem("\n".join(lines), self.list)
            row.setToolTip("Explains: " + "; ".join(self.atom_text(a) for a in sorted(c.explains)))
        self.list.blockSignals(False)
        if not ticked:
            self.summary.setText("Tick findings to see which lesions explain them.")
        elif self.candidates:
            self.summary.setText(
                f"{len(self.candidates)} best explanations, best first; the first {LIT} light up."
            )
        else:
            self.summary.setText("No site or pair of sites explains these findings.")
        self._selection.light_up(s for c in self.candidates[:LIT] for s in c.sites)

    def _light_row(self, row: int) -> None:
        if 0 <= row < len(self.candidates):
            self._selection.light_up(self.candidates[row].sites)

    def stop(self) -> None:
        self._selection.light_up(())
