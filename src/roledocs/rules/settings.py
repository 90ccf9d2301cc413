"""Rules about the catalogue config itself: its `lint:` settings name rules that exist."""
from __future__ import annotations

import difflib

from ..findings import Severity
from . import RULES, Problem, rule


@rule("unknown-rule", severity=Severity.WARNING, scope="catalogue", needs_catalogue=True)
def unknown_rule(catalogue):
    """Every rule (or group of rules, such as `quality`) named under `lint:` in roledocs.yaml exists (a typo
    would silently change nothing).

    Bad: `lint: {raci-idle: off}`. Good: `lint: {raci-idle-role: off}`; `roledocs rules` lists the ids.
    """
    document = catalogue.config_document
    if document is None:
        return
    for name in document.data.get("lint", {}):
        if name not in RULES and not any(r.group == name for r in RULES.values()):  # a group: `quality: off`
            close = difflib.get_close_matches(name, list(RULES), n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            yield Problem(document, ("lint", name), f"there is no rule '{name}'; {hint}`roledocs rules` lists them",
                          at_key=True)
