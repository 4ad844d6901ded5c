"""Applying the sign rules of ``signs.yaml`` to one body region on one side.

A rule matches on exactly one thing the region has - a lesion type in its muscle groups, a reflex arc
in some state, a lost sensory modality or a lost function - and may be limited to some regions, some
muscle groups, where along the pathway the lesion arises (``at``), the disease process, the days
since onset, and whether the same region on the other side is affected. A matching rule gives
:class:`Evidence` for its sign, ``expected`` or ``possible`` as the rule says.
"""

# No `from __future__ import annotations` here: msgspec builds its decoders from these classes'
# annotations, and string annotations cost it about 4 ms of every start-up to evaluate.

from collections.abc import Sequence
from dataclasses import dataclass, field

import msgspec

from app.model.lesion_state import ArcState, UnitState
from app.model.schema import Sign, SignRule

EXPECTED, POSSIBLE = "expected", "possible"


class Evidence(msgspec.Struct, frozen=True):
    """Why a sign is expected (or possible): the lesion type and the muscles, reflexes, skin fields or
    functions that show it."""

    sign: str
    lesion: str
    via: tuple[str, ...]
    certainty: str = EXPECTED
    note: str = ""
    """Why it may be present (rules marked possible), with its citations."""


@dataclass(frozen=True)
class Place:
    """Everything one region on one side has, for the rules to look at."""

    region: str
    states: Sequence[UnitState] = ()
    arcs: Sequence[ArcState] = ()
    sensory: dict[str, list[str]] = field(default_factory=dict)
    """Modality lost -> the skin fields that lost it."""
    functions: dict[str, str] = field(default_factory=dict)
    """Function lost -> its name."""
    other_side: frozenset[str] = frozenset()
    """The lesion types of the same region on the other side."""


@dataclass(frozen=True)
class Context:
    day: int | None
    process: str


def active(rule: SignRule, context: Context) -> bool:
    """The rule applies on this day (an established lesion: only rules without an end) and process."""
    if (rule.process and context.process not in rule.process) or context.process in rule.except_process:
        return False
    day = context.day
    if day is None:
        return rule.until_day is None
    return (rule.from_day or 0) <= day and (rule.until_day is None or day < rule.until_day)


def _lesion_via(rule: SignRule, place: Place) -> tuple[str, ...]:
    lesion = rule.lesion or ""
    if (rule.one_sided and lesion in place.other_side) or (
        rule.both_sides and lesion not in place.other_side
    ):
        return ()
    return tuple(
        s.unit.name
        for s in place.states
        if lesion in s.lesions
        and (not rule.groups or s.unit.group in rule.groups)
        and (not rule.at or not s.where.get(lesion, frozenset()).isdisjoint(rule.at))
    )


def _reflex_via(rule: SignRule, place: Place) -> tuple[str, ...]:
    condition = rule.reflex
    assert condition is not None
    return tuple(
        a.arc.name
        for a in place.arcs
        if a.state == condition.state
        and (condition.kind is None or a.arc.kind == condition.kind)
        and (condition.id is None or a.arc.reflex == condition.id)
        and (not rule.at or not a.where.isdisjoint(rule.at))
    )


REFLEX_LESION = {"released": "UMN", "partly-released": "UMN", "interrupted": "LMN", "weakened": "LMN"}


def evidence(sign: Sign, place: Place, context: Context) -> list[Evidence]:
    """Evidence for ``sign`` in one region on one side."""
    return evidence_of(sign.id, [rule for rule in sign.rules if active(rule, context)], place)


def active_rules(signs: Sequence[Sign], context: Context) -> list[tuple[str, list[SignRule]]]:
    """The rules that apply on this day and process, per sign (signs without any left out): worked
    out once per evaluation rather than for every region."""
    rules = [(sign.id, [rule for rule in sign.rules if active(rule, context)]) for sign in signs]
    return [(sign, applying) for sign, applying in rules if applying]


def evidence_of(sign: str, rules: Sequence[SignRule], place: Place) -> list[Evidence]:
    """Evidence for ``sign`` in one region on one side, from its rules that apply (:func:`active`)."""
    found: list[Evidence] = []
    for rule in rules:
        if rule.regions and place.region not in rule.regions:
            continue
        if rule.unless and any(not s.lesions.isdisjoint(rule.unless) for s in place.states):
            continue
        lesion: str
        if rule.lesion is not None:
            via, lesion = _lesion_via(rule, place), rule.lesion
        elif rule.reflex is not None:
            via, lesion = _reflex_via(rule, place), REFLEX_LESION[rule.reflex.state]
        elif rule.sensory is not None:
            via, lesion = tuple(place.sensory.get(rule.sensory, ())), "sensory"
        else:
            name = place.functions.get(rule.function or "")
            via, lesion = ((name,) if name else ()), "function"
        if via:
            found.append(Evidence(sign, lesion, via, rule.certainty, rule.note))
    return found
