"""rules/references.py: ids unique across the catalogue, `reports_to` naming a role, and no reporting cycle."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.rules.rulecase import RuleCase, copy_valid, valid_role


@pytest.fixture
def catalogue(isolated) -> Path:
    return copy_valid(isolated)


def _write(relative: str, text: str) -> None:
    path = Path(relative)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _findings(cli, *args) -> tuple[int, list[dict]]:
    run = cli("validate", "--format", "json", *args)
    assert "Traceback" not in run.err
    return run.code, json.loads(run.out)


def test_duplicate_id_across_folders(cli, catalogue):
    _write("more/analyst.yaml", valid_role("analyst"))
    code, findings = _findings(cli, catalogue)
    assert code == 1
    assert [(f["rule"], f["line"], f["column"], f["path"].rsplit("/", 2)[-2:]) for f in findings] == [
        ("duplicate-id", 3, 5, ["more", "analyst.yaml"]), ("duplicate-id", 3, 5, ["roles", "analyst.yaml"])]
    assert "roles/analyst.yaml" in findings[0]["message"] and "more/analyst.yaml" in findings[1]["message"]


def test_duplicate_id_is_found_from_either_file_alone(catalogue):
    """pre-commit passes only the changed file: the new copy and the old file both fail."""
    for name in ("more/analyst.yaml", "roles/analyst.yaml"):
        RuleCase("duplicate-id", name).check(valid_role("analyst"), problem=(3, 5))


def test_duplicate_id_between_a_role_and_a_team(cli, catalogue):
    team = Path("teams/core-team.yaml").read_text(encoding="utf-8").replace("id: core-team", "id: analyst")
    _write("teams/analyst.yaml", team)
    code, findings = _findings(cli, catalogue)
    assert code == 1
    assert [(f["rule"], f["path"].rsplit("/", 2)[-2:]) for f in findings] == [
        ("duplicate-id", ["roles", "analyst.yaml"]), ("duplicate-id", ["teams", "analyst.yaml"])]


def test_unknown_reports_to_lists_the_known_ids(catalogue):
    [found] = RuleCase("unknown-reports-to", "roles/tester.yaml").check(valid_role("tester", "head-of-testing"),
                                                                         problem=(5, 13))
    assert "analyst, edge-scalars, lead-engineer, tester" in found.message


def test_reporting_cycle_names_its_members(cli, catalogue):
    _write("roles/alpha.yaml", valid_role("alpha", "beta"))
    _write("roles/beta.yaml", valid_role("beta", "gamma"))
    _write("roles/gamma.yaml", valid_role("gamma", "alpha"))
    _write("roles/delta.yaml", valid_role("delta", "alpha"))  # reports into the cycle but is not part of it
    code, findings = _findings(cli, catalogue)
    assert code == 1
    cycle = [f for f in findings if f["rule"] == "reporting-cycle"]
    assert sorted(Path(f["path"]).stem for f in cycle) == ["alpha", "beta", "gamma"]
    assert all((f["line"], f["column"]) == (5, 13) for f in cycle)
    alpha = next(f for f in cycle if f["path"].endswith("alpha.yaml"))
    assert "alpha → beta → gamma → alpha" in alpha["message"]
    assert len(findings) == 3


def test_reporting_cycle_is_reported_only_for_the_files_asked_for(catalogue):
    _write("roles/alpha.yaml", valid_role("alpha", "beta"))
    [found] = RuleCase("reporting-cycle", "roles/beta.yaml").check(valid_role("beta", "alpha"), problem=(5, 13))
    assert (found.path, "beta → alpha → beta" in found.message) == ("roles/beta.yaml", True)
