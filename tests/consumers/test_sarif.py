"""validate --format sarif against the OASIS SARIF 2.1.0 schema and Microsoft's SARIF multitool with GitHub code
scanning's rules (--rule-kind Gh)."""
from __future__ import annotations

import json
import os
import shutil

import pytest

from tests.support import FIXTURES, run_cli


@pytest.fixture(scope="module")
def invalid_sarif(tmp_path_factory):
    """SARIF for tests/fixtures/invalid (a copy): 40-odd rules, every kind of finding; and the JSON findings."""
    folder = tmp_path_factory.mktemp("invalid") / "catalogue"
    shutil.copytree(FIXTURES / "invalid", folder)
    sarif, findings = run_cli("validate", folder, "--format", "sarif"), run_cli("validate", folder, "--format", "json")
    assert sarif.code == findings.code == 1, sarif.err
    path = folder.parent / "findings.sarif"
    path.write_text(sarif.out, encoding="utf-8")
    return path, json.loads(findings.out)


def test_sarif_validates_against_the_oasis_schema(sarif_schema, invalid_sarif):
    path, findings = invalid_sarif
    log = json.loads(path.read_text(encoding="utf-8"))
    assert sarif_schema.errors(log) == []
    results = log["runs"][0]["results"]
    assert len(results) == len(findings) > 40
    assert {result["ruleId"] for result in results} == {finding["rule"] for finding in findings}


def test_sarif_schema_rejects_a_broken_log(sarif_schema, invalid_sarif):
    log = json.loads(invalid_sarif[0].read_text(encoding="utf-8"))
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["runs"][0]["tool"]["driver"]["name"]
    assert len(sarif_schema.errors(log)) == 2


def test_sarif_meets_github_code_scanning_rules(sarif_multitool, invalid_sarif):
    assert sarif_multitool.validate(invalid_sarif[0]) == []


def test_multitool_passes_a_log_github_accepts_and_names_what_is_missing(sarif_multitool, tmp_path):
    rule = {"id": "missing-key", "shortDescription": {"text": "A required key is missing."},
            "fullDescription": {"text": "Every role needs its required keys."},
            "help": {"text": "Add the key.", "markdown": "Add the key."}}
    result = {"ruleId": "missing-key", "ruleIndex": 0, "level": "error", "message": {"text": "'kind' is missing"},
              "locations": [{"physicalLocation": {"artifactLocation": {"uri": "roles/a.yaml", "uriBaseId": "ROOT"},
                                                  "region": {"startLine": 1, "startColumn": 1}}}]}
    log = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
           "runs": [{"tool": {"driver": {"name": "roledocs", "rules": [rule]}}, "results": [result]}]}
    good = tmp_path / "good.sarif"
    good.write_text(json.dumps(log), encoding="utf-8")
    assert sarif_multitool.validate(good) == []
    del rule["help"]
    bad = tmp_path / "bad.sarif"
    bad.write_text(json.dumps(log), encoding="utf-8")
    [problem] = sarif_multitool.validate(bad)
    assert (problem.rule, problem.level) == ("GH2012", "error")
    assert "does not provide a 'help' object" in problem.message


def test_sarif_locations_are_what_github_documents(tmp_path, sarif_schema):
    """GitHub code scanning places a result by a region and a URI relative to the repository (uriBaseId)."""
    os.mkfifo(tmp_path / "pipe.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text((FIXTURES / "invalid" / "missing-key.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    run = run_cli("validate", tmp_path / "pipe.yaml", broken.resolve(), "--format", "sarif")
    log = json.loads(run.out)
    locations = [location["physicalLocation"] for result in log["runs"][0]["results"]
                 for location in result["locations"]]
    if sarif_schema.errors(log) or len(locations) != 2:  # preconditions, not the expected failure
        pytest.fail(f"expected a valid log with two locations: {sarif_schema.errors(log)} {locations}")
    assert [location for location in locations if "startLine" not in location.get("region", {})] == []
    assert [location for location in locations if "uriBaseId" not in location["artifactLocation"]
            or location["artifactLocation"]["uri"].startswith("file:")] == []


def test_a_clean_log_and_an_empty_folders_log_are_accepted(sarif_schema, sarif_multitool, tmp_path):
    """No result at all, and the one result of a folder with nothing to check (about a folder, at line 1)."""
    shutil.copytree(FIXTURES / "valid", tmp_path / "clean")
    (tmp_path / "empty").mkdir()
    for folder, code in (("clean", 0), ("empty", 1)):
        run = run_cli("validate", tmp_path / folder, "--format", "sarif")
        assert run.code == code, run.err
        path = tmp_path / f"{folder}.sarif"
        path.write_text(run.out, encoding="utf-8")
        assert sarif_schema.errors(json.loads(run.out)) == []
        assert sarif_multitool.validate(path) == []
