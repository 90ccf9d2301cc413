"""Completeness: no unfilled placeholders, a pay range when required, qualifications behind advanced skills, and a
summary that says more than the title."""
from __future__ import annotations

import re
from functools import lru_cache

from ...findings import Severity
from ..registry import Problem, rule
from .text import PLACEHOLDER, analyse, placeholder, stem

LEVELS = {4: "advanced", 5: "expert"}
_GENERIC = frozenset("""
a an and or of the in on with for to by at as from its their our your this that these those is are be who which
skill skills knowledge ability abilities basic good strong proven solid
""".split())
_PARENTHESES = re.compile(r"\(([^)]*)\)")
MIN_NEW_WORDS = 5


def _new_words(text: str, known: frozenset[str]) -> int:
    """How many stems of the text's content words are not in `known`, counted up to MIN_NEW_WORDS: a summary
    usually shows enough within its first sentence, and the rest need not be stemmed."""
    new = set()
    for word in analyse(text).lower:
        if word not in _GENERIC and (found := stem(word)) not in known:
            new.add(found)
            if len(new) == MIN_NEW_WORDS:
                break
    return len(new)


@lru_cache(maxsize=256)
def _content(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in analyse(text).lower if w not in _GENERIC)


@lru_cache(maxsize=1024)
def _skill_terms(skill: str) -> tuple[frozenset[str], frozenset[str]]:
    """The stems a line must hold all of to name a skill, and the stems of the examples in its parentheses."""
    examples = {stem(w) for inner in _PARENTHESES.findall(skill) for w in analyse(inner).lower} - _GENERIC
    return _content(_PARENTHESES.sub(" ", skill)), frozenset(examples)


def supported(skill: str, lines: list[str]) -> bool:
    """Whether a qualification line names the skill: all its words, or one of the examples in its parentheses."""
    main, examples = _skill_terms(skill)
    for line in lines:
        words = _content(line)
        if (main and main <= words) or examples & words:
            return True
    return False


def _strings(data, location: tuple = ()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield location + (key,), key, True
            yield from _strings(value, location + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, location + (index,))
    elif isinstance(data, str):
        yield location, data, False


def _placeholders(document):
    if document.text is not None and "TODO" not in document.text:
        return  # the file's text is at hand right after loading: one search instead of a walk
    for location, text, is_key in _strings(document.data):
        if "TODO" in text and PLACEHOLDER.search(text):
            where = "key" if is_key else "text"
            yield Problem(document, location, f"this {where} is an unfilled placeholder ('{text.strip()[:60]}'): "
                          "replace the TODO with the real content", at_key=is_key)


@rule("placeholder-text", Severity.ERROR)
def placeholder_text(document, catalogue):
    """No unfilled placeholder: no text in a role file contains the upper-case word TODO.

    `roledocs new` writes skeletons full of "TODO ..." placeholders; a role published with one is unfinished.

    **Bad**: `title: TODO Job title`

    **Good**: `title: Data Engineer`
    """
    yield from _placeholders(document)


@rule("placeholder-text-team", Severity.ERROR, scope="team")
def placeholder_text_team(document, catalogue):
    """No unfilled placeholder in a team file (see placeholder-text).

    **Bad**: `mission: TODO Why the team exists`

    **Good**: `mission: Deliver technology projects that meet customer requirements, on schedule and in budget.`
    """
    yield from _placeholders(document)


@rule("pay-range-required", Severity.ERROR, group="quality", default_off=True)
def pay_range_required(document, catalogue):
    """Every role states its pay range (`compensation`). Off unless `lint: {pay-range-required: error}`.

    The EU pay-transparency directive (2023/970) and several US states (Colorado, California, New York,
    Washington) require the pay range in job ads or before the interview; a catalogue that publishes job ads
    turns this rule on.

    **Bad**: a role without `compensation:`.

    **Good**: `compensation: {currency: EUR, min: 58000, max: 78000, period: year}`
    """
    if "compensation" not in document.data:
        yield Problem(document, ("title",), f"the role '{document.data['id']}' states no pay range: add "
                      "'compensation: {currency: EUR, min: ..., max: ..., period: year}'", at_key=True)


@rule("qualification-for-advanced-skill", Severity.WARNING, group="quality", language="en")
def qualification_for_advanced_skill(document, catalogue):
    """A required skill above level 3 (advanced or expert) is backed by a qualification line that names it.

    Asking for an advanced skill without saying what shows it (years of experience, a degree, a certificate)
    leaves candidates and interviewers guessing. A line supports a skill when it contains all the words of the
    skill's name (ignoring "skills", "knowledge" and the like) or one of the examples in its parentheses.

    **Bad**: `skills: [{name: Risk management, level: 4}]` and no qualification line about risk management.

    **Good**: `qualifications: {experience: [Risk management on at least two projects above EUR 1 million]}`
    """
    sections = document.data.get("qualifications") or {}
    lines = [line for key, value in sections.items() if not key.startswith("x-") and isinstance(value, list)
             for line in value if isinstance(line, str)]
    for index, skill in enumerate(document.data["skills"]):
        if skill.get("required", True) and skill["level"] in LEVELS and not placeholder(skill["name"]) \
                and not supported(skill["name"], lines):
            yield Problem(document, ("skills", index, "level"), f"the skill '{skill['name']}' is required at level "
                          f"{skill['level']} ({LEVELS[skill['level']]}), but no qualification line supports it: add "
                          f"an experience, education or certification line that names it (e.g. '3+ years of "
                          f"{skill['name']}')")


@rule("summary-restates-title", Severity.WARNING, group="quality", language="en")
def summary_restates_title(document, catalogue):
    """The summary says what the role achieves and for whom, not just the title again.

    It is flagged when it has fewer than five words that are not the title's own (or filler words).

    **Bad**: `summary: Data engineer doing data engineering.` under `title: Data Engineer`

    **Good**: `summary: Checks that the software works as the customer needs before it is released, and
    gives developers early feedback on quality.`
    """
    title, summary = document.data["title"], document.data["summary"]
    if placeholder(title) or placeholder(summary):
        return
    if _new_words(summary, _content(title)) < MIN_NEW_WORDS:
        yield Problem(document, ("summary",), f"the summary adds little to the title '{title}': say in one to "
                      "three sentences what the role achieves, for whom, and how")
