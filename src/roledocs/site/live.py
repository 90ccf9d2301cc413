"""The site `roledocs serve` shows: built by build_site into a temporary folder of its own (never the user's),
rebuilt after every change, with the findings of the last check and the pages that errors keep from being built.

A file with errors is left out of the build, with the teams that need it; every other page is rebuilt as usual
(incrementally: the manifest in the temporary folder remembers what is current).
"""
from __future__ import annotations

import dataclasses
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..check.cachefiles import CacheSetting, cache_folder
from ..errors import RoledocsError
from ..findings import Finding, Severity
from ..output.names import site_pages
from ..source.catalogue import Catalogue
from ..source.config import is_config_file
from .build import Site, build_site, load_site


@dataclass(frozen=True)
class Snapshot:
    """One build: its number, the errors of the check, the pages they break (page name -> the errors behind it),
    and a problem that stopped the whole build (a broken config or template), if any."""

    generation: int
    errors: tuple[Finding, ...] = ()
    broken: dict[str, tuple[Finding, ...]] = field(default_factory=dict)
    problem: str | None = None
    milliseconds: float = 0.0


def _pages_of(path: str, languages) -> list[str]:
    """The page names a role or team file gives (by its file name, which is its id; either kind, since a file
    with errors may not say which it is), in every language folder of the site."""
    stem = Path(path).stem
    return [name for pages in site_pages([stem], [stem], False, languages).values() for name, _ in pages]


def _without_broken(catalogue: Catalogue, errors: list[Finding], broken: dict[str, tuple]) -> Catalogue:
    """The catalogue less the files with errors and the teams whose member roles those are (noted in broken)."""
    bad = {f.path for f in errors}
    roles = {rid: d for rid, d in catalogue.roles.items() if d.path not in bad}
    teams = {}
    for tid, document in catalogue.teams.items():
        missing = {m["role"] for m in document.data["members"]} - set(roles)
        if document.path in bad:
            continue
        if missing:
            behind = tuple(f for f in errors if Path(f.path).stem in missing)
            for name in _pages_of(document.path, catalogue.config.languages):
                broken[name] = behind
            continue
        teams[tid] = document
    return dataclasses.replace(catalogue, roles=roles, teams=teams)


class LiveSite:
    """The previewed site: `rebuild()` after a change, `snapshot` for what the pages show, `wait()` for the next
    build. `close()` ends the waits; `remove()` deletes the temporary folder."""

    def __init__(self, given: str, cache: CacheSetting = True) -> None:
        self.given = given
        self.cache = cache
        self.cache_folder: Path | None = None  # where the content cache is: changes there are not the user's
        self.folder = Path(tempfile.mkdtemp(prefix="roledocs-serve-"))
        self.root: Path | None = None
        self.output: Path | None = None  # the catalogue's own output folder, which changes do not rebuild from
        self.snapshot = Snapshot(0)
        self.closed = False
        self._changed = threading.Condition()
        self._building = threading.Lock()

    def rebuild(self) -> Snapshot:
        """Check the catalogue and build what can be built; the first build's usage errors are raised."""
        start = time.perf_counter()
        with self._building:
            try:
                site = load_site(self.given, str(self.folder), cache=self.cache)
            except RoledocsError as error:
                if self.root is None:
                    raise
                return self._publish([], {}, str(error), start)
            catalogue = site.catalogue
            self.root, self.output = catalogue.root, (catalogue.root / catalogue.config.output).resolve()
            folder = cache_folder(catalogue.root, self.cache)
            self.cache_folder = folder.resolve() if folder is not None else None
            errors = [f for f in site.validation.findings if f.severity is Severity.ERROR]
            broken = {name: tuple(f for f in errors if f.path == path) for path in {f.path for f in errors}
                      for name in _pages_of(path, catalogue.config.languages)}
            problem = None
            if any(is_config_file(catalogue.paths[f.path]) for f in errors if f.path in catalogue.paths):
                problem = "the catalogue config has errors: nothing rebuilt until they are fixed"
            else:
                try:
                    pruned = _without_broken(catalogue, errors, broken)
                    build_site(Site(pruned, site.validation, self.folder), jobs=1)
                except RoledocsError as error:
                    problem = str(error)
            return self._publish(errors, broken, problem, start)

    def _publish(self, errors, broken, problem, start: float) -> Snapshot:
        with self._changed:
            self.snapshot = Snapshot(self.snapshot.generation + 1, tuple(errors), broken, problem,
                                     (time.perf_counter() - start) * 1000)
            self._changed.notify_all()
        return self.snapshot

    def wait(self, seen: int | None, timeout: float) -> int:
        """The build number, once it differs from `seen` or after `timeout` seconds (or on close)."""
        with self._changed:
            self._changed.wait_for(lambda: self.closed or self.snapshot.generation != seen, timeout)
            return self.snapshot.generation

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
