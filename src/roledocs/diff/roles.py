"""What changed in one role's meaning: its fields, duties (time shares), skills (levels), KPIs (targets stricter or
looser), qualifications and pay range (in percent)."""
from __future__ import annotations

from ..source.targets import Target, parse_target
from .common import Pair, fields, keyed, review_note, show
from .model import Change

FIELDS = ("title", "family", "level", "reports_to", "employment_type", "location", "occupation", "summary", "owner",
          "last_reviewed")
QUALIFICATIONS = ("education", "experience", "certifications")


def compare_role(pair: Pair) -> list[Change]:
    """Every change in meaning between two valid versions of a role, in file order by section."""
    changes = fields(pair, FIELDS) + duties(pair) + skills(pair) + kpis(pair) + qualifications(pair) + pay(pair)
    return changes + review_note(pair, [c for c in changes if c.kind != "last-reviewed-changed"], "the role")


def duties(pair: Pair) -> list[Change]:
    """Duties matched by id: added, removed (essential or not), reworded, time share, frequency, essential."""
    old, new = keyed(pair.old.data["duties"], "id"), keyed(pair.new.data["duties"], "id")
    changes = []
    for duty_id, (index, duty) in new.items():
        where = ("duties", index)
        if duty_id not in old:
            share = f" ({duty['time_share']:g}% of the time)" if "time_share" in duty else ""
            changes.append(pair.added("duty-added", f"duty '{duty_id}' added: {show(duty['title'])}{share}", where,
                                      duty["title"]))
            continue
        _, before = old[duty_id]
        if before["title"] != duty["title"]:
            changes.append(pair.changed("duty-reworded", f"duty '{duty_id}': title {show(before['title'])} → "
                                        f"{show(duty['title'])}", where + ("title",), before["title"], duty["title"]))
        if before["description"] != duty["description"]:
            changes.append(pair.changed("duty-reworded", f"duty '{duty_id}': description reworded",
                                        where + ("description",), before["description"], duty["description"]))
        changes += _duty_values(pair, duty_id, where, before, duty)
    for duty_id, (index, duty) in old.items():
        if duty_id not in new:
            essential = duty.get("essential", True)
            kind = "essential-duty-removed" if essential else "duty-removed"
            changes.append(pair.removed(kind, f"{'essential ' if essential else ''}duty '{duty_id}' removed: "
                                        f"{show(duty['title'])}", ("duties", index), ("duties",), duty["title"]))
    return changes


def _duty_values(pair: Pair, duty_id: str, where: tuple, before: dict, after: dict) -> list[Change]:
    changes = []
    old_share, new_share = before.get("time_share"), after.get("time_share")
    if old_share != new_share:
        changes.append(pair.changed("time-share-changed", f"duty '{duty_id}': time share {_percent(old_share)} → "
                                    f"{_percent(new_share)}", where + ("time_share",), old_share, new_share))
    if before.get("frequency") != after.get("frequency"):
        changes.append(pair.changed("duty-frequency-changed", f"duty '{duty_id}': frequency "
                                    f"{show(before.get('frequency'))} → {show(after.get('frequency'))}",
                                    where + ("frequency",), before.get("frequency"), after.get("frequency")))
    if before.get("essential", True) != after.get("essential", True):
        now = "essential" if after.get("essential", True) else "not essential"
        changes.append(pair.changed("duty-essential-changed", f"duty '{duty_id}' is now {now}",
                                    where + ("essential",), before.get("essential", True), after.get("essential", True)))
    return changes


def _percent(share) -> str:
    return "none" if share is None else f"{share:g}%"


def skills(pair: Pair) -> list[Change]:
    """Skills matched by name (ignoring case): added, removed, level, required or preferred."""
    fold = str.casefold
    old, new = keyed(pair.old.data["skills"], "name", fold), keyed(pair.new.data["skills"], "name", fold)
    changes = []
    for key, (index, skill) in new.items():
        where = ("skills", index)
        if key not in old:
            changes.append(pair.added("skill-added", f"skill {show(skill['name'])} added at level {skill['level']}",
                                      where, skill["name"], level=skill["level"]))
            continue
        _, before = old[key]
        if before["level"] != skill["level"]:
            changes.append(pair.changed("skill-level-changed", f"skill {show(skill['name'])}: level "
                                        f"{before['level']} → {skill['level']}", where + ("level",), before["level"],
                                        skill["level"]))
        if before.get("required", True) != skill.get("required", True):
            now = "required" if skill.get("required", True) else "preferred"
            changes.append(pair.changed("skill-required-changed", f"skill {show(skill['name'])} is now {now}",
                                        where, before.get("required", True), skill.get("required", True)))
    for key, (index, skill) in old.items():
        if key not in new:
            changes.append(pair.removed("skill-removed", f"skill {show(skill['name'])} removed (was level "
                                        f"{skill['level']})", ("skills", index), ("skills",), skill["name"]))
    return changes


def kpis(pair: Pair) -> list[Change]:
    """KPIs matched by id: added, removed, reworded, target stricter, looser or changed, frequency."""
    old, new = keyed(pair.old.data["kpis"], "id"), keyed(pair.new.data["kpis"], "id")
    changes = []
    for kpi_id, (index, kpi) in new.items():
        where = ("kpis", index)
        if kpi_id not in old:
            changes.append(pair.added("kpi-added", f"KPI '{kpi_id}' added: {show(kpi['name'])}, target "
                                      f"{show(kpi['target'])}", where, kpi["target"]))
            continue
        _, before = old[kpi_id]
        if (before["name"], before["measure"]) != (kpi["name"], kpi["measure"]):
            changes.append(pair.changed("kpi-reworded", f"KPI '{kpi_id}': name or measure reworded", where,
                                        before["name"], kpi["name"]))
        direction = strictness(before["target"], kpi["target"])
        if direction is not None:
            changes.append(pair.changed(f"kpi-target-{direction}", f"KPI '{kpi_id}': target {show(before['target'])}"
                                        f" → {show(kpi['target'])}" + ("" if direction == "changed" else
                                                                       f" ({direction})"),
                                        where + ("target",), before["target"], kpi["target"]))
        if before["frequency"] != kpi["frequency"]:
            changes.append(pair.changed("kpi-frequency-changed", f"KPI '{kpi_id}': measured {before['frequency']} "
                                        f"→ {kpi['frequency']}", where + ("frequency",), before["frequency"],
                                        kpi["frequency"]))
    for kpi_id, (index, kpi) in old.items():
        if kpi_id not in new:
            changes.append(pair.removed("kpi-removed", f"KPI '{kpi_id}' removed: {show(kpi['name'])}, target "
                                        f"{show(kpi['target'])}", ("kpis", index), ("kpis",), kpi["target"]))
    return changes


def _interval(target: Target) -> tuple[float, bool, float, bool]:
    """The values a target accepts: (low, low included, high, high included)."""
    inf = float("inf")
    value = target.value
    return {">=": (value, True, inf, False), ">": (value, False, inf, False), "<=": (-inf, False, value, True),
            "<": (-inf, False, value, False), "=": (value, True, value, True),
            "range": (value, True, target.high, True)}[target.comparator]


def _within(inner: tuple, outer: tuple) -> bool:
    low, low_in, high, high_in = inner
    outer_low, outer_low_in, outer_high, outer_high_in = outer
    return (low > outer_low or (low == outer_low and (outer_low_in or not low_in))) and \
        (high < outer_high or (high == outer_high and (outer_high_in or not high_in)))


def strictness(before: str, after: str) -> str | None:
    """'stricter' when the new target accepts fewer results (a subset of the old), 'looser' when more, 'changed'
    when neither (another unit, a shifted range, text that is not a target), None when the same."""
    if before == after:
        return None
    old, new = parse_target(before), parse_target(after)
    if old is None or new is None or old.unit.casefold() != new.unit.casefold():
        return "changed"
    old_values, new_values = _interval(old), _interval(new)
    narrower, wider = _within(new_values, old_values), _within(old_values, new_values)
    if narrower and wider:
        return None  # written differently ('≥ 90%', '>= 90 %'), meaning the same
    return "stricter" if narrower else "looser" if wider else "changed"


def qualifications(pair: Pair) -> list[Change]:
    """Lines of education, experience and certifications added or removed."""
    old, new = pair.old.data.get("qualifications", {}), pair.new.data.get("qualifications", {})
    changes = []
    for section in QUALIFICATIONS:
        before, after = old.get(section, []), new.get(section, [])
        for index, line in enumerate(after):
            if line not in before:
                changes.append(pair.added("qualification-added", f"{section}: {show(line)} added",
                                          ("qualifications", section, index), line))
        for index, line in enumerate(before):
            if line not in after:
                changes.append(pair.removed("qualification-removed", f"{section}: {show(line)} removed",
                                            ("qualifications", section, index), ("qualifications",), line))
    return changes


def pay(pair: Pair) -> list[Change]:
    """The pay range: added, removed, or changed with the change of min and max in percent (same currency and
    period only)."""
    before, after = pair.old.data.get("compensation"), pair.new.data.get("compensation")
    keys = ("currency", "min", "max", "period")
    if before is not None and after is not None and all(before[k] == after[k] for k in keys):
        return []
    if before is None and after is None:
        return []
    if before is None:
        return [pair.added("pay-range-changed", f"pay range added: {_range(after)}", ("compensation",), after)]
    if after is None:
        return [pair.removed("pay-range-changed", f"pay range removed (was {_range(before)})", ("compensation",), (),
                             before)]
    extra, note = {}, ""
    if (before["currency"], before["period"]) == (after["currency"], after["period"]):
        extra = {"min_change_percent": _change(before["min"], after["min"]),
                 "max_change_percent": _change(before["max"], after["max"])}
        note = " (" + ", ".join(f"{end} {_signed(extra[f'{end}_change_percent'])}" for end in ("min", "max")) + ")"
    return [pair.changed("pay-range-changed", f"pay range {_range(before)} → {_range(after)}{note}",
                         ("compensation",), {k: before[k] for k in keys}, {k: after[k] for k in keys}, **extra)]


def _range(pay: dict) -> str:
    return f"{pay['currency']} {pay['min']:,.0f}–{pay['max']:,.0f} per {pay['period']}"


def _change(old: float, new: float) -> float | None:
    """The change in percent, one decimal; None from zero (no percent of nothing)."""
    return round((new - old) / old * 100, 1) if old else None


def _signed(percent: float | None) -> str:
    return "from 0" if percent is None else f"{percent:+.1f}%" if percent else "unchanged"
