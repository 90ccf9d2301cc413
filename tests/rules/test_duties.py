"""rules/quality/duties.py: specific duties and a doable workload (length, verbs, catch-alls, duty counts)."""
from __future__ import annotations

import pytest

from tests.rules.rulecase import QUALITY_ROLE, RuleCase, edit, line_of, rules

DESCRIPTION_LENGTH = RuleCase("duty-description-length")
VAGUE_VERB = RuleCase("duty-vague-verb")
TOO_MANY = RuleCase("too-many-duties")
THIRD = ("Keep a short page for each data source in the wiki, with its owner, its refresh time\n"
         "      and the known gaps in its data.")


def test_a_short_description_and_the_configurable_bound():
    text = edit(THIRD, "Document the sources.")
    [found] = DESCRIPTION_LENGTH.check(text, problem=(line_of(text, "Document the sources.") - 1, 18))
    assert "3 words" in found.message
    DESCRIPTION_LENGTH.check(text, "quality:\n  description_min_words: 3\n")


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
    [found] = VAGUE_VERB.check(text, problem=(line_of(text, "Assist in") - 1, 18))
    assert "'assist in'" in found.message


def test_a_vague_opener_that_goes_on_to_say_what_is_done():
    VAGUE_VERB.check(edit("Keep a short page for each data source in the wiki,", "Support analysts by writing a page "
                          "for each data source in the wiki,"))


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
    [found] = TOO_MANY.check(text, problem=(line_of(text, "duties:"), 1))
    assert "9 duties" in found.message
    TOO_MANY.check(text, "quality:\n  max_duties: 9\n")


def test_too_many_essential_duties():
    text = QUALITY_ROLE.replace("essential: false", "essential: true")
    assert "too-many-essential-duties" in rules(text, "quality:\n  max_essential_duties: 2\n")
    assert "too-many-essential-duties" not in rules(QUALITY_ROLE, "quality:\n  max_essential_duties: 2\n")
