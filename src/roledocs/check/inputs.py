"""The files a document command was given, each loaded and checked within its catalogue: where `render`, `raci`,
`charter` and `analyze` start.

Each file is checked against the catalogue it sits in (so `reports_to` resolves to a title); a team file outside
any catalogue is checked with the files of its own folder, where its member roles are expected. Only the given
files are linted, and the member roles of given teams (their errors would make a charter wrong).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from ..findings import Finding, Severity, Validation, sort_findings
from ..source.catalogue import Catalogue, load_catalogue, load_files
from ..source.config import is_config_file
from ..source.discovery import folder_of
from ..source.document import Document
from ..source.request import Requested, document_root
from .engine import run_file_rules
from .validate import run_checks


@dataclass
class Input:
    """A file given on the command line, as loaded and checked within its catalogue."""

    given: str
    catalogue: Catalogue
    document: Document | None
    findings: list[Finding] = field(default_factory=list)
    concerned: list[str] = field(default_factory=list)  # the files whose errors would make its document wrong

    @property
    def errors(self) -> bool:
        """Whether any finding that concerns this file is an error (warnings do not block rendering)."""
        return any(f.severity is Severity.ERROR for f in self.findings)


def load_inputs(paths: list[str]) -> list[Input]:
    """Load and check every given file within its catalogue (see source.request.document_root), in the order given."""
    requested: dict[Path, str] = {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            raise UsageError(f"{given}: is a folder; give role or team files (`roledocs build` renders a catalogue)")
        if not path.is_file():
            raise UsageError(f"{given}: no such file")
        requested.setdefault(folder_of(path) / path.name, given)

    scope = Requested(requested)
    display = scope.namer()

    groups: dict[Path | None, list[Path]] = {}
    for resolved in requested:
        root = document_root(resolved)
        groups.setdefault(root.resolve() if root else None, []).append(resolved)
    loaded: dict[str, Input] = {}
    for root, files in groups.items():
        if root is None:
            catalogue = load_files([(p, display(p)) for p in files], per_file=run_file_rules)
        else:
            catalogue = load_catalogue(root, display, per_file=run_file_rules, reported=scope.in_scope, named=files)
            _lint_members(catalogue, {display(p) for p in files})
        findings = run_checks(catalogue)
        documents = {d.path: d for d in [*catalogue.roles_checked, *catalogue.teams_checked]}
        configs = {name for name, path in catalogue.paths.items() if is_config_file(path)}
        for path in files:
            name = display(path)
            concerned = _concerned(name, documents.get(name), catalogue, configs)
            loaded[name] = Input(name, catalogue, documents.get(name), [f for f in findings if f.path in concerned],
                                 sorted(concerned))
    return [loaded[given] for given in requested.values()]


def _lint_members(catalogue: Catalogue, linted: set[str]) -> None:
    """Run the one-file rules on the member roles of the given teams that were loaded without them."""
    members = {member["role"] for team in catalogue.teams_checked if team.path in linted
               for member in team.data["members"]}
    for role_id in sorted(members):
        role = catalogue.roles.get(role_id)
        if role is not None and role.path not in linted:
            catalogue.findings.extend(run_file_rules(role, catalogue))


def _concerned(name: str, document, catalogue: Catalogue, configs: set[str]) -> set[str]:
    """The files whose errors would make a document wrong: the file itself, the config, and a team's member roles."""
    concerned = {name} | configs
    if document is not None and document.kind == "team":
        members = {member["role"] for member in document.data["members"]}
        concerned |= {name for name, path in catalogue.paths.items() if path.stem in members}
    return concerned


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
    """Load the catalogue around a team file, run every check, and keep the findings of the team file, its member
    roles and the catalogue config (a broken member role would make the documents wrong)."""
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
