"""Specific duties and a doable workload: what a duty acts on, its opening verb, vague openers, catch-alls, and duty
counts."""
from __future__ import annotations

from ...findings import Severity
from ..registry import Problem, rule
from .openers import Tokens, examples_start, opening
from .text import descriptions, placeholder, role_words, setting, watch, words_of
from .verbs import CATCH_ALL, CATCH_ALL_WORDS, GENERIC, OPEN_LIST


@rule("duty-description-length", Severity.WARNING, group="quality",
      options={"description_min_words": 3, "description_max_words": 80}, language="en")
def duty_description_length(document, catalogue):
    """A duty description says what is done and to or for what, and is not so long that it hides several duties.

    After its opening verbs ("Create, maintain, and enter") a description names what the work acts on: "Confer
    with project personnel to identify and resolve problems" does, "Attend meetings as needed" does not
    (meetings, tasks, issues and support could be any, and "as needed" only says when). Terse is fine:
    "Administer employee benefit plans" is complete in four words. The bounds are `quality:
    {description_min_words: 3, description_max_words: 80}` in roledocs.yaml; a description that starts with no
    verb is left to duty-action-verb.

    **Bad**: `description: Attend meetings as needed.`

    **Good**: `description: Confer with project personnel to identify and resolve problems.`
    """
    low, high = setting(catalogue, "description_min_words"), setting(catalogue, "description_max_words")
    for index, duty, text in descriptions(document):
        where, count = ("duties", index, "description"), text.count
        if count > high:
            yield Problem(document, where, f"the description of duty '{duty['id']}' has {count} words, more than "
                          f"{high}: split it into separate duties or cut repetition")
            continue
        named = opening(duty["description"]).named
        incomplete = named is not None and set(named) <= GENERIC
        if (count < low or incomplete) and catch_all(duty["description"]):
            continue  # duty-catch-all says what to do
        if count < low:
            yield Problem(document, where, f"the description of duty '{duty['id']}' has {count} words: say what is "
                          f"done, to or for what, and why in at least {low}, e.g. 'Reconcile supplier invoices "
                          "with the orders every week'")
        elif incomplete:
            vague = f" ({words_of(dict.fromkeys(named))} could be any)" if named else ""
            yield Problem(document, where, f"the description of duty '{duty['id']}' does not say what the work acts "
                          f"on{vague}: name it, and why or to what standard, e.g. 'Attend the weekly release "
                          "meeting and record the agreed dates in the release plan'")


@rule("duty-action-verb", Severity.WARNING, group="quality", language="en")
def duty_action_verb(document, catalogue):
    """A duty description starts with a verb that names the work: what the person does.

    Any English verb will do (from the lexicon: "Confer", "Greet", "Fasten", "Triage"), in the imperative or as
    "Tests" or "Testing", with an adverb before it if need be ("Actively recruit"). Flagged: a noun phrase or a
    heading ("Documentation of the ...", "Leadership - ..."), a state or a hedge ("Be resourceful", "Stay
    abreast of", "May create"), a past form ("Managed"), and phrases that name no work ("Take ownership of",
    "Make sure ...").

    **Bad**: `description: The quality of each release is checked before it goes live.`

    **Good**: `description: Test each release against its acceptance criteria in the test environment before it
    goes live.`
    """
    for index, duty, _ in descriptions(document):
        text = duty["description"]
        start = opening(text)
        why = start.no_action
        if why and not start.vague:
            yield Problem(document, ("duties", index, "description"), f"the description of duty '{duty['id']}' "
                          f"{why}: start with what the person does, e.g. 'Test each release before it goes live' "
                          "rather than 'Be responsible for quality'")


@rule("duty-vague-verb", Severity.WARNING, group="quality", language="en")
def duty_vague_verb(document, catalogue):
    """A duty does not rest on a vague opener ("help with", "assist in", "support", "contribute to", "be
    responsible for", "work with"), in any form ("Assisting in", "Supports").

    A vague opener is fine when the description goes on to say what the person does: how ("Support users by
    answering their tickets within four working hours"), what else ("... and send it"), or, after "work with",
    what for ("Work with the database administrator to tune slow queries"). Examples after "such as" do not count,
    nor verbs that are vague themselves ("... to ensure ...", "... and encourage ...").

    **Bad**: `description: Assist in the preparation of project reports for the steering committee.`

    **Good**: `description: Draft the monthly project report and send it to the steering committee by the
    third working day.`
    """
    for index, duty, _ in descriptions(document):
        found = opening(duty["description"]).vague
        if found is not None and not found[1]:
            yield Problem(document, ("duties", index, "description"), f"the duty '{duty['id']}' only says "
                          f"'{found[0]}': say what the person actually does, e.g. 'Draft the report' instead of "
                          "'Assist in the preparation of the report'")


_CATCH_ALL_WORDS = watch(CATCH_ALL_WORDS)


def _illustrates(text: str, at: int) -> bool:
    """Whether an "etc." at `at` ends a list of examples (in parentheses, or after "such as", "e.g.", ...)."""
    before = text[:at]
    if before.count("(") > before.count(")"):
        return True
    words = Tokens(before).words(0)
    return examples_start(words) < len(words)


def catch_all(text: str) -> str | None:
    """The catch-all phrase of a text, or None: one that opens the job's scope, not an "etc." ending examples."""
    for match in CATCH_ALL.finditer(text):
        if match.group().lower() not in OPEN_LIST or not _illustrates(text, match.start()):
            return match.group()
    return None


@rule("duty-catch-all", Severity.WARNING, group="quality", language="en")
def duty_catch_all(document, catalogue):
    """No catch-all duties: "other duties as assigned", "any other tasks", "various activities", a duty's list of
    work ending in "etc.".

    A catch-all makes the job open-ended: it cannot be planned, measured or refused. Write the extra work as a
    duty of its own, with its time share. Saying how often a named duty recurs is not a catch-all ("Attend the
    release meeting as needed"), nor is "etc." at the end of examples ("reports (e.g. sales, stock, etc.)").

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
            found = None if placeholder(duty[key]) else catch_all(duty[key])
            if found:
                yield Problem(document, ("duties", index, key), f"the duty '{duty['id']}' has the catch-all "
                              f"'{found}': name the extra work as a duty of its own with its time share (e.g. "
                              "'Cover the front desk during the receptionist's leave'), or remove it")
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
