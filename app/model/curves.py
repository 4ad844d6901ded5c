"""The maths behind the physiology plots, free of Qt: time courses, tone against stretch velocity,
simulated tendon-reflex traces, and which trace or tone profile a finding shows.

Every shape here is a schematic teaching aid drawn from parameters in ``content/physiology.yaml``:
direction and rough timing, never measurements. Plain Python (no numpy) keeps it cheap to import.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from app.model import ids
from app.model.findings import Finding
from app.model.physiology_schema import Curve, ReflexTrace, ToneProfile

Points = Sequence[tuple[float, float]]

# --- tone versus stretch velocity ------------------------------------------------------------
CATCH_BUILD = 0.25
"""The clasp-knife catch builds over this fraction of the catch velocity above it..."""
CATCH_GIVE = 0.04
"""...then gives way over this (much shorter) fraction..."""
GIVE_LEVEL = 0.35
"""...down to this fraction of the velocity-dependent rise reached at the catch velocity."""

# --- reflex traces (times in milliseconds after the tap) ---------------------------------------
LATENCY_MS = 30.0
"""Tap to the start of the response."""
TWITCH_MS = 35.0
"""Rise time of one contraction (the peak of a ``t * exp(-t)`` pulse)."""
SPREAD_DELAY_MS = 45.0
SPREAD_SHARE = 0.45
"""A brisk reflex spreads to neighbouring muscles: a second, smaller bump this much later."""
CLONUS_START_MS = 200.0
CLONUS_PERIOD_MS = 140.0
"""About 7 beats a second."""
CLONUS_SHARE = 0.6
CLONUS_DECAY = 0.8
"""The first beat's share of the main response, and each further beat's share of the one before."""
TRACE_WINDOW_MS = (-60.0, 1000.0)
"""What the plot shows: a little before the tap, and long enough for the clonus beats."""


def _points(curve: Curve | Points) -> Points:
    return curve.points if isinstance(curve, Curve) else curve


def value_at(curve: Curve | Points, day: float) -> float:
    """The curve's value on ``day``: straight lines between keyframes, the first value before the
    first keyframe and the last value held after the last one."""
    points = sorted(_points(curve))
    if not points:
        raise ValueError("a curve needs at least one point")
    if day <= points[0][0]:
        return points[0][1]
    for (d0, v0), (d1, v1) in itertools.pairwise(points):
        if day <= d1:
            return v0 if d1 == d0 else v0 + (v1 - v0) * (day - d0) / (d1 - d0)
    return points[-1][1]


def resistance(profile: ToneProfile, velocity: float) -> float:
    """Resistance to passive stretch at one velocity (arbitrary units).

    baseline + slope * v; with a catch velocity (spasticity) the resistance builds to a catch of
    ``catch_height`` just above it and then suddenly gives way (the clasp-knife phenomenon). A slope
    of 0 (rigidity) is flat: the same at every speed."""
    plain = profile.baseline + profile.slope * velocity
    catch = profile.catch_velocity
    if catch is None or catch <= 0 or profile.catch_height <= 0 or velocity <= catch:
        return plain
    build = CATCH_BUILD * catch
    give = CATCH_GIVE * catch
    peak = profile.baseline + profile.slope * (catch + build) + profile.catch_height
    after = give_level(profile)
    if velocity <= catch + build:
        return plain + profile.catch_height * (velocity - catch) / build
    if velocity <= catch + build + give:
        return peak + (after - peak) * (velocity - catch - build) / give
    return after


def tone_curve(profile: ToneProfile, velocities: Iterable[float]) -> list[float]:
    """Resistance against stretch velocity for a tone profile (see :func:`resistance`)."""
    return [resistance(profile, v) for v in velocities]


def give_level(profile: ToneProfile) -> float:
    """The resistance left once a clasp-knife catch has given way."""
    return profile.baseline + GIVE_LEVEL * profile.slope * (profile.catch_velocity or 0.0)


def catch_point(profile: ToneProfile) -> tuple[float, float] | None:
    """Where the clasp-knife catch peaks (velocity, resistance), or None without a catch."""
    catch = profile.catch_velocity
    if catch is None or catch <= 0 or profile.catch_height <= 0:
        return None
    velocity = catch * (1 + CATCH_BUILD)
    return velocity, resistance(profile, velocity)


def _pulse(t: float, amplitude: float, rise: float = TWITCH_MS) -> float:
    """One contraction starting at t = 0 and peaking at ``amplitude`` after ``rise`` ms."""
    if t <= 0 or amplitude == 0:
        return 0.0
    x = t / rise
    return amplitude * x * math.exp(1 - x)


def reflex_value(trace: ReflexTrace, t_ms: float, *, clonus: bool = True) -> float:
    """The simulated response ``t_ms`` after the tap, relative to a normal peak of 1: one damped
    contraction after a latency; a brisk trace adds a spread bump and (``clonus``) decaying beats."""
    t = t_ms - LATENCY_MS
    value = _pulse(t, trace.amplitude)
    if trace.spread:
        value += _pulse(t - SPREAD_DELAY_MS, trace.amplitude * SPREAD_SHARE)
    if clonus:
        beat = trace.amplitude * CLONUS_SHARE
        for k in range(trace.clonus_beats):
            value += _pulse(t - CLONUS_START_MS - k * CLONUS_PERIOD_MS, beat, rise=TWITCH_MS * 0.8)
            beat *= CLONUS_DECAY
    return value


def reflex_trace(trace: ReflexTrace, times_ms: Iterable[float], *, clonus: bool = True) -> list[float]:
    """The simulated response at each time (ms after the tap); see :func:`reflex_value`."""
    return [reflex_value(trace, t, clonus=clonus) for t in times_ms]


def trace_times(step_ms: float = 2.0) -> list[float]:
    """Sample times across :data:`TRACE_WINDOW_MS`."""
    start, end = TRACE_WINDOW_MS
    return [start + i * step_ms for i in range(round((end - start) / step_ms) + 1)]


# --- choosing what a finding shows -------------------------------------------------------------


@dataclass(frozen=True)
class TraceChoice:
    """Which reflex trace a region shows on a day, and whether its clonus beats are drawn."""

    trace: str
    """A trace id in physiology.yaml (one of the ``TRACE_*`` ids in :mod:`app.model.ids`)."""
    clonus: bool = False
    day: int | None = None
    """The day the finding was evaluated for (None: established)."""
    reflexes: tuple[str, ...] = ()
    """When a region shows two traces: the reflexes this one stands for."""


def trace_for(finding: Finding | None, day: int | None = None) -> TraceChoice:
    """The tendon-reflex trace for a region from its expected signs on ``day``: clonus -> brisk with
    clonus beats; brisk reflexes -> brisk; reduced reflexes -> reduced, or absent when the cut
    reflex arc (a lower motor neuron lesion) causes it; otherwise normal."""
    if finding is None:
        return TraceChoice(ids.TRACE_NORMAL, day=day)
    signs = set(finding.signs)
    if ids.CLONUS in signs:
        return TraceChoice(ids.TRACE_BRISK, clonus=True, day=day)
    if ids.HYPERREFLEXIA in signs:
        return TraceChoice(ids.TRACE_BRISK, day=day)
    if ids.HYPOREFLEXIA in signs:
        cut = any(e.sign == ids.HYPOREFLEXIA and e.lesion == "LMN" for e in finding.evidence)
        if cut or (not finding.evidence and "LMN" in finding.lesions):
            return TraceChoice(ids.TRACE_ABSENT, day=day)
        return TraceChoice(ids.TRACE_REDUCED, day=day)
    return TraceChoice(ids.TRACE_NORMAL, day=day)


def reflex_choices(finding: Finding | None, day: int | None = None) -> tuple[TraceChoice, ...]:
    """The reflex traces a region shows: usually one (``trace_for``); two when a lower motor neuron
    lesion cuts the arcs of some of its reflexes while an upper motor neuron lesion above releases the
    rest. Then the cut arcs come first (absent), then the intact ones (brisk, with clonus if expected)."""
    first = trace_for(finding, day)
    if finding is None or first.trace != ids.TRACE_BRISK:
        return (first,)
    via = {(e.sign, e.lesion): e.via for e in finding.evidence}
    cut = via.get((ids.HYPOREFLEXIA, "LMN"))
    if cut is None:
        return (first,)
    released = via.get((ids.HYPERREFLEXIA, "UMN"), ())
    return (TraceChoice(ids.TRACE_ABSENT, day=day, reflexes=cut), replace(first, reflexes=released))


def tone_profiles_for(findings: Iterable[Finding]) -> tuple[str, ...]:
    """The tone profile ids that the findings show: spastic where spasticity is expected, flaccid
    where hypotonia is (an LMN lesion, or a UMN lesion still in shock), normal when a motor lesion
    shows neither; nothing without a motor lesion."""
    shown: list[str] = []
    motor = False
    for finding in findings:
        motor = motor or bool(finding.lesions)
        if ids.SPASTICITY in finding.signs:
            shown.append(ids.TONE_SPASTIC)
        if ids.HYPOTONIA in finding.signs:
            shown.append(ids.TONE_FLACCID)
    if motor and not shown:
        shown.append(ids.TONE_NORMAL)
    return tuple(dict.fromkeys(shown))
