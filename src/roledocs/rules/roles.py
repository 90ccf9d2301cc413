"""Rules inside one role file: ids, duty and KPI references, time shares, pay range, KPI targets."""
from __future__ import annotations

import os
import re

from ..findings import Severity
from ..source.lookalikes import curly_hint
from ..source.schema import PLACEHOLDER
from ..source.targets import parse_target, suggestion
from .registry import Problem, rule
from ..hints import did_you_mean

_NOT_DECIMAL = re.compile(r"\d(?:[eE][-+]?\d|[xXoObB][0-9a-fA-F])")


def _duplicates(document, section: str, key: str, fold=lambda v: v):
    seen: dict = {}
    for index, item in enumerate(document.data.get(section, [])):
        value = fold(item[key])
        if value in seen:
            yield index, item[key], seen[value]
        else:
            seen[value] = index


@rule("id-matches-filename", scope="role")
def role_id_matches_filename(document, catalogue):
    """A role's `id` equals its file name without `.yaml`.

    Outputs are named after the id, and people find a role's file by it.

    **Bad**: `id: dev` in `software-developer.yaml`

    **Good**: `id: software-developer` in `software-developer.yaml`
    """
    yield from _id_matches(document)


@rule("id-matches-filename-team", scope="team")
def team_id_matches_filename(document, catalogue):
    """A team's `id` equals its file name without `.yaml` (see id-matches-filename).

    **Bad**: `id: delivery` in `teams/it-delivery.yaml`

    **Good**: `id: it-delivery` in `teams/it-delivery.yaml`
    """
    yield from _id_matches(document)


def _id_matches(document):
    stem = os.path.splitext(os.path.basename(document.path))[0]  # plain strings: this runs for every file
    if document.data["id"] != stem:
        yield Problem(document, ("id",), f"the id '{document.data['id']}' must equal the file name '{stem}'; "
                      f"rename the file to '{document.data['id']}.yaml' or set 'id: {stem}'")


@rule("duplicate-duty-id")
def duplicate_duty_id(document, catalogue):
    """Duty ids are unique within a role, so KPIs can name the duty they measure.

    **Bad**: two duties with the id review-code.

    **Good**: each duty an id of its own (review-code, write-code, fix-defects).
    """
    for index, value, first in _duplicates(document, "duties", "id"):
        yield Problem(document, ("duties", index, "id"), f"the duty id '{value}' is already used by duty "
                      f"{first + 1}; give each duty its own id")


@rule("duplicate-kpi-id")
def duplicate_kpi_id(document, catalogue):
    """KPI ids are unique within a role.

    **Bad**: two KPIs with the id review-time.

    **Good**: each KPI an id of its own (review-time, escaped-defects).
    """
    for index, value, first in _duplicates(document, "kpis", "id"):
        yield Problem(document, ("kpis", index, "id"), f"the KPI id '{value}' is already used by KPI {first + 1}; "
                      "give each KPI its own id")


@rule("duplicate-skill")
def duplicate_skill(document, catalogue):
    """Skill names are unique within a role, ignoring case (team files assess people by skill name).

    **Bad**: `skills: [{name: Python, level: 3}, {name: python, level: 4}]`

    **Good**: `skills: [{name: Python, level: 4}, {name: SQL, level: 2}]`
    """
    for index, value, first in _duplicates(document, "skills", "name", fold=str.casefold):
        yield Problem(document, ("skills", index, "name"), f"the skill '{value}' is already listed as skill "
                      f"{first + 1}; list each skill once")


@rule("kpi-unknown-duty")
def kpi_unknown_duty(document, catalogue):
    """A KPI's `duties` name duties of the same role.

    **Bad**: a KPI with `frequency: monthly` and `duties: [plan-work]`, when no duty of the role has that id

    **Good**: `frequency: monthly` and `duties: [review-code]`, a duty of the role
    """
    duty_ids = [d["id"] for d in document.data["duties"]]
    for k, kpi in enumerate(document.data["kpis"]):
        for d, duty in enumerate(kpi.get("duties", [])):
            if duty not in duty_ids:
                yield Problem(document, ("kpis", k, "duties", d), f"the KPI '{kpi['id']}' measures the duty "
                              f"'{duty}', but this role has no such duty; {did_you_mean(duty, duty_ids)}"
                              f"the duties are: {', '.join(dict.fromkeys(duty_ids))}")


@rule("time-share-total")
def time_share_total(document, catalogue):
    """When every duty has a `time_share`, they add up to 100.

    A role whose duties take 130% of the working time is not doable as written.

    **Bad**: three duties with the time shares 50, 50 and 30.

    **Good**: the time shares 40, 40 and 20.
    """
    shares = [d.get("time_share") for d in document.data["duties"]]
    if shares and all(s is not None for s in shares):
        total = sum(shares)
        if abs(total - 100) > 1e-9:
            yield Problem(document, ("duties",), f"the duties' time shares add up to {total:g}%, not 100%: "
                          "the job as written is not doable; adjust the shares", at_key=True)


@rule("time-share-partial", severity=Severity.WARNING)
def time_share_partial(document, catalogue):
    """Either every duty has a `time_share` or none has, so the workload can be checked.

    **Bad**: a time share on two duties of three.

    **Good**: a time share on every duty, or on none.
    """
    duties = document.data["duties"]
    missing = [i for i, d in enumerate(duties) if "time_share" not in d]
    if missing and len(missing) < len(duties):
        names = ", ".join(f"'{duties[i]['id']}'" for i in missing)
        verb = "does" if len(missing) == 1 else "do"
        yield Problem(document, ("duties", missing[0]), f"some duties have a time share and {names} "
                      f"{verb} not; give every duty one so the workload adds up to 100%")


@rule("compensation-range")
def compensation_range(document, catalogue):
    """The pay range's `max` is at least its `min`.

    **Bad**: `compensation: {currency: EUR, min: 70000, max: 55000, period: year}`

    **Good**: `compensation: {currency: EUR, min: 55000, max: 70000, period: year}`
    """
    pay = document.data.get("compensation")
    if pay and pay["max"] < pay["min"]:
        yield Problem(document, ("compensation", "max"), f"the maximum pay ({pay['max']:,}) is below the minimum "
                      f"({pay['min']:,}); swap them or correct one")


@rule("kpi-target-format")
def kpi_target_format(document, catalogue):
    """A KPI target is a comparison (`>= 90%`, `< 2 days`, `= 0`) or a range (`4.5 - 5`), in symbols or in words.

    A target a program can read is one a person can check. The comparison may be written in words, as job
    descriptions print it: `at least 90%`, `at most 2 days`, `more than 3`, `fewer than 3`, `exactly 0`,
    `90% or more`, `5+ years`, and the range `between 4.5 and 5`; `percent` is `%`. The number is a decimal: `90`,
    `4.5` or `4,5` (a decimal comma), with thousands grouped by commas when you like (`1,000`, `12,500.50`); not
    `1e3` or `0x10`. The unit is optional (`%`, `h`, `days`, `EUR`, any word). A number alone says no direction,
    and curly quotes around a target are part of its text: the message says so and suggests what reads.

    **Bad**: `target: 95 percent` (the message asks: did you mean '>= 95%'?)

    **Good**: `target: at least 95 percent`
    """
    for k, kpi in enumerate(document.data["kpis"]):
        target = kpi["target"]
        if parse_target(target) is None and not PLACEHOLDER.search(target):  # a placeholder is placeholder-text's
            yield Problem(document, ("kpis", k, "target"), f"the target '{target}' cannot be read{_why(target)}")


_EXAMPLES = ("a comparison such as '>= 90%' or 'at least 90%', '< 2 days' or 'less than 2 days', '= 0' or 'exactly 0', "
             "or a range such as '4.5 - 5' or 'between 4.5 and 5'")


def _why(target: str) -> str:
    """The rest of the message: curly quotes named, a likely meaning, and what a target looks like."""
    curly = curly_hint(target)
    if curly:
        return curly.replace("; it is", ": it is", 1)
    meant = suggestion(target)
    guess = f": did you mean '{meant}'? A target is" if meant else ": write"
    number = " (write the number out: 1000, not 1e3 or 0x3E8)" if _NOT_DECIMAL.search(target) else ""
    return f"{number}{guess} {_EXAMPLES}"
