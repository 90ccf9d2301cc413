"""rules/quality/duties.py: specific duties and a doable workload (what a duty acts on, its verb, vague openers,
catch-alls, duty counts). The duty texts here were written for these tests."""
from __future__ import annotations

import pytest

from tests.rules.rulecase import QUALITY_ROLE, RuleCase, edit, line_of, rules

DESCRIPTION_LENGTH = RuleCase("duty-description-length")
ACTION_VERB = RuleCase("duty-action-verb")
VAGUE_VERB = RuleCase("duty-vague-verb")
CATCH_ALL = RuleCase("duty-catch-all")
TOO_MANY = RuleCase("too-many-duties")
THIRD = ("Keep a short page for each data source in the wiki, with its owner, its refresh time\n"
         "      and the known gaps in its data.")
CLEAN = RuleCase("")  # a check with no problem given: the source draws no finding of any rule


def _third(description: str) -> tuple[str, tuple[int, int]]:
    """The clean role with the third duty's description replaced, and where a finding on it is reported."""
    text = edit(THIRD, description)
    return text, (line_of(text, description.split("\n")[0]) - 1, 18)


def test_a_description_that_names_nothing_to_act_on():
    text, at = _third("Attend meetings as needed.")
    [found] = DESCRIPTION_LENGTH.check(text, problem=at)
    assert "'meetings' could be any" in found.message and "e.g. 'Attend the weekly release meeting" in found.message


@pytest.mark.parametrize("description", [
    "Fix issues, then write down what was done.",   # the first action acts on nothing in particular
    "Provide support and help as required.",
])
def test_generic_objects_are_flagged(description):
    text, at = _third(description)
    DESCRIPTION_LENGTH.check(text, problem=at)


@pytest.mark.parametrize("description", [
    "Reconcile supplier invoices.",                  # terse, but says what is done to what
    "Set up and manage the shared drives of the sales team.",  # the verbs share their object
    "Count, label and shelve incoming stock.",
    "Answer questions from the sales team about the stock figures.",
])
def test_terse_descriptions_that_say_what_is_done_pass(description):
    CLEAN.check(_third(description)[0])


def test_the_fewest_words_are_configurable():
    text, at = _third("Reconcile invoices weekly.")
    CLEAN.check(text)
    [found] = DESCRIPTION_LENGTH.check(text, "quality:\n  description_min_words: 4\n", problem=at)
    assert "has 3 words" in found.message and "at least 4" in found.message


def test_a_long_description():
    text = edit("in the wiki,", "in the wiki, " + "and more words " * 30 + ",")
    assert "duty-description-length" in rules(text)


@pytest.mark.parametrize("start, flagged", [
    ("The owner keeps", True), ("Responsibility: keep", True), ("Keeps", False), ("Prioritise and keep", False),
    ("To keep", False), ("Responsible for keeping", False),
    ("Curate and keep", False),        # any verb of the lexicon, not a closed list
    ("Actively keep", False),          # an adverb before the verb
    ("Refactor and keep", False),      # a verb the lexicon lacks, listed in EXTRA_VERBS
    ("Wiki - Keep", True),             # a heading before the duty
    ("Be sure to keep", True), ("Stay on top of", True), ("May keep", True), ("Take ownership of", True),
    ("Kept", True),                    # a past form: what was done, not the duty
])
def test_a_description_starts_with_an_action_verb(start, flagged):
    text = edit("Keep a short page", f"{start} a short page")
    assert ("duty-action-verb" in rules(text)) is flagged


def test_a_description_that_starts_with_a_noun_says_so():
    text, at = _third("Documentation of a short page for each data source in the wiki.")
    [found] = ACTION_VERB.check(text, problem=at)
    assert "starts with 'Documentation', not a verb: start with what the person does" in found.message


def test_a_vague_opener_alone():
    text = edit("Keep a short page for each data source in the wiki,",
                "Assist in the upkeep of the wiki pages for data,")
    [found] = VAGUE_VERB.check(text, problem=(line_of(text, "Assist in") - 1, 18))
    assert "'assist in'" in found.message


@pytest.mark.parametrize("start", ["Assisting in the upkeep of", "Helps with", "Contributes to",
                                   "Work closely with the analysts to ensure the upkeep of",
                                   "Helping with the wiki, such as writing"])
def test_a_vague_opener_in_any_form_and_what_does_not_make_it_concrete(start):
    text = edit("Keep a short page for each data source in the wiki,", f"{start} a short page for each data source,")
    assert "duty-vague-verb" in rules(text)


@pytest.mark.parametrize("start", ["Support analysts by writing", "Work with the analysts to write", "Handle"])
def test_a_vague_opener_that_goes_on_to_say_what_is_done(start):
    CLEAN.check(edit("Keep a short page for each data source in the wiki,", f"{start} a page for each data source "
                     "in the wiki,"))


@pytest.mark.parametrize("tail", ["and other duties as assigned.", "and any other tasks.", "etc.",
                                  "and additional duties/responsibilities as assigned.",
                                  "and take on various admin activities."])
def test_catch_alls(tail):
    text = edit("and the known gaps in its data.", f"and the known gaps in its data, {tail}")
    CATCH_ALL.check(text, problem=(line_of(text, "Keep a short page") - 1, 18))


@pytest.mark.parametrize("tail", ["as required.", "(e.g. late loads, missing days, etc.)"])
def test_how_often_and_examples_are_no_catch_all(tail):
    CLEAN.check(edit("and the known gaps in its data.", f"and the known gaps in its data {tail}"))


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
