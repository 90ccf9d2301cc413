"""`roledocs diff`: the meaning of the changes to roles and teams between two git revisions (or a revision and the
working tree, or two folders), for review: KPI targets stricter or looser, pay in percent, RACI cells, activities
left without someone accountable.

sources.py lists and reads the changed files, load.py reads each side, roles.py and teams.py compare, compare.py
matches them into a Report (model.py), reporters.py prints it. Docs: docs/diff.md.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import UsageError
from .model import KINDS, Report

__all__ = ["KINDS", "Report", "diff", "fail_kinds"]


def diff(arguments: list[str], *, names: bool = True, fail_on: frozenset[str] = frozenset(), no_index: bool = False,
         folder: Path | None = None) -> Report:
    """Compare what `arguments` name: `[BASE [HEAD]] [PATH...]` as git revisions (default: the merge base with the
    default branch, and the working tree) and paths to limit the comparison to, or two folders and paths below
    them. Two folders are compared as folders, as `git diff` does, outside a git repository, when one of them is
    outside the repository, or with `no_index`. `folder` is where git is asked (default: the current folder)."""
    from .compare import compare
    from .sources import from_folders, from_git

    here = folder or Path.cwd()
    if no_index or _two_folders(arguments, here):
        if len(arguments) < 2 or not all((here / a).is_dir() for a in arguments[:2]):
            raise UsageError("--no-index compares two folders: roledocs diff --no-index OLD_FOLDER NEW_FOLDER")
        versions = from_folders(here / arguments[0], here / arguments[1], arguments[2:], (arguments[0], arguments[1]))
    else:
        versions = from_git(arguments, here)
    return compare(versions, names=names, fail_on=fail_on)


def _two_folders(arguments: list[str], here: Path) -> bool:
    """Whether the first two arguments are folders to compare rather than paths to limit a git comparison to: both
    are folders and, as for `git diff`, there is no repository here or one of them lies outside it."""
    from .sources import Git

    if len(arguments) < 2 or not all((here / a).is_dir() for a in arguments[:2]):
        return False
    try:
        git = Git(here)
    except UsageError:  # not a repository (or no git): folders are all there is to compare
        return True
    return not all((here / a).resolve().is_relative_to(git.root.resolve()) for a in arguments[:2])


def fail_kinds(text: str) -> frozenset[str]:
    """`--fail-on KIND,...` read: kinds of KINDS, or `any`; an unknown kind is a usage error with a guess."""
    from ..hints import did_you_mean

    kinds = frozenset(k.strip() for k in text.split(",") if k.strip())
    unknown = sorted(kinds - set(KINDS) - {"any"})
    if unknown:
        raise UsageError(f"--fail-on: there is no kind of change '{unknown[0]}'; {did_you_mean(unknown[0], KINDS)}"
                         "docs/diff.md lists them")
    if not kinds:
        raise UsageError("--fail-on needs at least one kind of change, e.g. --fail-on pay-range-changed")
    return kinds
