"""Finding a catalogue's files: every YAML file below its root, except hidden ones, skipped folders and nested
catalogues (a folder with a roledocs.yaml of its own is a catalogue of its own, checked on its own)."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .config import CONFIG_NAMES
from ..findings import Finding, Severity
from .checks.reading import NO_FILES

YAML_SUFFIXES = (".yaml", ".yml")
# A roledocs file says what it is on its first lines (`roledocs: 1`, `kind: role`), as a GitHub workflow or a
# Kubernetes manifest says what it is: a top-level `roledocs:` key, or `kind:` set to role or team.
_SOURCE_MARK = re.compile(rb"""^(?:(["']?)roledocs\1[ \t]*:|(["']?)kind\2[ \t]*:[ \t]*(["']?)(?:role|team)\3[ \t]*(?:#|\r?$))""",
                          re.MULTILINE)
_MARK_BYTES = 1024 * 1024  # no role, team or config file is longer (file-too-large)


@dataclass
class Discovery:
    """The YAML files found (sorted like Paths), the folders that could not be listed, and nested catalogues."""

    files: list[Path] = field(default_factory=list)
    unreadable: list[OSError] = field(default_factory=list)
    nested: list[Path] = field(default_factory=list)


def discover(root: Path, skip: set[Path] = frozenset()) -> Discovery:
    """The YAML files below root, leaving out hidden folders and files, the `skip` folders (resolved paths) and
    folders that hold a catalogue config of their own (listed as nested instead)."""
    result = Discovery()
    found = []
    for folder, subfolders, names in os.walk(root, onerror=result.unreadable.append):
        here = Path(folder)
        if folder != os.fspath(root) and any(name in names for name in CONFIG_NAMES):
            result.nested.append(here)
            subfolders.clear()
            continue
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and (here / d).resolve() not in skip)
        found.extend((here.parts, n, here) for n in names if n.endswith(YAML_SUFFIXES) and not n.startswith("."))
    found.sort(key=lambda entry: (*entry[0], entry[1]))  # the order of sorted Paths, comparing plain strings
    result.files = [here / name for _, name, here in found]
    result.nested.sort()
    return result


@lru_cache(maxsize=4096)
def _resolve_folder(folder: str) -> Path:
    return Path(folder).resolve()


def place_of(path: Path) -> tuple[Path, str]:
    """A file's folder, resolved once per folder (a catalogue has thousands of files in a few folders; the same
    object each time, so its hash is computed once too), and its name. Worked out on text: pathlib's parsing of
    each file's path cost more than all the rest of a warm validate's naming."""
    folder, name = os.path.split(os.fspath(path))
    folder = folder or "."
    # absolute first: a relative folder such as "." means another folder after a chdir (the cache outlives it)
    return _resolve_folder(folder if os.path.isabs(folder) else os.path.join(os.getcwd(), folder)), name


def folder_of(path: Path) -> Path:
    """A file's folder, resolved (see place_of)."""
    return place_of(path)[0]


def looks_like_source(path: Path) -> bool:
    """Whether a YAML file is a role, team or config file by its name or its top-level keys (see _SOURCE_MARK): a
    site may hold other YAML (GitHub Pages' _config.yml), and a repository does (workflows, .pre-commit-config.yaml).
    A file that cannot be read is taken for one, so that reading it reports why."""
    if path.name in CONFIG_NAMES:
        return True
    try:
        if not path.is_file():  # a pipe would block the read
            return False
        with open(path, "rb") as file:
            return _SOURCE_MARK.search(file.read(_MARK_BYTES)) is not None
    except OSError:
        return True


def nothing_found(folder: str, only_sources: bool = False, looked_for: str = "role, team or config file") -> Finding:
    """The finding for a folder in which no file was found to check (most likely a wrong path in CI)."""
    passed_over = "; YAML files without `roledocs:` or `kind: role|team` were passed over" if only_sources else ""
    return Finding(folder, None, None, Severity.ERROR, NO_FILES.id,
                   f"no {looked_for} found in {folder}: roledocs looked for .yaml and .yml files there and in its "
                   f"subfolders (leaving out hidden folders and the output folder{passed_over}); is the path right?")
