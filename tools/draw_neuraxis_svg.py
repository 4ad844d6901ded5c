#!/usr/bin/env python3
"""Draws assets/svg/neuraxis.svg from code (how the first version of the diagram was made).

The SVG file is the source of truth: teachers may edit it by hand or in Inkscape, and running
this script overwrites such edits. Developers making large layout changes may prefer to change
this script and regenerate (python tools/draw_neuraxis_svg.py [OUT.svg]), then
run tools/preview_svg.py to check ids, sizes, gaps and text.

Coordinates are written for the viewer's LEFT half (= patient's RIGHT side)
and mirrored about the midline for the other half.

Syndrome sites (a lesion of several structures at one level) are drawn as white "tabs" with
a bold label: brainstem syndromes in the gutters beside their level, cord syndromes as a row
at C5 and a block at T6 ("1/2" tabs beside the cord for the hemisections, midline tabs inside
the cord between the lateral corticospinal tracts). Their labels are in deco-tab-labels,
drawn above the sites, so that a site element holds only its shape.
"""

import math
from pathlib import Path

W, H = 1150, 1080  # 80 taller than the first version: room for the conus and the cauda equina
MID = W / 2  # 575

UMN = "#1f4e9c"
LMN = "#a64500"
INK = "#111111"
OUTLINE = "#4a3f3a"
WM = "#f7f1ea"  # white matter / brainstem / cord fill
CORTEX = "#dcc3b6"  # cortex ribbon
GREY = "#9b9b9b"  # grey matter (anterior horn)
MUSCLE = "#e6a59c"
MUSCLE_LINE = "#8b2e2e"
SKIN = "#f4dcc8"
FONT = "DejaVu Sans"  # a single family: Qt takes a comma list as one name

SITE_UMN = dict(fill="#8fb3ec", fo="0.4", stroke=UMN)
SITE_LMN = dict(fill="#f5b684", fo="0.45", stroke=LMN)
SITE_MIXED = dict(fill="#c4b0e4", fo="0.45", stroke="#5b3f8c")  # conus: UMN and LMN together
SITE_TAB = dict(fill="#ffffff", fo="0.92", stroke="#2b2b2b")  # syndrome tabs (badges)


def f(v):
    v = round(v, 1)
    if abs(v - round(v)) < 1e-9:
        return str(int(round(v)))
    return f"{v:.1f}"


def mx(x):
    return 2 * MID - x


def mp(p):
    return (mx(p[0]), p[1])


# ---------------------------------------------------------------- paths
# path = list of segments: ("M", p) ("L", p) ("C", p1, p2, p3) ("Z",)


def d_of(path):
    out = []
    for seg in path:
        k = seg[0]
        if k == "Z":
            out.append("Z")
        else:
            out.append(k + " " + " ".join(f"{f(x)},{f(y)}" for x, y in seg[1:]))
    return " ".join(out)


def mirror_path(path):
    return [(s[0],) + tuple(mp(p) for p in s[1:]) for s in path]


def cubics_of(path):
    """Convert an open path (M then L/C) to a list of cubic control tuples."""
    cur = None
    res = []
    for s in path:
        if s[0] == "M":
            cur = s[1]
        elif s[0] == "L":
            p = s[1]
            res.append((cur, lerp(cur, p, 1 / 3), lerp(cur, p, 2 / 3), p))
            cur = p
        elif s[0] == "C":
            res.append((cur, s[1], s[2], s[3]))
            cur = s[3]
    return res


def path_of_cubics(cubics, move=True):
    path = [("M", cubics[0][0])] if move else []
    for c in cubics:
        path.append(("C", c[1], c[2], c[3]))
    return path


def reverse_cubics(cubics):
    return [(c[3], c[2], c[1], c[0]) for c in reversed(cubics)]


def lerp(a, b, t):
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def split(c, t):
    p0, p1, p2, p3 = c
    a = lerp(p0, p1, t)
    b = lerp(p1, p2, t)
    cc = lerp(p2, p3, t)
    d = lerp(a, b, t)
    e = lerp(b, cc, t)
    m = lerp(d, e, t)
    return (p0, a, d, m), (m, e, cc, p3)


def sub(c, t0, t1):
    if t1 < 1:
        c, _ = split(c, t1)
        t0 = t0 / t1
    if t0 > 0:
        _, c = split(c, t0)
    return c


def bez(c, t):
    p0, p1, p2, p3 = c
    u = 1 - t
    return (
        u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
        u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
    )


def tangent(c, t):
    p0, p1, p2, p3 = c
    u = 1 - t
    dx = 3 * u * u * (p1[0] - p0[0]) + 6 * u * t * (p2[0] - p1[0]) + 3 * t * t * (p3[0] - p2[0])
    dy = 3 * u * u * (p1[1] - p0[1]) + 6 * u * t * (p2[1] - p1[1]) + 3 * t * t * (p3[1] - p2[1])
    n = math.hypot(dx, dy)
    return dx / n, dy / n


def normal_in(c, t):
    """Normal on the left of the travel direction (screen coords)."""
    dx, dy = tangent(c, t)
    return dy, -dx


def _leg_normal(a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = math.hypot(dx, dy)
    if n < 1e-9:
        return None
    return dy / n, -dx / n


def _intersect(p, r, q, s):
    # p + t r = q + u s
    den = r[0] * s[1] - r[1] * s[0]
    if abs(den) < 1e-9:
        return None
    t = ((q[0] - p[0]) * s[1] - (q[1] - p[1]) * s[0]) / den
    return (p[0] + t * r[0], p[1] + t * r[1])


def offset_cubic(c, d):
    """Tiller-Hanson offset (good enough for gentle curves)."""
    p0, p1, p2, p3 = c
    n0 = normal_in(c, 0.0)
    n3 = normal_in(c, 1.0)
    q0 = (p0[0] + d * n0[0], p0[1] + d * n0[1])
    q3 = (p3[0] + d * n3[0], p3[1] + d * n3[1])
    nl = _leg_normal(p1, p2)
    if nl is None:
        nl = normal_in(c, 0.5)
    a = (p1[0] + d * nl[0], p1[1] + d * nl[1])
    r = (p2[0] - p1[0], p2[1] - p1[1])
    q1 = _intersect(q0, (p1[0] - p0[0], p1[1] - p0[1]), a, r)
    q2 = _intersect(q3, (p2[0] - p3[0], p2[1] - p3[1]), a, r)
    if q1 is None:
        q1 = (p1[0] + d * n0[0], p1[1] + d * n0[1])
    if q2 is None:
        q2 = (p2[0] + d * n3[0], p2[1] + d * n3[1])
    return (q0, q1, q2, q3)


def offset_cubics(cubics, d):
    return [offset_cubic(c, d) for c in cubics]


# ---------------------------------------------------------------- output
lines = []
ind = 0


def out(s=""):
    lines.append("  " * ind + s if s else "")


def comment(s):
    out(f"<!-- {s} -->")


def open_g(attrs=""):
    global ind
    out(f"<g{(' ' + attrs) if attrs else ''}>")
    ind += 1


def close_g():
    global ind
    ind -= 1
    out("</g>")


def attrs_str(**kw):
    parts = []
    for k, v in kw.items():
        if v is None:
            continue
        k = k.rstrip("_").replace("_", "-")
        parts.append(f'{k}="{v}"')
    return " ".join(parts)


def path_el(path, **kw):
    out(f'<path d="{d_of(path) if not isinstance(path, str) else path}" {attrs_str(**kw)}/>')


def text_el(x, y, s, size=24, anchor="start", bold=False):
    a = attrs_str(
        x=f(x),
        y=f(y),
        font_size=size,
        text_anchor=None if anchor == "start" else anchor,
        font_weight="bold" if bold else None,
    )
    s = s.replace("&", "&amp;")
    out(f"<text {a}>{s}</text>")


def both(fn):
    """Call fn(mirror=False) then fn(mirror=True)."""
    fn(False)
    fn(True)


def M(p, m):
    return mp(p) if m else p


def MP(path, m):
    return mirror_path(path) if m else path


def MC(cubics, m):
    return [tuple(mp(p) for p in c) for c in cubics] if m else cubics


# ================================================================ geometry
# Outline of the cerebrum + brainstem + cord, viewer's left half, running
# from the bottom of the interhemispheric fissure to the tip of the conus.
FISSURE_Y = 160
CONE_Y = 944  # the cord starts to taper into the conus here (just below the L5 root)
CONUS_TIP = 1022  # y of the tip of the cord
HEMI = [
    ("M", (569, FISSURE_Y)),
    ("L", (569, 86)),
    ("C", (569, 62), (552, 50), (520, 48)),  # medial top corner
    ("C", (420, 44), (300, 66), (246, 130)),  # dome
    ("C", (214, 168), (206, 222), (220, 262)),  # lateral convexity
    ("C", (232, 296), (262, 320), (300, 328)),  # temporal lobe
    ("C", (350, 338), (410, 330), (440, 318)),  # inferior surface
]
STEM = [
    ("C", (458, 311), (470, 322), (472, 338)),  # into midbrain
    ("C", (466, 360), (462, 384), (468, 402)),  # midbrain (peduncle)
    ("C", (436, 398), (422, 428), (422, 452)),  # pons, upper
    ("C", (422, 480), (440, 500), (482, 502)),  # pons, lower
    ("C", (482, 530), (485, 555), (484, 575)),  # medulla
    ("C", (483, 600), (468, 615), (468, 645)),  # cervicomedullary junction
    ("L", (468, CONE_Y)),  # spinal cord (schematic: one width, room for the syndrome tabs inside)
    ("C", (468, CONE_Y + 24), (524, CONE_Y + 18), (529, CONE_Y + 36)),  # below the lumbar enlargement
    ("C", (534, CONE_Y + 52), (568, CONUS_TIP - 14), (575, CONUS_TIP)),  # conus medullaris (tapering tip)
]

HEMI_CUBICS = cubics_of(
    HEMI
)  # [0]=medial line, [1]=corner, [2]=dome, [3]=lateral, [4]=temporal, [5]=inferior

# cortex ribbon = outer contour (medial surface .. inferior surface) offset 20 inwards
RIBBON = 20


def outline_full():
    left = HEMI + STEM
    cub = cubics_of(left)
    right = reverse_cubics(MC(cub, True))
    # fissure bottom rounding
    path = [
        ("M", (mx(569), FISSURE_Y)),
        ("C", (mx(569), FISSURE_Y + 6), (569, FISSURE_Y + 6), (569, FISSURE_Y)),
    ]
    for c in cub:
        path.append(("C", c[1], c[2], c[3]))
    for c in right:
        path.append(("C", c[1], c[2], c[3]))
    path.append(("Z",))
    return path


def simplify_lines(path):
    """Turn C segments that are straight lines back into L for readability."""
    res = []
    cur = None
    for s in path:
        if s[0] == "M":
            cur = s[1]
            res.append(s)
        elif s[0] == "C":
            p0, p1, p2, p3 = cur, s[1], s[2], s[3]
            if (abs(p0[0] - p3[0]) < 1e-6 and abs(p1[0] - p0[0]) < 1e-6 and abs(p2[0] - p0[0]) < 1e-6) or (
                abs(p0[1] - p3[1]) < 1e-6 and abs(p1[1] - p0[1]) < 1e-6 and abs(p2[1] - p0[1]) < 1e-6
            ):
                res.append(("L", p3))
            else:
                res.append(s)
            cur = p3
        else:
            res.append(s)
    return res


def ribbon_path():
    outer = HEMI_CUBICS
    inner = offset_cubics(outer, RIBBON)
    path = [("M", outer[0][0])]
    for c in outer:
        path.append(("C", c[1], c[2], c[3]))
    path.append(("L", inner[-1][3]))
    for c in reverse_cubics(inner):
        path.append(("C", c[1], c[2], c[3]))
    path.append(("Z",))
    return simplify_lines(path)


def contour_point(seg, t, depth):
    c = HEMI_CUBICS[seg]
    p = bez(c, t)
    n = normal_in(c, t)
    return (p[0] + depth * n[0], p[1] + depth * n[1]), n


def band(seg_from, t_from, seg_to, t_to, d_out, d_in):
    """Closed band along the hemisphere contour between two parameters."""
    cub = []
    for s in range(seg_from, seg_to + 1):
        t0 = t_from if s == seg_from else 0.0
        t1 = t_to if s == seg_to else 1.0
        cub.append(sub(HEMI_CUBICS[s], t0, t1))
    o = offset_cubics(cub, d_out)
    i = offset_cubics(cub, d_in)
    path = [("M", o[0][0])]
    for c in o:
        path.append(("C", c[1], c[2], c[3]))
    path.append(("L", i[-1][3]))
    for c in reverse_cubics(i):
        path.append(("C", c[1], c[2], c[3]))
    path.append(("Z",))
    return path


# key points ---------------------------------------------------------
CONV = (472, 256)  # fibres converge above the internal capsule
FACE_ORIGIN, _ = contour_point(3, 0.46, 11)
ARM_ORIGIN, _ = contour_point(2, 0.66, 11)
LEG_ORIGIN = (558, 104)

FAC_NUC = (452, 486)  # facial nucleus (left half)
XII_NUC = (553, 507)  # hypoglossal nucleus (left half): paramedian, rostral medulla
ROW_FACE = 486
ROW_C5 = 712
ROW_L5 = 940  # level with the L4 motor neuron: straight root
C5_SOMA = (553, ROW_C5)
L4_SOMA = (553, ROW_L5)
LCST_X = 486  # lateral corticospinal tract in the cord (left half)
# cord syndrome rows: columns (left half) and rows
HEMI_X0, HEMI_X1 = 414, 458  # hemisection tab, beside the cord
LCST_X0, LCST_X1 = 464, 504  # lateral corticospinal site
MIDTAB_X0 = 510  # midline tabs span MIDTAB_X0 .. mx(MIDTAB_X0)
C5_TAB_Y0, C5_TAB_Y1 = 620, 682  # C5 row of tabs (above the C5 row of the LMN)
T6_Y0, T6_Y1 = 782, 876  # T6 block (two rows of midline tabs)
T6_MID = (T6_Y0 + T6_Y1) / 2

# UMN main bundle (viewer's-left hemisphere) from convergence to the crossing
# and down the opposite (viewer's-right) lateral column.
MAIN_STEM = [
    ("M", CONV),
    ("C", (484, 282), (498, 306), (502, 330)),  # internal capsule
    ("C", (506, 352), (510, 380), (512, 404)),  # cerebral peduncle
    ("L", (516, 478)),  # basis pontis
    ("C", (520, 505), (526, 535), (530, 556)),  # pyramid
    ("C", (534, 585), (mx(LCST_X) - 4, 600), (mx(LCST_X), 640)),  # decussation
    ("L", (mx(LCST_X), ROW_L5 - 40)),  # lateral CST, cervical + thoracic (opposite side)
    ("C", (mx(LCST_X), ROW_L5 - 18), (636, ROW_L5 - 5), (608, ROW_L5 - 3)),  # ends on the L4 anterior horn
]
C5_COLLATERAL = [("M", (mx(LCST_X), 678)), ("C", (648, 682), (622, 692), (609, 703))]
# crossed corticobulbar fibres leave the main bundle high in the pons, so that they pass
# above the hypoglossal nuclei on their way to the opposite facial nucleus
CB_CONTRA = [("M", (514, 440)), ("C", (580, 444), (662, 452), (688, 486))]
CB_IPSI = [("M", (512, 412)), ("C", (484, 414), (458, 426), (455, 474))]


def sulcus(seg, t, depth):
    p0, n = contour_point(seg, t, 0)
    p3, _ = contour_point(seg, t, depth)
    tx, ty = -n[1], n[0]
    p1 = (p0[0] + n[0] * depth * 0.4 + tx * 4, p0[1] + n[1] * depth * 0.4 + ty * 4)
    p2 = (p0[0] + n[0] * depth * 0.7 + tx * 4, p0[1] + n[1] * depth * 0.7 + ty * 4)
    return [("M", p0), ("C", p1, p2, p3)]


def fibre(origin):
    return [("M", origin), ("C", None, None, CONV)]


FIBRES = {
    "face": [("M", FACE_ORIGIN), ("C", (300, 208), (420, 214), CONV)],
    "arm": [("M", ARM_ORIGIN), ("C", (318, 168), (420, 196), CONV)],
    "leg": [("M", LEG_ORIGIN), ("C", (548, 165), (496, 190), CONV)],
}

FAN = [
    [("M", contour_point(2, 0.30, 14)[0]), ("C", (440, 120), (470, 190), CONV)],  # trunk (vertex)
    [("M", contour_point(3, 0.12, 14)[0]), ("C", (290, 170), (410, 200), CONV)],  # hand
]

# LMN paths (viewer's left half)
LMN_FACE = [("M", FAC_NUC), ("L", (160, ROW_FACE))]
LMN_C5 = [("M", C5_SOMA), ("L", (160, ROW_C5))]
# Lumbar row: root + plexus on the row, then the sciatic nerve splits into two
# parallel branches (common peroneal above, tibial below) that rejoin at the NMJ.
L5_SPLIT = 24  # branch offset from the row (common peroneal above, tibial below)
L5_BOX_HH = 20  # half height of the nerve site boxes (40 high, 8 apart)
L5_NERVE_X0, L5_NERVE_X1 = 196, 262  # nerve site boxes (both branches)
L5_PAD = 2  # straight part of a branch beyond its box
L5_STEM_X = 296  # the braid of the plexus ends here: the sciatic n. divides
LMN_L5 = [("M", L4_SOMA), ("L", (L5_STEM_X, ROW_L5))]


def l5_branch(sign):
    y = ROW_L5 + sign * L5_SPLIT
    xa, xb = L5_NERVE_X1 + L5_PAD, L5_NERVE_X0 - L5_PAD  # straight part slightly longer than the box
    return [
        ("M", (L5_STEM_X, ROW_L5)),
        ("C", ((L5_STEM_X + xa) / 2, ROW_L5), ((L5_STEM_X + xa) / 2, y), (xa, y)),
        ("L", (xb, y)),
        ("C", ((xb + NMJ_X) / 2, y), ((xb + NMJ_X) / 2, ROW_L5), (NMJ_X, ROW_L5)),
    ]


NMJ_X = 160
CONUS_Y0 = ROW_L5 + 34  # conus site top (below the L4 anterior horn site)
CAUDA_Y0, CAUDA_Y1 = CONUS_TIP + 6, 1064  # cauda equina: site top, root ends
# roots (left half): they leave the edge of the conus (parameters along its outline curve)
# and end spread out a little: (x, y) of the start, x of the end
_CONUS = (STEM[-2][3],) + STEM[-1][1:]  # the taper, from the shoulder to the tip
CAUDA_ROOTS = [bez(_CONUS, t) + (xe,) for t, xe in ((0.06, 506), (0.3, 524), (0.55, 541), (0.8, 558))]


def _conus_site():
    """The lower part of the cone (below the L4 anterior horn site), its outline inset by 3."""
    y0 = ROW_L5 + 37  # the inset moves the top edge up by ~2
    t0 = min((abs(bez(_CONUS, i / 400)[1] - y0), i / 400) for i in range(401))[1]
    left = sub(_CONUS, t0, 1.0)
    left = offset_cubic(left, 3)  # inwards (towards the midline)
    right = tuple(mp(q) for q in left)
    a = left[0]
    return [
        ("M", a),
        ("L", right[0]),
        ("C", right[1], right[2], (MID, right[3][1])),
        ("C", left[2], left[1], a),
        ("Z",),
    ]


LS_LABEL_X = 352  # "Lumbosacral / plexus" label, under the plexus
LEG_X, LEG_Y, LEG_H = 836, 788, 80  # legend box (right edge at 1138), beside the T6 block
# Brainstem syndrome tabs (left half): id stem, box (x0, y0, x1, y1), label lines
BRAINSTEM_TABS = [
    ("weber", (336, 344, 452, 392), ["Weber"]),
    ("millard-gubler", (302, 402, 412, 470), ["Millard-", "Gubler"]),
    ("medial-medullary", (322, 522, 466, 590), ["Medial", "medullary"]),
]
# midline cord tabs: id, (y0, y1), label
MIDLINE_TABS = [
    ("central-cord-c5", (C5_TAB_Y0, 674), "central"),
    ("anterior-cord-t6", (T6_Y0, T6_Y0 + 44), "anterior"),
    ("posterior-columns-t6", (T6_Y1 - 44, T6_Y1), "posterior"),
]
CAUDA_SITE = [
    ("M", (528, CAUDA_Y0)),
    ("L", (622, CAUDA_Y0)),
    ("C", (640, CAUDA_Y0), (656, CAUDA_Y1 - 10), (656, CAUDA_Y1 + 2)),
    ("C", (656, CAUDA_Y1 + 6), (652, CAUDA_Y1 + 8), (646, CAUDA_Y1 + 8)),
    ("L", (504, CAUDA_Y1 + 8)),
    ("C", (498, CAUDA_Y1 + 8), (494, CAUDA_Y1 + 6), (494, CAUDA_Y1 + 2)),
    ("C", (494, CAUDA_Y1 - 10), (510, CAUDA_Y0), (528, CAUDA_Y0)),
    ("Z",),
]
CONUS_SITE = _conus_site()
CONUS_LABEL = (640, 1004)  # start of "Conus medullaris" (right of the conus)
VR_LABEL = (752, 668)  # start of "Ventral root" (right gutter, above and beside the C5 root)
CAUDA_LABEL = (668, 1058)  # start of "Cauda equina" (right of the roots)
MUSCLE_X0, MUSCLE_X1 = 24, 130


# ================================================================ drawing


def pyramidal_cell(p, n, size=9):
    """Small triangle (pyramidal neuron) with apex pointing along -n (to the surface)."""
    ax, ay = p[0] - n[0] * size * 1.2, p[1] - n[1] * size * 1.2
    tx, ty = -n[1], n[0]
    b1 = (p[0] + n[0] * size * 0.6 + tx * size, p[1] + n[1] * size * 0.6 + ty * size)
    b2 = (p[0] + n[0] * size * 0.6 - tx * size, p[1] + n[1] * size * 0.6 - ty * size)
    return [("M", (ax, ay)), ("L", b1), ("L", b2), ("Z",)]


def spindle(cx, cy, x0, x1, h):
    hw = (x1 - x0) / 2
    return [
        ("M", (x0, cy)),
        ("C", (x0 + hw * 0.35, cy - h * 0.48), (cx - hw * 0.25, cy - h / 2), (cx, cy - h / 2)),
        ("C", (cx + hw * 0.25, cy - h / 2), (x1 - hw * 0.35, cy - h * 0.48), (x1, cy)),
        ("C", (x1 - hw * 0.35, cy + h * 0.48), (cx + hw * 0.25, cy + h / 2), (cx, cy + h / 2)),
        ("C", (cx - hw * 0.25, cy + h / 2), (x0 + hw * 0.35, cy + h * 0.48), (x0, cy)),
        ("Z",),
    ]


FACE_TOP, FACE_BOT, FACE_X0, FACE_X1 = 416, 538, 52, 122


def half_face():
    x0, x1, t, b = FACE_X0, FACE_X1, FACE_TOP, FACE_BOT
    return [
        ("M", (x1, t)),
        ("C", (x1 - 44, t), (x0, t + 18), (x0, t + 56)),
        ("C", (x0, t + 92), (x0 + 24, b), (x1, b)),
        ("Z",),
    ]


def draw():
    global ind
    out('<?xml version="1.0" encoding="UTF-8"?>')
    out(
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
        f'viewBox="0 0 {W} {H}" width="{W}" height="{H}">'
    )
    ind += 1
    out("<title>Neuraxis - upper and lower motor neuron pathway (coronal schematic)</title>")
    out(
        "<desc>Front view. Patient's right is on the viewer's left. Elements with class \"site\" "
        "are clickable lesion sites; their id is the site id. Everything else is decoration "
        "(ids starting with deco- or no id).</desc>"
    )
    out()
    comment("Background")
    out(f'<rect x="0" y="0" width="{W}" height="{H}" fill="#ffffff"/>')
    out()

    # ------------------------------------------------------------ anatomy
    comment("======== Anatomy (decorative) ========")
    open_g('id="deco-anatomy"')
    comment("Silhouette: both hemispheres, brainstem and spinal cord (one outline)")
    outline = simplify_lines(outline_full())
    path_el(outline, fill=WM, stroke="none")

    comment("Cortex ribbon (grey matter), each hemisphere")
    rib = ribbon_path()
    for m in (False, True):
        path_el(MP(rib, m), fill=CORTEX, stroke="none")

    comment("Sulci (cortex folding in) and lateral (Sylvian) fissure")
    sulci = [
        sulcus(2, 0.16, 36),
        sulcus(2, 0.86, 36),
        sulcus(3, 0.18, 34),
        [("M", contour_point(4, 0.0, 0)[0]), ("C", (250, 256), (290, 252), (330, 262))],
    ]  # Sylvian fissure
    for m in (False, True):
        for s in sulci:
            path_el(MP(s, m), fill="none", stroke=CORTEX, stroke_width=16, stroke_linecap="butt")
            path_el(MP(s, m), fill="none", stroke=OUTLINE, stroke_width=2.5, stroke_linecap="round")

    comment("Lentiform nucleus (lateral to the internal capsule)")
    lent = [
        ("M", (410, 248)),
        ("C", (394, 262), (392, 290), (406, 304)),
        ("C", (424, 298), (440, 290), (450, 282)),
        ("C", (440, 268), (424, 256), (410, 248)),
        ("Z",),
    ]
    lent_div = [("M", (427, 258)), ("C", (421, 272), (421, 286), (427, 296))]
    for m in (False, True):
        path_el(MP(lent, m), fill="#e7d9cf", stroke="#8f7f75", stroke_width=2)
        path_el(MP(lent_div, m), fill="none", stroke="#8f7f75", stroke_width=1.5)

    comment("Pons: transverse (pontocerebellar) fibres")
    for y, w in ((426, 118), (446, 134), (466, 130)):
        path_el(
            f"M {f(MID - w)},{y} C {f(MID - w / 2)},{y + 5} {f(MID + w / 2)},{y + 5} {f(MID + w)},{y}",
            fill="none",
            stroke="#e2d3c6",
            stroke_width=3,
        )

    comment("Silhouette outline (drawn over the ribbon)")
    path_el(outline, fill="none", stroke=OUTLINE, stroke_width=3, stroke_linejoin="round")

    comment("Level lines between brainstem parts")
    for y0, y1, y2 in ((402, 468, 402),):
        pass
    path_el(f"M 468,402 C 520,410 630,410 {f(mx(468))},402", fill="none", stroke=OUTLINE, stroke_width=2)
    path_el(f"M 482,502 C 530,496 620,496 {f(mx(482))},502", fill="none", stroke=OUTLINE, stroke_width=2)
    comment("Interpeduncular fossa (between the two cerebral peduncles)")
    path_el(
        "M 561,404 C 566,394 571,386 575,382 C 579,386 584,394 589,404",
        fill="none",
        stroke=OUTLINE,
        stroke_width=2,
    )
    comment("Anterior median fissure between the pyramids")
    path_el("M 575,528 L 575,564", fill="none", stroke=OUTLINE, stroke_width=2)

    comment(
        "Cauda equina: lumbar and sacral roots fanning out below the conus, filum terminale in the middle"
    )
    for x_top, y_top, x_bot in CAUDA_ROOTS:
        for m in (False, True):
            a, b = M((x_top, y_top), m), M((x_bot, CAUDA_Y1), m)
            path_el(
                f"M {f(a[0])},{f(a[1])} C {f(a[0])},{f(a[1] + 22)} {f(b[0])},{f(b[1] - 26)} {f(b[0])},{f(b[1])}",
                fill="none",
                stroke=LMN,
                stroke_width=2.5,
                stroke_linecap="round",
            )
    path_el(f"M {MID},{CONUS_TIP} L {MID},{CAUDA_Y1 + 2}", fill="none", stroke=OUTLINE, stroke_width=1.5)

    comment("Anterior horns (grey matter) at C5 and L4")

    def horn(cx, cy):
        return [
            ("M", (cx + 14, cy - 30)),
            ("C", (cx - 4, cy - 32), (cx - 20, cy - 20), (cx - 22, cy - 2)),
            ("C", (cx - 24, cy + 14), (cx - 10, cy + 26), (cx + 4, cy + 24)),
            ("C", (cx + 14, cy + 22), (cx + 16, cy + 8), (cx + 16, cy - 4)),
            ("Z",),
        ]

    for m in (False, True):
        for cy in (C5_SOMA[1], L4_SOMA[1]):
            path_el(MP(horn(C5_SOMA[0], cy), m), fill=GREY, stroke="#555555", stroke_width=2)

    comment("Facial nuclei (pons), hypoglossal nuclei (medulla), oculomotor nuclei (midbrain)")
    for m in (False, True):
        p = M(FAC_NUC, m)
        out(f'<circle cx="{f(p[0])}" cy="{f(p[1])}" r="9" fill="{LMN}" stroke="#ffffff" stroke-width="2"/>')
        p = M(XII_NUC, m)
        out(f'<circle cx="{f(p[0])}" cy="{f(p[1])}" r="8" fill="{LMN}" stroke="#ffffff" stroke-width="2"/>')

    comment("Half faces (patient's right face on the viewer's left), facial muscles")
    for m in (False, True):
        face = MP(half_face(), m)
        path_el(face, fill=SKIN, stroke="none")
        x0, x1, t, b = FACE_X0, FACE_X1, FACE_TOP, FACE_BOT
        edge = [
            ("M", (x1, t)),
            ("C", (x1 - 44, t), (x0, t + 18), (x0, t + 56)),
            ("C", (x0, t + 92), (x0 + 24, b), (x1, b)),
        ]
        path_el(MP(edge, m), fill="none", stroke=OUTLINE, stroke_width=3, stroke_linecap="round")
        path_el(
            MP([("M", (x1, t)), ("L", (x1, b))], m),
            fill="none",
            stroke=OUTLINE,
            stroke_width=2,
            stroke_dasharray="6,5",
        )
        feats = [
            [("M", (82, 434)), ("C", (94, 430), (106, 430), (116, 432))],  # forehead lines
            [("M", (78, 444)), ("C", (92, 440), (106, 440), (116, 442))],
            [("M", (76, 459)), ("C", (88, 451), (104, 451), (114, 456))],  # brow
            [
                ("M", (80, 471)),
                ("C", (88, 464), (104, 464), (112, 471)),
                ("C", (104, 478), (88, 478), (80, 471)),
            ],  # eye
            [("M", (121, 466)), ("C", (116, 480), (110, 492), (112, 497)), ("L", (121, 499))],  # nose
            [("M", (121, 515)), ("C", (110, 516), (98, 514), (90, 508))],  # mouth
        ]
        for s in feats:
            path_el(MP(s, m), fill="none", stroke=OUTLINE, stroke_width=2.5, stroke_linecap="round")
        pc = M((96, 471), m)
        out(f'<circle cx="{f(pc[0])}" cy="{f(pc[1])}" r="3.5" fill="{OUTLINE}"/>')

    comment("Muscles (arm at C5 row, leg at L5 row)")
    for m in (False, True):
        for cy in (ROW_C5, ROW_L5):
            cx = (MUSCLE_X0 + MUSCLE_X1) / 2
            path_el(
                MP(spindle(cx, cy, MUSCLE_X0, MUSCLE_X1, 46), m),
                fill=MUSCLE,
                stroke=MUSCLE_LINE,
                stroke_width=3,
            )
            for dy in (-10, 0, 10):
                s = [
                    ("M", (cx - 34, cy + dy * 0.8)),
                    ("C", (cx - 12, cy + dy * 1.2), (cx + 12, cy + dy * 1.2), (cx + 34, cy + dy * 0.8)),
                ]
                path_el(MP(s, m), fill="none", stroke=MUSCLE_LINE, stroke_width=1.5)
    close_g()
    out()

    # ------------------------------------------------------------ UMN
    comment("======== Upper motor neuron pathway (blue, solid) ========")
    open_g(f'id="deco-umn" fill="none" stroke="{UMN}" stroke-linecap="round" stroke-linejoin="round"')
    for m in (False, True):
        side = (
            "viewer's right (patient's LEFT hemisphere)"
            if m
            else "viewer's left (patient's RIGHT hemisphere)"
        )
        comment(f"Corticospinal + corticobulbar from the {side}")
        comment("thin fibres complete the fan of the corona radiata")
        for fb in FAN:
            path_el(MP(fb, m), stroke_width=2.5)
            q = M(fb[0][1], m)
            out(f'<circle cx="{f(q[0])}" cy="{f(q[1])}" r="5" fill="{UMN}" stroke="none"/>')
        for name in ("face", "arm", "leg"):
            path_el(MP(FIBRES[name], m), stroke_width=5)
        path_el(MP(MAIN_STEM, m), stroke_width=7)
        path_el(MP(C5_COLLATERAL, m), stroke_width=5)
        comment("corticobulbar: crossed (solid) and uncrossed (thin dashed) to the facial nuclei")
        path_el(MP(CB_CONTRA, m), stroke_width=5)
        path_el(MP(CB_IPSI, m), stroke_width=3, stroke_dasharray="7,5")
        comment("pyramidal (Betz) cells and synaptic terminals")
        for origin in (FACE_ORIGIN, ARM_ORIGIN, LEG_ORIGIN):
            q = M(origin, m)
            out(
                f'<circle cx="{f(q[0])}" cy="{f(q[1])}" r="9" fill="{UMN}" stroke="#ffffff" stroke-width="2"/>'
            )
        for p in ((609, 703), (608, ROW_L5 - 3)):
            q = M(p, m)
            out(f'<circle cx="{f(q[0])}" cy="{f(q[1])}" r="5" fill="{UMN}" stroke="none"/>')
    close_g()
    out()

    # ------------------------------------------------------------ LMN
    comment("======== Lower motor neuron pathway (orange, double line) ========")
    open_g('id="deco-lmn" fill="none" stroke-linecap="butt" stroke-linejoin="round"')
    for m in (False, True):
        comment("viewer's right half (patient's LEFT)" if m else "viewer's left half (patient's RIGHT)")
        for p in (LMN_FACE, LMN_C5):
            path_el(MP(p, m), stroke=LMN, stroke_width=10)
            path_el(MP(p, m), stroke="#ffffff", stroke_width=3.5)
        comment("lumbar: root, plexus, sciatic n. splitting into common peroneal (upper) and tibial (lower)")
        l5 = (LMN_L5, l5_branch(-1), l5_branch(+1))
        for p in l5:
            path_el(MP(p, m), stroke=LMN, stroke_width=10)
        for p in l5:
            path_el(MP(p, m), stroke="#ffffff", stroke_width=3.5)
        comment("plexus strands")
        for cy in (ROW_C5, ROW_L5):
            strands = [
                [
                    ("M", (396, cy)),
                    ("C", (378, cy), (372, cy - 20), (347, cy - 20)),
                    ("C", (322, cy - 20), (316, cy), (298, cy)),
                ],
                [
                    ("M", (396, cy)),
                    ("C", (378, cy), (372, cy + 20), (347, cy + 20)),
                    ("C", (322, cy + 20), (316, cy), (298, cy)),
                ],
                [("M", (372, cy - 14)), ("L", (322, cy + 14))],
                [("M", (372, cy + 14)), ("L", (322, cy - 14))],
            ]
            for s in strands:
                path_el(MP(s, m), stroke=LMN, stroke_width=3)
        comment("motor neurons (anterior horn cells)")
        for p in (C5_SOMA, L4_SOMA):
            q = M(p, m)
            out(
                f'<circle cx="{f(q[0])}" cy="{f(q[1])}" r="10" fill="{LMN}" stroke="#ffffff" stroke-width="2"/>'
            )
        comment("neuromuscular junctions: nerve terminal + end plate")
        for cy, x_end in ((ROW_FACE, FACE_X1), (ROW_C5, MUSCLE_X1), (ROW_L5, MUSCLE_X1)):
            q = M((NMJ_X - 4, cy), m)
            out(f'<circle cx="{f(q[0])}" cy="{f(q[1])}" r="8" fill="{LMN}" stroke="none"/>')
            path_el(
                MP([("M", (NMJ_X - 14, cy - 12)), ("L", (NMJ_X - 14, cy + 12))], m),
                stroke=MUSCLE_LINE,
                stroke_width=5,
            )
            path_el(MP([("M", (NMJ_X - 14, cy)), ("L", (x_end, cy))], m), stroke=MUSCLE_LINE, stroke_width=3)
    close_g()
    out()

    # ------------------------------------------------------------ labels
    comment("======== Labels ========")
    open_g(f'id="deco-labels" font-family="{FONT}" fill="{INK}"')
    comment("Sides")
    text_el(20, 36, "Patient's right", 26, bold=True)
    text_el(W - 20, 36, "Patient's left", 26, anchor="end", bold=True)
    comment("Cerebrum")
    text_el(20, 86, "Motor cortex:", 24)
    text_el(20, 114, "face & arm", 24)
    out(f'<path d="M 190,98 L 254,114" fill="none" stroke="{INK}" stroke-width="1.5"/>')
    text_el(MID, 38, "Leg area", 24, anchor="middle")
    text_el(MID, 218, "Corona", 22, anchor="middle")
    text_el(MID, 242, "radiata", 22, anchor="middle")
    text_el(MID, 286, "Internal", 22, anchor="middle")
    text_el(MID, 310, "capsule", 22, anchor="middle")
    comment("Brainstem (labelled on the viewer's right, beyond the free gutter)")
    LX = 880  # beyond the syndrome tabs of the right gutter
    for y, s in (
        (380, "Midbrain (peduncle)"),
        (447, "Pons (basis)"),
        (534, "XII nucleus"),  # below the facial row; the nuclei are the small squares above the pyramids
        (567, "Medulla (pyramid)"),
        (602, "Decussation"),
    ):
        out(f'<path d="M {LX - 4},{y - 16} L {LX - 16},{y - 9} L {LX - 4},{y - 2} Z" fill="{INK}"/>')
        text_el(LX, y, s, 24)
    comment("Facial row (viewer's left)")
    text_el(243, 454, "Facial n.", 22, anchor="middle")
    comment("C5 row (viewer's left)")
    text_el(77, 672, "Muscle", 22, anchor="middle")
    text_el(NMJ_X, 672, "NMJ", 22, anchor="middle")
    text_el(240, 672, "Radial n.", 22, anchor="middle")
    text_el(347, 646, "Brachial", 22, anchor="middle")
    text_el(347, 670, "plexus", 22, anchor="middle")
    comment("Spinal levels: C5 and T6 are written in the hemisection tabs; L4/L5 inside the cord")
    text_el(MID, ROW_L5 - 38, "L4/L5", 26, anchor="middle", bold=True)
    comment("Caption of the cord syndrome tabs (once, beside the T6 row)")
    text_el(HEMI_X0 - 12, T6_Y0 + 30, "Cord syndromes", 22, anchor="end", bold=True)
    text_el(HEMI_X0 - 12, T6_Y0 + 58, "\u00bd = hemisection", 22, anchor="end")
    comment("Cord and lumbar row")
    text_el(462, 768, "Lateral corticospinal tract", 22, anchor="end")
    out(f'<path d="M 467,760 L {LCST_X - 3},756" fill="none" stroke="{INK}" stroke-width="1.5"/>')
    NCX = (L5_NERVE_X0 + L5_NERVE_X1) / 2
    BOT = ROW_L5 + 74  # common baseline of the labels under the lumbar row
    text_el(NCX, ROW_L5 - L5_SPLIT - L5_BOX_HH - 17, "Common peroneal n.", 22, anchor="middle")
    text_el(NCX, BOT, "Tibial n.", 22, anchor="middle")
    text_el(LS_LABEL_X, BOT - 22, "Lumbosacral", 22, anchor="middle")
    text_el(LS_LABEL_X, BOT, "plexus", 22, anchor="middle")
    text_el(VR_LABEL[0], VR_LABEL[1], "Ventral root", 22)
    out(
        f'<path d="M {VR_LABEL[0] - 2},{VR_LABEL[1] + 4} L {mx(426)},{ROW_C5 - 14}" fill="none" stroke="{INK}" stroke-width="1.5"/>'
    )
    text_el(694, 768, "Anterior horn", 22)
    out(f'<path d="M 690,756 L 614,734" fill="none" stroke="{INK}" stroke-width="1.5"/>')
    comment("Conus medullaris and cauda equina")
    text_el(CONUS_LABEL[0], CONUS_LABEL[1], "Conus medullaris", 22)
    text_el(CAUDA_LABEL[0], CAUDA_LABEL[1], "Cauda equina", 22)
    close_g()
    out()

    # legend
    comment("======== Legend ========")
    open_g('id="deco-legend"')
    # between the C5 row and the lumbar row on the viewer's right, clear of "Anterior horn"
    lx, ly, lw, lh = LEG_X, LEG_Y, 1138 - LEG_X, LEG_H
    r1, r2 = ly + 25, ly + 57
    out(
        f'<rect x="{f(lx)}" y="{f(ly)}" width="{f(lw)}" height="{f(lh)}" rx="8" fill="#ffffff" stroke="#666666" stroke-width="2"/>'
    )
    path_el(
        f"M {f(lx + 16)},{f(r1)} L {f(lx + 52)},{f(r1)}",
        fill="none",
        stroke=UMN,
        stroke_width=7,
        stroke_linecap="round",
    )
    path_el(f"M {f(lx + 13)},{f(r2)} L {f(lx + 55)},{f(r2)}", fill="none", stroke=LMN, stroke_width=10)
    path_el(f"M {f(lx + 13)},{f(r2)} L {f(lx + 55)},{f(r2)}", fill="none", stroke="#ffffff", stroke_width=3.5)
    out(
        f'<text x="{f(lx + 66)}" y="{f(r1 + 8)}" font-family="{FONT}" font-size="22" fill="{INK}">Upper motor neuron</text>'
    )
    out(
        f'<text x="{f(lx + 66)}" y="{f(r2 + 8)}" font-family="{FONT}" font-size="22" fill="{INK}">Lower motor neuron</text>'
    )
    close_g()
    out()

    # ------------------------------------------------------------ sites
    comment("======== Clickable lesion sites (id = site id) ========")
    open_g('id="deco-sites" stroke-width="2"')

    def site(sid, kind, shapes):
        st = {"umn": SITE_UMN, "lmn": SITE_LMN, "mixed": SITE_MIXED, "tab": SITE_TAB}[kind]
        extra = ' stroke-width="2.5"' if kind == "tab" else ""
        open_g(
            f'id="{sid}" class="site" fill="{st["fill"]}" fill-opacity="{st["fo"]}" stroke="{st["stroke"]}"{extra}'
        )
        for s in shapes:
            out(s)
        close_g()

    def rect(x, y, w, h, rx=10):
        return f'<rect x="{f(x)}" y="{f(y)}" width="{f(w)}" height="{f(h)}" rx="{rx}"/>'

    def rect_m(x0, y0, x1, y1, m, rx=10):
        if m:
            x0, x1 = mx(x1), mx(x0)
        return rect(x0, y0, x1 - x0, y1 - y0, rx)

    def circ(c, r, m):
        q = M(c, m)
        return f'<circle cx="{f(q[0])}" cy="{f(q[1])}" r="{r}"/>'

    def pth(p, m):
        return f'<path d="{d_of(MP(p, m))}"/>'

    FACE_ARM_BAND = band(2, 0.40, 4, 0.05, -5, 42)
    LEG_SITE = [
        ("M", (519, 152)),
        ("L", (519, 62)),
        ("C", (530, 50), (550, 48), (560, 54)),
        ("C", (568, 60), (571, 70), (571, 82)),
        ("L", (571, 152)),
        ("Z",),
    ]
    IC_SITE = [("M", (450, 262)), ("L", (498, 262)), ("L", (526, 318)), ("L", (478, 318)), ("Z",)]

    for m in (False, True):
        X = "left" if m else "right"
        comment(
            f"patient's {X.upper()} ({'viewer' + chr(39) + 's right' if m else 'viewer' + chr(39) + 's left'})"
        )
        site(f"motor-cortex-face-arm-{X}", "umn", [pth(FACE_ARM_BAND, m)])
        site(f"motor-cortex-leg-{X}", "umn", [pth(LEG_SITE, m)])
        site(f"corona-radiata-{X}", "umn", [rect_m(412, 196, 508, 246, m)])
        site(f"internal-capsule-{X}", "umn", [pth(IC_SITE, m)])
        site(f"cerebral-peduncle-{X}", "umn", [rect_m(478, 344, 550, 398, m)])
        site(f"basis-pontis-{X}", "umn", [rect_m(474, 416, 552, 462, m)])
        site(f"hypoglossal-nucleus-{X}", "lmn", [rect_m(532, 478, 572, 520, m, 8)])
        site(f"medullary-pyramid-{X}", "umn", [rect_m(490, 526, 560, 566, m)])
        site(f"lateral-corticospinal-c5-{X}", "umn", [rect_m(LCST_X0, 626, LCST_X1, 682, m, 8)])
        site(f"lateral-corticospinal-t6-{X}", "umn", [rect_m(LCST_X0, T6_Y0, LCST_X1, T6_Y0 + 44, m, 8)])
        site(f"anterior-horn-c5-{X}", "lmn", [rect_m(524, 680, 569, 740, m, 8)])
        site(f"anterior-horn-l4-{X}", "lmn", [rect_m(524, ROW_L5 - 30, 569, ROW_L5 + 28, m, 8)])
        site(f"ventral-root-c5-{X}", "lmn", [rect_m(406, ROW_C5 - 23, 458, ROW_C5 + 23, m)])
        site(f"ventral-root-l5-{X}", "lmn", [rect_m(406, ROW_L5 - 23, 462, ROW_L5 + 23, m)])
        site(f"brachial-plexus-{X}", "lmn", [rect_m(300, ROW_C5 - 30, 394, ROW_C5 + 30, m)])
        site(f"lumbosacral-plexus-{X}", "lmn", [rect_m(300, ROW_L5 - 30, 394, ROW_L5 + 30, m)])
        site(f"radial-nerve-{X}", "lmn", [rect_m(190, ROW_C5 - 23, 290, ROW_C5 + 23, m)])
        site(
            f"common-peroneal-nerve-{X}",
            "lmn",
            [
                rect_m(
                    L5_NERVE_X0, ROW_L5 - L5_SPLIT - L5_BOX_HH, L5_NERVE_X1, ROW_L5 - L5_SPLIT + L5_BOX_HH, m
                )
            ],
        )
        site(
            f"tibial-nerve-{X}",
            "lmn",
            [
                rect_m(
                    L5_NERVE_X0, ROW_L5 + L5_SPLIT - L5_BOX_HH, L5_NERVE_X1, ROW_L5 + L5_SPLIT + L5_BOX_HH, m
                )
            ],
        )
        site(f"facial-nerve-{X}", "lmn", [rect_m(190, ROW_FACE - 23, 296, ROW_FACE + 23, m)])
        site(
            f"neuromuscular-junction-{X}",
            "lmn",
            [circ((NMJ_X, cy), 23, m) for cy in (ROW_FACE, ROW_C5, ROW_L5)],
        )
        site(
            f"muscle-{X}",
            "lmn",
            [pth(half_face(), m)]
            + [
                pth(spindle((MUSCLE_X0 + MUSCLE_X1) / 2, cy, MUSCLE_X0, MUSCLE_X1, 48), m)
                for cy in (ROW_C5, ROW_L5)
            ],
        )
    comment("midline")
    site("pyramidal-decussation", "umn", [rect(533, 572, 84, 42)])
    site("conus-medullaris", "mixed", [pth(CONUS_SITE, False)])
    site("cauda-equina", "lmn", [pth(CAUDA_SITE, False)])

    comment(
        "Syndrome tabs: a lesion of several structures at one level (labels drawn above, in deco-tab-labels)"
    )
    for m in (False, True):
        X = "left" if m else "right"
        for sid, box, _lines in BRAINSTEM_TABS:
            site(f"{sid}-{X}", "tab", [rect_m(*box, m, 10)])
        site(f"hemisection-c5-{X}", "tab", [rect_m(HEMI_X0, C5_TAB_Y0, HEMI_X1, C5_TAB_Y1, m, 10)])
        site(f"hemisection-t6-{X}", "tab", [rect_m(HEMI_X0, T6_Y0, HEMI_X1, T6_Y1, m, 10)])
    for sid, (y0, y1), _word in MIDLINE_TABS:
        site(sid, "tab", [rect(MIDTAB_X0, y0, mx(MIDTAB_X0) - MIDTAB_X0, y1 - y0, 10)])
    close_g()

    comment("======== Labels of the syndrome tabs ========")
    open_g(f'id="deco-tab-labels" font-family="{FONT}" font-weight="bold" fill="{INK}" text-anchor="middle"')
    for m in (False, True):
        for _sid, (x0, y0, x1, y1), lines_ in BRAINSTEM_TABS:
            cx = mx((x0 + x1) / 2) if m else (x0 + x1) / 2
            n = len(lines_)
            base = (y0 + y1) / 2 + 8 - (n - 1) * 13
            for i, word in enumerate(lines_):
                out(f'<text x="{f(cx)}" y="{f(base + 26 * i)}" font-size="22">{word}</text>')
        cx = mx((HEMI_X0 + HEMI_X1) / 2) if m else (HEMI_X0 + HEMI_X1) / 2
        for (y0, y1), level in (((C5_TAB_Y0, C5_TAB_Y1), "C5"), ((T6_Y0, T6_Y1), "T6")):
            mid = (y0 + y1) / 2
            out(f'<text x="{f(cx)}" y="{f(mid - 3)}" font-size="28">\u00bd</text>')
            out(f'<text x="{f(cx)}" y="{f(mid + 23)}" font-size="22">{level}</text>')
    for _sid, (y0, y1), word in MIDLINE_TABS:
        out(f'<text x="{MID}" y="{f((y0 + y1) / 2 + 8)}" font-size="22">{word}</text>')
    close_g()
    ind -= 1
    out("</svg>")


draw()
import sys

target = (
    Path(sys.argv[1])
    if len(sys.argv) > 1
    else Path(__file__).resolve().parents[1] / "assets/svg/neuraxis.svg"
)
target.write_text("\n".join(lines) + "\n", encoding="utf-8")
print("wrote", target, len(lines), "lines")
