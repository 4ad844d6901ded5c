"""Sensory routes: from an area of skin to the opposite sensory cortex, by two tracts.

*Vibration and position sense* (dorsal columns): the fibres enter by the dorsal root, ascend
on the same side of the cord in the dorsal column to the dorsal column nuclei of the medulla,
then cross and ascend in the opposite medial lemniscus to the thalamus and cortex.

*Pain and temperature* (spinothalamic): the fibres enter by the dorsal root, synapse in the
dorsal horn, ascend ``sensory_crossing_offset`` segments there, cross in the anterior
commissure, and ascend in the opposite spinothalamic tract to the thalamus and cortex.

So a hemisection loses vibration on its own side below the level and pain on the other side
from a segment or two below; a lesion of the commissure (a central syrinx) loses pain and
temperature on both sides, only in the dermatomes whose fibres cross there.

The face has no dermatome of the cord: its skin fields write out their route (the trigeminal
nerve, the spinal trigeminal tract of the same side, the crossed trigeminothalamic tract...).
"""

# No `from __future__ import annotations` here: msgspec builds its decoders from these classes'
# annotations, and string annotations cost it about 4 ms of every start-up to evaluate.

import msgspec

from app.model.ids import PAIN, VIBRATION
from app.model.routes import Nodes
from app.model.schema import AnatomyFile, SkinField
from app.model.sides import opposite

MODALITIES = (PAIN, VIBRATION)


class SensoryUnit(msgspec.Struct, frozen=True):
    """One skin field on one side, for one modality: a route per dermatome segment."""

    field: str
    name: str
    region: str
    side: str
    modality: str
    routes: tuple[tuple[str, ...], ...]


class SensoryBuilder:
    def __init__(self, anatomy: AnatomyFile, nodes: Nodes) -> None:
        self.anatomy = anatomy
        self.nodes = nodes
        self.node = nodes.node
        self.names = nodes.catalogue
        self.order = anatomy.segments

    def _peripheral(self, skin: SkinField, segment: str, side: str) -> list[str]:
        nodes = [self.node(f"{nerve}-{side}", f"{self.names[nerve]} ({side})") for nerve in skin.nerves]
        if skin.plexus:
            nodes.append(self.node(f"{skin.plexus}-{side}", f"{self.names[skin.plexus]} ({side})"))
        nodes.append(self.node(f"dorsal-root-{segment.lower()}-{side}", f"Dorsal root {segment} ({side})"))
        return nodes

    def _central(self, side: str, last: tuple[str, str]) -> list[str]:
        """From the brainstem tract on ``side`` to the thalamus and cortex on the same side."""
        return [
            self.node(f"{last[0]}-{side}", f"{last[1]} ({side})"),
            self.node(f"thalamus-{side}", f"Thalamus, ventral posterior nucleus ({side})"),
            self.node(f"sensory-cortex-{side}", f"Sensory cortex, postcentral gyrus ({side})"),
        ]

    def vibration(self, skin: SkinField, segment: str, side: str) -> tuple[str, ...]:
        route = self._peripheral(skin, segment, side)
        for level in reversed(self.order[: self.order.index(segment) + 1]):
            route.append(
                self.node(f"dorsal-column-{level.lower()}-{side}", f"Dorsal column at {level} ({side})")
            )
        route.append(self.node(f"dorsal-column-nuclei-{side}", f"Gracile and cuneate nuclei ({side})"))
        route += self._central(opposite(side), ("medial-lemniscus", "Medial lemniscus"))
        return tuple(route)

    def pain(self, skin: SkinField, segment: str, side: str) -> tuple[str, ...]:
        route = self._peripheral(skin, segment, side)
        index = self.order.index(segment)
        crossing = max(0, index - self.anatomy.sensory_crossing_offset)
        for level in reversed(self.order[crossing : index + 1]):
            route.append(self.node(f"dorsal-horn-{level.lower()}-{side}", f"Dorsal horn at {level} ({side})"))
        cross = self.order[crossing]
        route.append(
            self.node(
                f"anterior-commissure-{cross.lower()}", f"Anterior white commissure at {cross} (midline)"
            )
        )
        other = opposite(side)
        for level in reversed(self.order[: crossing + 1]):
            route.append(
                self.node(
                    f"spinothalamic-{level.lower()}-{other}", f"Spinothalamic tract at {level} ({other})"
                )
            )
        route += self._central(other, ("spinothalamic-brainstem", "Spinothalamic tract in the brainstem"))
        return tuple(route)

    def units(self, sides: tuple[str, ...]) -> tuple[SensoryUnit, ...]:
        built = []
        written = [skin for skin in self.anatomy.skin_fields if skin.route]
        for side in sides:
            for skin in self.anatomy.skin_fields:
                if skin.route:
                    continue
                for modality, make in ((PAIN, self.pain), (VIBRATION, self.vibration)):
                    if modality in (skin.modalities or (PAIN, VIBRATION)):
                        routes = tuple(make(skin, segment, side) for segment in skin.segments)
                        built.append(SensoryUnit(skin.id, skin.name, skin.region, side, modality, routes))
        for side in sides:  # after the cord's routes, so that they may share the thalamus and cortex
            for skin in written:
                route = self.nodes.route(skin.route, side, self.order)
                built += [
                    SensoryUnit(skin.id, skin.name, skin.region, side, modality, (route,))
                    for modality in skin.modalities or (PAIN, VIBRATION)
                ]
        return tuple(built)
