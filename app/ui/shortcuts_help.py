"""Help > Keyboard shortcuts (F1): every key the window answers to, read from its actions.

The list is built when it is opened, from the window's actions (their shortcuts, or the key an
action names after a tab in its text, as menus show keys that an event filter handles), so a
shortcut added anywhere appears here without editing this file. Only the keys of the diagram's own
keyboard focus (Tab, arrows, Enter), which are not actions, are written out by hand.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from app.ui import theme

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QMainWindow

DIAGRAM_KEYS = (
    ("Click", "select a lesion site"),
    ("Ctrl+click", "add or remove a site (combined lesions)"),
    ("Tab, arrow keys", "move along the neuraxis (and between body regions)"),
    ("Enter, Space", "select the focused site (Ctrl adds it)"),
    ("Page Down / Page Up", "select the next / previous site"),
    ("Escape", "clear the selection"),
    ("Ctrl + wheel", "zoom the diagram"),
)
"""Keys of the diagram's keyboard focus and mouse: not actions, so listed here."""


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _menu_paths(window: QMainWindow) -> dict[QAction, str]:
    """Each action in the menu bar with the menu it sits in ("View > Classroom")."""
    paths: dict[QAction, str] = {}

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{where} > {_plain(sub.title())}")
            elif not action.isSeparator():
                paths.setdefault(action, where)

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, _plain(menu.title()))
    return paths


def action_shortcuts(window: QMainWindow) -> list[tuple[str, str, str]]:
    """``(keys, what it does, menu)`` for every action of the window that has a key, in menu order
    (actions outside the menus last)."""
    paths = _menu_paths(window)
    actions = list(paths) + [a for a in window.findChildren(QAction) if a not in paths]
    rows: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for action in actions:
        text, _, shown_key = _plain(action.text()).partition("\t")
        keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
        if shown_key and shown_key not in keys:
            keys.append(shown_key)
        keys = [k for k in keys if k]
        if not keys or not text:
            continue
        row = (", ".join(keys), text.rstrip("."))
        if row not in seen:
            seen.add(row)
            rows.append((*row, paths.get(action, "")))
    return rows


def shortcuts_html(window: QMainWindow) -> str:
    def table(rows: list[tuple[str, str, str]]) -> str:
        cells = "".join(
            f"<tr><td><b>{escape(keys)}</b></td><td>{escape(what)}</td>"
            f"<td><span style='color: {theme.MUTED_TEXT}'>{escape(where)}</span></td></tr>"
            for keys, what, where in rows
        )
        return f"<table cellpadding='4'>{cells}</table>"

    diagram = [(keys, what, "") for keys, what in DIAGRAM_KEYS]
    return (
        "<h3>Commands</h3>"
        + table(action_shortcuts(window))
        + "<h3>Diagram and body map</h3>"
        + table(diagram)
    )


def shortcuts_dialog(window: QMainWindow) -> QDialog:
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

    dialog = QDialog(window)
    dialog.setObjectName("shortcutsDialog")
    dialog.setWindowTitle("Keyboard shortcuts")
    text = QTextBrowser()
    text.setObjectName("shortcutsText")
    text.setOpenLinks(False)
    text.setHtml(shortcuts_html(window))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    available = window.screen().availableGeometry()
    dialog.resize(min(720, available.width() - 40), min(640, available.height() - 60))
    return dialog


def show_shortcuts(window: QMainWindow) -> None:
    shortcuts_dialog(window).exec()
