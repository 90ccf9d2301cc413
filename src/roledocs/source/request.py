"""What the user asked for: the paths as given, the catalogue each belongs to, and how every file is shown.

Every command names files the way validate does: as given, below a given folder as that folder plus the rest,
else relative to the current folder (absolute outside it). A shown name is only ever a label: a file is reopened
through its real path (Document.source), so a finding keeps its line wherever roledocs runs from.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .catalogue import catalogue_root_for, load_file
from .discovery import discover, place_of


def shown(path: Path) -> str:
    """A path as people read it: relative to the current folder when it lies below it, else as it is. Called for
    every file of a catalogue, so it compares strings against the current folder resolved once."""
    text = path.as_posix()
    if not path.is_absolute():
        return text
    here = _resolved(os.getcwd()).rstrip("/") + "/"
    return text[len(here):] if text.startswith(here) else text


@lru_cache(maxsize=8)
def _resolved(folder: str) -> str:
    """A folder with its links resolved, worked out once per folder."""
    return Path(folder).resolve().as_posix()


class Requested:
    """The files and folders the user named, looked up cheaply per file: most files are named by their folder."""

    def __init__(self, requested: dict[Path, str]) -> None:
        self.shown = requested
        self.names = {path.name for path in requested}
        self._folders: dict[Path, bool] = {}

    def file(self, name: str, folder: Path) -> str | None:
        """How the user wrote the file `name` in `folder` (resolved), if they named it."""
        return self.shown.get(folder / name) if name in self.names else None

    def folder_in_scope(self, folder: Path) -> bool:
        """Whether a folder is one the user named or lies below one."""
        if folder not in self._folders:
            self._folders[folder] = any(above in self.shown for above in (folder, *folder.parents))
        return self._folders[folder]

    def in_scope(self, path: Path) -> bool:
        """Whether the user asked for this file, by name or by a folder above it."""
        folder, name = place_of(path)
        return self.file(name, folder) is not None or self.folder_in_scope(folder)

    def namer(self) -> Callable[[Path], str]:
        """`display(path)`: a file as the user wrote it, below a given folder as that folder plus the rest, else
        relative to the current folder."""
        here = Path.cwd().resolve()

        @lru_cache(maxsize=4096)
        def prefix(folder: Path) -> str:
            """What goes before a file name in this folder."""
            for above in (folder, *folder.parents):
                if above in self.shown:
                    given, rest = self.shown[above].rstrip("/"), folder.relative_to(above).as_posix()
                    joined = "/".join(part for part in (given, rest) if part not in ("", "."))
                    return joined + "/" if joined else ""
            if folder == here:
                return ""
            if folder.is_relative_to(here):
                return folder.relative_to(here).as_posix() + "/"
            return folder.as_posix().rstrip("/") + "/"

        def display(path: Path) -> str:
            folder, name = place_of(path)
            return self.file(name, folder) or prefix(folder) + name

        return display


def display_namer(requested: dict[Path, str]) -> Callable[[Path], str]:
    """`display(path)` for files of the catalogues read for `requested` (resolved paths -> as the user wrote them)."""
    return Requested(requested).namer()


def named_files(path: Path, root: Path) -> list[Path]:
    """The files a path names that reading the catalogue would skip: the file itself, or the YAML files of a
    hidden folder the user named (`roledocs validate .github/`)."""
    if path.is_file():
        return [path]
    below = path.resolve().relative_to(root.resolve()).parts
    return discover(path).files if any(part.startswith(".") for part in below) else []


def document_root(path: Path) -> Path | None:
    """The catalogue a file given to render, raci, charter or analyze is loaded in: the one it sits in (see
    catalogue_root_for), else, for a team file, its own folder: a team means nothing without its member roles,
    expected beside it (when they are not there, the unknown-member-role findings say which roles exist). A role
    file outside any catalogue is checked alone (None), its references unresolved, as format-v1.md says."""
    root = catalogue_root_for(path)
    if root is None:
        document = load_file(path, path.name).document  # read twice, but only outside a catalogue
        if document is not None and document.kind == "team":
            return path.parent
    return root
