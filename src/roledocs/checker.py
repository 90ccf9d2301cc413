"""`validate` as a library call: resolve the paths to catalogues, load each once, run every check, keep what was asked."""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .catalogue import Catalogue, catalogue_root_for, load_catalogue, load_files
from .findings import Finding, Severity, UsageError, sort_findings
from .rules import run_catalogue_rules


@dataclass
class Validation:
    """The outcome of a validation run: sorted findings and the files they cover."""

    findings: list[Finding]
    files: list[str]

    @property
    def errors(self) -> int:
        return sum(f.severity is Severity.ERROR for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity is Severity.WARNING for f in self.findings)

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))


@lru_cache(maxsize=4096)
def _resolve_folder(folder: Path) -> Path:
    return folder.resolve()


def _resolve(path: Path) -> Path:
    """Resolve a file's path, resolving each folder once (a catalogue has thousands of files in a few folders)."""
    # absolute() first: a relative folder such as "." means another folder after a chdir (the cache outlives it)
    return _resolve_folder(path.parent.absolute()) / path.name


def _namer(requested: dict[Path, str]):
    """Name files as the user wrote them: below a given folder as that folder plus the rest, else relative to here."""
    here = Path.cwd().resolve()

    def display(path: Path) -> str:
        resolved = _resolve(path)
        if resolved in requested:
            return requested[resolved]
        for folder in (resolved, *resolved.parents):
            if folder in requested:
                given = requested[folder]
                rest = resolved.relative_to(folder).as_posix()
                return rest if given in ("", ".") else f"{given.rstrip('/')}/{rest}"
        try:
            return resolved.relative_to(here).as_posix()
        except ValueError:
            return resolved.as_posix()

    return display


def _in_scope(path: Path, requested: dict[Path, str]) -> bool:
    resolved = _resolve(path)
    return any(folder in requested for folder in (resolved, *resolved.parents))


def run_checks(catalogue: Catalogue) -> list[Finding]:
    """Every finding of a loaded catalogue: those of loading each file (YAML, schema, one-file rules), then the
    cross-file rules."""
    return catalogue.findings + run_catalogue_rules(catalogue)


def validate(paths: list[str], jobs: int | None = None) -> Validation:
    """Validate files and folders; a file is checked against the catalogue it sits in (see catalogue_root_for)."""
    requested: dict[Path, str] = {}
    roots: dict[Path, None] = {}
    alone: list[Path] = []
    for given in paths or ["."]:
        path = Path(given)
        if not path.exists():
            raise UsageError(f"{given}: no such file or folder")
        requested[path.resolve()] = given
        root = catalogue_root_for(path) or (path if path.is_dir() else None)
        if root is None:
            alone.append(path)
        else:
            roots[root.resolve()] = None
    display = _namer(requested)
    findings: list[Finding] = []
    files: list[str] = []
    catalogues = [load_catalogue(root, display, jobs=jobs) for root in roots]
    if alone:
        catalogues.append(load_files([(p, display(p)) for p in alone], jobs))
    for catalogue in catalogues:
        keep = {name for name, path in catalogue.paths.items() if _in_scope(path, requested)}
        files.extend(sorted(keep))
        findings.extend(f for f in run_checks(catalogue) if f.path in keep)
    return Validation(sort_findings(findings), files)
