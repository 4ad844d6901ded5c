"""An SVG view whose parts can be pointed at, focused and picked, by mouse and by keyboard: the base of
the neuraxis diagram, the body map and the cord cross-section.

The mouse hovers a part (its name shows in a label) and picks it with a click. The keyboard moves a
visible focus between parts (Tab and Shift+Tab in order, arrow keys to a neighbour) and picks the
focused part with Enter or Space. The focus ring shows only while the keyboard drives the view, as
CSS ``:focus-visible`` does: a mouse click leaves no ring behind.

Subclasses say how a part is marked (:meth:`mark`), what its label says (:meth:`show_label`), which
part an arrow key goes to (:meth:`neighbour`) and what picking does (:meth:`pick`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QWidget

from app.ui.svg_view import SvgView

ARROWS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
PICK_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


class PickableView(SvgView):
    def __init__(
        self, svg_path: Path, view_box: tuple[float, float, float, float], parent: QWidget | None = None
    ) -> None:
        super().__init__(svg_path, view_box, parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.parts: dict[str, QGraphicsPathItem] = {}
        """Every pickable part by key, in :attr:`order`."""
        self.order: list[str] = []
        self.hovered: str | None = None
        self.focused: str | None = None
        self._keyboard = False

    def add_part(self, key: str, item: QGraphicsPathItem) -> None:
        item.setData(0, key)
        self.scene().addItem(item)
        self.parts[key] = item
        self.order.append(key)

    # --- what subclasses decide -----------------------------------------------------------------------
    def mark(self, key: str, state: str, on: bool) -> None:
        """Show or clear ``state`` ("hovered" or "focused") on a part."""
        raise NotImplementedError

    def show_label(self, key: str | None) -> None:
        """Show the label of the part under the pointer or keyboard focus (None: hide it)."""
        raise NotImplementedError

    def neighbour(self, key: str, dx: int, dy: int) -> str:
        """The part an arrow key goes to from ``key`` (``key`` itself when there is none)."""
        raise NotImplementedError

    def pick(self, key: str, modifiers: Qt.KeyboardModifier) -> None:
        """A click on a part, or Enter / Space on the focused part."""
        raise NotImplementedError

    def focus_start(self) -> str | None:
        """Where the keyboard focus starts when the view gets it with none set yet."""
        return self.order[0] if self.order else None

    # --- queries, for owners and tests -------------------------------------------------------------------
    def part_at(self, pos: QPoint) -> str | None:
        for item in self.items(pos):
            key = self._key_of(item)
            if key is not None:
                return key
        return None

    def part_center(self, key: str) -> QPoint:
        """A viewport position where ``key`` is the part hit (for clicking it)."""
        item = self.parts[key]
        return self.point_inside(item, item.path())

    def _key_of(self, item: QGraphicsItem) -> str | None:
        key = item.data(0)
        return key if isinstance(key, str) and self.parts.get(key) is item else None

    # --- hover and focus ----------------------------------------------------------------------------------
    def focus_visible(self) -> bool:
        return self._keyboard and self.hasFocus()

    def set_hovered(self, key: str | None) -> None:
        if key == self.hovered:
            return
        if self.hovered:
            self.mark(self.hovered, "hovered", False)
        self.hovered = key
        if key:
            self.mark(key, "hovered", True)
        self.refresh_label()

    def set_focused(self, key: str | None) -> None:
        if self.focused:
            self.mark(self.focused, "focused", False)
        self.focused = key
        if key and self.focus_visible():
            self.mark(key, "focused", True)
            self.ensureVisible(self.parts[key].path().boundingRect(), 40, 40)
        self.refresh_label()

    def refresh_label(self) -> None:
        self.show_label(self.hovered or (self.focused if self.focus_visible() else None))

    def _use_keyboard(self) -> None:
        if not self._keyboard:
            self._keyboard = True
            self.set_focused(self.focused)

    # --- events ---------------------------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.set_hovered(self.part_at(event.position().toPoint()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: object) -> None:
        self.set_hovered(None)
        super().leaveEvent(event)  # type: ignore[arg-type]

    def mousePressEvent(self, event: QMouseEvent) -> None:
        key = (
            self.part_at(event.position().toPoint()) if event.button() == Qt.MouseButton.LeftButton else None
        )
        if key is None:
            super().mousePressEvent(event)
            return
        self._keyboard = False
        self.set_focused(key)  # the keyboard goes on from the part clicked
        self.pick(key, event.modifiers())
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            self._keyboard = True
        elif event.reason() == Qt.FocusReason.MouseFocusReason:
            self._keyboard = False
        self.set_focused(self.focused or self.focus_start())

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.focused:
            self.mark(self.focused, "focused", False)
        self.refresh_label()

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's signature
        """Tab and Shift+Tab move between the parts; past the last one, on to the next widget."""
        if self.hasFocus() and self.order:
            self._keyboard = True
            index = self.order.index(self.focused) + (1 if next else -1) if self.focused else 0
            if 0 <= index < len(self.order):
                self.set_focused(self.order[index])
                return True
        return super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        current = self.focused or self.focus_start()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if current is None or (key not in ARROWS and key not in PICK_KEYS) or (key in ARROWS and ctrl):
            super().keyPressEvent(event)
            return
        self._use_keyboard()
        if key in ARROWS:
            self.set_focused(self.neighbour(current, *ARROWS[key]))
        else:
            self.set_focused(current)
            self.pick(current, event.modifiers())
        event.accept()

    def transform_changed(self) -> None:
        self.refresh_label()
