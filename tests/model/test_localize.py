"""Reverse localisation: from findings to the sites that explain them, ranked as a neurologist
reasons (explains everything, one lesion before two, fewest findings added)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.model.content import Content
from app.model.findings import Engine
from app.model.localize import FindingsInputError, Localizer, from_findings_json, tickable
from app.model.quiz import QuizBank, atoms


@pytest.fixture(scope="module")
def localizer(content: Content) -> Localizer:
    return Localizer(QuizBank(Engine(content)))


SOME = ("internal-capsule-right", "weber-left", "hemisection-t6-right", "root-c7-left", "muscle-right")


@pytest.mark.parametrize("every", [pytest.param(True, marks=pytest.mark.slow), False])
def test_the_findings_of_any_site_point_back_to_it_first(
    localizer: Localizer, content: Content, every: bool
) -> None:
    bank = localizer.bank
    for site in content.sites if every else [content.sites_by_id[s] for s in SOME]:
        findings = bank.engine.evaluate([site.id])
        data = json.loads(json.dumps(findings.to_json()))
        ticked, everything, day = from_findings_json(bank, data)
        if not ticked:
            continue
        best = localizer.candidates(ticked, day, everything=everything)[0]
        assert best.sites == (site.id,) or bank.facts(best.sites) == bank.facts((site.id,)), site.id
        assert not best.missing
        assert not best.extra


def test_one_lesion_comes_before_two_and_fewer_additions_first(localizer: Localizer) -> None:
    bank = localizer.bank
    ticked = tickable(bank.facts(("internal-capsule-left",)))
    found = localizer.candidates(ticked, limit=50)
    complete = [c for c in found if not c.missing]
    assert complete[0].sites == ("corona-radiata-left",)
    sizes = [len(c.sites) for c in complete]
    assert sizes == sorted(sizes)
    singles = [c for c in complete if len(c.sites) == 1]
    assert [len(c.extra) for c in singles] == sorted(len(c.extra) for c in singles)


def test_findings_no_single_site_explains_need_two(localizer: Localizer) -> None:
    bank = localizer.bank
    ticked = tickable(bank.facts(("facial-nerve-left",))) | tickable(bank.facts(("radial-nerve-right",)))
    best = localizer.candidates(ticked)[0]
    assert len(best.sites) == 2
    assert tickable(bank.facts(best.sites)) == ticked
    assert not best.missing
    single = next(c for c in localizer.candidates(ticked, limit=50) if len(c.sites) == 1)
    assert single.missing, "no single site explains both"


def test_each_candidate_says_what_it_explains_misses_and_adds(localizer: Localizer) -> None:
    bank = localizer.bank
    ticked = frozenset({("foot", "right", "sign", "babinski"), ("arm", "left", "sign", "atrophy")})
    for c in localizer.candidates(ticked, limit=20):
        shown = tickable(bank.facts(c.sites))
        assert c.explains == ticked & shown
        assert c.missing == ticked - shown
        assert c.extra == shown - ticked


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "an object"),
        ({"findings": [{"region": "elbow", "side": "left"}]}, "unknown region"),
        ({"findings": [{"region": "arm", "side": "left", "signs": ["wobbly"]}]}, "unknown signs id"),
        ({"findings": [], "day": -1}, "whole number"),
    ],
)
def test_bad_findings_are_named(localizer: Localizer, data: object, message: str) -> None:
    with pytest.raises(FindingsInputError, match=message):
        from_findings_json(localizer.bank, data)


def test_cli_reads_findings_json_from_a_file_or_stdin(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], content: Content
) -> None:
    assert main(["findings", "weber-left", "--json"]) == 0
    printed = capsys.readouterr().out
    monkeypatch.setattr(sys, "stdin", io.StringIO(printed))
    assert main(["localize", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    first = result["candidates"][0]
    assert first["sites"] == ["weber-left"]
    assert first["missing"] == []
    assert first["extra"] == []
    assert {"sites", "missing", "extra"} <= set(first)
    assert atoms(Engine(content).evaluate(["weber-left"]))  # the engine does find something there
    saved = Path(str(tmp_path)) / "findings.json"
    saved.write_text(printed, encoding="utf-8")
    assert main(["localize", str(saved), "--json", "--count", "1"]) == 0
    assert json.loads(capsys.readouterr().out)["candidates"][0]["sites"] == ["weber-left"]


def test_cli_invalid_json_is_one_line_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("{not json"))
    assert main(["localize", "--json"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "invalid JSON" in err
