"""The rule tests' own ground: the quality base role is clean, and RuleCase fails on a missing or an extra finding."""
from __future__ import annotations

import pytest

from tests.rules.rulecase import QUALITY_ROLE, RuleCase, edit, findings

JARGON = RuleCase("jargon-title")
NINJA = edit("title: Data Engineer", "title: Data Ninja")


def test_the_quality_base_role_is_clean():
    assert findings(QUALITY_ROLE) == []


def test_a_check_names_every_finding():
    [found] = JARGON.check(NINJA, problem=(5, 8))
    assert found.rule == "jargon-title"
    JARGON.check(edit("Builds and runs", "A young engineer who builds and runs", NINJA),
                 problem1=(5, 8), problem2=(6, 10, "age-coded-language"))


@pytest.mark.parametrize("problems", [{}, {"problem": (5, 9)}, {"problem": (5, 8, "jargon")},
                                      {"problem1": (5, 8), "problem2": (6, 1)}])
def test_a_check_fails_on_a_missing_wrong_or_extra_problem(problems):
    with pytest.raises(AssertionError):
        JARGON.check(NINJA, **problems)
