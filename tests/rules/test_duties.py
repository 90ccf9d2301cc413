"""Quality rules, one behaviour per test: a clean role (tests/fixtures/quality/data-engineer.yaml) broken one way."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import FIXTURES
from roledocs.check.validate import validate
from roledocs.rules import RULES

BASE = (FIXTURES / "quality" / "data-engineer.yaml").read_text(encoding="utf-8")
NAME = "data-engineer.yaml"


def edit(old: str, new: str, text: str = BASE) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def check(text: str, config: str = "") -> list:
    """Findings of the role file alone, or in a catalogue with this roledocs.yaml body."""
    Path(NAME).write_text(text, encoding="utf-8")
    if config:
        Path("roledocs.yaml").write_text("roledocs: 1\n" + config, encoding="utf-8")
    return validate([NAME]).findings


def rules(text: str, config: str = "") -> list[str]:
    return [f.rule for f in check(text, config)]


def line_of(text: str, needle: str, after: str = "") -> int:
    """The 1-based line of the first `needle` (after the first `after`)."""
    start = text.index(after) if after else 0
    return text.count("\n", 0, text.index(needle, start)) + 1


def only(findings, rule: str):
    [found] = [f for f in findings if f.rule == rule]
    return found


def test_the_base_role_is_clean():
    assert check(BASE) == []


# Measurable KPIs ----------------------------------------------------------------------------------------------

def test_an_essential_duty_without_a_kpi_is_reported_at_its_id():
    text = edit("duties: [build-pipelines, run-pipelines]", "duties: [build-pipelines]")
    found = only(check(text), "kpi-for-essential-duty")
    assert (found.line, found.column) == (line_of(text, "- id: run-pipelines"), 9)
    assert "'run-pipelines'" in found.message and found.severity.value == "warning"


def test_a_non_essential_duty_needs_no_kpi():
    assert "document-sources" not in " ".join(f.message for f in check(BASE))


def test_a_measure_without_a_quantity():
    text = edit("Share of nightly loads that finish without errors before six o'clock", "Happy analysts")
    found = only(check(text), "kpi-measure-quantity")
    assert found.line == line_of(text, "measure: Happy analysts")


@pytest.mark.parametrize("target", ['">= 120%"', '"90 - 110%"', '">= -5%"'])
def test_a_percentage_outside_0_to_100_is_an_error(target):
    found = only(check(edit('">= 98%"', target)), "kpi-target-percentage")
    assert found.severity.value == "error"


@pytest.mark.parametrize("target", ['"<= 100%"', '"0 - 5%"', '">= 120"'])
def test_percentages_inside_0_to_100_and_plain_numbers_pass(target):
    assert check(edit('">= 98%"', target)) == []


@pytest.mark.parametrize("kpi, duties, problem", [
    ("weekly", "[document-sources]", "more often"),
    ("yearly", "[build-pipelines]", "review it quarterly"),
    ("quarterly", "[run-pipelines]", "review it monthly"),
])
def test_a_kpi_frequency_that_does_not_fit_its_duties(kpi, duties, problem):
    text = edit("frequency: monthly\n    duties: [build-pipelines, run-pipelines]",
                f"frequency: {kpi}\n    duties: {duties}")
    found = only(check(text), "kpi-frequency-fit")
    assert problem in found.message and found.line == line_of(text, f"frequency: {kpi}", after="kpis:")


def test_as_needed_duties_are_not_compared():
    text = edit("frequency: monthly\n    essential: false", "frequency: as-needed\n    essential: false")
    text = edit("duties: [build-pipelines, run-pipelines]",
                "duties: [build-pipelines, run-pipelines, document-sources]", text)
    assert check(edit("frequency: monthly\n    duties", "frequency: weekly\n    duties", text)) == []


# Specific duties ----------------------------------------------------------------------------------------------

def test_a_short_description_and_the_configurable_bound():
    text = edit("Keep a short page for each data source in the wiki, with its owner, its refresh time\n      and the "
                "known gaps in its data.", "Document the sources.")
    found = only(check(text), "duty-description-length")
    assert "3 words" in found.message and found.line == line_of(text, "Document the sources.") - 1
    assert "duty-description-length" not in rules(text, "quality:\n  description_min_words: 3\n")


def test_a_long_description():
    text = edit("in the wiki,", "in the wiki, " + "and more words " * 30 + ",")
    assert "duty-description-length" in rules(text)


@pytest.mark.parametrize("start, flagged", [("The owner keeps", True), ("Responsibility: keep", True),
                                            ("Keeps", False), ("Prioritise and keep", False), ("To keep", False),
                                            ("Responsible for keeping", False)])
def test_a_description_starts_with_an_action_verb(start, flagged):
    text = edit("Keep a short page", f"{start} a short page")
    assert ("duty-action-verb" in rules(text)) is flagged


def test_a_vague_opener_alone():
    text = edit("Keep a short page for each data source in the wiki,",
                "Assist in the upkeep of the wiki pages for data,")
    found = only(check(text), "duty-vague-verb")
    assert "'assist in'" in found.message


def test_a_vague_opener_that_goes_on_to_say_what_is_done():
    text = edit("Keep a short page for each data source in the wiki,", "Support analysts by writing a page for each "
                "data source in the wiki,")
    assert check(text) == []


@pytest.mark.parametrize("tail", ["and other duties as assigned.", "and any other tasks.", "as required.", "etc."])
def test_catch_alls(tail):
    text = edit("and the known gaps in its data.", f"and the known gaps in its data, {tail}")
    assert "duty-catch-all" in rules(text)


def test_too_many_duties_and_the_configurable_limit():
    extra = "".join(f"  - id: extra-{i}\n    title: Extra duty\n    description: >-\n      Check the archive tables "
                    "every month and remove rows older than ten years, as the retention policy says.\n"
                    f"    essential: false\n" for i in range(6))
    text = edit("skills:", extra + "skills:").replace("    time_share: 50\n", "").replace("    time_share: 40\n", "") \
        .replace("    time_share: 10\n", "")
    found = only(check(text), "too-many-duties")
    assert "9 duties" in found.message and found.line == line_of(text, "duties:")
    assert "too-many-duties" not in rules(text, "quality:\n  max_duties: 9\n")


def test_too_many_essential_duties():
    text = BASE.replace("essential: false", "essential: true")
    assert "too-many-essential-duties" in rules(text, "quality:\n  max_essential_duties: 2\n")
    assert "too-many-essential-duties" not in rules(BASE, "quality:\n  max_essential_duties: 2\n")


# Inclusive wording --------------------------------------------------------------------------------------------

def test_gender_coded_words_are_listed_with_alternatives_and_the_balance():
    text = edit("Builds and runs", "An aggressive, dominant and nurturing engineer who builds and runs")
    findings = [f for f in check(text) if f.rule == "gender-coded-language"]
    assert [f.line for f in findings] == [line_of(text, "summary:")] * 2
    masculine, feminine = sorted(findings, key=lambda f: f.message)[::-1]
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
    found = only(check(text), rule)
    assert found.line == line_of(text, at, after="id:")
    assert found.message == message


# Readability --------------------------------------------------------------------------------------------------

DENSE = ("Operationalise enterprise-wide configuration-management capabilities, institutionalising standardised "
         "organisational governance methodologies across heterogeneous infrastructure.")


def test_hard_to_read_text_and_the_configurable_floor():
    text = edit("Keep a short page for each data source in the wiki, with its owner, its refresh time\n      and the "
                "known gaps in its data.", DENSE)
    found = only(check(text), "readability")
    assert "Flesch reading ease" in found.message
    assert "readability" not in rules(text, "quality:\n  readability_min: -1000\n")


def test_a_floor_no_text_can_reach_is_a_config_error():
    """`readability_min: 10**400` once crashed validate formatting the message; no text scores above 121."""
    huge = "1" + "0" * 400
    found = check(BASE, f"quality:\n  readability_min: {huge}\n")
    assert [(Path(f.path).name, f.rule) for f in found] == [("roledocs.yaml", "out-of-range")]
    assert "must be at most 121" in found[0].message
    assert rules(BASE, "quality:\n  readability_min: 121\n").count("readability") >= 1


def test_a_long_sentence():
    text = edit("and the known gaps in its data.", "and the known gaps in its data, " + "and one more thing " * 6 + ".")
    found = only(check(text), "sentence-length")
    assert "more than 35" in found.message


# Completeness -------------------------------------------------------------------------------------------------

def test_pay_range_is_off_by_default_and_on_when_asked():
    text = BASE[: BASE.index("compensation:")]
    assert check(text) == []
    assert "pay-range-required" not in rules(text, "lint:\n  quality: error\n")
    found = only(check(text, "lint:\n  pay-range-required: error\n"), "pay-range-required")
    assert found.severity.value == "error" and found.line == line_of(text, "title:")


def test_an_advanced_skill_needs_a_qualification_line():
    text = edit("3+ years of SQL on a data warehouse", "A degree in computer science")
    found = only(check(text), "qualification-for-advanced-skill")
    assert found.line == line_of(text, "    level: 4")
    assert "'SQL'" in found.message and "advanced" in found.message


def test_an_example_in_parentheses_supports_a_skill():
    text = edit("    level: 4\n    required: false", "    level: 4")
    assert "qualification-for-advanced-skill" in rules(text)
    assert check(edit("on a data warehouse", "on a data warehouse hosted on AWS", text)) == []


def test_a_summary_that_restates_the_title():
    text = edit(BASE[BASE.index("summary:"):BASE.index("duties:")], "summary: Data engineer doing data engineering.\n")
    assert only(check(text), "summary-restates-title").line == line_of(text, "summary:")


# The quality group --------------------------------------------------------------------------------------------

def test_the_quality_group_switches_the_family_off_but_not_placeholders():
    text = edit("title: Data Engineer", "title: TODO Data Ninja")
    assert sorted(set(rules(text))) == ["placeholder-text"]
    assert "jargon-title" in rules(edit("title: Data Engineer", "title: Data Ninja"))
    assert rules(edit("title: Data Engineer", "title: Data Ninja"), "lint:\n  quality: off\n") == []
    assert rules(BASE, "lint:\n  quality: warning\n") == []


def test_a_group_in_lint_is_not_an_unknown_rule():
    check(BASE, "lint:\n  quality: off\n  qualty: off\n")
    assert [(f.path, f.rule) for f in validate(["."]).findings] == [("roledocs.yaml", "unknown-rule")]


# The documentation's own examples ------------------------------------------------------------------------------

EXAMPLE = re.compile(r"\*\*(Bad|Good)\*\*: `(title|summary|description): ([^`]+)`")
THIRD = BASE[BASE.index("Keep a short page"):BASE.index("    time_share: 10")]
DOCUMENTED = [(rule_id, kind, field, " ".join(text.split())) for rule_id, current in sorted(RULES.items())
              for kind, field, text in EXAMPLE.findall(current.doc)]


def _with(field: str, text: str) -> str:
    if field == "title":
        return edit("title: Data Engineer", f"title: {text}")
    if field == "summary":
        return edit(BASE[BASE.index("summary:"):BASE.index("duties:")], f"summary: {text}\n")
    return edit(THIRD, f"{text}\n")


@pytest.mark.parametrize("rule_id, kind, field, text", DOCUMENTED, ids=[f"{d[0]}-{d[1]}" for d in DOCUMENTED])
def test_a_documented_example_does_what_it_says(rule_id, kind, field, text):
    assert (rule_id in rules(_with(field, text))) is (kind == "Bad")


def test_most_quality_rules_have_checked_examples():
    assert len({rule_id for rule_id, *_ in DOCUMENTED}) >= 10
