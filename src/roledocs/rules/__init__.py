"""The rule registry: each rule is a small function with a stable id, a default severity and its docs as docstring.

A rule yields Problems (where and what); the runner turns them into Findings with the rule's id and the
severity the catalogue's `lint:` settings give it, so a new rule needs no other wiring.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Callable, Iterable

from ..findings import Finding, Severity
from ..loader import Document

SCOPES = ("role", "team", "catalogue")


@dataclass(frozen=True)
class Problem:
    """What a rule found: a document, the data path of the offending node, and a message for people."""

    document: Document
    location: tuple
    message: str
    at_key: bool = False


@dataclass(frozen=True)
class Rule:
    """A registered rule; `scope` says what it is called with (one role, one team, or the whole catalogue)."""

    id: str
    severity: Severity
    scope: str
    check: Callable[..., Iterable[Problem]]
    needs_catalogue: bool

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.check) or ""

    @property
    def summary(self) -> str:
        return self.doc.split("\n\n", 1)[0].replace("\n", " ")


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity = Severity.ERROR, scope: str = "role", needs_catalogue: bool = False):
    """Register a rule function; `needs_catalogue` rules are skipped when a file is checked without its catalogue."""
    assert scope in SCOPES, scope

    def register(func):
        RULES[rule_id] = Rule(rule_id, severity, scope, func, needs_catalogue)
        return func

    return register


def _enabled(severities: dict[str, str]):
    """The rules to run with the severity each gets from the `lint:` settings (off ones left out)."""
    for current in RULES.values():
        level = severities.get(current.id, current.severity.value)
        if level != "off":
            yield current, Severity(level)


def _findings(current: Rule, severity: Severity, problems: Iterable[Problem]) -> list[Finding]:
    return [p.document.finding(p.location, severity, current.id, p.message, at_key=p.at_key) for p in problems]


def run_file_rules(document: Document, catalogue) -> list[Finding]:
    """The rules that need only this one file (and the config); run right after loading, in worker processes."""
    findings: list[Finding] = []
    for current, severity in _enabled(catalogue.config.lint):
        if current.scope == document.kind and not current.needs_catalogue:
            findings.extend(_findings(current, severity, current.check(document, catalogue)))
    return findings


def run_catalogue_rules(catalogue) -> list[Finding]:
    """The rules that look across files; skipped when a file is checked without its catalogue."""
    findings: list[Finding] = []
    if not catalogue.complete:
        return findings
    for current, severity in _enabled(catalogue.config.lint):
        if not current.needs_catalogue and current.scope != "catalogue":
            continue
        if current.scope == "catalogue":
            problems = current.check(catalogue)
        else:
            documents = catalogue.roles_checked if current.scope == "role" else catalogue.teams_checked
            problems = (p for document in documents for p in current.check(document, catalogue))
        findings.extend(_findings(current, severity, problems))
    return findings


from . import raci, references, roles, settings  # noqa: E402,F401  (importing registers the rules)
