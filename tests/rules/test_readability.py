"""rules/quality/readability.py: a reading-ease floor and a sentence-length limit."""
from __future__ import annotations

from pathlib import Path

from tests.rules.rulecase import QUALITY_ROLE, RuleCase, edit, findings, line_of, rules

READABILITY = RuleCase("readability")
SENTENCE_LENGTH = RuleCase("sentence-length")
DENSE = ("Operationalise enterprise-wide configuration-management capabilities, institutionalising standardised "
         "organisational governance methodologies across heterogeneous infrastructure.")
THIRD = ("Keep a short page for each data source in the wiki, with its owner, its refresh time\n"
         "      and the known gaps in its data.")


def test_hard_to_read_text_and_the_configurable_floor():
    text = edit(THIRD, DENSE)
    [found] = READABILITY.check(text, problem=(line_of(text, DENSE) - 1, 18))
    assert "Flesch reading ease" in found.message
    READABILITY.check(text, "quality:\n  readability_min: -1000\n")


def test_a_floor_no_text_can_reach_is_a_config_error():
    """`readability_min: 10**400` once crashed validate formatting the message; no text scores above 121."""
    huge = "1" + "0" * 400
    found = findings(QUALITY_ROLE, f"quality:\n  readability_min: {huge}\n")
    assert [(Path(f.path).name, f.rule) for f in found] == [("roledocs.yaml", "out-of-range")]
    assert "must be at most 121" in found[0].message
    assert rules(QUALITY_ROLE, "quality:\n  readability_min: 121\n").count("readability") >= 1


def test_a_long_sentence():
    text = edit("and the known gaps in its data.", "and the known gaps in its data, " + "and one more thing " * 6 + ".")
    [found] = SENTENCE_LENGTH.check(text, problem=(line_of(text, "Keep a short page") - 1, 18))
    assert "more than 35" in found.message
