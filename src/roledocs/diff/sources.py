"""Where the two versions come from: two git revisions, a revision and the working tree, or two folders.

Git is run as a subprocess (`git diff --name-only`, `git cat-file --batch`), so only the files that changed are
listed and read: a catalogue of ten thousand roles with fifty changed costs fifty files, not twenty thousand.
"""
from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ..source.config import CONFIG_NAMES
from ..source.discovery import YAML_SUFFIXES, discover
from ..errors import UsageError

SHALLOW_HINT = ("the clone is shallow: fetch the history the comparison needs (in GitHub Actions, "
                "actions/checkout with `fetch-depth: 0`; or `git fetch --unshallow`)")


@dataclass
class Versions:
    """The changed files (paths relative to the repository or folder root, `/`-separated) with their bytes at
    each side (None where a side has no such file), and the two sides named for people."""

    base: str
    head: str
    files: dict[str, tuple[bytes | None, bytes | None]] = field(default_factory=dict)


def _wanted(path: str) -> bool:
    """A YAML file that may be a role or team (the catalogue config is neither)."""
    return path.endswith(YAML_SUFFIXES) and path.rsplit("/", 1)[-1] not in CONFIG_NAMES


class Git:
    """The git repository around the current folder, asked through `git` itself."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        top = self.run("rev-parse", "--show-toplevel", check=False)
        if top is None:
            raise UsageError("not inside a git repository: run roledocs diff in one, or compare two folders "
                             "(roledocs diff OLD_FOLDER NEW_FOLDER)")
        self.root = Path(os.fsdecode(top).strip())

    def run(self, *args: str, check: bool = True, stdin: bytes | None = None) -> bytes | None:
        """git's standard output; None when it fails and `check` is off."""
        try:
            done = subprocess.run(["git", *args], cwd=self.folder, input=stdin, capture_output=True)
        except FileNotFoundError:
            raise UsageError("git is not installed (roledocs diff reads revisions through it); compare two folders "
                             "instead: roledocs diff OLD_FOLDER NEW_FOLDER") from None
        if done.returncode != 0:
            if check:
                raise UsageError(f"git {args[0]} failed: {done.stderr.decode(errors='replace').strip()}")
            return None
        return done.stdout

    def commit(self, revision: str) -> str | None:
        """The full commit id a revision names, or None when it names none here."""
        out = self.run("rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}", check=False)
        return out.decode().strip() if out else None

    @property
    def shallow(self) -> bool:
        return (self.run("rev-parse", "--is-shallow-repository", check=False) or b"").strip() == b"true"

    def missing(self, revision: str) -> UsageError:
        """The error for a revision that is not here, saying why when the clone is shallow."""
        if self.shallow:
            return UsageError(f"the revision '{revision}' is not in this clone (nor a file or folder): {SHALLOW_HINT}")
        return UsageError(f"'{revision}' is neither a revision of this repository nor a file or folder")

    def default_base(self) -> tuple[str, str]:
        """The merge base of HEAD with the default branch (in a pull request on GitHub Actions, its base branch),
        as (commit, name for people)."""
        branch = self._default_branch()
        base = self.run("merge-base", branch, "HEAD", check=False)
        if not base:
            if self.shallow:
                raise UsageError(f"cannot find where this branch left '{branch}': {SHALLOW_HINT}")
            raise UsageError(f"HEAD and '{branch}' have no common history; name the base: roledocs diff BASE")
        commit = base.decode().strip()
        return commit, f"{branch} (merge base {commit[:10]})"

    def _default_branch(self) -> str:
        candidates = []
        if os.environ.get("GITHUB_BASE_REF"):
            candidates.append(f"origin/{os.environ['GITHUB_BASE_REF']}")
        head = self.run("symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD", check=False)
        if head:
            candidates.append(head.decode().strip())
        candidates += ["origin/main", "origin/master", "main", "master"]
        for name in candidates:
            if self.commit(name):
                return name
        if self.shallow:
            raise UsageError(f"no default branch (main, master or origin/HEAD) in this clone to compare with: "
                             f"{SHALLOW_HINT}; or name the base: roledocs diff BASE")
        raise UsageError("no default branch (main, master or origin/HEAD) to compare with; name the base: "
                         "roledocs diff BASE")

    def changed(self, base: str, head: str | None, paths: list[str]) -> list[str]:
        """The YAML files that differ between base and head (None: the working tree, untracked files too),
        relative to the repository root."""
        spec = ["--", *paths] if paths else []
        listed = self.run("diff", "--name-only", "-z", "--no-renames", "--no-ext-diff", base,
                          *([head] if head else []), *spec)
        names = listed.split(b"\0")
        if head is None:
            names += self.run("ls-files", "-z", "--others", "--exclude-standard", "--full-name", *spec).split(b"\0")
        return sorted({name for name in map(os.fsdecode, names) if name and _wanted(name)})

    def read(self, revision: str, paths: list[str]) -> dict[str, bytes | None]:
        """Each file's bytes at a revision (None where it has no such file), in one `git cat-file --batch`."""
        if not paths:
            return {}
        request = b"".join(f"{revision}:{path}".encode("utf-8", "surrogateescape") + b"\n" for path in paths)
        out = self.run("cat-file", "--batch", stdin=request)
        found: dict[str, bytes | None] = {}
        position = 0
        for path in paths:
            end = out.index(b"\n", position)
            header = out[position:end].split(b" ")
            position = end + 1
            if header[-1] == b"missing" or len(header) != 3 or header[1] != b"blob":
                found[path] = None
                continue
            size = int(header[2])
            found[path] = out[position:position + size]
            position += size + 1
        return found


def _read_file(path: Path) -> bytes | None:
    try:
        return path.read_bytes() if path.is_file() else None
    except OSError:
        return None


def from_git(arguments: list[str], folder: Path) -> Versions:
    """Versions from git: `arguments` are up to two revisions (BASE, HEAD), then paths; no BASE is the merge base
    with the default branch, no HEAD the working tree."""
    git = Git(folder)
    revisions, paths = _split(git, arguments)
    if revisions:
        base = git.commit(revisions[0])
        if base is None:
            raise git.missing(revisions[0])
        base_name = f"{revisions[0]} ({base[:10]})"
    else:
        base, base_name = git.default_base()
    head = None
    head_name = "working tree"
    if len(revisions) > 1:
        head = git.commit(revisions[1])
        if head is None:
            raise git.missing(revisions[1])
        head_name = f"{revisions[1]} ({head[:10]})"
    changed = git.changed(base, head, paths)
    before = git.read(base, changed)
    after = git.read(head, changed) if head else {p: _read_file(git.root / p) for p in changed}
    return Versions(base_name, head_name, {path: (before[path], after[path]) for path in changed})


def _split(git: Git, arguments: list[str]) -> tuple[list[str], list[str]]:
    """Leading arguments that name commits are revisions (at most two); the rest are paths, which must exist (write
    `./main` for a folder that has a branch's name)."""
    revisions: list[str] = []
    rest = list(arguments)
    while rest and len(revisions) < 2 and git.commit(rest[0]) is not None:
        revisions.append(rest.pop(0))
    for index, path in enumerate(rest):
        if not (git.folder / path).exists():
            if index == 0 and len(revisions) < 2:  # meant as a revision, most likely
                raise git.missing(path)
            raise UsageError(f"{path}: no such file or folder")
    return revisions, rest


def from_folders(base: Path, head: Path, paths: list[str], labels: tuple[str, str]) -> Versions:
    """Versions from two folders (two checkouts, two exports): the YAML files that differ, by path below each;
    `labels` name the folders for people."""
    sides = []
    for root in (base, head):
        files = {p.relative_to(root).as_posix(): p for p in discover(root).files}
        sides.append({rel: p for rel, p in files.items() if _wanted(rel) and _below(rel, paths)})
    versions = Versions(*labels)
    for rel in sorted(set(sides[0]) | set(sides[1])):
        before = _read_file(sides[0][rel]) if rel in sides[0] else None
        after = _read_file(sides[1][rel]) if rel in sides[1] else None
        if before != after:
            versions.files[rel] = (before, after)
    return versions


def _below(rel: str, paths: list[str]) -> bool:
    """Whether a file (relative to its folder) is one of the given paths or below one of them; no paths: all."""
    wanted = [p.strip("/") for p in paths if p.strip("/") not in ("", ".")]
    return not wanted or any(rel == p or rel.startswith(p + "/") for p in wanted)
