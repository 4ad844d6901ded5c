"""The command-line contract that checks outside this repository rely on."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__, cli
from app.cli import main
from app.model.content import Content

SIDED = [
    "motor-cortex-face-arm",
    "motor-cortex-leg",
    "internal-capsule",
    "cerebral-peduncle",
    "basis-pontis",
    "medullary-pyramid",
    "lateral-corticospinal-c5",
    "lateral-corticospinal-t6",
    "anterior-horn-c5",
    "anterior-horn-l4",
    "ventral-root-c5",
    "ventral-root-l5",
    "radial-nerve",
    "common-peroneal-nerve",
    "facial-nerve",
    "neuromuscular-junction",
    "muscle",
]
CONTRACT_SITES = {f"{s}-{x}" for s in SIDED for x in ("left", "right")} | {"pyramidal-decussation"}
CONTRACT_DISEASES = {
    "stroke",
    "multiple-sclerosis",
    "als",
    "poliomyelitis",
    "peripheral-neuropathy",
    "nerve-trauma",
    "bell-palsy",
    "myasthenia-gravis",
}
CONTRACT_REGIONS = {"face-upper", "face-lower", "arm", "hand", "trunk", "leg", "foot"}
ISSUE3_SITES = {
    f"{s}-{x}"
    for s in ("weber", "millard-gubler", "medial-medullary", "hemisection-c5", "hemisection-t6")
    for x in ("left", "right")
} | {"central-cord-c5", "anterior-cord-t6", "posterior-columns-t6"}
ISSUE3_DISEASES = {
    "primary-lateral-sclerosis",
    "progressive-muscular-atrophy",
    "spinal-muscular-atrophy",
    "guillain-barre",
    "diabetic-polyneuropathy",
    "cervical-myelopathy",
    "b12-deficiency",
    "syringomyelia",
    "cauda-equina",
    "conus-medullaris",
    "myopathy",
}
CONTRACT_SIGNS = {
    "weakness",
    "spasticity",
    "hyperreflexia",
    "babinski",
    "clonus",
    "hypotonia",
    "hyporeflexia",
    "atrophy",
    "fasciculations",
    "fatigable-weakness",
}


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_contract_ids_exist(content: Content) -> None:
    assert CONTRACT_SITES <= set(content.sites_by_id)
    assert CONTRACT_DISEASES <= set(content.diseases_by_id)
    assert CONTRACT_REGIONS <= set(content.regions_by_id)
    assert CONTRACT_SIGNS | {"ptosis", "eye-down-and-out", "tongue-deviation"} <= set(content.signs_by_id)
    assert ISSUE3_SITES <= set(content.sites_by_id)
    assert ISSUE3_DISEASES <= set(content.diseases_by_id)
    assert {"eye", "tongue"} <= set(content.regions_by_id)
    assert set(content.lesion_types) == {"UMN", "LMN", "NMJ", "muscle"}


def test_sites_json(capsys: pytest.CaptureFixture[str]) -> None:
    sites = run_json(capsys, "sites", "--json")
    assert isinstance(sites, list)
    assert CONTRACT_SITES <= {s["id"] for s in sites}
    for site in sites:
        assert site["name"]
        assert site["side"] in {"left", "right", "midline"}
        assert site["id"].endswith(site["side"]) or site["side"] == "midline"


def test_diseases_json(capsys: pytest.CaptureFixture[str]) -> None:
    diseases = run_json(capsys, "diseases", "--json")
    assert isinstance(diseases, list)
    by_id = {d["id"]: d for d in diseases}
    assert CONTRACT_DISEASES <= set(by_id)
    assert by_id["als"]["lesions"] == ["UMN", "LMN"]
    assert by_id["myasthenia-gravis"]["lesions"] == ["NMJ"]
    assert "facial-nerve-left" in by_id["bell-palsy"]["sites"]
    assert all(d["name"] and d["sites"] for d in diseases)


def test_findings_json_lists_only_affected_regions(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "findings", "internal-capsule-left", "--json")
    assert isinstance(data, dict)
    assert data["sites"] == ["internal-capsule-left"]
    places = {(f["region"], f["side"]) for f in data["findings"]}
    assert places == {(r, "right") for r in ("face-lower", "tongue", "arm", "hand", "trunk", "leg", "foot")}
    arm = next(f for f in data["findings"] if f["region"] == "arm")
    assert arm["lesions"] == ["UMN"]
    assert {"weakness", "spasticity", "hyperreflexia"} <= set(arm["signs"])


def test_findings_json_carries_sensory_loss(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "findings", "posterior-columns-t6", "--json")
    assert isinstance(data, dict)
    leg = next(f for f in data["findings"] if f["region"] == "leg" and f["side"] == "right")
    assert leg["lesions"] == []
    assert leg["signs"] == ["sensory-ataxia"]
    assert leg["sensory_loss"] == ["vibration-proprioception"]


def test_findings_of_several_sites_combine(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "findings", "motor-cortex-face-arm-left", "anterior-horn-c5-right", "--json")
    assert isinstance(data, dict)
    arm = next(f for f in data["findings"] if f["region"] == "arm" and f["side"] == "right")
    assert arm["lesions"] == ["UMN", "LMN"]


def test_findings_of_a_disease(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "findings", "--disease", "bell-palsy", "--json")
    assert isinstance(data, dict)
    assert data["disease"] == "bell-palsy"
    assert {f["region"] for f in data["findings"]} == {"face-upper", "face-lower"}
    assert all(f["lesions"] == ["LMN"] for f in data["findings"])


def test_findings_text_is_readable(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["findings", "facial-nerve-right"]) == 0
    out = capsys.readouterr().out
    assert "Lesion: Right facial nerve" in out
    assert "Right side of the body:" in out
    assert "Upper face" in out


def test_findings_text_keeps_umn_and_lmn_signs_apart(
    capsys: pytest.CaptureFixture[str], content: Content
) -> None:
    """Issue 12, item 14: the text flattened the UMN and LMN groups the window's signs panel shows
    (both come from describe.signs_by_lesion)."""
    from app.model.describe import signs_by_lesion
    from app.model.findings import evaluate

    assert main(["findings", "motor-cortex-face-arm-left", "anterior-horn-c5-right"]) == 0
    out = capsys.readouterr().out.splitlines()
    findings = evaluate(content, ["motor-cortex-face-arm-left", "anterior-horn-c5-right"], None)
    arm = next(f for f in findings.for_side("right") if f.region == "arm")
    groups = signs_by_lesion(content, arm)
    assert {lesion for lesion, _ in groups} >= {"UMN", "LMN"}
    start = out.index("  Arm (UMN + LMN)")
    for offset, (lesion, signs) in enumerate(groups, start=1):
        label = f"{content.lesion_types[lesion].short}: " if lesion else ""
        names = ", ".join(content.signs_by_id[s].name for s in signs)
        assert out[start + offset] == f"      {label}{names}"


@pytest.mark.parametrize(
    "argv",
    [
        ["findings", "no-such-site", "--json"],
        ["findings", "--disease", "no-such-disease", "--json"],
        ["findings"],
        ["--screenshot", "x.png", "--size", "huge"],
    ],
)
def test_bad_ids_give_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        code = main(argv)
        raise SystemExit(code)
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 or lines[-1].startswith("neuraxis: error:"), captured.err
    assert "Traceback" not in captured.err


def test_validate_passes_on_bundled_content(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.startswith("OK:")


BLOCK_QT = """
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("Qt is blocked in this test")
sys.meta_path.insert(0, Block())
from app.cli import main
for argv in (["sites", "--json"], ["diseases", "--json"], ["findings", "internal-capsule-left", "--json"],
             ["validate"], ["lessons", "--json"]):
    assert main(argv) == 0, argv
assert not any(m.startswith("PySide6") for m in sys.modules)
print("NO-QT-OK")
"""


def test_model_and_data_commands_work_with_qt_unimportable() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("NO-QT-OK")


def test_findings_text_groups_a_mixed_regions_signs_by_lesion(capsys: pytest.CaptureFixture[str]) -> None:
    """As the window does: signs both lesions cause once, then the UMN and the LMN signs apart."""
    assert main(["findings", "internal-capsule-left", "ventral-root-c5-right"]) == 0
    out = capsys.readouterr().out.splitlines()
    start = out.index("  Arm (UMN + LMN)")
    arm = [line.strip() for line in out[start + 1 : out.index("  Hand (UMN)")]]
    assert arm[0] == "Weakness"
    umn = next(line for line in arm if line.startswith("UMN: "))
    lmn = next(line for line in arm if line.startswith("LMN: "))
    assert "Brisk tendon reflexes" in umn
    assert "Brisk tendon reflexes" not in lmn
    assert "Muscle wasting" in lmn
    assert "Muscle wasting" not in umn
    assert "Weakness" not in umn + lmn


def _subcommands(parser: argparse.ArgumentParser) -> set[str]:
    return {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }


def test_every_subcommand_is_known_without_building_its_parser() -> None:
    """cli.parse builds the subcommands' parsers only for a command line naming one."""
    assert set(cli.COMMANDS_NAMED) == _subcommands(cli.build_parser())
    assert _subcommands(cli.build_parser(commands=False)) == set()


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--size", "1280x720"],
        ["--select", "radial-nerve-left", "--select", "ulnar-nerve-right", "--day", "3"],
        ["--disease", "als", "--tab", "course", "--present"],
        ["--content", "somewhere", "--hide", "lesion"],
    ],
)
def test_a_window_command_line_parses_as_the_full_parser_does(argv: list[str]) -> None:
    assert vars(cli.parse(argv)) == vars(cli.build_parser().parse_args(argv))


@pytest.mark.parametrize(
    ("argv", "code", "said"),
    [
        (["quizz"], 2, "invalid choice: 'quizz'"),  # a mistyped command: the full parser's message
        (["--size", "10x10"], 2, "outside 320x240"),
        (["--tab", "nowhere"], 2, "invalid choice: 'nowhere'"),
        # the window's own parser has neither help nor version: the full one answers, abbreviated too
        (["--version"], 0, f"neuraxis {__version__}"),
        (["--size", "1280x720", "--vers"], 0, f"neuraxis {__version__}"),
        (["-h"], 0, "--screenshot FILE.png"),
        (["--select", "radial-nerve-left", "--he"], 0, "export-anki"),
    ],
)
def test_the_full_parser_answers_what_the_windows_options_do_not(
    argv: list[str], code: int, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.parse(argv)
    assert exit_info.value.code == code
    captured = capsys.readouterr()
    assert said in (captured.err if code else captured.out)


def test_a_subcommand_parses_with_the_full_parser() -> None:
    args = cli.parse(["findings", "radial-nerve-left", "--json"])
    assert args.command == "findings"
    assert args.ids == ["radial-nerve-left"]
