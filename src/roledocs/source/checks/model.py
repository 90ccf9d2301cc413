"""What a built-in check is: an id, its group, its documentation (shaped like a registered rule's)."""
from __future__ import annotations

import inspect
from dataclasses import dataclass, field

from ...findings import Severity


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
    doc: str = field(repr=False)
    severity: Severity = Severity.ERROR
    scope: str = "file"

    def __post_init__(self) -> None:
        object.__setattr__(self, "doc", inspect.cleandoc(self.doc))

    @property
    def summary(self) -> str:
        return self.doc.split("\n\n", 1)[0].replace("\n", " ")

    @property
    def reason(self) -> str:
        return GROUPS[self.group].reason
