"""From the written entries to the model's sites and diseases.

A site written once with ``sides: [right, left]`` stands for two sites: ``$side`` / ``$Side`` and
``$other`` / ``$Other`` in its id and texts become the side and the opposite side. Its ``cuts`` are
pathway node ids or ``fnmatch`` patterns (``*``, ``?``, ``[...]``), matched against the nodes the
pathway generated. A disease names its sites by id or pattern too.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence

from app.model import schema
from app.model.checker import Checker
from app.model.content import DiseaseInfo, SiteInfo
from app.model.sides import opposite

PLACEHOLDERS = ("$side", "$Side", "$other", "$Other")


def sides_of(site: schema.Site) -> list[str | None]:
    """The sides a site entry stands for; ``[None]`` for a midline site."""
    return list(site.sides) or [None]


def fill(text: str, side: str | None) -> str:
    """``text`` with the side placeholders replaced (unchanged for a midline site)."""
    if side is None:
        return text
    other = opposite(side)
    for placeholder, value in zip(PLACEHOLDERS, (side, side.title(), other, other.title()), strict=True):
        text = text.replace(placeholder, value)
    return text


def match(patterns: Sequence[str], names: Sequence[str]) -> list[list[str]]:
    """For each pattern, the names it matches (a plain id matches itself if it exists)."""
    return [
        [n for n in names if fnmatch.fnmatchcase(n, p)] if any(c in p for c in "*?[") else [p] * (p in names)
        for p in patterns
    ]


def site_entry_index(sites_file: schema.SitesFile) -> dict[str, int]:
    """Expanded site id -> index of the entry in sites.yaml that wrote it."""
    return {
        fill(site.id, side): index for index, site in enumerate(sites_file.sites) for side in sides_of(site)
    }


def expand_sites(c: Checker, node_ids: Sequence[str]) -> list[SiteInfo]:
    """Every site, one per side, with the pathway nodes it cuts; problems go to ``c``."""
    sites_file = c.sources.sites.parsed
    groups = {g.id for g in sites_file.groups}
    c.unique("sites", "groups", (g.id for g in sites_file.groups), "site group")
    expanded: list[SiteInfo] = []
    origin: list[int] = []
    for index, site in enumerate(sites_file.sites):
        at = ("sites", index)
        c.known("sites", (*at, "group"), site.group, groups, "site group")
        templated = "$side" in site.id
        if site.sides and not templated:
            c.error("sites", (*at, "id"), "a site with 'sides' needs '$side' in its id")
            continue
        if templated and not site.sides:
            c.error("sites", (*at, "sides"), "a site id with '$side' needs 'sides: [right, left]'")
            continue
        for key in ("location", "contains", "associated", "disagreement"):
            c.cited("sites", (*at, key), getattr(site, key), f"{key} of site {site.id!r}")
        for side in sides_of(site):
            expanded.append(_site_info(c, index, site, side, node_ids))
            origin.append(index)
    seen: dict[str, int] = {}
    for info, index in zip(expanded, origin, strict=True):
        if info.id in seen:
            first = c.sources.sites.line("sites", seen[info.id])
            c.error("sites", ("sites", index, "id"), f"duplicate site id {info.id!r} (first on line {first})")
        seen.setdefault(info.id, index)
    return expanded


def _nodes(c: Checker, index: int, key: str, patterns: Sequence[str], node_ids: Sequence[str]) -> set[str]:
    matched: set[str] = set()
    for j, (pattern, found) in enumerate(zip(patterns, match(patterns, node_ids), strict=True)):
        if not found:
            c.error(
                "sites",
                ("sites", index, key, j),
                f"{pattern!r} matches no pathway node (see docs/content.md)",
            )
        matched.update(found)
    return matched


def _site_info(
    c: Checker, index: int, site: schema.Site, side: str | None, node_ids: Sequence[str]
) -> SiteInfo:
    matched = _nodes(c, index, "cuts", [fill(pattern, side) for pattern in site.cuts], node_ids)
    variable = _nodes(c, index, "may_cut", [fill(pattern, side) for pattern in site.may_cut], node_ids)
    return SiteInfo(
        id=fill(site.id, side),
        name=fill(site.name, side),
        side=side or "midline",
        group=site.group,
        level=fill(site.level, side),
        nodes=frozenset(matched),
        location=tuple(fill(p, side) for p in site.location),
        contains=tuple(fill(p, side) for p in site.contains),
        associated=tuple(fill(p, side) for p in site.associated),
        disagreement=tuple(fill(p, side) for p in site.disagreement),
        variable=frozenset(variable - matched),
    )


def expand_diseases(c: Checker, site_ids: Sequence[str]) -> list[DiseaseInfo]:
    """Every disease with its site patterns resolved, in the order of the sites."""
    diseases_file = c.sources.diseases.parsed
    diseases = diseases_file.diseases
    c.unique("diseases", "diseases", (d.id for d in diseases), "disease")
    result = []
    for index, disease in enumerate(diseases):
        at = ("diseases", index)
        for key in ("summary", "features", "disagreement"):
            c.cited("diseases", (*at, key), getattr(disease, key), f"{key} of disease {disease.id!r}")
        found: dict[str, list[str]] = {}
        for key in ("sites", "typical"):
            patterns: list[str] = getattr(disease, key)
            names: list[str] = []
            for j, (pattern, matched) in enumerate(zip(patterns, match(patterns, site_ids), strict=True)):
                if not matched:
                    c.error("diseases", (*at, key, j), f"{pattern!r} matches no site id in sites.yaml")
                names += matched
            found[key] = list(dict.fromkeys(names))
        for j, site_id in enumerate(found["typical"]):
            if site_id not in found["sites"]:
                c.error(
                    "diseases",
                    (*at, "typical", j),
                    f"typical site {site_id!r} is not among the disease's sites",
                )
        result.append(
            DiseaseInfo(
                id=disease.id,
                name=disease.name,
                process=disease.process or diseases_file.default_process,
                course=disease.course,
                lesions=tuple(disease.lesions),
                sites=tuple(x for x in site_ids if x in found["sites"]),
                typical=tuple(found["typical"]),
                summary=tuple(disease.summary),
                features=tuple(disease.features),
                disagreement=tuple(disease.disagreement),
            )
        )
    return result
