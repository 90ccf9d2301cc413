"""rules/quality/completeness.py: placeholders, the pay range, qualifications for advanced skills, the summary."""
from __future__ import annotations

import json

from tests.rules.rulecase import QUALITY_ROLE, RuleCase, edit, line_of, rules

PAY_RANGE = RuleCase("pay-range-required")
ADVANCED_SKILL = RuleCase("qualification-for-advanced-skill")
PLACEHOLDER = RuleCase("placeholder-text")


def test_pay_range_is_off_by_default_and_on_when_asked():
    text = QUALITY_ROLE[: QUALITY_ROLE.index("compensation:")]
    PAY_RANGE.check(text)
    PAY_RANGE.check(text, "lint:\n  quality: error\n")
    [found] = PAY_RANGE.check(text, "lint:\n  pay-range-required: error\n", problem=(line_of(text, "title:"), 1))
    assert found.severity.value == "error"


def test_an_advanced_skill_needs_a_qualification_line():
    text = edit("3+ years of SQL on a data warehouse", "A degree in computer science")
    [found] = ADVANCED_SKILL.check(text, problem=(line_of(text, "    level: 4"), 12))
    assert "'SQL'" in found.message and "advanced" in found.message


def test_an_example_in_parentheses_supports_a_skill():
    text = edit("    level: 4\n    required: false", "    level: 4")
    assert "qualification-for-advanced-skill" in rules(text)
    ADVANCED_SKILL.check(edit("on a data warehouse", "on a data warehouse hosted on AWS", text))


def test_a_summary_that_restates_the_title():
    text = edit(QUALITY_ROLE[QUALITY_ROLE.index("summary:"):QUALITY_ROLE.index("duties:")],
                "summary: Data engineer doing data engineering.\n")
    RuleCase("summary-restates-title").check(text, problem=(line_of(text, "summary:"), 10))


# Placeholders left by `roledocs new` ---------------------------------------------------------------------------

def test_an_unfilled_role_skeleton_fails_with_placeholder_findings_only(cli):
    assert cli("new", "role", "data-analyst").code == 0
    run = cli("validate", "--format", "json", "data-analyst.yaml")
    found = json.loads(run.out)
    assert run.code == 1
    assert {f["rule"] for f in found} == {"placeholder-text"}
    assert len(found) >= 8 and all(f["line"] and f["column"] for f in found)
    assert any("TODO Job title" in f["message"] for f in found)


def test_a_placeholder_in_a_team_file(cli, example):
    path = example / "teams" / "it-delivery.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: IT Delivery Team", "name: TODO Team name"),
                    encoding="utf-8")
    found = json.loads(cli("validate", "--format", "json", path).out)
    assert [(f["rule"], f["line"]) for f in found] == [("placeholder-text-team", 5)]


def test_only_the_upper_case_word_todo_is_a_placeholder():
    PLACEHOLDER.check(edit("Check the nightly loads", "Check the todo list and the nightly loads"))
    PLACEHOLDER.check(edit("Check the nightly loads", "Check the TODOS and the nightly loads"))
    PLACEHOLDER.check(edit("title: Data Engineer", "title: Data Engineer TODO"), problem=(5, 8))
