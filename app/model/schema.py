"""The shape of each content file, as typed structures checked by msgspec.

These classes mirror the YAML files in ``content/`` one to one (see docs/content.md).
Cross-references (a site naming a pathway node, a text citing a reference) are checked
afterwards in :mod:`app.model.loader`, where line numbers are at hand.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

Id = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9][a-z0-9$-]*$", max_length=80)]
RefKey = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$", max_length=40)]
Text = Annotated[str, msgspec.Meta(min_length=1, max_length=4000)]
Paragraphs = list[Text]
Side = Literal["left", "right"]
LesionTypeId = Literal["UMN", "LMN", "NMJ", "muscle"]
Segment = Annotated[str, msgspec.Meta(pattern=r"^(C[1-8]|T([1-9]|1[0-2])|L[1-5]|S[1-5])$")]


class _Strict(msgspec.Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    pass


# --- references.yaml ---------------------------------------------------------------------------


class Reference(_Strict, kw_only=True, frozen=True):
    """A source the content cites: who, what, where, when, and a stable way to find it again."""

    id: RefKey
    title: Text
    authors: str = ""
    """As cited: "Ko HY" or "Ko HY, Ditunno JF, Graziani V, Little JW"; an organisation for a guideline."""
    venue: str = ""
    """The journal (with volume and pages), book, or website."""
    year: Annotated[int, msgspec.Meta(ge=1800, le=2100)] | None = None
    # Empty, or well formed (the cache decodes the empty defaults too).
    doi: Annotated[str, msgspec.Meta(pattern=r"^(10\.\d{4,9}/\S+)?$")] = ""
    pmid: Annotated[str, msgspec.Meta(pattern=r"^(\d{1,9})?$")] = ""
    pmcid: Annotated[str, msgspec.Meta(pattern=r"^(PMC\d+)?$")] = ""
    nbk: Annotated[str, msgspec.Meta(pattern=r"^(NBK\d+)?$")] = ""
    """An NCBI Bookshelf id (StatPearls chapters and other books on the Bookshelf)."""
    isbn: str = ""
    url: str = ""
    kind: Literal["source", "convention"] = "source"
    note: str = ""


class ReferencesFile(_Strict, kw_only=True, frozen=True):
    references: Annotated[list[Reference], msgspec.Meta(min_length=1)]


# --- body.yaml: regions and lesion types --------------------------------------------------------


class Region(_Strict, kw_only=True, frozen=True):
    id: Id
    name: Text
    description: str = ""


class LesionTypeInfo(_Strict, kw_only=True, frozen=True):
    id: LesionTypeId
    name: Text
    short: Text
    pattern: Literal["diagonal", "crosshatch", "dots", "horizontal"]
    summary: Paragraphs


class Modality(_Strict, kw_only=True, frozen=True):
    id: Literal["pain-temperature", "vibration-proprioception"]
    name: Text
    tract: Text
    summary: Paragraphs


class BodyFile(_Strict, kw_only=True, frozen=True):
    regions: Annotated[list[Region], msgspec.Meta(min_length=1)]
    lesion_types: Annotated[list[LesionTypeInfo], msgspec.Meta(min_length=4, max_length=4)]
    modalities: list[Modality] = []


# --- anatomy.yaml: the pathway from which routes are generated ------------------------------------


class Structure(_Strict, kw_only=True, frozen=True):
    id: Id
    name: Text
    description: str = ""


class CranialNucleus(_Strict, kw_only=True, frozen=True):
    id: Id
    name: Text
    leaves_after: Id
    """The last descending-path node the corticobulbar fibres pass before reaching the nucleus."""


class MuscleGroup(_Strict, kw_only=True, frozen=True):
    id: Id
    name: Text
    region: Id
    cortex: Id | None = None
    """None: no corticobulbar/corticospinal route (e.g. eye muscles, driven by gaze centres)."""
    nerves: Annotated[list[Id], msgspec.Meta(min_length=1)]
    segments: list[Segment] = []
    plexus: Id | None = None
    nucleus: Id | None = None
    bundle: Id | None = None
    bilateral_cortex: bool = False
    refs: list[RefKey] = []


class SkinField(_Strict, kw_only=True, frozen=True):
    """An area of skin: its dermatome segments and the plexus and nerves its sensory fibres take."""

    id: Id
    name: Text
    region: Id
    segments: Annotated[list[Segment], msgspec.Meta(min_length=1)]
    nerves: Annotated[list[Id], msgspec.Meta(min_length=1)]
    plexus: Id | None = None
    refs: list[RefKey] = []


class CordPart(_Strict, kw_only=True, frozen=True):
    """A part of the cord's cross-section: what runs in it and what cutting it does.
    In both texts $side / $other / $level become the part's side, the other side and the level."""

    id: Id
    name: Text
    carries: Text
    if_cut: Text


class Reflex(_Strict, kw_only=True, frozen=True):
    id: Id
    name: Text
    kind: Literal["tendon", "superficial", "plantar"]
    effector: Id
    segments: list[Segment] = []
    refs: list[RefKey] = []


class AnatomyFile(_Strict, kw_only=True, frozen=True):
    segments: Annotated[list[Segment], msgspec.Meta(min_length=1)]
    cortex_areas: Annotated[list[Structure], msgspec.Meta(min_length=1)]
    descending_path: Annotated[list[Structure], msgspec.Meta(min_length=1)]
    decussation_bundles: Annotated[list[Structure], msgspec.Meta(min_length=1)]
    cranial_nuclei: list[CranialNucleus] = []
    plexuses: list[Structure] = []
    nerves: Annotated[list[Structure], msgspec.Meta(min_length=1)]
    muscle_groups: Annotated[list[MuscleGroup], msgspec.Meta(min_length=1)]
    reflexes: list[Reflex] = []
    skin_fields: list[SkinField] = []
    cord_parts: list[CordPart] = []
    sensory_crossing_offset: Annotated[int, msgspec.Meta(ge=0, le=3)] = 1
    """How many segments pain and temperature fibres ascend before crossing in the commissure."""


# --- signs.yaml -----------------------------------------------------------------------------------


class ReflexCondition(_Strict, kw_only=True, frozen=True):
    state: Literal["released", "interrupted"]
    kind: Literal["tendon", "superficial", "plantar"] | None = None
    id: Id | None = None


class SignRule(_Strict, kw_only=True, frozen=True):
    lesion: LesionTypeId | None = None
    reflex: ReflexCondition | None = None
    regions: list[Id] = []
    groups: list[Id] = []
    """Only when one of these muscle groups has the lesion (e.g. ptosis: the levator)."""
    one_sided: bool = False
    """Only when the same region on the other side does not have the lesion (tongue deviation)."""
    from_day: Annotated[int, msgspec.Meta(ge=0)] | None = None
    until_day: Annotated[int, msgspec.Meta(ge=0)] | None = None


class Sign(_Strict, kw_only=True, frozen=True):
    id: Id
    name: Text
    domain: Id
    summary: Paragraphs
    rules: Annotated[list[SignRule], msgspec.Meta(min_length=1)]


class SignsFile(_Strict, kw_only=True, frozen=True):
    domains: Annotated[list[Structure], msgspec.Meta(min_length=1)]
    signs: Annotated[list[Sign], msgspec.Meta(min_length=1)]


# --- sites.yaml -----------------------------------------------------------------------------------


class Site(_Strict, kw_only=True, frozen=True):
    id: Id
    name: Text
    sides: list[Side] = []
    group: Id
    level: Text
    cuts: Annotated[list[str], msgspec.Meta(min_length=1)]
    location: Paragraphs
    contains: Paragraphs
    associated: Paragraphs = []
    disagreement: Paragraphs = []


class SiteGroup(_Strict, kw_only=True, frozen=True):
    id: Id
    name: Text


class SitesFile(_Strict, kw_only=True, frozen=True):
    groups: Annotated[list[SiteGroup], msgspec.Meta(min_length=1)]
    sites: Annotated[list[Site], msgspec.Meta(min_length=1)]


# --- diseases.yaml --------------------------------------------------------------------------------


class Disease(_Strict, kw_only=True, frozen=True):
    id: Id
    name: Text
    lesions: Annotated[list[LesionTypeId], msgspec.Meta(min_length=1)]
    sites: Annotated[list[str], msgspec.Meta(min_length=1)]
    typical: Annotated[list[str], msgspec.Meta(min_length=1)]
    summary: Paragraphs
    features: Paragraphs = []
    disagreement: Paragraphs = []


class DiseasesFile(_Strict, kw_only=True, frozen=True):
    diseases: Annotated[list[Disease], msgspec.Meta(min_length=1)]


# --- comparison.yaml and faq.yaml -------------------------------------------------------------------


class ComparisonRow(_Strict, kw_only=True, frozen=True):
    feature: Text
    cells: dict[LesionTypeId, Text]
    disagreement: Paragraphs = []


class ComparisonFile(_Strict, kw_only=True, frozen=True):
    columns: Annotated[list[LesionTypeId], msgspec.Meta(min_length=2)]
    rows: Annotated[list[ComparisonRow], msgspec.Meta(min_length=1)]


class Question(_Strict, kw_only=True, frozen=True):
    question: Text
    answer: Paragraphs
    seed_correction: str = ""


class FaqFile(_Strict, kw_only=True, frozen=True):
    faq: Annotated[list[Question], msgspec.Meta(min_length=1)]


# --- physiology.yaml: time course, tone versus stretch velocity, reflex traces ----------------------


class Curve(_Strict, kw_only=True, frozen=True):
    lesion: LesionTypeId
    points: Annotated[list[tuple[float, float]], msgspec.Meta(min_length=2)]
    """(day, value) keyframes, joined by straight lines; the last value holds to the horizon."""


class Measure(_Strict, kw_only=True, frozen=True):
    id: Id
    name: Text
    axis: Text
    minimum: float
    maximum: float
    ticks: dict[str, float] = {}
    """Labels on the value axis, e.g. absent: 0, brisk: 3."""
    curves: Annotated[list[Curve], msgspec.Meta(min_length=1)]
    summary: Paragraphs
    disagreement: Paragraphs = []


class ToneProfile(_Strict, kw_only=True, frozen=True):
    id: Id
    name: Text
    baseline: float
    """Resistance at zero velocity (arbitrary units; normal muscle about 1)."""
    slope: float
    """Extra resistance per unit of stretch velocity (0 for rigidity: velocity-independent)."""
    catch_velocity: float | None = None
    """Spasticity: above this velocity the resistance builds to a catch, then gives way (clasp-knife)."""
    catch_height: float = 0
    summary: Paragraphs


class ReflexTrace(_Strict, kw_only=True, frozen=True):
    id: Id
    name: Text
    amplitude: float
    """Peak of the first response relative to normal (1.0)."""
    clonus_beats: Annotated[int, msgspec.Meta(ge=0, le=12)] = 0
    spread: bool = False
    summary: Paragraphs


class PhysiologyFile(_Strict, kw_only=True, frozen=True):
    horizon_days: Annotated[int, msgspec.Meta(ge=7, le=3650)] = 180
    schematic: Paragraphs
    """Shown with the plots: the curves are schematic teaching aids, with their sources."""
    measures: Annotated[list[Measure], msgspec.Meta(min_length=1)]
    tone_profiles: Annotated[list[ToneProfile], msgspec.Meta(min_length=1)]
    reflex_traces: Annotated[list[ReflexTrace], msgspec.Meta(min_length=1)]
    mixed_reflexes: Paragraphs
    """Shown when one region has both a cut reflex arc and released (brisk) reflexes."""
