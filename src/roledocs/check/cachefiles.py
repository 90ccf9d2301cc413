"""The content cache's files: where they live, and how they are written and read without ever being trusted blindly.

The cache of a catalogue lives in `.roledocs-cache/` at its root (with a `.gitignore` inside, as pytest's cache
has), or in the folder `--cache-dir` or `ROLEDOCS_CACHE_DIR` names. It is never followed through a link out of
the catalogue and never made in a catalogue folder that is read-only: then the run goes on without it, quietly.

A table is one file: a header line naming the format and everything its lines depend on besides the files
(roledocs' code, Python and the parsing libraries), then one line per catalogue file, its checksum and then its
JSON. A table is always written whole, to a temporary file renamed over the old one, so two runs at once leave
one or the other's, never a mix; a line that is cut short, altered or from another version is skipped, and a file
that is not a table at all is read as an empty one.
"""
from __future__ import annotations

import os
import stat
import sys
import tempfile
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Union

import orjson
import yaml

from ..errors import RoledocsError
from ..fingerprint import digest, engine_digest
from ..output.files import write_atomic

CACHE_FOLDER = ".roledocs-cache"
ENVIRONMENT = "ROLEDOCS_CACHE_DIR"
FORMAT = 1
# True: the usual place ($ROLEDOCS_CACHE_DIR, else .roledocs-cache/ at the catalogue root); False: no cache
CacheSetting = Union[bool, str, os.PathLike]
_GITIGNORE = "# Created by roledocs: its content cache, which is not for version control.\n*\n"
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# roledocs' content cache (https://bford.info/cachedir/)\n"


def cache_folder(root: Path, setting: CacheSetting = True) -> Path | None:
    """The folder the cache of the catalogue at `root` lives in, made if need be; None when there is to be no
    cache: `setting` is False, or the folder cannot be made or written (a read-only catalogue, a link)."""
    if setting is False:
        return None
    if setting is True:
        setting = os.environ.get(ENVIRONMENT) or ""
        if not setting:
            return _own_folder(root)
    folder = Path(setting)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return _marked(folder) if os.access(folder, os.W_OK) else None
    except (OSError, RoledocsError):
        return None


def _own_folder(root: Path) -> Path | None:
    """`.roledocs-cache/` at the root: not in a folder without write permission (even for root, who could), and
    not where a link stands (it could lead out of the catalogue)."""
    try:
        if not (os.access(root, os.W_OK) and os.stat(root).st_mode & 0o222):
            return None
        folder = root / CACHE_FOLDER
        folder.mkdir(exist_ok=True)
        if not stat.S_ISDIR(os.lstat(folder).st_mode):
            return None
        return _marked(folder)
    except (OSError, RoledocsError):
        return None


def _marked(folder: Path) -> Path:
    """The folder, with the .gitignore that keeps it out of git and the tag that keeps it out of backups."""
    for name, text in ((".gitignore", _GITIGNORE), ("CACHEDIR.TAG", _TAG)):
        if not os.path.lexists(folder / name):
            write_atomic(folder / name, text)
    return folder


@lru_cache(maxsize=1)
def generation() -> str:
    """What every cached result depends on besides the catalogue's files: the cache format, roledocs' code,
    templates and schemas, Python, and the libraries that parse YAML and check schemas."""
    return digest(str(FORMAT), engine_digest(), sys.version, yaml.__version__, str(yaml.__with_libyaml__),
                  _installed("jsonschema"), _installed("jsonschema_rs"))


def _installed(module: str) -> str:
    """A library's version, from the name of its dist-info folder beside it (importing importlib.metadata costs more
    than all else a warm run does); from its metadata when it is installed some other way."""
    from importlib.util import find_spec

    spec = find_spec(module)
    if spec is None or spec.origin is None:
        return "absent"
    folder = os.path.dirname(spec.origin)
    if spec.submodule_search_locations is not None:  # a package: the dist-info lies beside its folder
        folder = os.path.dirname(folder)
    try:
        found = [n for n in os.listdir(folder) if n.startswith(module + "-") and n.endswith(".dist-info")]
    except OSError:
        found = []
    if len(found) == 1:
        return found[0]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(module)
    except PackageNotFoundError:
        return "unknown"


class Table:
    """One file of the cache: `read()` gives every sound line's fields by catalogue file, `write()` replaces it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.header = f"roledocs-cache {FORMAT} {generation()}".encode("ascii")

    def read(self) -> dict[str, list]:
        """The lines whose checksum holds and whose JSON is a list naming a file, by that file; {} when the table
        is missing, unreadable, not a regular file or from another version."""
        data = _read_file(self.path)
        if data is None:
            return {}
        lines = data.split(b"\n")
        if lines[0] != self.header:
            return {}
        entries: dict[str, list] = {}
        for line in lines[1:]:
            body = line[9:]
            if line[8:9] != b" " or _checksum(body) != line[:8]:
                continue
            try:
                fields = orjson.loads(body)
            except orjson.JSONDecodeError:
                continue
            if isinstance(fields, list) and fields and isinstance(fields[0], str):
                entries[fields[0]] = fields
        return entries

    def write(self, entries: Iterable[list]) -> None:
        """Replace the table with a line for each entry (in this order; one that JSON cannot hold is left out),
        written to a temporary file beside it and renamed over it. A cache that cannot be written is no error, and
        neither is a cache folder that is gone (it is not made again here, without its .gitignore)."""
        folder = self.path.parent
        try:
            handle, temp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(self.header + b"\n")
                for made in map(line, entries):
                    if made is not None:
                        stream.write(made + b"\n")
            os.chmod(temp, 0o644)
            os.replace(temp, self.path)
        except BaseException as error:
            Path(temp).unlink(missing_ok=True)
            if not isinstance(error, OSError):
                raise


def _read_file(path: Path) -> bytes | None:
    """A regular file's bytes, read without following a link or waiting on a pipe; None for anything else."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return None
        with os.fdopen(os.dup(handle), "rb") as stream:
            return stream.read()
    except OSError:
        return None
    finally:
        os.close(handle)


def line(fields: list) -> bytes | None:
    """A table line for these fields (the first names the catalogue file); None when they do not fit in JSON."""
    try:
        body = orjson.dumps(fields)
    except TypeError:  # an integer beyond 64 bits, text that is not Unicode: left out of the cache
        return None
    return _checksum(body) + b" " + body


def _checksum(body: bytes) -> bytes:
    """A CRC-32, as zip and PNG use to notice a damaged or altered record."""
    return b"%08x" % zlib.crc32(body)
