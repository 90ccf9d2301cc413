"""Finding a catalogue's files: every YAML file below its root, except hidden ones, skipped folders and nested
catalogues (a folder with a roledocs.yaml of its own is a catalogue of its own, checked on its own)."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .config import CONFIG_NAMES

YAML_SUFFIXES = (".yaml", ".yml")
_SOURCE_MARK = re.compile(rb"^(?:roledocs:|kind:\s*(?:role|team)\b)", re.MULTILINE)


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
def _resolve_folder(folder: Path) -> Path:
    return folder.resolve()


def folder_of(path: Path) -> Path:
    """A file's folder, resolved once per folder (a catalogue has thousands of files in a few folders); the same
    object each time, so its hash is computed once too."""
    # absolute() first: a relative folder such as "." means another folder after a chdir (the cache outlives it)
    return _resolve_folder(path.parent.absolute())


def looks_like_source(path: Path) -> bool:
    """Whether a YAML file is a role, team or config file (a site may hold others, e.g. GitHub Pages' _config.yml)."""
    if not path.is_file():  # a pipe would block the read
        return False
    try:
        with open(path, "rb") as file:
            return _SOURCE_MARK.search(file.read(4096)) is not None
    except OSError:
        return False
