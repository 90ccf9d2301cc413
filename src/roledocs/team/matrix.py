"""The RACI matrix of a team as data: columns (lead, members, parties), rows grouped by phase, a legend.

Every RACI output (md, html, csv, xlsx, pdf, and the charter's matrix) is drawn from this one model; the team's
RACI profile (profiles.py) gives the letters, their order in a cell and the legend.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Iterator

from ..source.profiles import PROFILES, Profile, profile_of


@dataclass(frozen=True)
class Column:
    """One column: a member role (by title) or a party (by name)."""

    id: str
    title: str
    kind: str
    lead: bool = False


@dataclass(frozen=True)
class Row:
    """One activity with its cells, one per column ("" where the column has no part)."""

    id: str
    name: str
    phase: str | None
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Group:
    """The activities of one phase (None: activities without a phase), in file order."""

    phase: str | None
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Matrix:
    """A team's whole RACI matrix."""

    team_id: str
    team_name: str
    columns: tuple[Column, ...]
    groups: tuple[Group, ...]
    profile: Profile = field(default=PROFILES["raci"])

    @property
    def rows(self) -> Iterator[Row]:
        """Every row, phase by phase."""
        for group in self.groups:
            yield from group.rows

    @property
    def size(self) -> tuple[int, int]:
        """(activities, columns)."""
        return sum(len(g.rows) for g in self.groups), len(self.columns)

    def bands(self, width: int) -> list[range]:
        """Column index ranges of at most `width` columns, for pages that cannot hold every column at once."""
        count = len(self.columns)
        return [range(start, min(start + width, count)) for start in range(0, count, width)] or [range(0)]

    def select(self, columns: range, rows: range) -> Matrix:
        """The part of the matrix in the given column and row index ranges (rows counted phase by phase)."""
        wanted = set(rows)
        groups, index = [], 0
        for group in self.groups:
            kept = []
            for row in group.rows:
                if index in wanted:
                    kept.append(Row(row.id, row.name, row.phase, row.cells[columns.start:columns.stop]))
                index += 1
            if kept:
                groups.append(Group(group.phase, tuple(kept)))
        return Matrix(self.team_id, self.team_name, self.columns[columns.start:columns.stop], tuple(groups),
                      self.profile)

    def to_dict(self) -> dict[str, Any]:
        """The matrix as templates see it: team, columns, groups of rows, the profile (id, title), its letters'
        names in a sentence (`who.all`: '... and informed', `who.any`: '... or informed') and its legend."""
        return {
            "team": {"id": self.team_id, "name": self.team_name},
            "columns": [asdict(c) for c in self.columns],
            "groups": [{"phase": g.phase, "rows": [asdict(r) | {"cells": list(r.cells)} for r in g.rows]}
                       for g in self.groups],
            "profile": {"id": self.profile.id, "title": self.profile.title},
            "who": {"all": self.profile.named("and"), "any": self.profile.named("or")},
            "legend": self.profile.legend(),
        }


def columns(team: dict, titles: dict[str, str]) -> tuple[Column, ...]:
    """The lead first, then the other member roles in file order, then the parties in file order."""
    lead = team.get("lead")
    roles = [m["role"] for m in team["members"]]
    ordered = ([lead] if lead in roles else []) + [r for r in roles if r != lead]
    return tuple(Column(r, titles.get(r, r), "role", r == lead) for r in ordered) + \
        tuple(Column(p["id"], p["name"], "party") for p in team.get("parties", []))


def build_matrix(team: dict, titles: dict[str, str]) -> Matrix:
    """The matrix of team data; `titles` maps role ids to titles (an id without one shows as itself)."""
    cols = columns(team, titles)
    profile = profile_of(team)
    phases: dict[str | None, list[Row]] = {}
    for activity in team.get("activities", []):
        cells = tuple(profile.normalise(activity["raci"].get(c.id, "")) for c in cols)
        phase = activity.get("phase")
        phases.setdefault(phase, []).append(Row(activity["id"], activity["name"], phase, cells))
    groups = tuple(Group(phase, tuple(rows)) for phase, rows in phases.items())
    return Matrix(team["id"], team["name"], cols, groups, profile)


def matrix_for(document, catalogue) -> Matrix:
    """The matrix of a loaded team Document, role titles taken from its Catalogue."""
    titles = {rid: doc.data["title"] for rid, doc in catalogue.roles.items()}
    return build_matrix(document.data, titles)
