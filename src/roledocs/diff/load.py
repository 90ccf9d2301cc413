"""One side of a changed file, read like `validate` reads it (safe YAML, then the schema), never raising: a file
that does not validate is a result the report shows, not an error that stops the comparison."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..source import schema
from ..source.catalogue import kind_of
from ..findings import Finding
from ..source.document import Document, decode, parse_document

KINDS = ("role", "team")
# A file that cannot be read as YAML is still a role or team when it says so on a line of its own.
_KIND_LINE = re.compile(rb"(?m)^kind:[ \t]*['\"]?(role|team)['\"]?[ \t]*(?:#.*)?\r?$")


@dataclass
class Version:
    """A role or team file at one side: the valid document, or the findings that say why it does not validate."""

    path: str
    kind: str
    document: Document | None
    problems: list[Finding]

    @property
    def id(self) -> str | None:
        """The id of a valid document (None when it does not validate)."""
        return self.document.data["id"] if self.document is not None else None


def load_version(path: str, raw: bytes | None) -> Version | None:
    """The role or team in `raw` (the file at `path`), or None when there is no file or it is neither."""
    if raw is None:
        return None
    text, problem = decode(raw, path)
    if problem is not None:
        return _unreadable(path, raw, [problem])
    document, findings = parse_document(text, path, kind_of)
    if document is None:
        return _unreadable(path, raw, findings)
    if document.kind not in KINDS:
        return None
    problems = schema.check(document)
    return Version(path, document.kind, None if problems else document, problems)


def _unreadable(path: str, raw: bytes, findings: list[Finding]) -> Version | None:
    match = _KIND_LINE.search(raw)
    return Version(path, match.group(1).decode(), None, findings) if match else None
