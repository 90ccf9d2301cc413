"""rules/quality/wording.py: inclusive wording (gender- and age-coded, exclusionary) and jargon titles."""
from __future__ import annotations

import pytest

from tests.rules.rulecase import RuleCase, edit, findings, line_of, rules

GENDER_CODED = RuleCase("gender-coded-language")


def test_gender_coded_words_are_listed_with_alternatives_and_the_balance():
    text = edit("Builds and runs", "An aggressive, dominant and nurturing engineer who builds and runs")
    summary = line_of(text, "summary:")
    masculine, feminine = sorted(GENDER_CODED.check(text, problem1=(summary, 10), problem2=(summary, 10)),
                                 key=lambda f: f.message)[::-1]
    assert "'aggressive' and 'dominant'" in masculine.message and "for 'aggressive', try 'proactive'" in masculine.message
    assert feminine.message.startswith("feminine-coded word 'nurturing': try 'develop'. This file has ")
    assert "2 masculine- and 1 feminine-coded words (leans masculine)" in masculine.message


def test_ordinary_project_vocabulary_is_not_gender_coded():
    text = edit("Check the nightly loads", "Be responsible for the nightly loads against the objectives, check them")
    text = edit("  - name: Python", "  - name: Leadership\n    category: leadership\n    level: 2\n  - name: Python",
                text)
    text = edit("Builds and runs", "Offers a competitive salary; builds and runs", text)
    assert "gender-coded-language" not in rules(text)


def test_analytical_is_ordinary_for_an_analyst_only():
    text = edit("so that\n  analysts", "with analytical care, so that\n  analysts")
    assert "gender-coded-language" in rules(edit("title: Data Engineer", "title: Integration Engineer", text))
    assert "gender-coded-language" not in rules(edit("title: Data Engineer", "title: Systems Analyst", text))


@pytest.mark.parametrize("rule, old, new, at, message", [
    ("age-coded-language", "Builds and runs", "A young, energetic digital native who builds and runs", "summary:",
     "age-coded wording 'young', 'energetic' and 'digital native': for 'young', describe the work and the team, "
     "not an age; for 'energetic', try 'motivated'; for 'digital native', try 'skilled with digital tools'"),
    ("exclusionary-language", "3+ years of SQL on a data warehouse", "Native English speaker", "Native",
     "exclusionary wording 'native english speaker': try fluent in the language (e.g. 'fluent in German, level C1')"),
    ("jargon-title", "title: Data Engineer", "title: Data Ninja", "title:",
     "jargon 'ninja': say what the job is (e.g. 'expert')"),
    ("jargon-title", "title: Data Engineer", "title: Data Unicorn", "title:", "jargon 'unicorn': name the skills you need"),
    ("age-coded-language", "Builds and runs", "Overqualified people need not apply. Builds and runs", "summary:",
     "age-coded wording 'overqualified': leave it out"),
    ("age-coded-language", "Builds and runs", "Early in your career, with lots of energy, you build and run",
     "summary:", "age-coded wording 'early in your career' and 'lots of energy': for 'early in your career', try "
     "entry-level, or state the skills the job needs; for 'lots of energy', try 'motivated'"),
    ("age-coded-language", "3+ years of SQL on a data warehouse", "Grew up with social media", "Grew",
     "age-coded wording 'grew up with social media': try 'skilled with digital tools'"),
])
def test_age_exclusionary_and_jargon_wording(rule, old, new, at, message):
    text = edit(old, new)
    [found] = [f for f in findings(text) if f.rule == rule]
    assert found.line == line_of(text, at, after="id:")
    assert found.message == message
