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


def run_rules(catalogue, severities: dict[str, str]) -> list[Finding]:
    """Run every enabled rule over the catalogue; `severities` maps rule ids to error, warning or off."""
    findings: list[Finding] = []
    for current in RULES.values():
        level = severities.get(current.id, current.severity.value)
        if level == "off" or (current.needs_catalogue and not catalogue.complete):
            continue
        severity = Severity(level)
        if current.scope == "catalogue":
            problems = current.check(catalogue)
        else:
            documents = catalogue.roles_checked if current.scope == "role" else catalogue.teams_checked
            problems = (p for document in documents for p in current.check(document, catalogue))
        for problem in problems:
            findings.append(problem.document.finding(problem.location, severity, current.id, problem.message,
                                                     at_key=problem.at_key))
    return findings


from . import raci, references, roles  # noqa: E402,F401  (importing registers the rules)
