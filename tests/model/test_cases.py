"""Clinical cases: shipped across every group of sites and many diseases, and each one's written
findings are exactly what the engine derives from its answer (else FILE:LINE of the first difference)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.cli import main
from app.model.cases import engine_findings, load_cases
from app.model.content import Content
from app.model.errors import ContentError
from app.model.loader import load_content


def test_the_shipped_cases_cover_every_group_and_eight_diseases(content: Content) -> None:
    cases = load_cases(content)
    assert len(cases) >= 15
    groups = {content.sites_by_id[s].group for c in cases for s in c.answer.sites}
    assert groups == {g.id for g in content.site_groups}
    assert len({c.disease for c in cases}) >= 8
    for case in cases:
        assert case.history
        assert case.discussion
        written = {(f.region, f.side): (set(f.signs), set(f.sensory_loss)) for f in case.findings}
        assert written == engine_findings(content, case), case.id


@pytest.fixture
def copy(tmp_path: Path, content: Content) -> Path:
    target = tmp_path / "content"
    shutil.copytree(content.directory, target)
    return target


def problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as error:
        load_cases(load_content(folder))
    return [str(p) for p in error.value.problems]


def edit(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in ``path``; return its line number."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def test_a_written_sign_the_engine_does_not_derive_is_named_at_its_line(copy: Path) -> None:
    case = copy / "cases" / "03-weber-syndrome.yaml"
    line = edit(case, "signs: [ptosis, eye-down-and-out, diplopia]", "signs: [ptosis, diplopia, babinski]")
    found = problems(copy)
    assert len(found) == 1
    assert found[0].startswith(f"{case}:{line}: the right eye")
    assert "also finds eye-down-and-out" in found[0]
    assert "does not find babinski" in found[0]


def test_a_region_the_engine_finds_but_the_case_omits_is_reported(copy: Path) -> None:
    case = copy / "cases" / "13-foot-drop.yaml"
    text = case.read_text(encoding="utf-8")
    case.write_text(
        text.replace("answer:\n  sites: [common-peroneal-nerve-left]", "answer:\n  sites: [root-s1-left]")
    )
    found = problems(copy)
    assert len(found) == 1
    assert found[0].startswith(f"{case}:")


def test_the_day_matters(copy: Path) -> None:
    case = copy / "cases" / "07-spinal-shock.yaml"
    line = edit(case, "  day: 0", "  day: 30")
    found = problems(copy)
    assert len(found) == 1
    assert f"{case}:" in found[0]
    assert line > 0


def test_unknown_ids_and_citations_are_named(copy: Path) -> None:
    case = copy / "cases" / "14-bell-palsy.yaml"
    edit(case, "disease: bell-palsy", "disease: bells-palsy")
    edit(case, "[BAU]", "[NOPE]")
    found = "\n".join(problems(copy))
    assert "unknown disease 'bells-palsy'" in found
    assert "unknown reference [NOPE]" in found


def test_bad_yaml_is_a_located_problem(copy: Path) -> None:
    case = copy / "cases" / "14-bell-palsy.yaml"
    case.write_text("id: x\ntitle: [unclosed\n", encoding="utf-8")
    found = problems(copy)
    assert found[0].startswith(f"{case}:")


def test_validate_rejects_a_case_and_cases_lists_them(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cases", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {"id", "title", "level"} == set(listed[0])
    assert len(listed) >= 15
    edit(
        copy / "cases" / "01-capsular-stroke.yaml", "signs: [weakness, tongue-deviation]", "signs: [weakness]"
    )
    assert main(["validate", str(copy)]) == 1
    err = capsys.readouterr().err
    assert "01-capsular-stroke.yaml:" in err
    assert "tongue-deviation" in err


def test_cli_shows_one_case_and_refuses_an_unknown_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cases", "weber-syndrome"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("A drooping lid and a weak other side (level 2)")
    assert "Answer: weber-right (stroke)" in out
    assert main(["cases", "weber-syndrome", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["answer"]["sites"] == ["weber-right"]
    assert main(["cases", "no-such-case"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "unknown case 'no-such-case'" in err
