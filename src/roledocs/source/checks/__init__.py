"""The checks that run before the rules: reading a file (reading.py) and its JSON Schema (schema.py).

Each is a named constant with its documentation beside it, and the code makes its findings with that constant's
id, so an id cannot be emitted without being documented. Their findings carry rule ids like the registered rules'
and are documented the same way (`roledocs rules ID`, docs/rules.md), but they are always errors and cannot be
switched off in `lint:` or suppressed: without them a file cannot be read, or the rules cannot check it.
"""
from __future__ import annotations

from .model import GROUPS, Check, Group
from .reading import READING
from .schema import SCHEMA

CHECKS: dict[str, Check] = {check.id: check for check in (*READING, *SCHEMA)}

__all__ = ["CHECKS", "GROUPS", "Check", "Group", "fixed"]


def fixed(name: str) -> Check | Group | None:
    """The built-in check or group a `lint:` key names, if it names one (they cannot be changed there)."""
    return CHECKS.get(name) or GROUPS.get(name)
