"""The shape of each content file, as typed structures checked by msgspec.

These classes mirror the YAML files in ``content/`` one to one (see docs/content.md).
Cross-references (a site naming a pathway node, a text citing a reference) are checked
afterwards in :mod:`app.model.loader`, where line numbers are at hand.
"""

# No `from __future__ import annotations` here: msgspec builds its decoders from these classes'
# annotations, and string annotations cost it about 4 ms of every start-up to evaluate.

from typing import Annotated, Literal

import msgspec

Id = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9][a-z0-9$-]*$", max_length=80)]
RefKey = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$", max_length=40)]
Text = Annotated[str, msgspec.Meta(min_length=1, max_length=4000)]
Paragraphs = list[Text]
Side = Literal["left", "right"]
LesionTypeId = Literal["UMN", "LMN", "NMJ", "muscle"]
Segment = Annotated[str, msgspec.Meta(pattern=r"^(C[1-8]|T([1-9]|1[0-2])|L[1-5]|S[1-5])$")]
ModalityId = Literal["pain-temperature", "vibration-proprioception"]
Where = Literal["brain", "cord", "cell", "root", "plexus", "nerve"]
"""Where along the pathway a lesion type arises: an upper motor neuron lesion in the brain (cortex to
the decussation) or the cord; a lower motor neuron lesion at the cell body (anterior horn or cranial
nucleus), the root, the plexus or the nerve."""
_SEGMENT_RANGE = r"(\{[CTLS]\d{1,2}\.\.[CTLS]\d{1,2}\})?"
RouteNode = Annotated[
    str, msgspec.Meta(pattern=rf"^[a-z0-9][a-z0-9-]*{_SEGMENT_RANGE}[a-z0-9-]*(\$side|\$other)?$")
]
"""A node of a written route: an id, optionally with a segment range (``descending-sympathetic-{C1..T1}``)
and ending in ``$side`` (the side of the region) or ``$other``."""


class Strict(msgspec.Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    pass


# --- references.yaml ---------------------------------------------------------------------------


class Reference(Strict, kw_only=True, frozen=True):
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
    """Shown with the reference: what it supports, how it was read."""
    history: str = ""
    """For maintainers, not shown in the app: what the reference replaced and where its limits are
    discussed (docs/reference-notes.md)."""


class ReferencesFile(Strict, kw_only=True, frozen=True):
    references: Annotated[list[Reference], msgspec.Meta(min_length=1)]


# --- body.yaml: regions and lesion types --------------------------------------------------------


class Region(Strict, kw_only=True, frozen=True):
    id: Id
    name: Text
    description: str = ""


class LesionTypeInfo(Strict, kw_only=True, frozen=True):
    id: LesionTypeId
    name: Text
    short: Text
    pattern: Literal["diagonal", "crosshatch", "dots", "horizontal"]
    summary: Paragraphs


class Modality(Strict, kw_only=True, frozen=True):
    id: Literal["pain-temperature", "vibration-proprioception"]
    name: Text
    tract: Text
    summary: Paragraphs


class BodyFile(Strict, kw_only=True, frozen=True):
    regions: Annotated[list[Region], msgspec.Meta(min_length=1)]
    lesion_types: Annotated[list[LesionTypeInfo], msgspec.Meta(min_length=4, max_length=4)]
    modalities: list[Modality] = []


# --- anatomy.yaml: the pathway from which routes are generated ------------------------------------


class Structure(Strict, kw_only=True, frozen=True):
    id: Id
    name: Text
    description: str = ""


class CranialNucleus(Strict, kw_only=True, frozen=True):
    id: Id
    name: Text
    leaves_after: Id
    """The last descending-path node the corticobulbar fibres pass before reaching the nucleus."""


class MuscleGroup(Strict, kw_only=True, frozen=True):
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
    segments_overlap: bool = False
    """Its segments make up for one another (the intercostal sheet, the diaphragm's C3-C5): the loss of
    one segment's path goes unnoticed; it shows when two or more are lost."""
    refs: list[RefKey] = []


class SkinField(Strict, kw_only=True, frozen=True):
    """An area of skin: its dermatome segments and the plexus and nerves its sensory fibres take; or,
    for the face, the whole written route of its fibres (``route``, with ``$side`` / ``$other``)."""

    id: Id
    name: Text
    region: Id
    segments: list[Segment] = []
    nerves: list[Id] = []
    plexus: Id | None = None
    route: list[RouteNode] = []
    modalities: list[ModalityId] = []
    """The modalities tested here (default: both)."""
    refs: list[RefKey] = []


class Function(Strict, kw_only=True, frozen=True):
    """Something other than a muscle that a lesion can lose: an autonomic supply (the sympathetic path
    to the eye), coordination (the cerebellar path of a limb). It is lost on one side when its route,
    written from its origin to its end, is cut anywhere."""

    id: Id
    name: Text
    regions: Annotated[list[Id], msgspec.Meta(min_length=1)]
    route: Annotated[list[RouteNode], msgspec.Meta(min_length=1)]
    refs: list[RefKey] = []


class CordPart(Strict, kw_only=True, frozen=True):
    """A part of the cord's cross-section: what runs in it and what cutting it does.
    In both texts $side / $other / $level become the part's side, the other side and the level."""

    id: Id
    name: Text
    carries: Text
    if_cut: Text


class Reflex(Strict, kw_only=True, frozen=True):
    id: Id
    name: Text
    kind: Literal["tendon", "superficial", "plantar"]
    effector: Id
    segments: list[Segment] = []
    refs: list[RefKey] = []


class AnatomyFile(Strict, kw_only=True, frozen=True):
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
    structures: list[Structure] = []
    """Named structures that written routes (functions, facial skin fields) pass through."""
    functions: list[Function] = []
    cord_parts: list[CordPart] = []
    sensory_crossing_offset: Annotated[int, msgspec.Meta(ge=0, le=3)] = 1
    """How many segments pain and temperature fibres ascend before crossing in the commissure."""


# --- signs.yaml -----------------------------------------------------------------------------------


class ReflexCondition(Strict, kw_only=True, frozen=True):
    state: Literal["released", "partly-released", "interrupted", "weakened"]
    """released: every upper route of the arc cut; partly-released: some (a reflex with input from both
    hemispheres, after a one-sided lesion); interrupted: the arc's final path cut; weakened: its
    neurons lost in part (a degenerative disease), with its cortical control intact."""
    kind: Literal["tendon", "superficial", "plantar"] | None = None
    id: Id | None = None


class SignRule(Strict, kw_only=True, frozen=True):
    # exactly one of:
    lesion: LesionTypeId | None = None
    reflex: ReflexCondition | None = None
    sensory: ModalityId | None = None
    """The region has lost this modality (sensory ataxia: vibration and position sense)."""
    function: Id | None = None
    """The region has lost this function (anatomy.yaml functions)."""
    # and optionally:
    regions: list[Id] = []
    groups: list[Id] = []
    """Only when one of these muscle groups has the lesion (e.g. ptosis: the levator)."""
    at: list[Where] = []
    """Only when the lesion arises there (e.g. fasciculations: at the cell body)."""
    process: list[Id] = []
    """Only in these disease processes (diseases.yaml processes); a site alone is the default one."""
    except_process: list[Id] = []
    """Not in these disease processes."""
    one_sided: bool = False
    """Only when the same region on the other side does not have the lesion (tongue deviation)."""
    both_sides: bool = False
    """Only when the same region on the other side has the lesion too (breathing)."""
    unless: list[LesionTypeId] = []
    """Only when the region has none of these lesion types (sensory ataxia: legs that still move)."""
    certainty: Literal["expected", "possible"] = "expected"
    """possible: the sign may be present (listed apart from the expected ones, with its note)."""
    note: str = ""
    """Why the sign may be present, cited: required with ``certainty: possible``."""
    from_day: Annotated[int, msgspec.Meta(ge=0, le=3650)] | None = None
    until_day: Annotated[int, msgspec.Meta(ge=0, le=3650)] | None = None


class Sign(Strict, kw_only=True, frozen=True):
    id: Id
    name: Text
    domain: Id
    summary: Paragraphs
    rules: Annotated[list[SignRule], msgspec.Meta(min_length=1)]


class SignsFile(Strict, kw_only=True, frozen=True):
    domains: Annotated[list[Structure], msgspec.Meta(min_length=1)]
    signs: Annotated[list[Sign], msgspec.Meta(min_length=1)]


# --- sites.yaml -----------------------------------------------------------------------------------


class Site(Strict, kw_only=True, frozen=True):
    id: Id
    name: Text
    sides: list[Side] = []
    group: Id
    level: Text
    cuts: Annotated[list[str], msgspec.Meta(min_length=1)]
    may_cut: list[str] = []
    """Nodes a lesion here often but not always reaches: what they add is listed as possible."""
    location: Paragraphs
    contains: Paragraphs
    associated: Paragraphs = []
    disagreement: Paragraphs = []


class SiteGroup(Strict, kw_only=True, frozen=True):
    id: Id
    name: Text


class SitesFile(Strict, kw_only=True, frozen=True):
    groups: Annotated[list[SiteGroup], msgspec.Meta(min_length=1)]
    sites: Annotated[list[Site], msgspec.Meta(min_length=1)]


# --- diseases.yaml --------------------------------------------------------------------------------


class Process(Strict, kw_only=True, frozen=True):
    """How a disease damages what it strikes; sign rules may depend on it (``process:``)."""

    id: Id
    name: Text
    partial_loss: bool = False
    """Neurons are lost a few at a time: a cell-body lesion weakens and wastes, but the survivors still
    carry the reflex arc and the cortical drive (so a coexisting UMN lesion keeps reflexes brisk)."""
    spares: list[Id] = []
    """Muscle groups the process leaves alone wherever it strikes (motor neuron disease spares the eye
    muscles and the sphincters)."""
    summary: Paragraphs


class Disease(Strict, kw_only=True, frozen=True):
    id: Id
    name: Text
    process: Id | None = None
    """The disease process (default: the file's default_process)."""
    course: Literal["acute", "chronic"] = "acute"
    """chronic: the signs are those of the established disease whatever the day since onset."""
    lesions: Annotated[list[LesionTypeId], msgspec.Meta(min_length=1)]
    sites: Annotated[list[str], msgspec.Meta(min_length=1)]
    typical: Annotated[list[str], msgspec.Meta(min_length=1)]
    summary: Paragraphs
    features: Paragraphs = []
    disagreement: Paragraphs = []


class DiseasesFile(Strict, kw_only=True, frozen=True):
    processes: Annotated[list[Process], msgspec.Meta(min_length=1)]
    default_process: Id
    """The process of a lesion chosen on the diagram rather than through a disease."""
    diseases: Annotated[list[Disease], msgspec.Meta(min_length=1)]


# --- comparison.yaml and faq.yaml -------------------------------------------------------------------


class ComparisonRow(Strict, kw_only=True, frozen=True):
    feature: Text
    cells: dict[LesionTypeId, Text]
    disagreement: Paragraphs = []


class ComparisonFile(Strict, kw_only=True, frozen=True):
    columns: Annotated[list[LesionTypeId], msgspec.Meta(min_length=2)]
    rows: Annotated[list[ComparisonRow], msgspec.Meta(min_length=1)]


class Question(Strict, kw_only=True, frozen=True):
    question: Text
    answer: Paragraphs
    misconception: str = ""
    """A common misconception about the question, with its correction (shown in a box)."""


class FaqFile(Strict, kw_only=True, frozen=True):
    faq: Annotated[list[Question], msgspec.Meta(min_length=1)]
