"""The example catalogue in roles/ stays clean, complete and editor-friendly."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from tests.support import EXAMPLE, REPO
from roledocs.source.catalogue import load_file

MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")
FILES = sorted(p for p in EXAMPLE.rglob("*.y*ml"))
ROLES = ["database-administrator", "infrastructure-project-manager", "it-project-manager", "software-developer",
         "software-tester", "systems-analyst"]
PROJECT_MANAGERS = ("it-project-manager", "infrastructure-project-manager")  # report to no one in the catalogue


def _data(path: Path) -> dict:
    loaded = load_file(path, path.name)
    assert not loaded[1], loaded[1]
    return loaded[0].data


def test_the_example_catalogue_validates_clean_with_strict(cli, example):
    run = cli("validate", "--strict", EXAMPLE)
    assert run.code == 0, run.out
    assert run.out.endswith(f"{len(FILES)} files, 0 errors, 0 warnings\n")
    # ... checked as one catalogue: without the manager's file, each reference to it is reported where it is made
    (example / "it-project-manager.yaml").unlink()
    run = cli("validate", "--format", "json", example)
    assert run.code == 1
    assert [(Path(f["path"]).relative_to(example).as_posix(), f["line"], f["column"], f["rule"])
            for f in json.loads(run.out)] == [
        *((f"{role}.yaml", 8, 13, "unknown-reports-to") for role in ROLES
          if role not in PROJECT_MANAGERS and role != "database-administrator"),  # it reports to the other manager
        ("teams/it-delivery.yaml", 12, 11, "unknown-member-role")]


def test_a_copy_validates_clean_from_inside(cli, example, monkeypatch):
    monkeypatch.chdir(example)
    assert cli("validate", "--strict").out == f"{len(FILES)} files, 0 errors, 0 warnings\n"
    assert cli("validate", "--strict", "teams/it-delivery.yaml").out == "1 file, 0 errors, 0 warnings\n"
    # the team file alone is checked against the catalogue around it: a member role's file gone is named
    Path("software-tester.yaml").unlink()
    run = cli("validate", "--format", "json", "teams/it-delivery.yaml")
    assert run.code == 1
    assert [(f["path"], f["line"], f["rule"]) for f in json.loads(run.out)] == [
        ("teams/it-delivery.yaml", 62, "unknown-member-role")]


def test_a_broken_copy_says_what_to_fix_and_where(cli, example):
    path = example / "software-tester.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nduties:", "\ndutys:", 1), encoding="utf-8")
    run = cli("validate", "--format", "json", example)
    assert run.code == 1
    findings = json.loads(run.out)
    unknown = next(f for f in findings if f["rule"] == "unknown-key")
    assert unknown["path"].endswith("software-tester.yaml") and unknown["line"] and unknown["column"] == 1
    assert "(did you mean 'duties'?)" in unknown["message"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(EXAMPLE).as_posix())
def test_every_file_starts_with_a_modeline_to_an_existing_schema(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = MODELINE.match(first)
    assert match, first
    target = (path.parent / match.group(1)).resolve()
    assert target.is_file()
    assert target.parent == (REPO / "schemas").resolve()
    kind = "config" if path.name == "roledocs.yaml" else _data(path)["kind"]
    assert target.name == f"{kind}.schema.json"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(EXAMPLE).as_posix())
def test_every_file_is_valid_for_a_standard_json_schema_validator(path):
    """Editors and other tools use the schema alone: they must agree with roledocs."""
    kind = "config" if path.name == "roledocs.yaml" else _data(path)["kind"]
    schema = json.loads((REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(_data(path))) == []


def test_the_six_roles_of_an_it_project_team():
    assert sorted(p.stem for p in EXAMPLE.glob("*.yaml") if p.name != "roledocs.yaml") == ROLES


@pytest.mark.parametrize("role", ROLES)
def test_each_role_is_written_carefully(role):
    data = _data(EXAMPLE / f"{role}.yaml")
    assert sum(d["time_share"] for d in data["duties"]) == 100
    assert len(data["duties"]) >= 4 and len(data["skills"]) >= 4 and len(data["kpis"]) >= 3
    assert all(len(d["description"]) >= 80 for d in data["duties"])
    assert all("level" in s for s in data["skills"])
    duty_ids = {d["id"] for d in data["duties"]}
    assert all(set(k.get("duties", [])) <= duty_ids and k["target"] for k in data["kpis"])


def test_the_team_covers_the_project_life_cycle():
    team = _data(EXAMPLE / "teams" / "it-delivery.yaml")
    assert sorted(m["role"] for m in team["members"]) == ROLES
    phases = list(dict.fromkeys(a.get("phase") for a in team["activities"]))
    assert [p.lower() for p in phases] == ["initiate", "plan", "execute", "monitor and control", "close"]
    for activity in team["activities"]:
        letters = "".join(activity["raci"].values())
        assert letters.count("A") == 1 and "R" in letters
