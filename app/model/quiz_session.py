"""One sitting of find the lesion: the questions, and what the student did with each (Qt-free).

The first check of a question is the one that counts (a retry is practice); asking for the solution
before checking counts as a miss. The score is the sum of the credits, the streak the correct answers
in a row up to now.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.model.quiz import Grade, Question, QuizBank
from app.model.state import Hide, Stop

ROUND = 10
"""Questions per round (Page Down beyond the last one starts no new round by itself)."""
TICK, CROSS = "\u2713", "\u2717"


@dataclass
class Result:
    question: Question
    grade: Grade
    hints: int
    solution_first: bool = False


@dataclass
class QuizSession:
    bank: QuizBank
    level: int
    seed: int
    questions: list[Question] = field(default_factory=list)
    results: dict[str, Result] = field(default_factory=dict)
    """The first check of each question answered so far, by question id."""
    order: list[str] = field(default_factory=list)
    """Question ids in the order they were answered."""
    hints: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.questions:
            self.questions = self.bank.questions(self.level, ROUND, self.seed)

    def stops(self) -> list[Stop]:
        """The questions as stops of the shared selection: their lesion, hidden, on their day."""
        return [Stop(q.sites, None, q.day, sets_day=True, hide=Hide.LESION, key=q.id) for q in self.questions]

    def by_id(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    # --- what the student does -----------------------------------------------------------------------
    def hint(self, question: Question) -> str | None:
        """The next hint (side, level, lesion type), or None when all were given."""
        hints = self.bank.hints(question)
        given = self.hints.get(question.id, 0)
        if given >= len(hints):
            return None
        self.hints[question.id] = given + 1
        return hints[given]

    def given_hints(self, question: Question) -> list[str]:
        return self.bank.hints(question)[: self.hints.get(question.id, 0)]

    def check(self, question: Question, answer: tuple[str, ...]) -> Grade:
        grade = self.bank.grade(question, answer)
        self._record(question, grade)
        return grade

    def give_up(self, question: Question) -> None:
        """The solution was asked for: a miss, unless the question was already answered."""
        grade = self.bank.grade(question, ())
        self._record(question, grade, solution_first=True)

    def _record(self, question: Question, grade: Grade, *, solution_first: bool = False) -> None:
        if question.id not in self.results:
            self.results[question.id] = Result(
                question, grade, self.hints.get(question.id, 0), solution_first
            )
            self.order.append(question.id)

    # --- the score ---------------------------------------------------------------------------------------
    @property
    def answered(self) -> int:
        return len(self.order)

    @property
    def score(self) -> float:
        return sum(self.results[q].grade.credit for q in self.order)

    @property
    def streak(self) -> int:
        count = 0
        for question_id in reversed(self.order):
            if not self.results[question_id].grade.correct:
                break
            count += 1
        return count

    def marks(self) -> str:
        """A tick or a cross per answered question, in order."""
        return " ".join(TICK if self.results[q].grade.correct else CROSS for q in self.order)

    def score_text(self) -> str:
        correct = sum(self.results[q].grade.correct for q in self.order)
        points = f"{self.score:.1f}".rstrip("0").rstrip(".")
        return (
            f"Score {points} of {self.answered} ({correct} correct) \u00b7 streak {self.streak}"
            if self.answered
            else "Score 0 of 0 \u00b7 streak 0"
        )
