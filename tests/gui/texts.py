"""Everything a window says, as the user (or a screen reader) could read it: widget texts, the window
title, tool tips, status bar, accessible names and descriptions, item texts of lists, trees, tables
and combo boxes, tab titles, and the text items of graphics scenes (diagram labels, plot legends)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QTabBar,
    QTableWidget,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItemIterator,
    QWidget,
)


def _path(widget: QWidget) -> str:
    parts = []
    node: QWidget | None = widget
    while node is not None:
        parent = node.parentWidget()
        siblings = parent.findChildren(type(node)) if parent is not None else []
        index = siblings.index(node) if node in siblings else 0
        parts.append(f"{type(node).__name__}:{node.objectName()}:{index}")
        node = parent
    return "/".join(reversed(parts))


def _own_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    yield "tooltip", widget.toolTip()
    yield "accessible-name", widget.accessibleName()
    yield "accessible-description", widget.accessibleDescription()
    yield "status-tip", widget.statusTip()
    if isinstance(widget, QMainWindow):
        yield "title", widget.windowTitle()
    if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
        yield "text", widget.text()
    if isinstance(widget, QTextEdit):
        yield "text", widget.toPlainText()
    text = getattr(widget, "text", None)
    if callable(text) and not isinstance(widget, QLabel | QAbstractButton | QLineEdit | QTextEdit):
        try:
            value = text()
        except TypeError:
            value = None
        if isinstance(value, str):
            yield "text", value
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield f"tab{i}", widget.tabText(i)
            yield f"tab{i}-tip", widget.tabToolTip(i)
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield f"item{i}", widget.itemText(i)
        yield "current", widget.currentText()
    if isinstance(widget, QListWidget):
        for i in range(widget.count()):
            list_item = widget.item(i)
            yield f"item{i}", list_item.text()
            yield f"item{i}-tip", list_item.toolTip()
    if isinstance(widget, QTreeWidget):
        iterator = QTreeWidgetItemIterator(widget)
        i = 0
        while (tree_item := iterator.value()) is not None:
            yield f"item{i}", tree_item.text(0)
            yield f"item{i}-tip", tree_item.toolTip(0)
            i += 1
            iterator += 1
    if isinstance(widget, QTableWidget):
        for row in range(widget.rowCount()):
            for col in range(widget.columnCount()):
                cell = widget.item(row, col)
                if cell is not None:
                    yield f"cell{row},{col}", cell.text()
        for col in range(widget.columnCount()):
            header = widget.horizontalHeaderItem(col)
            if header is not None:
                yield f"header{col}", header.text()
                yield f"header{col}-tip", header.toolTip()
        label = getattr(widget.horizontalHeader(), "label", None)
        if callable(label):
            for col in range(widget.columnCount()):
                yield f"drawn-header{col}", label(col)
    if isinstance(widget, QGraphicsView) and widget.scene() is not None:
        for i, scene_item in enumerate(widget.scene().items()):  # in stacking order
            if not scene_item.isVisible():
                continue
            yield f"scene{i}-tip", scene_item.toolTip()
            if isinstance(scene_item, QGraphicsTextItem):
                yield f"scene{i}", scene_item.toPlainText()
            elif isinstance(scene_item, QGraphicsSimpleTextItem):
                yield f"scene{i}", scene_item.text()
            for attribute in ("text", "format"):  # pyqtgraph LabelItem.text, InfiniteLine label format
                value = getattr(scene_item, attribute, None)
                if isinstance(value, str):
                    yield f"scene{i}-{attribute}", value


def window_texts(window: QWidget) -> dict[str, str]:
    """Every text the window and its descendants show, keyed by where it is shown."""
    found: dict[str, str] = {}
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisibleTo(window) and widget is not window:
            continue
        base = _path(widget)
        for key, value in _own_texts(widget):
            if value:
                found[f"{base}#{key}"] = value
    return found


def leaks(hidden: dict[str, str], baseline: dict[str, str], terms: set[str]) -> list[str]:
    """Texts that name one of ``terms`` (as whole words, any case) and that the window with nothing
    selected did not show. Reference material that is always there (the comparison table, the FAQ,
    the key, the list of sites) is in the baseline too, so only what the selection added can leak."""
    patterns = {term: re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.IGNORECASE) for term in terms}
    before = set(baseline.values())
    found = []
    for key, text in hidden.items():
        named = sorted(term for term, pattern in patterns.items() if pattern.search(text))
        if named and text not in before:
            found.append(f"{key}: {named} in {text[:160]!r}")
    return found
