"""Cross-checks between the content files: ids unique and known, every text cited, rules coherent,
numbers in range. Each check reads the typed files and reports through a
:class:`~app.model.checker.Checker`, so every problem names its file and line."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from app.model.checker import Checker
from app.model.pathway import Pathway
from app.model.routes import RANGE
from app.model.schema import SignRule


def check_references(c: Checker) -> None:
    """Ids unique; every source checkable: authors, venue, year and a stable identifier (a DOI,
    PMID, NCBI Bookshelf id or the full address of the page). A url, wherever given, must name a
    page (``http(s)://host/path``), not a site's home page. Teaching conventions need none of it."""
    from urllib.parse import urlsplit  # local: this check is the only user

    references = c.sources.references.parsed.references
    c.unique("references", "references", (r.id for r in references), "reference")
    for index, ref in enumerate(references):
        at = ("references", index)
        if ref.url:
            try:
                parts = urlsplit(ref.url)
            except ValueError:  # e.g. a stray '[' in the host: "Invalid IPv6 URL"
                parts = urlsplit("")
            if (
                parts.scheme not in ("http", "https")
                or not parts.netloc
                or not parts.path.strip("/")
                or any(ch.isspace() for ch in ref.url)
            ):
                c.error(
                    "references",
                    (*at, "url"),
                    f"reference {ref.id!r} has url {ref.url!r}, which is not the full address of a "
                    "page; give http(s)://host/path of the exact page, not a site's home page",
                )
        if ref.kind == "convention":
            continue
        for field, value, hint in (
            ("authors", ref.authors, "as cited, or the organisation or site's editors"),
            ("venue", ref.venue, "journal with volume and pages, book with publisher, or website"),
            ("year", ref.year, "of publication, or for an undated page the year it was read"),
        ):
            if not value:
                c.error("references", at, f"reference {ref.id!r} has no {field}; add it ({hint})")
        if not (ref.doi or ref.pmid or ref.nbk or ref.url):
            c.error(
                "references",
                at,
                f"reference {ref.id!r} has no stable identifier; "
                "add doi, pmid, nbk or the full url of the page",
            )


def check_body(c: Checker) -> None:
    body = c.sources.body.parsed
    c.unique("body", "regions", (r.id for r in body.regions), "region")
    c.unique("body", "lesion_types", (t.id for t in body.lesion_types), "lesion type")
    c.unique("body", "modalities", (m.id for m in body.modalities), "modality")
    for index, kind in enumerate(body.lesion_types):
        c.cited("body", ("lesion_types", index, "summary"), kind.summary, f"the summary of {kind.id}")
    for index, modality in enumerate(body.modalities):
        c.cited("body", ("modalities", index, "summary"), modality.summary, f"the summary of {modality.id}")


def check_anatomy(c: Checker) -> None:
    anatomy = c.sources.anatomy.parsed
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
    descending = [d.id for d in anatomy.descending_path]
    for index, nucleus in enumerate(anatomy.cranial_nuclei):
        c.known(
            "anatomy", ("cranial_nuclei", index, "leaves_after"), nucleus.leaves_after, descending, "node"
        )
    _check_muscle_groups(c)
    groups = {g.id: g for g in anatomy.muscle_groups}
    for index, reflex in enumerate(anatomy.reflexes):
        at = ("reflexes", index)
        c.known("anatomy", (*at, "effector"), reflex.effector, groups, "muscle group")
        effector = groups.get(reflex.effector)
        for j, segment in enumerate(reflex.segments):
            if effector is not None and segment not in effector.segments:
                c.error("anatomy", (*at, "segments", j), f"{segment} is not a segment of {effector.id!r}")
        c.refs("anatomy", (*at, "refs"), reflex.refs, owner=f"reflex {reflex.id!r}")


def _check_muscle_groups(c: Checker) -> None:
    anatomy = c.sources.anatomy.parsed
    regions = {r.id for r in c.sources.body.parsed.regions}
    areas = {a.id for a in anatomy.cortex_areas}
    nerves = {n.id for n in anatomy.nerves}
    plexuses = {p.id for p in anatomy.plexuses}
    bundles = {b.id for b in anatomy.decussation_bundles}
    nuclei = {n.id for n in anatomy.cranial_nuclei}
    for index, group in enumerate(anatomy.muscle_groups):
        at = ("muscle_groups", index)
        c.known("anatomy", (*at, "region"), group.region, regions, "region")
        c.known("anatomy", (*at, "cortex"), group.cortex, areas, "cortex area")
        for j, nerve in enumerate(group.nerves):
            c.known("anatomy", (*at, "nerves", j), nerve, nerves, "nerve")
        c.known("anatomy", (*at, "plexus"), group.plexus, plexuses, "plexus")
        c.known("anatomy", (*at, "nucleus"), group.nucleus, nuclei, "cranial nucleus")
        c.known("anatomy", (*at, "bundle"), group.bundle, bundles, "decussation bundle")
        c.refs("anatomy", (*at, "refs"), group.refs, owner=f"muscle group {group.id!r}")
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


def _check_route(c: Checker, keys: tuple[str | int, ...], route: Sequence[str]) -> None:
    """Segment ranges in a written route name real segments (unknown structures are reported once
    the pathway is built: see check_route_nodes)."""
    segments = c.sources.anatomy.parsed.segments
    for j, template in enumerate(route):
        for match in RANGE.finditer(template):
            for segment in match.groups():
                c.known("anatomy", (*keys, j), segment, segments, "segment")


def check_route_nodes(c: Checker, pathway: Pathway) -> None:
    """Every node a written route passes is generated by the pathway or named in anatomy.yaml."""
    anatomy = c.sources.anatomy.parsed
    routes: list[tuple[str, list[list[str]]]] = [
        ("functions", [f.route for f in anatomy.functions]),
        ("skin_fields", [s.route for s in anatomy.skin_fields]),
    ]
    for key, items in routes:
        for index, route in enumerate(items):
            for j, template in enumerate(route):
                if template in pathway.unknown.values():
                    c.error(
                        "anatomy",
                        (key, index, "route", j),
                        f"{template!r} names no structure; add it to 'structures' in anatomy.yaml "
                        "or use a pathway node (see docs/content.md)",
                    )


def check_sensory(c: Checker) -> None:
    anatomy = c.sources.anatomy.parsed
    regions = {r.id for r in c.sources.body.parsed.regions}
    nerves = {n.id for n in anatomy.nerves}
    plexuses = {p.id for p in anatomy.plexuses}
    c.unique("anatomy", "structures", (s.id for s in anatomy.structures), "structure")
    c.unique("anatomy", "functions", (f.id for f in anatomy.functions), "function")
    for index, function in enumerate(anatomy.functions):
        at = ("functions", index)
        for j, region in enumerate(function.regions):
            c.known("anatomy", (*at, "regions", j), region, regions, "region")
        _check_route(c, (*at, "route"), function.route)
        c.refs("anatomy", (*at, "refs"), function.refs, owner=f"function {function.id!r}")
    for index, skin in enumerate(anatomy.skin_fields):
        at = ("skin_fields", index)
        c.known("anatomy", (*at, "region"), skin.region, regions, "region")
        if bool(skin.route) == bool(skin.segments or skin.nerves or skin.plexus):
            c.error(
                "anatomy",
                at,
                f"skin field {skin.id!r} needs either segments and nerves (through the cord) or a "
                "written route (the face), not both",
            )
        _check_route(c, (*at, "route"), skin.route)
        c.known("anatomy", (*at, "plexus"), skin.plexus, plexuses, "plexus")
        for j, nerve in enumerate(skin.nerves):
            c.known("anatomy", (*at, "nerves", j), nerve, nerves, "nerve")
        for j, segment in enumerate(skin.segments):
            c.known("anatomy", (*at, "segments", j), segment, anatomy.segments, "segment")
        c.refs("anatomy", (*at, "refs"), skin.refs, owner=f"skin field {skin.id!r}")
    c.unique("anatomy", "skin_fields", (s.id for s in anatomy.skin_fields), "skin field")
    c.unique("anatomy", "cord_parts", (p.id for p in anatomy.cord_parts), "cord part")
    for index, part in enumerate(anatomy.cord_parts):
        c.cited(
            "anatomy", ("cord_parts", index, "carries"), [part.carries], f"carries of cord part {part.id!r}"
        )
        c.cited("anatomy", ("cord_parts", index, "if_cut"), [part.if_cut], f"if_cut of cord part {part.id!r}")


def check_signs(c: Checker) -> None:
    signs = c.sources.signs.parsed
    domains = {d.id for d in signs.domains}
    c.unique("signs", "domains", (d.id for d in signs.domains), "domain")
    c.unique("signs", "signs", (x.id for x in signs.signs), "sign")
    for index, sign in enumerate(signs.signs):
        at = ("signs", index)
        c.known("signs", (*at, "domain"), sign.domain, domains, "domain")
        c.cited("signs", (*at, "summary"), sign.summary, f"the summary of sign {sign.id!r}")
        for j, rule in enumerate(sign.rules):
            _check_rule(c, (*at, "rules", j), rule)


WHERE_OF = {"UMN": {"brain", "cord"}, "LMN": {"cell", "root", "plexus", "nerve"}}
"""Where each lesion type can arise (a rule's 'at')."""


def _check_rule(c: Checker, where: tuple[str | int, ...], rule: SignRule) -> None:
    """A rule names known things and combines its options sensibly (see the header of signs.yaml)."""
    anatomy = c.sources.anatomy.parsed
    kinds = [rule.lesion, rule.reflex, rule.sensory, rule.function]
    if sum(kind is not None for kind in kinds) != 1:
        c.error("signs", where, "a rule needs exactly one of 'lesion', 'reflex', 'sensory' or 'function'")
    if rule.reflex is not None:
        c.known("signs", (*where, "reflex", "id"), rule.reflex.id, {r.id for r in anatomy.reflexes}, "reflex")
    c.known("signs", (*where, "function"), rule.function, {f.id for f in anatomy.functions}, "function")
    known: list[tuple[str, list[str], set[str], str]] = [
        ("regions", rule.regions, {r.id for r in c.sources.body.parsed.regions}, "region"),
        ("groups", rule.groups, {g.id for g in anatomy.muscle_groups}, "muscle group"),
        ("process", rule.process, {p.id for p in c.sources.diseases.parsed.processes}, "process"),
        (
            "except_process",
            rule.except_process,
            {p.id for p in c.sources.diseases.parsed.processes},
            "process",
        ),
    ]
    for key, values, valid, what in known:
        for k, value in enumerate(values):
            c.known("signs", (*where, key, k), value, valid, what)
    _check_rule_options(c, where, rule)


def _check_rule_options(c: Checker, where: tuple[str | int, ...], rule: SignRule) -> None:
    for key, value in (
        ("one_sided", rule.one_sided),
        ("both_sides", rule.both_sides),
        ("groups", rule.groups),
    ):
        if value and rule.lesion is None:
            c.error("signs", (*where, key), f"'{key}' only applies to a rule with 'lesion'")
    if rule.one_sided and rule.both_sides:
        c.error("signs", where, "a rule cannot be both 'one_sided' and 'both_sides'")
    if rule.at and rule.lesion is not None and not set(rule.at) <= WHERE_OF.get(rule.lesion, set()):
        allowed = ", ".join(sorted(WHERE_OF.get(rule.lesion, set()))) or "nowhere along the pathway"
        c.error("signs", (*where, "at"), f"a {rule.lesion} lesion arises at: {allowed}")
    if rule.at and (rule.sensory is not None or rule.function is not None):
        c.error("signs", (*where, "at"), "'at' applies to a rule with 'lesion' or 'reflex'")
    if rule.from_day is not None and rule.until_day is not None and rule.until_day <= rule.from_day:
        c.error("signs", where, "until_day must be later than from_day")
    if rule.certainty == "possible" and not rule.note:
        c.error(
            "signs", where, "a rule with 'certainty: possible' needs a 'note' saying why, citing a source"
        )
    if rule.note:
        c.cited("signs", (*where, "note"), [rule.note], "the note of this rule")


def check_processes(c: Checker) -> None:
    diseases = c.sources.diseases.parsed
    processes = {p.id for p in diseases.processes}
    c.unique("diseases", "processes", (p.id for p in diseases.processes), "process")
    for index, process in enumerate(diseases.processes):
        c.cited(
            "diseases", ("processes", index, "summary"), process.summary, f"the summary of {process.id!r}"
        )
    c.known("diseases", ("default_process",), diseases.default_process, processes, "process")
    groups = {g.id for g in c.sources.anatomy.parsed.muscle_groups}
    for index, process in enumerate(diseases.processes):
        for j, group in enumerate(process.spares):
            c.known("diseases", ("processes", index, "spares", j), group, groups, "muscle group")
    for index, disease in enumerate(diseases.diseases):
        c.known("diseases", ("diseases", index, "process"), disease.process, processes, "process")


def check_comparison_and_faq(c: Checker) -> None:
    comparison = c.sources.comparison.parsed
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
    for index, question in enumerate(c.sources.faq.parsed.faq):
        c.cited("faq", ("faq", index, "answer"), question.answer, "this answer")
        if question.misconception:
            c.cited("faq", ("faq", index, "misconception"), [question.misconception], "this misconception")


def check_physiology(c: Checker) -> None:
    physiology = c.sources.physiology.parsed
    c.cited("physiology", ("schematic",), physiology.schematic, "the schematic note")
    c.cited("physiology", ("mixed_reflexes",), physiology.mixed_reflexes, "the note on mixed reflexes")
    c.unique("physiology", "measures", (m.id for m in physiology.measures), "measure")
    for index, measure in enumerate(physiology.measures):
        at = ("measures", index)
        c.cited("physiology", (*at, "summary"), measure.summary, f"the summary of {measure.id!r}")
        c.cited(
            "physiology", (*at, "disagreement"), measure.disagreement, f"the disagreement of {measure.id!r}"
        )
        if not measure.minimum < measure.maximum:
            c.error("physiology", (*at, "maximum"), f"{measure.id!r}: maximum must be above minimum")
            continue  # nothing can be placed on an empty or upside-down axis
        for name, value in measure.ticks.items():
            if not measure.minimum <= value <= measure.maximum:
                c.error(
                    "physiology", (*at, "ticks"), f"tick {name!r} lies outside the axis of {measure.id!r}"
                )
        for j, curve in enumerate(measure.curves):
            days = [day for day, _ in curve.points]
            if days != sorted(days) or days[0] != 0:
                c.error(
                    "physiology", (*at, "curves", j, "points"), "points must start at day 0 and go forward"
                )
            if any(
                not math.isfinite(v) or not measure.minimum <= v <= measure.maximum for _, v in curve.points
            ):
                c.error(
                    "physiology", (*at, "curves", j, "points"), f"a value lies outside {measure.id!r}'s axis"
                )
    for key in ("tone_profiles", "reflex_traces"):
        items = getattr(physiology, key)
        c.unique("physiology", key, (i.id for i in items), key.rstrip("s").replace("_", " "))
        for index, item in enumerate(items):
            c.cited("physiology", (key, index, "summary"), item.summary, f"the summary of {item.id!r}")


FILE_CHECKS: tuple[Callable[[Checker], None], ...] = (
    check_references,
    check_body,
    check_anatomy,
    check_sensory,
    check_processes,
    check_signs,
    check_comparison_and_faq,
    check_physiology,
)
"""The checks of the files against each other, before the pathway is built."""
