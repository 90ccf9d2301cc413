"""Text analysis shared by the quality rules: a text's words, sentences and syllables, computed once and cached.

Role files of one catalogue repeat a lot of text (skill names, boilerplate lines), and several rules read the same
description, so each distinct string is split into words once per process.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

PLACEHOLDER = re.compile(r"\bTODO\b")
_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_BREAK = re.compile(r"(?<=[.!?])[\"'’”)\]]*\s+")
_ABBREVIATION = re.compile(r"(?:\b(?:e\.g|i\.e|etc|vs|approx|incl|cf|no|nr)\.|\b[A-Z]\.)$", re.IGNORECASE)
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_SILENT_ENDING = ("es", "ed")
_SOUNDED_ENDING = ("ted", "ded", "ses", "zes", "ces", "ges", "xes", "shes", "ches", "ies")
_SUFFIXES = ("ational", "ations", "ation", "ings", "ing", "ions", "ion", "ies", "ers", "er", "es", "ed", "al", "s")
_BRITISH = re.compile(r"is(e|ed|es|ing|ation|ations|ational)$")

FIELD_KINDS = ("title", "summary", "duty-title", "duty-description", "skill", "kpi-name", "kpi-measure",
               "qualification")


@dataclass(frozen=True)
class Text:
    """One analysed string: tokens as written and lower-cased, words per sentence, and syllables."""

    words: tuple[str, ...]
    lower: tuple[str, ...]
    sentences: tuple[int, ...]
    syllables: int
    phrase: str

    def reading_ease(self, familiar: frozenset = frozenset()) -> float:
        """Flesch reading ease: about 60-70 is plain English, below 30 is hard going (legal or academic prose).

        Words whose stem is in `familiar` count as one syllable: the job's own vocabulary, which its readers know.
        """
        words = max(len(self.words), 1)
        count = self.syllables
        if familiar:
            count -= sum(syllables(w) - 1 for w in self.lower if stem(w) in familiar)
        return 206.835 - 1.015 * words / max(len(self.sentences), 1) - 84.6 * count / words


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables of an English word by vowel groups, less a silent final e or -es/-ed; numbers count as one."""
    word = word.lower()
    if not word.isalpha():
        parts = [p for p in re.split(r"[-'’]", word) if p.isalpha()]
        return max(1, sum(syllables(p) for p in parts))
    count = len(_VOWEL_GROUPS.findall(word))
    if count > 1 and word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        count -= 1
    elif count > 1 and word.endswith(_SILENT_ENDING) and not word.endswith(_SOUNDED_ENDING):
        count -= 1
    return max(1, count)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem, enough to match 'Automated testing' with 'test automation' and British with US spelling."""
    word = _BRITISH.sub(r"iz\1", word.lower())
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _sentences(text: str) -> list[str]:
    pieces: list[str] = []
    for piece in _BREAK.split(text.strip()):
        if pieces and (_ABBREVIATION.search(pieces[-1]) or not piece[:1].isupper() and not piece[:1].isdigit()):
            pieces[-1] = f"{pieces[-1]} {piece}"
        elif piece:
            pieces.append(piece)
    return pieces


@lru_cache(maxsize=16384)
def analyse(text: str) -> Text:
    """Split a text into words and sentences once; the result is shared by every rule that reads it."""
    words = tuple(_TOKEN.findall(text))
    lower = tuple(w.lower() for w in words)
    counts = tuple(n for n in (len(_TOKEN.findall(s)) for s in _sentences(text)) if n)
    phrase = " " + " ".join(lower).replace("-", " ").replace("’", "'") + " "
    return Text(words, lower, counts or (len(words),), sum(syllables(w) for w in words), phrase)


def placeholder(value: object) -> bool:
    """Whether a value is an unfilled `roledocs new` placeholder (the upper-case word TODO)."""
    return isinstance(value, str) and "TODO" in value and PLACEHOLDER.search(value) is not None


def prose(document) -> Iterator[tuple[tuple, str, str]]:
    """Every free-text field of a role as (data path, field kind, text), leaving out unfilled placeholders
    (placeholder-text reports those, and nothing else should)."""
    data = document.data
    fields = [(("title",), "title"), (("summary",), "summary")]
    for i in range(len(data.get("duties", []))):
        fields += [(("duties", i, "title"), "duty-title"), (("duties", i, "description"), "duty-description")]
    fields += [(("skills", i, "name"), "skill") for i in range(len(data.get("skills", [])))]
    for i in range(len(data.get("kpis", []))):
        fields += [(("kpis", i, "name"), "kpi-name"), (("kpis", i, "measure"), "kpi-measure")]
    for section, lines in (data.get("qualifications") or {}).items():
        if not section.startswith("x-") and isinstance(lines, list):
            fields += [(("qualifications", section, i), "qualification") for i in range(len(lines))]
    for location, kind in fields:
        value = lookup(data, location)
        if isinstance(value, str) and not placeholder(value):
            yield location, kind, value


def lookup(data, location: tuple):
    """The value at a data path, or None when the path does not exist."""
    for step in location:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def setting(catalogue, key: str):
    """A threshold of the config's `quality:` section (its schema default when unset)."""
    return catalogue.config.setting("quality", key)


def words_of(names) -> str:
    """Quoted, comma-separated words for a message: 'a', 'b' and 'c'."""
    quoted = [f"'{n}'" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
