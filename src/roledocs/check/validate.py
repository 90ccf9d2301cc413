"""`validate` as a library call: resolve the paths to catalogues, load each once, run every check, keep what was asked."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from ..errors import UsageError
from ..findings import Finding, Severity, Validation, sort_findings
from ..gcpause import collector_paused
from ..rules import CROSS_FILE_ROLE_KEYS
from ..source.catalogue import Catalogue, catalogue_root_for, is_yaml, load_files
from ..source.config import is_config_file
from ..source.discovery import folder_of, looks_like_source, nothing_found
from ..source.request import Requested, named_files
from .cache import cached_catalogue
from .cachefiles import CacheSetting
from .engine import run_catalogue_rules, run_file_rules, skipped, skipped_note
from ..source.checks.reading import FILE_UNREADABLE


def run_checks(catalogue: Catalogue) -> list[Finding]:
    """Every finding of a loaded catalogue: those of loading each file (YAML, schema, one-file rules), then the
    cross-file rules."""
    return catalogue.findings + run_catalogue_rules(catalogue)


def validate(paths: list[str], jobs: int | None = None, *, whole: bool = False,
             today: str | None = None, only_sources: bool = False, cache: CacheSetting = True) -> Validation:
    """Validate files and folders; a file is checked against the catalogue it sits in (see catalogue_root_for).
    With `whole`, the catalogues read keep every role whole (the library API hands them out); otherwise a role
    keeps only what the cross-file rules read, which is all validate needs and much cheaper to load in workers.
    `today` (YYYY-MM-DD, default the current date) is the day review cycles are judged against. Each catalogue is
    read through its content cache (see check/cache.py; `cache`: True for the usual place, False for none, or a
    folder).

    A folder in which no file is found is an error (`no-files`): a wrong path in CI must not pass. With
    `only_sources` (what a pre-commit hook passes: every changed YAML file), YAML files that do not say they are
    roledocs files (source.discovery.looks_like_source) are passed over, whether named or found in a folder."""
    today = today or date.today().isoformat()  # once, so every worker judges against the same day
    requested: dict[Path, str] = {}
    roots: dict[Path, list[Path]] = {}
    alone: list[Path] = []
    blocked: list[Finding] = []
    for given in paths or ["."]:
        path = Path(given)
        try:
            exists = path.exists()
        except OSError as error:  # in a folder we may not look into
            blocked.append(Finding(given, None, None, Severity.ERROR, FILE_UNREADABLE.id,
                                   f"cannot read this file ({error.strerror}): it is not checked"))
            continue
        if not exists:
            raise UsageError(f"{given}: no such file or folder")
        if path.is_file() and not is_yaml(path):
            raise UsageError(f"{given}: not a YAML file; roledocs reads .yaml and .yml files")
        if only_sources and path.is_file() and not looks_like_source(path):
            continue
        requested[path.resolve()] = given
        root = catalogue_root_for(path) or (path if path.is_dir() else None)
        if root is None:
            alone.append(path)
        else:
            roots.setdefault(root.resolve(), []).extend(named_files(path, root))
    # the loaded catalogues are gone before the collector is back, so that it never scans them all
    with collector_paused():
        findings, checked, catalogues = _check(roots, alone, Requested(requested), jobs,
                                               None if whole else CROSS_FILE_ROLE_KEYS, today, only_sources, cache)
        names, counts = set(), {}
        for catalogue in catalogues:
            rules, roles = skipped(catalogue, set(checked))
            names |= rules
            for language, count in roles.items():
                counts[language] = counts.get(language, 0) + count
        if not whole:
            catalogues = []
    findings += [nothing_found(given, only_sources) for folder, given in requested.items()
                 if folder.is_dir() and not any(path.is_relative_to(folder) for path in checked.values())]
    note = skipped_note(names, counts)
    # only the library API keeps the catalogues: held past the collector's pause, thousands of them cost a full scan
    return Validation(sort_findings(findings + blocked), sorted([*checked, *(f.path for f in blocked)]), catalogues,
                      [note] if note else [])


def _check(roots: dict[Path, list[Path]], alone: list[Path], scope: Requested, jobs: int | None,
           keep: tuple[str, ...] | None, today: str,
           only_sources: bool, cache: CacheSetting) -> tuple[list[Finding], dict[str, Path], list[Catalogue]]:
    """The findings of every catalogue the paths lead to, the files in scope (shown name -> resolved path), and
    those catalogues."""
    display = scope.namer()
    findings: list[Finding] = []
    files: dict[str, Path] = {}
    catalogues = []
    pending = dict(roots)
    while pending:  # a folder below with a roledocs.yaml of its own is a catalogue of its own
        root, named = pending.popitem()
        catalogues.append(cached_catalogue(root, display, cache=cache, jobs=jobs, per_file=run_file_rules, keep=keep,
                                           named=named, reported=scope.in_scope, today=today,
                                           only_sources=only_sources))
        for nested in map(Path.resolve, catalogues[-1].nested):
            if nested not in roots and scope.folder_in_scope(nested):
                roots[nested] = pending[nested] = []
    if alone:
        catalogues.append(load_files([(p, display(p)) for p in alone], jobs, per_file=run_file_rules, keep=keep,
                                     today=today))
    for catalogue in catalogues:
        shown = {name for name, path in catalogue.paths.items() if scope.in_scope(path)}
        found = run_checks(catalogue)
        # a broken roledocs.yaml changes how every file is checked: say so even when only a role file was given
        shown |= {f.path for f in found if is_config_file(catalogue.paths[f.path])}
        files.update((name, folder_of(catalogue.paths[name]) / catalogue.paths[name].name) for name in shown)
        findings.extend(f for f in found if f.path in shown)
    return findings, files, catalogues
