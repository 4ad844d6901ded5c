"""Colours, patterns and fonts: projector-friendly (white background, near-black text,
heavy strokes) and never colour alone - every lesion type also has a label and a pattern."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.qt_process import STYLE, STYLED_PROPERTY

BACKGROUND = "#ffffff"
TEXT = "#111111"
MUTED_TEXT = "#3d3d3d"
PANEL_FILL = "#c1d9ff"
"""PhET projector-mode panel fill (193, 217, 255)."""
ACCENT = "#0b4f9c"
SELECTED = "#c2185b"
"""Selected lesion sites on the diagram: magenta, thick solid outline and hatching."""
HOVER = "#111111"
FOCUS = "#0b4f9c"
DISEASE_SITE = "#00695c"
"""Other sites the chosen disease can involve: teal, dotted outline."""
PROBE = "#1a237e"
"""Sites that would weaken the body region the user asked about: indigo, dash-dot, light fill."""
ANSWER = "#e65100"
"""Sites a student picked as the hidden lesion: dark orange, dashed outline, cross-hatching."""
DISAGREEMENT_FILL = "#fff0d6"

LESION_COLOURS = {"UMN": "#1f4e9c", "LMN": "#a64500", "NMJ": "#6a3d9a", "muscle": "#1b6e38"}
PATTERNS = {
    "diagonal": Qt.BrushStyle.BDiagPattern,
    "crosshatch": Qt.BrushStyle.DiagCrossPattern,
    "dots": Qt.BrushStyle.Dense5Pattern,
    "horizontal": Qt.BrushStyle.HorPattern,
}

FONT_FAMILY = "DejaVu Sans"
BASE_FONT_PX = 16
"""Body text at 100 %: above 1/50 of a 720-line projector image (14.4 px) for the back row."""
HEADING_FONT_PX = 21
MIN_SCALE, MAX_SCALE = 1.0, 2.5
"""The text scale setting (Ctrl+Shift+Plus / Minus, presentation mode): 100-250 %."""
HEADING_PROPERTY = "nxHeading"


class _Look:
    """The text scale and the projector profile in force (set by :func:`apply`)."""

    scale = 1.0
    projector = False


def text_scale() -> float:
    return _Look.scale


def projector() -> bool:
    return _Look.projector


def px(size: float) -> int:
    """``size`` (a pixel size at 100 %) at the current text scale."""
    return round(size * _Look.scale)


def device_ratio() -> float:
    """Device pixels per logical pixel of the application's screen (2 on a 4K screen at 200 %)."""
    app = QApplication.instance()
    return app.devicePixelRatio() if isinstance(app, QApplication) else 1.0


def line_weight() -> float:
    """What a cosmetic pen width (counted in device pixels) is multiplied by: the device pixel ratio,
    so lines keep their weight on a HiDPI screen, and twice that in the projector profile."""
    return device_ratio() * pattern_weight()


def pattern_weight() -> float:
    """Hatching is drawn this many times heavier (thicker lines, same look): 2 in the projector profile.
    Patterns are painted with :data:`QPainter.RenderHint.NonCosmeticBrushPatterns`, so they already
    follow the device pixel ratio (Qt's default draws them 1 device pixel thin: half weight on 4K)."""
    return 2.0 if _Look.projector else 1.0


def pattern_transform(painter: QPainter, scale: float = 1.0, *, weighted: bool = True) -> QTransform:
    """A brush transform drawing Qt's 8 px pattern at ``scale`` logical pixels per pattern pixel
    (times :func:`pattern_weight` if ``weighted``) whatever the painter's zoom; sets the hint that
    makes Qt use it."""
    painter.setRenderHint(QPainter.RenderHint.NonCosmeticBrushPatterns)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, on=False)  # crisp, not blurred, lines
    weight = scale * (pattern_weight() if weighted else 1.0)
    return QTransform.fromScale(weight, weight) * painter.worldTransform().inverted()[0]


def lesion_colour(lesion: str) -> QColor:
    return QColor(LESION_COLOURS.get(lesion, TEXT))


def pattern_brush(pattern: str, colour: QColor) -> QBrush:
    return QBrush(colour, PATTERNS.get(pattern, Qt.BrushStyle.SolidPattern))


def swatch(lesion: str, pattern: str, size: int = 22, ratio: float = 1.0) -> QPixmap:
    """A small legend square: the lesion type's pattern in its colour, with a dark border."""
    pixels = max(1, round(size * ratio))
    pixmap = QPixmap(pixels, pixels)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor(BACKGROUND))
    painter = QPainter(pixmap)
    colour = lesion_colour(lesion)
    painter.setPen(Qt.PenStyle.NoPen)
    fill = QColor(colour)
    fill.setAlpha(45)
    painter.fillRect(QRectF(0, 0, size, size), fill)
    brush = pattern_brush(pattern, colour)
    brush.setTransform(pattern_transform(painter, max(1.0, size / 20)))  # the same look at any text scale
    painter.fillRect(QRectF(0, 0, size, size), brush)
    painter.setPen(QPen(colour, 2.5))
    painter.drawRect(QRectF(1.25, 1.25, size - 2.5, size - 2.5))
    painter.end()
    return pixmap


BORDER = "#8a8a8a"
PROJECTOR_BORDER = "#4d4d4d"
"""Projector profile: borders dark enough to survive a washed-out image (no light grey)."""

STYLE_SHEET = f"""
QMainWindow, QWidget {{ background: {BACKGROUND}; color: {TEXT}; }}
QToolTip {{ background: {BACKGROUND}; color: {TEXT}; border: 2px solid {TEXT}; padding: 6px; }}
QTabWidget::pane {{ border: 2px solid #8a8a8a; border-radius: 4px; top: -2px; }}
QTabBar::tab {{ padding: 8px 6px; border: 2px solid #8a8a8a; border-bottom: none;
    border-top-left-radius: 4px; border-top-right-radius: 4px; margin-right: 2px; }}
QTabWidget#panelTabs QTabBar::tab {{ padding: 8px 4px; }}  /* eight tabs in a 1024 px window */
QTabBar::tab:selected {{ background: {PANEL_FILL}; font-weight: bold; }}
QTabBar::tab:focus {{ border-color: {FOCUS}; }}
QHeaderView::section {{ background: #eeeeee; color: {TEXT}; padding: 6px; border: 1px solid #8a8a8a;
    font-weight: bold; }}
QTreeWidget, QListWidget, QTableWidget, QTextBrowser {{ border: 2px solid #8a8a8a; border-radius: 4px; }}
QTreeWidget:focus, QListWidget:focus, QTableWidget:focus, QTextBrowser:focus, QGraphicsView:focus
    {{ border: 3px solid {FOCUS}; }}
QTreeWidget::item, QListWidget::item {{ padding: 5px 4px; }}
QTreeWidget::item:selected, QListWidget::item:selected {{ background: {PANEL_FILL}; color: {TEXT}; }}
QPushButton, QToolButton {{ padding: 6px 12px; border: 2px solid #5c5c5c; border-radius: 4px;
    background: #f4f4f4; }}
QPushButton:focus, QToolButton:focus {{ border-color: {FOCUS}; }}
QPushButton:checked, QToolButton:checked {{ background: {PANEL_FILL}; }}
QStatusBar {{ border-top: 1px solid #8a8a8a; }}
QSplitter::handle {{ background: #d6d6d6; }}
"""


def style_sheet() -> str:
    sheet = STYLE_SHEET
    if _Look.projector:
        sheet = sheet.replace(f"2px solid {BORDER}", f"3px solid {PROJECTOR_BORDER}")
        sheet = sheet.replace(f"1px solid {BORDER}", f"2px solid {PROJECTOR_BORDER}")
    return sheet


def apply(app: QApplication, scale: float = 1.0, *, projector: bool = False) -> None:
    """Install the font (at ``scale``), the style sheet (``projector``: heavier and darker lines) and
    the look every widget draws with; headings made by :func:`make_heading` follow."""
    changed = (scale, projector) != (_Look.scale, _Look.projector)
    _Look.scale = min(max(scale, MIN_SCALE), MAX_SCALE)
    _Look.projector = projector
    font = QFont(FONT_FAMILY)
    font.setPixelSize(px(BASE_FONT_PX))
    app.setFont(font)
    if not app.property(STYLED_PROPERTY):
        app.setStyle(STYLE)
        app.setProperty(STYLED_PROPERTY, True)
    app.setStyleSheet(style_sheet())
    if changed:
        for widget in app.allWidgets():
            if widget.property(HEADING_PROPERTY):
                widget.setFont(heading_font())


def heading_font(bold: bool = True) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(px(HEADING_FONT_PX))
    font.setBold(bold)
    return font


def make_heading(widget: QWidget) -> None:
    """Give ``widget`` the heading font, now and whenever the text scale changes."""
    widget.setProperty(HEADING_PROPERTY, True)
    widget.setFont(heading_font())
