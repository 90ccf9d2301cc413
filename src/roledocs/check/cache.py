"""The content cache: what reading and checking each file of a catalogue gave, reused while the file is the same.

A file's entry holds what loading it yields (its kind, whether it is valid, the data the cross-file rules read,
its own findings with their lines and columns) and is used again only while everything it came from is the same:
the file's bytes (their digest; the file's stamp, size, times and inode, stands in for reading it while it holds),
its name (a role's id must match it), what the one-file rules that run read of the config (`lint:`, `quality:` and
what they declare, such as the day for review-overdue: engine.file_check_fields), and roledocs' code, Python and
libraries (the table's header). Findings are
kept without the file's shown name, which depends on how roledocs was called: it is put back when they are read.
The cross-file rules are never cached: they run on the whole catalogue every time.

`validate` keeps of a role only what the cross-file rules read; `build` needs whole roles, kept in a second table
that only build reads, so validate never pays for them.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Callable

import orjson

from ..findings import Finding, Severity
from ..gcpause import collector_paused
from ..rules import CROSS_FILE_ROLE_KEYS
from ..source import schema
from ..source.catalogue import Catalogue, Loaded, load_all, load_catalogue
from ..source.config import Config
from ..source.document import Document, Stamp, read_source
from ..fingerprint import digest
from .cachefiles import CacheSetting, Table, cache_folder
from .engine import file_check_fields, run_file_rules

# the fields of a line of the checks table, and of the documents table (whole roles)
PATH, STAMP, DIGEST, NAME, SETTINGS, RULES, DOCUMENT, KIND, VALID, DATA, FINDINGS, BROKEN = range(12)
WHOLE_DIGEST, WHOLE_NAME, WHOLE_DATA = range(1, 4)


def cached_catalogue(root: Path, display_for: Callable[[Path], str], *, cache: CacheSetting = True,
                     **options) -> Catalogue:
    """load_catalogue (with the same options) through the content cache of the catalogue at root (see
    cachefiles.cache_folder); without one, as load_catalogue alone does."""
    folder = cache_folder(root, cache)
    if folder is None:
        return load_catalogue(root, display_for, **options)
    with collector_paused():  # reading a table makes as many objects as loading the files would (see gcpause.py)
        load = CachedLoad(folder, root)
        catalogue = load_catalogue(root, display_for, load=load, **options)
        load.save()
    return catalogue


def settings_digest(config: Config) -> str:
    """The digest of what the one-file rules that run read of the config (the day only while a rule that judges
    by it is on: otherwise every day would start with an empty cache)."""
    read = {name: getattr(config, name) for name in file_check_fields(config.lint)}
    return digest(orjson.dumps(read, option=orjson.OPT_SORT_KEYS))[:32]


class CachedLoad:
    """load_all, remembering: files whose entry still holds are not read again; the others are loaded as
    load_all loads them and their entries kept. `save()` writes the tables when something changed."""

    def __init__(self, folder: Path, root: Path) -> None:
        name = digest(os.path.relpath(root, folder))[:16]
        self.root = os.fspath(root).rstrip(os.sep) + os.sep
        self.checks, self.documents = Table(folder / f"checks-{name}.jsonl"), Table(folder / f"documents-{name}.jsonl")
        self.entries = self.checks.read()
        self.wholes: dict[str, list] | None = None  # read when a whole role is first asked for: build only
        self.kept: dict[str, list] = {}  # the entries of this run's files, new or reused
        self.whole_kept: dict[str, list] = {}
        self.changed = self.whole_changed = False

    def __call__(self, items: list[tuple[Path, str]], jobs: int | None = None, config: Config | None = None, *,
                 per_file=None, keep: tuple[str, ...] | None = None,
                 reported: frozenset[str] | None = None) -> list[Loaded]:
        """load_all's results for these files, from the cache where it holds them."""
        if per_file not in (None, run_file_rules) or keep not in (None, CROSS_FILE_ROLE_KEYS):
            return load_all(items, jobs, config, per_file=per_file, keep=keep, reported=reported)
        config = (config or Config()).for_file_checks()  # the day fixed once, for the key and the rules alike
        settings, whole = settings_digest(config), keep is None
        wants = [per_file is not None and (reported is None or display in reported) for _, display in items]
        results = [self._reuse(path, display, settings, rules, whole) for (path, display), rules in zip(items, wants)]
        missed = [item for item, result in zip(items, results) if result is None]
        loaded = iter(load_all(missed, jobs, config, per_file=per_file, keep=keep, reported=reported))
        for index, result in enumerate(results):
            if result is None:
                results[index] = next(loaded)
                self._remember(*items[index], results[index], settings, wants[index], whole)
        return results

    def _key(self, path: Path) -> str:
        """A file's name in the tables: its path below the catalogue root (the cache may move with it)."""
        text = os.fspath(path)
        return text[len(self.root):] if text.startswith(self.root) else os.path.abspath(text)

    def _reuse(self, path: Path, display: str, settings: str, rules: bool, whole: bool) -> Loaded | None:
        """The file's result from its entry, or None when there is none that holds."""
        key = self._key(path)
        entry = self.entries.get(key)
        try:
            if entry is None or entry[NAME] != os.path.basename(display) or entry[SETTINGS] != settings or \
                    (rules and not entry[RULES]):
                return None
            stamp = self._unchanged(path, display, entry)
            if stamp is False:
                return None
            data = entry[DATA]
            if whole and entry[KIND] == "role" and (entry[VALID] or entry[BROKEN] is not None):
                data = self._whole(key, entry)
            if not _sound(entry, data, whole):
                return None
            loaded = _loaded(entry, path, display, data)
        except (TypeError, ValueError, KeyError, IndexError, AttributeError):  # a line of the wrong shape
            return None
        if stamp is not True and _stamp_field(stamp) != entry[STAMP]:  # the same bytes: the file's new stamp
            entry = [*entry[:STAMP], _stamp_field(stamp), *entry[STAMP + 1:]]
            self.changed = True
        self.kept[key] = entry
        return loaded

    def _unchanged(self, path: Path, display: str, entry: list) -> bool | Stamp | None:
        """True when the file's stamp is the entry's; else, when its bytes still are the entry's, its new stamp
        (None if it changed too recently to be stamped); False when the file differs or cannot be read."""
        try:
            status = os.stat(path)
        except OSError:
            return False
        if entry[STAMP] == [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino]:  # see Stamp
            return True
        source, _ = read_source(path, display)
        return False if source is None or source.digest != entry[DIGEST] else source.stamp

    def _whole(self, key: str, entry: list):
        """A valid role's whole data, when the documents table holds it for the same bytes and name."""
        if self.wholes is None:
            self.wholes = self.documents.read()
        whole = self.wholes.get(key)
        if whole is None or whole[WHOLE_DIGEST] != entry[DIGEST] or whole[WHOLE_NAME] != entry[NAME]:
            return None
        self.whole_kept[key] = whole
        return whole[WHOLE_DATA]

    def _remember(self, path: Path, display: str, result: Loaded, settings: str, rules: bool, whole: bool) -> None:
        """Keep a loaded file's entry: only for a file read as text, whose findings are all its own."""
        key = self._key(path)
        self.changed = True
        document = result.document
        if not result.digest or any(f.path != display for f in result.findings):
            return
        name, broken = os.path.basename(display), result.broken
        data = None if document is None else _cross_data(document, result.valid, broken, whole)
        self.kept[key] = [key, _stamp_field(result.stamp), result.digest, name, settings, rules,
                          document is not None, document and document.kind, result.valid, data,
                          [[f.line, f.column, f.severity.value, f.rule, f.message] for f in result.findings],
                          None if broken is None else sorted(broken)]
        if whole and document is not None and document.kind == "role" and (result.valid or broken is not None):
            self.whole_kept[key] = [key, result.digest, name, document.data]
            self.whole_changed = True

    def save(self) -> None:
        """Write the tables if this run changed them; they then hold this run's files only."""
        if self.changed or self.kept.keys() != self.entries.keys():
            self.checks.write(self.kept[key] for key in sorted(self.kept))
        if self.whole_changed or (self.wholes is not None and self.whole_kept.keys() != self.wholes.keys()):
            self.documents.write(self.whole_kept[key] for key in sorted(self.whole_kept))


def _sound(entry: list, data, whole: bool) -> bool:
    """Whether an entry's data is what loading a file could have given (its checksum held, but a line is never
    trusted blindly): a valid file's passes its schema (a role's, the part the cross-file rules read), an invalid
    file's is at most its id."""
    broken = entry[BROKEN]
    if not (type(entry[VALID]) is type(entry[RULES]) is type(entry[DOCUMENT]) is bool
            and (entry[KIND] is None or type(entry[KIND]) is str)
            and (broken is None or (type(broken) is list and all(type(key) is str for key in broken)))):
        return False
    if entry[VALID] or broken is not None:
        keys = CROSS_FILE_ROLE_KEYS if entry[KIND] == "role" and not whole else None
        return _holds(entry[KIND], data, keys, frozenset(broken or ()))
    return data is None or (isinstance(data, dict) and data.keys() == {"id"} and isinstance(data["id"], str))


def _holds(kind: str, data, keys: tuple[str, ...] | None, broken: frozenset[str]) -> bool:
    """Whether data passes its kind's schema (with `keys`, the part of it about those keys: a role kept for the
    cross-file rules; without the `broken` keys, those a file's schema errors lie in)."""
    if kind not in schema.KINDS:
        return False
    if broken:
        keys = tuple(key for key in (keys or tuple(schema.schema(kind)["properties"])) if key not in broken)
    return _validator(kind, keys).is_valid(data)


@lru_cache(maxsize=64)
def _validator(kind: str, keys: tuple[str, ...] | None):
    """jsonschema-rs for a kind's schema, or for each given key's own rules (conditions across keys, such as the
    team's `allOf` on raci_profile, may involve the others)."""
    import jsonschema_rs

    whole = schema.schema(kind)
    if keys is not None:
        whole = {"$schema": whole["$schema"], "$defs": whole.get("$defs", {}), "type": "object",
                 "properties": {k: v for k, v in whole["properties"].items() if k in keys},
                 "required": [k for k in whole.get("required", ()) if k in keys]}
    return jsonschema_rs.validator_for(whole)


def _stamp_field(stamp: Stamp | None) -> list | None:
    return None if stamp is None else list(stamp)


def _cross_data(document: Document, valid: bool, broken: frozenset[str] | None, whole: bool):
    """What a file's entry keeps of its data: of a valid role, or one whose schema errors lie in some keys only
    (`broken`: the cross-file rules that read others check it), what the cross-file rules read (all a role loaded
    for checking holds: see load_all's `keep`); of such a team or config all of it; of any other file its id,
    which references to it resolve by."""
    data = document.data
    if not valid and broken is None:
        return {"id": data["id"]} if isinstance(data, dict) and isinstance(data.get("id"), str) else None
    if document.kind == "role" and whole:
        return {key: data[key] for key in CROSS_FILE_ROLE_KEYS if key in data}
    return data


def _loaded(entry: list, path: Path, display: str, data) -> Loaded:
    """The result an entry stands for, the file shown as `display`."""
    findings = [_finding(display, *fields) for fields in entry[FINDINGS]]
    document = Document(display, entry[KIND], data, None, None, entry[DIGEST], path) if entry[DOCUMENT] else None
    broken = None if entry[BROKEN] is None else frozenset(entry[BROKEN])
    return Loaded(document, findings, entry[VALID], broken, entry[DIGEST])  # no stamp: nothing was read


def _finding(display: str, line: int | None, column: int | None, severity: str, rule: str, message: str) -> Finding:
    """A kept finding, the file shown as `display`; TypeError for one that no check could have made."""
    if not (_place(line) and _place(column) and isinstance(rule, str) and isinstance(message, str)):
        raise TypeError("not a finding")
    return Finding(display, line, column, Severity(severity), rule, message)


def _place(number) -> bool:
    return number is None or (type(number) is int and number >= 1)
