"""Cross-file, in-file and RACI rules: the data-driven invalid/valid fixture folders, plus rules that need several files."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.support import FIXTURES

VALID = FIXTURES / "valid"
INVALID = FIXTURES / "invalid"
CASES = sorted(p.stem for p in INVALID.glob("*.yaml"))


def _expected(name: str) -> list[str]:
    lines = (INVALID / f"{name}.expected").read_text(encoding="utf-8").splitlines()
    return sorted(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _catalogue(tmp_path: Path) -> Path:
    root = tmp_path / "catalogue"
    shutil.copytree(VALID, root)
    return root


def _findings(cli, *args) -> tuple[int, list[dict]]:
    run = cli("validate", "--format", "json", *args)
    assert "Traceback" not in run.err
    return run.code, json.loads(run.out)


def test_every_invalid_fixture_has_its_expectations():
    assert len(CASES) >= 40
    missing = [name for name in CASES if not (INVALID / f"{name}.expected").is_file()]
    assert missing == []


def test_valid_fixture_catalogue_is_clean(cli):
    run = cli("validate", VALID, "--strict")
    assert run.code == 0, run.out
    assert run.out.strip().endswith("5 files, 0 errors, 0 warnings")


@pytest.mark.parametrize("name", CASES)
def test_invalid_fixture(name, cli, tmp_path, monkeypatch):
    """Each invalid file, dropped into a copy of the valid catalogue and validated alone, gives exactly its findings."""
    root = _catalogue(tmp_path)
    source = INVALID / f"{name}.yaml"
    folder = "teams" if "\nkind: team" in source.read_text(encoding="utf-8", errors="replace") else "roles"
    shutil.copy(source, root / folder / source.name)
    monkeypatch.chdir(root)
    code, findings = _findings(cli, f"{folder}/{source.name}")
    got = sorted(f"{f['line']}:{f['column']} {f['severity']} {f['rule']}" for f in findings)
    assert got == _expected(name)
    assert {f["path"] for f in findings} == {f"{folder}/{source.name}"}
    errors = any(f["severity"] == "error" for f in findings)
    assert code == (1 if errors else 0)
    if not errors:
        assert cli("validate", "--strict", f"{folder}/{source.name}").code == 1


def _write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _role(identifier: str, reports_to: str | None = None) -> str:
    text = (VALID / "roles" / "analyst.yaml").read_text(encoding="utf-8")
    text = text.replace("id: analyst", f"id: {identifier}")
    line = f"reports_to: {reports_to}" if reports_to else ""
    return text.replace("reports_to: lead-engineer", line)


def test_duplicate_id_across_folders(cli, tmp_path):
    root = _catalogue(tmp_path)
    _write(root, "more/analyst.yaml", _role("analyst"))
    code, findings = _findings(cli, root)
    assert code == 1
    assert [(f["rule"], f["line"], f["column"], f["path"].rsplit("/", 2)[-2:]) for f in findings] == [
        ("duplicate-id", 3, 5, ["more", "analyst.yaml"]), ("duplicate-id", 3, 5, ["roles", "analyst.yaml"])]
    assert "roles/analyst.yaml" in findings[0]["message"] and "more/analyst.yaml" in findings[1]["message"]


def test_duplicate_id_is_found_from_either_file_alone(cli, tmp_path):
    """pre-commit passes only the changed file: the new copy and the old file both fail."""
    root = _catalogue(tmp_path)
    _write(root, "more/analyst.yaml", _role("analyst"))
    for name in ("more/analyst.yaml", "roles/analyst.yaml"):
        code, findings = _findings(cli, root / name)
        assert (code, [f["rule"] for f in findings]) == (1, ["duplicate-id"])


def test_duplicate_id_between_a_role_and_a_team(cli, tmp_path):
    root = _catalogue(tmp_path)
    team = (VALID / "teams" / "core-team.yaml").read_text(encoding="utf-8").replace("id: core-team", "id: analyst")
    _write(root, "teams/analyst.yaml", team)
    code, findings = _findings(cli, root)
    assert code == 1
    assert [(f["rule"], f["path"].rsplit("/", 2)[-2:]) for f in findings] == [
        ("duplicate-id", ["roles", "analyst.yaml"]), ("duplicate-id", ["teams", "analyst.yaml"])]


def test_unknown_reports_to_lists_the_known_ids(cli, tmp_path):
    root = _catalogue(tmp_path)
    _write(root, "roles/tester.yaml", _role("tester", "head-of-testing"))
    code, findings = _findings(cli, root)
    assert code == 1
    [finding] = findings
    assert (finding["rule"], finding["line"], finding["column"]) == ("unknown-reports-to", 5, 13)
    assert "analyst, edge-scalars, lead-engineer, tester" in finding["message"]


def test_reporting_cycle_names_its_members(cli, tmp_path):
    root = _catalogue(tmp_path)
    _write(root, "roles/alpha.yaml", _role("alpha", "beta"))
    _write(root, "roles/beta.yaml", _role("beta", "gamma"))
    _write(root, "roles/gamma.yaml", _role("gamma", "alpha"))
    _write(root, "roles/delta.yaml", _role("delta", "alpha"))  # reports into the cycle but is not part of it
    code, findings = _findings(cli, root)
    assert code == 1
    cycle = [f for f in findings if f["rule"] == "reporting-cycle"]
    assert sorted(Path(f["path"]).stem for f in cycle) == ["alpha", "beta", "gamma"]
    assert all((f["line"], f["column"]) == (5, 13) for f in cycle)
    alpha = next(f for f in cycle if f["path"].endswith("alpha.yaml"))
    assert "alpha → beta → gamma → alpha" in alpha["message"]
    assert len(findings) == 3


def test_reporting_cycle_is_reported_only_for_the_files_asked_for(cli, tmp_path, monkeypatch):
    root = _catalogue(tmp_path)
    _write(root, "roles/alpha.yaml", _role("alpha", "beta"))
    _write(root, "roles/beta.yaml", _role("beta", "alpha"))
    monkeypatch.chdir(root)
    code, findings = _findings(cli, "roles/beta.yaml")
    assert code == 1
    assert [(f["path"], f["rule"]) for f in findings] == [("roles/beta.yaml", "reporting-cycle")]
    assert "beta → alpha → beta" in findings[0]["message"]


def test_two_accountable_names_both(cli, tmp_path, monkeypatch):
    root = _catalogue(tmp_path)
    monkeypatch.chdir(root)
    shutil.copy(INVALID / "raci-two-accountable.yaml", root / "teams")
    _, findings = _findings(cli, "teams/raci-two-accountable.yaml")
    [finding] = findings
    assert "lead-engineer, analyst" in finding["message"]


def test_team_member_of_a_role_that_failed_the_schema_is_not_unknown(cli, tmp_path):
    """A broken role file is reported once, at its own error, not again as a missing member of every team."""
    root = _catalogue(tmp_path)
    path = root / "roles" / "analyst.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    level: 4", "    level: 9"), encoding="utf-8")
    code, findings = _findings(cli, root)
    assert code == 1
    assert [f["rule"] for f in findings] == ["out-of-range"]


def test_unknown_person_skill_ignores_case(cli, tmp_path):
    root = _catalogue(tmp_path)
    code, findings = _findings(cli, root / "teams" / "core-team.yaml", "--strict")
    assert (code, findings) == (0, [])


@pytest.mark.parametrize("name", CASES)
def test_cross_file_rules_need_only_the_keys_validate_keeps(name, tmp_path):
    """validate ships only CROSS_FILE_ROLE_KEYS of each role back from its workers: the cross-file findings must be
    those of fully loaded roles."""
    from roledocs.check.engine import run_file_rules
    from roledocs.check.validate import run_checks
    from roledocs.rules import CROSS_FILE_ROLE_KEYS
    from roledocs.source.catalogue import load_catalogue

    root = _catalogue(tmp_path)
    source = INVALID / f"{name}.yaml"
    folder = "teams" if "\nkind: team" in source.read_text(encoding="utf-8", errors="replace") else "roles"
    shutil.copy(source, root / folder / source.name)
    for identifier, boss in (("boss-a", "boss-b"), ("boss-b", "boss-a")):  # a reporting cycle, too
        _write(root, f"roles/{identifier}.yaml", _role(identifier, boss))
    full, slim = (run_checks(load_catalogue(root, str, per_file=run_file_rules, keep=keep))
                  for keep in (None, CROSS_FILE_ROLE_KEYS))
    assert slim == full
    assert any(f.rule == "reporting-cycle" for f in full)


def test_kpi_unknown_duty_lists_each_duty_once(cli, tmp_path, monkeypatch):
    """A duty id written twice (already a duplicate-duty-id error) is listed once among the duties that exist."""
    root = _catalogue(tmp_path)
    text = (INVALID / "kpi-unknown-duty.yaml").read_text(encoding="utf-8")
    twice = text.replace("duties:\n  - id: do-it", "duties:\n  - id: do-it\n    title: Do it again\n"
                         "    description: Do the work again.\n  - id: do-it", 1)
    (root / "roles" / "kpi-unknown-duty.yaml").write_text(twice, encoding="utf-8")
    monkeypatch.chdir(root)
    code, findings = _findings(cli, "roles/kpi-unknown-duty.yaml")
    unknown = [f["message"] for f in findings if f["rule"] == "kpi-unknown-duty"]
    assert code == 1 and {f["rule"] for f in findings} >= {"duplicate-duty-id", "kpi-unknown-duty"}
    assert unknown == ["the KPI 'done' measures the duty 'do-that', but this role has no such duty; did you mean "
                       "'do-it'? the duties are: do-it"]
