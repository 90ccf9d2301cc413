"""Specific duties and a doable workload: description length, action verbs, vague openers, catch-alls, duty counts."""
from __future__ import annotations

from functools import lru_cache

from ...findings import Severity
from ..registry import Problem, rule
from .text import descriptions, placeholder, role_words, setting, watch
from .verbs import (ACTION_VERBS, CATCH_ALL, CATCH_ALL_WORDS, CONNECTORS, NOT_VERBS, VAGUE_FIRST,
                            VAGUE_OPENER, VERB_SUFFIXES)


def vague_opener(analysed):
    """The vague phrase a text starts with ('assist in'), or None; the regex runs only after a cheap first-word test."""
    if not analysed.lower or analysed.lower[0] not in VAGUE_FIRST:
        return None
    return VAGUE_OPENER.match(analysed.phrase)


def base_form(word: str) -> str:
    """The verb a first word most likely stands for: 'Manages' -> 'manage', 'Applies' -> 'apply'."""
    word = word.lower()
    if word in ACTION_VERBS:
        return word
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and word[: -len(suffix)] + replacement in ACTION_VERBS:
            return word[: -len(suffix)] + replacement
    return word


@lru_cache(maxsize=4096)
def is_action_verb(word: str) -> bool:
    """A known action verb (any person), or a word shaped like one (-ise, -ize, -ify, -ate) that is not a noun."""
    base = base_form(word)
    if base in ACTION_VERBS:
        return True
    stem = base[:-1] if base.endswith("s") and not base.endswith("ss") else base
    return stem.endswith(VERB_SUFFIXES) and stem not in NOT_VERBS


@rule("duty-description-length", Severity.WARNING, group="quality",
      options={"description_min_words": 12, "description_max_words": 80})
def duty_description_length(document, catalogue):
    """A duty description is long enough to say what is done, how and to what standard, and no longer.

    The bounds are `quality: {description_min_words: 12, description_max_words: 80}` in roledocs.yaml.
    A shorter text leaves the reader guessing; a longer one hides several duties in one.

    **Bad**: `description: Testing.`

    **Good**: `description: Design test cases from the acceptance criteria, run them in each sprint and record
    every result in the test tool before the release.`
    """
    low, high = setting(catalogue, "description_min_words"), setting(catalogue, "description_max_words")
    for index, duty, text in descriptions(document):
        count = text.count
        if count < low:
            yield Problem(document, ("duties", index, "description"), f"the description of duty '{duty['id']}' has "
                          f"{count} words; say what is done, how and to what standard in at least {low} words")
        elif count > high:
            yield Problem(document, ("duties", index, "description"), f"the description of duty '{duty['id']}' has "
                          f"{count} words, more than {high}: split it into separate duties or cut repetition")


@rule("duty-action-verb", Severity.WARNING, group="quality")
def duty_action_verb(document, catalogue):
    """A duty description starts with an action verb: the thing the person does.

    "Responsible for testing" and "The tester ..." describe a state, not an action; start with the verb
    ("Test", "Design", "Report"; "Tests" is fine too).

    **Bad**: `description: The quality of each release is checked before it goes live.`

    **Good**: `description: Test each release against its acceptance criteria in the test environment before it
    goes live.`
    """
    for index, duty, text in descriptions(document):
        first = text.first
        if first.lower() == "to" and text.count > 1:
            first = text.words[1]
        if first and not is_action_verb(first) and not vague_opener(text):
            yield Problem(document, ("duties", index, "description"), f"the description of duty '{duty['id']}' "
                          f"starts with '{first}', not an action verb: start with what the person does "
                          "(e.g. 'Design', 'Test', 'Report')")


@rule("duty-vague-verb", Severity.WARNING, group="quality")
def duty_vague_verb(document, catalogue):
    """A duty does not rest on a vague verb alone ("help with", "assist in", "support", "be involved in").

    A vague opener is fine when the description goes on to say what is done ("Support users by answering
    their tickets within four working hours and logging every answer"); alone, nobody can tell when the duty
    is done well.

    **Bad**: `description: Assist in the preparation of project reports for the steering committee.`

    **Good**: `description: Draft the monthly project report and send it to the steering committee by the
    third working day.`
    """
    for index, duty, analysed in descriptions(document):
        match = vague_opener(analysed)
        if match is None:
            continue
        rest = analysed.lower[len(match.group().split()):]
        concrete = any(base_form(word) in ACTION_VERBS and before in CONNECTORS
                       for before, word in zip(rest, rest[1:]))
        if not concrete:
            yield Problem(document, ("duties", index, "description"), f"the duty '{duty['id']}' only says "
                          f"'{match.group(1)}': say what the person actually does, e.g. 'Draft the report' instead "
                          "of 'Assist in the preparation of the report'")


_CATCH_ALL_WORDS = watch(CATCH_ALL_WORDS)


@rule("duty-catch-all", Severity.WARNING, group="quality")
def duty_catch_all(document, catalogue):
    """No catch-all duties ("other duties as assigned", "any other tasks", "as required", "etc.").

    A catch-all makes the job open-ended: it cannot be planned, measured or refused. Write the extra work as
    a duty of its own, with its time share.

    **Bad**: `description: Maintain the test environments and perform other duties as assigned.`

    **Good**: `description: Refresh the test data and the test systems every sprint, together with the database
    team.`
    """
    duties = document.data["duties"]
    if _CATCH_ALL_WORDS.isdisjoint(role_words(document)) and \
            not any("so on" in duty["title"].lower() or "so on" in duty["description"].lower() for duty in duties):
        return  # one look at the role's words: most roles have no catch-all
    for index, duty in enumerate(duties):
        for key in ("title", "description"):
            match = None if placeholder(duty[key]) else CATCH_ALL.search(duty[key])
            if match:
                yield Problem(document, ("duties", index, key), f"the duty '{duty['id']}' has the catch-all "
                              f"'{match.group()}': name the extra work as a duty of its own, or remove it")
                break


@rule("too-many-duties", Severity.WARNING, group="quality", options={"max_duties": 8})
def too_many_duties(document, catalogue):
    """A role has at most `quality: {max_duties: 8}` duties.

    A role with a dozen duties is rarely doable by one person, and its duties are rarely specific; merge
    related duties or split the role.

    **Bad**: eleven duties, each 5-10% of the time. **Good**: five or six duties, each 10-30%.
    """
    limit, count = setting(catalogue, "max_duties"), len(document.data["duties"])
    if count > limit:
        yield Problem(document, ("duties",), f"the role has {count} duties, more than {limit}: merge related "
                      "duties or split the role so one person can do it well", at_key=True)


@rule("too-many-essential-duties", Severity.WARNING, group="quality", options={"max_essential_duties": 6})
def too_many_essential_duties(document, catalogue):
    """A role has at most `quality: {max_essential_duties: 6}` essential duties (`essential` defaults to true).

    Essential duties are the functions of the job (and what the job is judged on); more than a handful
    means the role is overloaded or the marking is careless. Mark occasional work `essential: false`.

    **Bad**: nine duties, all essential. **Good**: five essential duties and two with `essential: false`.
    """
    limit = setting(catalogue, "max_essential_duties")
    essential = [d for d in document.data["duties"] if d.get("essential", True)]
    if len(essential) > limit:
        yield Problem(document, ("duties",), f"the role has {len(essential)} essential duties, more than {limit}: "
                      "mark occasional duties 'essential: false', merge some, or split the role", at_key=True)
