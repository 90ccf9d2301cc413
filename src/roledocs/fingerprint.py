"""Digests of what roledocs' results depend on besides the user's files: its own code, templates and schemas.

The build manifest keys every output by them (site/manifest.py), and the content cache keys every checked file
by them (check/cache.py): an edited or upgraded roledocs rebuilds everything and trusts nothing it remembered.
"""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .version import __version__

_ENGINE_SUFFIXES = (".py", ".j2", ".css", ".json")


def digest(*parts: bytes | str | None) -> str:
    """SHA-256 over the parts, each length-prefixed so that no two different lists of parts give the same bytes."""
    sha = hashlib.sha256()
    for part in parts:
        data = b"\x00" if part is None else part.encode("utf-8") if isinstance(part, str) else part
        sha.update(f"{len(data)}:".encode("ascii"))
        sha.update(data)
    return sha.hexdigest()


def folder_digest(folder: Path | None, suffixes: tuple[str, ...] | None = None) -> str:
    """The digest of every file below a folder (names and bytes, in sorted order); links are followed."""
    if folder is None:
        return digest(None)
    parts: list[bytes | str] = []
    for here, subfolders, names in os.walk(folder, followlinks=True):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(names):
            if suffixes is None or name.endswith(suffixes):
                path = Path(here) / name
                parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return digest(*parts)


@lru_cache(maxsize=1)
def engine_digest() -> str:
    """The roledocs version and code with its built-in templates and schemas: a new or edited roledocs changes it."""
    return digest(__version__, folder_digest(Path(str(resources.files("roledocs"))), _ENGINE_SUFFIXES))
