"""What `roledocs diff` finds: each kind of change (KINDS, the names `--fail-on` takes), a change, a file's
changes, and the whole report."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

# Every kind of change, with the words the reports use for it. The order is the docs' and the summaries' order.
KINDS: dict[str, str] = {
    "invalid": "file does not validate",
    "role-added": "role added",
    "role-removed": "role removed",
    "role-renamed": "role renamed",
    "team-added": "team added",
    "team-removed": "team removed",
    "team-renamed": "team renamed",
    "title-changed": "title changed",
    "family-changed": "family changed",
    "level-changed": "level changed",
    "reports-to-changed": "reports to changed",
    "employment-type-changed": "employment type changed",
    "location-changed": "location changed",
    "occupation-changed": "occupation codes changed",
    "summary-changed": "summary reworded",
    "owner-changed": "owner changed",
    "last-reviewed-changed": "review date changed",
    "last-reviewed-unchanged": "changed without a new review date",
    "duty-added": "duty added",
    "duty-removed": "duty removed",
    "essential-duty-removed": "essential duty removed",
    "duty-reworded": "duty reworded",
    "duty-essential-changed": "duty essential changed",
    "time-share-changed": "time share changed",
    "duty-frequency-changed": "duty frequency changed",
    "skill-added": "skill added",
    "skill-removed": "skill removed",
    "skill-level-changed": "skill level changed",
    "skill-required-changed": "skill required changed",
    "kpi-added": "KPI added",
    "kpi-removed": "KPI removed",
    "kpi-reworded": "KPI reworded",
    "kpi-target-stricter": "KPI target stricter",
    "kpi-target-looser": "KPI target looser",
    "kpi-target-changed": "KPI target changed",
    "kpi-frequency-changed": "KPI frequency changed",
    "qualification-added": "qualification added",
    "qualification-removed": "qualification removed",
    "pay-range-changed": "pay range changed",
    "name-changed": "team name changed",
    "mission-changed": "mission reworded",
    "lead-changed": "lead changed",
    "raci-profile-changed": "RACI profile changed",
    "member-added": "member role added",
    "member-removed": "member role removed",
    "headcount-changed": "headcount changed",
    "person-added": "person added",
    "person-removed": "person removed",
    "party-added": "party added",
    "party-removed": "party removed",
    "activity-added": "activity added",
    "activity-removed": "activity removed",
    "activity-renamed": "activity renamed",
    "activity-phase-changed": "activity phase changed",
    "raci-changed": "RACI cell changed",
    "activity-without-accountable": "activity left without accountable",
    "activity-without-responsible": "activity left without responsible",
}


@dataclass(frozen=True)
class Change:
    """One change in meaning: its kind, a sentence for people, where it is (1-based line in the new version, or in
    the old one for what was removed) and the values before and after where they are values."""

    kind: str
    message: str
    line: int | None = None
    base_line: int | None = None
    before: Any = None
    after: Any = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "message": self.message, "line": self.line, "base_line": self.base_line,
                "before": self.before, "after": self.after, **self.extra}


@dataclass
class FileDiff:
    """The changes of one role or team file: `status` is added, removed, renamed, changed or invalid."""

    path: str
    kind: str
    id: str
    status: str
    changes: list[Change] = field(default_factory=list)
    base_path: str | None = None
    base_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "base_path": self.base_path, "kind": self.kind, "id": self.id,
                "base_id": self.base_id, "status": self.status, "changes": [c.to_dict() for c in self.changes]}


@dataclass
class Report:
    """Every file's changes between two versions, named for people (`base`, `head`), and the kinds that fail the
    run (`--fail-on`)."""

    base: str
    head: str
    files: list[FileDiff]
    fail_on: frozenset[str] = frozenset()

    def counts(self) -> Counter:
        """How many changes of each kind, in KINDS order."""
        found = Counter(change.kind for f in self.files for change in f.changes)
        return Counter({kind: found[kind] for kind in KINDS if found[kind]})

    @property
    def failing(self) -> list[str]:
        """The kinds present that `--fail-on` names, in KINDS order."""
        return [kind for kind in self.counts() if kind in self.fail_on or "any" in self.fail_on]

    def to_dict(self) -> dict[str, Any]:
        counts = self.counts()
        return {"base": self.base, "head": self.head,
                "summary": {"files": len(self.files), "changes": sum(counts.values()), "kinds": dict(counts),
                            "failing": self.failing},
                "files": [f.to_dict() for f in self.files]}


def label(kind: str, count: int = 1) -> str:
    """A kind in words, with a count when there are several: 'KPI target stricter', 'duty added ×2'."""
    return KINDS[kind] + (f" ×{count}" if count > 1 else "")
