"""The lesion sites as a tree in neuraxis order: the diagram's mirror for keyboards and screen readers.

The tree never changes the selection by itself: a click or key asks the selection model, and the
tree then shows the model's state (selected items, a tick, and a marker on a disease's sites).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from app.model.state import Change
from app.ui import plain, theme
from app.ui.panels.wrap_delegate import Cell, WrapDelegate
from app.ui.selection import SelectionModel

SELECTED_MARK = "\u2714 "
DISEASE_MARK = "\u00a0\u00a0\u2022\u00a0disease"
"""Marks the other sites the chosen disease can involve; non-breaking, so it wraps as one."""
SELECT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SitesTree(QTreeWidget):
    """Click selects a site, Ctrl+click adds or removes it; Enter selects, Space adds or removes."""

    def __init__(self, selection: SelectionModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sitesTree")
        self.setAccessibleName("Lesion sites")
        self.setAccessibleDescription(
            "Sites in order down the neuraxis. Enter selects a site, Space adds it to or removes it "
            "from a combined lesion."
        )
        self._selection = selection
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setItemDelegate(
            WrapDelegate(self, self._cell, selected_fill=theme.PANEL_FILL, width_of=self._text_width)
        )
        self._laid_out_width = 0
        self.setExpandsOnDoubleClick(False)

        self._items: dict[str, QTreeWidgetItem] = {}
        self._state: dict[str, tuple[bool, bool]] = {}
        content = selection.content
        for group in content.site_groups:
            parent_item = QTreeWidgetItem(self, [group.name])
            parent_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            parent_item.setData(0, Qt.ItemDataRole.UserRole, "")
            for site in (s for s in content.sites if s.group == group.id):
                item = QTreeWidgetItem(parent_item, [site.name])
                item.setData(0, Qt.ItemDataRole.UserRole, site.id)
                item.setToolTip(0, plain.tooltip(site.level))
                self._items[site.id] = item
                self._state[site.id] = (False, False)
        self.expandAll()

        selection.changed.connect(self._on_changed)
        self._sync()

    # --- public, for tests and the main window ------------------------------------------------
    def item_for(self, site_id: str) -> QTreeWidgetItem:
        return self._items[site_id]

    def selected_sites(self) -> tuple[str, ...]:
        return tuple(site_id for site_id, item in self._items.items() if item.isSelected())

    # --- the view never selects on its own --------------------------------------------------
    def selectionCommand(
        self, index: QModelIndex | QPersistentModelIndex, event: object = None
    ) -> QItemSelectionModel.SelectionFlag:
        return QItemSelectionModel.SelectionFlag.NoUpdate

    def selectAll(self) -> None:
        """Ctrl+A would select every site behind the model's back; combined lesions are built by hand."""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)  # moves the current item (focus) only
        if event.button() != Qt.MouseButton.LeftButton:
            return
        site_id = self._site_at(event)
        if site_id is None:
            return
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._selection.toggle(site_id)
        else:
            self._selection.select(site_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentItem()
        site_id = self._site_of(current) if current is not None else None
        if site_id is not None and event.key() in SELECT_KEYS:
            self._selection.select(site_id)
        elif site_id is not None and event.key() == Qt.Key.Key_Space:
            self._selection.toggle(site_id)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # --- painting: long names wrap instead of being cut short --------------------------------
    def _cell(self, index: QModelIndex | QPersistentModelIndex) -> Cell:
        item = self.itemFromIndex(index)
        return Cell(item.text(0) if item is not None else "", bold=not index.parent().isValid())

    def _text_width(self, index: QModelIndex | QPersistentModelIndex, width: int) -> int:
        depth = 2 if index.parent().isValid() else 1  # the root is decorated: one indent more
        return self.viewport().width() - self.indentation() * depth

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._laid_out_width:
            self._laid_out_width = self.viewport().width()
            self.scheduleDelayedItemsLayout()

    # --- sync ---------------------------------------------------------------------------------
    def _on_changed(self, change: Change) -> None:
        if change.sites or change.disease or change.shown:
            self._sync()

    def _sync(self) -> None:
        shown = self._selection.shown
        chosen = set(shown.sites)
        disease = set(shown.disease_sites)
        self.blockSignals(True)
        try:
            for site_id, item in self._items.items():
                state = (site_id in chosen, site_id in disease)
                if state != self._state[site_id]:
                    self._state[site_id] = state
                    name = self._selection.content.sites_by_id[site_id].name
                    item.setText(
                        0, f"{SELECTED_MARK if state[0] else ''}{name}{DISEASE_MARK if state[1] else ''}"
                    )
                    item.setSelected(state[0])
            if shown.sites:
                last = self._items[shown.sites[-1]]
                self.setCurrentItem(last, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.scrollToItem(last)
        finally:
            self.blockSignals(False)

    def _site_at(self, event: QMouseEvent) -> str | None:
        index = self.indexAt(event.position().toPoint())
        if not index.isValid():
            return None
        item = self.itemFromIndex(index)
        return self._site_of(item)

    @staticmethod
    def _site_of(item: QTreeWidgetItem) -> str | None:
        site_id = item.data(0, Qt.ItemDataRole.UserRole)  # "" on group headings
        return site_id if isinstance(site_id, str) and site_id else None
