"""Crossed brainstem syndromes and spinal cord syndromes with sensory tracts, against the textbook
picture (side, level, UMN vs LMN, sensory modality; sources in content/references.yaml). No Qt."""

from __future__ import annotations

import pytest

from app.model.content import Content
from app.model.findings import Finding, evaluate

SIDES = ("left", "right")
OTHER = {"left": "right", "right": "left"}
PAIN, VIBRATION = "pain-temperature", "vibration-proprioception"
LIMBS = {"arm", "hand", "trunk", "leg", "foot"}
"""Regions whose sensation the cord carries (the saddle too); for weakness after a lesion of one side
above the cord the trunk is spared (input from both hemispheres)."""
WEAK_LIMBS = {"arm", "hand", "leg", "foot"}


def found(content: Content, *sites: str) -> dict[tuple[str, str], Finding]:
    return {(f.region, f.side): f for f in evaluate(content, sites).findings}


def motor(findings: dict[tuple[str, str], Finding], side: str) -> dict[str, tuple[str, ...]]:
    return {region: f.lesions for (region, s), f in findings.items() if s == side and f.lesions}


def sensory(findings: dict[tuple[str, str], Finding], side: str, modality: str) -> set[str]:
    return {region for (region, s), f in findings.items() if s == side and modality in f.sensory_loss}


# --- crossed brainstem syndromes: ipsilateral cranial nerve LMN, contralateral limb UMN -------------


@pytest.mark.parametrize("side", SIDES)
def test_weber_syndrome(content: Content, side: str) -> None:
    f = found(content, f"weber-{side}")
    assert motor(f, side) == {"eye": ("LMN",)}
    assert {"ptosis", "eye-down-and-out", "diplopia"} <= set(f[("eye", side)].signs)
    contra = motor(f, OTHER[side])
    assert set(contra) == {"face-lower", "tongue"} | WEAK_LIMBS
    assert all(lesions == ("UMN",) for lesions in contra.values())
    assert ("face-upper", OTHER[side]) not in f


@pytest.mark.parametrize("side", SIDES)
def test_millard_gubler_syndrome(content: Content, side: str) -> None:
    f = found(content, f"millard-gubler-{side}")
    same = motor(f, side)
    assert same == {"face-upper": ("LMN",), "face-lower": ("LMN",)}, "the whole hemiface"
    eye = f[("eye", side)]
    assert eye.signs == ()
    assert "abducens-palsy" in eye.possible, "VI is often caught, classically not: possible"
    assert "ptosis" not in eye.possible
    contra = motor(f, OTHER[side])
    assert set(contra) == WEAK_LIMBS, "the opposite face is spared: its fibres left above the caudal pons"
    assert all(lesions == ("UMN",) for lesions in contra.values())


@pytest.mark.parametrize("side", SIDES)
def test_medial_medullary_syndrome(content: Content, side: str) -> None:
    f = found(content, f"medial-medullary-{side}")
    assert motor(f, side) == {}, "the tongue is weak in a minority of patients only"
    assert {"tongue-deviation", "atrophy"} <= set(f[("tongue", side)].possible)
    contra = motor(f, OTHER[side])
    assert set(contra) == WEAK_LIMBS, "face spared"
    assert sensory(f, OTHER[side], VIBRATION) == LIMBS | {"saddle"}
    assert not sensory(f, OTHER[side], PAIN)
    assert not sensory(f, side, VIBRATION)


def test_hypoglossal_nucleus_lesion_wastes_its_half_of_the_tongue(content: Content) -> None:
    f = found(content, "hypoglossal-nucleus-right")
    assert motor(f, "right") == {"tongue": ("LMN",)}
    assert {"atrophy", "tongue-deviation"} <= set(f[("tongue", "right")].signs)
    assert "fasciculations" in f[("tongue", "right")].possible


def test_hemisphere_lesion_weakens_the_opposite_tongue(content: Content) -> None:
    f = found(content, "internal-capsule-left")
    assert f[("tongue", "right")].lesions == ("UMN",)
    assert ("tongue", "left") not in f


def test_eye_muscles_have_no_upper_motor_neuron_lesion(content: Content) -> None:
    both = found(content, "internal-capsule-left", "internal-capsule-right")
    assert ("eye", "left") not in both
    assert ("eye", "right") not in both


def test_myasthenia_gives_fatigable_ptosis_and_diplopia(content: Content) -> None:
    f = found(content, "neuromuscular-junction-left", "neuromuscular-junction-right")
    for side in SIDES:
        eye = f[("eye", side)]
        assert eye.lesions == ("NMJ",)
        assert {"ptosis", "diplopia", "fatigable-weakness"} <= set(eye.signs)


# --- spinal cord syndromes -------------------------------------------------------------------------------


@pytest.mark.parametrize("side", SIDES)
def test_hemisection_t6_brown_sequard(content: Content, side: str) -> None:
    f = found(content, f"hemisection-t6-{side}")
    other = OTHER[side]
    assert motor(f, side)["leg"] == ("UMN",)
    assert motor(f, side)["foot"] == ("UMN",)
    assert "babinski" in f[("foot", side)].signs
    assert motor(f, other) == {}, "no weakness on the other side"
    assert motor(f, side)["trunk"] == ("UMN",), (
        "both the crossed and the uncrossed tract are cut on this side"
    )
    assert sensory(f, side, VIBRATION) == {"trunk", "saddle", "leg", "foot"}
    assert sensory(f, side, PAIN) == {"trunk"}, "only a band at the level on the lesion's side"
    assert sensory(f, other, PAIN) == {"trunk", "saddle", "leg", "foot"}
    assert "sphincter-dysfunction" not in f[("saddle", side)].signs, "one side alone: possible only"
    assert "sphincter-dysfunction" in f[("saddle", side)].possible
    assert not sensory(f, other, VIBRATION)
    assert not {"arm", "hand"} & set(motor(f, side))


@pytest.mark.parametrize("side", SIDES)
def test_hemisection_c5_lmn_at_level_umn_below(content: Content, side: str) -> None:
    f = found(content, f"hemisection-c5-{side}")
    other = OTHER[side]
    assert f[("arm", side)].lesions == ("UMN", "LMN"), "LMN at C5 with UMN for the segments below"
    for region in ("hand", "leg", "foot"):
        assert f[(region, side)].lesions == ("UMN",), region
    assert "UMN" in f[("trunk", side)].lesions
    assert PAIN in f[("arm", side)].sensory_loss
    assert VIBRATION in f[("arm", side)].sensory_loss
    assert sensory(f, other, PAIN) == LIMBS | {"saddle"}, "contralateral pain loss from a segment below"
    assert "horner" in f[("eye", side)].signs, "above T1 the descending sympathetic fibres are cut"
    assert not sensory(f, other, VIBRATION)
    outer_shoulder = next(e for e in f[("arm", other)].sensory_evidence if e.sign == PAIN).via
    assert "Outer shoulder (C5)" not in outer_shoulder, "C5 crosses above the lesion: spared"


def test_central_cord_syrinx_pattern(content: Content) -> None:
    f = found(content, "central-cord-c5")
    for side in SIDES:
        assert "LMN" in f[("hand", side)].lesions
        assert "atrophy" in f[("hand", side)].signs
        assert f[("leg", side)].lesions == ("UMN",)
        assert {"arm", "hand"} <= sensory(f, side, PAIN), "cape-like pain and temperature loss"
        assert not sensory(f, side, VIBRATION), "touch and vibration spared"
        assert PAIN not in f[("leg", side)].sensory_loss


def test_anterior_cord_spares_the_dorsal_columns(content: Content) -> None:
    f = found(content, "anterior-cord-t6")
    for side in SIDES:
        assert f[("leg", side)].lesions == ("UMN",)
        assert sensory(f, side, PAIN) == {"trunk", "saddle", "leg", "foot"}
        assert not sensory(f, side, VIBRATION)
        assert ("arm", side) not in f
        assert "sphincter-dysfunction" in f[("saddle", side)].signs


def test_posterior_columns_lose_only_vibration_and_position(content: Content) -> None:
    f = found(content, "posterior-columns-t6")
    for side in SIDES:
        assert sensory(f, side, VIBRATION) == {"trunk", "saddle", "leg", "foot"}
        assert not sensory(f, side, PAIN)
        assert motor(f, side) == {}
        assert "sensory-ataxia" in f[("leg", side)].signs, "Romberg positive: the legs still move"
    as_json = evaluate(content, ["posterior-columns-t6"]).to_json()["findings"]
    leg = next(x for x in as_json if x["region"] == "leg" and x["side"] == "left")
    assert leg["lesions"] == []
    assert leg["sensory_loss"] == [VIBRATION]


def test_cauda_equina_is_lmn_with_sensory_loss_and_areflexia(content: Content) -> None:
    f = found(content, "cauda-equina")
    for side in SIDES:
        for region in ("leg", "foot"):
            assert f[(region, side)].lesions == ("LMN",)
            assert {PAIN, VIBRATION} <= set(f[(region, side)].sensory_loss)
        reduced = {v for e in f[("foot", side)].evidence if e.sign == "hyporeflexia" for v in e.via}
        assert "Ankle jerk" in reduced
        assert ("arm", side) not in f


def test_conus_medullaris_is_saddle_and_sphincters_with_legs_spared(content: Content) -> None:
    """Saddle anaesthesia and early sphincter failure dominate; the legs are normal or mildly weak,
    the knee jerks kept, the ankle jerks may go; anal and bulbocavernosus reflexes are lost."""
    f = found(content, "conus-medullaris")
    for side in SIDES:
        saddle = f[("saddle", side)]
        assert {"sphincter-dysfunction", "absent-sacral-reflexes"} <= set(saddle.signs)
        assert set(saddle.sensory_loss) == {PAIN, VIBRATION}
        for region in ("leg", "foot"):
            assert f[(region, side)].lesions == (), region
            assert f[(region, side)].signs == (), region
            assert "weakness" in f[(region, side)].possible, region
        ankle = {v for e in f[("foot", side)].possible_evidence if e.sign == "hyporeflexia" for v in e.via}
        assert ankle == {"Ankle jerk"}
        knee = {v for e in f[("leg", side)].possible_evidence if e.sign == "hyporeflexia" for v in e.via}
        assert "Knee jerk" not in knee
        assert "spasticity" not in f[("foot", side)].signs
        assert ("arm", side) not in f


def test_peripheral_nerve_lesion_loses_sensation_in_its_territory(content: Content) -> None:
    f = found(content, "radial-nerve-left")
    assert set(f[("hand", "left")].sensory_loss) == {PAIN, VIBRATION}
    assert next(e.via for e in f[("hand", "left")].sensory_evidence) == (
        "Back of the hand, thumb side (C6, C7)",
    )
    assert not f[("arm", "left")].sensory_loss


def test_ventral_root_lesion_is_purely_motor(content: Content) -> None:
    for site in ("ventral-root-c5-left", "ventral-root-l5-right", "anterior-horn-c5-left"):
        assert all(not x.sensory_loss for x in evaluate(content, [site]).findings), site


def test_tongue_deviates_only_when_one_half_is_weak(content: Content) -> None:
    one = found(content, "hypoglossal-nucleus-left")
    both = found(content, "hypoglossal-nucleus-left", "hypoglossal-nucleus-right")
    assert "tongue-deviation" in one[("tongue", "left")].signs
    for side in SIDES:
        assert both[("tongue", side)].lesions == ("LMN",)
        assert "tongue-deviation" not in both[("tongue", side)].signs
        assert "atrophy" in both[("tongue", side)].signs
