"""Two versions of the changed files to a Report: each side read, roles and teams matched by id (a file may move
or be renamed), compared, and files that do not validate at a side reported as such."""
from __future__ import annotations

import json
from pathlib import PurePosixPath

from .common import Pair
from .load import Version, load_version
from .model import Change, FileDiff, Report
from .roles import compare_role
from .sources import Versions
from .teams import compare_team


def compare(versions: Versions, *, names: bool = True, fail_on: frozenset[str] = frozenset()) -> Report:
    """The report of every change in meaning; `names` false keeps people's names out of it."""
    old = {path: load_version(path, before) for path, (before, _) in versions.files.items()}
    new = {path: load_version(path, after) for path, (_, after) in versions.files.items()}
    files = [_invalid(path, old[path], new[path]) for path in versions.files
             if _broken(old[path]) or _broken(new[path])]
    shown = {f.path for f in files}
    before = _by_id(v for path, v in old.items() if path not in shown)
    after = _by_id(v for path, v in new.items() if path not in shown)
    for key in before.keys() & after.keys():
        pair = Pair(before[key].document, after[key].document)
        changes = compare_role(pair) if key[0] == "role" else compare_team(pair, names)
        if changes:
            files.append(FileDiff(after[key].path, key[0], key[1], "changed", changes,
                                  before[key].path if before[key].path != after[key].path else None))
    files += _added_and_removed([before[k] for k in before.keys() - after.keys()],
                                [after[k] for k in after.keys() - before.keys()])
    return Report(versions.base, versions.head, sorted(files, key=lambda f: (f.path, f.kind, f.id)), fail_on)


def _broken(version: Version | None) -> bool:
    return version is not None and version.document is None


def _by_id(versions) -> dict[tuple[str, str], Version]:
    found: dict[tuple[str, str], Version] = {}
    for version in versions:
        if version is not None:
            found.setdefault((version.kind, version.id), version)
    return found


def _invalid(path: str, old: Version | None, new: Version | None) -> FileDiff:
    """A file that does not validate at one side (or both): its first finding at each side, and how many more."""
    kind = (new or old).kind
    valid = next((v.id for v in (new, old) if v is not None and v.document is not None), None)
    changes = []
    for side, version in (("base", old), ("head", new)):
        if _broken(version):
            first = version.problems[0]
            more = len(version.problems) - 1
            place = ":".join(str(n) for n in (first.line, first.column) if n is not None)
            message = (f"does not validate in the {side} version{' at ' + place if place else ''}: {first.rule}: "
                       f"{first.message}" + (f" (and {more} more finding{'s' if more > 1 else ''})" if more else ""))
            line = first.line
            changes.append(Change("invalid", message, line if side == "head" else None,
                                  line if side == "base" else None, extra={"side": side, "rule": first.rule}))
    return FileDiff(path, kind, valid or PurePosixPath(path).stem, "invalid", changes)


def _content(version: Version) -> str:
    """A role's or team's data without its id, to recognise a rename."""
    return json.dumps({k: v for k, v in version.document.data.items() if k != "id"}, sort_keys=True, default=str)


def _added_and_removed(removed: list[Version], added: list[Version]) -> list[FileDiff]:
    """Added and removed roles and teams; one removed and one added with the same content is a rename."""
    files = []
    waiting = {}
    for version in removed:
        waiting.setdefault((version.kind, _content(version)), []).append(version)
    for version in sorted(added, key=lambda v: v.path):
        match = waiting.get((version.kind, _content(version)))
        if match:
            was = match.pop(0)
            files.append(FileDiff(version.path, version.kind, version.id, "renamed", [Change(
                f"{version.kind}-renamed", f"{version.kind} '{was.id}' renamed to '{version.id}', its content "
                "unchanged", version.document.position(("id",))[0], was.document.position(("id",))[0], was.id,
                version.id)], was.path if was.path != version.path else None, was.id))
            continue
        files.append(FileDiff(version.path, version.kind, version.id, "added", [Change(
            f"{version.kind}-added", f"{version.kind} '{version.id}' added: {_title(version)}", 1, None, None,
            version.id)]))
    for version in (v for group in waiting.values() for v in group):
        files.append(FileDiff(version.path, version.kind, version.id, "removed", [Change(
            f"{version.kind}-removed", f"{version.kind} '{version.id}' removed: {_title(version)}", None, 1,
            version.id, None)]))
    return files


def _title(version: Version) -> str:
    data = version.document.data
    return data["title"] if version.kind == "role" else data["name"]
