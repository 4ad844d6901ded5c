"""Find the lesion: questions come from the engine, every equivalent answer is accepted, a wrong one
gets credit and reasons read from the findings."""

from __future__ import annotations

import json
from itertools import combinations

import pytest

from app.cli import main
from app.model.content import Content
from app.model.findings import Engine
from app.model.quiz import LEVEL_SIZE, LEVELS, QuizBank, atoms, is_crossed


@pytest.fixture(scope="module")
def bank(content: Content) -> QuizBank:
    return QuizBank(Engine(content))


def test_every_level_has_questions_of_its_kind(bank: QuizBank) -> None:
    for level in LEVELS:
        questions = bank.questions(level, 6, seed=7)
        assert len(questions) == 6
        for q in questions:
            assert len(q.sites) == LEVEL_SIZE[level]
            assert q.findings.findings, q
            crossed = is_crossed(atoms(q.findings))
            if level == 1:
                assert not crossed
                assert q.day is None
            if level == 2:
                assert crossed
                assert q.day is None
            if level == 4:
                assert q.day is not None
                assert bank.facts(q.sites, q.day) != bank.facts(q.sites, None)


def test_a_level_4_question_names_a_day_that_changes_its_findings(bank: QuizBank) -> None:
    q = bank.question(4, ("transection-t6",), 0)
    shock = {f.region: f.signs for f in q.findings.findings if f.side == "right"}
    assert "hyperreflexia" not in shock["leg"]
    assert q.accepted == (("transection-t6",),)


def test_accepted_is_every_site_set_whose_findings_are_equal(bank: QuizBank, content: Content) -> None:
    engine = bank.engine
    for q in bank.questions(1, 8, seed=3) + bank.questions(2, 4, seed=3):
        wanted = atoms(q.findings)
        brute = tuple((s.id,) for s in content.sites if atoms(engine.evaluate([s.id], q.day)) == wanted)
        assert q.accepted == brute
        assert q.sites in q.accepted


@pytest.mark.slow
def test_accepted_pairs_match_a_search_of_every_pair(bank: QuizBank, content: Content) -> None:
    ids = [s.id for s in content.sites]
    for q in bank.questions(3, 3, seed=11):
        wanted = atoms(q.findings)
        brute = tuple(c for c in combinations(ids, 2) if atoms(bank.engine.evaluate(c)) == wanted)
        assert q.accepted == brute


def test_a_pair_question_accepts_an_equivalent_pair(bank: QuizBank) -> None:
    q = bank.question(3, ("basis-pontis-left", "median-nerve-right"), None)
    assert ("internal-capsule-left", "ulnar-nerve-right") in q.accepted
    grade = bank.grade(q, ["ulnar-nerve-right", "internal-capsule-left"])
    assert grade.correct
    assert grade.credit == 1.0
    half = bank.grade(q, ["internal-capsule-left"])
    assert not half.correct
    assert (half.found, half.of) == (1, 2)
    assert 0 < half.credit < 1


def test_same_seed_same_questions_other_seed_others(bank: QuizBank) -> None:
    first = [q.to_json() for q in bank.questions(None, 8, seed=42)]
    again = [q.to_json() for q in QuizBank(bank.engine).questions(None, 8, seed=42)]
    other = [q.to_json() for q in bank.questions(None, 8, seed=43)]
    assert first == again
    assert first != other
    assert [q["level"] for q in first] == [1, 2, 3, 4, 1, 2, 3, 4]


def test_an_equivalent_site_is_graded_correct(bank: QuizBank) -> None:
    q = bank.question(1, ("internal-capsule-right",), None)
    assert len(q.accepted) > 1  # corona radiata, internal capsule... look alike at the bedside
    for answer in q.accepted:
        assert bank.grade(q, answer).correct


def test_the_other_side_is_right_level_wrong_side(bank: QuizBank) -> None:
    q = bank.question(1, ("radial-nerve-right",), None)
    grade = bank.grade(q, ["radial-nerve-left"])
    assert not grade.correct
    assert grade.credit == 0
    assert grade.reasons[0].startswith("Right level, wrong side")
    assert grade.solution == ("radial-nerve-right",)
    assert (grade.found, grade.of) == (0, 1)


def test_umn_for_lmn_is_named(bank: QuizBank) -> None:
    q = bank.question(1, ("anterior-horn-l4-right",), None)
    grade = bank.grade(q, ["lateral-corticospinal-t6-right"])
    assert any(r.startswith("UMN/LMN confusion") for r in grade.reasons), grade.reasons


def test_a_missed_crossed_sign_is_named(bank: QuizBank) -> None:
    q = bank.question(2, ("weber-left",), None)
    grade = bank.grade(q, ["cerebral-peduncle-left"])
    assert any(r.startswith("A crossed sign missed") for r in grade.reasons), grade.reasons
    assert 0 < grade.credit < 1


def test_wrong_level_same_side_is_named(bank: QuizBank) -> None:
    q = bank.question(1, ("facial-nerve-right",), None)
    grade = bank.grade(q, ["radial-nerve-right"])
    assert grade.reasons[0].startswith("Right side, wrong level"), grade.reasons
    assert "misses upper face" in grade.reasons[0]


def test_hints_name_side_level_and_type(bank: QuizBank) -> None:
    q = bank.question(1, ("anterior-horn-c5-left",), None)
    side, level, kind = bank.hints(q)
    assert "left" in side
    assert "right" not in side
    assert "spinal cord" in level
    assert "lower motor neuron" in kind
    assert "upper" not in kind


def test_cli_quiz_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quiz", "--json", "--level", "2", "--count", "3", "--seed", "5"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [set(q) >= {"id", "level", "day", "findings", "accepted"} for q in data["questions"]] == [True] * 3
    for q in data["questions"]:
        assert q["level"] == 2
        assert q["day"] is None
        assert all(len(a) == 1 for a in q["accepted"])
        assert {"region", "side", "signs", "lesions"} <= set(q["findings"][0])
    assert main(["quiz", "--json", "--level", "2", "--count", "3", "--seed", "5"]) == 0
    assert json.loads(capsys.readouterr().out) == data


@pytest.mark.parametrize(
    "argv", [["quiz", "--level", "7"], ["quiz", "--count", "0"], ["quiz", "--seed", "x"]]
)
def test_cli_quiz_bad_input_is_one_line_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "error" in err


def test_half_of_a_pair_on_the_wrong_side_is_named(bank: QuizBank) -> None:
    q = bank.question(3, ("medullary-pyramid-right", "radial-nerve-left"), None)
    grade = bank.grade(q, ["internal-capsule-left"])
    assert any(r.startswith("Wrong side") for r in grade.reasons), grade.reasons
    part = bank.grade(q, ["radial-nerve-left"])
    assert any(r.startswith("Part of the picture") for r in part.reasons), part.reasons
    assert (part.found, part.of) == (1, 2)


def test_the_same_signs_with_other_possible_findings_is_almost(bank: QuizBank) -> None:
    q = bank.question(1, ("root-c7-right",), None)
    grade = bank.grade(q, ["radial-nerve-right"])
    assert atoms(q.findings, possible=False) == atoms(
        bank.engine.evaluate(["radial-nerve-right"]), possible=False
    )
    assert not grade.correct
    assert grade.credit == 0.9
    assert grade.reasons[0].startswith("Almost: the same signs")
    assert "fasciculations" in grade.reasons[0]
