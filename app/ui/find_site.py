"""Find a site or a disease by name (Ctrl+F): a field that filters the 60+ sites and the diseases as
you type, and selects on Enter.

A small popup opens over the top of the diagram: the field, and the matches under it. Up / Down move
through the matches, Enter (or a click) selects the highlighted one (Ctrl+Enter adds a site to the
selection), Escape closes. The popup never calls a panel: it asks the selection model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from app.model.search import DISEASE, SITE, Match, find
from app.ui.selection import SelectionModel

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

WIDTH_PX = 460
ROWS_SHOWN = 10
MATCH_ROLE = Qt.ItemDataRole.UserRole
NAV_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


class FindPopup(QFrame):
    """The search field and its list of matches, as a popup window."""

    def __init__(self, selection: SelectionModel, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("findPopup")
        self.setFrameShape(QFrame.Shape.Box)
        self._selection = selection
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText("Find a site or disease by name")
        self.field.setAccessibleName("Find a lesion site or a disease by name")
        self.field.setClearButtonEnabled(True)
        self.matches = QListWidget(self)
        self.matches.setObjectName("findMatches")
        self.matches.setAccessibleName("Sites and diseases that match")
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the keyboard
        self.matches.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matches.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.hint = QLabel(self)
        self.hint.setObjectName("findHint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)  # it repeats what was typed, as typed
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.field)
        layout.addWidget(self.matches)
        layout.addWidget(self.hint)
        self.field.textChanged.connect(self._filter)
        self.field.installEventFilter(self)
        self.matches.itemClicked.connect(lambda item: self._choose(item, Qt.KeyboardModifier.NoModifier))

    # --- what the user sees --------------------------------------------------------------------------
    def shown_names(self) -> list[str]:
        return [self.matches.item(i).text() for i in range(self.matches.count())]

    def _filter(self, text: str) -> None:
        self.matches.clear()
        found = find(self._selection.content, text)
        for match in found:
            label = match.name if match.kind == SITE else f"{match.name} (disease)"
            item = QListWidgetItem(label)
            item.setData(MATCH_ROLE, match)
            self.matches.addItem(item)
        count = self.matches.count()
        if count:
            self.matches.setCurrentRow(0)
            keys = "Enter selects the highlighted one; Up and Down move; Escape closes."
            if found[0].close:  # only near spellings of what was typed
                keys = f"Nothing is called \u201c{text.strip()}\u201d; these are close. {keys}"
            self.hint.setText(keys)
        else:
            self.hint.setText(f"Nothing is called \u201c{text.strip()}\u201d.")
        rows = max(1, min(ROWS_SHOWN, count))
        self.matches.setFixedHeight(rows * self.matches.sizeHintForRow(0) + 2 * self.matches.frameWidth() + 2)
        self.adjustSize()

    # --- keys ------------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in NAV_KEYS:
                self.matches.keyPressEvent(event)  # moves the highlighted match
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.matches.currentItem()
                if item is not None:
                    self._choose(item, event.modifiers())
                return True
        return False

    def _choose(self, item: QListWidgetItem, modifiers: Qt.KeyboardModifier) -> None:
        match = item.data(MATCH_ROLE)
        assert isinstance(match, Match)
        if match.kind == DISEASE:
            self._selection.choose_disease(match.id)
        elif modifiers & Qt.KeyboardModifier.ControlModifier:
            self._selection.toggle(match.id)
        else:
            self._selection.select(match.id)
        self.close()

    def open_over(self, anchor: QWidget) -> None:
        """Show at the top centre of ``anchor`` (the diagram), with the field empty and focused, and
        every name listed (filled here, not at start-up)."""
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self._filter("")
        self.setFixedWidth(min(WIDTH_PX, max(240, anchor.width() - 16)))
        self.adjustSize()
        top = anchor.mapToGlobal(QPoint((anchor.width() - self.width()) // 2, 8))
        self.move(top)
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)


def _selection_menu(window: MainWindow) -> QMenu:
    from app.ui.menu_bar import top_menu

    menu = top_menu(window, "Selection")
    assert menu is not None
    return menu


def install_find(window: MainWindow) -> FindPopup:
    """The popup, and its command (Ctrl+F) at the top of the Selection menu."""
    popup = FindPopup(window.selection, window)
    action = QAction("Find a site or disease...", window)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))  # Ctrl+F (Cmd+F on a Mac)
    action.triggered.connect(lambda: popup.open_over(window.diagram))
    window.addAction(action)
    menu = _selection_menu(window)
    existing = menu.actions()
    if existing:
        menu.insertAction(existing[0], action)
        menu.insertSeparator(existing[0])
    else:
        menu.addAction(action)
    return popup
