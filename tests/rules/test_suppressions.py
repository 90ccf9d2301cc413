"""Suppressions in the YAML (x-roledocs-allow): what they drop, and rules/quality/suppressions.py's checks of them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.rules.rulecase import QUALITY_NAME, QUALITY_ROLE, edit, findings, line_of, rules

SHORT = edit("Keep a short page for each data source in the wiki, with its owner, its refresh time\n      and the "
             "known gaps in its data.", "Attend meetings as needed.")
ON_DUTY = "    essential: false\n"


def _allow(text: str, where: str, entries: str) -> str:
    return edit(where, where + entries, text)


def test_a_suppression_on_the_element_drops_its_finding():
    assert "duty-description-length" in rules(SHORT)
    allowed = _allow(SHORT, ON_DUTY, "    x-roledocs-allow:\n      - rule: duty-description-length\n"
                                     "        reason: the wiki page says the rest\n")
    assert findings(allowed) == []


def test_a_suppression_at_the_top_covers_the_whole_file():
    text = SHORT + "x-roledocs-allow: [{rule: duty-description-length, reason: a draft for review}]\n"
    assert findings(text) == []


def test_a_suppression_elsewhere_does_not_apply():
    text = edit("  - id: run-pipelines\n", "  - id: run-pipelines\n    x-roledocs-allow: "
                "[{rule: duty-description-length, reason: not here}]\n", SHORT)
    assert rules(text) == ["duty-description-length"]


def test_a_suppression_names_only_its_rule():
    text = _allow(SHORT, ON_DUTY, "    x-roledocs-allow: [{rule: duty-vague-verb, reason: another rule}]\n")
    assert rules(text) == ["duty-description-length"]


@pytest.mark.parametrize("entries, message", [
    ("[{rule: duty-description-length}]", "no reason"),
    ("[{rule: duty-description-length, reason: '  '}]", "no reason"),
    ("[{rule: duty-descripton-length, reason: typo}]", "did you mean 'duty-description-length'?"),
    ("[{reason: forgot the rule}]", "names no rule"),
    ("[{rule: duty-description-length, reason: ok, until: 2027}]", "'until' is not a key"),
    ("[duty-description-length]", "is a mapping"),
    ("{rule: duty-description-length, reason: not a list}", "must be a list"),
    ("[{rule: yaml-duplicate-key, reason: we like it}]", "cannot be suppressed"),
])
def test_a_bad_suppression_is_an_error_and_suppresses_nothing(entries, message):
    text = _allow(SHORT, ON_DUTY, f"    x-roledocs-allow: {entries}\n")
    found = findings(text)
    bad = [f for f in found if f.rule == "suppression-invalid"]
    assert bad and all(f.severity.value == "error" for f in bad)
    assert any(message in f.message for f in bad), [f.message for f in bad]
    assert bad[0].line == line_of(text, "x-roledocs-allow")
    assert "duty-description-length" in [f.rule for f in found]


def test_a_suppression_in_a_team_file_is_checked_too(cli, example):
    path = example / "teams" / "it-delivery.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "x-roledocs-allow: [{rule: raci-idle, reason: typo}]\n",
                    encoding="utf-8")
    found = json.loads(cli("validate", "--format", "json", path).out)
    assert [(f["rule"], f["severity"]) for f in found] == [("suppression-invalid-team", "error")]
    assert "did you mean 'raci-idle-role'?" in found[0]["message"]


def test_findings_of_quality_rules_always_have_a_place():
    text = edit("title: Data Engineer", "title: Rockstar")
    text = edit("Builds and runs", "A young, aggressive person who helps with", text)
    text = edit(">= 98%", ">= 120%", text)
    found = findings(text + "x-other: 1\n")
    assert len({f.rule for f in found}) >= 4
    assert all(f.line and f.column for f in found)
    assert Path(QUALITY_NAME).is_file() and QUALITY_ROLE
