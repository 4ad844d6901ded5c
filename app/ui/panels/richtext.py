"""Shared rich text for the panels: escaping, inline citations linked to a reference list at the
end of the same document, "Sources disagree" boxes, lesion-type badges, and a locked-down
:class:`RichBrowser` that never opens a file or the network.

Citations ``[JN]`` / ``[JN, BR]`` become superscript links to ``#ref-JN``; the references are
listed (numbered, addresses as plain text) by :meth:`Cites.references`.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent, QTextDocument, QTextOption, QWheelEvent
from PySide6.QtWidgets import QApplication, QTextBrowser, QWidget
from shiboken6 import isValid

from app.model.content import CITATION, Content
from app.model.schema import Reference
from app.ui import plain, theme
from app.ui.viewport import adopt_viewport

SMALL_RATIO = 0.875
"""Evidence and notes: a step smaller than body text, never below :data:`MIN_SMALL_PX`."""
MIN_SMALL_PX = 14
TEXT_ZOOM_STEP = 1.15
TEXT_ZOOM_STEPS = (-4, 8)
"""Ctrl+wheel on a text panel: from about 0.57 to 3.1 times the panel's own text size."""
SWATCH_PX = 20
DISAGREEMENT_BORDER = "#8a5a00"
NOTE_FILL = "#e8f0fb"
SWATCH_SCHEME = "swatch"
REF_PREFIX = "ref-"
_SPLIT = re.compile(r"\s*[,;]\s*")
_STRIP = re.compile(r"\s*" + CITATION.pattern)


def esc(text: str) -> str:
    return plain.escape(text)


def strip_citations(text: str) -> str:
    """Plain text without its ``[KEY]`` citations (for widgets that cannot show links)."""
    return _STRIP.sub("", text).strip()


def swatch_url(lesion: str) -> str:
    return f"{SWATCH_SCHEME}:{lesion}"


def badge(content: Content, lesion: str) -> str:
    """A lesion type told by pattern AND label: the swatch image followed by its short name."""
    info = content.lesion_types.get(lesion)
    short = info.short if info else lesion
    size = theme.px(SWATCH_PX)
    return (
        f'<img src="{swatch_url(lesion)}" width="{size}" height="{size}" '
        f'style="vertical-align: middle" alt="{esc(short)}">&nbsp;<b>{esc(short)}</b>'
    )


def badges(content: Content, lesions: Iterable[str]) -> str:
    return " &nbsp; ".join(badge(content, lesion) for lesion in lesions)


def box(title: str, body: str, fill: str, border: str) -> str:
    """A filled, bordered box with a bold title (QTextDocument draws table cells, not divs)."""
    return (
        f'<table width="100%" cellspacing="0" cellpadding="8" border="1" '
        f'style="border-style: solid; border-color: {border}; margin-top: 10px; margin-bottom: 6px">'
        f'<tr><td style="background-color: {fill}"><p><b>{esc(title)}</b></p>{body}</td></tr></table>'
    )


def section(title: str, body: str) -> str:
    return f"<h3>{esc(title)}</h3>{body}" if body else ""


class Cites:
    """Links the citations of one document and lists what it cited, in order of first citation."""

    def __init__(self, references: Mapping[str, Reference]) -> None:
        self._references = references
        self._keys: dict[str, None] = {}

    def text(self, text: str) -> str:
        """``text`` escaped, with its citations as superscript links to the reference list."""
        out: list[str] = []
        start = 0
        for match in CITATION.finditer(text):
            keys = _SPLIT.split(match.group(1).strip())
            if not all(key in self._references for key in keys):
                continue
            out.append(esc(text[start : match.start()].rstrip()))
            self._keys.update(dict.fromkeys(keys))
            links = ", ".join(f'<a href="#{REF_PREFIX}{key}">{esc(key)}</a>' for key in keys)
            out.append(f"<sup>{links}</sup>")
            start = match.end()
        out.append(esc(text[start:]))
        return "".join(out)

    def paragraphs(self, paragraphs: Iterable[str]) -> str:
        return "".join(f"<p>{self.text(p)}</p>" for p in paragraphs)

    def bullets(self, paragraphs: Iterable[str]) -> str:
        items = "".join(f"<li>{self.text(p)}</li>" for p in paragraphs)
        return f"<ul>{items}</ul>" if items else ""

    def disagreement(self, paragraphs: Iterable[str]) -> str:
        body = self.paragraphs(paragraphs)
        return (
            box("\u2696 Sources disagree", body, theme.DISAGREEMENT_FILL, DISAGREEMENT_BORDER) if body else ""
        )

    def references(self, heading: str = "References") -> str:
        """The numbered list of everything cited so far; addresses are plain text, never links."""
        if not self._keys:
            return ""
        items = "".join(reference_item(self._references[key]) for key in self._keys)
        return f"<h3>{esc(heading)}</h3><ol>{items}</ol>"


def reference_item(ref: Reference) -> str:
    """One entry of a reference list: authors, title, venue and year, then its identifiers (as plain
    text: the app never opens them)."""
    key = f'<a name="{REF_PREFIX}{esc(ref.id)}" style="color: {theme.TEXT}"><b>{esc(ref.id)}</b></a>'
    if ref.kind == "convention":
        text = f"{key} \u2014 <i>teaching convention</i>: {_sentence(ref.title)}"
    else:
        who = f"{_sentence(ref.authors)} " if ref.authors else ""
        text = f"{key} \u2014 {who}{_sentence(ref.title)}"
        where = ", ".join(part for part in (ref.venue, str(ref.year or "")) if part)
        if where:
            text += f" <i>{_sentence(where)}</i>"
    ids = [
        f"{label} {esc(value)}"
        for label, value in (
            ("DOI", ref.doi),
            ("PMID", ref.pmid),
            ("PMCID", ref.pmcid),
            ("NCBI Bookshelf", ref.nbk),
            ("ISBN", ref.isbn),
        )
        if value
    ]
    if ids:
        text += '<br><span class="small">' + " \u00b7 ".join(ids) + "</span>"
    if ref.url:
        text += f'<br><span class="small">Address: {esc(ref.url)}</span>'
    if ref.note:
        text += f'<br><span class="small">{esc(ref.note)}</span>'
    return f'<li style="margin-bottom: 6px">{text}</li>'


def _is_reset(event: QKeyEvent) -> bool:
    """Ctrl+0 (on the keypad too)."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() == Qt.Key.Key_0 and modifiers == Qt.KeyboardModifier.ControlModifier


def font_px(widget: QWidget) -> int:
    font = widget.font()
    if font.pixelSize() > 0:
        return font.pixelSize()
    return round(font.pointSizeF() * widget.logicalDpiY() / 72)


_BROWSERS: weakref.WeakSet[RichBrowser] = weakref.WeakSet()
"""Every live :class:`RichBrowser`, for :func:`finish_layouts` (asking a window for its children
of a type wraps each of its hundreds of widgets for Python: about 3.5 ms)."""


def finish_layouts(window: QWidget) -> None:
    """Lay out in full every text shown in ``window``, so that its scroll bar has its final size.

    Qt lays a long text out in steps, on a timer, and the scroll bar follows each step. A window
    catches up a moment later; a screenshot, painted once, would keep a half-done scroll bar."""
    for browser in list(_BROWSERS):
        if isValid(browser) and browser.isVisible() and browser.window() is window:
            browser.document().size()  # (the whole document's size: its layout finishes first)


class RichBrowser(QTextBrowser):
    """A read-only, offline QTextBrowser: links never navigate; ``#ref-`` links scroll within it.

    Other links are left to the owner through :attr:`anchorClicked`. Text wraps anywhere if it
    must (long addresses), so the panel never needs a horizontal scroll bar.
    """

    def __init__(self, object_name: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(accessible_name)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        # A scroll bar that comes and goes changes the text width, so every new page would be laid
        # out twice (measured: 3.8 ms -> 1.3 ms for a typical page of signs).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        adopt_viewport(self)
        self.anchorClicked.connect(self._follow_fragment)
        self._html = ""
        self._zoom_steps = 0
        self._wheel = 0.0
        self._swatches: Content | None = None
        self._apply_style()
        _BROWSERS.add(self)

    def add_swatches(self, content: Content) -> None:
        """Register the lesion-type swatches as in-memory image resources (``swatch:UMN``), again
        whenever the text scale changes them."""
        self._swatches = content
        ratio = self.devicePixelRatioF()
        for info in content.lesion_types.values():
            pixmap = theme.swatch(info.id, info.pattern, theme.px(SWATCH_PX), ratio)
            self.document().addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(swatch_url(info.id)), pixmap
            )

    def show_html(self, text: str) -> bool:
        """Show ``text``; does nothing (and returns False) when it is already shown."""
        if text == self._html:
            return False
        self._html = text
        self.setHtml(text)
        return True

    def loadResource(self, type: int, name: QUrl | str) -> Any:  # noqa: A002 - Qt's signature
        """Never load anything from files or the network: only registered resources exist."""
        return None

    # --- Ctrl+wheel zooms the text, within bounds; Ctrl+0 restores it ---------------------------
    @property
    def text_zoom(self) -> int:
        """Wheel steps the text is zoomed by (0: the panel's own size)."""
        return self._zoom_steps

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        # Not QTextEdit's zoom: it adds wheel steps to a point size this pixel-sized font does not
        # have, so one large step gave 1 pt text and later steps sizes Qt refuses.
        self._wheel += max(-100.0, min(100.0, event.angleDelta().y() / 120))
        whole = int(self._wheel)
        self._wheel -= whole
        if whole:
            self.zoom_text(self._zoom_steps + whole)
        self.setFocus(Qt.FocusReason.MouseFocusReason)  # so that Ctrl+0 reaches this panel
        event.accept()

    def zoom_text(self, steps: int) -> None:
        """Show the text ``steps`` zoom steps larger (negative: smaller), within :data:`TEXT_ZOOM_STEPS`."""
        low, high = TEXT_ZOOM_STEPS
        steps = max(low, min(high, steps))
        if steps == self._zoom_steps:
            return
        self._zoom_steps = steps
        if steps == 0:
            self.setFont(QFont())  # nothing set: the inherited font again
            return
        parent = self.parentWidget()
        inherited = parent.font() if parent is not None else QApplication.font()
        px = inherited.pixelSize()
        if px <= 0:
            px = round(inherited.pointSizeF() * self.logicalDpiY() / 72)
        font = QFont()
        font.setPixelSize(max(MIN_SMALL_PX, round(px * TEXT_ZOOM_STEP**steps)))
        self.setFont(font)

    def event(self, event: QEvent) -> bool:
        # Ctrl+0 with the text zoomed restores it here, before the window's "fit diagram" takes it.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._zoom_steps
            and _is_reset(event)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _is_reset(event):
            self.zoom_text(0)
            event.accept()
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The style sheet paints the page's white background and turns the viewport's automatic
        # fill off when it polishes it, so Qt took the page for see-through: every panel behind it
        # painted its own background under it on each change (about 2 ms a step at 4K). The same
        # white, filled automatically, marks it opaque; again after each restyle (presentation mode).
        self.viewport().setAutoFillBackground(True)

    def viewportEvent(self, event: QEvent) -> bool:
        handled = super().viewportEvent(event)
        if event.type() == QEvent.Type.StyleChange:  # sent after the style sheet polished it
            self.viewport().setAutoFillBackground(True)
        return handled

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_style()
            if self._swatches is not None:
                self.add_swatches(self._swatches)
            if self._html:
                self.setHtml(self._html)

    def _apply_style(self) -> None:
        small = max(theme.px(MIN_SMALL_PX), round(font_px(self) * SMALL_RATIO))
        self.document().setDefaultStyleSheet(
            f"a {{ color: {theme.ACCENT}; text-decoration: none; }}"
            f".small {{ color: {theme.MUTED_TEXT}; font-size: {small}px; }}"
            f".muted {{ color: {theme.MUTED_TEXT}; }}"
            f".maybe {{ color: {theme.MUTED_TEXT}; }}"
            f"h2 {{ margin-top: 2px; }}"
        )

    def _follow_fragment(self, url: QUrl) -> None:
        if not url.scheme() and url.hasFragment():
            self.scrollToAnchor(url.fragment())


def _sentence(text: str) -> str:
    """``text`` escaped, ending in one full stop ("Kunam VK, et al." gets no second one)."""
    text = text.strip()
    return esc(text if text.endswith((".", "?", "!")) else f"{text}.")
