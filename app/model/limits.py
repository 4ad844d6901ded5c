"""Bounds on how much work content may ask for, checked before the work is done.

A content file is capped in size (:data:`~app.model.yamlload.MAX_CONTENT_BYTES`), but a megabyte
of YAML can still describe thousands of sites each matching every pathway node with a wildcard,
or thousands of muscle groups each reaching every spinal segment: tens of seconds and hundreds of
megabytes before any problem is reported. These checks count what the expansion will cost and
refuse too much at once, in one line naming the file and the line, long before the limit matters
to real content (each bound is many times what the bundled content uses).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from app.model.errors import ContentError, Problem
from app.model.sources import Sources
from app.model.yamlload import LineDict, LineList

MAX_ITEMS = 2000
"""Most items in any one list of a content file (the bundled files have at most 92)."""
MAX_FINAL_PATHS = 1000
"""Most lower motor neuron paths per side: each muscle group's segments (79 bundled)."""
MAX_SKIN_SEGMENTS = 1000
"""Most segments over all skin fields (29 bundled)."""
MAX_PATTERN_LENGTH = 200
"""Longest node or site pattern (51 characters bundled)."""
MAX_MATCHING = 500_000
"""Most wildcard comparisons (pattern x pathway node, pattern x site) the expansion may make
(about 31,000 for the bundled sites); a comparison costs about half a microsecond."""

WILDCARDS = "*?["


def _lists(node: Any) -> Iterator[LineList]:
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, LineList):
            yield item
            stack.extend(item)
        elif isinstance(item, LineDict):
            stack.extend(item.values())


def _refuse(path: Path, line: int, message: str) -> ContentError:
    return ContentError([Problem(path, line, message)])


def check_sizes(sources: Sources) -> None:
    """Refuse (at the first) a list too long, or an anatomy that generates too many paths."""
    for name in sources.__dataclass_fields__:
        source = sources.by_name(name)
        for items in _lists(source.raw):
            if len(items) > MAX_ITEMS:
                raise _refuse(
                    source.path,
                    items.line,
                    f"list of {len(items):,} items; at most {MAX_ITEMS:,} are allowed",
                )
    anatomy = sources.anatomy
    for key, limit in (("muscle_groups", MAX_FINAL_PATHS), ("skin_fields", MAX_SKIN_SEGMENTS)):
        items = getattr(anatomy.parsed, key)
        total = 0
        for index, item in enumerate(items):
            total += max(1, len(item.segments))
            if total > limit:
                raise _refuse(
                    anatomy.path,
                    anatomy.line(key, index),
                    f"the {key.replace('_', ' ')} reach more than {limit:,} segments in all",
                )


def _patterns(source_lines: Sequence[tuple[int, int, list[str]]], names: int, path: Path, what: str) -> None:
    """Refuse a pattern too long, or more wildcard matching than :data:`MAX_MATCHING`.
    ``source_lines`` holds (line, copies, patterns) per entry; ``names`` is how many names each
    wildcard is compared with."""
    work = 0
    for line, copies, patterns in source_lines:
        for pattern in patterns:
            if len(pattern) > MAX_PATTERN_LENGTH:
                raise _refuse(path, line, f"a pattern longer than {MAX_PATTERN_LENGTH} characters")
        work += copies * names * sum(any(c in p for c in WILDCARDS) for p in patterns)
        if work > MAX_MATCHING:
            raise _refuse(
                path,
                line,
                f"the {what} patterns ask for more than {MAX_MATCHING:,} comparisons; "
                "name the nodes or use fewer wildcards",
            )


def check_expansion(sources: Sources, node_count: int) -> None:
    """Refuse site and disease patterns whose expansion would cost too much (before expanding)."""
    sites = sources.sites
    entries = [
        (sites.line("sites", i), max(1, len(site.sides)), [*site.cuts, *site.may_cut])
        for i, site in enumerate(sites.parsed.sites)
    ]
    _patterns(entries, node_count, sites.path, "site")
    site_count = sum(copies for _, copies, _ in entries)
    diseases = sources.diseases
    _patterns(
        [
            (diseases.line("diseases", i), 1, [*disease.sites, *disease.typical])
            for i, disease in enumerate(diseases.parsed.diseases)
        ],
        site_count,
        diseases.path,
        "disease",
    )
