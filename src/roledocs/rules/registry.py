"""The rule registry: each rule is a small function with a stable id, a default severity and its docs as docstring.

A rule yields Problems (where and what); the engine (check/engine.py) turns them into Findings with the rule's id and the
severity the catalogue's `lint:` settings give it, so a new rule needs no other wiring.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from ..findings import Severity
from ..source.document import Document

SCOPES = ("role", "team", "file", "catalogue")  # "file": each role and each team
# All that the cross-file rules read of a valid role: validate ships no more back from its worker processes (the
# duties, KPIs and prose only the one-file rules read are most of each file). A cross-file rule that reads more of a
# role adds the key here; tests/check/test_engine.py checks the cross-file findings against fully loaded roles. A
# role published in a language other than its own is kept whole: translation-missing compares its text with its
# translations (source/translations.py, published_elsewhere).
CROSS_FILE_ROLE_KEYS = ("id", "reports_to", "owner", "skills", "language", "x-roledocs-allow")


@dataclass(frozen=True)
class Problem:
    """What a rule found: a document, the data path of the offending node, and a message for people."""

    document: Document
    location: tuple
    message: str
    at_key: bool = False


@dataclass(frozen=True)
class Rule:
    """A registered rule; `scope` says what it is called with (one role, one team, either, or the whole catalogue)."""

    id: str
    severity: Severity
    scope: str
    check: Callable[..., Iterable[Problem]]
    needs_catalogue: bool
    default_off: bool = False
    group: str = ""
    options: tuple[tuple[str, Any], ...] = ()  # (key of the config's `quality:` section, default), as yamllint's CONF
    uses_catalogue: bool = False
    reads: tuple[str, ...] = ()
    settings: tuple[str, ...] = ()  # the Config fields a one-file rule reads besides `lint` and `quality`
    language: str | None = None  # the language whose text the rule reads (its word lists'), or None: any

    @property
    def after_loading(self) -> bool:
        """Whether it runs once the catalogue is loaded (not right after its file, in a worker)."""
        return self.needs_catalogue or self.uses_catalogue or self.scope == "catalogue"

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.check) or ""

    @property
    def summary(self) -> str:
        return self.doc.split("\n\n", 1)[0].replace("\n", " ")


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity = Severity.ERROR, scope: str = "role", needs_catalogue: bool = False,
         *, default_off: bool = False, group: str = "", options: dict[str, Any] | None = None,
         uses_catalogue: bool = False, reads: tuple[str, ...] = (), settings: tuple[str, ...] = (),
         language: str | None = None):
    """Register a rule function; `needs_catalogue` rules are skipped when a file is checked without its catalogue.

    A `default_off` rule runs only when `lint:` names it; `group` lets `lint:` set a whole family at once
    (`quality: off`), though never switching on a default-off rule. `options` are the rule's settings in the
    config's `quality:` section with their defaults, declared beside the rule (the config schema is checked
    against them). A `uses_catalogue` rule runs once the catalogue is loaded, with the ids it knows, and on a file
    checked alone too (with none). A rule run after loading that names the top-level keys it `reads` also runs on
    a file with schema errors elsewhere (a typo in one key does not hide a wrong reference in another).
    `settings` names the Config fields a one-file rule reads besides `lint:` and `quality:` (`today`, `posting`,
    ...): a file's findings depend on them, so the content cache keys it by them while the rule is on (a test holds
    every rule to what it declares).
    A rule with a `language` (`en`: its word lists are English) runs only on roles written in it.
    """
    assert scope in SCOPES, scope

    def register(func):
        RULES[rule_id] = Rule(rule_id, severity, scope, func, needs_catalogue, default_off, group,
                              tuple((options or {}).items()), uses_catalogue, reads, tuple(settings), language)
        return func

    return register


def option_defaults() -> dict[str, Any]:
    """Every rule option's default, by its key in the config's `quality:` section."""
    return {key: default for current in RULES.values() for key, default in current.options}
