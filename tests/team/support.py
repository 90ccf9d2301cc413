"""Helpers for the team tests: a private copy of the small fixture catalogue and team files written into it."""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from tests.support import FIXTURES

CATALOGUE = FIXTURES / "teams" / "catalogue"


def catalogue_copy(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/teams/catalogue (roles head-of-engineering, team-lead, developer, operator)."""
    target = tmp_path / "teams-catalogue"
    shutil.copytree(CATALOGUE, target)
    return target


def small_team() -> dict:
    """The data of teams/small.yaml, to vary in a test."""
    return yaml.safe_load((CATALOGUE / "teams" / "small.yaml").read_text(encoding="utf-8"))


def write_team(root: Path, data: dict) -> Path:
    """Write a team file named after its id into the catalogue at root; returns its path."""
    path = root / "teams" / f"{data['id']}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def team(activities: list[dict], *, parties: list[dict] | None = None, team_id: str = "probe", **extra) -> dict:
    """A team of the fixture roles (lead team-lead; developer, operator) with the given activities."""
    data = {"roledocs": 1, "kind": "team", "id": team_id, "name": "Probe Team", "mission": "Probe the rules.",
            "lead": "team-lead", "members": [{"role": "team-lead"}, {"role": "developer"}, {"role": "operator"}],
            "parties": parties if parties is not None else [{"id": "customer", "name": "Customer"}],
            "activities": activities}
    data.update(extra)
    return data


def activity(identifier: str, raci: dict, name: str | None = None, phase: str | None = None) -> dict:
    """One activity row."""
    row = {"id": identifier, "name": name or identifier.replace("-", " ").capitalize(), "raci": raci}
    if phase is not None:
        row["phase"] = phase
    return row
