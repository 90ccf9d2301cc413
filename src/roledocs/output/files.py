"""Writing outputs safely: atomically (temp file + rename), only inside the output folder, named after ids."""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from ..errors import RoledocsError, UsageError
from ..source.language import known

# an id and its extensions, in a language's folder (`de/`, `de-ch/`) when a site is published in several languages
_SAFE_NAME = re.compile(r"^([a-z]{2,3}(-[a-z0-9]{2,8})*/)?[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+)+$")


def output_path(folder: Path, name: str) -> Path:
    """The path of an output named `name` (`<id>.<ext>`, or `<language>/<id>.<ext>`) in `folder`, refusing any
    name that could leave the folder."""
    if not _SAFE_NAME.match(name) or "/" in name and not known(name.split("/")[0]):
        raise RoledocsError(f"refusing to write '{name}': output names are ids plus an extension, in a language's "
                            "folder for a site in several languages")
    return folder / name


def output_folder(given: str) -> Path:
    """The folder `-o` names, checked before any work: one that is a file, or lies under a file, is a usage error
    (a folder that does not exist yet is created when the first output is written)."""
    folder = Path(given)
    for existing in (folder, *folder.parents):
        if existing.exists():
            if existing.is_dir():
                return folder
            where = "" if existing == folder else f" {existing.as_posix()}"
            raise UsageError(f"-o {given}:{where} is a file; give a folder (created if missing)")
    return folder


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write data to path via a temp file in the same folder and os.replace, so readers never see half a file."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise RoledocsError(f"cannot write to {folder}: {error.strerror or error}") from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException as error:
        Path(temp).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise RoledocsError(f"cannot write {path}: {error.strerror or error}") from error
        raise
    return path
