"""What the panels share: following the selection lazily, and static one-page panels."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.panels.richtext import RichBrowser
from app.ui.selection import Change, SelectionModel

EVERYTHING = Change(sites=True, disease=True)


class FollowingPanel(QWidget):
    """A panel that follows the selection. While hidden (another tab in front) it only notes that
    it is stale and catches up when shown, so a click costs only the panels in view."""

    def __init__(
        self, selection: SelectionModel, object_name: str, accessible_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(accessible_name)
        self._selection = selection
        self._stale = False
        selection.changed.connect(self._on_changed)

    def _sync(self, change: Change = EVERYTHING) -> None:
        raise NotImplementedError

    def _on_changed(self, change: Change) -> None:
        if self.isVisible():
            self._sync(change)
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        self._flush()
        super().showEvent(event)

    def _flush(self) -> None:
        if self._stale:
            self._stale = False
            self._sync(EVERYTHING)


class StaticPage(QWidget):
    """One read-only rich-text page, built once (FAQ, references)."""

    def __init__(
        self, names: tuple[str, str], text_names: tuple[str, str], html: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(names[0])
        self.setAccessibleName(names[1])
        self._browser = RichBrowser(text_names[0], text_names[1], self)
        self._browser.show_html(html)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._browser)

    def text(self) -> str:
        return self._browser.toPlainText()

    def browser(self) -> RichBrowser:
        return self._browser
