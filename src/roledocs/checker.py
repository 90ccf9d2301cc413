"""`validate` as a library call: resolve the paths to catalogues, load each once, run every check, keep what was asked."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .catalogue import Catalogue, catalogue_root_for, is_yaml, load_catalogue, load_files
from .collector import collector_paused
from .config import is_config_file
from .discovery import discover, folder_of
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


class _Requested:
    """The files and folders the user named, looked up cheaply per file: most files are named by their folder."""

    def __init__(self, requested: dict[Path, str]) -> None:
        self.shown = requested
        self.names = {path.name for path in requested}
        self._folders: dict[Path, bool] = {}

    def file(self, path: Path, folder: Path) -> str | None:
        """How the user wrote this file, if they named it."""
        return self.shown.get(folder / path.name) if path.name in self.names else None

    def folder_in_scope(self, folder: Path) -> bool:
        if folder not in self._folders:
            self._folders[folder] = any(above in self.shown for above in (folder, *folder.parents))
        return self._folders[folder]

    def in_scope(self, path: Path) -> bool:
        folder = folder_of(path)
        return self.file(path, folder) is not None or self.folder_in_scope(folder)


def _namer(requested: _Requested):
    """Name files as the user wrote them: below a given folder as that folder plus the rest, else relative to here."""
    here = Path.cwd().resolve()

    @lru_cache(maxsize=4096)
    def prefix(folder: Path) -> str:
        """What goes before a file name in this folder."""
        for above in (folder, *folder.parents):
            if above in requested.shown:
                given, rest = requested.shown[above].rstrip("/"), folder.relative_to(above).as_posix()
                shown = "/".join(part for part in (given, rest) if part not in ("", "."))
                return shown + "/" if shown else ""
        if folder == here:
            return ""
        if folder.is_relative_to(here):
            return folder.relative_to(here).as_posix() + "/"
        return folder.as_posix().rstrip("/") + "/"

    def display(path: Path) -> str:
        folder = folder_of(path)
        return requested.file(path, folder) or prefix(folder) + path.name

    return display


def display_namer(requested: dict[Path, str]):
    """`display(path)` for files of the catalogues read for `requested` (resolved paths -> as the user wrote them):
    as given, below a given folder as that folder plus the rest, else relative to the current folder."""
    return _namer(_Requested(requested))


def run_checks(catalogue: Catalogue) -> list[Finding]:
    """Every finding of a loaded catalogue: those of loading each file (YAML, schema, one-file rules), then the
    cross-file rules."""
    return catalogue.findings + run_catalogue_rules(catalogue)


def validate(paths: list[str], jobs: int | None = None) -> Validation:
    """Validate files and folders; a file is checked against the catalogue it sits in (see catalogue_root_for)."""
    requested: dict[Path, str] = {}
    roots: dict[Path, list[Path]] = {}
    alone: list[Path] = []
    blocked: list[Finding] = []
    for given in paths or ["."]:
        path = Path(given)
        try:
            exists = path.exists()
        except OSError as error:  # in a folder we may not look into
            blocked.append(Finding(given, None, None, Severity.ERROR, "file-unreadable",
                                   f"cannot read this file ({error.strerror}): it is not checked"))
            continue
        if not exists:
            raise UsageError(f"{given}: no such file or folder")
        if path.is_file() and not is_yaml(path):
            raise UsageError(f"{given}: not a YAML file; roledocs reads .yaml and .yml files")
        requested[path.resolve()] = given
        root = catalogue_root_for(path) or (path if path.is_dir() else None)
        if root is None:
            alone.append(path)
        else:
            roots.setdefault(root.resolve(), []).extend(_named_files(path, root))
    # the loaded catalogues are gone when _check returns, before the collector could scan them all
    with collector_paused():
        findings, files = _check(roots, alone, _Requested(requested), jobs)
    return Validation(sort_findings(findings + blocked), sorted(files + [f.path for f in blocked]))


def _named_files(path: Path, root: Path) -> list[Path]:
    """The files a path names that reading the catalogue would skip: the file itself, or the YAML files of a
    hidden folder the user named (`roledocs validate .github/`)."""
    if path.is_file():
        return [path]
    below = path.resolve().relative_to(root.resolve()).parts
    return discover(path).files if any(part.startswith(".") for part in below) else []


def _check(roots: dict[Path, list[Path]], alone: list[Path], scope: _Requested,
           jobs: int | None) -> tuple[list[Finding], list[str]]:
    """The findings and files in scope of every catalogue the paths lead to."""
    display = _namer(scope)
    findings: list[Finding] = []
    files: list[str] = []
    catalogues = []
    pending = dict(roots)
    while pending:  # a folder below with a roledocs.yaml of its own is a catalogue of its own
        root, named = pending.popitem()
        catalogues.append(load_catalogue(root, display, jobs=jobs, checks_only=True, named=named,
                                         reported=scope.in_scope))
        for nested in map(Path.resolve, catalogues[-1].nested):
            if nested not in roots and scope.folder_in_scope(nested):
                roots[nested] = pending[nested] = []
    if alone:
        catalogues.append(load_files([(p, display(p)) for p in alone], jobs, checks_only=True))
    for catalogue in catalogues:
        keep = {name for name, path in catalogue.paths.items() if scope.in_scope(path)}
        found = run_checks(catalogue)
        # a broken roledocs.yaml changes how every file is checked: say so even when only a role file was given
        keep |= {f.path for f in found if is_config_file(catalogue.paths[f.path])}
        files.extend(keep)
        findings.extend(f for f in found if f.path in keep)
    return findings, files
