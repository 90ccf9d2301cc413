"""KPI targets: `<comparator> <number><unit>` or a range, the number a decimal (format-v1, "Targets")."""
from __future__ import annotations

import pytest

from roledocs.source.targets import parse_target


@pytest.mark.parametrize("text, parts", [
    (">= 90%", (">=", 90, None, "%")),
    ("≥ 90 %", (">=", 90, None, "%")),
    ("< 2 days", ("<", 2, None, "days")),
    ("= 0", ("=", 0, None, "")),
    ("4.5 - 5", ("range", 4.5, 5, "")),
    ("4,5 - 5", ("range", 4.5, 5, "")),
    (">= 1,000 EUR", (">=", 1000, None, "EUR")),
    ("<= 12,500,000.50 EUR", ("<=", 12500000.5, None, "EUR")),
    ("0,125 - 0,25", ("range", 0.125, 0.25, "")),
    ("1,000 - 2,000 tickets", ("range", 1000, 2000, "tickets")),
])
def test_targets_parse(text, parts):
    target = parse_target(text)
    assert (target.comparator, target.value, target.high, target.unit) == parts


@pytest.mark.parametrize("text", [">= 1e3", ">= 2E-1 h", ">= 0x10", "< 0o17 days", "90%", ">= ninety", "5 - 4",
                                  ">= 1,00,000", ""])
def test_targets_that_are_not_decimals_or_comparisons_do_not_parse(text):
    assert parse_target(text) is None


def test_a_target_that_does_not_parse_is_a_located_error(cli, example):
    role = example / "software-tester.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace('target: ">= 70%"', 'target: ">= 1e3"'), encoding="utf-8")
    run = cli("validate", str(role))
    assert run.code == 1 and "error kpi-target-format" in run.out and "not 1e3" in run.out


@pytest.mark.parametrize("words, symbols", [
    ("at least 90%", ">= 90%"),
    ("At least 90 %", ">= 90%"),
    ("at most 2 days", "<= 2 days"),
    ("no more than 5%", "<= 5%"),
    ("more than 3", "> 3"),
    ("fewer than 3", "< 3"),
    ("less than 2 days", "< 2 days"),
    ("exactly 0", "= 0"),
    ("between 4.5 and 5", "4.5 - 5"),
    ("between 1,000 and 2,000 tickets", "1,000 - 2,000 tickets"),
    ("from 4,5 to 5", "4,5 - 5"),
    (">= 95 percent", ">= 95%"),
    ("at least 95 per cent", ">= 95%"),
    ("95 pct or more", ">= 95%"),
    ("90% or more", ">= 90%"),
    ("3 or fewer defects", "<= 3 defects"),
    ("5+ years", ">= 5 years"),
])
def test_targets_in_words_read_as_their_symbols(words, symbols):
    assert parse_target(words) == parse_target(symbols) is not None


@pytest.mark.parametrize("text", [">= 90%", "<= 2 days", "> 3", "< 2 h", "= 0", "4.5 - 5", "1,000 - 2,000 EUR",
                                  ">= 1,000 EUR", "0.5 - 0.75"])
def test_the_words_roledocs_prints_read_back_as_the_same_target(text):
    """A job description prints `at least 90%` and `≥ 90%`; copied back into a role file, both still read."""
    from roledocs.rendering.views import target_model

    shown = target_model(text)
    assert parse_target(shown.in_words) == parse_target(shown.display) == parse_target(text)


@pytest.mark.parametrize("text", ["at least", "at least ninety", "between 5 and 4", "high", "95 percent",
                                  "at least 90% or more"])
def test_words_without_a_readable_target_do_not_parse(text):
    assert parse_target(text) is None


@pytest.mark.parametrize("target, meant", [("95 percent", ">= 95%"), ("95%", ">= 95%"), ("2 days", ">= 2 days"),
                                           ("=> 90%", ">= 90%"), ("=< 2 days", "<= 2 days")])
def test_a_target_that_cannot_be_read_gets_a_suggestion_that_reads(cli, example, target, meant):
    role = example / "software-tester.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace('target: ">= 70%"', f'target: "{target}"'),
                    encoding="utf-8")
    run = cli("validate", str(role))
    [line] = [line for line in run.out.splitlines() if "kpi-target-format" in line]
    assert f"the target '{target}' cannot be read: did you mean '{meant}'? A target is a comparison such as" in line
    assert "'at least 90%'" in line and "'between 4.5 and 5'" in line
    assert parse_target(meant) is not None


def test_curly_quotes_around_a_target_are_named(cli, example):
    role = example / "software-tester.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace('target: ">= 70%"', "target: \u201c>= 95%\u201d"),
                    encoding="utf-8")
    run = cli("validate", str(role))
    [line] = [line for line in run.out.splitlines() if "kpi-target-format" in line]
    assert line.endswith("cannot be read: it is wrapped in curly quotes (\u201c \u201d), which YAML keeps as part of "
                         "the text (a word processor's 'smart quotes'): write \">= 95%\" with straight quotes")


def test_a_target_with_no_likely_meaning_lists_what_a_target_looks_like(cli, example):
    role = example / "software-tester.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace('target: ">= 70%"', "target: high"), encoding="utf-8")
    [line] = [line for line in cli("validate", str(role)).out.splitlines() if "kpi-target-format" in line]
    assert "cannot be read: write a comparison such as '>= 90%' or 'at least 90%'" in line and "did you mean" not in line
