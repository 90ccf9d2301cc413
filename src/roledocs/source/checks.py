"""The checks that run before the rules: reading a file and its JSON Schema.

Their findings carry rule ids like the registered rules' and are documented the same way (`roledocs rules ID`,
docs/rules.md), but they are always errors and cannot be switched off in `lint:` or suppressed: without them a
file cannot be read, or the rules cannot check it. tests/source/test_checks.py fails when the code emits an id that
is not in CHECKS.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass

from .check_docs import DOCS
from ..findings import Severity


@dataclass(frozen=True)
class Group:
    """A family of built-in checks: its section title in the docs, and why `lint:` cannot change them."""

    title: str
    intro: str
    reason: str


GROUPS: dict[str, Group] = {
    "reading": Group("Reading files", "Each file is read as UTF-8 YAML, safely: one document, no duplicate keys, "
                     "plain data only, bounded size, depth and aliases. A file that fails here is not checked "
                     "further.", "roledocs cannot read a file reliably otherwise"),
    "schema": Group("Schema", "Each file that reads well is checked against the JSON Schema of its kind "
                    "(`roledocs schema role|team|config`). The one-file rules below run only on files that pass; "
                    "the rules about references (`unknown-reports-to`, `unknown-member-role`, the RACI matrix's "
                    "keys and lead) also check a file whose schema errors lie in other keys, so two typos are "
                    "found in one run.",
                    "the rules cannot check a file that does not fit its schema"),
}


@dataclass(frozen=True)
class Check:
    """A built-in check, shaped like a registered rule where the docs read it (id, severity, group, doc)."""

    id: str
    group: str
    doc: str
    severity: Severity = Severity.ERROR
    scope: str = "file"

    @property
    def summary(self) -> str:
        return self.doc.split("\n\n", 1)[0].replace("\n", " ")

    @property
    def reason(self) -> str:
        return GROUPS[self.group].reason


CHECKS: dict[str, Check] = {check_id: Check(check_id, group, inspect.cleandoc(doc))
                             for check_id, (group, doc) in DOCS.items()}


def fixed(name: str) -> Check | Group | None:
    """The built-in check or group a `lint:` key names, if it names one (they cannot be changed there)."""
    return CHECKS.get(name) or GROUPS.get(name)


