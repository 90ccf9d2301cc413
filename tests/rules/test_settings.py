"""rules/settings.py and the `lint:` groups: a group sets a family of rules and is not an unknown rule."""
from __future__ import annotations

from roledocs.check.validate import validate
from tests.rules.rulecase import QUALITY_ROLE, edit, findings, rules


def test_the_quality_group_switches_the_family_off_but_not_placeholders():
    text = edit("title: Data Engineer", "title: TODO Data Ninja")
    assert sorted(set(rules(text))) == ["placeholder-text"]
    assert "jargon-title" in rules(edit("title: Data Engineer", "title: Data Ninja"))
    assert rules(edit("title: Data Engineer", "title: Data Ninja"), "lint:\n  quality: off\n") == []
    assert rules(QUALITY_ROLE, "lint:\n  quality: warning\n") == []


def test_a_group_in_lint_is_not_an_unknown_rule():
    findings(QUALITY_ROLE, "lint:\n  quality: off\n  qualty: off\n")
    assert [(f.path, f.rule) for f in validate(["."]).findings] == [("roledocs.yaml", "unknown-rule")]
