"""Presentation mode (F5, ``--present``) and the text scale (Ctrl+Shift+Plus / Minus).

For a lecture hall: the window goes full screen without menus or status bar; all text grows to a
scale fitted to the screen (26 px body text on a 1280x720 projector); the projector profile draws
lines twice as heavy with dark borders; the expected signs take their compact form so that every
affected region shows at once beside the diagram and the body map; the other panels are one key
away (T). The diagram zooms just enough for its labels to be read from the back (about 20 px on a
720-line projector), centred on what is selected.

Outside presentation mode the text scale is the user's own, remembered between runs.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, QSize, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel

from app.ui import theme
from app.ui.settings import Settings

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

SCALE_KEY = "view/textScale"
SCALE_STEP = 0.1
FITTED_PX_AT_720 = 26
"""Body text on a 1280x720 projector: the back row of a lecture hall reads it."""
REFERENCE = QSize(1280, 720)
MAX_GLYPH_DEVICE_PX = 64
"""Qt's raster engine caches glyphs up to 64 device pixels; larger ones are drawn as paths."""
DIAGRAM_LABEL_UNITS = 22.0
"""The smallest label of the neuraxis drawing, in its own units (font-size 22)."""
LABEL_PX_PER_SCALE = 20 / (FITTED_PX_AT_720 / theme.BASE_FONT_PX)
"""Diagram labels at least 20 px at the scale fitted to 1280x720, proportionally at other scales."""
DIAGRAM_SHARE = 0.52
FRAME_MARGIN = 0.08
"""The selection is re-centred when it comes closer than this share of the view to an edge."""
BODY_SHARE = 0.3
"""The body map's share of the width beside the signs (figure only: its key and prompt are hidden)."""


def fitted_scale(size: QSize, device_ratio: float = 1.0) -> float:
    """The text scale for a screen of ``size`` logical pixels: 26 px text at 1280x720, in proportion
    elsewhere (the smaller of the two ratios), within 100-250 %, in steps of 5 %. On a HiDPI screen
    body text stays within :data:`MAX_GLYPH_DEVICE_PX` device pixels (still 3 % of a 4K screen's
    height): Qt fills larger glyphs as paths, which made each step on 4K about three times slower."""
    ratio = min(size.width() / REFERENCE.width(), size.height() / REFERENCE.height())
    scale = FITTED_PX_AT_720 / theme.BASE_FONT_PX * ratio
    if device_ratio > 1.0:
        scale = min(scale, MAX_GLYPH_DEVICE_PX / (theme.BASE_FONT_PX * device_ratio))
    return min(max(math.ceil(scale * 20 - 1e-9) / 20, theme.MIN_SCALE), theme.MAX_SCALE)


class Presentation(QObject):
    changed = Signal(bool)
    """Presentation mode was entered (True) or left (False)."""

    def __init__(self, window: MainWindow, settings: Settings | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings or Settings()
        self.on = False
        self.tabs_shown = False
        self.normal_scale = min(max(self.settings.get(SCALE_KEY, 1.0), theme.MIN_SCALE), theme.MAX_SCALE)
        self._was_full_screen = False
        self._made_full_screen = False
        self._normal_geometry = QRect()
        """The window's place and size before presentation mode made it full screen."""
        # The drawing's own "Patient's right / left" leave the view when it zooms: these stay in its
        # bottom corners (laterality is what the class must not lose).
        self.sides = (
            QLabel("\u25c0 Patient's right", window.diagram),
            QLabel("Patient's left \u25b6", window.diagram),
        )
        for label, name in zip(self.sides, ("presentRight", "presentLeft"), strict=True):
            label.setObjectName(name)
            label.setStyleSheet(
                f"#{name} {{ background: {theme.BACKGROUND}; color: {theme.TEXT}; font-weight: bold;"
                f" border: 2px solid {theme.PROJECTOR_BORDER}; border-radius: 4px; padding: 2px 6px; }}"
            )
            label.hide()
        window.installEventFilter(self)
        window.diagram.installEventFilter(self)
        window.selection.changed.connect(lambda *_: self._frame_diagram())
        if self.normal_scale != theme.text_scale():
            self._apply(self.normal_scale)

    @property
    def scale(self) -> float:
        return theme.text_scale()

    # --- the text scale -------------------------------------------------------------------------
    def _apply(self, scale: float) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        theme.apply(app, scale, projector=self.on)
        self._layout()

    def change_scale(self, steps: int) -> None:
        """Ctrl+Shift+Plus / Minus: 10 % larger or smaller (remembered outside presentation mode)."""
        scale = min(max(round((self.scale + steps * SCALE_STEP) * 20) / 20, theme.MIN_SCALE), theme.MAX_SCALE)
        if not self.on:
            self.normal_scale = scale
            self.settings.set(SCALE_KEY, scale)
            self.settings.save()
        self._apply(scale)

    # --- presentation mode ------------------------------------------------------------------------
    def toggle(self) -> None:
        if self.on:
            self.leave()
        else:
            self.enter()

    def enter(self, size: QSize | None = None, *, full_screen: bool = True) -> None:
        """``size``: the logical size the window will have (default: its screen's)."""
        if self.on:
            return
        window = self.window
        side = window.side
        self.on = True
        self._was_full_screen = window.isFullScreen()
        window.menuBar().hide()
        window.statusBar().hide()
        side.body.set_figure_only(True)
        side.setProperty("bodyBeside", True)
        window.diagram.scroll_bars = False
        side._place_body(True)
        side.signs.set_compact(True)
        self.tabs_shown = False
        side.tabs.hide()
        self._made_full_screen = full_screen and not self._was_full_screen
        if self._made_full_screen:
            self._normal_geometry = window.geometry()
            window.showFullScreen()
        screen = size or window.screen().size()
        self._apply(fitted_scale(screen, theme.device_ratio()))
        self.changed.emit(True)

    def leave(self) -> None:
        if not self.on:
            return
        window = self.window
        side = window.side
        self.on = False
        window.menuBar().show()
        window.statusBar().show()
        # The default proportions first, so that every resize below lays the window out as normal
        # (kept from presentation mode, a wider column took the body map beside the signs, where its
        # key, narrow and tall, made the window taller than it was).
        for splitter in (window.splitter, side, side.top):
            splitter.setProperty("userResized", False)
        side.setProperty("bodyBeside", False)
        window.keep_proportions()
        side.fit_proportions()
        side.body.set_figure_only(False)
        side.signs.set_compact(False)
        side.tabs.show()
        if self._made_full_screen:
            window.showNormal()
            # Where and how large it was, now: without a window manager (a kiosk session, Xvfb, the
            # offscreen platform) the window kept the full screen's size.
            window.setGeometry(self._normal_geometry)
        self._apply(self.normal_scale)
        window.diagram.scroll_bars = True
        window.diagram.reset_zoom()
        for label in self.sides:
            label.hide()
        QTimer.singleShot(0, self, self._normal_proportions)  # once the layouts have settled
        self.changed.emit(False)

    def _normal_proportions(self) -> None:
        if not self.on:
            self.window.keep_proportions()
            self.window.side.fit_proportions()

    def toggle_tabs(self) -> None:
        """T in presentation mode: the other panels (Compare, Course, Cord...) below the signs, or not."""
        if not self.on:
            return
        self.tabs_shown = not self.tabs_shown
        self.window.side.tabs.setVisible(self.tabs_shown)
        self._layout()

    # --- layout -------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.on and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self._layout)
        return False

    def _layout(self) -> None:
        if not self.on:
            return
        window = self.window
        side = window.side
        width = window.splitter.width()
        if width > 0:
            window.splitter.setProperty("userResized", True)
            window.splitter.setSizes([round(width * DIAGRAM_SHARE), width - round(width * DIAGRAM_SHARE)])
        for splitter in (side, side.top):
            splitter.setProperty("userResized", True)
        height = side.height()
        side.setSizes([height // 2, height - height // 2] if self.tabs_shown else [height, 0])
        top = side.top.width()
        side.top.setSizes([round(top * BODY_SHARE), top - round(top * BODY_SHARE)])
        self._frame_diagram()

    def _frame_diagram(self) -> None:
        """Zoom the diagram until its labels reach the target size, centred on the selection."""
        if not self.on:
            return
        view = self.window.diagram
        scene = view.sceneRect()
        port = view.viewport().rect()
        if scene.isEmpty() or port.isEmpty():
            return
        fit = min(port.width() / scene.width(), port.height() / scene.height())
        zoom = LABEL_PX_PER_SCALE * self.scale / (DIAGRAM_LABEL_UNITS * fit)
        if abs(view.zoom - max(zoom, 1.0)) > 1e-3:
            view.set_zoom(zoom)
        shown = self.window.selection.shown.sites
        area = QRectF()
        for site in shown:
            area = area.united(view.item(site).path().boundingRect())
        if area.isEmpty():
            area = scene
        # Pan only when the selection is not already well inside the view: consecutive sites are
        # often neighbours, and a still view repaints only the marks that changed.
        on_screen = view.mapFromScene(area).boundingRect()
        margin = round(min(port.width(), port.height()) * FRAME_MARGIN)
        if not port.adjusted(margin, margin, -margin, -margin).contains(on_screen):
            view.centerOn(area.center())
        frame = view.viewport().geometry()
        for label, left in zip(self.sides, (True, False), strict=True):
            label.adjustSize()
            x = frame.left() + 6 if left else frame.right() - label.width() - 6
            label.move(x, frame.bottom() - label.height() - 6)
            label.show()
            label.raise_()
