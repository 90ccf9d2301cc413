"""Where a site may be built: not among the catalogue's sources, not in its template folder.

`roledocs build -o DIR` refuses a bad DIR as a usage error; the config's `output` is checked by validate
(config-output), so CI fails before a build would write among the sources.
"""
from __future__ import annotations

from pathlib import Path


def placement_problem(folder: Path, catalogue, sources: list[str]) -> str | None:
    """What is wrong with building into `folder` (None when nothing is); `sources` are the catalogue files found
    directly in it (shown as people read them)."""
    target, root = folder.resolve(), Path(catalogue.root).resolve()
    if root.is_relative_to(target):
        return "would put the site in the catalogue folder itself (or above it), among its sources"
    # the template folder as it is, or as it would be once a build created `templates/`
    templates = (root / (catalogue.config.templates or "templates")).resolve()
    if templates.is_relative_to(root) and target.is_relative_to(templates):  # outside: config-templates says so
        return f"is the catalogue's template folder ({catalogue.config.templates or 'templates'}) or inside it"
    if sources:
        more = f" and {len(sources) - 3} more" if len(sources) > 3 else ""
        return f"holds the catalogue's source files ({', '.join(sources[:3])}{more}), which it would write among"
    return None
