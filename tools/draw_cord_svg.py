"""Draw assets/svg/cord.svg: an axial section of the spinal cord, dorsal up, patient's right on the left.

The SVG is the source of truth (it may be edited by hand or in Inkscape); this script drew it
and overwrites such edits. Run from tools/:  python draw_cord_svg.py ../assets/svg/cord.svg
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from svg_drawing import bez, check_overlaps, d_of, ellipse, f, grow, mirror, poly, rect
from svg_drawing import shape as outlined

W, H = 1010, 640
CX, CY = 370, 322
RX, RY = 205, 146
INK = "#222222"
WHITE_MATTER = "#f4efe8"
GREY_MATTER = "#c9bfb5"
ROOT = "#efe3d3"
TRACT = "#f4efe8"
FONT = "DejaVu Sans"

left_half = rect(-10, -10, CX, H + 10)
fissure = poly(
    [(CX - 9, CY + RY + 8), (CX + 9, CY + RY + 8), (CX + 2.5, CY + RY - 40), (CX - 2.5, CY + RY - 40)]
)
sulcus = poly([(CX - 4, CY - RY - 8), (CX + 4, CY - RY - 8), (CX + 1, CY - RY + 16), (CX - 1, CY - RY + 16)])
cord = ellipse(CX, CY, RX, RY) - fissure - sulcus


def cord_y(dx: float, sign: int) -> float:
    return CY + sign * RY * math.sqrt(max(0.0, 1 - (dx / RX) ** 2))


# --- grey matter, viewer's left half (patient's right) -------------------------------------------
inner = ellipse(CX, CY, RX - 7, RY - 7)
grey_half = (
    bez(
        (CX, CY - 14),
        (CX - 20, CY - 18),
        ((CX - 34, CY - 64), (CX - 62, CY - 104), (CX - 84, CY - 128)),
        ((CX - 92, CY - 138), (CX - 108, CY - 132), (CX - 104, CY - 118)),
        ((CX - 98, CY - 86), (CX - 86, CY - 50), (CX - 84, CY - 24)),
        ((CX - 84, CY - 8), (CX - 90, CY + 6), (CX - 98, CY + 18)),
        ((CX - 108, CY + 32), (CX - 120, CY + 58), (CX - 116, CY + 86)),
        ((CX - 112, CY + 110), (CX - 94, CY + 122), (CX - 74, CY + 114)),
        ((CX - 56, CY + 106), (CX - 40, CY + 90), (CX - 36, CY + 66)),
        ((CX - 34, CY + 44), (CX - 30, CY + 22), (CX - 20, CY + 14)),
        (CX, CY + 14),
    )
    & inner
)
canal = ellipse(CX, CY, 7, 7)
grey_all = (grey_half | mirror(grey_half, CX)).simplified()
dorsal_horn = grey_half & rect(0, 0, W, CY - 24)
anterior_horn = grey_half & rect(0, CY + 24, CX - 28, H)
commissure = (rect(CX - 40, CY + 17, CX + 40, CY + 46) & cord) - grow(grey_all, 3)

# --- white matter tracts ----------------------------------------------------------------------------
dorsal_column = (
    inner
    & poly(
        [(CX - 4, CY - 18), (CX - 4, CY - 220), (CX - 130, CY - 220), (CX - 96, CY - 126), (CX - 18, CY - 18)]
    )
) - grow(grey_all, 4)
lateral_cst = (ellipse(CX - 152, CY - 34, 44, 52) & inner) - grow(grey_all, 6)
spinothalamic = (ellipse(CX - 156, CY + 72, 44, 46) & inner) - grow(grey_all, 6)


# --- roots ----------------------------------------------------------------------------------------------
def band(p0, p1, width):
    (x0, y0), (x1, y1) = p0, p1
    length = math.hypot(x1 - x0, y1 - y0)
    nx, ny = -(y1 - y0) / length * width / 2, (x1 - x0) / length * width / 2
    return poly([(x0 + nx, y0 + ny), (x1 + nx, y1 + ny), (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)])


ganglion_c = (CX - 232, CY - 196)
dorsal_root = (
    band((CX - 98, cord_y(98, -1) + 16), (CX - 214, CY - 186), 28) | ellipse(*ganglion_c, 42, 28)
) - grow(cord, 3)
ventral_root = band((CX - 112, cord_y(112, 1) - 16), (CX - 226, CY + 182), 28) - grow(cord, 3)

parts: dict[str, object] = {}
for side, flip in (("right", False), ("left", True)):

    def m(p, flip=flip):
        return mirror(p, CX) if flip else p

    parts[f"xs-dorsal-root-{side}"] = m(dorsal_root)
    parts[f"xs-dorsal-column-{side}"] = m(dorsal_column)
    parts[f"xs-dorsal-horn-{side}"] = m(dorsal_horn)
    parts[f"xs-lateral-corticospinal-{side}"] = m(lateral_cst)
    parts[f"xs-spinothalamic-{side}"] = m(spinothalamic)
    parts[f"xs-anterior-horn-{side}"] = m(anterior_horn)
    parts[f"xs-ventral-root-{side}"] = m(ventral_root)
parts["xs-anterior-commissure"] = commissure

FILLS = {
    "dorsal-root": ROOT,
    "ventral-root": ROOT,
    "dorsal-horn": GREY_MATTER,
    "anterior-horn": GREY_MATTER,
}

# label text, target point on the viewer's right half (patient's left), label baseline y
LABELS = [
    ("Dorsal root", (CX + 232, CY - 196), 80),
    ("Dorsal horn", (CX + 72, CY - 70), 175),
    ("Corticospinal", (CX + 152, CY - 34), 270),
    ("Spinothalamic", (CX + 158, CY + 76), 380),
    ("Anterior horn", (CX + 76, CY + 104), 490),
    ("Ventral root", (CX + 196, CY + 166), 560),
]
LABEL_X = 672


def shape(d: str, fill: str, stroke: str = INK, width: float = 3.0, extra: str = "") -> str:
    return outlined(d, fill, stroke, width, extra)


def svg() -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" viewBox="0 0 {W} {H}" '
            f'width="{W}" height="{H}">'
        ),
        "  <title>Neuraxis spinal cord cross-section</title>",
        (
            "  <desc>Axial section of the spinal cord, dorsal at the top, ventral at the bottom, the patient's right "
            'on the viewer\'s left. Each element with class="part" is a clickable part; its id is '
            "xs-PART-SIDE (xs-anterior-commissure for the midline). Everything else is decoration.</desc>"
        ),
        f'  <rect x="0" y="0" width="{W}" height="{H}" fill="#ffffff"/>',
        '  <g id="deco-cord">',
        "    " + shape(d_of(cord), WHITE_MATTER, width=4),
        "    " + shape(d_of(grey_all), GREY_MATTER, width=2.5),
        "    " + shape(d_of(canal), "#ffffff", width=2.5),
        "  </g>",
    ]
    for key, path in parts.items():
        kind = key[3:].rsplit("-", 1)[0] if key.endswith(("-left", "-right")) else key[3:]
        fill = FILLS.get(kind, TRACT)
        dash = (
            ' stroke-dasharray="7,5"'
            if kind in ("lateral-corticospinal", "spinothalamic", "dorsal-column")
            else ""
        )
        out.append(f'  <g id="{key}" class="part">')
        out.append("    " + shape(d_of(path), fill, width=3, extra=dash))
        out.append("  </g>")
    out.append('  <g id="deco-leaders" fill="none" stroke="#555555" stroke-width="2">')
    for text, (tx, ty), y in LABELS:
        out.append(f'    <path d="M {f(LABEL_X - 10)},{f(y - 13)} L {f(tx)},{f(ty)}"/>')
    out.append(f'    <path d="M {f(CX + 26)},{f(56)} L {f(CX + 38)},{f(CY - 104)}"/>')
    out.append(f'    <path d="M {f(CX + 30)},{f(H - 50)} L {f(CX + 10)},{f(CY + 32)}"/>')
    out.append("  </g>")
    out.append('  <g id="deco-leader-dots" fill="#222222">')
    out.append(f'    <circle cx="{f(CX + 38)}" cy="{f(CY - 104)}" r="4.5"/>')
    out.append(f'    <circle cx="{f(CX + 10)}" cy="{f(CY + 32)}" r="4.5"/>')
    for text, (tx, ty), y in LABELS:
        out.append(f'    <circle cx="{f(tx)}" cy="{f(ty)}" r="4.5"/>')
    out.append("  </g>")
    out.append(f'  <g id="deco-labels" font-family="{FONT}" font-size="40" fill="#111111">')
    out.append(f'    <text x="{CX}" y="44" text-anchor="middle">Dorsal column</text>')
    out.append(f'    <text x="{CX - 40}" y="{H - 22}">Anterior commissure</text>')
    for text, _, y in LABELS:
        out.append(f'    <text x="{LABEL_X}" y="{y}">{text}</text>')
    out.append("  </g>")
    out.append(
        f'  <g id="deco-orientation" font-family="{FONT}" font-size="36" font-weight="bold" fill="#111111" '
        'text-anchor="middle">'
    )
    out.append('    <text x="72" y="44">Dorsal</text>')
    out.append(f'    <text x="76" y="{H - 22}">Ventral</text>')
    out.append(f'    <text x="50" y="{CY + 18}" font-size="52">R</text>')
    out.append(f'    <text x="{CX + 290}" y="{CY + 18}" font-size="52">L</text>')
    out.append("  </g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    check_overlaps(parts)
    Path(sys.argv[1]).write_text(svg())
