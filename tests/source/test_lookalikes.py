"""Characters pasted from a word processor that look like YAML's own: named at their own line and column, with
the fix, instead of a syntax error a line later or a cascade of unknown and missing keys."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support import EXAMPLE

TESTER = (EXAMPLE / "software-tester.yaml").read_text(encoding="utf-8")


def _findings(cli, text: str) -> list[tuple]:
    Path("roles").mkdir(exist_ok=True)
    Path("roles/software-tester.yaml").write_text(text, encoding="utf-8")
    run = cli("validate", "roles/software-tester.yaml", "--format", "json")
    return [(f["line"], f["column"], f["rule"], f["message"]) for f in json.loads(run.out)]


def _line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2003", "\u3000"])
def test_a_lookalike_space_after_a_key_is_named_at_its_place(cli, space):
    text = TESTER.replace("title: Software Tester", f"title:{space}Software Tester")
    [(line, column, rule, message)] = _findings(cli, text)
    assert (line, column, rule) == (_line_of(text, "title:"), 7, "yaml-lookalike-character")
    assert f"(U+{ord(space):04X}) after 'title:'" in message
    assert "with a normal space" in message


def test_the_message_names_the_non_breaking_space_and_the_fix(cli):
    [(_, _, _, message)] = _findings(cli, TESTER.replace("title: Software Tester", "title:\u00a0Software Tester"))
    assert message.startswith("a non-breaking space (U+00A0) after 'title:' instead of a normal space")
    assert message.endswith("replace the non-breaking space after 'title:' with a normal space")


def test_a_nested_key_and_an_indentation_and_a_list_dash(cli):
    nested = TESTER.replace("    level: 4", "    level:\u00a04", 1)
    [(line, column, rule, message)] = _findings(cli, nested)
    assert (line, column, rule) == (_line_of(nested, "    level:\u00a04"), 11, "yaml-lookalike-character")
    indented = TESTER.replace("  - id: plan-tests", "\u00a0 - id: plan-tests", 1)
    [(line, column, rule, _)] = _findings(cli, indented)
    assert (line, column, rule) == (_line_of(indented, "\u00a0 - id: plan-tests"), 1, "yaml-lookalike-character")
    dashed = TESTER.replace("  - id: plan-tests", "  -\u00a0id: plan-tests", 1)
    [(line, column, rule, _)] = _findings(cli, dashed)
    assert (line, column, rule) == (_line_of(dashed, "-\u00a0id: plan-tests"), 4, "yaml-lookalike-character")


def test_an_invisible_character_in_a_key_is_one_finding_not_a_cascade(cli):
    """A zero-width space makes 'title' an unknown key and 'title' missing: neither says why."""
    text = TESTER.replace("title: Software Tester", "ti\u200btle: Software Tester")
    [(line, column, rule, message)] = _findings(cli, text)
    assert (line, column, rule) == (_line_of(text, "ti\u200btle"), 3, "yaml-lookalike-character")
    assert "zero-width space (U+200B)" in message and "'ti\\u200btle'" in message


def test_a_lookalike_space_at_the_start_of_a_value(cli):
    text = TESTER.replace("title: Software Tester", "title: \u00a0Software Tester")
    [(line, column, rule, message)] = _findings(cli, text)
    assert (line, column, rule) == (_line_of(text, "title:"), 8, "yaml-lookalike-character")
    assert "at the start of the value '\\u00a0Software Tester'" in message


def test_inside_text_they_are_text(cli):
    """A non-breaking space between two words, and an em space inside a quoted value, are text."""
    text = TESTER.replace("title: Software Tester", "title: Software\u00a0Tester").replace(
        "family: Information Technology", 'family: "Information\u2003Technology"')
    assert "yaml-lookalike-character" not in {rule for _, _, rule, _ in _findings(cli, text)}


def test_a_curly_quote_opening_a_value_is_named(cli):
    """With straight quotes the ': ' would be text; with curly ones YAML sees a second key on the line."""
    text = TESTER.replace("title: Software Tester", "title: \u201cTester: QA\u201d")
    [(line, column, rule, message)] = _findings(cli, text)
    assert (line, column, rule) == (_line_of(text, "title:"), 8, "yaml-lookalike-character")
    assert "curly quote (\u201c)" in message and "straight quotes" in message


def test_curly_quotes_around_a_value_with_a_fixed_set_say_so(cli):
    text = TESTER.replace("employment_type: full-time", "employment_type: \u2018full-time\u2019")
    [message] = [message for _, _, rule, message in _findings(cli, text) if rule == "invalid-value"]
    assert "wrapped in curly quotes (\u2018 \u2019)" in message and 'write "full-time" with straight quotes' in message
    [(_, _, rule, message)] = _findings(cli, TESTER.replace("kind: role", "kind: \u201crole\u201d"))
    assert rule == "invalid-value" and 'write "role" with straight quotes' in message


def test_a_syntax_error_elsewhere_keeps_its_own_message(cli):
    """A non-breaking space in a sentence far from a real mistake is not blamed for it."""
    text = TESTER.replace("title: Software Tester", "title: Software\u00a0Tester").replace(
        "family: Information Technology", "family: Information: Technology")
    [(_, _, rule, message)] = _findings(cli, text)
    assert rule == "yaml-syntax" and "non-breaking" not in message
