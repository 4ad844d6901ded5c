"""The physiology curves (time course, tone against stretch velocity, reflex traces), without Qt."""

from __future__ import annotations

import pytest

from app.model import curves
from app.model.content import Content
from app.model.curves import TraceChoice, reflex_trace, tone_curve, trace_for, value_at
from app.model.findings import Evidence, Finding, evaluate
from app.model.physiology_schema import Curve, ReflexTrace, ToneProfile
from tests.shapes import peaks

KNEE = Curve(lesion="UMN", points=[(0, -1.0), (10, 1.0), (20, 2.0)])


def test_value_at_is_piecewise_linear_and_holds_the_last_value() -> None:
    assert value_at(KNEE, 0) == -1.0
    assert value_at(KNEE, 5) == pytest.approx(0.0)
    assert value_at(KNEE, 15) == pytest.approx(1.5)
    assert value_at(KNEE, 20) == 2.0
    assert value_at(KNEE, 500) == 2.0, "the last value holds to the horizon"
    assert value_at(KNEE, -3) == -1.0
    assert value_at([(0, 1.0), (0, 3.0), (5, 3.0)], 0) == 1.0
    with pytest.raises(ValueError, match="at least one point"):
        value_at([], 1)


def test_content_time_courses_tell_the_teaching_story(content: Content) -> None:
    measures = {m.id: {c.lesion: c for c in m.curves} for m in content.physiology.measures}
    tone, reflexes = measures["tone"], measures["reflexes"]
    assert value_at(tone["UMN"], 1) < 0 < value_at(tone["UMN"], 60), "flaccid in shock, then spastic"
    assert value_at(tone["LMN"], 1) < 0
    assert value_at(tone["LMN"], 60) < 0, "flaccid throughout"
    assert value_at(reflexes["UMN"], 1) < 1 < 3 <= value_at(reflexes["UMN"], 60)
    assert value_at(measures["bulk"]["LMN"], 7) > 95 > value_at(measures["bulk"]["LMN"], 60)


def _profile(**kwargs: object) -> ToneProfile:
    return ToneProfile(id="p", name="P", summary=["x"], **kwargs)  # type: ignore[arg-type]


def test_rigid_tone_is_flat_and_normal_tone_rises_slightly() -> None:
    velocities = [v / 10 for v in range(61)]
    rigid = tone_curve(_profile(baseline=3.0, slope=0.0), velocities)
    assert max(rigid) == min(rigid) == 3.0
    normal = tone_curve(_profile(baseline=1.0, slope=0.15), velocities)
    assert normal == sorted(normal)
    assert normal[-1] - normal[0] == pytest.approx(0.9)


def test_spastic_tone_rises_with_velocity_then_catches_and_gives_way() -> None:
    spastic = _profile(baseline=1.2, slope=0.9, catch_velocity=3.0, catch_height=2.5)
    velocities = [v / 40 for v in range(241)]
    values = tone_curve(spastic, velocities)
    below = [r for v, r in zip(velocities, values, strict=True) if v <= 3.0]
    assert below == sorted(below)
    assert below[-1] > 3 * below[0], "velocity-dependent"
    catch = curves.catch_point(spastic)
    assert catch is not None
    top = values.index(max(values))
    assert velocities[top] == pytest.approx(catch[0])
    assert max(values) == pytest.approx(catch[1])
    assert max(values) > below[-1] + 2, "builds to a catch"
    assert values[-1] < below[-1] / 1.5, "then gives way"
    assert peaks(values) == 1
    assert curves.catch_point(_profile(baseline=1.0, slope=0.1)) is None


def _trace(**kwargs: object) -> ReflexTrace:
    return ReflexTrace(id="t", name="T", summary=["x"], **kwargs)  # type: ignore[arg-type]


def test_reflex_traces_normal_brisk_reduced_absent() -> None:
    times = curves.trace_times()
    assert times[0] < 0 < times[-1]
    normal = reflex_trace(_trace(amplitude=1.0), times)
    assert max(normal) == pytest.approx(1.0, abs=0.01)
    assert all(v == 0 for t, v in zip(times, normal, strict=True) if t <= curves.LATENCY_MS), "latency"
    assert peaks(normal) == 1
    brisk = _trace(amplitude=2.2, spread=True, clonus_beats=6)
    with_clonus = reflex_trace(brisk, times)
    assert max(with_clonus) > 2.0
    assert peaks(with_clonus) >= 6, "spread bump and decaying clonus beats"
    beats = [with_clonus[times.index(t)] for t in times if t > 250]
    assert max(beats) < max(with_clonus)
    assert peaks(reflex_trace(brisk, times, clonus=False)) <= 2
    reduced = reflex_trace(_trace(amplitude=0.35), times)
    assert max(reduced) == pytest.approx(0.35, abs=0.01)
    assert max(reflex_trace(_trace(amplitude=0.0), times)) == 0


def _finding(signs: tuple[str, ...], lesions: tuple[str, ...] = ("UMN",), cut: str = "") -> Finding:
    evidence = (Evidence("hyporeflexia", cut, ("x",)),) if cut else ()
    return Finding(region="leg", side="left", lesions=lesions, signs=signs, evidence=evidence)


def test_trace_for_reads_the_reflex_signs() -> None:
    assert trace_for(None) == TraceChoice("normal")
    assert trace_for(_finding(("weakness",)), 3) == TraceChoice("normal", day=3)
    assert trace_for(_finding(("hyperreflexia", "clonus")), 30) == TraceChoice("brisk", clonus=True, day=30)
    assert trace_for(_finding(("hyperreflexia",)), None) == TraceChoice("brisk")
    assert trace_for(_finding(("hyporeflexia",), cut="UMN"), 1).trace == "reduced"
    assert trace_for(_finding(("hyporeflexia",), ("LMN",), cut="LMN"), 1).trace == "absent"
    assert trace_for(_finding(("hyporeflexia",), ("LMN",))).trace == "absent"


def _regions(content: Content, site: str, day: int | None) -> dict[str, Finding]:
    return {f"{f.side} {f.region}": f for f in evaluate(content, [site], day).findings}


def test_trace_for_an_umn_lesion_follows_the_day(content: Content) -> None:
    foot = "left foot"
    site = "lateral-corticospinal-t6-left"
    assert trace_for(_regions(content, site, 1)[foot], 1).trace == "reduced"
    assert trace_for(_regions(content, site, 10)[foot], 10) == TraceChoice("brisk", day=10)
    brisk = TraceChoice("brisk", clonus=True, day=30)
    assert trace_for(_regions(content, site, 30)[foot], 30) == brisk
    arm = _regions(content, "internal-capsule-left", None)["right arm"]
    assert trace_for(arm) == TraceChoice("brisk"), "clonus beats only where ankle clonus is expected"
    stroke_foot = _regions(content, "internal-capsule-left", None)["right foot"]
    assert trace_for(stroke_foot) == TraceChoice("brisk"), "after a stroke clonus is only possible"


def test_trace_for_an_lmn_lesion_is_absent(content: Content) -> None:
    for day in (1, 60, None):
        arm = _regions(content, "anterior-horn-c5-left", day)["left arm"]
        assert trace_for(arm, day).trace == "absent"


def test_a_region_with_a_cut_arc_below_a_umn_lesion_shows_both_traces(content: Content) -> None:
    sites = ["internal-capsule-left", "ventral-root-c5-right"]
    arm = {f"{f.side} {f.region}": f for f in evaluate(content, sites, None).findings}["right arm"]
    cut, released = curves.reflex_choices(arm)
    assert (cut.trace, released.trace) == ("absent", "brisk")
    assert cut.reflexes == ("Biceps jerk", "Brachioradialis (supinator) jerk"), "the C5 arcs are cut"
    assert released.reflexes == ("Triceps jerk",), "C7 still has its arc, and is released"
    assert curves.reflex_choices(_regions(content, "internal-capsule-left", None)["right arm"]) == (
        TraceChoice("brisk"),
    ), "one trace when nothing is cut"
    assert curves.reflex_choices(_regions(content, "anterior-horn-c5-left", None)["left arm"]) == (
        TraceChoice("absent"),
    )
    assert curves.reflex_choices(None) == (TraceChoice("normal"),)


def test_tone_profiles_for_findings(content: Content) -> None:
    def tone(site: str, day: int | None) -> tuple[str, ...]:
        return curves.tone_profiles_for(evaluate(content, [site], day).findings)

    assert tone("internal-capsule-left", 1) == ("flaccid",), "UMN in shock"
    assert tone("internal-capsule-left", 60) == ("spastic",)
    assert tone("internal-capsule-left", None) == ("spastic",)
    assert tone("anterior-horn-c5-left", 60) == ("flaccid",)
    assert curves.tone_profiles_for(()) == ()
    assert curves.tone_profiles_for([_finding(("weakness",), ("NMJ",))]) == ("normal",)
