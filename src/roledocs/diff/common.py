"""What the role and team comparisons share: two documents side by side, changes placed at their lines, and the
scalar fields compared one by one."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from ..source.document import Document
from .model import Change


@dataclass
class Pair:
    """The old (base) and new (head) version of one role or team, and where a change goes in each."""

    old: Document
    new: Document

    def line(self, location: tuple, *, at_key: bool = False) -> int | None:
        """The line of a data path in the new version (the nearest existing node when it stops early)."""
        return self.new.position(location, at_key=at_key)[0]

    def base_line(self, location: tuple, *, at_key: bool = False) -> int | None:
        """The line of a data path in the old version."""
        return self.old.position(location, at_key=at_key)[0]

    def added(self, kind: str, message: str, location: tuple, value: Any = None, **extra: Any) -> Change:
        """A change that exists only in the new version, at its line there."""
        return Change(kind, message, self.line(location), None, None, value, extra)

    def removed(self, kind: str, message: str, location: tuple, parent: tuple, value: Any = None,
                **extra: Any) -> Change:
        """A change that exists only in the old version: at its old line, and at its parent's line in the new one
        (where a reviewer sees it gone)."""
        return Change(kind, message, self.line(parent, at_key=True), self.base_line(location), value, None, extra)

    def changed(self, kind: str, message: str, location: tuple, before: Any, after: Any, **extra: Any) -> Change:
        """A value changed: at its line in both versions."""
        return Change(kind, message, self.line(location), self.base_line(location), before, after, extra)


def show(value: Any) -> str:
    """A value as a message quotes it: text in quotes, numbers bare, nothing as 'none'."""
    if value is None:
        return "none"
    if isinstance(value, str):
        return f"'{' '.join(value.split())}'" if len(value) <= 80 else f"'{' '.join(value.split())[:77]}...'"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict):  # occupation codes: 'onet_soc 15-1252.00, isco 2512'
        return "'" + ", ".join(f"{key} {item}" for key, item in value.items()) + "'"
    return str(value)


def fields(pair: Pair, names: Iterable[str]) -> list[Change]:
    """One change per top-level field whose value differs: `<field>-changed` (`reports_to` -> reports-to-changed)."""
    changes = []
    for name in names:
        before, after = pair.old.data.get(name), pair.new.data.get(name)
        if before == after:
            continue
        words, kind = name.replace("_", " "), f"{name.replace('_', '-')}-changed"
        if before is None:
            changes.append(pair.changed(kind, f"{words} set to {show(after)}", (name,), before, after))
        elif after is None:
            changes.append(pair.removed(kind, f"{words} removed (was {show(before)})", (name,), (), before))
        else:
            changes.append(pair.changed(kind, f"{words} {show(before)} → {show(after)}", (name,), before, after))
    return changes


def keyed(items: list[dict], key: str, fold=lambda value: value) -> dict[Any, tuple[int, dict]]:
    """Items by their key (the first of duplicates), each with its index."""
    found: dict[Any, tuple[int, dict]] = {}
    for index, item in enumerate(items):
        found.setdefault(fold(item[key]), (index, item))
    return found


def review_note(pair: Pair, changes: list[Change], what: str) -> list[Change]:
    """`last-reviewed-unchanged` when a role or team changed but kept its `last_reviewed` date."""
    reviewed = pair.new.data.get("last_reviewed")
    if changes and reviewed is not None and reviewed == pair.old.data.get("last_reviewed"):
        return [pair.changed("last-reviewed-unchanged", f"{what} changed but 'last_reviewed' is still {reviewed}: "
                             "review it and set the date", ("last_reviewed",), reviewed, reviewed)]
    return []
