"""Inclusive wording: gender-coded words, age-coded and exclusionary phrases, jargon titles, each with a neutral
alternative (the word lists and their sources are in lexicon.py and phrases.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...findings import Severity
from ..registry import Problem, rule
from .english import FUNCTION_WORDS, categories
from .lexicon import (AGE, EXCLUSION, GENDER, JARGON, LIST_WORDS, PERSON_AFTER, PERSON_BEFORE, PERSON_PRONOUNS, TERMS,
                      WORKPLACE)
from .openers import opening
from .phrases import PHRASE_GATES, PHRASES
from .text import analyse, per_document, prose, role_words, watch, words_of

_SINGLE = {key: term for key, term in TERMS.items() if "-" not in key}
_PAIRS = {tuple(key.split("-")): term for key, term in TERMS.items() if "-" in key}
# A text with none of these words holds no coded word, and is not looked at word by word (a pair needs its last
# word: "self-reliant" needs "reliant").
_WORDS = watch(frozenset(_SINGLE) | {pair[-1] for pair in _PAIRS})
_PHRASE = re.compile("|".join(f"(?<= )(?P<p{i}>{phrase.pattern})(?= )" for i, phrase in enumerate(PHRASES)))
# Fields whose every line describes the person wanted, and fields that never do.
_ABOUT_THE_PERSON = ("qualification", "skill")
_NEVER_THE_PERSON = ("title", "duty-title", "kpi-name", "kpi-measure")


_PHRASE_WORDS = watch(frozenset().union(*PHRASE_GATES))
_GATES_WITH = {word: [gate for gate in PHRASE_GATES if word in gate] for word in _PHRASE_WORDS}


def _may_hold_phrase(words) -> bool:
    """Whether all the words of some phrase's gate are present (only gates with a word present are looked at)."""
    found = _PHRASE_WORDS.intersection(words)
    return any(gate <= found for word in found for gate in _GATES_WITH[word])


@dataclass(frozen=True)
class Hit:
    """One coded word or phrase found in a text."""

    rule: str
    word: str
    alternative: str
    code: str = ""
    neutral_roles: frozenset = frozenset()


def _describes_person(lower: tuple[str, ...], start: int, end: int, trait_line: bool, text: str,
                      field: str) -> bool:
    """Whether the word at lower[start:end + 1] describes a person or the workplace: "be persistent", "a driven
    engineer", "as driven as", "you are confident", or, in a line about the person wanted ("Cheerful under
    pressure", "Patience, kindness and empathy"), any word not followed by the thing it describes; in a skill's
    name ("Aggressive negotiation"), any word."""
    before = lower[start - 1] if start else ""
    after = lower[end + 1] if end + 1 < len(lower) else ""
    if before in PERSON_BEFORE or any(w in PERSON_AFTER for w in lower[end + 1:end + 3]) or \
            after in WORKPLACE or (before == "as" and after == "as"):
        return True
    if before in ("are", "is", "was", "were") and start > 1 and lower[start - 2] in PERSON_PRONOUNS:
        return True
    if not trait_line:
        return False
    return field == "skill" or not after or after in FUNCTION_WORDS or "noun" not in categories(after) or \
        re.search(rf"\b{re.escape(lower[end])}\W*,", text.lower()) is not None


def _as_written(text: str, words: str) -> str:
    """A phrase found among a text's words, with the text's punctuation ("m f" as "m/f", "16 18" as "16-18")."""
    found = re.search(r"[\W_]+".join(map(re.escape, words.split())), text, re.IGNORECASE)
    return found.group().lower() if found else words


def _trait_line(text: str, field: str) -> bool:
    """Whether a text is a line about the person wanted: a qualification or skill, or a line that does not start
    with a verb the way a duty does ("Strong commitment to ...", "Winner mindset")."""
    if field in _ABOUT_THE_PERSON:
        return True
    return field not in _NEVER_THE_PERSON and not opening(text).verb_start


def _listed_with(lower: tuple[str, ...], i: int, found: set[int]) -> bool:
    """Whether the word stands in a list next to a word already counted ("confident, logical and driven")."""
    for step in (-1, 1):
        j = i + step
        if j in found or (0 <= j < len(lower) and lower[j] in LIST_WORDS and j + step in found):
            return True
    return False


def _terms_in(lower: tuple[str, ...]):
    """(start, end, term, word as found) of each coded word; a pair ("self-reliant") wins over its last word."""
    for i, word in enumerate(lower):
        pair = _PAIRS.get((lower[i - 1], word)) if i else None
        if pair is not None:
            yield i - 1, i, pair, f"{lower[i - 1]}-{word}"
        elif word in _SINGLE:
            yield i, i, _SINGLE[word], word


@lru_cache(maxsize=256)
def scan(text: str, field: str = "") -> tuple[Hit, ...]:
    """Coded words and phrases in a text, given the kind of field it sits in (see text.FIELD_KINDS)."""
    analysed = analyse(text)
    lower = analysed.lower
    terms, phrases = not _WORDS.isdisjoint(lower), _may_hold_phrase(lower)
    if not (terms or phrases):
        return ()
    found: dict[int, Hit] = {}
    waiting: list[tuple[int, Hit]] = []
    trait_line = None
    for start, end, term, word in _terms_in(lower) if terms else ():
        if field in term.neutral_fields:
            continue
        if (start and lower[start - 1] in term.neutral_before) or \
                (end + 1 < len(lower) and lower[end + 1] in term.neutral_after):
            continue
        hit = Hit(term.rule, word, term.alternative, term.code, term.neutral_roles)
        if trait_line is None and term.person_only:
            trait_line = _trait_line(text, field)
        if term.person_only and not _describes_person(lower, start, end, trait_line, text, field):
            waiting.append((start, hit))
            continue
        found[start] = hit
    counted = set(found)
    for start, hit in waiting:
        if _listed_with(lower, start, counted):
            found[start] = hit
    hits = [found[i] for i in sorted(found)]
    if phrases:
        for match in _PHRASE.finditer(analysed.phrase):
            phrase = PHRASES[int(match.lastgroup[1:])]
            hits.append(Hit(phrase.rule, _as_written(text, match.group()), phrase.advice, phrase.code))
    return tuple(hits)


def inclusive_hits(text: str, field: str = "", title: str = "") -> list[Hit]:
    """Coded words and phrases in one text of a role with this title (an analyst's 'analytical' is ordinary)."""
    hits = scan(text, field)
    if not hits or not title:
        return list(hits)
    title_words = set(analyse(title).lower)
    return [h for h in hits if not (h.neutral_roles and h.neutral_roles & title_words)]


@per_document
def hits_in(document) -> list[tuple[tuple, list[Hit]]]:
    """Every field of a role with the coded words found in it."""
    present = role_words(document)
    if _WORDS.isdisjoint(present) and not _may_hold_phrase(present):
        return []  # one look at the whole file instead of one per field: most files have nothing to find
    result = []
    for location, field, text in prose(document):
        hits = inclusive_hits(text, field, document.data["title"])
        if hits:
            result.append((location, hits))
    return result


# Advice that is already an instruction ("describe the work ...") is given as it is; a word is offered to try.
_INSTRUCTIONS = ("describe ", "state ", "name ", "say ", "write ")


def _advice(alternative: str, jargon: bool = False) -> str:
    if alternative == "(leave out)":
        return "leave it out"
    if alternative.startswith(_INSTRUCTIONS):
        return alternative
    plain = not any(mark in alternative for mark in "',()/")  # one word or a short phrase, not a list of options
    if jargon and plain:
        return f"say what the job is (e.g. '{alternative}')"
    return f"try '{alternative}'" if plain else f"try {alternative}"


def _suggest(hits: list[Hit], jargon: bool = False) -> str:
    """What to write instead: one piece of advice when it fits every word, else one for each word."""
    seen: dict[str, str] = {}
    for hit in hits:
        seen.setdefault(hit.word, hit.alternative)
    if len(set(seen.values())) == 1:
        return _advice(next(iter(seen.values())), jargon)
    return "; ".join(f"for '{word}', {_advice(alternative, jargon)}" for word, alternative in seen.items())


def _balance(masculine: int, feminine: int) -> str:
    lean = "leans masculine" if masculine > feminine else "leans feminine" if feminine > masculine else "balanced"
    return f"This file has {masculine} masculine- and {feminine} feminine-coded words ({lean})"


def _coded(document, rule_id: str):
    for location, hits in hits_in(document):
        mine = [h for h in hits if h.rule == rule_id]
        if mine:
            yield location, mine


@rule("gender-coded-language", Severity.WARNING, scope="role", group="quality", language="en")
def gender_coded_language(document, catalogue):
    """No gender-coded words (Gaucher, Friesen & Kay, 2011) about the person wanted or the workplace.

    Job ads full of masculine-coded words ("competitive", "dominant", "driven") make women less likely to
    apply, without making the job look any different to men; feminine-coded words weigh the other way, more
    weakly. A word counts where it describes the person or the workplace ("a driven engineer", "be persistent",
    "as driven as", "a competitive environment", a requirement line such as "Cheerful under pressure" or "Winner
    mindset"), not a thing or an action: "ambitious projects", "champion clean code", "nurture the adoption of",
    "competitive salary", "independent testing", "sensitive data". Combative metaphors count too ("smash the
    targets", "lead the sales charge"). The message lists the words, what to write instead (for a trait, often the
    behaviour the job needs: "listen to customers and solve their problem" for "empathy") and the balance of the
    whole file.

    **Bad**: `summary: A competitive, driven leader who dominates the market.`

    **Good**: `summary: Leads the delivery team and agrees priorities with the customer every sprint.`
    """
    found = list(_coded(document, GENDER))
    masculine = sum(h.code == "masculine" for _, hits in found for h in hits)
    feminine = sum(h.code == "feminine" for _, hits in found for h in hits)
    for location, hits in found:
        for code in ("masculine", "feminine"):
            words = [h for h in hits if h.code == code]
            if words:
                kind = "wording" if any(" " in h.word for h in words) else "word" if len(words) == 1 else "words"
                yield Problem(document, location, f"{code}-coded {kind} "
                              f"{words_of(dict.fromkeys(h.word for h in words))}: {_suggest(words)}. "
                              f"{_balance(masculine, feminine)}")


def _phrase_rule(document, rule_id: str, what: str):
    for location, hits in _coded(document, rule_id):
        words = list(dict.fromkeys(h.word for h in hits))
        yield Problem(document, location, f"{what} {words_of(words)}: {_suggest(hits, rule_id == JARGON)}")


@rule("age-coded-language", Severity.WARNING, scope="role", group="quality", language="en")
def age_coded_language(document, catalogue):
    """No words that ask for a young applicant ("young", "digital native", "recent graduate", "energetic",
    "dynamic team") or an age ("16-18 year olds", "aged 20 to 30").

    Age-coded wording discourages older applicants and can breach age-discrimination law (the EU equal
    treatment directive, the US ADEA). So does a cap on experience ("no more than 5 years of experience"), and so
    do "early in your career", "lots of energy" and "grew up with the internet". Where a law or a funding scheme
    sets an age, name the scheme.

    **Bad**: `summary: Join our young, energetic team; ideal for a recent graduate.`

    **Good**: `summary: Join a friendly team that ships every two weeks; training is provided.`
    """
    yield from _phrase_rule(document, AGE, "age-coded wording")


@rule("exclusionary-language", Severity.WARNING, scope="role", group="quality", language="en")
def exclusionary_language(document, catalogue):
    """No phrases that shut out applicants for who they are ("native speaker", "he will", "able-bodied", "(m/f)")
    or for what their life allows ("long hours", "available at all times", "overtime without complaining").

    Ask for the ability the job needs (a language level, the essential duties) rather than an origin, a gender
    or a body; use "they" or "you" for the person in the role, and neutral nouns ("person-days", "chair"). State
    the hours and how extra hours are paid instead of open-ended availability, which shuts out carers. Name the
    values you share rather than people "who think like us", and leave mental-health words out of praise
    ("obsessive attention to detail").

    **Bad**: `qualifications: {experience: [Native English speaker; he will report to the CTO]}`

    **Good**: `qualifications: {experience: [Fluent English (C1); you report to the CTO]}`
    """
    yield from _phrase_rule(document, EXCLUSION, "exclusionary wording")


@rule("jargon-title", Severity.WARNING, scope="role", group="quality", language="en")
def jargon_title(document, catalogue):
    """No jargon job titles or boasts ("rockstar", "ninja", "guru", "wizard", "hacker").

    Such titles say nothing about the job, do not match what people search for, and read as written for a
    narrow, mostly young and male group. Name the job and its level. ("Ethical hacker" and a "setup wizard"
    are left alone.)

    **Bad**: `title: Python Ninja`

    **Good**: `title: Senior Python Developer`
    """
    yield from _phrase_rule(document, JARGON, "jargon")
