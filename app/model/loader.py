"""Load ``content/`` into a :class:`~app.model.content.Content`, or say exactly what is wrong.

Each file is read with :func:`~app.model.yamlload.load_yaml`, its shape checked by msgspec
against :mod:`app.model.schema`, then the files are checked against each other (ids, citations,
pathway nodes, the diagram's element ids). Every problem is reported as ``FILE:LINE: message``;
all problems are collected before raising, so a teacher can fix them in one pass.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from app import paths
from app.model import schema as s
from app.model.content import CITATION, CONTENT_FILES, Content, DiseaseInfo, SiteInfo, citations, svg_for
from app.model.errors import ContentError, Problem
from app.model.pathway import build_pathway
from app.model.svgcheck import scan_svg
from app.model.yamlload import LineDict, LineList, line_at, load_yaml

T = TypeVar("T")

SCHEMAS: dict[str, type[Any]] = {
    "references": s.ReferencesFile,
    "body": s.BodyFile,
    "anatomy": s.AnatomyFile,
    "signs": s.SignsFile,
    "sites": s.SitesFile,
    "diseases": s.DiseasesFile,
    "comparison": s.ComparisonFile,
    "faq": s.FaqFile,
    "physiology": s.PhysiologyFile,
}
"""The schema each content file (``NAME.yaml``) must follow."""
assert tuple(SCHEMAS) == CONTENT_FILES
_PLACEHOLDERS = ("$side", "$Side", "$other", "$Other")


@dataclass
class _Source:
    """One parsed file: where it is, its raw YAML (with line numbers) and its typed form."""

    path: Path
    raw: Any
    parsed: Any

    def line(self, *keys: str | int) -> int:
        node, line = self.raw, getattr(self.raw, "line", 1)
        for key in keys:
            in_dict = isinstance(key, str) and isinstance(node, LineDict) and key in node
            in_list = isinstance(key, int) and isinstance(node, LineList) and key < len(node)
            if in_dict or in_list:
                line, node = node.line_of(key), node[key]
            else:
                break
        return line


def _parse(directory: Path, name: str, kind: type[T], problems: list[Problem]) -> _Source | None:
    path = directory / f"{name}.yaml"
    try:
        raw = load_yaml(path)
    except ContentError as error:
        problems += error.problems
        return None
    if raw is None:
        problems.append(Problem(path, 1, "file is empty"))
        return None
    try:
        parsed = msgspec.convert(raw, kind)
    except msgspec.ValidationError as error:
        message, _, where = str(error).partition(" - at `")
        where = where.rstrip("`")
        unknown = re.match(r"Object contains unknown field `([^`]+)`", message)
        if unknown:
            where += f".{unknown.group(1)}"
        problems.append(Problem(path, line_at(raw, where), _friendly(message, where)))
        return None
    return _Source(path, raw, parsed)


def _friendly(message: str, where: str) -> str:
    field = where.rsplit(".", 1)[-1] if "." in where else ""
    message = message.replace("`", "'")
    if message.startswith("Object contains unknown field"):
        return message.replace("Object contains unknown field", "unknown field") + " (check the spelling)"
    if message.startswith("Expected `str` of length >= 1") or "length >= 1" in message:
        return f"{field or 'value'} must not be empty"
    if field and not field.endswith("]"):
        return f"{field}: {message[0].lower()}{message[1:]}"
    return message[0].lower() + message[1:]


class _Checker:
    def __init__(self, sources: dict[str, _Source]) -> None:
        self.sources = sources
        self.problems: list[Problem] = []
        refs: s.ReferencesFile = sources["references"].parsed
        self.ref_ids = {r.id for r in refs.references}

    def error(self, file: str, keys: Sequence[str | int], message: str, near: str = "") -> None:
        source = self.sources[file]
        line = source.line(*keys)
        if near:
            line = _line_containing(source.path, line, near)
        self.problems.append(Problem(source.path, line, message))

    def unique(self, file: str, list_key: str, ids: Iterable[str], what: str) -> None:
        seen: dict[str, int] = {}
        for index, item in enumerate(ids):
            if item in seen:
                line = self.sources[file].line(list_key, seen[item])
                self.error(file, (list_key, index), f"duplicate {what} id {item!r} (first on line {line})")
            else:
                seen[item] = index

    def known(
        self, file: str, keys: Sequence[str | int], value: str | None, valid: Iterable[str], what: str
    ) -> None:
        if value is not None and value not in valid:
            options = ", ".join(sorted(valid))
            self.error(file, keys, f"unknown {what} {value!r}; expected one of: {options}")

    def cited(self, file: str, keys: Sequence[str | int], paragraphs: Sequence[str], what: str) -> None:
        for index, paragraph in enumerate(paragraphs):
            where = (*keys, index)
            keys_cited = citations(paragraph)
            if not keys_cited:
                self.error(file, where, f"{what} cites no reference; end it with a citation such as [JN]")
            for key in keys_cited:
                if key not in self.ref_ids:
                    self.error(file, where, f"unknown reference [{key}]; add it to references.yaml", near=key)
            stripped = CITATION.sub("", paragraph)
            if "[" in stripped or "]" in stripped:
                self.error(
                    file, where, f"malformed citation in {what}; write citations as [KEY] or [KEY, KEY]"
                )

    def refs(self, file: str, keys: Sequence[str | int], refs: Sequence[str]) -> None:
        for index, key in enumerate(refs):
            if key not in self.ref_ids:
                self.error(file, (*keys, index), f"unknown reference {key!r}; add it to references.yaml")


def _line_containing(path: Path, start: int, needle: str, reach: int = 40) -> int:
    """The first line at or after ``start`` that contains ``needle`` (a multi-line paragraph's
    citation is reported where it is written, not where the paragraph begins)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return start
    for number in range(start, min(start + reach, len(lines)) + 1):
        if needle in lines[number - 1]:
            return number
    return start


def _sides(site: s.Site) -> list[str | None]:
    """The sides a site entry stands for; ``[None]`` for a midline site."""
    return list(site.sides) or [None]


def _fill(text: str, side: str | None) -> str:
    if side is None:
        return text
    other = "left" if side == "right" else "right"
    for placeholder, value in zip(_PLACEHOLDERS, (side, side.title(), other, other.title()), strict=True):
        text = text.replace(placeholder, value)
    return text


def _match(patterns: Sequence[str], names: Sequence[str]) -> list[list[str]]:
    return [
        [n for n in names if fnmatch.fnmatchcase(n, p)] if any(c in p for c in "*?[") else [p] * (p in names)
        for p in patterns
    ]


def _check_references(c: _Checker) -> None:
    refs: s.ReferencesFile = c.sources["references"].parsed
    c.unique("references", "references", (r.id for r in refs.references), "reference")


def _check_body(c: _Checker) -> None:
    body: s.BodyFile = c.sources["body"].parsed
    c.unique("body", "regions", (r.id for r in body.regions), "region")
    c.unique("body", "lesion_types", (t.id for t in body.lesion_types), "lesion type")
    c.unique("body", "modalities", (m.id for m in body.modalities), "modality")
    for index, kind in enumerate(body.lesion_types):
        c.cited("body", ("lesion_types", index, "summary"), kind.summary, f"the summary of {kind.id}")
    for index, modality in enumerate(body.modalities):
        c.cited("body", ("modalities", index, "summary"), modality.summary, f"the summary of {modality.id}")


def _check_anatomy(c: _Checker) -> None:  # noqa: PLR0912 - one flat list of independent checks
    anatomy: s.AnatomyFile = c.sources["anatomy"].parsed
    body: s.BodyFile = c.sources["body"].parsed
    regions = {r.id for r in body.regions}
    areas = {a.id for a in anatomy.cortex_areas}
    nerves = {n.id for n in anatomy.nerves}
    plexuses = {p.id for p in anatomy.plexuses}
    bundles = {b.id for b in anatomy.decussation_bundles}
    nuclei = {n.id for n in anatomy.cranial_nuclei}
    descending = [d.id for d in anatomy.descending_path]
    c.unique("anatomy", "segments", anatomy.segments, "segment")
    for key, items in (
        ("cortex_areas", anatomy.cortex_areas),
        ("descending_path", anatomy.descending_path),
        ("decussation_bundles", anatomy.decussation_bundles),
        ("cranial_nuclei", anatomy.cranial_nuclei),
        ("plexuses", anatomy.plexuses),
        ("nerves", anatomy.nerves),
        ("muscle_groups", anatomy.muscle_groups),
        ("reflexes", anatomy.reflexes),
    ):
        c.unique("anatomy", key, (i.id for i in items), key.rstrip("s").replace("_", " "))
    for index, nucleus in enumerate(anatomy.cranial_nuclei):
        c.known(
            "anatomy", ("cranial_nuclei", index, "leaves_after"), nucleus.leaves_after, descending, "node"
        )
    groups = {g.id: g for g in anatomy.muscle_groups}
    for index, group in enumerate(anatomy.muscle_groups):
        at = ("muscle_groups", index)
        c.known("anatomy", (*at, "region"), group.region, regions, "region")
        c.known("anatomy", (*at, "cortex"), group.cortex, areas, "cortex area")
        for j, nerve in enumerate(group.nerves):
            c.known("anatomy", (*at, "nerves", j), nerve, nerves, "nerve")
        c.known("anatomy", (*at, "plexus"), group.plexus, plexuses, "plexus")
        c.known("anatomy", (*at, "nucleus"), group.nucleus, nuclei, "cranial nucleus")
        c.known("anatomy", (*at, "bundle"), group.bundle, bundles, "decussation bundle")
        c.refs("anatomy", (*at, "refs"), group.refs)
        if group.nucleus is None:
            if group.cortex is None:
                c.error("anatomy", at, f"spinal muscle group {group.id!r} needs a cortex area")
            if not group.segments:
                c.error("anatomy", at, f"muscle group {group.id!r} needs either segments or a nucleus")
            if group.bundle is None:
                c.error("anatomy", at, f"spinal muscle group {group.id!r} needs a decussation bundle")
            for j, segment in enumerate(group.segments):
                c.known("anatomy", (*at, "segments", j), segment, anatomy.segments, "segment")
        elif group.segments or group.plexus or group.bundle:
            c.error("anatomy", at, f"cranial muscle group {group.id!r} takes no segments, plexus or bundle")
        if not group.refs:
            c.error("anatomy", at, f"muscle group {group.id!r} cites no reference (refs: [...])")
    for index, reflex in enumerate(anatomy.reflexes):
        at = ("reflexes", index)
        c.known("anatomy", (*at, "effector"), reflex.effector, groups, "muscle group")
        effector = groups.get(reflex.effector)
        for j, segment in enumerate(reflex.segments):
            if effector is not None and segment not in effector.segments:
                c.error("anatomy", (*at, "segments", j), f"{segment} is not a segment of {effector.id!r}")
        c.refs("anatomy", (*at, "refs"), reflex.refs)
        if not reflex.refs:
            c.error("anatomy", at, f"reflex {reflex.id!r} cites no reference (refs: [...])")


def _check_sensory(c: _Checker) -> None:
    anatomy: s.AnatomyFile = c.sources["anatomy"].parsed
    body: s.BodyFile = c.sources["body"].parsed
    regions = {r.id for r in body.regions}
    nerves = {n.id for n in anatomy.nerves}
    plexuses = {p.id for p in anatomy.plexuses}
    for index, skin in enumerate(anatomy.skin_fields):
        at = ("skin_fields", index)
        c.known("anatomy", (*at, "region"), skin.region, regions, "region")
        c.known("anatomy", (*at, "plexus"), skin.plexus, plexuses, "plexus")
        for j, nerve in enumerate(skin.nerves):
            c.known("anatomy", (*at, "nerves", j), nerve, nerves, "nerve")
        for j, segment in enumerate(skin.segments):
            c.known("anatomy", (*at, "segments", j), segment, anatomy.segments, "segment")
        c.refs("anatomy", (*at, "refs"), skin.refs)
        if not skin.refs:
            c.error("anatomy", at, f"skin field {skin.id!r} cites no reference (refs: [...])")
    c.unique("anatomy", "skin_fields", (s.id for s in anatomy.skin_fields), "skin field")
    c.unique("anatomy", "cord_parts", (p.id for p in anatomy.cord_parts), "cord part")
    for index, part in enumerate(anatomy.cord_parts):
        for key in ("carries", "if_cut"):
            what = f"{key} of cord part {part.id!r}"
            c.cited("anatomy", ("cord_parts", index, key), [getattr(part, key)], what)


def _check_signs(c: _Checker) -> None:
    signs: s.SignsFile = c.sources["signs"].parsed
    body: s.BodyFile = c.sources["body"].parsed
    anatomy: s.AnatomyFile = c.sources["anatomy"].parsed
    regions = {r.id for r in body.regions}
    domains = {d.id for d in signs.domains}
    reflexes = {r.id for r in anatomy.reflexes}
    groups = {g.id for g in anatomy.muscle_groups}
    c.unique("signs", "domains", (d.id for d in signs.domains), "domain")
    c.unique("signs", "signs", (x.id for x in signs.signs), "sign")
    for index, sign in enumerate(signs.signs):
        at = ("signs", index)
        c.known("signs", (*at, "domain"), sign.domain, domains, "domain")
        c.cited("signs", (*at, "summary"), sign.summary, f"the summary of sign {sign.id!r}")
        for j, rule in enumerate(sign.rules):
            where = (*at, "rules", j)
            if (rule.lesion is None) == (rule.reflex is None):
                c.error("signs", where, "a rule needs exactly one of 'lesion' or 'reflex'")
            if rule.reflex is not None:
                c.known("signs", (*where, "reflex", "id"), rule.reflex.id, reflexes, "reflex")
            for k, region in enumerate(rule.regions):
                c.known("signs", (*where, "regions", k), region, regions, "region")
            for k, group in enumerate(rule.groups):
                c.known("signs", (*where, "groups", k), group, groups, "muscle group")
            if rule.one_sided and rule.lesion is None:
                c.error("signs", (*where, "one_sided"), "'one_sided' only applies to a rule with 'lesion'")
            if rule.groups and rule.lesion is None:
                c.error("signs", (*where, "groups"), "'groups' only applies to a rule with 'lesion'")
            if rule.from_day is not None and rule.until_day is not None and rule.until_day <= rule.from_day:
                c.error("signs", where, "until_day must be later than from_day")


def _expand_sites(c: _Checker, nodes: dict[str, str]) -> list[SiteInfo]:
    sites_file: s.SitesFile = c.sources["sites"].parsed
    groups = {g.id for g in sites_file.groups}
    c.unique("sites", "groups", (g.id for g in sites_file.groups), "site group")
    node_names = list(nodes)
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
        for side in _sides(site):
            cuts = [_fill(p, side) for p in site.cuts]
            matched: set[str] = set()
            for j, (pattern, found) in enumerate(zip(cuts, _match(cuts, node_names), strict=True)):
                if not found:
                    c.error(
                        "sites",
                        (*at, "cuts", j),
                        f"{pattern!r} matches no pathway node (see docs/content.md)",
                    )
                matched.update(found)
            expanded.append(
                SiteInfo(
                    id=_fill(site.id, side),
                    name=_fill(site.name, side),
                    side=side or "midline",
                    group=site.group,
                    level=_fill(site.level, side),
                    nodes=frozenset(matched),
                    location=tuple(_fill(p, side) for p in site.location),
                    contains=tuple(_fill(p, side) for p in site.contains),
                    associated=tuple(_fill(p, side) for p in site.associated),
                    disagreement=tuple(_fill(p, side) for p in site.disagreement),
                )
            )
            origin.append(index)
    seen: dict[str, int] = {}
    for site_info, index in zip(expanded, origin, strict=True):
        if site_info.id in seen:
            first = c.sources["sites"].line("sites", seen[site_info.id])
            c.error(
                "sites", ("sites", index, "id"), f"duplicate site id {site_info.id!r} (first on line {first})"
            )
        seen.setdefault(site_info.id, index)
    return expanded


def _expand_diseases(c: _Checker, site_ids: list[str]) -> list[DiseaseInfo]:
    diseases_file: s.DiseasesFile = c.sources["diseases"].parsed
    c.unique("diseases", "diseases", (d.id for d in diseases_file.diseases), "disease")
    result = []
    for index, disease in enumerate(diseases_file.diseases):
        at = ("diseases", index)
        for key in ("summary", "features", "disagreement"):
            c.cited("diseases", (*at, key), getattr(disease, key), f"{key} of disease {disease.id!r}")
        found: dict[str, list[str]] = {}
        for key in ("sites", "typical"):
            patterns = getattr(disease, key)
            names: list[str] = []
            for j, (pattern, matched) in enumerate(zip(patterns, _match(patterns, site_ids), strict=True)):
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
        ordered = [x for x in site_ids if x in found["sites"]]
        result.append(
            DiseaseInfo(
                id=disease.id,
                name=disease.name,
                lesions=tuple(disease.lesions),
                sites=tuple(ordered),
                typical=tuple(found["typical"]),
                summary=tuple(disease.summary),
                features=tuple(disease.features),
                disagreement=tuple(disease.disagreement),
            )
        )
    return result


def _check_comparison_and_faq(c: _Checker) -> None:
    comparison: s.ComparisonFile = c.sources["comparison"].parsed
    for index, row in enumerate(comparison.rows):
        at = ("rows", index)
        for column in comparison.columns:
            if column not in row.cells:
                c.error("comparison", (*at, "cells"), f"row {row.feature!r} has no cell for {column}")
        for column, text in row.cells.items():
            if column not in comparison.columns:
                c.error("comparison", (*at, "cells", column), f"{column} is not one of the table's columns")
            c.cited("comparison", (*at, "cells", column), [text], f"the {column} cell of {row.feature!r}")
        c.cited(
            "comparison", (*at, "disagreement"), row.disagreement, f"the disagreement note of {row.feature!r}"
        )
    faq: s.FaqFile = c.sources["faq"].parsed
    for index, question in enumerate(faq.faq):
        c.cited("faq", ("faq", index, "answer"), question.answer, "this answer")
        if question.seed_correction:
            c.cited("faq", ("faq", index, "seed_correction"), [question.seed_correction], "this correction")


def _check_companion_svgs(c: _Checker) -> None:
    """The body map needs an element per region and side, the cord section one per cord part."""
    body: s.BodyFile = c.sources["body"].parsed
    anatomy: s.AnatomyFile = c.sources["anatomy"].parsed
    try:
        body_ids = scan_svg(paths.svg_dir() / "body.svg").ids
        cord_ids = scan_svg(paths.svg_dir() / "cord.svg").ids
    except ContentError as error:
        c.problems += error.problems
        return
    for index, region in enumerate(body.regions):
        for side in ("right", "left"):
            if f"body-{region.id}-{side}" not in body_ids:
                c.error("body", ("regions", index), f"body.svg has no element body-{region.id}-{side}")
    for index, part in enumerate(anatomy.cord_parts):
        sided = {f"xs-{part.id}-right", f"xs-{part.id}-left"}
        if f"xs-{part.id}" not in cord_ids and not sided <= cord_ids.keys():
            c.error("anatomy", ("cord_parts", index), f"cord.svg has no element xs-{part.id}(-right/-left)")


def _check_physiology(c: _Checker) -> None:
    physiology: s.PhysiologyFile = c.sources["physiology"].parsed
    c.cited("physiology", ("schematic",), physiology.schematic, "the schematic note")
    c.cited("physiology", ("mixed_reflexes",), physiology.mixed_reflexes, "the note on mixed reflexes")
    c.unique("physiology", "measures", (m.id for m in physiology.measures), "measure")
    for index, measure in enumerate(physiology.measures):
        at = ("measures", index)
        c.cited("physiology", (*at, "summary"), measure.summary, f"the summary of {measure.id!r}")
        c.cited(
            "physiology", (*at, "disagreement"), measure.disagreement, f"the disagreement of {measure.id!r}"
        )
        for j, curve in enumerate(measure.curves):
            days = [day for day, _ in curve.points]
            if days != sorted(days) or days[0] != 0:
                c.error(
                    "physiology", (*at, "curves", j, "points"), "points must start at day 0 and go forward"
                )
            if any(not measure.minimum <= value <= measure.maximum for _, value in curve.points):
                c.error(
                    "physiology", (*at, "curves", j, "points"), f"a value lies outside {measure.id!r}'s axis"
                )
    for key in ("tone_profiles", "reflex_traces"):
        items = getattr(physiology, key)
        c.unique("physiology", key, (i.id for i in items), key.rstrip("s").replace("_", " "))
        for index, item in enumerate(items):
            c.cited("physiology", (key, index, "summary"), item.summary, f"the summary of {item.id!r}")


def _check_svg(c: _Checker, svg_path: Path, sites: list[SiteInfo]) -> None:
    try:
        scan = scan_svg(svg_path)
    except ContentError as error:
        c.problems += error.problems
        return
    sites_file: s.SitesFile = c.sources["sites"].parsed
    template_index = {}
    for index, site in enumerate(sites_file.sites):
        for side in _sides(site):
            template_index[_fill(site.id, side)] = index
    for info in sites:
        if info.id not in scan.ids:
            c.error(
                "sites",
                ("sites", template_index[info.id], "id"),
                f"site {info.id!r} has no element with id={info.id!r} in {svg_path.name}",
            )
    _check_companion_svgs(c)
    known = {site.id for site in sites}
    for element_id, line in scan.site_classed.items():
        if element_id not in known:
            c.problems.append(
                Problem(
                    svg_path,
                    line,
                    f'element {element_id!r} is marked class="site" but sites.yaml has no such site',
                )
            )


def _check_derived_lesions(c: _Checker, content: Content) -> None:
    from app.model.findings import LESION_ORDER, lesion_types

    for index, disease in enumerate(content.diseases):
        derived: set[str] = set(lesion_types(content, disease.typical))
        for site_id in disease.sites:
            derived.update(lesion_types(content, [site_id]))
        declared = set(disease.lesions)
        if derived != declared:
            wanted = ", ".join(t for t in LESION_ORDER if t in derived) or "none"
            c.error(
                "diseases",
                ("diseases", index, "lesions"),
                f"{disease.id!r} declares lesions {', '.join(disease.lesions)} but its sites give: {wanted}",
            )


def load_content(
    directory: Path | None = None, *, svg: Path | None = None, check_svg: bool = False
) -> Content:
    """Load and cross-check the content in ``directory`` (the bundled content by default).

    With ``check_svg`` the diagram is scanned too and every site must have an element there.
    Raises :class:`ContentError` listing every problem found.
    """
    directory = Path(directory) if directory is not None else paths.content_dir()
    svg_path = svg if svg is not None else svg_for(directory)
    if not directory.is_dir():
        raise ContentError([Problem(directory, 1, "content folder not found")])
    problems: list[Problem] = []
    sources = {name: _parse(directory, name, kind, problems) for name, kind in SCHEMAS.items()}
    if problems:
        if check_svg:
            try:
                scan_svg(svg_path)
            except ContentError as error:
                problems += error.problems
        raise ContentError(problems)
    ready = {name: source for name, source in sources.items() if source is not None}
    c = _Checker(ready)
    checks: tuple[Callable[[_Checker], None], ...] = (
        _check_references,
        _check_body,
        _check_anatomy,
        _check_sensory,
        _check_signs,
        _check_comparison_and_faq,
        _check_physiology,
    )
    for check in checks:
        check(c)
    if c.problems:
        raise ContentError(c.problems)
    anatomy: s.AnatomyFile = ready["anatomy"].parsed
    pathway = build_pathway(anatomy)
    sites = _expand_sites(c, pathway.nodes)
    diseases = _expand_diseases(c, [site.id for site in sites])
    if check_svg:
        _check_svg(c, svg_path, sites)
    if c.problems:
        raise ContentError(c.problems)
    body: s.BodyFile = ready["body"].parsed
    signs: s.SignsFile = ready["signs"].parsed
    comparison: s.ComparisonFile = ready["comparison"].parsed
    refs: s.ReferencesFile = ready["references"].parsed
    content = Content(
        directory=directory,
        svg_path=svg_path,
        references={r.id: r for r in refs.references},
        regions=tuple(body.regions),
        lesion_types={t.id: t for t in body.lesion_types},
        modalities={m.id: m for m in body.modalities},
        domains=tuple(signs.domains),
        signs=tuple(signs.signs),
        site_groups=tuple(ready["sites"].parsed.groups),
        sites=tuple(sites),
        diseases=tuple(diseases),
        comparison_columns=tuple(comparison.columns),
        comparison=tuple(comparison.rows),
        faq=tuple(ready["faq"].parsed.faq),
        physiology=ready["physiology"].parsed,
        anatomy=anatomy,
        pathway=pathway,
    )
    _check_derived_lesions(c, content)
    if c.problems:
        raise ContentError(c.problems)
    return content
