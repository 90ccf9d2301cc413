"""The rule registry: each rule is a small function with a stable id, a default severity and its docs as docstring.

A rule yields Problems (where and what); the runner turns them into Findings with the rule's id and the
severity the catalogue's `lint:` settings give it, so a new rule needs no other wiring.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable

from ..findings import Finding, Severity
from ..loader import Document
from ..suppress import suppressed

SCOPES = ("role", "team", "catalogue")
# All that the cross-file rules read of a valid role: validate ships no more back from its worker processes (the
# duties, KPIs and prose only the one-file rules read are most of each file). A cross-file rule that reads more of a
# role adds the key here; tests/test_rules_core.py checks the cross-file findings against fully loaded roles.
CROSS_FILE_ROLE_KEYS = ("id", "reports_to", "skills", "x-roledocs-allow")


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
    default_off: bool = False
    group: str = ""

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.check) or ""

    @property
    def summary(self) -> str:
        return self.doc.split("\n\n", 1)[0].replace("\n", " ")


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity = Severity.ERROR, scope: str = "role", needs_catalogue: bool = False,
         *, default_off: bool = False, group: str = ""):
    """Register a rule function; `needs_catalogue` rules are skipped when a file is checked without its catalogue.

    A `default_off` rule runs only when `lint:` names it; `group` lets `lint:` set a whole family at once
    (`quality: off`), though never switching on a default-off rule.
    """
    assert scope in SCOPES, scope

    def register(func):
        RULES[rule_id] = Rule(rule_id, severity, scope, func, needs_catalogue, default_off, group)
        return func

    return register


def level_of(current: Rule, severities: dict[str, str]) -> str:
    """The level a rule runs at: its own `lint:` entry, else its group's, else its default."""
    if current.id in severities:
        return severities[current.id]
    if current.default_off:
        return "off"
    return severities.get(current.group, current.severity.value) if current.group else current.severity.value


def _enabled(severities: dict[str, str]) -> tuple:
    """The rules to run with the severity each gets from the `lint:` settings (off ones left out)."""
    return _enabled_for(tuple(sorted(severities.items())))


@lru_cache(maxsize=64)
def _enabled_for(lint_items: tuple) -> tuple:
    """Worked out once per distinct `lint:` setting, not once per file (the registry is complete after import)."""
    severities = dict(lint_items)
    return tuple((current, Severity(level)) for current in RULES.values()
                 if (level := level_of(current, severities)) != "off")


def _findings(current: Rule, severity: Severity, problems: Iterable[Problem]) -> list[Finding]:
    return [p.document.finding(p.location, severity, current.id, p.message, at_key=p.at_key) for p in problems
            if not suppressed(p.document.data, p.location, current.id)]


@lru_cache(maxsize=64)
def _file_rules_for(lint_items: tuple, kind: str) -> tuple:
    return tuple((current, severity) for current, severity in _enabled_for(lint_items)
                 if current.scope == kind and not current.needs_catalogue)


def run_file_rules(document: Document, catalogue) -> list[Finding]:
    """The rules that need only this one file (and the config); run right after loading, in worker processes."""
    findings: list[Finding] = []
    for current, severity in _file_rules_for(tuple(sorted(catalogue.config.lint.items())), document.kind):
        problems = list(current.check(document, catalogue))
        if problems:
            findings.extend(_findings(current, severity, problems))
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


from . import config_paths, raci, references, roles, settings, site_names  # noqa: E402,F401  (importing registers)
from . import (quality_completeness, quality_duties, quality_kpis, quality_readability,  # noqa: E402,F401
               quality_suppressions, quality_wording)
