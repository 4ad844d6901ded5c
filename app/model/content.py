"""The loaded, cross-checked teaching content that every view reads from."""

# No `from __future__ import annotations` here: msgspec builds its decoders from these classes'
# annotations, and string annotations cost it about 4 ms of every start-up to evaluate.

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import msgspec

from app.model.pathway import Pathway
from app.model.physiology_schema import PhysiologyFile
from app.model.schema import (
    AnatomyFile,
    ComparisonRow,
    LesionTypeInfo,
    Modality,
    Process,
    Question,
    Reference,
    Region,
    Sign,
    SiteGroup,
    Structure,
)

CONTENT_FILES = (
    "references",
    "body",
    "anatomy",
    "signs",
    "sites",
    "diseases",
    "comparison",
    "faq",
    "physiology",
)
"""The content files, ``NAME.yaml`` each, in the order they are loaded."""


class Drawings(msgspec.Struct, frozen=True):
    """The three SVGs used with a content folder."""

    diagram: Path
    body: Path
    cord: Path

    def paths(self) -> tuple[Path, ...]:
        return (self.diagram, self.body, self.cord)


def drawings_for(directory: Path, *, diagram: Path | None = None) -> Drawings:
    """The drawings used with a content folder (:func:`app.paths.drawing`)."""
    from app.paths import drawing

    return Drawings(
        diagram=diagram or drawing(directory, "diagram"),
        body=drawing(directory, "body"),
        cord=drawing(directory, "cord"),
    )


CITATION = re.compile(r"\[([A-Za-z0-9][\w-]*(?:\s*[,;]\s*[A-Za-z0-9][\w-]*)*)\]")
"""An inline citation such as ``[JN]`` or ``[JN, BR]``."""


def citations(text: str) -> list[str]:
    """Reference keys cited in ``text``, in order of appearance."""
    return [key.strip() for match in CITATION.finditer(text) for key in re.split(r"[,;]", match.group(1))]


def cited_in(*paragraph_lists: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(k for paragraphs in paragraph_lists for p in paragraphs for k in citations(p)))


class SiteInfo(msgspec.Struct, frozen=True):
    id: str
    name: str
    side: str
    group: str
    level: str
    nodes: frozenset[str]
    location: tuple[str, ...]
    contains: tuple[str, ...]
    associated: tuple[str, ...] = ()
    disagreement: tuple[str, ...] = ()
    variable: frozenset[str] = frozenset()
    """Nodes a lesion here often but not always reaches (``may_cut``)."""

    @property
    def cites(self) -> tuple[str, ...]:
        return cited_in(self.location, self.contains, self.associated, self.disagreement)


class DiseaseInfo(msgspec.Struct, frozen=True):
    id: str
    name: str
    process: str
    course: str
    lesions: tuple[str, ...]
    sites: tuple[str, ...]
    typical: tuple[str, ...]
    summary: tuple[str, ...]
    features: tuple[str, ...] = ()
    disagreement: tuple[str, ...] = ()

    @property
    def cites(self) -> tuple[str, ...]:
        return cited_in(self.summary, self.features, self.disagreement)


@dataclass(frozen=True)
class Content:
    directory: Path
    drawings: Drawings
    references: dict[str, Reference]
    regions: tuple[Region, ...]
    lesion_types: dict[str, LesionTypeInfo]
    modalities: dict[str, Modality]
    domains: tuple[Structure, ...]
    signs: tuple[Sign, ...]
    site_groups: tuple[SiteGroup, ...]
    sites: tuple[SiteInfo, ...]
    diseases: tuple[DiseaseInfo, ...]
    comparison_columns: tuple[str, ...]
    comparison: tuple[ComparisonRow, ...]
    faq: tuple[Question, ...]
    physiology: PhysiologyFile
    anatomy: AnatomyFile
    pathway: Pathway
    processes: dict[str, Process]
    default_process: str

    # Indexes made on first use, not fields: the content cache (app.model.cache) stores each item once.
    @cached_property
    def sites_by_id(self) -> dict[str, SiteInfo]:
        return {s.id: s for s in self.sites}

    @cached_property
    def diseases_by_id(self) -> dict[str, DiseaseInfo]:
        return {d.id: d for d in self.diseases}

    @cached_property
    def signs_by_id(self) -> dict[str, Sign]:
        return {s.id: s for s in self.signs}

    @cached_property
    def regions_by_id(self) -> dict[str, Region]:
        return {r.id: r for r in self.regions}

    def diseases_at(self, site_ids: tuple[str, ...] | list[str]) -> list[DiseaseInfo]:
        """Diseases that can involve any of the given sites, in catalogue order."""
        wanted = set(site_ids)
        return [d for d in self.diseases if wanted.intersection(d.sites)]
