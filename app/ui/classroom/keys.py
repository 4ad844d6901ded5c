"""Clicker keys that work whatever widget has the focus.

Presentation clickers send Page Down / Page Up (some send N / P, B for a black screen); a teacher who
touched a panel must not find that the clicker now scrolls that panel or moves the day slider. The
filter sits on the widget that has the focus (it follows the focus) and on each window, so it takes
these keys before that widget (and before the window's shortcuts) sees them. (An application-wide
filter would do the same, but every event of every object would then pass through Python: about
25 ms of the start-up and a share of every click.)

- Page Down / N: the next reveal step while something is hidden, else the next stop; Page Up / P back;
- Space: the next reveal step while something is hidden, unless the focused widget acts on Space
  itself (a button or check box presses, a list selects, a combo box opens, the diagram and the
  pictures pick the part in focus): a student who tabbed to Check must not get the solution;
- Escape: clears the selection (a menu or combo popup, or a dialog, closes first);
- B / W: blank the window to black / white until any key or click;
- H: hide the findings (predict, then reveal) or show everything again; not while a question waits
  for an answer (its lesion is hidden: hiding the findings instead would show it);
- D, L and the pen's keys: see :mod:`app.ui.classroom.pen`.

Letters and Space still type into a text field; panels still scroll with the wheel and scroll bars.
The diagram keeps its own Page Down / Page Up / Escape, which also move its keyboard focus.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

from app.model.state import Hide
from app.ui.classroom.blank import BlankScreen
from app.ui.classroom.pen import PenOverlay
from app.ui.pickable_view import PickableView
from app.ui.selection import SelectionModel

Key = Qt.Key
LETTERS = (Key.Key_N, Key.Key_P, Key.Key_B, Key.Key_W, Key.Key_H, Key.Key_Space)


def is_text_input(widget: QWidget | None) -> bool:
    """A widget where letters are typed: keys go to it, not to the clicker. (Spin boxes and combo
    boxes are asked of Qt by class name: naming their Python classes here would create them, and
    their enums, at start-up, for a window that starts with none.)"""
    if widget is None:
        return False
    if isinstance(widget, QLineEdit) or widget.inherits("QAbstractSpinBox"):
        return True
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    return widget.inherits("QComboBox") and bool(widget.property("editable"))


def acts_on_space(widget: QWidget | None) -> bool:
    """A widget that does something with Space itself: it keeps Space, the clicker does not take it."""
    if widget is None:
        return False
    acting = isinstance(widget, QAbstractButton | QAbstractItemView | PickableView)
    return acting or widget.inherits("QComboBox")


class ClickerKeys(QObject):
    """The clicker's event filter for one window: on the widget that has the focus and on each clicker
    window (see the module docstring)."""

    def __init__(self, window: QMainWindow, selection: SelectionModel, diagram: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.windows: set[QWidget] = set()
        """The windows whose keys are the clicker's (the presenter view joins: :meth:`add_window`)."""
        self.selection = selection
        self.diagram = diagram
        self.pen = PenOverlay(window, selection)
        self.blank = BlankScreen(window)
        self.add_window(window)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._watched: QWidget | None = None
        self._follow_focus(None, app.focusWidget())
        app.focusChanged.connect(self._follow_focus)
        window.destroyed.connect(lambda *_: app.focusChanged.disconnect(self._follow_focus))

    def add_window(self, window: QWidget) -> None:
        """The clicker keys work in ``window`` too (the keys go to it when nothing in it has the focus)."""
        self.windows.add(window)
        window.installEventFilter(self)

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Keys go to the focus widget first: watch it, and only it, besides the windows."""
        old = self._watched
        if old is not None and old not in self.windows and isValid(old):
            old.removeEventFilter(self)
        self._watched = new
        if new is not None:
            new.installEventFilter(self)

    # --- what each key does ------------------------------------------------------------------------
    def toggle_hide_findings(self) -> None:
        if self.selection.state.answer_size:  # a question's lesion is hidden: this would show it
            return
        hidden = self.selection.shown.hide is Hide.FINDINGS
        self.selection.set_hide(Hide.NOTHING if hidden else Hide.FINDINGS)

    def command(self, event: QKeyEvent, focus: QWidget | None) -> Callable[[], None] | None:
        """What ``event`` does for the classroom, or None to leave it to the focused widget."""
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        typing = is_text_input(focus)
        pen = None if typing else self.pen.command(key, modifiers)
        if pen is not None:
            return pen
        if (
            modifiers != Qt.KeyboardModifier.NoModifier
            # the diagram steps too, and moves its keyboard focus along
            or (focus is self.diagram and key in (Key.Key_PageDown, Key.Key_PageUp, Key.Key_Escape))
            or (key == Key.Key_Escape and isinstance(focus, QLineEdit) and focus.text())
            or (typing and key in LETTERS)
            or (key == Key.Key_Space and acts_on_space(focus))
        ):
            return None
        selection = self.selection
        if key == Key.Key_Space:
            return selection.reveal_next if selection.shown.hidden else None
        commands: dict[int, Callable[[], None]] = {
            Key.Key_PageDown: lambda: selection.advance(1),
            Key.Key_N: lambda: selection.advance(1),
            Key.Key_PageUp: lambda: selection.advance(-1),
            Key.Key_P: lambda: selection.advance(-1),
            Key.Key_Escape: selection.clear,
            Key.Key_B: lambda: self.blank.blank("black"),
            Key.Key_W: lambda: self.blank.blank("white"),
            Key.Key_H: self.toggle_hide_findings,
        }
        return commands.get(key)

    # --- the filter --------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if not isinstance(watched, QWidget) or watched.window() not in self.windows:
            return False
        focus = QApplication.focusWidget()  # decides, not ``watched``: a key ignored by a widget
        # reaches its parents, and each is asked again with the same answer
        assert isinstance(event, QKeyEvent)
        if self.blank.isVisible():  # any key brings the window back, and does nothing else
            if kind == QEvent.Type.KeyPress:
                self.blank.hide()
            event.accept()
            return True
        if QApplication.activePopupWidget() is not None or QApplication.activeModalWidget() is not None:
            return False
        command = self.command(event, focus)
        if command is None:
            return False
        event.accept()
        if kind == QEvent.Type.KeyPress:
            command()
        return True
