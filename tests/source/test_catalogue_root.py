"""Which catalogue a file named on the command line belongs to when there is no roledocs.yaml (format-v1.md: it is
optional): the usual layout (roles/, teams/) makes the folder above the catalogue; a team file in a flat folder
looks for its member roles beside it; a lone role file is still checked alone; a roledocs.yaml above always wins."""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from tests.support import EXAMPLE

ROLES = sorted(p.name for p in EXAMPLE.glob("*.yaml") if p.name != "roledocs.yaml")
TEAM = EXAMPLE / "teams" / "it-delivery.yaml"


def usual(tmp_path: Path) -> Path:
    """The example's roles and team in the usual layout (roles/*.yaml, teams/*.yaml), without roledocs.yaml."""
    root = tmp_path / "usual"
    (root / "roles").mkdir(parents=True)
    (root / "teams").mkdir()
    for name in ROLES:
        shutil.copy(EXAMPLE / name, root / "roles")
    shutil.copy(TEAM, root / "teams")
    return root


def flat(tmp_path: Path, roles: list[str] = ROLES) -> Path:
    """The team and the given role files side by side in one folder, without roledocs.yaml."""
    folder = tmp_path / "flat"
    folder.mkdir()
    for name in roles:
        shutil.copy(EXAMPLE / name, folder)
    shutil.copy(TEAM, folder)
    return folder


def set_reports_to(path: Path, role_id: str) -> None:
    path.write_text(path.read_text().replace("reports_to: it-project-manager", f"reports_to: {role_id}", 1))


# the usual layout without roledocs.yaml --------------------------------------------------------------------------

def test_raci_of_a_team_in_the_usual_layout(cli, tmp_path, isolated):
    run = cli("raci", usual(tmp_path) / "teams" / "it-delivery.yaml", "--to", "csv", "-o", "out")
    assert run.code == 0, run.err
    header = next(csv.reader(io.StringIO((isolated / "out" / "it-delivery.csv").read_text())))
    assert header[:3] == ["Phase", "Activity", "IT Project Manager"]  # the member role's title: it was resolved


def test_charter_of_a_team_in_the_usual_layout(cli, tmp_path, isolated):
    run = cli("charter", usual(tmp_path) / "teams" / "it-delivery.yaml", "--to", "md", "-o", "out")
    assert run.code == 0, run.err
    charter = (isolated / "out" / "it-delivery.md").read_text()
    assert charter.startswith("# IT Delivery Team") and "Software Developer" in charter


def test_analyze_of_a_team_in_the_usual_layout(cli, tmp_path):
    run = cli("analyze", usual(tmp_path) / "teams" / "it-delivery.yaml", "--format", "json")
    assert run.code == 0, run.err
    assert json.loads(run.out)["coverage"]


def test_render_of_a_team_in_the_usual_layout(cli, tmp_path, isolated):
    run = cli("render", usual(tmp_path) / "teams" / "it-delivery.yaml", "--to", "md")
    assert run.code == 0, run.err
    assert "IT Delivery Team" in (isolated / "it-delivery.md").read_text()


def test_validate_of_a_role_resolves_its_reports_to(cli, tmp_path):
    root = usual(tmp_path)
    assert cli("validate", root / "roles" / "software-tester.yaml").code == 0
    set_reports_to(root / "roles" / "software-tester.yaml", "chief-tester")
    run = cli("validate", root / "roles" / "software-tester.yaml", "--format", "json")
    assert run.code == 1
    [finding] = [f for f in json.loads(run.out) if f["rule"] == "unknown-reports-to"]
    assert "'chief-tester' is not a role in this catalogue" in finding["message"]
    assert "it-project-manager" in finding["message"]  # the roles that exist, from the catalogue above roles/


def test_validate_of_a_team_resolves_its_member_roles(cli, tmp_path):
    root = usual(tmp_path)
    assert cli("validate", root / "teams" / "it-delivery.yaml").code == 0
    (root / "roles" / "systems-analyst.yaml").unlink()
    run = cli("validate", root / "teams" / "it-delivery.yaml", "--format", "json")
    assert run.code == 1
    [finding] = [f for f in json.loads(run.out) if f["rule"] == "unknown-member-role"]
    assert finding["message"].startswith("'systems-analyst' is not a role in this catalogue")
    assert "software-developer" in finding["message"]  # the roles that exist, from the catalogue above teams/


def test_render_of_a_role_in_the_usual_layout_shows_its_manager_by_title(cli, tmp_path):
    run = cli("render", usual(tmp_path) / "roles" / "software-tester.yaml", "--to", "md", "-o", "-")
    assert run.code == 0, run.err
    assert "IT Project Manager" in run.out


# a flat folder without roledocs.yaml -----------------------------------------------------------------------------

def test_a_team_finds_its_member_roles_beside_it(cli, tmp_path):
    run = cli("raci", flat(tmp_path) / "it-delivery.yaml", "--to", "csv", "-o", "-")
    assert run.code == 0, run.err
    assert run.out.startswith("Phase,Activity,IT Project Manager,Software Developer,")


def test_a_team_without_its_member_roles_beside_it_names_the_missing_one(cli, tmp_path, isolated):
    team = flat(tmp_path, [name for name in ROLES if name != "software-tester.yaml"]) / "it-delivery.yaml"
    for command in (["raci", team, "--to", "csv"], ["charter", team, "--to", "md"], ["analyze", team],
                    ["render", team, "--to", "md"]):
        run = cli(*command)
        assert run.code == 1, (command, run)
        missing = [line for line in run.err.splitlines() if "unknown-member-role" in line]
        assert len(missing) == 1 and "'software-tester' is not a role" in missing[0], (command, run.err)
        assert "software-developer" in missing[0]  # the roles that do exist
    assert list(isolated.iterdir()) == []


def test_a_lone_role_file_is_still_checked_alone(cli, tmp_path):
    folder = flat(tmp_path, ["software-tester.yaml"])
    set_reports_to(folder / "software-tester.yaml", "chief-tester")
    run = cli("validate", folder / "software-tester.yaml")
    assert run.code == 0, run.out
    run = cli("render", folder / "software-tester.yaml", "--to", "md", "-o", "-")
    assert run.code == 0 and "chief-tester" in run.out


def test_a_lone_role_file_is_not_a_team_file(cli, tmp_path):
    folder = flat(tmp_path, ["software-tester.yaml"])
    run = cli("raci", folder / "software-tester.yaml", "--to", "csv")
    assert run.code == 2 and "this is a role file; give a team file" in run.err


# a roledocs.yaml above wins ---------------------------------------------------------------------------------------

def test_a_roledocs_yaml_above_wins_over_the_layout(cli, tmp_path):
    root = usual(tmp_path / "outer")
    (tmp_path / "outer" / "roledocs.yaml").write_text("roledocs: 1\n")
    (tmp_path / "outer" / "boss.yaml").write_text(
        (EXAMPLE / "it-project-manager.yaml").read_text().replace("id: it-project-manager", "id: boss", 1))
    set_reports_to(root / "roles" / "software-tester.yaml", "boss")
    run = cli("validate", root / "roles" / "software-tester.yaml")
    assert run.code == 0, run.out  # boss sits in the catalogue of the config, above the layout's root
    (tmp_path / "outer" / "boss.yaml").unlink()
    run = cli("validate", root / "roles" / "software-tester.yaml", "--format", "json")
    [finding] = json.loads(run.out)
    assert (run.code, finding["rule"], finding["line"]) == (1, "unknown-reports-to", 8)


def test_a_roledocs_yaml_in_a_flat_folder_is_its_catalogue(cli, tmp_path):
    folder = flat(tmp_path)
    (folder / "roledocs.yaml").write_text("roledocs: 1\n")
    set_reports_to(folder / "software-tester.yaml", "chief-tester")
    assert cli("validate", folder / "software-tester.yaml").code == 1  # not alone: the reference is checked


def test_the_example_catalogue_is_unchanged(cli, isolated):
    assert cli("validate", EXAMPLE).code == 0
    run = cli("raci", TEAM, "--to", "csv", "-o", "-")
    assert run.code == 0 and "IT Project Manager" in run.out
