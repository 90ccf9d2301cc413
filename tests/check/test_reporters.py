"""Reporters: text, JSON, GitHub annotations, SARIF 2.1.0 and JUnit XML, through the CLI and on hand-made findings."""
from __future__ import annotations

import io
import json
import re
import shutil
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tests.support import FIXTURES
from roledocs.check.validate import Validation
from roledocs.cli import main
from roledocs.findings import Finding, Severity
from roledocs.check.reporters import REPORTERS

ANSI = re.compile(r"\x1b\[")


@pytest.fixture
def broken(tmp_path, monkeypatch) -> Path:
    """The valid fixture catalogue with one error (in analyst) and one warning (in the team)."""
    root = tmp_path / "catalogue"
    shutil.copytree(FIXTURES / "valid", root)
    analyst = root / "roles" / "analyst.yaml"
    analyst.write_text(analyst.read_text(encoding="utf-8").replace("    level: 4", "    level: 9"), encoding="utf-8")
    team = root / "teams" / "core-team.yaml"
    team.write_text(team.read_text(encoding="utf-8").replace("customer: C", "customer: CI"), encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def _report(fmt: str, findings: list[Finding], files: list[str], **options) -> str:
    out = io.StringIO()
    REPORTERS[fmt](Validation(findings, files), out, **options)
    return out.getvalue()


NOWHERE = Finding("roles/x.yaml", None, None, Severity.ERROR, "file-unreadable", "cannot read the file")
LINE_ONLY = Finding("roles/y.yaml", 3, None, Severity.WARNING, "some-rule", "a warning without a column")


# text ------------------------------------------------------------------------------------------------------------

def test_text_lines_and_summary(cli, broken):
    run = cli("validate")
    assert run.code == 1
    lines = run.out.splitlines()
    assert lines == [
        "roles/analyst.yaml:18:12: error out-of-range: skills[1].level is 9 but must be at most 5 "
        "(1 awareness, 2 basic, 3 proficient, 4 advanced, 5 expert.)",
        "teams/core-team.yaml:27:17: warning raci-consulted-informed: 'customer' is both consulted (C) and informed "
        "(I) on 'Agree the requirements'; consulted implies informed, so drop the I",
        "5 files, 1 error, 1 warning",
    ]


@pytest.mark.parametrize("files, errors, warnings, expected", [
    (1, 0, 0, "1 file, 0 errors, 0 warnings"),
    (2, 1, 1, "2 files, 1 error, 1 warning"),
    (0, 2, 3, "0 files, 2 errors, 3 warnings"),
])
def test_summary_singulars_and_plurals(files, errors, warnings, expected):
    findings = [Finding("a.yaml", 1, 1, Severity.ERROR, "r", "m")] * errors + \
               [Finding("a.yaml", 1, 1, Severity.WARNING, "r", "m")] * warnings
    assert _report("text", findings, [f"f{i}.yaml" for i in range(files)]).splitlines()[-1] == expected


def test_text_finding_without_a_place():
    text = _report("text", [NOWHERE, LINE_ONLY], ["roles/x.yaml", "roles/y.yaml"])
    assert text.splitlines()[:2] == ["roles/x.yaml: error file-unreadable: cannot read the file",
                                     "roles/y.yaml:3: warning some-rule: a warning without a column"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _on_terminal(monkeypatch, *args: str) -> str:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    main(["validate", *args])
    return terminal.getvalue()


def test_no_colour_when_not_a_terminal(cli, broken):
    assert not ANSI.search(cli("validate").out)


def test_colour_on_a_terminal(monkeypatch, broken):
    monkeypatch.delenv("NO_COLOR", raising=False)
    out = _on_terminal(monkeypatch)
    assert ANSI.search(out)
    assert "\x1b[31merror\x1b[0m" in out and "\x1b[33mwarning\x1b[0m" in out


def test_no_color_is_honoured(monkeypatch, broken):
    monkeypatch.setenv("NO_COLOR", "1")
    out = _on_terminal(monkeypatch)
    assert not ANSI.search(out)
    assert "roles/analyst.yaml:18:12: error out-of-range:" in out


@pytest.mark.parametrize("fmt", ["json", "github", "sarif", "junit"])
def test_machine_formats_never_have_colour(fmt, monkeypatch, broken):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert not ANSI.search(_on_terminal(monkeypatch, "--format", fmt))


# json ------------------------------------------------------------------------------------------------------------

def test_json_has_exactly_the_keys_of_the_spec(cli, broken):
    run = cli("validate", "--format", "json")
    assert run.code == 1
    findings = json.loads(run.out)
    assert [(f["path"], f["line"], f["column"], f["severity"], f["rule"]) for f in findings] == [
        ("roles/analyst.yaml", 18, 12, "error", "out-of-range"),
        ("teams/core-team.yaml", 27, 17, "warning", "raci-consulted-informed")]
    assert all(list(f) == ["path", "line", "column", "severity", "rule", "message"] for f in findings)
    assert all(isinstance(f["message"], str) and f["message"] for f in findings)


def test_json_clean_is_an_empty_list(cli, broken):
    run = cli("validate", "--format", "json", "roles/lead-engineer.yaml")
    assert (run.code, json.loads(run.out)) == (0, [])


def test_json_column_is_null_without_a_place():
    [nowhere, line_only] = json.loads(_report("json", [NOWHERE, LINE_ONLY], []))
    assert (nowhere["line"], nowhere["column"]) == (None, None)
    assert (line_only["line"], line_only["column"]) == (3, None)


def test_json_keeps_non_ascii_text():
    finding = Finding("roles/café.yaml", 1, 1, Severity.ERROR, "r", "la ligne → ‘x’")
    assert json.loads(_report("json", [finding], []))[0]["message"] == "la ligne → ‘x’"


# github ----------------------------------------------------------------------------------------------------------

def test_github_annotations(cli, broken):
    run = cli("validate", "--format", "github")
    assert run.code == 1
    lines = run.out.splitlines()
    assert lines[0].startswith("::error file=roles/analyst.yaml,line=18,col=12,title=out-of-range::skills[1].level")
    assert lines[1].startswith("::warning file=teams/core-team.yaml,line=27,col=17,title=raci-consulted-informed::")
    assert len(lines) == 3 and not lines[2].startswith("::")


def test_text_stays_the_default_under_github_actions(cli, broken, monkeypatch):
    # cli.md makes text the default: a CI job (or a test suite run by one) reads the same output as a terminal
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert cli("validate").out.startswith("roles/analyst.yaml:18:12: error out-of-range: skills[1].level")
    assert cli("validate", "--format", "github").out.startswith("::error file=roles/analyst.yaml,line=18,col=12,")
    assert json.loads(cli("validate", "--format", "json").out)[0]["rule"] == "out-of-range"


def test_github_escapes_so_no_annotation_can_be_forged():
    evil = Finding("roles/a,b:c%.yaml", 2, 3, Severity.ERROR, "rule,x:y",
                   "50% done\n::warning file=forged.yaml::gotcha\r\nand more")
    out = _report("github", [evil], ["roles/a,b:c%.yaml"])
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0] == ("::error file=roles/a%2Cb%3Ac%25.yaml,line=2,col=3,title=rule%2Cx%3Ay::"
                        "50%25 done%0A::warning file=forged.yaml::gotcha%0D%0Aand more")
    assert sum(line.startswith("::") for line in lines) == 1


def test_github_finding_without_a_place():
    line = _report("github", [NOWHERE], ["roles/x.yaml"]).splitlines()[0]
    assert line == "::error file=roles/x.yaml,title=file-unreadable::cannot read the file"


def test_github_through_the_cli_with_a_strange_file_name(cli, tmp_path, monkeypatch):
    """A file name with ',' and ':' ends up in a property and in the message (id-matches-filename)."""
    monkeypatch.chdir(tmp_path)
    text = (FIXTURES / "valid" / "roles" / "analyst.yaml").read_text(encoding="utf-8")
    name = "odd,name:1.yaml"
    Path(name).write_text(text, encoding="utf-8")
    run = cli("validate", "--format", "github", name)
    assert run.code == 1
    [annotation, summary] = run.out.splitlines()
    assert annotation.startswith("::error file=odd%2Cname%3A1.yaml,line=3,col=5,title=id-matches-filename::")
    assert "odd,name:1" in annotation.split("::", 2)[2]


# SARIF -----------------------------------------------------------------------------------------------------------

def _check_sarif(document: dict) -> list[dict]:
    """A minimal structural check of SARIF 2.1.0: what code-scanning tools read."""
    assert document["version"] == "2.1.0"
    assert "sarif" in document["$schema"]
    [run] = document["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "roledocs" and driver["version"]
    rule_ids = [r["id"] for r in driver["rules"]]
    for result in run["results"]:
        assert result["level"] in ("error", "warning", "note")
        assert result["message"]["text"]
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        [location] = result["locations"]
        assert location["physicalLocation"]["artifactLocation"]["uri"]
    return run["results"]


def test_sarif(cli, broken):
    run = cli("validate", "--format", "sarif")
    assert run.code == 1
    results = _check_sarif(json.loads(run.out))
    assert [(r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
             r["locations"][0]["physicalLocation"]["region"]) for r in results] == [
        ("out-of-range", "error", "roles/analyst.yaml", {"startLine": 18, "startColumn": 12}),
        ("raci-consulted-informed", "warning", "teams/core-team.yaml", {"startLine": 27, "startColumn": 17})]
    rules = json.loads(run.out)["runs"][0]["tool"]["driver"]["rules"]
    assert all(r["shortDescription"]["text"] for r in rules)


def test_sarif_clean_and_without_a_place(cli, broken):
    assert _check_sarif(json.loads(cli("validate", "--format", "sarif", "roles/lead-engineer.yaml").out)) == []
    [result] = _check_sarif(json.loads(_report("sarif", [NOWHERE], ["roles/x.yaml"])))
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}  # GitHub needs a region


# JUnit -----------------------------------------------------------------------------------------------------------

def _junit(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    return ET.fromstring(text.encode("utf-8"))


def test_junit_one_case_per_file(cli, broken):
    run = cli("validate", "--format", "junit")
    assert run.code == 1
    root = _junit(run.out)
    cases = root.findall(".//testcase")
    assert sorted(c.get("name") for c in cases) == ["roledocs.yaml", "roles/analyst.yaml", "roles/edge-scalars.yaml",
                                                    "roles/lead-engineer.yaml", "teams/core-team.yaml"]
    failed = {c.get("name") for c in cases if c.find("failure") is not None}
    assert failed == {"roles/analyst.yaml"}
    suite = root.find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), root.get("failures")) == ("5", "1", "1")
    failure = next(c for c in cases if c.get("name") == "roles/analyst.yaml").find("failure")
    assert failure.get("type") == "out-of-range"
    assert "roles/analyst.yaml:18:12" in failure.text


def test_junit_strict_fails_warnings_too(cli, broken):
    root = _junit(cli("validate", "--format", "junit", "--strict").out)
    assert root.find("testsuite").get("failures") == "2"


def test_junit_escapes_markup():
    finding = Finding("roles/a.yaml", 1, 1, Severity.ERROR, "r", "<b>&amp;\"quoted\"</b> ]]>")
    root = _junit(_report("junit", [finding], ["roles/a.yaml"]))
    assert root.find(".//failure").get("message") == "<b>&amp;\"quoted\"</b> ]]>"


def test_every_format_is_a_cli_choice(cli, broken):
    for fmt in REPORTERS:
        run = cli("validate", "--format", fmt)
        assert run.code == 1 and run.out and "Traceback" not in run.err


def test_sarif_uris_are_percent_encoded():
    inside = f"{Path.cwd().as_posix()}/dir x/c.yaml"  # absolute, under the current folder (%SRCROOT% here)
    findings = [Finding("my roles/a b.yaml", 1, 1, Severity.ERROR, "yaml-syntax", "x"),
                Finding(inside, 2, 1, Severity.ERROR, "yaml-syntax", "y")]
    run = json.loads(_report("sarif", findings, ["my roles/a b.yaml", inside]))["runs"][0]
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]] == [
        "my%20roles/a%20b.yaml", "dir%20x/c.yaml"]


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "junit"])
def test_a_file_name_that_is_not_utf8_still_gives_utf8_output(fmt):
    """Python keeps such bytes as lone surrogates; written raw they would make JSON, SARIF and XML unreadable."""
    name = b"roles/bad\xffname.yaml".decode("utf-8", "surrogateescape")
    text = _report(fmt, [Finding(name, 1, 1, Severity.ERROR, "yaml-syntax", f"in {name}")], [name])
    text.encode("utf-8")  # no lone surrogate left
    assert "bad\ufffdname.yaml" in text or "bad%FFname.yaml" in text
    if fmt in ("json", "sarif"):
        json.loads(text)
    if fmt == "junit":
        ET.fromstring(text.encode("utf-8"))


def test_sarif_describes_built_in_checks_too():
    findings = [Finding("a.yaml", 1, 1, Severity.ERROR, "yaml-duplicate-key", "x")]
    run = json.loads(_report("sarif", findings, ["a.yaml"]))["runs"][0]
    rule = run["tool"]["driver"]["rules"][run["results"][0]["ruleIndex"]]
    assert rule["id"] == "yaml-duplicate-key" and rule["shortDescription"]["text"] != "yaml-duplicate-key"
