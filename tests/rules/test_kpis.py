"""rules/quality/kpis.py: measurable KPIs (one per essential duty, a quantity, percentages, a frequency that fits)."""
from __future__ import annotations

import pytest

from tests.rules.rulecase import QUALITY_ROLE, RuleCase, edit, findings, line_of

FOR_ESSENTIAL_DUTY = RuleCase("kpi-for-essential-duty")
MEASURE_QUANTITY = RuleCase("kpi-measure-quantity")
TARGET_PERCENTAGE = RuleCase("kpi-target-percentage")
FREQUENCY_FIT = RuleCase("kpi-frequency-fit")


def test_an_essential_duty_without_a_kpi_is_reported_at_its_id():
    text = edit("duties: [build-pipelines, run-pipelines]", "duties: [build-pipelines]")
    [found] = FOR_ESSENTIAL_DUTY.check(text, problem=(line_of(text, "- id: run-pipelines"), 9))
    assert "'run-pipelines'" in found.message and found.severity.value == "warning"


def test_a_non_essential_duty_needs_no_kpi():
    assert "document-sources" not in " ".join(f.message for f in findings(QUALITY_ROLE))


def test_a_measure_without_a_quantity():
    text = edit("Share of nightly loads that finish without errors before six o'clock", "Happy analysts")
    MEASURE_QUANTITY.check(text, problem=(line_of(text, "measure: Happy analysts"), 14))


@pytest.mark.parametrize("target", ['">= 120%"', '"90 - 110%"', '">= -5%"'])
def test_a_percentage_outside_0_to_100_is_an_error(target):
    text = edit('">= 98%"', target)
    [found] = TARGET_PERCENTAGE.check(text, problem=(line_of(text, target), 13))
    assert found.severity.value == "error"


@pytest.mark.parametrize("target", ['"<= 100%"', '"0 - 5%"', '">= 120"'])
def test_percentages_inside_0_to_100_and_plain_numbers_pass(target):
    TARGET_PERCENTAGE.check(edit('">= 98%"', target))


@pytest.mark.parametrize("kpi, duties, problem", [
    ("weekly", "[document-sources]", "more often"),
    ("yearly", "[build-pipelines]", "review it quarterly"),
    ("quarterly", "[run-pipelines]", "review it monthly"),
])
def test_a_kpi_frequency_that_does_not_fit_its_duties(kpi, duties, problem):
    text = edit("frequency: monthly\n    duties: [build-pipelines, run-pipelines]",
                f"frequency: {kpi}\n    duties: {duties}")
    [found] = [f for f in findings(text) if f.rule == FREQUENCY_FIT.rule]
    assert problem in found.message and found.line == line_of(text, f"frequency: {kpi}", after="kpis:")


def test_as_needed_duties_are_not_compared():
    text = edit("frequency: monthly\n    essential: false", "frequency: as-needed\n    essential: false")
    text = edit("duties: [build-pipelines, run-pipelines]",
                "duties: [build-pipelines, run-pipelines, document-sources]", text)
    FREQUENCY_FIT.check(edit("frequency: monthly\n    duties", "frequency: weekly\n    duties", text))
