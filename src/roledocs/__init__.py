"""roledocs: roles and responsibilities as code.

The library API: what the command line does, callable from Python (scripts, CI jobs, notebooks). Each function
imports its stage only when called, so `import roledocs` stays as light as `roledocs --help`.

    >>> import roledocs
    >>> result = roledocs.validate(["roles"])
    >>> result.errors, result.warnings
    (0, 0)
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .errors import RoledocsError, UsageError
from .findings import Finding, Severity, Validation

if TYPE_CHECKING:
    from .site.build import BuildResult
    from .source.catalogue import Catalogue

from .version import __version__
__all__ = ["Finding", "RoledocsError", "Severity", "UsageError", "Validation", "__version__", "build",
           "load_catalogue", "render", "validate"]


def validate(paths: list[str | Path] = (".",), *, jobs: int | None = None, today: str | None = None,
             cache: bool | str | Path = True) -> Validation:
    """Check files and folders as `roledocs validate` does: `.findings` (sorted), `.errors`, `.warnings`,
    `.files`, and `.catalogues` (each catalogue read, its roles and teams whole). Bad input is findings, not
    exceptions; a path that does not exist raises UsageError. `today` (YYYY-MM-DD, default the current date) is
    the day review cycles are judged against. `cache`: the content cache's folder, True for the usual place
    (`$ROLEDOCS_CACHE_DIR`, else `.roledocs-cache/` in the catalogue folder), False for none."""
    from .check.validate import validate as run

    return run([str(path) for path in paths], jobs, whole=True, today=today, cache=cache)


def load_catalogue(root: str | Path) -> Catalogue:
    """Load the catalogue at `root` (its roledocs.yaml folder): `.roles` and `.teams` by id (each a Document with
    `.data`), `.config`, and `.findings` (those of reading each file, the schema and the one-file rules; for every
    check, cross-file ones too, use validate())."""
    from .check.engine import run_file_rules
    from .source.catalogue import load_catalogue as load
    from .source.request import display_namer

    folder = Path(root)
    if not folder.is_dir():
        raise UsageError(f"{root}: not a folder; give the catalogue folder (where roledocs.yaml is)")
    return load(folder, display_namer({folder.resolve(): folder.as_posix()}), per_file=run_file_rules)


def render(paths: list[str | Path], to: str | list[str], output: str | Path) -> list[Path]:
    """Render role files (job descriptions) or team files (charters) to format `to` (md, html, pdf, jsonld, docx;
    or a list of them) into the folder `output`, as `roledocs render` does; returns the files written. A file with errors is not
    rendered: RoledocsError then says which and why (the others are written all the same)."""
    import io

    from .output.files import output_folder
    from .rendering.documents import render_files

    problems = io.StringIO()
    result = render_files([str(path) for path in paths], to, output_folder(str(output)), err=problems)
    if result.failed:
        raise RoledocsError(problems.getvalue().strip())
    return result.written


def build(root: str | Path = ".", output: str | Path | None = None, pdf: bool = False,
          languages: list[str] | None = None, *, cache: bool | str | Path = True) -> BuildResult:
    """Build the catalogue at `root` as a static site, as `roledocs build` does (output: the config's `output`
    folder by default; `languages`: BCP 47 tags to publish it in, as `--language` gives them, default the config's
    `language`; `cache` as for validate); returns what was built. A catalogue with errors builds nothing:
    RoledocsError lists them."""
    import os

    from .site.build import build_site, load_site
    from .source.language import parse_list

    chosen = None
    if languages is not None:
        try:
            chosen = parse_list(",".join(languages))
        except ValueError as error:
            raise UsageError(str(error)) from None
    site = load_site(str(root), None if output is None else str(output), chosen, cache=cache)
    if site.validation.errors:
        shown = "\n".join(f"{f.path}:{f.line or ''}:{f.column or ''}: {f.severity} {f.rule}: {f.message}"
                          for f in site.validation.findings if f.severity is Severity.ERROR)
        raise RoledocsError(f"nothing built: fix these errors\n{shown}")
    return build_site(site, pdf=pdf, jobs=os.cpu_count() or 1)
