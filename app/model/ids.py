"""The content ids the code relies on, declared in one table and checked when content is loaded.

Almost everything the app shows is read from content generically. A few ids are named in code,
because the code draws or decides something particular with them (the reflex trace of a region,
the parts drawn in the cord section). They are declared here, imported from here by the code that
uses them, and :func:`check_required` refuses a content folder that lacks one, naming the file,
the line and the code that needs it. Nothing falls back silently.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # this module imports nothing at run time: every model module may import it
    from app.model.checker import Checker
    from app.model.content import Content

# Signs the reflex and tone plots are chosen from (app.model.curves, the plot captions).
SPASTICITY = "spasticity"
HYPOTONIA = "hypotonia"
HYPERREFLEXIA = "hyperreflexia"
HYPOREFLEXIA = "hyporeflexia"
CLONUS = "clonus"

# Reflex traces (physiology.yaml reflex_traces) and tone profiles (tone_profiles).
TRACE_NORMAL = "normal"
TRACE_BRISK = "brisk"
TRACE_REDUCED = "reduced"
TRACE_ABSENT = "absent"
TONE_NORMAL = "normal"
TONE_SPASTIC = "spastic"
TONE_FLACCID = "flaccid"
TONE_RIGID = "rigid"

# Sensory modalities (body.yaml), whose routes app.model.sensory builds.
PAIN = "pain-temperature"
VIBRATION = "vibration-proprioception"

# Parts of the cord cross-section (anatomy.yaml cord_parts): cord.svg draws them and the pathway
# names its cord nodes after them.
COMMISSURE = "anterior-commissure"
CORD_PARTS = (
    "dorsal-root",
    "dorsal-column",
    "dorsal-horn",
    "lateral-corticospinal",
    "anterior-corticospinal",
    "spinothalamic",
    "anterior-horn",
    "ventral-root",
    COMMISSURE,
)


class Need(NamedTuple):
    """Ids of one kind that some code needs, where content declares them, and who needs them."""

    what: str
    ids: tuple[str, ...]
    file: str
    list_key: str
    present: Callable[[Content], set[str]]
    user: str


NEEDS: tuple[Need, ...] = (
    Need(
        "sign",
        (SPASTICITY, HYPOTONIA, HYPERREFLEXIA, HYPOREFLEXIA, CLONUS),
        "signs",
        "signs",
        lambda c: set(c.signs_by_id),
        "the reflex and tone plots (app.model.curves)",
    ),
    Need(
        "reflex trace",
        (TRACE_NORMAL, TRACE_BRISK, TRACE_REDUCED, TRACE_ABSENT),
        "physiology",
        "reflex_traces",
        lambda c: {t.id for t in c.physiology.reflex_traces},
        "the reflex plot (app.model.curves.trace_for)",
    ),
    Need(
        "tone profile",
        (TONE_NORMAL, TONE_SPASTIC, TONE_FLACCID, TONE_RIGID),
        "physiology",
        "tone_profiles",
        lambda c: {p.id for p in c.physiology.tone_profiles},
        "the tone plot (app.model.curves.tone_profiles_for)",
    ),
    Need(
        "modality",
        (PAIN, VIBRATION),
        "body",
        "modalities",
        lambda c: set(c.modalities),
        "the sensory routes (app.model.sensory) and the body map",
    ),
    Need(
        "cord part",
        CORD_PARTS,
        "anatomy",
        "cord_parts",
        lambda c: {p.id for p in c.anatomy.cord_parts},
        "the cord cross-section (app.ui.panels.cross_section and cord.svg)",
    ),
)
"""Every id the code names, by kind."""


def check_required(checker: Checker, content: Content) -> None:
    for need in NEEDS:
        present = need.present(content)
        for missing in (i for i in need.ids if i not in present):
            checker.error(
                need.file,
                (need.list_key,),
                f"the {need.what} {missing!r} is missing; it is needed by {need.user}",
            )
