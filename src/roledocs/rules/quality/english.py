"""English words for the duty rules: which words can be verbs, and in which form, from lemminflect's lexicon.

lemminflect ships the AGID inflection lexicon (about 70,000 English words with their parts of speech and lemmas)
as a gzipped table, `word,category,lemma` sorted by word. Its public API imports numpy and parses the whole table
in Python on first use (about 0.25 s per process); the rules only ask about a few words (the first words of
duties), so the table is read as one string, once, and searched by bisection. Function words (articles,
prepositions, pronouns) are not in the lexicon: FUNCTION_WORDS lists them.
"""
from __future__ import annotations

import gzip
import importlib.util
from functools import cache, lru_cache
from pathlib import Path

# Verbs of job text that the lexicon lacks (it knows "onboarding" nowhere, "setup" only as a noun); each is
# checked against it in tests, so an entry the lexicon learns is dropped from here.
EXTRA_VERBS = frozenset("onboard offboard refactor upskill reskill backport hotfix timebox upsell reboot retest "
                        "sync blog architect baseline setup".split())
# Unknown words shaped like verbs ("productionise", "dockerize") count as verbs.
VERB_ENDINGS = ("ise", "ize", "ify", "ate")

FUNCTION_WORDS = frozenset("""
a an the this that these those some any all each every either neither no both other another such what which whose
i me my mine we us our ours you your yours he him his she her hers it its they them their theirs who whom
one ones oneself itself themselves yourself yourselves ourselves
and or nor but if then than so yet because while whilst although though unless until when whenever where
wherever whether as of in on at by for from to into onto with within without about above below under over
across through throughout during before after around among amongst between against along upon via per
towards toward beyond besides despite like near off out up down
is are was were be been being am do does did has have had will would shall should can could may might must
not only also very more most less least much many few just even still again too etc e g i eg ie
""".split())


@cache
def _table() -> str:
    """lemminflect's lemma table as one string (found without importing lemminflect, which would import numpy)."""
    spec = importlib.util.find_spec("lemminflect")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("lemminflect is not installed: pip install 'lemminflect>=0.2.3'")
    path = Path(spec.origin).parent / "resources" / "lemma_lu.csv.gz"
    return "\n" + gzip.decompress(path.read_bytes()).decode("utf-8")


def _first_line_from(text: str, word: str) -> int:
    """Where the first line whose word is `word` or sorts after it starts (lines are sorted by word). Positions
    `low` and `high` are line starts (or the ends) with low's word before `word` and high's not."""
    low, high = 0, len(text)
    while True:
        middle = (low + high) // 2
        start = text.rfind("\n", 0, middle) + 1
        if start <= low:  # no line starts between low and middle: take the first one after middle
            start = text.find("\n", middle) + 1
            if start >= high:
                return high
        if text[start:text.index(",", start)] < word:
            low = start
        else:
            high = start


@lru_cache(maxsize=8192)
def _entries(word: str) -> tuple[tuple[str, str], ...]:
    """(category, first lemma) of each line of the table for this lower-case word."""
    text = _table()
    found = []
    start = _first_line_from(text, word)
    while start < len(text):
        end = text.index("\n", start)
        key, category, lemmas = text[start:end].split(",")
        if key != word:
            break
        found.append((category, lemmas.split("/")[0]))
        start = end + 1
    return tuple(found)


@lru_cache(maxsize=8192)
def categories(word: str) -> frozenset[str]:
    """The parts of speech the lexicon knows for a word: noun, verb, adj, adv, aux (none for an unknown word)."""
    return frozenset(category for category, _ in _entries(word.lower()))


@lru_cache(maxsize=8192)
def verb_form(word: str) -> tuple[str, str] | None:
    """(lemma, form) when a word can be a verb: form 'base' ('manage'), 's' ('manages'), 'ing' ('managing') or
    'past' ('managed'); None when it cannot. Words the lexicon lacks count when listed in EXTRA_VERBS or shaped
    like verbs (-ise, -ize, -ify, -ate)."""
    word = word.lower()
    entries = _entries(word)
    for category, lemma in entries:
        if category in ("verb", "aux"):
            lemma = lemma.lower()
            if word == lemma:
                return lemma, "base"
            for form, ending in (("s", "s"), ("ing", "ing")):
                if word.endswith(ending) and not lemma.endswith(ending):
                    return lemma, form
            return lemma, "past"
    stem = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    if stem in EXTRA_VERBS or (not entries and stem.endswith(VERB_ENDINGS)):
        return stem, "base" if stem == word else "s"
    return None


def is_adverb(word: str) -> bool:
    """Whether a word is only ever an adverb ('actively', 'clearly'): a duty may start with one before its verb."""
    return categories(word) == {"adv"} and word.lower().endswith("ly")
