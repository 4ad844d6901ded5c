"""Signs by day since onset (cerebral / spinal shock, wasting and denervation), without Qt."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.model.content import Content
from app.model.findings import Finding, evaluate


def at(content: Content, site: str, day: int | None) -> dict[tuple[str, str], Finding]:
    return {(f.region, f.side): f for f in evaluate(content, [site], day).findings}


def test_day_one_after_a_cord_lesion_is_flaccid_and_areflexic(content: Content) -> None:
    leg = at(content, "lateral-corticospinal-t6-left", 1)[("leg", "left")]
    assert leg.lesions == ("UMN",)
    assert {"hypotonia", "hyporeflexia", "weakness"} <= set(leg.signs)
    assert not {"spasticity", "hyperreflexia", "clonus"} & set(leg.signs)
    shock = [e for e in leg.evidence if e.sign == "hyporeflexia"]
    assert shock
    assert all(e.lesion == "UMN" for e in shock), "depressed by spinal shock, not by a cut arc"


def test_day_one_after_a_stroke_is_floppy_with_reflexes_and_plantar_uncertain(content: Content) -> None:
    """Spinal shock is a cord phenomenon: after a stroke the reflexes may be reduced, normal or brisk in
    the first days, and an extensor plantar is found in about a third of patients."""
    found = at(content, "internal-capsule-left", 1)
    leg, foot = found[("leg", "right")], found[("foot", "right")]
    assert {"hypotonia", "weakness"} <= set(leg.signs)
    assert not {"hyporeflexia", "hyperreflexia"} & set(leg.signs)
    assert {"hyporeflexia", "hyperreflexia"} <= set(leg.possible)
    assert "babinski" not in foot.signs
    assert "babinski" in foot.possible


@pytest.mark.parametrize("site", ["internal-capsule-left", "lateral-corticospinal-t6-right"])
def test_established_umn_lesion_is_spastic_and_hyperreflexic(content: Content, site: str) -> None:
    for day in (60, None):
        foot = next(f for f in at(content, site, day).values() if f.region == "foot")
        assert {"spasticity", "hyperreflexia", "babinski"} <= set(foot.signs)
        assert "clonus" in foot.signs or "clonus" in foot.possible
        assert not {"hypotonia", "hyporeflexia"} & set(foot.signs)


def test_umn_signs_appear_in_order_below_a_cord_lesion(content: Content) -> None:
    def foot(day: int) -> set[str]:
        return set(at(content, "lateral-corticospinal-t6-left", day)[("foot", "left")].signs)

    assert "babinski" not in foot(1)
    assert "babinski" in foot(3), "the plantar turns extensor within days"
    assert "hyperreflexia" in foot(8)
    assert "spasticity" not in foot(8)
    assert {"spasticity", "clonus"} <= foot(15)


def test_shock_ends_with_the_bulbocavernosus_reflex(content: Content) -> None:
    day1 = at(content, "transection-t6", 1)[("saddle", "left")]
    day3 = at(content, "transection-t6", 3)[("saddle", "left")]
    assert "absent-sacral-reflexes" in day1.signs
    assert "absent-sacral-reflexes" not in day3.signs
    assert "sphincter-dysfunction" in day3.signs


def test_anterior_horn_lesion_wastes_by_two_months_not_on_day_one(content: Content) -> None:
    day1 = at(content, "anterior-horn-c5-left", 1)[("arm", "left")]
    day60 = at(content, "anterior-horn-c5-left", 60)[("arm", "left")]
    assert "atrophy" not in day1.signs
    assert "fibrillations" not in day1.signs
    assert {"hypotonia", "hyporeflexia", "weakness"} <= set(day1.signs), "flaccid from the start"
    assert {"atrophy", "fibrillations"} <= set(day60.signs)


def test_lesion_types_do_not_depend_on_the_day(content: Content) -> None:
    for site in ("internal-capsule-left", "anterior-horn-c5-left", "hemisection-c5-right"):
        kinds = {evaluate(content, [site], day).lesions for day in (0, 1, 10, 30, None)}
        assert len(kinds) == 1, site


def test_findings_day_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["findings", "internal-capsule-left", "--day", "1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["day"] == 1
    arm = next(f for f in data["findings"] if f["region"] == "arm")
    assert "hypotonia" in arm["signs"]
    assert "spasticity" not in arm["signs"]
    assert main(["findings", "internal-capsule-left", "--json"]) == 0
    established = json.loads(capsys.readouterr().out)
    assert "day" not in established
    arm = next(f for f in established["findings"] if f["region"] == "arm")
    assert "spasticity" in arm["signs"]


def test_time_course_curves_cover_every_lesion_type(content: Content) -> None:
    physiology = content.physiology
    for measure in physiology.measures:
        assert {c.lesion for c in measure.curves} == {"UMN", "LMN", "NMJ", "muscle"}, measure.id
    tone = next(m for m in physiology.measures if m.id == "tone")
    umn = next(c for c in tone.curves if c.lesion == "UMN")
    assert umn.points[0][1] < 0 < umn.points[-1][1], "flaccid first, spastic later"
    assert {p.id for p in physiology.tone_profiles} >= {"normal", "spastic", "flaccid", "rigid"}
    assert {t.id for t in physiology.reflex_traces} >= {"normal", "brisk", "reduced", "absent"}
