"""Suppressions written in the YAML itself: `x-roledocs-allow: [{rule: ID, reason: "..."}]` on any mapping.

A suppression sits on the element it excuses (a duty, a KPI, the whole role), so it shows up in review like any
other change, and it must say why. It covers findings at that element and everything below it.
"""
from __future__ import annotations

from typing import Any, Iterator

from ..hints import closest
from .checks import CHECKS

KEY = "x-roledocs-allow"
FIELDS = ("rule", "reason")


def _allows(element: Any, rule_id: str) -> bool:
    entries = element.get(KEY) if isinstance(element, dict) else None
    if not isinstance(entries, list):
        return False
    return any(isinstance(e, dict) and e.get("rule") == rule_id and isinstance(e.get("reason"), str)
               and e["reason"].strip() and set(e) <= set(FIELDS) for e in entries)


def suppressed(data: Any, location: tuple, rule_id: str) -> bool:
    """Whether the element at `location`, or one above it, allows `rule_id` with a sound entry (an entry that
    suppression-invalid reports suppresses nothing)."""
    element = data
    if _allows(element, rule_id):
        return True
    for step in location:
        if isinstance(element, dict) and isinstance(step, str):
            element = element.get(step)
        elif isinstance(element, list) and isinstance(step, int) and 0 <= step < len(element):
            element = element[step]
        else:
            return False
        if _allows(element, rule_id):
            return True
    return False


def declarations(data: Any, location: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every `x-roledocs-allow` value in a document, with the data path of the key."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == KEY:
                yield location + (key,), value
            elif isinstance(value, (dict, list)):
                yield from declarations(value, location + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            if isinstance(value, (dict, list)):
                yield from declarations(value, location + (index,))


def problems(value: Any, known: set[str]) -> Iterator[tuple[tuple, str, bool]]:
    """What is wrong with one `x-roledocs-allow` value: (relative path, message, at the key?); nothing when sound."""
    if not isinstance(value, list):
        yield (), "x-roledocs-allow must be a list of {rule: ..., reason: ...} entries", True
        return
    for index, entry in enumerate(value):
        if not isinstance(entry, dict):
            yield (index,), "each x-roledocs-allow entry is a mapping: {rule: RULE-ID, reason: \"why\"}", False
            continue
        extra = sorted(k for k in entry if k not in FIELDS)
        if extra:
            yield (index, extra[0]), f"'{extra[0]}' is not a key of a suppression; use only 'rule' and 'reason'", True
        rule_id = entry.get("rule")
        if not isinstance(rule_id, str) or not rule_id:
            yield (index,), "the suppression names no rule: add 'rule: RULE-ID' (`roledocs rules` lists them)", False
        elif rule_id in CHECKS:
            yield (index, "rule"), (f"'{rule_id}' is a check roledocs always makes, as an error; it cannot be "
                                    "suppressed, because the file cannot be read reliably otherwise: fix the file"), False
        elif rule_id not in known:
            close = closest(rule_id, sorted(known))
            hint = f"did you mean '{close}'? " if close else ""
            yield (index, "rule"), f"there is no rule '{rule_id}' to suppress; {hint}`roledocs rules` lists them", False
        reason = entry.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            yield (index,), ("the suppression gives no reason: add 'reason: \"...\"' saying why the finding is "
                             "wrong here, so reviewers can judge it"), False
