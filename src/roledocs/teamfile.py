"""A team file loaded with the catalogue it sits in and checked: where `raci`, `charter` and `analyze` start."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .catalogue import Catalogue, catalogue_root_for, load_catalogue
from .checker import Validation, run_checks
from .findings import RoledocsError, UsageError, sort_findings
from .loader import Document


@dataclass
class TeamInput:
    """The team's document (None when it failed to load), its catalogue, and the findings that concern it."""

    document: Document | None
    catalogue: Catalogue
    validation: Validation

    @property
    def failed(self) -> bool:
        return self.document is None or self.validation.errors > 0


def _namer(given: str, path: Path):
    """Name the team file as the user wrote it and other files relative to the current folder."""
    team = path.resolve()
    here = Path.cwd().resolve()

    def display(other: Path) -> str:
        resolved = other.resolve()
        if resolved == team:
            return given
        try:
            return resolved.relative_to(here).as_posix()
        except ValueError:
            return resolved.as_posix()

    return display


def _member_ids(document: Document | None) -> set[str]:
    if document is None:
        return set()
    return {member["role"] for member in document.data["members"]}


def load_team(given: str) -> TeamInput:
    """Load the catalogue around a team file, run every check, and keep the findings of the team file, its member
    roles and the catalogue config (a broken member role would make the documents wrong)."""
    path = Path(given)
    if not path.is_file():
        raise UsageError(f"{given}: no such file (give the path of a team file, e.g. teams/it-delivery.yaml)")
    root = catalogue_root_for(path)
    if root is None:
        raise RoledocsError(f"{given}: no roledocs.yaml found in its folder or above; a team needs the catalogue "
                            "of its member roles: add roledocs.yaml at the catalogue's root")
    display = _namer(given, path)
    catalogue = load_catalogue(root, display)
    document = next((d for d in catalogue.teams_checked if d.path == given), None)
    config = catalogue.config_document.path if catalogue.config_document else None
    if document is None and (given == config or any(d.path == given for d in catalogue.roles_checked)):
        raise UsageError(f"{given}: this is a {'config' if given == config else 'role'} file; "
                         "give a team file (kind: team)")
    members = _member_ids(document)
    concerned = {given, config} | {d for d, p in catalogue.paths.items() if p.stem in members and d != given}
    findings = [f for f in run_checks(catalogue) if f.path in concerned]
    files = sorted(d for d in concerned if d is not None)
    return TeamInput(document, catalogue, Validation(sort_findings(findings), files))
