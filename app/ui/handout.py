"""PDF handouts: one page per lesson step, or one page for a selection.

Each page has the title (and the step's prompt), the neuraxis diagram with the site marked and the
body map with the affected regions, both drawn as vectors from the SVGs; the expected signs in words,
grouped by side and region with their lesion types; on the teacher's copy of a lesson, the step's
notes for the teacher; and the sources cited on the page. Text is real
PDF text (selectable, searchable). Made with Qt's QPdfWriter in memory, then written atomically
(:func:`~app.model.atomic.write_user_file`): a file the user had is never half-overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTextDocument,
)
from PySide6.QtSvg import QSvgRenderer

from app import paths
from app.model.atomic import write_user_file
from app.model.content import Content
from app.model.describe import in_examination_order, signs_by_lesion
from app.model.findings import Engine, Findings
from app.model.geometry import load_geometry
from app.model.lessons import Lesson
from app.model.sides import READING_ORDER
from app.model.state import subject_name
from app.ui import theme
from app.ui.diagram.items import outline_path
from app.ui.panels.richtext import Cites, esc, reference_item

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
PDF_ONLY = "a handout is a PDF: name the file with .pdf at the end"
MARGIN_PT = 36.0
DRAWING_HEIGHT = 300.0
MIN_DRAWING_HEIGHT = 240.0
TEXT_PT = 9.5
EDGE_PT = 0.5
MIN_TEXT_SCALE = 0.7
"""A page's words are shrunk to fit below its drawings down to this (9.5 pt becomes 6.7 pt);
longer words run on to a page of their own."""
TEACHER_COPY = "teacher's copy"
"""Said in the title of every page of a handout with the teacher's notes (never one for the class)."""


@dataclass(frozen=True)
class Page:
    title: str
    prompt: str
    sites: tuple[str, ...]
    disease: str | None
    day: int | None
    sources: tuple[str, ...]
    notes: tuple[str, ...] = ()
    """The step's notes for the teacher (on the teacher's copy only)."""


def lesson_pages(content: Content, lesson: Lesson, *, teacher: bool = False) -> list[Page]:
    """A page per step; with ``teacher``, each with the step's notes and titled as the teacher's copy."""
    pages = []
    for number, step in enumerate(lesson.steps, start=1):
        sites = tuple(content.diseases_by_id[step.disease].typical) if step.disease else tuple(step.sites)
        title = f"{lesson.title} \u2014 step {number} of {len(lesson.steps)}"
        if teacher:
            title += f" ({TEACHER_COPY})"
        notes = tuple(step.notes) if teacher else ()
        pages.append(Page(title, step.prompt, sites, step.disease, step.day, tuple(step.sources), notes))
    return pages


def selection_page(content: Content, sites: tuple[str, ...], disease: str | None, day: int | None) -> Page:
    cited = [key for site in sites for key in content.sites_by_id[site].cites]
    if disease:
        cited = list(content.diseases_by_id[disease].cites) + cited
    return Page(subject_name(content, sites, disease), "", sites, disease, day, tuple(dict.fromkeys(cited)))


class Written(NamedTuple):
    """What :func:`write_handout` did: an error message (nothing written), or the sheets written
    (a page whose words run on takes more than one)."""

    error: str | None
    sheets: int = 0


def write_handout(content: Content, pages: list[Page], out: Path, paper: str = "a4") -> Written:
    """Write the pages to ``out``.

    The PDF is made in memory, then written by :func:`~app.model.atomic.write_user_file`: an old
    file is never half-overwritten, a device such as ``/dev/full`` is written to (and its failure
    reported), never replaced by a file. ``out`` must name a PDF."""
    if out.suffix.lower() != ".pdf":
        return Written(PDF_ONLY)
    target = QBuffer()
    target.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(target)
    writer.setResolution(72)  # one unit is one point
    writer.setPageLayout(
        QPageLayout(QPageSize(PAPERS[paper]), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    writer.setTitle(pages[0].title if len(pages) == 1 else pages[0].title.split(" \u2014 ")[0])
    writer.setCreator("Neuraxis")
    painter = QPainter()
    if not painter.begin(writer):
        return Written("the PDF could not be started")
    engine = Engine(content)
    drawings = _Drawings(content)
    sheets = 0
    for index, page in enumerate(pages):
        if index:
            writer.newPage()
        findings = engine.evaluate(page.sites, page.day, page.disease)
        size = QSizeF(writer.width(), writer.height())
        sheets += _paint_page(
            painter,
            size,
            content=content,
            drawings=drawings,
            page=page,
            findings=findings,
            new_page=writer.newPage,
        )
    painter.end()
    del writer  # the PDF is complete in the buffer once its writer is gone
    try:
        write_user_file(out, bytes(target.data().data()))
    except OSError as error:
        return Written(error.strerror or str(error))
    return Written(None, sheets)


class _Drawings:
    """The two SVGs and the outlines of their parts, loaded once per handout."""

    def __init__(self, content: Content) -> None:
        drawings = content.drawings
        self.diagram = QSvgRenderer(str(drawings.diagram))
        self.body = QSvgRenderer(str(drawings.body))
        cache = paths.cache_dir()
        self.sites = load_geometry(drawings.diagram, [s.id for s in content.sites], cache)
        elements = [f"body-{r.id}-{side}" for r in content.regions for side in ("right", "left")]
        self.regions = load_geometry(drawings.body, elements, cache)


def _paint_page(
    painter: QPainter,
    size: QSizeF,
    *,
    content: Content,
    drawings: _Drawings,
    page: Page,
    findings: Findings,
    new_page: Callable[[], bool],
) -> int:
    """``page`` from its top; ``new_page`` starts another sheet if its words run on. Returns the
    sheets it took.

    Long words first take room from the drawings (down to :data:`MIN_DRAWING_HEIGHT`), then shrink
    (down to :data:`MIN_TEXT_SCALE`), then run on."""
    width, height = size.width(), size.height()
    inner = width - 2 * MARGIN_PT
    y = MARGIN_PT
    head = _document(
        f"<h2>{esc(page.title)}</h2>" + (f"<p><b>{esc(page.prompt)}</b></p>" if page.prompt else ""), inner
    )
    y += _draw(painter, head, MARGIN_PT, y)
    words = _document(
        _signs_html(content, findings)
        + _notes_html(content, page.notes)
        + _sources_html(content, page.sources),
        inner,
    )
    short_by = words.size().height() - (height - MARGIN_PT - y - DRAWING_HEIGHT - 12)
    drawn = DRAWING_HEIGHT - min(max(0.0, short_by), DRAWING_HEIGHT - MIN_DRAWING_HEIGHT)
    box = QRectF(MARGIN_PT, y + 6, inner, drawn)
    _paint_drawings(painter, box, content=content, drawings=drawings, page=page, findings=findings)
    y += drawn + 12
    room = height - MARGIN_PT - y
    scale = min(1.0, room / max(1.0, words.size().height()))
    if scale < MIN_TEXT_SCALE:
        return _run_on(painter, words, page.title, QRectF(MARGIN_PT, y, inner, room), new_page)
    painter.save()
    painter.translate(MARGIN_PT, y)
    painter.scale(scale, scale)
    if scale < 1.0:  # shrunk to fit the page: laid out again at the wider width it now has
        words.setTextWidth(inner / scale)
    words.drawContents(painter)
    painter.restore()
    return 1


def _paint_drawings(
    painter: QPainter, box: QRectF, *, content: Content, drawings: _Drawings, page: Page, findings: Findings
) -> None:
    """Side by side in ``box``: the diagram with the sites marked, the body map with the regions."""
    diagram = QRectF(box.left(), box.top(), box.width() * 0.66, box.height())
    _svg(painter, drawings.diagram, diagram, drawings.sites.view_box)
    with_clip = _fit(diagram, drawings.sites.view_box)
    for site in page.sites:
        _mark(painter, with_clip, drawings.sites.view_box, outline_path(drawings.sites.sites[site]))
    body = QRectF(diagram.right() + 8, box.top(), box.width() - diagram.width() - 8, box.height())
    _svg(painter, drawings.body, body, drawings.regions.view_box)
    fitted = _fit(body, drawings.regions.view_box)
    for finding in findings.findings:
        lesion = finding.lesions[0] if finding.lesions else ""
        path = outline_path(drawings.regions.sites[f"body-{finding.region}-{finding.side}"])
        pattern = content.lesion_types[lesion].pattern if lesion else "diagonal"
        _region(painter, fitted, drawings.regions.view_box, path, (lesion, pattern))


def _run_on(
    painter: QPainter, words: QTextDocument, title: str, first: QRectF, new_page: Callable[[], bool]
) -> int:
    """Words too long to shrink onto their page legibly: the lines that fit in ``first`` below the
    drawings, the rest on pages of their own under the title, marked as continued. A page ends
    above the first paragraph or list item that would not fit whole. Returns the sheets it took."""
    head = _document(f"<h3>{esc(title)} (continued)</h3>", first.width())
    then = painter.device().height() - 2 * MARGIN_PT - head.size().height()  # a continued page's room
    slices = _slices(_blocks(words), words.size().height(), first.height(), then)
    for index, (start, stop) in enumerate(slices):
        top = first.top()
        if index:
            new_page()
            top = MARGIN_PT + _draw(painter, head, MARGIN_PT, MARGIN_PT)
        painter.save()
        painter.translate(first.left(), top - start)
        shown = QRectF(0, start, first.width(), stop - start)
        painter.setClipRect(shown)
        context = QAbstractTextDocumentLayout.PaintContext()
        # Qt draws every line that touches its clip, here clipped away: hidden text in the PDF that a
        # reader's search and copy still find. The lines to draw lie strictly inside the edges.
        context.clip = shown.adjusted(0, EDGE_PT, 0, -EDGE_PT)
        words.documentLayout().draw(painter, context)
        painter.restore()
    return len(slices)


class _Block(NamedTuple):
    """A paragraph or list item of a page's words: a page is cut between blocks, never inside one
    (a block cut in two would be drawn whole on both pages, half of it clipped away: hidden text
    that a reader's search and copy still find)."""

    top: float
    bottom: float
    heading: bool
    """A heading stays with the block after it."""


def _blocks(document: QTextDocument) -> list[_Block]:
    """Every block of ``document`` that has lines, in order, from its first line to its last."""
    blocks = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        if layout.lineCount():
            origin = layout.position().y()
            first, last = layout.lineAt(0), layout.lineAt(layout.lineCount() - 1)
            heading = block.blockFormat().headingLevel() > 0
            blocks.append(_Block(origin + first.y(), origin + last.y() + last.height(), heading))
        block = block.next()
    return blocks


def _slices(blocks: list[_Block], height: float, first: float, then: float) -> list[tuple[float, float]]:
    """Cut a text of ``height`` into slices of at most ``first``, then ``then`` high: each from the
    first line of a block to the last line of a block, the cut above the first block that would not
    fit whole and never just after a heading (a block taller than a slice gets one of its own)."""
    slices: list[tuple[float, float]] = []
    start, room = 0.0, first
    taken: list[_Block] = []
    for block in blocks:
        if taken and block.bottom > start + room:
            carried = taken[-1:] if len(taken) > 1 and taken[-1].heading else []
            kept = taken[: len(taken) - len(carried)]
            slices.append((start, kept[-1].bottom))
            taken = carried  # the heading goes on with what it heads
            start, room = (carried or [block])[0].top, then
        taken.append(block)
    slices.append((start, height))
    return slices


def _document(html: str, width: float) -> QTextDocument:
    document = QTextDocument()
    font = QFont(theme.FONT_FAMILY)
    font.setPointSizeF(TEXT_PT)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(
        f"h2 {{ font-size: 15pt; }} h3 {{ font-size: 11pt; margin-top: 6px; }} "
        f".small {{ font-size: 8pt; color: {theme.MUTED_TEXT}; }}"
    )
    document.setHtml(html)
    document.setTextWidth(width)
    return document


def _draw(painter: QPainter, document: QTextDocument, x: float, y: float) -> float:
    painter.save()
    painter.translate(x, y)
    document.drawContents(painter)
    painter.restore()
    return document.size().height()


def _fit(box: QRectF, view_box: tuple[float, float, float, float]) -> QRectF:
    """Where an SVG of ``view_box`` lands in ``box``, aspect kept and centred."""
    _, _, w, h = view_box
    scale = min(box.width() / w, box.height() / h)
    size = QSizeF(w * scale, h * scale)
    return QRectF(
        box.center().x() - size.width() / 2, box.center().y() - size.height() / 2, size.width(), size.height()
    )


def _svg(
    painter: QPainter, renderer: QSvgRenderer, box: QRectF, view_box: tuple[float, float, float, float]
) -> None:
    renderer.render(painter, _fit(box, view_box))


def _to_page(painter: QPainter, target: QRectF, view_box: tuple[float, float, float, float]) -> None:
    x, y, w, h = view_box
    painter.translate(target.left(), target.top())
    painter.scale(target.width() / w, target.height() / h)
    painter.translate(-x, -y)


def _mark(
    painter: QPainter, target: QRectF, view_box: tuple[float, float, float, float], path: QPainterPath
) -> None:
    painter.save()
    _to_page(painter, target, view_box)
    colour = QColor(theme.SELECTED)
    fill = QColor(colour)
    fill.setAlpha(90)
    painter.fillPath(path, fill)
    pen = QPen(colour, 2.0)
    pen.setCosmetic(True)
    painter.strokePath(path, pen)
    painter.restore()


def _region(
    painter: QPainter,
    target: QRectF,
    view_box: tuple[float, float, float, float],
    path: QPainterPath,
    kind: tuple[str, str],
) -> None:
    """A body region in its lesion type's colour AND pattern (``kind``: type, pattern)."""
    lesion, pattern = kind
    painter.save()
    _to_page(painter, target, view_box)
    colour = theme.lesion_colour(lesion) if lesion else QColor(theme.TEXT)
    fill = QColor(colour)
    fill.setAlpha(70)
    painter.fillPath(path, fill)
    brush = theme.pattern_brush(pattern, colour)
    brush.setTransform(theme.pattern_transform(painter, 0.5))
    painter.fillPath(path, brush)
    pen = QPen(colour, 1.5)
    pen.setCosmetic(True)
    painter.strokePath(path, pen)
    painter.restore()


def _signs_html(content: Content, findings: Findings) -> str:
    names = content.signs_by_id
    if not findings.findings:
        return "<p>No motor or sensory signs are expected from a lesion here alone.</p>"
    parts = []
    if findings.day is not None:
        parts.append(f"<p><i>Day {findings.day} after onset.</i></p>")
    for side in READING_ORDER:
        rows = findings.for_side(side)
        if not rows:
            continue
        parts.append(f"<h3>{esc(side.capitalize())} side of the body</h3><ul>")
        for finding in rows:
            region = content.regions_by_id[finding.region].name
            types = ", ".join(content.lesion_types[t].short for t in finding.lesions)
            lines = [
                (f"{esc(content.lesion_types[lesion].short)}: " if lesion else "")
                + ", ".join(esc(names[s].name) for s in group)
                for lesion, group in signs_by_lesion(content, finding)
            ]
            if finding.sensory_loss:
                lost = ", ".join(esc(content.modalities[m].name) for m in finding.sensory_loss)
                lines.append(f"sensation lost: {lost}")
            if finding.possible:
                maybe = ", ".join(esc(names[s].name) for s in in_examination_order(content, finding.possible))
                lines.append(f"<i>may be present: {maybe}</i>")
            kind = f" ({esc(types)} lesion)" if types else ""
            parts.append(f"<li><b>{esc(region)}</b>{kind} \u2014 {'; '.join(lines)}</li>")
        parts.append("</ul>")
    return "".join(parts)


def _notes_html(content: Content, notes: tuple[str, ...]) -> str:
    """The step's notes, their citations as superscript keys of the sources listed below them."""
    if not notes:
        return ""
    return "<h3>Notes for the teacher</h3>" + Cites(content.references).paragraphs(notes)


def _sources_html(content: Content, keys: tuple[str, ...]) -> str:
    items = "".join(reference_item(content.references[key]) for key in keys if key in content.references)
    return f"<h3>Sources</h3><ol class='small'>{items}</ol>" if items else ""
