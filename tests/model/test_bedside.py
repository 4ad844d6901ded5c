"""The bedside exceptions a fixed rule gets wrong, and the syndromes a neurology teacher expects: each
test states the clinical picture the sources describe (content/references.yaml), not the engine's
output. No Qt."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.model.content import Content
from app.model.findings import Finding, evaluate

SIDES = ("left", "right")
PAIN, VIBRATION = "pain-temperature", "vibration-proprioception"
LMN_FEATURES = {"atrophy", "fasciculations", "fibrillations"}


def disease(content: Content, disease_id: str, day: int | None = None) -> dict[tuple[str, str], Finding]:
    typical = content.diseases_by_id[disease_id].typical
    return {(f.region, f.side): f for f in evaluate(content, typical, day, disease_id).findings}


def sites(content: Content, *site_ids: str, day: int | None = None) -> dict[tuple[str, str], Finding]:
    return {(f.region, f.side): f for f in evaluate(content, site_ids, day).findings}


def via(finding: Finding, sign: str, *, possible: bool = False) -> set[str]:
    evidence = finding.possible_evidence if possible else finding.evidence
    return {v for e in evidence if e.sign == sign for v in e.via}


def everywhere(found: dict[tuple[str, str], Finding], sign: str) -> bool:
    return any(sign in f.signs for f in found.values())


# --- motor neuron disease: partial loss of lower motor neurons --------------------------------------


def test_als_keeps_brisk_reflexes_in_wasted_fasciculating_limbs(content: Content) -> None:
    """Awaji / Gold Coast: active reflexes in a limb with LMN signs count as UMN signs."""
    found = disease(content, "als")
    for side in SIDES:
        for region in ("arm", "hand", "leg"):
            limb = found[(region, side)]
            assert limb.lesions == ("UMN", "LMN"), region
            assert {"weakness", "atrophy", "fasciculations", "hyperreflexia"} <= set(limb.signs), region
            assert "hyporeflexia" not in limb.signs, region
        assert via(found[("arm", side)], "hyperreflexia") >= {"Biceps jerk", "Triceps jerk"}


def test_als_wastes_the_hand_early_and_the_tongue_with_a_brisk_jaw_jerk(content: Content) -> None:
    found = disease(content, "als")
    for side in SIDES:
        assert {"Thumb abduction (abductor pollicis brevis)", "Finger spreading (interossei)"} <= via(
            found[("hand", side)], "atrophy"
        )
        assert {"atrophy", "fasciculations"} <= set(found[("tongue", side)].signs)
        assert "brisk-jaw-jerk" in found[("face-lower", side)].signs
        assert {"bulbar-palsy", "pseudobulbar-palsy"} <= set(found[("bulbar", side)].signs)
        assert "respiratory-weakness" in found[("trunk", side)].signs


def test_als_spares_the_eyes_the_sphincters_and_sensation(content: Content) -> None:
    found = disease(content, "als")
    for side in SIDES:
        assert ("eye", side) not in found
        assert ("saddle", side) not in found
    assert all(not f.sensory_loss for f in found.values())


def test_the_same_sites_without_the_disease_are_complete_lesions(content: Content) -> None:
    """Partial loss is a property of the degenerative process, not of the site: the same anterior horn
    destroyed by polio cuts the arc, so a UMN lesion above cannot make it brisk."""
    typical = content.diseases_by_id["als"].typical
    arm = {(f.region, f.side): f for f in evaluate(content, typical).findings}[("arm", "left")]
    assert "hyporeflexia" in arm.signs
    assert via(arm, "hyporeflexia") == {"Biceps jerk", "Brachioradialis (supinator) jerk"}


def test_progressive_muscular_atrophy_loses_reflexes_as_muscles_waste(content: Content) -> None:
    found = disease(content, "progressive-muscular-atrophy")
    arm = found[("arm", "left")]
    assert arm.lesions == ("LMN",)
    assert {"atrophy", "fasciculations", "hyporeflexia"} <= set(arm.signs)
    assert not {"spasticity", "hyperreflexia", "babinski"} & set(arm.signs)


def test_cervical_myelopathy_wastes_the_hands_with_an_inverted_radial_reflex(content: Content) -> None:
    found = disease(content, "cervical-myelopathy")
    for side in SIDES:
        assert "atrophy" in found[("hand", side)].signs, "the myelopathy hand"
        arm = found[("arm", side)]
        assert "Brachioradialis (supinator) jerk" in via(arm, "hyporeflexia")
        assert "Triceps jerk" in via(arm, "hyperreflexia")
        assert "babinski" in found[("foot", side)].signs
    assert not everywhere(found, "brisk-jaw-jerk"), "below the pons: a normal jaw jerk tells it from ALS"
    assert not everywhere(found, "respiratory-weakness")


# --- fasciculations, wasting and denervation follow the process and the day ---------------------------


@pytest.mark.parametrize(
    ("site_ids", "disease_id"),
    [
        (("radial-nerve-left",), None),
        (("facial-nerve-right",), None),
        (("cauda-equina",), None),
        ((), "guillain-barre"),
        ((), "bell-palsy"),
    ],
)
def test_no_fasciculations_in_acute_nerve_and_root_lesions(
    content: Content, site_ids: tuple[str, ...], disease_id: str | None
) -> None:
    for day in (0, 3):
        found = disease(content, disease_id, day) if disease_id else sites(content, *site_ids, day=day)
        for finding in found.values():
            assert not LMN_FEATURES & set(finding.signs), finding
            assert "fasciculations" not in finding.possible, finding


def test_a_nerve_lesion_wastes_and_denervates_over_weeks(content: Content) -> None:
    day0 = sites(content, "radial-nerve-left", day=0)[("hand", "left")]
    day60 = sites(content, "radial-nerve-left", day=60)[("hand", "left")]
    assert {"weakness"} <= set(day0.signs)
    assert not {"atrophy", "fibrillations", "fasciculations"} & set(day0.signs)
    assert {"atrophy", "fibrillations"} <= set(day60.signs)
    assert "fasciculations" not in day60.signs
    assert "fasciculations" not in day60.possible, "a nerve lesion never fasciculates"


def test_fasciculations_are_only_possible_after_an_acute_anterior_horn_lesion(content: Content) -> None:
    arm = sites(content, "anterior-horn-c5-left")[("arm", "left")]
    assert "fasciculations" not in arm.signs
    assert "fasciculations" in arm.possible
    root = sites(content, "root-c7-left")[("arm", "left")]
    assert "fasciculations" in root.possible, "uncommon in root lesions, but seen"


def test_guillain_barre_is_areflexic_without_early_wasting(content: Content) -> None:
    for day in (7, 21, None):
        found = disease(content, "guillain-barre", day)
        for side in SIDES:
            for region in ("arm", "leg"):
                limb = found[(region, side)]
                assert {"weakness", "hyporeflexia"} <= set(limb.signs)
                assert not {"atrophy", "fibrillations", "fasciculations"} & set(limb.signs)
            assert "respiratory-weakness" in found[("trunk", side)].possible, "about one patient in five"
            assert found[("face-upper", side)].lesions == ("LMN",), "facial diplegia"
    late = disease(content, "guillain-barre", 90)[("leg", "left")]
    assert {"atrophy", "fibrillations"} <= set(late.possible), "only if axons are lost too"
    description = " ".join(content.diseases_by_id["guillain-barre"].disagreement)
    assert "axonal" in description


def test_bell_palsy_develops_within_72_hours_and_does_not_waste(content: Content) -> None:
    bell = content.diseases_by_id["bell-palsy"]
    text = " ".join((*bell.summary, *bell.features))
    assert "72 hours" in text
    assert "three weeks" not in text
    for day in (1, 30, None):
        face = disease(content, "bell-palsy", day)[("face-upper", "right")]
        assert face.lesions == ("LMN",)
        assert not {"atrophy", "fasciculations"} & set(face.signs)


# --- neuromuscular junction and muscle ------------------------------------------------------------


def test_myasthenia_takes_the_eyes_and_spares_the_pupils_and_reflexes(content: Content) -> None:
    found = disease(content, "myasthenia-gravis")
    for side in SIDES:
        assert {"ptosis", "diplopia", "fatigable-weakness"} <= set(found[("eye", side)].signs)
        assert "pupil-dilated" not in found[("eye", side)].signs
    assert not everywhere(found, "hyporeflexia")
    assert "respiratory-weakness" in found[("trunk", "left")].possible, "a myasthenic crisis"


def test_lambert_eaton_reduces_reflexes_with_post_exercise_facilitation(content: Content) -> None:
    found = disease(content, "lambert-eaton")
    for side in SIDES:
        leg = found[("leg", side)]
        assert {"weakness", "hyporeflexia", "post-exercise-facilitation"} <= set(leg.signs)
        assert found[("eye", side)].signs == (), "the eyes are involved less often than in myasthenia"
        assert "ptosis" in found[("eye", side)].possible


def test_myopathy_is_proximal_and_spares_the_eyes(content: Content) -> None:
    for disease_id in ("myopathy", "inflammatory-myopathy"):
        found = disease(content, disease_id)
        for side in SIDES:
            assert found[("leg", side)].lesions == ("muscle",)
            assert found[("hand", side)].lesions == (), "distal muscles later, if at all"
            assert ("eye", side) not in found
        assert not everywhere(found, "fasciculations")


# --- new syndromes -----------------------------------------------------------------------------


@pytest.mark.parametrize("side", SIDES)
def test_lateral_medullary_syndrome(content: Content, side: str) -> None:
    other = "right" if side == "left" else "left"
    found = sites(content, f"lateral-medullary-{side}")
    assert not any(f.lesions for (region, s), f in found.items() if region != "bulbar"), "no hemiparesis"
    assert found[("bulbar", side)].lesions == ("LMN",)
    assert "bulbar-palsy" in found[("bulbar", side)].signs
    assert "horner" in found[("eye", side)].signs
    assert PAIN in found[("face-lower", side)].sensory_loss, "the face on the side of the lesion"
    assert PAIN in found[("leg", other)].sensory_loss, "the body on the other side"
    assert PAIN not in found.get(("leg", side), Finding("leg", side, (), ())).sensory_loss
    assert "limb-ataxia" in found[("arm", side)].signs
    assert PAIN in found[("face-lower", other)].possible_sensory_loss


def test_complete_transection_loses_everything_below_after_spinal_shock(content: Content) -> None:
    day1 = sites(content, "transection-t6", day=1)
    later = sites(content, "transection-t6", day=60)
    for side in SIDES:
        assert {"hypotonia", "hyporeflexia"} <= set(day1[("leg", side)].signs)
        assert {"spasticity", "hyperreflexia"} <= set(later[("leg", side)].signs)
        assert "babinski" in later[("foot", side)].signs
        for region in ("trunk", "saddle", "leg", "foot"):
            assert set(later[(region, side)].sensory_loss) == {PAIN, VIBRATION}, region
        assert "sphincter-dysfunction" in later[("saddle", side)].signs
        assert ("arm", side) not in later


def test_central_cord_injury_weakens_the_arms_more_than_the_legs(content: Content) -> None:
    found = sites(content, "central-cord-injury")
    for side in SIDES:
        assert found[("hand", side)].lesions == ("LMN",)
        assert found[("leg", side)].lesions == ()
        assert "weakness" in found[("leg", side)].possible
        assert "sphincter-dysfunction" in found[("saddle", side)].possible


def test_c7_root_loses_the_triceps_jerk_and_the_radial_nerve_spares_it(content: Content) -> None:
    root = sites(content, "root-c7-left")
    assert "Triceps jerk" in via(root[("arm", "left")], "hyporeflexia")
    assert "Elbow extension (triceps)" in via(root[("arm", "left")], "weakness")
    assert {PAIN, VIBRATION} <= set(root[("hand", "left")].sensory_loss)
    radial = sites(content, "radial-nerve-left")
    assert "Triceps jerk" not in via(radial[("arm", "left")], "hyporeflexia")
    assert "Elbow extension (triceps)" not in via(radial[("arm", "left")], "weakness")


def test_s1_root_loses_the_ankle_jerk_and_the_sole(content: Content) -> None:
    foot = sites(content, "root-s1-right")[("foot", "right")]
    assert "Ankle jerk" in via(foot, "hyporeflexia")
    assert "Ankle plantar flexion (gastrocnemius and soleus)" in via(foot, "weakness")
    sole = {v for e in foot.sensory_evidence for v in e.via}
    assert "Sole and outer foot (S1)" in sole


def test_median_and_ulnar_nerves_split_the_hand(content: Content) -> None:
    median = sites(content, "median-nerve-left")[("hand", "left")]
    ulnar = sites(content, "ulnar-nerve-left")[("hand", "left")]
    assert via(median, "weakness") == {"Thumb abduction (abductor pollicis brevis)"}
    assert via(ulnar, "weakness") == {"Finger spreading (interossei)"}
    assert {v for e in ulnar.sensory_evidence for v in e.via} == {"Little finger (C8)"}
    assert "Finger flexion (long finger flexors)" not in via(median, "weakness"), "branches above the wrist"


def test_b12_deficiency_reaches_the_arms_with_absent_ankle_jerks_and_extensor_plantars(
    content: Content,
) -> None:
    found = disease(content, "b12-deficiency")
    for side in SIDES:
        assert "hyperreflexia" in found[("arm", side)].signs, "the cervical corticospinal tracts"
        assert VIBRATION in found[("leg", side)].sensory_loss, "the dorsal columns"
        foot = found[("foot", side)]
        assert "babinski" in foot.signs
        assert "Ankle jerk" in via(foot, "hyporeflexia")


def test_sensory_ataxia_only_where_the_legs_still_move(content: Content) -> None:
    assert everywhere(sites(content, "posterior-columns-t6"), "sensory-ataxia")
    assert not everywhere(sites(content, "transection-t6"), "sensory-ataxia")


def test_weber_may_dilate_the_pupil_depending_on_the_level(content: Content) -> None:
    eye = sites(content, "weber-right")[("eye", "right")]
    assert {"ptosis", "eye-down-and-out"} <= set(eye.signs)
    assert "pupil-dilated" not in eye.signs, "a lower midbrain infarct often spares the pupil"
    assert "pupil-dilated" in eye.possible


def test_possible_signs_are_in_the_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["findings", "internal-capsule-left", "--day", "1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    foot = next(f for f in data["findings"] if f["region"] == "foot")
    assert "babinski" in foot["possible"]
    assert "babinski" not in foot["signs"]
    assert any(e["sign"] == "babinski" for e in foot["possible_evidence"])
    assert main(["findings", "--disease", "als", "--json"]) == 0
    als = json.loads(capsys.readouterr().out)
    arm = next(f for f in als["findings"] if f["region"] == "arm")
    assert {"hyperreflexia", "fasciculations", "atrophy"} <= set(arm["signs"])


def test_bulbar_nuclei_give_a_wasted_tongue_and_bulbar_palsy_on_both_sides_only(content: Content) -> None:
    found = sites(content, "bulbar-nuclei")
    assert {region for region, _ in found} == {"tongue", "bulbar"}
    for side in SIDES:
        assert found[("tongue", side)].lesions == ("LMN",)
        assert "atrophy" in found[("tongue", side)].signs
        assert "bulbar-palsy" in found[("bulbar", side)].signs
        assert "pseudobulbar-palsy" not in found[("bulbar", side)].signs


def test_lowest_cervical_anterior_horn_wastes_the_small_hand_muscles(content: Content) -> None:
    found = sites(content, "anterior-horn-c8-left")
    assert {side for _, side in found} == {"left"}
    hand = found[("hand", "left")]
    assert hand.lesions == ("LMN",)
    assert {"weakness", "atrophy"} <= set(hand.signs)
    assert "fasciculations" not in hand.signs, "only possible: it depends on the disease"
    assert not hand.sensory_loss, "the anterior horn is purely motor"


def test_radiculopathy_loses_its_root_reflex_and_dermatome_on_one_side(content: Content) -> None:
    found = disease(content, "radiculopathy")
    assert {side for _, side in found} == {"right"}
    arm = found[("arm", "right")]
    assert arm.lesions == ("LMN",)
    assert "hyporeflexia" in arm.signs
    assert found[("hand", "right")].sensory_loss, "the dorsal root is caught too"
    assert "fasciculations" in arm.possible, "only occasional in root lesions"


def test_entrapment_neuropathy_stays_in_the_hand(content: Content) -> None:
    found = disease(content, "entrapment-neuropathy")
    assert {region for region, _ in found} == {"hand"}
    for finding in found.values():
        assert finding.lesions == ("LMN",)
        assert "hyperreflexia" not in finding.signs
        assert finding.sensory_loss


def test_a_complete_high_cervical_lesion_stops_the_diaphragm(content: Content) -> None:
    found = sites(content, "transection-c3")
    for side in SIDES:
        trunk = found[("trunk", side)]
        assert trunk.lesions == ("UMN",)
        assert "respiratory-weakness" in trunk.signs, "the drive to C3-C5 is cut on both sides"
        assert "horner" in found[("eye", side)].signs
        assert {"arm", "hand", "leg", "foot"} <= {region for region, s in found if s == side}
    # at T6 the phrenic nucleus and its drive are above the lesion
    assert not everywhere(sites(content, "transection-t6"), "respiratory-weakness")
