"""rules/quality/english.py: the duty rules' lexicon, lemminflect's table read directly and searched by bisection."""
from __future__ import annotations

import random

import pytest
from lemminflect import getAllLemmas

from roledocs.rules.quality import english as quality_english
from roledocs.rules.quality.english import EXTRA_VERBS, categories, verb_form


@pytest.mark.parametrize("word, expected", [
    ("confer", ("confer", "base")), ("Greets", ("greet", "s")), ("fastening", ("fasten", "ing")),
    ("managed", ("manage", "past")), ("led", ("lead", "past")), ("set", ("set", "base")),
    ("co-ordinate", ("co-ordinate", "base")), ("onboards", ("onboard", "s")),  # from EXTRA_VERBS
    ("productionise", ("productionise", "base")),  # unknown, but shaped like a verb
    ("management", None), ("the", None), ("leadership", None), ("zzyzx", None),
])
def test_verb_forms(word, expected):
    assert verb_form(word) == expected


def test_the_first_and_last_words_of_the_table_are_found():
    lines = [line for line in quality_english._table().split("\n") if line]
    for line in (lines[0], lines[-1]):
        word, category, _ = line.split(",")
        assert category in categories(word)


def test_it_agrees_with_lemminflects_own_api():
    words = sorted({line.split(",")[0] for line in quality_english._table().split("\n") if line})
    for word in random.Random(11).sample([w for w in words if w == w.lower()], 2000):
        assert categories(word) == {upos.lower() for upos in getAllLemmas(word)}, word


def test_extra_verbs_are_only_those_the_lexicon_lacks():
    assert [word for word in sorted(EXTRA_VERBS) if "verb" in categories(word)] == []
