"""How a duty description starts: its opening verbs, whether they name work, a vague opener, and what the work acts on.

Text is read as whitespace-separated tokens (word lower-cased without punctuation, word as written, whether a
comma or slash follows), so that "Co-ordinate", "cross-functionally" and "e.g." stay whole; a token followed by a
comma or slash, or an "and"/"or", joins the next verb to the opening ("Create, maintain, and enter ...",
"Tailor/master ..."). Only the first tokens are read unless more are needed: most duties show at once that they
start with a verb and act on something.
"""
from __future__ import annotations

import re
import string
from functools import lru_cache
from typing import NamedTuple

from .english import FUNCTION_WORDS, categories, verb_form
from .verbs import (EXAMPLE_MARKERS, GENERIC, HELPERS, LIGHT_PHRASES, OBJECT_STARTS, PARTNERS, STATES, VAGUE_LEMMAS,
                    WHEN)

Token = tuple  # (word, written, joins)
_PUNCTUATION = string.punctuation + "’‘“”–—…"
_CLOSING = "”’\"')"
_JOINING = (",", "/")
_HEADING = re.compile(r"\s*([^\s.:;!?()][^.:;!?()\n]{0,40}?)(?:\s+[-–—]\s+|:\s+)\S")
_MAY_BE_HEADING = re.compile(r":| - |–|—")
_JOINERS = ("and", "or", "&", "then")
_OPENERS = [(kind, phrase.split()) for kind, phrases in (("partner", PARTNERS), ("helper", HELPERS))
            for phrase in phrases]
_OPENER_FIRST = frozenset(parts[0] for _, parts in _OPENERS)
EAGER = 4  # tokens read at once: most duties show in their first few words how they start


class Tokens:
    """A text's tokens, read from its whitespace-separated chunks only as far as they are asked for: the first
    EAGER at once, the rest of the text split only when a rule reads past them."""

    __slots__ = ("items", "_chunks", "_read")

    def __init__(self, text: str) -> None:
        self._chunks = (text.replace("/", "/ ") if "/" in text else text).split(None, EAGER)
        self._read = min(EAGER, len(self._chunks))
        self.items = [(written.lower(), written, chunk.rstrip(_CLOSING)[-1:] in _JOINING)
                      for chunk in self._chunks[:EAGER] if (written := chunk.strip(_PUNCTUATION))]

    def at(self, index: int) -> Token | None:
        """The token at `index`, or None past the end."""
        items = self.items
        while len(items) <= index:
            if self._read == EAGER and len(self._chunks) > EAGER:
                self._chunks[EAGER:] = self._chunks[EAGER].split()
            if self._read == len(self._chunks):
                return None
            chunk = self._chunks[self._read]
            self._read += 1
            written = chunk.strip(_PUNCTUATION)
            if written:
                items.append((written.lower(), written, chunk.rstrip(_CLOSING)[-1:] in _JOINING))
        return items[index]

    def words(self, start: int) -> list[str]:
        """The lower-case words from `start` to the end."""
        self.at(1 << 30)
        return [token[0] for token in self.items[start:]]


class Opening(NamedTuple):
    """How a description starts (see the functions below): why it names no action, its vague opener, what its
    first action acts on, and whether it starts with a verb the way a duty does."""

    no_action: str | None
    vague: tuple[str, bool] | None
    named: tuple[str, ...] | None
    verb_start: bool


@lru_cache(maxsize=4096)
def opening(text: str) -> Opening:
    """How a text starts, worked out once for all the rules that ask."""
    found = Tokens(text)
    at = _start(found)
    first = found.at(at)
    verb = lookup(first[0]) if first else None
    return Opening(_no_action(text, found, at, verb) if first else None, _vague(found, at, verb),
                   _objects(found, at, verb), verb is not None and verb[1] != "past")


def is_adverb(word: str) -> bool:
    """An adverb that may stand before a duty's verb ("Actively seek"), also one the lexicon lacks
    ("cross-functionally")."""
    if not word.endswith("ly"):
        return False
    known = categories(word)
    return known == {"adv"} or not known


def _start(found: Tokens) -> int:
    """Where the duty's own words start: after a leading "To" and adverbs."""
    at, items = 0, found.items
    while at + 1 < len(items) and (items[at][0] == "to" or items[at][0].endswith("ly") and is_adverb(items[at][0])):
        at += 1
    return at


def lookup(word: str) -> tuple[str, str] | None:
    """verb_form of a token, also of a joined one without its hyphen ("re-test" as "retest")."""
    return verb_form(word) or (verb_form(word.replace("-", "")) if "-" in word else None)


def heading(text: str) -> str | None:
    """A short label the description starts with ("Leadership - Set ...", "Responsibility: keep ...")."""
    match = _HEADING.match(text)
    if match is None:
        return None
    label, first = match.group(1), Tokens(match.group(1)).at(0)
    return label if len(label.split()) <= 4 and (first is None or lookup(first[0]) is None) else None


def _no_action(text: str, found: Tokens, at: int, verb) -> str | None:
    """Why a description does not start with an action (the words at fault and what they are), or None."""
    if _MAY_BE_HEADING.search(text, 0, 48):
        label = heading(text)
        if label:
            return f"starts with the heading '{label}'"
    word, written, _ = found.at(at)
    if verb is None:
        return f"starts with '{written}', not a verb"
    lemma, form = verb
    if lemma in STATES or ("aux" in categories(word) and lemma != "do"):
        return f"starts with '{written}', a state or a hedge, not work"
    if form == "past":
        return f"starts with '{written}', a past form"
    following = found.at(at + 1)
    if following is not None and following[0] in LIGHT_PHRASES.get(lemma, ()):
        return f"starts with '{written} {following[1]}', which names no work"
    return None


def _opening_verbs(found: Tokens, at: int, form: str) -> int:
    """Where the opening verbs end ("Create, maintain, and enter | information ...")."""
    end = at + 1
    while (token := found.at(end)) is not None:
        step = end + 1 if token[0] in _JOINERS else end
        if step == end and not found.at(end - 1)[2]:
            break
        candidate = found.at(step)
        following = lookup(candidate[0]) if candidate is not None else None
        if following is None or following[1] != form:
            break
        end = step + 1
    return end


def _objects(found: Tokens, at: int, verb) -> tuple[str, ...] | None:
    """What the duty's first action acts on: the words after the opening verbs, without function words and "as
    needed", up to the first that is not generic ("meetings", "issues") or the next action ("Solve problems |,
    give guidance"); None when the text starts with no verb. Verbs that share an object ("Set up | and manage
    the filing systems") take it from the next action."""
    if verb is None:
        return None
    form = verb[1]
    end = _opening_verbs(found, at, form)
    named: list[str] = []
    previous = found.at(end - 1)
    while (token := found.at(end)) is not None:
        end += 1
        word = token[0]
        joined = previous[2] or previous[0] in _JOINERS
        previous = token
        if joined and word not in _JOINERS and (following := lookup(word)):
            if named and following[1] == form:
                break  # a new action starts: the first one has named what it acts on
            continue
        if word not in FUNCTION_WORDS and word not in WHEN:
            named.append(word)
            if word not in GENERIC:
                break
    return tuple(named)


def _vague(found: Tokens, at: int, verb) -> tuple[str, bool] | None:
    """The vague opener a description starts with, as lemmas ("assist in"), and whether the description goes on
    to say what is done; None when it starts otherwise."""
    first = found.at(at)
    lemma = verb[0] if verb else first[0] if first else ""
    if lemma not in _OPENER_FIRST:
        return None
    # The opener's words as lemmas with their positions, adverbs left out ("work closely with" is "work with").
    words = [(at, lemma)]
    for index in range(at + 1, at + 6):
        token = found.at(index)
        if token is not None and not is_adverb(token[0]):
            words.append((index, token[0]))
    for kind, parts in _OPENERS:
        if [word for _, word in words[:len(parts)]] == parts:
            return " ".join(parts), _concrete(found.words(words[len(parts) - 1][0] + 1), kind == "partner")
    return None


def examples_start(words: list[str]) -> int:
    """Where a list of examples starts among lower-case words ("such as", "e.g.", "including"), or len(words)."""
    for i in range(len(words)):
        for marker in EXAMPLE_MARKERS:
            if words[i:i + len(marker)] == marker:
                return i
    return len(words)


def _concrete(rest: list[str], partner: bool) -> bool:
    """Whether the words after a vague opener say what the person does: "by answering ...", "... and send it",
    and for a partner "... to tune the queries". A list of examples ("such as filing") adds no duty."""
    rest = rest[:examples_start(rest)]
    for i, (before, word) in enumerate(zip(rest, rest[1:]), start=1):
        if before not in ("by", "to", "and", "then"):
            continue
        verb = lookup(word)
        if verb is None or verb[0] in VAGUE_LEMMAS:
            continue
        if before == "by" and verb[1] == "ing":
            return True
        if before == "to" and partner and verb[1] == "base":
            return True
        if before in ("and", "then") and verb[1] in ("base", "s", "ing"):
            after = rest[i + 1] if i + 1 < len(rest) else ""
            if "noun" not in categories(word) or after in OBJECT_STARTS:
                return True
    return False
