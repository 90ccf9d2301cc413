"""SARIF 2.1.0, as GitHub code scanning takes it: every rule described (a full description, help in text and
Markdown with its bad and good example, a link into docs/rules.md, its default level), every result in a region
of its file, and files named relative to the repository root (`%SRCROOT%`), never by this machine's absolute path.
"""
from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from urllib.parse import quote

from ..version import __version__
from ..findings import Finding, Validation
from ..source.discovery import folder_of
from .ruledocs import Documented, about, default_level, documented, text

SRCROOT = "%SRCROOT%"
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
DOCS_PAGE = "blob/main/docs/rules.md"  # where the rules' docs live in the repository, one heading per rule


@cache
def repository_url() -> str | None:
    """The repository the package declares (pyproject.toml [project.urls] Repository), or None when roledocs runs
    without its metadata (not installed)."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata("roledocs").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "repository":
            return url.strip().rstrip("/")
    return None


def source_root(start: Path, files: list[str] = ()) -> Path:
    """What `%SRCROOT%` stands for: the top of the git working tree that `start` (the current folder) lies in,
    where GitHub's checkout puts the repository, else `start` itself; moved up to the folder that holds them all
    when a file lies outside it, so that every file is named relative to it."""
    start = start.resolve()
    root = next((folder for folder in (start, *start.parents) if (folder / ".git").exists()), start)
    for path in files:
        located = _located(path)
        if not located.is_relative_to(root):
            root = Path(os.path.commonpath([root, located]))
    return root


def _located(path: str) -> Path:
    """A shown path as an absolute one, its folder resolved (not the file: a linked file keeps its place)."""
    given = Path(path)
    return folder_of(given) / given.name


def _encoded(path: str) -> str:
    return quote(path.encode("utf-8", "surrogateescape"), safe="/")


def artifact_location(path: str, root: Path) -> dict:
    """A file as SARIF names it: relative to the root, with `uriBaseId` (a file that is not below it, which
    source_root prevents, would be an absolute file: URI)."""
    absolute = _located(path)
    if absolute.is_relative_to(root):
        relative = absolute.relative_to(root).as_posix()
        return {"uri": _encoded(relative + ("/" if path.endswith("/") and relative != "." else "")),
                "uriBaseId": SRCROOT}
    return {"uri": "file://" + _encoded(absolute.as_posix())}


def _explanation(rule: Documented) -> str:
    """A rule's documentation up to its examples: what it checks and why (the full description)."""
    kept = [p for p in rule.doc.split("\n\n") if not p.lstrip().startswith(("**Bad**", "**Good**", "Bad:", "```"))]
    return "\n\n".join(kept) or rule.doc


def descriptor(rule_id: str, rule: Documented | None, docs: str | None) -> dict:
    """The reportingDescriptor of a rule: descriptions, help with examples, a link to its docs, default level."""
    if rule is None:  # an id no rule documents (a rule of a plugin, or a test's): still a valid descriptor
        return {"id": rule_id, "shortDescription": {"text": rule_id}, "fullDescription": {"text": rule_id},
                "help": {"text": rule_id, "markdown": f"`{rule_id}`"}, "defaultConfiguration": {"level": "error"}}
    level = default_level(rule)
    described = {
        "id": rule_id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _explanation(rule)},
        "help": {"text": text(rule), "markdown": f"*{about(rule).capitalize()}.*\n\n{rule.doc}\n"},
        "defaultConfiguration": {"level": rule.severity.value, "enabled": False} if level == "off" else
        {"level": level},
    }
    if docs:
        described["helpUri"] = f"{docs}#{rule_id}"
    return described


def sarif_log(validation: Validation, root: Path) -> dict:
    """The SARIF log of a validation: one run, every documented rule (and any other id a finding carries)."""
    known = documented()
    ids = list(known) + sorted({f.rule for f in validation.findings} - set(known))
    index = {rule_id: i for i, rule_id in enumerate(ids)}
    repository = repository_url()
    docs = f"{repository}/{DOCS_PAGE}" if repository else None
    driver = {"name": "roledocs", "version": __version__, "semanticVersion": __version__,
              "rules": [descriptor(rule_id, known.get(rule_id), docs) for rule_id in ids]}
    if repository:
        driver["informationUri"] = repository
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "originalUriBaseIds": {SRCROOT: {"uri": root.as_uri().rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": [_result(finding, index[finding.rule], root) for finding in validation.findings],
        }],
    }


def _result(finding: Finding, rule_index: int, root: Path) -> dict:
    # a finding with no place (a file that cannot be read) is about the whole file: GitHub needs a region all the
    # same, and line 1 is where the file starts
    region = {"startLine": finding.line or 1}
    if finding.line is not None and finding.column is not None:
        region["startColumn"] = finding.column
    return {"ruleId": finding.rule, "ruleIndex": rule_index, "level": finding.severity.value,
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(finding.path, root),
                                                "region": region}}]}

