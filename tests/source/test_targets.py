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
