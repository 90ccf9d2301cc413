"""The catalogue: find its files, load and schema-check them (in worker processes when there are many)."""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Callable
from pathlib import Path

from . import schema
from .config import CONFIG_NAMES, Config, find_config, is_config_file
from .findings import Finding, Severity
from .loader import Document, load_document, top_level_scalar, warn_if_slow

PARALLEL_THRESHOLD = 400
YAML_SUFFIXES = (".yaml", ".yml")
_CHUNK = 64


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


def discover(root: Path, skip: set[Path] = frozenset()) -> list[Path]:
    """Every YAML file below root, sorted, leaving out hidden folders and files and the `skip` folders."""
    found = []
    for folder, subfolders, names in os.walk(root):
        here = Path(folder)
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and (here / d).resolve() not in skip)
        found.extend(here / n for n in names if n.endswith(YAML_SUFFIXES) and not n.startswith("."))
    return sorted(found)


def _kind_of(display: str, root_node) -> tuple[str | None, schema.Cursor | None]:
    if Path(display).name in CONFIG_NAMES:
        return "config", schema.cursor("config")
    kind = top_level_scalar(root_node, "kind")
    return (kind, schema.cursor(kind)) if kind in ("role", "team") else (kind, None)


def load_file(path: Path, display: str) -> tuple[Document | None, list[Finding]]:
    """Load one file and check it against its kind's schema; the Document is None unless it is valid."""
    document, findings = load_document(path, display, _kind_of)
    if document is None:
        return None, findings
    if document.kind not in schema.KINDS:
        return document, [_kind_finding(document)]
    findings = schema.check(document)
    return document, findings


def _kind_finding(document: Document) -> Finding:
    if document.kind is None:
        message = "'kind' is missing: say 'kind: role' or 'kind: team' (and 'roledocs: 1') at the top of the file"
        return document.finding((), Severity.ERROR, "missing-key", message, at_key=True)
    return document.finding(("kind",), Severity.ERROR, "invalid-value",
                            f"'{document.kind}' is not a kind roledocs knows; use 'role' or 'team'.")


def _load_chunk(items: list[tuple[Path, str]]) -> list[tuple[Document | None, list[Finding]]]:
    """Load files, dropping node trees: keeping thousands alive costs more (in GC time) than re-reading the rare
    file that a later finding needs a position in."""
    results = []
    for path, display in items:
        document, findings = load_file(path, display)
        if document is not None:
            document.forget_nodes()
        results.append((document, findings))
    return results


def load_all(items: list[tuple[Path, str]], jobs: int | None = None) -> list[tuple[Document | None, list[Finding]]]:
    """Load many files, in worker processes when there are enough of them to pay for the start-up."""
    warn_if_slow()
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(items) < PARALLEL_THRESHOLD:
        return _load_chunk(items)
    chunks = [items[i:i + _CHUNK] for i in range(0, len(items), _CHUNK)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return [result for chunk in pool.map(_load_chunk, chunks) for result in chunk]


def load_catalogue(root: Path, display_for: Callable[[Path], str], *, jobs: int | None = None) -> Catalogue:
    """Load every file of the catalogue at root (skipping its output folder); `display_for` names files for people."""
    catalogue = Catalogue(root=root)
    skip = {(root / ".git").resolve()}
    config_path = next((root / n for n in CONFIG_NAMES if (root / n).is_file()), None)
    output = "site"
    if config_path is not None:
        config_doc, findings = load_file(config_path, display_for(config_path))
        if config_doc is not None and not findings:
            output = Config.from_data(config_doc.data).output
    skip.add((root / output).resolve())
    items = [(p, display_for(p)) for p in discover(root, skip)]
    _collect(catalogue, items, load_all(items, jobs))
    return catalogue


def load_files(files: list[tuple[Path, str]], jobs: int | None = None) -> Catalogue:
    """Files checked alone, without a catalogue: references to other files are not resolved."""
    catalogue = Catalogue(root=None)
    _collect(catalogue, files, load_all(files, jobs))
    return catalogue


def _collect(catalogue: Catalogue, items: list[tuple[Path, str]], results) -> None:
    for (path, display), (document, findings) in zip(items, results):
        catalogue.paths[display] = path
        catalogue.findings.extend(findings)
        if document is None:
            continue
        if document.kind == "role" and isinstance(document.data.get("id"), str):
            catalogue.known_ids.add(document.data["id"])
        if not findings:
            catalogue.add(document)


def catalogue_root_for(path: Path) -> Path | None:
    """The catalogue a path belongs to: the folder of the nearest roledocs.yaml at or above it."""
    start = path if path.is_dir() else path.parent
    config = find_config(start)
    return config.parent if config else None


def is_yaml(path: Path) -> bool:
    return path.suffix in YAML_SUFFIXES or is_config_file(path)

