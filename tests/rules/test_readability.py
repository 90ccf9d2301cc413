"""rules/quality/readability.py: a reading-ease floor for the role's prose as a whole and for dense texts, and a
sentence-length limit."""
from __future__ import annotations

from pathlib import Path

from tests.rules.rulecase import QUALITY_ROLE, RuleCase, edit, findings, line_of, rules

READABILITY = RuleCase("readability")
SENTENCE_LENGTH = RuleCase("sentence-length")
CLEAN = RuleCase("")
DENSE = ("Operationalise enterprise-wide configuration-management capabilities, institutionalising standardised "
         "organisational governance methodologies across heterogeneous infrastructure.")
# Clear, but long everyday words: Flesch about 0 as one sentence, which the rule used to flag.
CLEAR = "Maintain current documentation of the integration procedures to meet the regulatory requirements."
# Sentences of long professional words, none of them dense: hard going only when there are enough of them.
HEAVY = ("Review the quarterly information security reports and recommend practical improvements to the "
         "management team. ")
THIRD = ("Keep a short page for each data source in the wiki, with its owner, its refresh time\n"
         "      and the known gaps in its data.")


def test_a_dense_text_and_the_configurable_floor():
    text = edit(THIRD, DENSE)
    [found] = READABILITY.check(text, problem=(line_of(text, DENSE) - 1, 18))
    assert "this text is very dense (Flesch reading ease -1" in found.message
    READABILITY.check(text, "quality:\n  text_readability_min: -1000\n")


def test_a_clear_sentence_with_long_everyday_words_is_not_flagged():
    CLEAN.check(edit(THIRD, CLEAR))


def test_the_prose_is_scored_as_a_whole_from_100_words():
    CLEAN.check(edit(THIRD, HEAVY))  # about 70 words in all: too few for the formula
    text = edit(THIRD, HEAVY * 5)
    [found] = READABILITY.check(text, problem=(line_of(text, "summary:"), 10))
    assert "hard to read as a whole" in found.message
    assert "the hardest part is the description of duty 'document-sources'" in found.message
    READABILITY.check(text, "quality:\n  readability_min: -1000\n")


def test_a_floor_no_text_can_reach_is_a_config_error():
    """`readability_min: 10**400` once crashed validate formatting the message; no text scores above 121."""
    huge = "1" + "0" * 400
    found = findings(QUALITY_ROLE, f"quality:\n  readability_min: {huge}\n")
    assert [(Path(f.path).name, f.rule) for f in found] == [("roledocs.yaml", "out-of-range")]
    assert "must be at most 121" in found[0].message
    assert rules(QUALITY_ROLE, "quality:\n  text_readability_min: 121\n").count("readability") >= 1


def test_a_long_sentence():
    text = edit("and the known gaps in its data.", "and the known gaps in its data, " + "and one more thing " * 6 + ".")
    [found] = SENTENCE_LENGTH.check(text, problem=(line_of(text, "Keep a short page") - 1, 18))
    assert "more than 35" in found.message
