"""Measurable KPIs: every essential duty measured, measures that name a quantity, sane percentages, and a review
frequency that fits the work."""
from __future__ import annotations

from functools import lru_cache

from ...findings import Severity
from ...source.targets import parse_target
from ..registry import Problem, rule
from .text import analyse, placeholder

QUANTITIES = frozenset("""
share shares percentage percentages percent proportion fraction ratio ratios rate rates number numbers count counts
time times duration durations hours days weeks months minutes score scores index amount amounts total totals sum
mean average median cost costs variance latency frequency volume level levels value values per
""".split())
# Targets repeat across a catalogue (">= 90%"), and kpi-target-format parses them too.
_target = lru_cache(maxsize=1024)(parse_target)
_HOW = (" how many ", " how much ", " how long ", " how often ", " % ")

# Steps of the duty and KPI frequencies; "ongoing" work is continuous, "as-needed" work has no rhythm to compare.
STEPS = {"daily": 0, "ongoing": 0, "weekly": 1, "monthly": 2, "quarterly": 3, "yearly": 4}
NAMES = ("daily", "weekly", "monthly", "quarterly", "yearly")
LAG = 3


@rule("kpi-for-essential-duty", Severity.WARNING, group="quality")
def kpi_for_essential_duty(document, catalogue):
    """Every essential duty is measured by at least one KPI (listed in a KPI's `duties:`).

    A duty nobody measures cannot be judged done well or badly. Add the duty's id to the `duties:` of the KPI
    that measures it, or add a KPI.

    **Bad**: a duty `fix-defects` that no KPI lists.

    **Good**: `kpis: [{id: critical-fix-time, ..., duties: [fix-defects]}]`
    """
    measured = {d for kpi in document.data["kpis"] for d in kpi.get("duties", [])}
    for index, duty in enumerate(document.data["duties"]):
        if duty.get("essential", True) and duty["id"] not in measured:
            yield Problem(document, ("duties", index, "id"), f"the essential duty '{duty['id']}' is measured by no "
                          f"KPI: add '{duty['id']}' to the 'duties' of a KPI that measures it, or add such a KPI")


@rule("kpi-measure-quantity", Severity.WARNING, group="quality", language="en")
def kpi_measure_quantity(document, catalogue):
    """A KPI's `measure` names a quantity: a share, percentage, number, count, rate, time, ratio, score or amount.

    Without one, two people will measure the KPI differently.

    **Bad**: `measure: Customer happiness`

    **Good**: `measure: Mean satisfaction score of the customer on a 1 to 5 survey after each release`
    """
    for index, kpi in enumerate(document.data["kpis"]):
        text = kpi["measure"]
        if placeholder(text):
            continue
        analysed = analyse(text)
        if not QUANTITIES.intersection(analysed.lower) and not any(h in f" {text} " for h in _HOW):
            yield Problem(document, ("kpis", index, "measure"), f"the measure of KPI '{kpi['id']}' names no "
                          "quantity: say what is counted, e.g. 'Share of ...', 'Number of ...', 'Mean time from ... "
                          "to ...'")


@rule("kpi-target-percentage", Severity.ERROR, group="quality")
def kpi_target_percentage(document, catalogue):
    """A percentage target lies between 0% and 100%.

    **Bad**: `target: ">= 120%"`

    **Good**: `target: ">= 95%"` (or, for growth, measure a ratio: `target: ">= 1.2"`)
    """
    for index, kpi in enumerate(document.data["kpis"]):
        target = _target(kpi["target"])
        if target is None or target.unit != "%":
            continue
        values = [target.value] + ([target.high] if target.high is not None else [])
        if any(not 0 <= value <= 100 for value in values):
            yield Problem(document, ("kpis", index, "target"), f"the target '{kpi['target']}' of KPI '{kpi['id']}' "
                          "is outside 0-100%: a share cannot be below 0% or above 100%; for growth, use a ratio")


@rule("kpi-frequency-fit", Severity.WARNING, group="quality")
def kpi_frequency_fit(document, catalogue):
    """A KPI is reviewed often enough to steer the work it measures, and not more often than the work happens.

    What an HR reviewer wants from a KPI is a timely signal. Two mismatches spoil it, comparing the KPI's
    `frequency` with the `frequency` of the duties it lists (daily, weekly, monthly, quarterly, yearly;
    `ongoing` counts as daily, `as-needed` duties are not compared):

    - *too often*: the KPI is measured more often than even the most frequent of its duties is done, so most
      reviews have nothing new to measure (a weekly KPI on a monthly duty);
    - *too late*: the KPI is reviewed three or more steps less often than every one of its duties is done, so
      dozens of rounds of work pass before anyone learns they are off track (a yearly KPI on a weekly duty, a
      quarterly KPI on a daily duty).

    **Bad**: a KPI with `frequency: yearly` and `duties: [review-code]`, where `review-code` is done daily.

    **Good**: `frequency: monthly` for the same `duties: [review-code]`
    """
    duties = {d["id"]: d.get("frequency") for d in document.data["duties"]}
    for index, kpi in enumerate(document.data["kpis"]):
        steps = [STEPS[duties[d]] for d in kpi.get("duties", []) if duties.get(d) in STEPS]
        if not steps:
            continue
        step = STEPS[kpi["frequency"]]
        if step < min(steps):
            yield Problem(document, ("kpis", index, "frequency"), f"the KPI '{kpi['id']}' is measured "
                          f"{kpi['frequency']}, more often than the work it measures is done: measure it "
                          f"{NAMES[min(steps)]} or less often")
        elif step - max(steps) >= LAG:
            yield Problem(document, ("kpis", index, "frequency"), f"the KPI '{kpi['id']}' is reviewed "
                          f"{kpi['frequency']}, but its duties are done {NAMES[max(steps)]}: review it "
                          f"{NAMES[max(steps) + LAG - 1]} or more often so problems surface while they can be fixed")
