"""Rules about the catalogue config itself: its `lint:` settings name rules that exist and can be changed."""
from __future__ import annotations


from ..source.checks import CHECKS, Check, fixed
from ..findings import Severity
from ..hints import closest
from .registry import RULES, Problem, rule


def _problem(name: str) -> str | None:
    """What is wrong with one `lint:` key, or None when it names a rule or a group of rules."""
    if name in RULES or any(r.group == name for r in RULES.values()):  # a group: `quality: off`
        return None
    check = fixed(name)
    if check is not None:
        what = "a check roledocs always makes, as an error: it cannot" if isinstance(check, Check) else \
            "a group of checks roledocs always makes, as errors: they cannot"
        return f"'{name}' is {what} be changed or switched off, because {check.reason}; remove this line"
    close = closest(name, [*RULES, *CHECKS])
    if close in CHECKS:  # a misspelt check: no rule to point to, and the check itself is fixed
        return (f"there is no rule '{name}'; the closest, '{close}', is a check roledocs always makes and cannot "
                "be changed or switched off; remove this line")
    hint = f"did you mean '{close}'? " if close else ""
    return f"there is no rule '{name}'; {hint}`roledocs rules` lists them"


@rule("unknown-rule", severity=Severity.WARNING, scope="catalogue", needs_catalogue=True)
def unknown_rule(catalogue):
    """Every rule (or group of rules, such as `quality`) named under `lint:` in roledocs.yaml exists and can be
    changed (a typo would silently change nothing; the built-in checks of reading files and of the schema always run).

    **Bad**: `lint: {raci-idle: off}`

    **Good**: `lint: {raci-idle-role: off}` (`roledocs rules` lists the ids)
    """
    document = catalogue.config_document
    if document is None:
        return
    for name in document.data.get("lint", {}):
        message = _problem(name)
        if message is not None:
            yield Problem(document, ("lint", name), message, at_key=True)
