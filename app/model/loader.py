"""Load ``content/`` into a :class:`~app.model.content.Content`, or say exactly what is wrong.

The steps, each in its own module:

1. :mod:`~app.model.sources`: every file read (safely, with line numbers) and converted to its
   typed schema;
2. :mod:`~app.model.limits`: no more work asked for than real content needs (list lengths,
   generated paths, wildcard matching), then :mod:`~app.model.checks`: the files checked
   against each other (ids, citations, rules);
3. :mod:`~app.model.pathway`: the pathway generated from the anatomy, then
   :mod:`~app.model.expand`: sites and diseases expanded (sides, patterns);
4. :mod:`~app.model.ids`: the ids the code relies on are present;
5. :mod:`~app.model.drawing_checks` (``check_svg``): the drawings against the content;
6. the diseases' declared lesion types against what the engine derives from their sites (only
   once everything before is sound: a broken drawing is refused without running the engine).

Every problem is reported as ``FILE:LINE: message``; all problems of a step are collected before
raising, so a teacher can fix them in one pass.
"""

from __future__ import annotations

from pathlib import Path

from app import paths
from app.model.checker import Checker
from app.model.checks import FILE_CHECKS, check_route_nodes
from app.model.content import Content, Drawings, drawings_for
from app.model.errors import ContentError
from app.model.expand import expand_diseases, expand_sites
from app.model.ids import check_required
from app.model.limits import check_expansion, check_sizes
from app.model.pathway import build_pathway
from app.model.sources import Sources, read_sources
from app.model.textfile import check_folder


def load_content(
    directory: Path | None = None, *, svg: Path | None = None, check_svg: bool = False
) -> Content:
    """Load and cross-check the content in ``directory`` (the bundled content by default).

    ``svg`` replaces the diagram; with ``check_svg`` the drawings are scanned too and every site,
    region and cord part must have its element. Raises :class:`ContentError` listing every problem.
    """
    directory = Path(directory) if directory is not None else paths.content_dir()
    check_folder(directory)  # missing, a file, a link loop, unreadable: one line
    drawings = drawings_for(directory, diagram=svg)
    try:
        sources = read_sources(directory)
    except ContentError as error:
        if check_svg:
            from app.model.drawing_checks import scan_problems

            raise ContentError(error.problems + scan_problems(drawings)) from None
        raise
    check_sizes(sources)  # too much work asked for: refused at once, before doing it
    checker = Checker(sources)
    for check in FILE_CHECKS:
        check(checker)
    _raise_if_any(checker)
    content = _build(checker, sources, drawings, directory)
    if check_svg:
        from app.model.drawing_checks import check_drawings

        check_drawings(checker, drawings, content.sites)
    check_required(checker, content)
    _raise_if_any(checker)  # the findings engine runs only on content that is sound so far
    _check_declared_lesions(checker, content)
    _raise_if_any(checker)
    return content


def _raise_if_any(checker: Checker) -> None:
    if checker.problems:
        raise ContentError(checker.problems)


def _build(checker: Checker, sources: Sources, drawings: Drawings, directory: Path) -> Content:
    anatomy = sources.anatomy.parsed
    pathway = build_pathway(anatomy)
    check_expansion(sources, len(pathway.nodes))
    check_route_nodes(checker, pathway)
    sites = expand_sites(checker, list(pathway.nodes))
    diseases = expand_diseases(checker, [site.id for site in sites])
    _raise_if_any(checker)
    body = sources.body.parsed
    signs = sources.signs.parsed
    comparison = sources.comparison.parsed
    return Content(
        directory=directory,
        drawings=drawings,
        references={r.id: r for r in sources.references.parsed.references},
        regions=tuple(body.regions),
        lesion_types={t.id: t for t in body.lesion_types},
        modalities={m.id: m for m in body.modalities},
        domains=tuple(signs.domains),
        signs=tuple(signs.signs),
        site_groups=tuple(sources.sites.parsed.groups),
        sites=tuple(sites),
        diseases=tuple(diseases),
        comparison_columns=tuple(comparison.columns),
        comparison=tuple(comparison.rows),
        faq=tuple(sources.faq.parsed.faq),
        physiology=sources.physiology.parsed,
        anatomy=anatomy,
        pathway=pathway,
        processes={p.id: p for p in sources.diseases.parsed.processes},
        default_process=sources.diseases.parsed.default_process,
    )


def _check_declared_lesions(checker: Checker, content: Content) -> None:
    """A disease's declared lesion types must be what its sites give (a wrong site list shows)."""
    from app.model.findings import LESION_ORDER, Engine

    engine = Engine(content)
    for index, disease in enumerate(content.diseases):
        derived: set[str] = set(engine.lesion_types(disease.typical))
        for site_id in disease.sites:
            derived.update(engine.lesion_types([site_id]))
        if derived != set(disease.lesions):
            wanted = ", ".join(t for t in LESION_ORDER if t in derived) or "none"
            checker.error(
                "diseases",
                ("diseases", index, "lesions"),
                f"{disease.id!r} declares lesions {', '.join(disease.lesions)} but its sites give: {wanted}",
            )
