"""What the panels share: following the selection lazily, and static one-page panels."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from app.model.state import EVERYTHING, Change
from app.ui import plain, theme
from app.ui.panels.richtext import RichBrowser
from app.ui.selection import SelectionModel


class FollowingPanel(QWidget):
    """A panel that follows the selection. While hidden (another tab in front) it only notes that
    it is stale and catches up when shown, so a click costs only the panels in view. Changes of
    the day since onset, or of the region asked about, reach only panels that show them."""

    FOLLOWS_DAY = False
    """Set by panels whose content depends on the day since onset (signs, plots)."""
    FOLLOWS_PROBE = False
    """Set by panels that show the region reverse look-up (body map)."""

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
        relevant = (
            change.sites
            or change.disease
            or change.shown
            or (change.day and self.FOLLOWS_DAY)
            or (change.probe and self.FOLLOWS_PROBE)
        )
        if not relevant:
            return
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


class Caption(QWidget):
    """A few lines of wrapped text whose changes only repaint: a QLabel asks its layout to recompute
    on every new text, which re-lays out and repaints the whole panel (several ms per change)."""

    def __init__(self, parent: QWidget | None = None, *, lines: int = 2, bold: bool = False) -> None:
        super().__init__(parent)
        self._text = ""
        self._lines = lines
        if bold:
            font = QFont(self.font())
            font.setBold(True)
            self.setFont(font)
        self._fit()

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text != self._text:
            wrapped = self._wrapped_lines(self.width())
            self._text = text
            self.setAccessibleDescription(text)
            self.setToolTip(plain.tooltip(text) if self._lines == 1 else "")
            if self._wrapped_lines(self.width()) != wrapped:
                self.updateGeometry()  # a narrow panel wraps it onto more lines: never clipped
            self.update()

    def _wrapped_lines(self, width: int) -> int:
        """``lines``, or more when the text wraps onto more at ``width``."""
        if self._lines == 1 or not self._text or width <= 4:
            return self._lines
        metrics = QFontMetrics(self.font())
        wrapped = metrics.boundingRect(QRect(0, 0, width - 4, 100_000), Qt.TextFlag.TextWordWrap, self._text)
        return max(self._lines, -(-wrapped.height() // metrics.lineSpacing()))

    def _height(self, lines: int) -> int:
        return lines * QFontMetrics(self.font()).lineSpacing() + 6

    def _fit(self) -> None:
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(self._lines > 1)
        self.setSizePolicy(policy)
        self.setMinimumHeight(self._height(self._lines))
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height(self._wrapped_lines(self.width())))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self._height(self._lines))

    def hasHeightForWidth(self) -> bool:
        return self._lines > 1

    def heightForWidth(self, width: int) -> int:
        return self._height(self._wrapped_lines(width))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The layout keeps the size hint it was given (its height is fixed to it), worked out at
        the width before: at a width that wraps the text onto another number of lines, it must ask
        again (else a third line is cut off)."""
        super().resizeEvent(event)
        old, new = event.oldSize().width(), event.size().width()
        if self._lines > 1 and old != new and self._wrapped_lines(old) != self._wrapped_lines(new):
            self.updateGeometry()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(QColor(theme.TEXT))
        box = self.rect().adjusted(2, 2, -2, -2)
        if self._lines == 1:  # one line never wraps out of sight: it ends in an ellipsis instead
            shown = self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight, box.width())
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
        else:
            painter.drawText(box, Qt.TextFlag.TextWordWrap, self._text)
        painter.end()
