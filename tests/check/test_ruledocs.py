"""`roledocs rules`: the list, one rule's documentation, and docs/rules.md generated from the rules."""
from __future__ import annotations

import pytest

from tests.support import REPO
from roledocs.source.checks import CHECKS
from roledocs.rules import RULES

QUALITY = sorted(r.id for r in RULES.values()
                 if r.group == "quality" or r.id.startswith(("placeholder", "suppression")))


def test_the_list_has_every_rule_with_its_default(cli):
    run = cli("rules")
    assert run.code == 0
    lines = {line.split()[0]: line.split()[1] for line in run.out.splitlines()}
    assert set(lines) == set(RULES) | set(CHECKS)  # the built-in checks too: tests/source/test_checks.py
    assert (lines["pay-range-required"], lines["gender-coded-language"], lines["placeholder-text"]) == \
           ("off", "warning", "error")


@pytest.mark.parametrize("rule_id", QUALITY)
def test_each_quality_rule_documents_a_bad_and_a_good_example(rule_id, cli):
    run = cli("rules", rule_id)
    assert run.code == 0
    assert run.out.startswith(f"{rule_id}  (default: ")
    assert "**Bad**" in run.out and "**Good**" in run.out


def test_an_unknown_rule_is_a_usage_error_with_a_guess(cli):
    run = cli("rules", "gender-coded")
    assert run.code == 2 and "did you mean 'gender-coded-language'?" in run.err


def test_one_rule_as_markdown(cli):
    run = cli("rules", "readability", "--format", "markdown")
    assert run.out.startswith("### readability\n\n*Default: warning;")


def test_docs_page_is_up_to_date(cli):
    """docs/rules.md is generated: run `roledocs rules --format markdown > docs/rules.md` after changing a rule."""
    page = cli("rules", "--format", "markdown").out
    assert (REPO / "docs" / "rules.md").read_text(encoding="utf-8") == page
    assert "x-roledocs-allow" in page and "| `readability_min` | 30 |" in page
    assert all(f"### {rule_id}\n" in page for rule_id in RULES)


def test_rules_help_has_an_example(cli):
    run = cli("rules", "--help")
    assert run.code == 0 and "example" in run.out and "--format" in run.out
