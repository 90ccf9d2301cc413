"""SARIF that GitHub code scanning accepts: checked with the SARIF 2.1.0 JSON Schema and with Microsoft's SARIF
multitool and its GitHub rules (GH1001-GH1007, GH2012), both from the multitool's npm package (.ci/run installs it
into .ci/tools)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest

from tests.support import FIXTURES, REPO
from roledocs.check.ruledocs import documented
from roledocs.check.sarif import artifact_location, repository_url, source_root

MULTITOOL = Path(os.environ.get("SARIF_MULTITOOL_DIR",
                                REPO / ".ci" / "tools" / "node_modules" / "@microsoft" / "sarif-multitool-linux"))
INSTALL = "npm install --prefix .ci/tools @microsoft/sarif-multitool-linux@5.7.0 (as .ci/run does)"


@pytest.fixture
def broken(tmp_path, monkeypatch) -> Path:
    """A git repository whose catalogue (in hr/) has errors and warnings of every kind of place: at a line and
    column, a whole file that cannot be read, and a file checked from outside the current folder."""
    repository = tmp_path / "repository"
    shutil.copytree(FIXTURES / "valid", repository / "hr")
    (repository / ".git").mkdir()  # what source_root looks for: the top of a working tree
    analyst = repository / "hr" / "roles" / "analyst.yaml"
    analyst.write_text(analyst.read_text(encoding="utf-8").replace("    level: 4", "    level: 9"), encoding="utf-8")
    team = repository / "hr" / "teams" / "core-team.yaml"
    team.write_text(team.read_text(encoding="utf-8").replace("customer: C", "customer: CI"), encoding="utf-8")
    (repository / "hr" / "roles" / "utf16.yaml").write_bytes("roledocs: 1\n".encode("utf-16"))
    monkeypatch.chdir(repository / "hr")  # not the repository root: URIs are still relative to it
    return repository


def _sarif(cli, *args: str) -> dict:
    run = cli("validate", "--format", "sarif", *args)
    assert run.code == 1, run.err
    return json.loads(run.out)


def _schema() -> dict:
    path = MULTITOOL / "sarif-2.1.0.json"
    if not path.is_file():
        pytest.skip(f"the SARIF 2.1.0 schema comes with Microsoft's SARIF multitool: {INSTALL}")
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_log_is_valid_sarif_2_1_0(cli, broken):
    log = _sarif(cli)
    jsonschema.validate(log, _schema())
    assert len(log["runs"][0]["results"]) == 3


def test_a_log_without_findings_and_one_of_an_empty_folder_are_valid_too(cli, broken, tmp_path):
    schema = _schema()
    clean = cli("validate", "--format", "sarif", "roles/lead-engineer.yaml")
    assert clean.code == 0
    jsonschema.validate(json.loads(clean.out), schema)
    (tmp_path / "empty").mkdir()
    empty = _sarif(cli, str(tmp_path / "empty"))
    jsonschema.validate(empty, schema)
    [result] = empty["runs"][0]["results"]
    assert result["ruleId"] == "no-files" and result["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}


def test_github_code_scanning_rules_pass(cli, broken, tmp_path):
    """The multitool's GitHub rules (--rule-kind Gh) and its SARIF rules at error and warning level report nothing:
    GH2012 wants fullDescription and help on every rule, GH1001-GH1007 results with locations, regions and
    relative URIs."""
    tool = MULTITOOL / "Sarif.Multitool"
    if not tool.is_file():
        pytest.skip(f"Microsoft's SARIF multitool is not installed: {INSTALL}")
    log = tmp_path / "roledocs.sarif"
    log.write_text(json.dumps(_sarif(cli)), encoding="utf-8")
    report = tmp_path / "report.sarif"
    done = subprocess.run([str(tool), "validate", "--rule-kind", "Gh;Sarif", "--level", "Error;Warning",
                           "--output", str(report), str(log)], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "DOTNET_CLI_TELEMETRY_OPTOUT": "1"})
    assert done.returncode == 0, done.stdout + done.stderr
    problems = [(r["ruleId"], r["message"]) for run in json.loads(report.read_text(encoding="utf-8-sig"))["runs"]
                for r in run.get("results", [])]
    assert problems == []
    # a log that lacks what GitHub needs fails: the check above can fail
    bare = json.loads(log.read_text(encoding="utf-8"))
    for rule in bare["runs"][0]["tool"]["driver"]["rules"]:
        del rule["fullDescription"], rule["help"]
    log.write_text(json.dumps(bare), encoding="utf-8")
    second = tmp_path / "second.sarif"
    subprocess.run([str(tool), "validate", "--rule-kind", "Gh", "--level", "Error", "--output", str(second),
                    str(log)], capture_output=True, timeout=300)
    flagged = {r["ruleId"] for r in json.loads(second.read_text(encoding="utf-8-sig"))["runs"][0]["results"]}
    assert "GH2012" in flagged


def test_every_rule_is_described_for_github(cli, broken):
    """What GitHub shows for an alert: each rule's full description, its help in text and Markdown with the bad
    and good example, a link to its section of docs/rules.md, and its default level."""
    driver = _sarif(cli)["runs"][0]["tool"]["driver"]
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert list(rules) == list(documented())  # every rule, not only those that found something
    repository = repository_url()
    assert repository == "https://github.com/roledocs/roledocs"  # pyproject.toml [project.urls]
    assert driver["informationUri"] == repository
    page = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule_id, rule in rules.items():
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["helpUri"] == f"{repository}/blob/main/docs/rules.md#{rule_id}"
        assert f"\n### {rule_id}\n" in page  # the anchor GitHub makes of the rule's heading
        assert rule["defaultConfiguration"]["level"] in ("error", "warning")
    assert "**Bad**" in rules["people-over-headcount"]["help"]["markdown"]
    assert "**Bad**" not in rules["people-over-headcount"]["fullDescription"]["text"]
    assert rules["raci-idle-role"]["defaultConfiguration"] == {"level": "warning"}
    assert rules["pay-range-required"]["defaultConfiguration"]["enabled"] is False  # off unless lint: names it


def test_results_are_located_relative_to_the_repository_root(cli, broken):
    """Run from hr/, a finding in hr/roles/analyst.yaml is `hr/roles/analyst.yaml` from %SRCROOT%, the repository
    root, which originalUriBaseIds gives; a file that cannot be read gets line 1 as its region."""
    run = _sarif(cli)["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": broken.resolve().as_uri() + "/"}}
    places = [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"],
               r["locations"][0]["physicalLocation"]["region"]) for r in run["results"]]
    assert places == [
        ("out-of-range", {"uri": "hr/roles/analyst.yaml", "uriBaseId": "%SRCROOT%"},
         {"startLine": 18, "startColumn": 12}),
        ("file-encoding", {"uri": "hr/roles/utf16.yaml", "uriBaseId": "%SRCROOT%"}, {"startLine": 1,
                                                                                     "startColumn": 1}),
        ("raci-consulted-informed", {"uri": "hr/teams/core-team.yaml", "uriBaseId": "%SRCROOT%"},
         {"startLine": 27, "startColumn": 17}),
    ]
    assert run["columnKind"] == "unicodeCodePoints"


def test_absolute_paths_inside_the_repository_are_relative_too(cli, broken):
    """`validate /abs/path` names files absolutely in text; SARIF still names them from the root, never file:///."""
    run = _sarif(cli, str(broken / "hr" / "roles" / "analyst.yaml"))["runs"][0]
    [location] = run["results"][0]["locations"]
    assert location["physicalLocation"]["artifactLocation"] == {"uri": "hr/roles/analyst.yaml",
                                                                "uriBaseId": "%SRCROOT%"}


def test_where_the_root_is(tmp_path):
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "a" / "b").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    assert source_root(tmp_path / "repo" / "a" / "b") == (tmp_path / "repo").resolve()
    assert source_root(tmp_path / "elsewhere") == (tmp_path / "elsewhere").resolve()
    root = (tmp_path / "repo").resolve()
    assert artifact_location(str(root / "a b" / "c.yaml"), root) == {"uri": "a%20b/c.yaml", "uriBaseId": "%SRCROOT%"}
    assert artifact_location(str(tmp_path / "elsewhere" / "x.yaml"), root) == {
        "uri": (tmp_path / "elsewhere" / "x.yaml").resolve().as_uri()}
