"""SARIF as GitHub code scanning reads it: every rule described with a link to its docs, every result in a region of
a file named from the repository root (tests/consumers/test_sarif.py checks the log with the OASIS schema and
Microsoft's SARIF multitool)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from roledocs.check.ruledocs import documented
from roledocs.check.sarif import artifact_location, repository_url, source_root
from tests.support import FIXTURES, REPO


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
    """The top of the git working tree the current folder is in, else that folder; a file outside it moves the
    root up to the folder holding both, so no file is ever a file:/// URI."""
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "a" / "b").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    repo = (tmp_path / "repo").resolve()
    assert source_root(tmp_path / "repo" / "a" / "b") == repo
    assert source_root(tmp_path / "repo" / "a" / "b", [str(repo / "a" / "x.yaml")]) == repo
    assert source_root(tmp_path / "elsewhere") == (tmp_path / "elsewhere").resolve()
    outside = str(tmp_path / "elsewhere" / "x.yaml")
    assert source_root(tmp_path / "repo" / "a", [outside]) == tmp_path.resolve()
    assert artifact_location(str(repo / "a b" / "c.yaml"), repo) == {"uri": "a%20b/c.yaml", "uriBaseId": "%SRCROOT%"}
    assert artifact_location(outside, tmp_path.resolve()) == {"uri": "elsewhere/x.yaml", "uriBaseId": "%SRCROOT%"}


def test_a_file_outside_the_repository_moves_the_root_up(cli, broken, tmp_path):
    (tmp_path / "alone.yaml").write_text("roledocs: 1\nkind: role\n", encoding="utf-8")
    run = _sarif(cli, "roles/analyst.yaml", str(tmp_path / "alone.yaml"))["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {"repository/hr/roles/analyst.yaml", "alone.yaml"}
