"""A team file loaded with the catalogue it sits in and checked: where `raci`, `charter` and `analyze` start."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .catalogue import Catalogue
from .checker import Validation
from .config import is_config_file
from .documents import load_inputs
from .findings import UsageError, sort_findings
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


def load_team(given: str) -> TeamInput:
    """Load the catalogue around a team file (its own folder when it sits in none: see documents._root_of), run
    every check, and keep the findings of the team file, its member roles and the catalogue config (a broken member
    role would make the documents wrong)."""
    path = Path(given)
    if path.is_dir():
        raise UsageError(f"{given}: is a folder; give a team file (e.g. teams/it-delivery.yaml)")
    if not path.is_file():
        raise UsageError(f"{given}: no such file (give the path of a team file, e.g. teams/it-delivery.yaml)")
    item = load_inputs([given])[0]
    kind = "config" if is_config_file(path) else getattr(item.document, "kind", "team")
    if kind != "team":
        raise UsageError(f"{given}: this is a {kind} file; give a team file (kind: team)")
    return TeamInput(item.document, item.catalogue, Validation(sort_findings(item.findings), item.concerned))
