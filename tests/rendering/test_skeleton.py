"""`roledocs new role|team ID`: the commented skeleton, its modeline, and that it validates once filled in."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.support import FIXTURES, REPO

MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


@pytest.fixture
def catalogue(tmp_path, monkeypatch) -> Path:
    """The valid fixture catalogue with a schemas/ folder beside roledocs.yaml, as working folder."""
    root = tmp_path / "catalogue"
    shutil.copytree(FIXTURES / "valid", root)
    shutil.copytree(REPO / "schemas", root / "schemas")
    monkeypatch.chdir(root)
    return root


def _fill_role(text: str) -> str:
    return text.replace("TODO ", "")


def _fill_team(text: str) -> str:
    return text.replace("TODO-role-id", "analyst").replace("TODO Skill name", "Requirements engineering") \
        .replace("TODO ", "")


@pytest.mark.parametrize("kind", ["role", "team"])
def test_new_writes_a_skeleton_with_the_modeline(kind, cli, catalogue):
    folder = "roles" if kind == "role" else "teams"
    run = cli("new", kind, "data-platform", "-o", folder)
    assert run.code == 0
    path = catalogue / folder / "data-platform.yaml"
    assert str(Path(folder) / "data-platform.yaml") in run.out
    lines = path.read_text(encoding="utf-8").splitlines()
    match = MODELINE.match(lines[0])
    assert match, lines[0]
    schema = (path.parent / match.group(1)).resolve()
    assert schema == (catalogue / "schemas" / f"{kind}.schema.json").resolve()
    assert any(line.startswith(f"kind: {kind}") for line in lines)
    assert any(line.startswith("id: data-platform") for line in lines)
    assert "TODO" in path.read_text(encoding="utf-8")


def test_filled_role_skeleton_validates_clean(cli, catalogue):
    assert cli("new", "role", "data-engineer", "-o", "roles").code == 0
    path = catalogue / "roles" / "data-engineer.yaml"
    path.write_text(_fill_role(path.read_text(encoding="utf-8")), encoding="utf-8")
    run = cli("validate", "--strict", "roles/data-engineer.yaml")
    assert (run.code, run.out) == (0, "1 file, 0 errors, 0 warnings\n")


def test_filled_team_skeleton_validates_clean(cli, catalogue):
    assert cli("new", "team", "data-team", "-o", "teams").code == 0
    path = catalogue / "teams" / "data-team.yaml"
    path.write_text(_fill_team(path.read_text(encoding="utf-8")), encoding="utf-8")
    run = cli("validate", "--strict", "teams/data-team.yaml")
    assert (run.code, run.out) == (0, "1 file, 0 errors, 0 warnings\n")


def test_the_commented_optional_fields_are_valid_once_uncommented(cli, catalogue):
    """The skeleton's commented examples teach the format: they must be right."""
    assert cli("new", "role", "data-engineer", "-o", "roles").code == 0
    path = catalogue / "roles" / "data-engineer.yaml"
    lines = []
    for line in _fill_role(path.read_text(encoding="utf-8")).splitlines()[1:]:
        if re.match(r"^# ( *)[a-z_]+:", line):
            line = line[2:]
        lines.append(line.replace("reports_to: role-id", "reports_to: lead-engineer"))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code_and_findings = cli("validate", "--format", "json", "--strict", "roles/data-engineer.yaml")
    assert (code_and_findings.code, json.loads(code_and_findings.out)) == (0, [])
    text = path.read_text(encoding="utf-8")
    assert "\ncompensation:" in text and "\nqualifications:" in text and "\nlevel:" in text


def test_new_writes_into_the_current_folder_by_default(cli, catalogue, monkeypatch):
    monkeypatch.chdir(catalogue / "roles")
    assert cli("new", "role", "tester").code == 0
    assert (catalogue / "roles" / "tester.yaml").is_file()
    first = (catalogue / "roles" / "tester.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/role.schema.json"


def test_new_creates_a_missing_output_folder(cli, catalogue):
    assert cli("new", "team", "ops", "-o", "teams/new/deeper").code == 0
    assert (catalogue / "teams" / "new" / "deeper" / "ops.yaml").is_file()


def test_new_refuses_to_overwrite(cli, catalogue):
    original = (catalogue / "roles" / "analyst.yaml").read_bytes()
    run = cli("new", "role", "analyst", "-o", "roles")
    assert run.code == 2
    assert "already exists" in run.err and "Traceback" not in run.err
    assert (catalogue / "roles" / "analyst.yaml").read_bytes() == original


@pytest.mark.parametrize("bad", ["Data_Engineer", "data engineer", "-data", "data--engineer", "a" * 65,
                                 "../escape", "/tmp/abs", ""])
def test_new_refuses_a_bad_id(bad, cli, catalogue):
    run = cli("new", "role", bad, "-o", "roles")
    assert run.code == 2
    assert "Traceback" not in run.err
    assert sorted(p.name for p in (catalogue / "roles").iterdir()) == ["analyst.yaml", "edge-scalars.yaml",
                                                                       "lead-engineer.yaml"]
    assert not list(catalogue.parent.glob("escape*"))


@pytest.mark.parametrize("args", [["new"], ["new", "person", "x"], ["new", "role"]])
def test_new_usage_errors(args, cli):
    assert cli(*args).code == 2


def test_new_help_has_a_description_and_an_example(cli):
    run = cli("new", "--help")
    assert run.code == 0
    assert "skeleton" in run.out and "example: roledocs new role" in run.out


def test_new_leaves_no_temporary_files(cli, catalogue):
    assert cli("new", "role", "data-engineer", "-o", "roles").code == 0
    assert not [p for p in (catalogue / "roles").iterdir() if p.name.startswith(".")]


def test_a_missing_schema_is_pointed_out(cli, tmp_path, monkeypatch):
    """Outside a catalogue with schemas/, the modeline names a file to write, and `new` says how to write it."""
    monkeypatch.chdir(tmp_path)
    run = cli("new", "role", "data-engineer")
    assert run.code == 0
    assert MODELINE.match(Path("data-engineer.yaml").read_text(encoding="utf-8").splitlines()[0]).group(1) == \
        "schemas/role.schema.json"
    assert "roledocs schema role > schemas/role.schema.json" in run.err


def test_no_note_when_the_schema_exists(cli, catalogue):
    run = cli("new", "team", "data-platform", "-o", "teams")
    assert (run.code, run.err) == (0, "")


def test_dash_prints_the_skeleton(cli, tmp_path, monkeypatch):
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path / "empty")
    run = cli("new", "role", "data-engineer", "-o", "-")
    assert run.code == 0 and MODELINE.match(run.out.splitlines()[0]) and "id: data-engineer" in run.out
    assert list((tmp_path / "empty").iterdir()) == []


def test_an_untouched_team_skeleton_says_what_is_a_placeholder(cli, catalogue):
    cli("new", "team", "data-platform", "-o", "teams")
    run = cli("validate", "--format", "json", "teams/data-platform.yaml")
    findings = json.loads(run.out)
    assert run.code == 1 and findings
    assert all("placeholder" in f["message"] for f in findings), [f["message"] for f in findings]
