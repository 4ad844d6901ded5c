"""Diseases that can involve the selected sites; choosing one shows its typical sites and details."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.model.content import DiseaseInfo
from app.model.sides import READING_ORDER
from app.model.state import EVERYTHING, Change
from app.ui import theme
from app.ui.panels.base import FollowingPanel
from app.ui.panels.richtext import Cites, RichBrowser, badges, esc, section
from app.ui.panels.wrap_delegate import Cell, WrapDelegate
from app.ui.selection import SelectionModel

MARK = "\u25cf "
"""Marks, in the full list, the diseases that can involve the selected sites."""
CHOSEN = "\u2714 "
KEEP_CAPTION = "Choose another disease to compare, or select a site to list only its diseases."
CHECKBOX_STYLE = "QCheckBox { spacing: 8px; } QCheckBox::indicator { width: 22px; height: 22px; }"
"""A 22 px box: easier to hit and to see from the back of a hall than the style's 13 px one."""
CHOOSE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
HIDDEN = "<p><b>What this disease looks like is hidden until the findings are revealed.</b></p>"
HINT = (
    "<p>Choose a disease (click it, or move to it with the arrow keys and press Enter or Space) "
    "to see the sites it typically strikes and what it looks like.</p>"
)


class _DiseaseList(QListWidget):
    """A list that reports Enter / Space on the current item as a choice. Like the sites tree it
    never selects by itself: the highlighted item is always the chosen disease."""

    chosen = Signal(QListWidgetItem)

    def selectionCommand(
        self, index: QModelIndex | QPersistentModelIndex, event: object = None
    ) -> QItemSelectionModel.SelectionFlag:
        return QItemSelectionModel.SelectionFlag.NoUpdate

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem() if event.key() in CHOOSE_KEYS else None
        if item is not None:
            self.chosen.emit(item)
            event.accept()
            return
        super().keyPressEvent(event)


class DiseasesPanel(FollowingPanel):
    """Associated diseases: a list filtered by the selected sites, and the chosen disease's details."""

    def __init__(self, selection: SelectionModel, parent: QWidget | None = None) -> None:
        super().__init__(selection, "diseasesPanel", "Associated diseases", parent)
        self._listed: tuple[str, ...] | None = None
        self._items: dict[str, QListWidgetItem] = {}

        self._caption = QLabel(self)
        self._caption.setObjectName("diseasesCaption")
        self._caption.setWordWrap(True)
        self._caption.setTextFormat(Qt.TextFormat.PlainText)
        self._show_all = QCheckBox("Show all diseases", self)
        self._show_all.setObjectName("showAllDiseases")
        self._show_all.setStyleSheet(CHECKBOX_STYLE)
        self._show_all.toggled.connect(self._show_all_toggled)

        self._list = _DiseaseList(self)
        self._list.setObjectName("diseasesList")
        self._list.setAccessibleName("Diseases")
        self._list.setWordWrap(True)
        self._list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list.setUniformItemSizes(False)
        self._list.setResizeMode(QListView.ResizeMode.Adjust)
        self._list.setItemDelegate(
            WrapDelegate(self._list, self._cell, selected_fill=theme.PANEL_FILL, width_of=self._text_width)
        )
        self._list.itemClicked.connect(self._choose)
        self._list.chosen.connect(self._choose)

        self._details = RichBrowser("diseaseDetails", "Details of the chosen disease", self)
        self._details.add_swatches(selection.content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._caption)
        layout.addWidget(self._show_all)
        layout.addWidget(self._list, 2)
        layout.addWidget(self._details, 3)

        self._sync(EVERYTHING)

    # --- public, for tests and the main window ------------------------------------------------
    def list_widget(self) -> QListWidget:
        self._flush()
        return self._list

    def item_for(self, disease_id: str) -> QListWidgetItem | None:
        self._flush()
        return self._items.get(disease_id)

    def shown_diseases(self) -> tuple[str, ...]:
        self._flush()
        return self._listed or ()

    def details_text(self) -> str:
        self._flush()
        return self._details.toPlainText()

    # --- sync ---------------------------------------------------------------------------------
    def _sync(self, change: Change = EVERYTHING) -> None:
        if change.sites or change.disease or change.shown:
            sel = self._selection
            # Choosing a disease keeps the list as it was, so one can step through diseases.
            keep = sel.shown.disease is not None and sel.shown.disease in (self._listed or ())
            self._update_list(keep=keep)
        self._details.show_html(self._render())

    def _show_all_toggled(self) -> None:
        self._update_list(keep=False)

    def _wanted(self) -> tuple[str, ...]:
        sel = self._selection
        if self._show_all.isChecked() or not sel.shown.sites:
            return tuple(d.id for d in sel.content.diseases)
        wanted = {d.id for d in sel.content.diseases_at(sel.shown.sites)}
        if sel.shown.disease:
            wanted.add(sel.shown.disease)
        return tuple(d.id for d in sel.content.diseases if d.id in wanted)

    def _update_list(self, *, keep: bool) -> None:
        sel = self._selection
        content = sel.content
        show_all = self._show_all.isChecked()
        involved = (
            {d.id for d in content.diseases_at(sel.shown.sites)} if show_all and sel.shown.sites else set()
        )
        if keep:
            self._caption.setText(KEEP_CAPTION)
        else:
            wanted = self._wanted()
            self._caption.setText(self._caption_text(len(wanted)))
            if wanted != self._listed:
                self._rebuild(wanted)
        self._list.blockSignals(True)
        try:
            for disease_id, item in self._items.items():
                chosen = disease_id == sel.shown.disease
                label = self._label(
                    content.diseases_by_id[disease_id], chosen=chosen, marked=disease_id in involved
                )
                if item.text() != label:
                    item.setText(label)
                item.setSelected(chosen)
            current = self._items.get(sel.shown.disease or "")
            if current is not None:
                self._list.setCurrentItem(current, QItemSelectionModel.SelectionFlag.NoUpdate)
                self._list.scrollToItem(current)
        finally:
            self._list.blockSignals(False)

    def _caption_text(self, count: int) -> str:
        total = len(self._selection.content.diseases)
        if self._show_all.isChecked():
            return "All diseases; \u25cf marks those that can involve the selected sites."
        if not self._selection.shown.sites:
            return "All diseases. Select a site to see only the diseases that can involve it."
        if count:
            return f"{count} of {total} diseases can involve the selected sites."
        return "No disease in the catalogue involves the selected sites. Tick the box to see them all."

    def _rebuild(self, wanted: tuple[str, ...]) -> None:
        self._list.clear()
        self._items.clear()
        for disease_id in wanted:
            item = QListWidgetItem(self._list)
            item.setData(Qt.ItemDataRole.UserRole, disease_id)
            self._items[disease_id] = item
        self._listed = wanted

    def _label(self, disease: DiseaseInfo, *, chosen: bool, marked: bool) -> str:
        mark = CHOSEN if chosen else MARK if marked else ""
        if not self._selection.shown.explained:  # the types would hint at the hidden findings
            return f"{mark}{disease.name}"
        shorts = "\u00a0+\u00a0".join(self._selection.content.lesion_types[t].short for t in disease.lesions)
        return f"{mark}{disease.name}\u00a0\u2014\u00a0{shorts}"  # the types never wrap apart

    def _cell(self, index: QModelIndex | QPersistentModelIndex) -> Cell:
        item = self._list.itemFromIndex(index)
        return Cell(item.text() if item is not None else "")

    def _text_width(self, index: QModelIndex | QPersistentModelIndex, width: int) -> int:
        return self._list.viewport().width()

    def _choose(self, item: QListWidgetItem) -> None:
        disease_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(disease_id, str):
            self._selection.choose_disease(disease_id)

    def _render(self) -> str:
        sel = self._selection
        if sel.shown.disease is None:
            return HINT
        content = sel.content
        disease = content.diseases_by_id[sel.shown.disease]
        if not sel.shown.explained:
            return f"<h2>{esc(disease.name)}</h2>{HIDDEN}"
        cites = Cites(content.references)
        sites = ", ".join(content.sites_by_id[s].name for s in disease.sites)
        typical = ", ".join(content.sites_by_id[s].name for s in disease.typical)
        return "".join(
            (
                f"<h2>{esc(disease.name)}</h2>",
                f"<p>{badges(content, disease.lesions)}</p>",
                cites.paragraphs(disease.summary),
                section("Key features", cites.bullets(disease.features)),
                cites.disagreement(disease.disagreement),
                section(
                    "Typical presentation", f"<p>Shown on the diagram: {esc(typical)}.</p>{self._spread()}"
                ),
                section("Sites it can involve", f"<p>{esc(sites)}</p>"),
                cites.references(),
            )
        )

    def _spread(self) -> str:
        """Where the typical sites cause signs, by side: a one-line summary of the findings."""
        findings = self._selection.shown.findings
        content = self._selection.content
        lines = []
        for side in READING_ORDER:
            regions = [content.regions_by_id[f.region].name.lower() for f in findings.for_side(side)]
            if regions:
                lines.append(f"<li>{side.capitalize()} side: {esc(', '.join(regions))}</li>")
        return f"<p>Signs expected in:</p><ul>{''.join(lines)}</ul>" if lines else ""
