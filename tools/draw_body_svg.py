"""Draw assets/svg/body.svg: a front-view body map, one region element per region and side.

The SVG is the source of truth (it may be edited by hand or in Inkscape); this script drew it
and overwrites such edits. Run from tools/:  python draw_body_svg.py ../assets/svg/body.svg
"""

from __future__ import annotations

import sys
from pathlib import Path

from svg_drawing import bez, check_overlaps, d_of, ellipse, f, grow, mirror, poly, rect
from svg_drawing import shape as outlined

W, H, MID = 500, 1000, 250
SKIN = "#f3ebe2"
INK = "#222222"
HAIR = "#cdc3b8"
MOUTH = "#5b2626"
TONGUE = "#f0c4bf"
STROKE = 3.5
FONT = "DejaVu Sans"

left_half = rect(-10, -10, MID, H + 10)
right_half = rect(MID, -10, W + 10, H + 10)

head = bez(
    (250, 38),
    ((180, 38), (126, 88), (126, 160)),
    ((126, 224), (154, 272), (196, 296)),
    ((216, 307), (234, 311), (250, 311)),
    ((266, 311), (284, 307), (304, 296)),
    ((346, 272), (374, 224), (374, 160)),
    ((374, 88), (320, 38), (250, 38)),
)
hair = head & rect(0, 0, W, 72)
mouth = ellipse(250, 250, 40, 13)
tongue = bez(
    (216, 250),
    (216, 290),
    ((216, 314), (232, 330), (250, 330)),
    ((268, 330), (284, 314), (284, 290)),
    (284, 250),
)
notch = grow(mouth | tongue, 1.5)

face_upper = head & rect(0, 72, W, 140)
eye = bez((236, 176), ((222, 140), (166, 140), (150, 174)), ((166, 204), (222, 204), (236, 176)))
face_lower = (head & rect(0, 208, W, H)) - notch

neck = poly([(212, 286), (288, 286), (292, 352), (208, 352)])
torso = bez(
    (250, 336),
    (204, 336),
    ((180, 340), (160, 348), (154, 364)),
    (154, 430),
    ((160, 470), (170, 500), (168, 530)),
    ((166, 560), (156, 580), (154, 604)),
    (250, 664),
    (346, 604),
    ((344, 580), (334, 560), (332, 530)),
    ((330, 500), (340, 470), (346, 430)),
    (346, 364),
    ((340, 348), (320, 340), (296, 336)),
)
arm = bez(
    (210, 336),
    ((176, 330), (122, 336), (110, 380)),
    ((102, 412), (100, 440), (98, 470)),
    (88, 612),
    (140, 612),
    (144, 490),
    ((148, 462), (152, 442), (154, 428)),
    ((158, 382), (180, 350), (210, 336)),
)
hand = bez(
    (88, 600),
    (140, 600),
    ((146, 636), (147, 676), (142, 700)),
    ((136, 718), (104, 722), (96, 706)),
    ((90, 694), (88, 680), (87, 668)),
    ((78, 664), (66, 652), (64, 638)),
    ((62, 626), (72, 622), (80, 630)),
    ((85, 632), (88, 622), (88, 600)),
)
limb = arm | hand
WRIST = 608
arm_r = limb & rect(0, 0, W, WRIST)
hand_r = limb & rect(0, WRIST, W, H)

leg = bez(
    (154, 596),
    ((146, 650), (158, 724), (172, 784)),
    ((178, 824), (182, 870), (186, 910)),
    (230, 910),
    ((230, 864), (232, 824), (234, 794)),
    ((238, 744), (244, 700), (245, 650)),
)
foot = bez(
    (188, 900),
    (230, 900),
    ((235, 924), (237, 946), (233, 964)),
    ((227, 980), (192, 982), (174, 974)),
    ((163, 967), (168, 950), (177, 938)),
    ((184, 928), (187, 914), (188, 900)),
)
legfoot = leg | foot
ANKLE = 908
leg_r = legfoot & rect(0, 0, W, ANKLE)
foot_r = legfoot & rect(0, ANKLE, W, H)

limbs_both = limb | mirror(limb, MID) | legfoot | mirror(legfoot, MID)
trunk = torso - limbs_both

# patient's right is on the viewer's left (x < MID)
regions: dict[str, tuple] = {}
for side, half, flip in (("right", left_half, False), ("left", right_half, True)):

    def m(p, flip=flip):
        return mirror(p, MID) if flip else p

    regions[f"face-upper-{side}"] = face_upper & half
    regions[f"eye-{side}"] = m(eye)
    regions[f"face-lower-{side}"] = face_lower & half
    regions[f"tongue-{side}"] = tongue & half
    regions[f"arm-{side}"] = m(arm_r)
    regions[f"hand-{side}"] = m(hand_r)
    regions[f"trunk-{side}"] = trunk & half
    regions[f"leg-{side}"] = m(leg_r)
    regions[f"foot-{side}"] = m(foot_r)

ORDER = ["eye", "face-upper", "face-lower", "tongue", "arm", "hand", "trunk", "leg", "foot"]


def shape(d: str, fill: str, stroke: str = INK, width: float = STROKE, extra: str = "") -> str:
    return outlined(d, fill, stroke, width, extra)


def line(d: str, width: float = 3, colour: str = INK) -> str:
    return (
        f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="{f(width)}" '
        'stroke-linecap="round" stroke-linejoin="round"/>'
    )


def svg() -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" viewBox="0 0 {W} {H}" '
            f'width="{W}" height="{H}">'
        ),
        "  <title>Neuraxis body map (front view)</title>",
        (
            "  <desc>Front view of the patient: the patient's right is on the viewer's left. Each element with "
            'class="region" is one body region on one side; its id is body-REGION-SIDE. Everything else is '
            "decoration.</desc>"
        ),
        f'  <rect x="0" y="0" width="{W}" height="{H}" fill="#ffffff"/>',
        '  <g id="deco-under">',
        "    " + shape(d_of(ellipse(124, 178, 13, 27)), SKIN),
        "    " + shape(d_of(ellipse(376, 178, 13, 27)), SKIN),
        "    " + shape(d_of(neck), SKIN),
        "    " + shape(d_of(head), SKIN),
        "    " + shape(d_of(hair), HAIR),
        "    " + shape(d_of(torso), SKIN),
        "    " + shape(d_of(mouth), MOUTH),
        "  </g>",
    ]
    for region in ORDER:
        for side in ("right", "left"):
            key = f"{region}-{side}"
            fill = TONGUE if region == "tongue" else "#ffffff" if region == "eye" else SKIN
            out.append(f'  <g id="body-{key}" class="region">')
            out.append("    " + shape(d_of(regions[key]), fill))
            out.append("  </g>")
    deco = []
    for flip in (False, True):

        def mm(points, flip=flip):
            return [(2 * MID - x, y) if flip else (x, y) for x, y in points]

        def pd(points):
            return "M " + " L ".join(f"{f(x)},{f(y)}" for x, y in points)

        # eyebrow, iris, lid crease
        deco.append(line(pd(mm([(154, 132), (180, 124), (208, 124), (232, 130)])), 5))
        cx = 193 if not flip else 307
        deco.append(f'<circle cx="{cx}" cy="174" r="14" fill="#6b5646" stroke="{INK}" stroke-width="2"/>')
        deco.append(f'<circle cx="{cx}" cy="174" r="5.5" fill="{INK}"/>')
        # fingers
        for x0, x1 in ((102, 101), (115, 115), (128, 130)):
            deco.append(line(pd(mm([(x0, 676), (x1, 712)])), 2.5))
        # knee
        deco.append(line(pd(mm([(192, 780), (204, 792), (222, 792), (230, 780)])), 2.5))
        # toes
        for x in (192, 204, 216):
            deco.append(line(pd(mm([(x, 962), (x - 1, 976)])), 2.5))
    # nose and lips
    deco.append(line("M 248,172 L 236,222 C 240,230 260,230 264,222", 3))
    deco.append(line("M 210,250 C 228,240 272,240 290,250", 3.5))
    deco.append(line("M 250,268 L 250,320", 2.5, "#9c5a55"))
    deco.append(f'<circle cx="250" cy="540" r="4" fill="{INK}"/>')
    out.append('  <g id="deco-details">')
    out += ["    " + d for d in deco]
    out.append("  </g>")
    out.append('  <g id="deco-labels" font-family="DejaVu Sans" font-weight="bold" fill="#111111">')
    out.append('    <text x="46" y="112" font-size="60" text-anchor="middle">R</text>')
    out.append('    <text x="454" y="112" font-size="60" text-anchor="middle">L</text>')
    out.append("  </g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    check_overlaps(regions)
    Path(sys.argv[1]).write_text(svg())
