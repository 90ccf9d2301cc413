"""The catalogue: find its files, load and schema-check them (in worker processes when there are many).

The one-file rules run right after a file is loaded, in the same worker, but this stage does not know them: the
check stage passes them in (`per_file`), so reading files never imports the rules.
"""
from __future__ import annotations

import os
from functools import partial
from dataclasses import dataclass, field
from typing import Callable, NamedTuple, Protocol
from pathlib import Path

from . import language, schema, translations
from ..gcpause import collector_paused
from ..workers import process_pool, worker_count
from .config import CONFIG_NAMES, Config, find_config, is_config_file
from .discovery import YAML_SUFFIXES, discover, looks_like_source, place_of
from ..findings import Finding, Severity
from .lookalikes import curly_hint
from .document import Document, Source, Stamp, parse_document, read_source, top_level_scalar, warn_if_slow
from .checks.reading import FILE_UNREADABLE
from .checks.schema import INVALID_VALUE, MISSING_KEY

# The check run right after a file loads, with the catalogue it belongs to (its config): the one-file rules.
# It takes `only` (rule ids) too: for a file the schema refused for placeholders alone, the placeholder rules run.
PerFile = Callable[..., list[Finding]]
PLACEHOLDER_RULES = frozenset({"placeholder-text", "placeholder-text-team"})
_CHUNK = 64


class Partial(NamedTuple):
    """A role or team that failed its schema only in some top-level keys (`broken`): the rules that read none of
    them can still check it (check/engine.py)."""

    document: Document
    broken: frozenset[str]


@dataclass
class Catalogue:
    """Loaded files: the valid ones by kind and id, plus what loading and the schema found."""

    root: Path | None
    config: Config = field(default_factory=Config)
    config_document: Document | None = None
    roles_checked: list[Document] = field(default_factory=list)
    teams_checked: list[Document] = field(default_factory=list)
    roles: dict[str, Document] = field(default_factory=dict)
    teams: dict[str, Document] = field(default_factory=dict)
    known_ids: set[str] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)
    paths: dict[str, Path] = field(default_factory=dict)
    unread: list[str] = field(default_factory=list)  # YAML files in the output folder, which is not read
    partial: list[Partial] = field(default_factory=list)  # roles and teams with schema errors in some keys only
    nested: list[Path] = field(default_factory=list)  # folders below with a catalogue config of their own

    @property
    def complete(self) -> bool:
        """True when every file of the catalogue was read, so references can be resolved."""
        return self.root is not None

    def add(self, document: Document) -> None:
        if document.kind == "config":
            self.config_document = document
            self.config = Config.from_data(document.data)
            return
        checked, by_id = (self.roles_checked, self.roles) if document.kind == "role" else \
            (self.teams_checked, self.teams)
        checked.append(document)
        by_id.setdefault(document.data["id"], document)


def kind_of(display: str, root_node) -> tuple[str | None, schema.Cursor | None]:
    """A file's kind (config by its name, else its top-level `kind`) and the schema cursor that guides loading it."""
    if os.path.basename(display) in CONFIG_NAMES:
        return "config", schema.cursor("config")
    kind = top_level_scalar(root_node, "kind")
    return (kind, schema.cursor(kind)) if kind in ("role", "team") else (kind, None)


class Loaded(NamedTuple):
    """What loading one file gave: the document (None when unreadable), its findings, whether it is valid, for a
    file that failed its schema the top-level keys the errors lie in (None: all of it, or not read that far), and
    the digest and stamp of the bytes read (empty and None when the file could not be read as text)."""

    document: Document | None
    findings: list[Finding]
    valid: bool
    broken: frozenset[str] | None = None
    digest: str = ""
    stamp: Stamp | None = None


def load_file(path: Path, display: str, config: Config | None = None, per_file: PerFile | None = None) -> Loaded:
    """Load one file, check it against its kind's schema, then run `per_file` on it (the rules that need only this
    file; None for a file only there for the references of others)."""
    source, problem = read_source(path, display)
    if source is None:
        return Loaded(None, [problem], False)
    return Loaded(*_check_file(source, path, display, config, per_file), source.digest, source.stamp)


def _check_file(source: Source, path: Path, display: str, config: Config | None, per_file: PerFile | None
                ) -> tuple[Document | None, list[Finding], bool, frozenset[str] | None]:
    document, findings = parse_document(source.text, display, kind_of, path, source.digest)
    if document is None:
        return None, findings, False, None
    if document.kind not in schema.KINDS:
        return document, [_kind_finding(document)], False, None
    findings, broken = schema.check_keys(document)
    if not findings:  # the languages and translations of a file that fits its schema
        findings, broken = language.check(document), frozenset({"language"})
        if not findings and document.kind != "config":
            findings = translations.check(document, config or Config())
            broken = frozenset(key for key, _ in translations.blocks(document, config or Config()).values())
    if findings:
        if per_file is not None and document.kind != "config" and all(f.rule == "placeholder-text" for f in findings):
            findings += _text_placeholders(document, findings, config, per_file)
        return document, findings, False, broken
    if document.kind != "config" and per_file is not None:
        findings = per_file(document, Catalogue(root=None, config=config or Config()))
    return document, findings, True, None


def _text_placeholders(document: Document, found: list[Finding], config: Config | None,
                       per_file: PerFile) -> list[Finding]:
    """The placeholders in the text of a file whose only schema findings are placeholders in typed fields (a
    level or frequency still 'TODO', as `roledocs import` leaves them), so that one run lists every gap: the
    placeholder rules alone run on it (the others expect the file's types)."""
    places = {(f.line, f.column) for f in found}
    return [f for f in per_file(document, Catalogue(root=None, config=config or Config()), only=PLACEHOLDER_RULES)
            if (f.line, f.column) not in places]


def _kind_finding(document: Document) -> Finding:
    if document.kind is None:
        message = "'kind' is missing: say 'kind: role' or 'kind: team' (and 'roledocs: 1') at the top of the file"
        return document.finding((), Severity.ERROR, MISSING_KEY.id, message, at_key=True)
    return document.finding(("kind",), Severity.ERROR, INVALID_VALUE.id,
                            f"'{document.kind}' is not a kind roledocs knows; use 'role' or 'team'"
                            f"{curly_hint(document.kind)}.")


def _load_chunk(items: list[tuple[Path, str]], reported: frozenset[str] | None = None, config: Config | None = None,
                per_file: PerFile | None = None, keep: tuple[str, ...] | None = None) -> list[Loaded]:
    """Load files, dropping node trees: keeping thousands alive costs more memory than re-reading the rare file
    that a later finding needs a position in. With `keep`, a valid role keeps only those keys (what the cross-file
    rules read): validate needs no more, and the rest is costly to ship between processes. `reported` names the
    files `per_file` runs on (None: all); the others serve only the cross-file rules."""
    results = []
    with collector_paused():
        for path, display in items:
            chosen = reported is None or display in reported
            loaded = load_file(path, display, config, per_file if chosen else None)
            document = loaded.document
            if document is not None:
                document.forget_nodes()
                if keep is not None and (loaded.valid or loaded.broken is not None) and document.kind == "role" and \
                        not translations.published_elsewhere(document, config or Config()):
                    document.data = {key: document.data[key] for key in keep if key in document.data}
            results.append(loaded)
    return results


def load_all(items: list[tuple[Path, str]], jobs: int | None = None, config: Config | None = None, *,
             per_file: PerFile | None = None, keep: tuple[str, ...] | None = None,
             reported: frozenset[str] | None = None) -> list[Loaded]:
    """Load many files, in worker processes when there are enough of them to pay for the start-up. `per_file`
    sees only the part of `config` meant for it (Config.for_file_checks)."""
    warn_if_slow()
    config = (config or Config()).for_file_checks()
    workers = worker_count(len(items), jobs, cheap=True)
    if workers <= 1:
        return _load_chunk(items, reported, config, per_file, keep)

    chunks = [items[i:i + _CHUNK] for i in range(0, len(items), _CHUNK)]
    # each chunk carries only its own share of `reported`: the whole set, pickled with every chunk, cost more
    # than the rules it spares
    shares = [None if reported is None else reported.intersection(d for _, d in chunk) for chunk in chunks]
    load = partial(_load_chunk, config=config, per_file=per_file, keep=keep)
    with collector_paused(), process_pool(workers) as pool:
        return [result for chunk in pool.map(load, chunks, shares) for result in chunk]


class Load(Protocol):
    """How a catalogue's files are loaded: load_all, or the check stage's cached loading with the same call."""

    def __call__(self, items: list[tuple[Path, str]], jobs: int | None = None, config: Config | None = None, *,
                 per_file: PerFile | None = None, keep: tuple[str, ...] | None = None,
                 reported: frozenset[str] | None = None) -> list[Loaded]: ...


def load_catalogue(root: Path, display_for: Callable[[Path], str], *, jobs: int | None = None,
                   per_file: PerFile | None = None, keep: tuple[str, ...] | None = None, named: list[Path] = (),
                   reported: Callable[[Path], bool] | None = None, today: str | None = None,
                   only_sources: bool = False, load: Load = load_all,
                   languages: tuple[str, ...] | None = None) -> Catalogue:
    """Load every file of the catalogue at root (skipping hidden folders and its output folder); `display_for` names
    files for people. Files in `named` are loaded even where discovery skips them: the user asked for them.
    With `keep` the roles are loaded for checking, not for rendering (see _load_chunk); with `reported`, only the
    files it accepts get `per_file` (pre-commit names a few files of a large catalogue; see _load_chunk). `today`
    (YYYY-MM-DD) is the day review cycles are judged against, the current date when None. With `only_sources`,
    YAML files that do not say they are roledocs files are passed over (see looks_like_source). `load` loads the
    files (the config first, then the others). `languages` publish the catalogue in those languages instead of
    its config's (`roledocs build --language`)."""
    catalogue = Catalogue(root=root)
    config_path = next((root / n for n in CONFIG_NAMES if (root / n).is_file()), None)
    items, results = [], []
    if config_path is not None:
        items.append((config_path, display_for(config_path)))
        results += load(items[:1])
        if results[0].valid:
            catalogue.config = Config.from_data(results[0].document.data)
    catalogue.config.today = today
    if languages:
        catalogue.config = catalogue.config.publishing(languages)
    output = (root / catalogue.config.output).resolve()
    skip = {(root / ".git").resolve(), output}
    discovery = discover(root, skip)
    found = [p for p in discovery.files if p != config_path]
    catalogue.nested = discovery.nested
    for error in discovery.unreadable:
        folder = Path(error.filename)
        catalogue.paths[display_for(folder)] = folder
        catalogue.findings.append(Finding(display_for(folder), None, None, Severity.ERROR, FILE_UNREADABLE.id,
                                          f"cannot read this folder ({error.strerror}): its files are not checked"))
    if output != root.resolve() and output.is_dir():
        catalogue.unread = [display_for(p) for p in discover(output).files if looks_like_source(p)]
    if named:  # discovery skips hidden folders and the output folder; a file the user names is read all the same
        seen = {place_of(p) for p in [*found, *([config_path] if config_path else [])]}
        found += [p for p in named if place_of(p) not in seen]
    if only_sources:
        found = [p for p in found if looks_like_source(p)]
    found = [(p, display_for(p)) for p in found]
    items += found
    chosen = None if reported is None else frozenset(display for path, display in found if reported(path))
    if chosen is not None and len(chosen) == len(found):
        chosen = None  # all of them: nothing to ship
    config = catalogue.config
    results += load(found, jobs, config, per_file=per_file, keep=keep, reported=chosen)
    _collect(catalogue, items, results)
    catalogue.config = config  # with `today` and the languages published (collecting the config reads it again)
    return catalogue


def load_files(files: list[tuple[Path, str]], jobs: int | None = None, *, per_file: PerFile | None = None,
               keep: tuple[str, ...] | None = None, today: str | None = None) -> Catalogue:
    """Files checked alone, without a catalogue: references to other files are not resolved."""
    catalogue = Catalogue(root=None, config=Config(today=today))
    _collect(catalogue, files, load_all(files, jobs, catalogue.config, per_file=per_file, keep=keep))
    return catalogue


def _collect(catalogue: Catalogue, items: list[tuple[Path, str]], results: list[Loaded]) -> None:
    for (path, display), loaded in zip(items, results):
        catalogue.paths[display] = path
        catalogue.findings.extend(loaded.findings)
        document = loaded.document
        if document is None:
            # an unreadable file is most likely the role its name says: references to it are not errors too
            if not is_config_file(path):
                catalogue.known_ids.add(path.stem)
            continue
        if document.kind == "role" and isinstance(document.data, dict) and isinstance(document.data.get("id"), str):
            catalogue.known_ids.add(document.data["id"])
        if loaded.valid:
            catalogue.add(document)
        elif loaded.broken is not None and document.kind in ("role", "team"):
            catalogue.partial.append(Partial(document, loaded.broken))


LAYOUT_FOLDERS = ("roles", "teams")  # the usual layout of format-v1.md: <catalogue>/roles/*.yaml, teams/*.yaml


def catalogue_root_for(path: Path) -> Path | None:
    """The catalogue a path belongs to: the folder of the nearest roledocs.yaml at or above it. roledocs.yaml is
    optional, so without one a file directly in a `roles/` or `teams/` folder belongs to the folder above (the usual
    layout: its references then resolve, and a team finds its member roles). A folder given without a config above
    gets None: the caller takes it as its own root."""
    start = path if path.is_dir() else path.parent
    config = find_config(start)
    if config:
        return config.parent
    folder = start.resolve()
    return folder.parent if not path.is_dir() and folder.name in LAYOUT_FOLDERS else None


def is_yaml(path: Path) -> bool:
    """Whether a file is one roledocs reads: .yaml, .yml, or the catalogue config."""
    return path.suffix in YAML_SUFFIXES or is_config_file(path)

