"""`roledocs build`: the whole catalogue as a flat static site, checked first, rebuilt incrementally, in parallel.

`load_site` finds the catalogue, loads and checks it as validate does (build-output-clash among the rules), and
checks the output folder. A catalogue published in several languages (its config's `language` list, or
`--language`) gets one flat site per language side by side (`de/`, `en/`), its pages linked to each other with
hreflang, and a front page that leads to each. `build_site` plans every output with a key (sitemanifest.py),
renders only those whose key changed or whose file is gone (in worker processes when there are many, see
sitework.py), deletes the outputs of removed roles and teams (only files the manifest says roledocs wrote), and
writes the manifest last. Every file is written atomically.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TextIO

from ..source.catalogue import Catalogue, catalogue_root_for, is_yaml
from ..check.cache import cached_catalogue
from ..check.cachefiles import CacheSetting
from ..check.engine import run_file_rules, skipped, skipped_note
from ..check.validate import run_checks
from ..source import labels
from ..source.assets import template_folder
from ..source.translations import text_in
from ..source.request import display_namer, shown
from ..source.config import is_config_file
from ..source.discovery import folder_of, nothing_found
from ..findings import Validation, sort_findings
from ..errors import RoledocsError, UsageError
from ..output.files import output_folder, output_path, write_atomic
from ..output.placement import placement_problem
from ..fingerprint import digest, engine_digest, folder_digest
from .manifest import file_bytes, printer_digest, read_manifest, write_manifest
from ..output import names
from .index import render_index, render_languages
from .progress import Progress
from .pages import made, print_pdfs, write_pages


@dataclass
class Site:
    """A checked catalogue and the folder its site goes to."""

    catalogue: Catalogue
    validation: Validation
    output: Path


@dataclass
class Page:
    """One output file: its name, the key of everything that determines it, the source file it comes from, and
    how to make it. `print_pdf` pages make HTML that a worker prints to PDF."""

    name: str
    key: str
    source: str
    make: Callable[[], str | bytes]
    print_pdf: bool = False


@dataclass
class BuildResult:
    """What a build did: files written, files left as they were, stale files deleted, where, and notes for the
    user (an unusable manifest)."""

    built: int
    unchanged: int
    removed: int
    shown: str
    notes: list[str]

    def summary(self) -> str:
        """`built 12 files (3 unchanged, 1 removed) in site/`."""
        files = "file" if self.built == 1 else "files"
        return f"built {self.built} {files} ({self.unchanged} unchanged, {self.removed} removed) in {self.shown}"


def _check_output(output: Path, catalogue: Catalogue) -> None:
    """A `-o` folder that is a file, the catalogue or above it, its template folder or a folder of sources is a
    usage error (the config's `output` is checked by validate instead: config-output)."""
    output_folder(str(output))
    target = output.resolve()
    sources = [name for name, path in catalogue.paths.items() if folder_of(path) == target]
    problem = placement_problem(output, catalogue, sources)
    if problem is not None:
        raise UsageError(f"-o {output}: {problem}; give a folder of its own, e.g. -o site")


def load_site(given: str, output: str | None, languages: tuple[str, ...] | None = None, *,
              cache: CacheSetting = True) -> Site:
    """Find the catalogue at or above `given`, load and check it (through its content cache: see validate), and
    check the output folder (`output`; None: the config's `output`, `site` by default, in the catalogue folder,
    which validate skips when reading it). `languages` (BCP 47 tags, spelt alike) publish the site in those
    languages instead of the config's. Usage errors raise UsageError."""
    path = Path(given)
    if not path.exists():
        raise UsageError(f"{given}: no such file or folder (give the catalogue folder, e.g. `roles`)")
    if path.is_file() and not is_yaml(path):
        raise UsageError(f"{given}: not a YAML file; give the catalogue folder, or a .yaml or .yml file in it")
    root = catalogue_root_for(path) or (path if path.is_dir() else path.parent)
    base = path if path.is_dir() else path.parent  # files below it are named from it, as validate names them
    catalogue = cached_catalogue(root, display_namer({base.resolve(): base.as_posix()}), cache=cache,
                                 per_file=run_file_rules, languages=languages)
    if output is not None:
        folder = Path(output)
        _check_output(folder, catalogue)
    else:  # a bad config `output` is a config-output error among the findings, and nothing is built
        folder = Path(shown(root / catalogue.config.output))
    findings = run_checks(catalogue)
    if not any(not is_config_file(path) for path in catalogue.paths.values()):  # a wrong ROOT: nothing to build
        here = root.resolve() == Path.cwd().resolve()
        findings.append(nothing_found("." if here else shown(root), looked_for="role or team file"))
    note = skipped_note(*skipped(catalogue))
    validation = Validation(sort_findings(findings), sorted(catalogue.paths), notes=[note] if note else [])
    return Site(catalogue, validation, folder)


class _Keys:
    """The digests that output keys are made of, each computed once per build."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        config = catalogue.config_document
        logo = catalogue.root / catalogue.config.logo if catalogue.config.logo else None
        self.engine = engine_digest()
        self.config = digest(config.source_digest if config else None,
                             file_bytes(logo) if logo is not None and logo.is_file() else None,
                             folder_digest(labels.own_folder(catalogue.root)), *catalogue.config.languages)
        self.templates = folder_digest(template_folder(catalogue))
        self.roles: dict[tuple[str, str], str] = {}

    def role(self, rid: str, language: str) -> str:
        """A role's own file and the title of the role it reports to, in the page's language (its page shows it)."""
        if (rid, language) not in self.roles:
            document = self.catalogue.roles[rid]
            boss = self.catalogue.roles.get(document.data.get("reports_to") or "")
            title = text_in(boss, self.catalogue.config, language)["title"] if boss is not None else None
            self.roles[rid, language] = digest(self.engine, self.config, document.source_digest, language, title)
        return self.roles[rid, language]

    def team(self, tid: str, language: str) -> str:
        """The team's file, and what its pages show of each member role."""
        document = self.catalogue.teams[tid]
        members = sorted({m["role"] for m in document.data["members"]})
        return digest(self.engine, self.config, self.templates, document.source_digest, language,
                      *[self.role(rid, language) for rid in members])


def plan_pages(catalogue: Catalogue, pdf: bool) -> list[Page]:
    """Every output of the site with its key: in each language folder (one, the site's own folder, unless the
    site is published in several languages) roles (by id), teams (by id), the front page; with several, a front
    page of the languages last."""
    from ..team.analysis import require_member_roles

    for tid in sorted(catalogue.teams):
        require_member_roles(catalogue.teams[tid], catalogue)  # refused before any page is written
    keys = _Keys(catalogue)
    published = catalogue.config.languages
    pages = [page for folder in names.site_languages(published)
             for page in _language_pages(catalogue, pdf, keys, folder, published)]
    if len(published) > 1:
        front = render_languages(catalogue, published)
        pages.append(Page(names.INDEX, digest("languages", front), names.INDEX, lambda: front))
    _one_page_per_name(pages)
    return pages


def _alternates(name: str, folder: str | None, published: tuple[str, ...]) -> tuple:
    """The same page in each language of the site, for hreflang links and the language menu (none for one)."""
    from ..rendering.language import language_of

    if folder is None:
        return ()
    return tuple({"hreflang": tag, "href": names.alternate(name, tag, folder), "name": language_of(tag).name,
                  "current": tag == folder} for tag in published)


def _language_pages(catalogue: Catalogue, pdf: bool, keys: _Keys, folder: str | None,
                    published: tuple[str, ...]) -> list[Page]:
    """The pages of the site in one language: in its folder, or (folder None) the site's only language."""
    from ..rendering.formats import FORMATS, Job

    language = folder or published[0]
    pages = []

    def page(format, identifier: str, document, key: str, beside: frozenset[str] = frozenset(), **kind) -> None:
        name = format.file_name(identifier)
        job = Job(document, catalogue, beside=beside, language=language,
                  alternates=_alternates(name, folder, published))
        pages.append(Page(names.in_language(name, folder), key, document.path, lambda: format.build(job), **kind))

    for rid in sorted(catalogue.roles):
        document, key = catalogue.roles[rid], keys.role(rid, language)
        page(FORMATS[("role", "html")], rid, document, digest("html", key, keys.templates))
        page(FORMATS[("role", "jsonld")], rid, document, digest("jsonld", key))
        if pdf:
            page(FORMATS[("role", "pdf")], rid, document, digest("pdf", key, keys.templates, printer_digest()),
                 print_pdf=True)
    for tid in sorted(catalogue.teams):
        key = keys.team(tid, language)
        for kind in ("charter", "raci"):  # a charter links to the job descriptions beside it
            page(FORMATS[(kind, "html")], tid, catalogue.teams[tid], digest(kind, key), frozenset(catalogue.roles))
    index = render_index(catalogue, pdf, language, list(_alternates(names.INDEX, folder, published)))
    pages.append(Page(names.in_language(names.INDEX, folder), digest("index", index), names.INDEX, lambda: index))
    return pages


def _one_page_per_name(pages: list[Page]) -> None:
    """Refuse two pages with one file name: the checks report that (build-output-clash, duplicate-id), but `lint:`
    or a suppression may hide it, and the site would then silently lose a page."""
    sources: dict[str, str] = {}
    for page in pages:
        if page.name in sources:
            first, second = sources[page.name], page.source
            second_shown = "the site's front page" if second == names.INDEX else second
            raise RoledocsError(f"{first} and {second_shown} would both be written as {page.name}; nothing built: choose "
                                "another id (`lint:` or a suppression hides build-output-clash and duplicate-id "
                                "from validate, not from build)")
        sources[page.name] = page.source


def build_site(site: Site, *, pdf: bool = False, jobs: int = 1, progress: TextIO | None = None) -> BuildResult:
    """Build the site of a checked catalogue into site.output; `progress` (a terminal) shows a progress bar."""
    output, catalogue = site.output, site.catalogue
    previous, note = read_manifest(output)
    pages = plan_pages(catalogue, pdf)
    todo = [p for p in pages if previous.get(p.name) != p.key or not (output / p.name).is_file()]
    stale = sorted(set(previous) - {p.name for p in pages})
    recorded = dict(previous)
    bar = Progress(progress, len(todo))
    removed = 0

    def record(page: Page) -> None:
        recorded[page.name] = page.key
        bar.advance()

    def printed(page: Page, content: bytes) -> None:
        write_atomic(output_path(output, page.name), content)
        record(page)

    try:
        printing = [(page, made(page, page.make)) for page in todo if page.print_pdf]
        for page in write_pages([page for page in todo if not page.print_pdf], output, jobs):
            record(page)
        print_pdfs(printing, catalogue.root, jobs, printed)
        for name in stale:
            removed += _remove(output_path(output, name))
            del recorded[name]
        _remove_empty_folders(output, stale)
    finally:
        bar.close()
        if recorded != previous:
            write_manifest(output, dict(sorted(recorded.items())))
    notes = [note] if note else []
    return BuildResult(len(todo), len(pages) - len(todo), removed, f"{output.as_posix().rstrip('/')}/", notes)


def _remove_empty_folders(output: Path, stale: list[str]) -> None:
    """Remove the language folders that deleting stale pages left empty (a language no longer published)."""
    for folder in sorted({output / name.split("/")[0] for name in stale if "/" in name}):
        try:
            folder.rmdir()
        except OSError:  # not empty (the user's own files, or pages still built): leave it
            pass


def _remove(path: Path) -> int:
    """Delete a stale output; 1 if it was there, 0 if it was already gone (the summary counts real deletions)."""
    try:
        path.unlink()
    except FileNotFoundError:
        return 0
    return 1
