"""The files the catalogue config names besides the role and team files: the logo and the template folder.

Both must lie inside the catalogue, so a catalogue cannot pull in files from elsewhere on the machine that renders
it. render and build use them; the config-logo and config-templates rules ask the same functions first, so
validate reports what render would refuse.
"""
from __future__ import annotations

import mimetypes
from pathlib import Path

from ..errors import RoledocsError
from .request import shown

MAX_LOGO_BYTES = 1024 * 1024


def logo_file(catalogue) -> Path | None:
    """The configured logo, checked: inside the catalogue, an image file, at most 1 MiB; None when none is set."""
    name = catalogue.config.logo
    if not name or catalogue.root is None:
        return None
    root = catalogue.root.resolve()
    path = (root / name).resolve()
    if not path.is_relative_to(root):
        raise RoledocsError(f"the logo '{name}' is outside the catalogue folder; keep it inside {catalogue.root}")
    if not path.is_file():
        what = "is a folder, not an image file" if path.is_dir() else "does not exist"
        raise RoledocsError(f"the logo '{name}' {what} (looked for {path})")
    if path.stat().st_size > MAX_LOGO_BYTES:
        raise RoledocsError(f"the logo '{name}' is larger than 1 MiB; use a smaller image")
    if not (mimetypes.guess_type(path.name)[0] or "").startswith("image/"):
        raise RoledocsError(f"the logo '{name}' is not an image (use .svg, .png, .jpg or .gif)")
    return path


def template_folder(catalogue) -> Path | None:
    """The catalogue's override folder: config `templates`, else `templates/` when present; inside the catalogue."""
    if catalogue is None or catalogue.root is None:
        return None
    root = Path(catalogue.root)
    name = catalogue.config.templates
    folder = root / (name or "templates")
    if not folder.is_dir():
        if name:
            what = "is a file, not a folder" if folder.exists() else "does not exist"
            raise RoledocsError(f"the template folder '{name}' set in the catalogue config {what} "
                                f"(looked for {shown(folder)})")
        return None
    if not folder.resolve().is_relative_to(root.resolve()):
        raise RoledocsError(f"the template folder '{name or 'templates'}' is outside the catalogue folder; "
                            f"keep it inside {shown(root)}")
    return folder
