"""Lessons: ``content/lessons/*.yaml``, a teacher's sequence of steps for a lecture.

A lesson has an id, a title, a one-line audience and steps. A step shows sites or a disease,
optionally on a day since onset, on a tab, with the findings or the lesion hidden; it has a prompt
(the question put to the class, shown on screen), notes for the teacher only, and sources. Lessons
are checked like every content file: a problem is ``FILE:LINE: message``. Qt-free.

In the window a lesson's steps become the selection's stops: Page Down walks a step's reveals,
then on to the next step.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import msgspec

from app.model.content import Content, citations
from app.model.errors import ContentError, Problem
from app.model.schema import Id, Paragraphs, RefKey, Strict, Text
from app.model.state import Hide, Stop
from app.model.textfile import check_folder

if TYPE_CHECKING:
    from app.model.sources import Source

TABS = ("body", "compare", "course", "cord", "diseases", "site", "faq", "sources")
"""The tabs of the lower panel, as named in lessons and on the command line (``--tab``)."""
FOLDER = "lessons"
MAX_LESSONS = 200
"""Most lesson files a content folder may hold (four are bundled); each is read and checked."""


class LessonStep(Strict, kw_only=True, frozen=True):
    prompt: Text
    """The question put to the class, shown on screen."""
    sites: list[Id] = msgspec.field(default_factory=list)
    disease: Id | None = None
    day: Annotated[int, msgspec.Meta(ge=0, le=3650)] | None = None
    """Days since onset (none: the established lesion)."""
    tab: str | None = None
    hide: Literal["nothing", "findings", "lesion"] | None = None
    """What the step hides until revealed (none: whatever the teacher chose)."""
    notes: Paragraphs = msgspec.field(default_factory=list)
    """For the teacher only (the presenter view); may cite sources as ``[KEY]``."""
    sources: list[RefKey] = msgspec.field(default_factory=list)


class LessonFile(Strict, kw_only=True, frozen=True):
    id: Id
    title: Text
    audience: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    steps: Annotated[list[LessonStep], msgspec.Meta(min_length=1)]


@dataclass(frozen=True)
class Lesson:
    path: Path
    id: str
    title: str
    audience: str
    steps: tuple[LessonStep, ...]

    def stops(self, content: Content) -> tuple[Stop, ...]:
        """The steps as the selection's stops (a disease shows its typical sites)."""
        return tuple(
            Stop(
                tuple(content.diseases_by_id[step.disease].typical) if step.disease else tuple(step.sites),
                step.disease,
                step.day,
                sets_day=True,
                hide=Hide(step.hide) if step.hide else None,
                key=f"{self.id}:{number}",
            )
            for number, step in enumerate(self.steps, start=1)
        )


def lesson_files(directory: Path) -> list[Path]:
    """The lesson files of a content folder (none without a lessons folder). A lessons folder that
    cannot be listed (a link loop, closed to this user, a file) is refused rather than read as
    empty, and so are more files than :data:`MAX_LESSONS`."""
    folder = directory / FOLDER
    if not folder.exists() and not folder.is_symlink():
        return []
    check_folder(folder, "lessons folder")
    files = sorted(folder.glob("*.yaml"))
    if len(files) > MAX_LESSONS:
        raise ContentError(
            [Problem(folder, 1, f"{len(files):,} lesson files; at most {MAX_LESSONS} are allowed")]
        )
    return files


def load_lessons(content: Content) -> tuple[Lesson, ...]:
    """Every lesson of the content folder, checked against the content; raises :class:`ContentError`
    with every problem found."""
    from app.model.sources import parse_file  # PyYAML: only when the lessons are read

    problems: list[Problem] = []
    lessons: list[Lesson] = []
    seen: dict[str, Path] = {}
    for path in lesson_files(content.directory):
        source = parse_file(path, LessonFile, problems)
        if source is None:
            continue
        found = _check(source, content)
        lesson = source.parsed
        if lesson.id in seen:
            found.append(
                Problem(path, source.line("id"), f"lesson id {lesson.id!r} is also used in {seen[lesson.id]}")
            )
        seen.setdefault(lesson.id, path)
        problems += found
        lessons.append(Lesson(path, lesson.id, lesson.title, lesson.audience, tuple(lesson.steps)))
    if problems:
        raise ContentError(problems)
    return tuple(lessons)


def _check(source: Source[LessonFile], content: Content) -> list[Problem]:
    problems: list[Problem] = []

    def error(message: str, *where: str | int) -> None:
        problems.append(Problem(source.path, source.line(*where), message))

    for index, step in enumerate(source.parsed.steps):
        here = ("steps", index)
        if bool(step.sites) == bool(step.disease):
            error("a step shows sites or a disease (one of them)", *here)
        for number, site in enumerate(step.sites):
            if site not in content.sites_by_id:
                error(f"unknown site {site!r} (see: neuraxis sites)", *here, "sites", number)
        if step.disease and step.disease not in content.diseases_by_id:
            error(f"unknown disease {step.disease!r} (see: neuraxis diseases)", *here, "disease")
        if step.tab is not None and step.tab not in TABS:
            error(f"unknown tab {step.tab!r} (one of: {', '.join(TABS)})", *here, "tab")
        if not step.sources:
            error("a step needs sources: the references its prompt and notes rest on", *here)
        for number, key in enumerate(step.sources):
            if key not in content.references:
                error(f"unknown source {key!r} (see: references.yaml)", *here, "sources", number)
        for number, note in enumerate(step.notes):
            for key in citations(note):
                if key not in content.references:
                    line = source.line_containing(source.line(*here, "notes", number), key)
                    problems.append(Problem(source.path, line, f"unknown source {key!r} cited in the notes"))
    return problems
