"""The findings engine against the clinical picture each site should teach, without Qt."""

from __future__ import annotations

import pytest

from app.model.content import Content
from app.model.findings import Engine, Finding, UnknownIdError, evaluate

SIDES = ("left", "right")
OTHER = {"left": "right", "right": "left"}
LIMB_REGIONS = {"arm", "hand", "trunk", "leg", "foot"}
UMN_ONLY_SIGNS = {"spasticity", "hyperreflexia", "babinski", "clonus", "hoffmann"}
LMN_ONLY_SIGNS = {"hypotonia", "hyporeflexia", "atrophy", "fasciculations", "fibrillations"}


def by_place(content: Content, *sites: str) -> dict[tuple[str, str], Finding]:
    return {(f.region, f.side): f for f in evaluate(content, sites).findings}


def regions_on(found: dict[tuple[str, str], Finding], side: str) -> set[str]:
    """Regions with a motor lesion on ``side``."""
    return {region for (region, s), f in found.items() if s == side and f.lesions}


# --- above the decussation: contralateral UMN ----------------------------------------------------

BULBAR = {"face-lower", "tongue"}
"""Lower face and tongue: cortical input mainly from the opposite hemisphere."""
LIMBS = {"arm", "hand", "leg", "foot"}
"""The trunk is not among them: its muscles are fed from both hemispheres and spared."""
ABOVE_DECUSSATION = {
    # site prefix: regions weakened on the opposite side
    "motor-cortex-face-arm": BULBAR | {"arm", "hand"},
    "motor-cortex-leg": {"leg", "foot"},
    "corona-radiata": BULBAR | LIMBS,
    "internal-capsule": BULBAR | LIMBS,
    "cerebral-peduncle": BULBAR | LIMBS,
    "basis-pontis": BULBAR | LIMBS,
    "medullary-pyramid": LIMBS,
}


@pytest.mark.parametrize("side", SIDES)
@pytest.mark.parametrize("prefix", sorted(ABOVE_DECUSSATION))
def test_lesion_above_decussation_gives_contralateral_umn(content: Content, prefix: str, side: str) -> None:
    found = by_place(content, f"{prefix}-{side}")
    assert regions_on(found, side) == set(), "nothing on the side of the lesion"
    assert regions_on(found, OTHER[side]) == ABOVE_DECUSSATION[prefix]
    for finding in found.values():
        if finding.region == "trunk":  # spared, though its abdominal reflexes may be lost
            assert finding.signs == ("absent-abdominal-reflexes",)
            continue
        assert finding.lesions == ("UMN",)
        assert "weakness" in finding.signs
        assert not LMN_ONLY_SIGNS & set(finding.signs)


@pytest.mark.parametrize("side", SIDES)
def test_one_sided_umn_lesion_spares_the_upper_face(content: Content, side: str) -> None:
    found = by_place(content, f"internal-capsule-{side}")
    assert ("face-lower", OTHER[side]) in found
    assert ("face-upper", OTHER[side]) not in found
    assert ("face-upper", side) not in found


def test_both_hemispheres_cut_loses_the_upper_face(content: Content) -> None:
    found = by_place(content, "internal-capsule-left", "internal-capsule-right")
    for side in SIDES:
        assert found[("face-upper", side)].lesions == ("UMN",)
        assert found[("face-lower", side)].lesions == ("UMN",)


@pytest.mark.parametrize("side", SIDES)
def test_facial_nerve_lesion_takes_the_whole_face_on_its_own_side(content: Content, side: str) -> None:
    found = by_place(content, f"facial-nerve-{side}")
    assert set(found) == {("face-upper", side), ("face-lower", side)}
    for finding in found.values():
        assert finding.lesions == ("LMN",)
        assert {"weakness", "atrophy"} <= set(finding.signs)


def test_established_umn_limb_signs(content: Content) -> None:
    found = by_place(content, "internal-capsule-left")
    assert {"spasticity", "hyperreflexia"} <= set(found[("arm", "right")].signs)
    assert {"babinski", "spasticity", "hyperreflexia"} <= set(found[("foot", "right")].signs)
    assert found[("face-lower", "right")].signs == ("weakness",)


def test_a_hemisphere_lesion_does_not_show_every_umn_sign(content: Content) -> None:
    """Clonus after a stroke is found in only some patients, and a Hoffmann sign in healthy people too:
    both may be present, neither is expected."""
    found = by_place(content, "internal-capsule-left")
    assert "clonus" not in found[("foot", "right")].signs
    assert "clonus" in found[("foot", "right")].possible
    assert "hoffmann" not in found[("hand", "right")].signs
    assert "hoffmann" in found[("hand", "right")].possible
    cord = by_place(content, "lateral-corticospinal-t6-left")
    assert "clonus" in cord[("foot", "left")].signs, "below a cord lesion clonus is the rule"


@pytest.mark.parametrize("site", ["internal-capsule-left", "motor-cortex-leg-left", "corona-radiata-left"])
def test_one_hemisphere_spares_the_trunk_but_may_lose_its_abdominal_reflexes(
    content: Content, site: str
) -> None:
    """Axial muscles have input from both hemispheres (like the forehead); the abdominal reflexes,
    which follow the crossed corticospinal tract, are lost on the weak side only."""
    found = by_place(content, site)
    trunk = found[("trunk", "right")]
    assert trunk.lesions == ()
    assert "weakness" not in trunk.signs
    assert "absent-abdominal-reflexes" in trunk.signs
    assert ("trunk", "left") not in found


def test_both_hemispheres_weaken_the_trunk(content: Content) -> None:
    found = by_place(content, "internal-capsule-left", "internal-capsule-right")
    for side in SIDES:
        assert found[("trunk", side)].lesions == ("UMN",)
        assert "weakness" in found[("trunk", side)].signs


def test_midline_decussation_lesion_gives_cruciate_paralysis(content: Content) -> None:
    found = by_place(content, "pyramidal-decussation")
    weak = {key for key, f in found.items() if f.lesions}
    assert weak == {(region, side) for region in ("arm", "hand") for side in SIDES}
    assert all(f.lesions == ("UMN",) for f in found.values() if f.lesions)


# --- below the decussation: ipsilateral -----------------------------------------------------------

BELOW = {
    # the trunk keeps its uncrossed route down the anterior corticospinal tract
    "lateral-corticospinal-c5": ({"arm", "hand", "leg", "foot"}, "UMN"),
    "lateral-corticospinal-t6": ({"leg", "foot"}, "UMN"),
    "anterior-horn-c5": ({"arm"}, "LMN"),
    "anterior-horn-l4": ({"leg", "foot"}, "LMN"),
    "ventral-root-c5": ({"arm"}, "LMN"),
    "ventral-root-l5": ({"leg", "foot"}, "LMN"),
    "brachial-plexus": ({"arm", "hand"}, "LMN"),
    "lumbosacral-plexus": ({"saddle", "leg", "foot"}, "LMN"),
    "radial-nerve": ({"arm", "hand"}, "LMN"),
    "common-peroneal-nerve": ({"foot"}, "LMN"),
    "tibial-nerve": ({"foot"}, "LMN"),
}


@pytest.mark.parametrize("side", SIDES)
@pytest.mark.parametrize("prefix", sorted(BELOW))
def test_lesion_below_decussation_is_ipsilateral_and_segmental(
    content: Content, prefix: str, side: str
) -> None:
    regions, lesion = BELOW[prefix]
    found = by_place(content, f"{prefix}-{side}")
    assert regions_on(found, OTHER[side]) == set()
    assert regions_on(found, side) == regions
    for finding in found.values():
        assert finding.lesions in ((lesion,), ())
        forbidden = LMN_ONLY_SIGNS if lesion == "UMN" else UMN_ONLY_SIGNS
        assert not forbidden & set(finding.signs), finding


def test_anterior_horn_lesion_shows_lmn_signs_of_its_segment_only(content: Content) -> None:
    found = by_place(content, "anterior-horn-c5-right")
    arm = found[("arm", "right")]
    assert {"weakness", "hypotonia", "hyporeflexia", "atrophy"} <= set(arm.signs)
    assert "fasciculations" in arm.possible, "after an acute anterior horn lesion: possible, not expected"
    reduced = {name for e in arm.evidence if e.sign == "hyporeflexia" for name in e.via}
    assert reduced == {"Biceps jerk", "Brachioradialis (supinator) jerk"}, "triceps (C7) is kept"
    weak = {name for e in arm.evidence if e.sign == "weakness" for name in e.via}
    assert "Elbow extension (triceps)" not in weak


def test_radial_nerve_at_spiral_groove_spares_triceps(content: Content) -> None:
    found = by_place(content, "radial-nerve-left")
    weak = {name for f in found.values() for e in f.evidence if e.sign == "weakness" for name in e.via}
    assert "Wrist extension (radial wrist extensors)" in weak
    assert "Elbow extension (triceps)" not in weak


def test_l5_root_leaves_knee_and_ankle_jerks(content: Content) -> None:
    found = by_place(content, "ventral-root-l5-left")
    reduced = {name for f in found.values() for e in f.evidence if e.sign == "hyporeflexia" for name in e.via}
    assert reduced == {"Medial hamstring jerk"}


def test_thoracic_cord_lesion_spares_arms_and_loses_abdominal_reflexes(content: Content) -> None:
    found = by_place(content, "lateral-corticospinal-t6-left")
    assert ("arm", "left") not in found
    assert "absent-abdominal-reflexes" in found[("trunk", "left")].signs
    assert "babinski" in found[("foot", "left")].signs


# --- neither UMN nor LMN ---------------------------------------------------------------------------


@pytest.mark.parametrize("side", SIDES)
def test_neuromuscular_junction_is_neither_umn_nor_lmn(content: Content, side: str) -> None:
    found = by_place(content, f"neuromuscular-junction-{side}")
    assert regions_on(found, side) == {"face-upper", "eye", "face-lower", "tongue", "bulbar", "arm", "leg"}
    assert regions_on(found, OTHER[side]) == set()
    for finding in found.values():
        assert finding.lesions in (("NMJ",), ())
        assert not (UMN_ONLY_SIGNS | LMN_ONLY_SIGNS) & set(finding.signs)
        if finding.lesions:
            assert "fatigable-weakness" in finding.signs
        else:
            assert finding.possible_lesions == ("NMJ",), "the distal limbs and the diaphragm: possible"


@pytest.mark.parametrize("side", SIDES)
def test_muscle_disease_is_proximal_and_spares_the_eyes(content: Content, side: str) -> None:
    found = by_place(content, f"muscle-{side}")
    assert regions_on(found, side) == {"arm", "trunk", "leg"}
    for finding in found.values():
        assert finding.lesions in (("muscle",), ())
        assert finding.signs in (("weakness",), ())
    for region in ("hand", "foot", "face-upper", "face-lower"):
        assert "weakness" in found[(region, side)].possible, region
    assert (("eye", side)) not in found, "myasthenia takes the eyes; myopathy spares them"


# --- combinations -----------------------------------------------------------------------------------


def test_two_structural_lesions_give_umn_and_lmn_in_the_same_limb(content: Content) -> None:
    """A capsule stroke and an anterior horn lesion of the same segments: the cut arc cannot be
    released, so the reflexes of that segment are lost (the ALS picture needs partial loss)."""
    found = by_place(content, "motor-cortex-face-arm-left", "anterior-horn-c5-right")
    arm = found[("arm", "right")]
    assert arm.lesions == ("UMN", "LMN")
    assert {"hyperreflexia", "hyporeflexia", "atrophy", "spasticity"} <= set(arm.signs)
    reduced = {v for e in arm.evidence if e.sign == "hyporeflexia" for v in e.via}
    assert reduced == {"Biceps jerk", "Brachioradialis (supinator) jerk"}


def test_paralysed_toe_extensors_abolish_the_babinski_sign(content: Content) -> None:
    alone = by_place(content, "lateral-corticospinal-t6-left")
    both = by_place(content, "lateral-corticospinal-t6-left", "common-peroneal-nerve-left")
    assert "babinski" in alone[("foot", "left")].signs
    assert "babinski" not in both[("foot", "left")].signs
    assert both[("foot", "left")].lesions == ("UMN", "LMN")


def test_combination_is_order_independent_and_deduplicated(content: Content) -> None:
    one = evaluate(content, ["anterior-horn-c5-left", "internal-capsule-left", "anterior-horn-c5-left"])
    two = evaluate(content, ["internal-capsule-left", "anterior-horn-c5-left"])
    assert one.sites == ("anterior-horn-c5-left", "internal-capsule-left")
    assert {(f.region, f.side, f.lesions, f.signs) for f in one.findings} == {
        (f.region, f.side, f.lesions, f.signs) for f in two.findings
    }


def test_empty_selection_has_no_findings(content: Content) -> None:
    assert evaluate(content, []).findings == ()


def test_unknown_site_is_refused(content: Content) -> None:
    with pytest.raises(UnknownIdError, match="no-such-site"):
        evaluate(content, ["no-such-site"])


def test_every_site_has_findings(content: Content) -> None:
    for site in content.sites:
        assert evaluate(content, [site.id]).findings, site.id


def test_every_disease_has_findings(content: Content) -> None:
    for disease in content.diseases:
        assert evaluate(content, disease.typical, disease=disease.id).findings, disease.id


def test_disease_lesion_types_follow_from_their_sites(content: Content) -> None:
    # disease: (lesion types of all the sites it can involve, of its typical presentation)
    expected = {
        "stroke": (("UMN", "LMN"), ("UMN",)),  # crossed brainstem strokes add cranial nerve LMN signs
        "multiple-sclerosis": (("UMN",), ("UMN",)),
        "als": (("UMN", "LMN"), ("UMN", "LMN")),
        "poliomyelitis": (("LMN",), ("LMN",)),
        "peripheral-neuropathy": (("LMN",), ("LMN",)),
        "nerve-trauma": (("LMN",), ("LMN",)),
        "bell-palsy": (("LMN",), ("LMN",)),
        "myasthenia-gravis": (("NMJ",), ("NMJ",)),
        "lambert-eaton": (("NMJ",), ("NMJ",)),
        "inflammatory-myopathy": (("muscle",), ("muscle",)),
        "cidp": (("LMN",), ("LMN",)),
        "primary-lateral-sclerosis": (("UMN",), ("UMN",)),
        "progressive-muscular-atrophy": (("LMN",), ("LMN",)),
        "myopathy": (("muscle",), ("muscle",)),
    }
    for disease_id, (lesions, typical) in expected.items():
        disease = content.diseases_by_id[disease_id]
        assert disease.lesions == lesions, disease_id
        assert evaluate(content, disease.typical, disease=disease_id).lesions == typical, disease_id


def test_polyneuropathy_loses_the_ankle_jerks(content: Content) -> None:
    typical = content.diseases_by_id["peripheral-neuropathy"].typical
    found = by_place(content, *typical)
    for side in SIDES:
        reduced = {n for e in found[("foot", side)].evidence if e.sign == "hyporeflexia" for n in e.via}
        assert "Ankle jerk" in reduced


def test_a_second_pass_through_every_site_is_not_evaluated_again(
    content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A teacher steps through every site (Page Down) and back: the engine keeps more findings than
    there are sites, so the second pass evaluates none of them again."""
    from app.model import findings as engine_module

    engine = Engine(content)
    sites = [site.id for site in content.sites]
    first = [engine.evaluate([site]) for site in sites]
    calls: list[object] = []
    real = engine_module.evaluate

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine_module, "evaluate", counted)
    again = [engine.evaluate([site]) for site in reversed(sites)]
    assert calls == []
    assert again == first[::-1]
