"""Working through one clinical case (Qt-free): history, pick the significant findings, localise,
then feedback and discussion. The localisation is graded like a quiz answer, by comparing findings
(with the case's disease), so any equivalent site is right."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.model.cases import Case, CaseFinding
from app.model.quiz import Grade, Question, QuizBank
from app.model.state import Hide, Stop

STEPS = ("History", "Examination: pick the significant findings", "Localise on the diagram", "Discussion")
TICK, CROSS = "\u2713", "\u2717"


def finding_text(bank: QuizBank, finding: CaseFinding) -> str:
    """One examination finding in words: "Right arm: weakness, brisk tendon reflexes; lost: ..."."""
    content = bank.content
    region = content.regions_by_id[finding.region].name
    parts = [content.signs_by_id[s].name for s in finding.signs]
    lost = [content.modalities[m].name for m in finding.sensory_loss]
    text = ", ".join(parts)
    if lost:
        text += ("; " if text else "") + "sensation lost: " + ", ".join(lost)
    return f"{finding.side.capitalize()} {region.lower()}: {text}"


@dataclass
class CaseStudy:
    bank: QuizBank
    case: Case
    step: int = 0
    picks: frozenset[int] | None = None
    """The findings the student picked as significant (None until checked)."""
    grade: Grade | None = None
    """The first localisation checked."""
    question: Question = field(init=False)

    def __post_init__(self) -> None:
        case = self.case
        sites = tuple(case.answer.sites)
        findings = self.bank.engine.evaluate(sites, case.answer.day, case.disease)
        self.question = Question(
            case.id, case.level, case.answer.day, sites, findings, (sites,), case.disease
        )

    def stop(self) -> Stop:
        """The case as a stop of the shared selection: its lesion hidden, on its day."""
        case = self.case
        return Stop(
            tuple(case.answer.sites),
            case.disease,
            case.answer.day,
            sets_day=True,
            hide=Hide.LESION,
            key=case.id,
        )

    def exam(self) -> list[str]:
        return [finding_text(self.bank, f) for f in self.case.findings]

    def check_picks(self, picked: set[int]) -> list[str]:
        """Each finding marked: a tick for a significant one picked or a plain one left, a cross
        otherwise, with what it was."""
        self.picks = frozenset(picked)
        marked = []
        for index, (finding, text) in enumerate(zip(self.case.findings, self.exam(), strict=True)):
            right = (index in picked) == finding.significant
            why = "significant" if finding.significant else "not needed to localise"
            marked.append(f"{TICK if right else CROSS} {text} ({why})")
        return marked

    def picks_summary(self) -> str:
        if self.picks is None:
            return ""
        significant = {i for i, f in enumerate(self.case.findings) if f.significant}
        found = len(significant & self.picks)
        extra = len(self.picks - significant)
        return f"{found} of {len(significant)} significant findings picked, {extra} not needed."

    def localise(self, answer: tuple[str, ...]) -> Grade:
        grade = self.bank.grade(self.question, answer)
        if self.grade is None:
            self.grade = grade
        return grade
