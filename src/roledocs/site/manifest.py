"""What `roledocs build` remembers between runs: a key per output file, and the digests those keys are made of.

An output's key is a SHA-256 over everything that determines its bytes: the roledocs code and built-in templates,
the catalogue's own templates, the config (and its logo), the source file of the role or team, and for a team
the files of its member roles. A rerun skips an output whose key is unchanged and whose file still exists. The
manifest (`.roledocs-build.json` in the output folder) also says which files roledocs wrote, so that outputs of
removed roles can be deleted without touching anything else in the folder.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..fingerprint import digest
from ..version import __version__
from ..errors import RoledocsError
from ..output.files import output_path, write_atomic

MANIFEST_NAME = ".roledocs-build.json"
MANIFEST_VERSION = 1


@lru_cache(maxsize=1)
def printer_digest() -> str:
    """The WeasyPrint version, which PDFs (and only PDFs) depend on."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return digest("weasyprint", version("weasyprint"))
    except PackageNotFoundError:
        return digest("weasyprint", None)


def file_bytes(path: Path | None) -> bytes | None:
    """A file's bytes (None for no file), such as the logo; one that cannot be read is an error, not a traceback."""
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError as error:
        raise RoledocsError(f"cannot read {path}: {error.strerror or error}") from error


def read_manifest(folder: Path) -> tuple[dict[str, str], str | None]:
    """The keys of the outputs a previous build wrote in folder, and a note when the manifest was unusable (then
    every output is rebuilt, and nothing is deleted since nothing is known to be ours). Names that are not output
    names are dropped, so an edited manifest cannot make roledocs delete other files."""
    path = folder / MANIFEST_NAME
    if not path.exists():
        return {}, None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        outputs = data["outputs"] if data.get("manifest") == MANIFEST_VERSION else None
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        outputs = None
    if not isinstance(outputs, dict):
        return {}, f"{path}: not a roledocs build manifest; rebuilding everything"
    kept = {}
    for name, key in outputs.items():
        try:
            output_path(folder, name)
        except RoledocsError:
            continue
        if isinstance(key, str):
            kept[name] = key
    return kept, None


def write_manifest(folder: Path, outputs: dict[str, str]) -> None:
    """Write the manifest: sorted keys, no timestamps, so the same build gives the same bytes."""
    text = json.dumps({"manifest": MANIFEST_VERSION, "generator": f"roledocs {__version__}", "outputs": outputs},
                      indent=1, sort_keys=True)
    write_atomic(folder / MANIFEST_NAME, text + "\n")
