"""Pathway nodes, with their readable names and where along the motor pathway each lies, and the
routes written out in ``anatomy.yaml`` (functions such as the sympathetic path to the eye, and the
sensory routes of the face).

A written route is a list of node templates: ``spinal-trigeminal-$side`` (the side of the region
served), ``trigeminothalamic-$other`` (the opposite side, after a crossing), and segment ranges such as
``descending-sympathetic-{C1..T1}-$side``, which stand for one node per segment, in order. A node the
pathway already generates (``ventral-root-t1-$side``) is used as it is; any other must be a named
structure of ``anatomy.yaml`` (structures, nerves, cranial nuclei, plexuses).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from app.model.sides import opposite

RANGE = re.compile(r"\{([CTLS]\d{1,2})\.\.([CTLS]\d{1,2})\}")
SIDE_SUFFIX = re.compile(r"-(\$side|\$other)$")


class Nodes:
    """Every node the pathway has: id -> readable name, and id -> where a motor lesion there arises
    (``brain``, ``cord``, ``cell``, ``root``, ``plexus``, ``nerve``; see ``schema.Where``)."""

    def __init__(self, catalogue: Mapping[str, str]) -> None:
        self.catalogue = catalogue
        """Names of the structures written routes may pass through, by base id."""
        self.names: dict[str, str] = {}
        self.where: dict[str, str] = {}
        self.unknown: dict[str, str] = {}
        """Route nodes that are neither generated nor named in the catalogue -> the template."""

    def node(self, node_id: str, name: str, where: str | None = None) -> str:
        self.names.setdefault(node_id, name)
        if where is not None:
            self.where.setdefault(node_id, where)
        return node_id

    def route(self, templates: Sequence[str], side: str, segments: Sequence[str]) -> tuple[str, ...]:
        """A written route for one side, each node registered (named from the catalogue)."""
        found: list[str] = []
        for template in templates:
            for node_id, base, segment in expand(template, side, segments):
                if node_id not in self.names:
                    name = self.catalogue.get(base)
                    if name is None:
                        self.unknown.setdefault(node_id, template)
                        name = node_id
                    at = f" at {segment}" if segment else ""
                    node_side = node_id.rsplit("-", 1)[-1]
                    self.node(
                        node_id, f"{name}{at} ({node_side})" if node_side in ("left", "right") else name
                    )
                found.append(node_id)
        return tuple(found)


def expand(template: str, side: str, segments: Sequence[str]) -> list[tuple[str, str, str]]:
    """``(node id, base id, segment)`` for each node a template stands for on ``side``."""
    base = SIDE_SUFFIX.sub("", template)
    text = template.replace("$side", side).replace("$other", opposite(side))
    match = RANGE.search(text)
    if match is None:
        return [(text, base, "")]
    first, last = segments.index(match[1]), segments.index(match[2])
    step = 1 if last >= first else -1
    stem = RANGE.sub("", base).rstrip("-")
    return [
        (f"{text[: match.start()]}{segment.lower()}{text[match.end() :]}", stem, segment)
        for segment in segments[first : last + step : step]
    ]
