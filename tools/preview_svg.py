#!/usr/bin/env python3
"""Render and sanity-check the Neuraxis drawings (assets/svg/*.svg). Optional: the app and
`neuraxis validate` never need it; it helps whoever edits a drawing by hand or in Inkscape.

Usage:
    QT_QPA_PLATFORM=offscreen python tools/preview_svg.py [SVG] [--out DIR] [--sites ID ...]

SVG defaults to the neuraxis diagram; the body map and the cord section (body.svg, cord.svg)
get the same rendering, format, font and text checks, without the lesion-site checks.

What it does
  * renders the SVG with Qt's QSvgRenderer (the renderer the app uses) to
    DIR/svgprev_small.png (650 px high) and DIR/svgprev_big.png (2000 px high),
    and reports any Qt warning printed while loading/rendering;
  * checks the SVG Tiny subset rules (no DOCTYPE/entities/script/image/
    external refs/filters/masks/markers/patterns/<style>), the root element
    and, for the neuraxis diagram, the viewBox size (0 0 W H with
    1000 <= W <= 1150, 1000 <= H <= 1080);
  * checks the lesion-site contract: every site id of content/sites.yaml
    (plus any given with --sites, for sites not yet in the content) exists exactly once,
    each carries class="site" (and nothing else does), and every site is big
    enough and far enough from the others to be clicked (at least 40 x 40
    units, 6 units apart: app/model/svgtargets.py, the check `neuraxis
    validate` runs too);
  * checks that font-family is exactly "DejaVu Sans" (Qt's renderer takes a
    comma-separated list as one family name), that text is >= 22 units, that
    no text touches lines or other drawing (pixel test on separate text /
    non-text renderings), and that nothing touches the edges of the viewBox.

Exit status is 0 when every check passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

SVG_NS = "http://www.w3.org/2000/svg"
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SVG = ROOT / "assets" / "svg" / "neuraxis.svg"

sys.path.insert(0, str(ROOT))
from app.model.loader import load_content

SITE_IDS = [site.id for site in load_content().sites]
SIDED = sorted({sid.rsplit("-", 1)[0] for sid in SITE_IDS if sid.endswith(("-left", "-right"))})
SHAPES = {"path", "rect", "circle", "ellipse", "polygon", "polyline", "line"}
MIN_FONT = 22.0

FORBIDDEN_PATTERNS = [
    (r"<!DOCTYPE", "DOCTYPE"),
    (r"<!ENTITY", "entity declaration"),
    (r"<script", "<script>"),
    (r"<image", "<image>"),
    (r"<style", "<style> block"),
    (r"<filter", "filter"),
    (r"<mask", "mask"),
    (r"<marker", "marker"),
    (r"<pattern", "pattern"),
    (r"<foreignObject", "foreignObject"),
    (r"href\s*=", "href (external reference)"),
    (r"url\(", "url() reference"),
    (r"@import", "@import"),
    (r"\sstyle\s*=", "style attribute (use presentation attributes)"),
    (r"\sfilter\s*=", "filter attribute"),
    (r"\smask\s*=", "mask attribute"),
    (r"marker-(start|mid|end)\s*=", "marker attribute"),
]


def local(tag: str) -> str:
    return tag.split("}", 1)[-1]


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.notes: list[str] = []

    def error(self, msg: str) -> None:
        self.errors.append(msg)

    def note(self, msg: str) -> None:
        self.notes.append(msg)


# ------------------------------------------------------------------ format
def check_format(text: str, rep: Report, diagram: bool = True) -> ET.Element | None:
    for pat, what in FORBIDDEN_PATTERNS:
        if re.search(pat, text, re.IGNORECASE):
            rep.error(f"forbidden feature: {what}")
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        rep.error(f"XML parse error: {exc}")
        return None
    if local(root.tag) != "svg" or not root.tag.startswith("{" + SVG_NS):
        rep.error("root element is not an SVG-namespaced <svg>")
    if root.get("version") != "1.2" or root.get("baseProfile") != "tiny":
        rep.error('root must have version="1.2" baseProfile="tiny"')
    vb = [float(v) for v in (root.get("viewBox") or "0 0 0 0").replace(",", " ").split()]
    if len(vb) != 4 or vb[0] != 0 or vb[1] != 0:
        rep.error(f"viewBox must be 0 0 W H, got {vb}")
    elif diagram and (not 1000 <= vb[3] <= 1080 or not 1000 <= vb[2] <= 1150):
        rep.error(f"viewBox must be 0 0 W H with 1000<=W<=1150 and 1000<=H<=1080, got {vb}")
    if root.get("width") != f"{vb[2]:g}" or root.get("height") != f"{vb[3]:g}":
        rep.error("width/height must equal the viewBox size")
    parents = {child: parent for parent in root.iter() for child in parent}

    def inherited(el, attr):
        while el is not None and el.get(attr) is None:
            el = parents.get(el)
        return None if el is None else el.get(attr)

    for el in root.iter():
        if local(el.tag) == "text":
            size = inherited(el, "font-size")
            if size is None or float(size) < MIN_FONT:
                rep.error(f"text {(''.join(el.itertext()))!r} has font-size {size} (< {MIN_FONT})")
        fam = el.get("font-family")
        if fam is not None and fam.strip().strip("'\"") != "DejaVu Sans":
            rep.error(f'font-family should be exactly "DejaVu Sans" (Qt reads a list as one name): {fam!r}')
    return root


# ------------------------------------------------------------------ sites
def check_sites(path: Path, root: ET.Element, rep: Report) -> None:
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    for sid in SITE_IDS:
        n = ids.count(sid)
        if n != 1:
            rep.error(f"site id {sid!r} occurs {n} times (expected exactly 1)")
    site_like = re.compile(r"^(" + "|".join(re.escape(s) for s in SIDED) + r")-(left|right)$")
    for i in ids:
        if i not in SITE_IDS and (site_like.match(i) or i.startswith("pyramidal-decussation")):
            rep.error(f"unexpected id resembling a site id: {i!r}")
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        rep.error(f"duplicate ids: {sorted(dup)}")
    for el in root.iter():
        classes = (el.get("class") or "").split()
        if el.get("id") in SITE_IDS and "site" not in classes:
            rep.error(f'site {el.get("id")!r} lacks class="site"')
        elif el.get("id") not in SITE_IDS and "site" in classes:
            rep.error(f'non-site element <{local(el.tag)} id={el.get("id")!r}> carries class="site"')

    # Size and spacing of the click targets: the same check as `neuraxis validate`
    # (app/model/svgtargets.py), over the outlines the app itself reads.
    from app.model.errors import ContentError
    from app.model.geometry import parse_geometry
    from app.model.svgcheck import scan_svg
    from app.model.svgtargets import target_problems

    try:
        lines = scan_svg(path).ids
        geometry = parse_geometry(path, [sid for sid in SITE_IDS if sid in ids])
    except ContentError as exc:
        for problem in exc.problems:
            rep.error(str(problem))
        return
    for problem in target_problems(path, geometry, lines):
        rep.error(str(problem))
    shapes = sum(len(site.outlines) for site in geometry.sites.values())
    rep.note(f"{len(geometry.sites)} site elements, {shapes} site outlines checked")


# ------------------------------------------------------------------ rendering
def render(svg_bytes: bytes, height: int, bg: str = "white"):
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    r = QSvgRenderer(QByteArray(svg_bytes))
    if not r.isValid():
        raise RuntimeError("QSvgRenderer could not load the SVG")
    s = r.defaultSize()
    width = round(s.width() * height / s.height())
    img = QImage(width, height, QImage.Format_ARGB32)
    img.fill(QColor(bg))
    p = QPainter(img)
    p.setRenderHint(QPainter.Antialiasing)
    p.setRenderHint(QPainter.TextAntialiasing)
    r.render(p)
    p.end()
    return img


def to_array(img):
    import numpy as np

    img = img.convertToFormat(img.Format.Format_RGB32)
    w, h = img.width(), img.height()
    buf = img.constBits()
    arr = np.frombuffer(buf, dtype=np.uint8, count=img.bytesPerLine() * h).reshape(h, img.bytesPerLine())
    arr = arr[:, : w * 4].reshape(h, w, 4)[:, :, :3][:, :, ::-1]  # BGRA -> RGB
    return arr.astype(int)


def layer_variant(root: ET.Element, keep_text: bool) -> bytes:
    """Copy of the drawing with only text (keep_text) or without any text."""
    import copy

    r = copy.deepcopy(root)

    def prune(parent):
        for ch in list(parent):
            tag = local(ch.tag)
            if tag == "text":
                if not keep_text:
                    parent.remove(ch)
            elif tag in SHAPES:
                if keep_text:
                    parent.remove(ch)
            else:
                prune(ch)

    prune(r)
    return ET.tostring(r)


def check_pixels(root: ET.Element, rep: Report, scale_h: int = 1000) -> None:
    import numpy as np

    ET.register_namespace("", SVG_NS)
    # text layer: black where text ink is
    t = to_array(render(layer_variant(root, True), scale_h))
    text_mask = t.min(axis=2) < 160
    # dilate the text mask by ~3 units so text keeps a small margin
    pad = max(1, round(3 * scale_h / 1000))
    m = text_mask.copy()
    for dy in range(-pad, pad + 1):
        for dx in range(-pad, pad + 1):
            m |= np.roll(np.roll(text_mask, dy, axis=0), dx, axis=1)
    o = to_array(render(layer_variant(root, False), scale_h))
    # "ink" in the drawing: anything clearly darker/more saturated than the
    # pale structure fills (white matter #f7f1ea is allowed behind text)
    lum = 0.299 * o[:, :, 0] + 0.587 * o[:, :, 1] + 0.114 * o[:, :, 2]
    ink = lum < 232
    clash = m & ink
    n = int(clash.sum())
    if n:
        ys, xs = np.nonzero(clash)
        # cluster roughly by 40 px cells for a readable report
        cells = sorted({(int(x) // 40 * 40, int(y) // 40 * 40) for x, y in zip(xs, ys)})
        rep.error(f"text touches drawing at {n} px; cells (x,y): {cells[:20]}")
    full = to_array(render(ET.tostring(root), scale_h))
    edge = 2
    border = np.concatenate(
        [
            full[:edge].reshape(-1, 3),
            full[-edge:].reshape(-1, 3),
            full[:, :edge].reshape(-1, 3),
            full[:, -edge:].reshape(-1, 3),
        ]
    )
    if (border.min(axis=1) < 250).any():
        rep.error("something is drawn at the very edge of the viewBox (possible clipping)")


# ------------------------------------------------------------------ main
def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("svg", nargs="?", default=str(DEFAULT_SVG))
    ap.add_argument("--out", default="/tmp", help="directory for the preview PNGs")
    ap.add_argument("--no-render", action="store_true", help="skip rendering and pixel checks")
    ap.add_argument(
        "--sites",
        nargs="+",
        default=[],
        metavar="ID",
        help="extra site ids to check, e.g. sites drawn before content/sites.yaml lists them "
        "(commas or spaces between ids)",
    )
    args = ap.parse_args(argv)
    extra = [i for arg in args.sites for i in arg.replace(",", " ").split()]
    if extra:
        global SITE_IDS, SIDED
        SITE_IDS = SITE_IDS + [i for i in extra if i not in SITE_IDS]
        SIDED = sorted({sid.rsplit("-", 1)[0] for sid in SITE_IDS if sid.endswith(("-left", "-right"))})
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    path = Path(args.svg)
    text = path.read_text(encoding="utf-8")
    rep = Report()
    diagram = path.name == DEFAULT_SVG.name or 'class="site"' in text
    root = check_format(text, rep, diagram)
    if root is not None and diagram:
        check_sites(path, root, rep)
    elif root is not None:
        rep.note("not the neuraxis diagram: lesion-site checks skipped")

    if not args.no_render and root is not None:
        from PySide6.QtCore import qInstallMessageHandler
        from PySide6.QtGui import QGuiApplication

        warnings: list[str] = []
        qInstallMessageHandler(lambda mode, ctx, msg: warnings.append(msg))
        app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841
        data = text.encode("utf-8")
        Path(args.out).mkdir(parents=True, exist_ok=True)
        for name, h in (("small", 650), ("big", 2000)):
            out = Path(args.out) / f"svgprev_{name}.png"
            if render(data, h).save(str(out)):
                rep.note(f"wrote {out}")
            else:
                rep.error(f"could not write {out}")
        for w in warnings:
            rep.error(f"Qt warning: {w}")
        qInstallMessageHandler(None)
        check_pixels(root, rep)

    for n in rep.notes:
        print("note:", n)
    for e in rep.errors:
        print("ERROR:", e)
    print("OK" if not rep.errors else f"{len(rep.errors)} problem(s)")
    return 0 if not rep.errors else 1


if __name__ == "__main__":
    sys.exit(main())
