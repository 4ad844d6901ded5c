"""The shape of ``physiology.yaml``: the schematic time course, tone against stretch velocity and
simulated reflex traces behind the plots (see :mod:`app.model.schema` for the other files)."""

from __future__ import annotations

from typing import Annotated

import msgspec

from app.model.schema import Id, LesionTypeId, Paragraphs, Strict, Text

# Every number is bounded (the YAML loader already refuses .inf and .nan): a plot's range is built
# from them, and a range Qt cannot draw crashes the window.
Value = Annotated[float, msgspec.Meta(ge=-1e6, le=1e6)]
"""A value on a measure's axis."""
Day = Annotated[float, msgspec.Meta(ge=0, le=3650)]
Amount = Annotated[float, msgspec.Meta(ge=0, le=100)]
"""A non-negative quantity in the arbitrary units of the tone and reflex plots."""

# --- physiology.yaml: time course, tone versus stretch velocity, reflex traces ----------------------


class Curve(Strict, kw_only=True, frozen=True):
    lesion: LesionTypeId
    points: Annotated[list[tuple[Day, Value]], msgspec.Meta(min_length=2)]
    """(day, value) keyframes, joined by straight lines; the last value holds to the horizon."""


class Measure(Strict, kw_only=True, frozen=True):
    id: Id
    name: Text
    axis: Text
    minimum: Value
    maximum: Value
    ticks: dict[str, Value] = {}
    """Labels on the value axis, e.g. absent: 0, brisk: 3."""
    curves: Annotated[list[Curve], msgspec.Meta(min_length=1)]
    summary: Paragraphs
    disagreement: Paragraphs = []


class ToneProfile(Strict, kw_only=True, frozen=True):
    id: Id
    name: Text
    baseline: Amount
    """Resistance at zero velocity (arbitrary units; normal muscle about 1)."""
    slope: Amount
    """Extra resistance per unit of stretch velocity (0 for rigidity: velocity-independent)."""
    catch_velocity: Annotated[float, msgspec.Meta(gt=0, le=100)] | None = None
    """Spasticity: above this velocity the resistance builds to a catch, then gives way (clasp-knife)."""
    catch_height: Amount = 0
    summary: Paragraphs


class ReflexTrace(Strict, kw_only=True, frozen=True):
    id: Id
    name: Text
    amplitude: Annotated[float, msgspec.Meta(ge=0, le=10)]
    """Peak of the first response relative to normal (1.0)."""
    clonus_beats: Annotated[int, msgspec.Meta(ge=0, le=12)] = 0
    spread: bool = False
    summary: Paragraphs


class PhysiologyFile(Strict, kw_only=True, frozen=True):
    horizon_days: Annotated[int, msgspec.Meta(ge=7, le=3650)] = 180
    schematic: Paragraphs
    """Shown with the plots: the curves are schematic teaching aids, with their sources."""
    measures: Annotated[list[Measure], msgspec.Meta(min_length=1)]
    tone_profiles: Annotated[list[ToneProfile], msgspec.Meta(min_length=1)]
    reflex_traces: Annotated[list[ReflexTrace], msgspec.Meta(min_length=1)]
    mixed_reflexes: Paragraphs
    """Shown when one region has both a cut reflex arc and released (brisk) reflexes."""
