"""The rule that checks suppressions themselves: each names an existing rule and gives a reason."""
from __future__ import annotations

from ...findings import Severity
from ...source.suppressions import KEY, declarations, problems
from ..registry import RULES, Problem, rule


def _invalid(document):
    if document.text is not None and KEY not in document.text:
        return  # the file's text is at hand right after loading: one search instead of a walk
    known = set(RULES)
    for location, value in declarations(document.data):
        for relative, message, at_key in problems(value, known):
            yield Problem(document, location + relative, message, at_key=at_key)


@rule("suppression-invalid", Severity.ERROR)
def suppression_invalid(document, catalogue):
    """Every suppression (`x-roledocs-allow`) names an existing rule and gives a reason.

    A finding that is wrong for one element is silenced in the YAML, on that element, so the decision is
    reviewed like any other change:

    ```yaml
    duties:
      - id: on-call
        title: Be on call
        description: Support the production systems outside working hours, as the on-call policy sets out.
        x-roledocs-allow:
          - rule: duty-vague-verb
            reason: "Agreed with the works council: on-call scope is set in the on-call policy."
    ```

    The suppression covers findings of that rule at the element and everything inside it (on the top level
    of the file: the whole file). A suppression without a reason, or naming no known rule, is itself an error.

    **Bad**: `x-roledocs-allow: [{rule: duty-vague-verb}]` (no reason)

    **Good**: `x-roledocs-allow: [{rule: duty-vague-verb, reason: "scope set by the on-call policy"}]`
    """
    yield from _invalid(document)


@rule("suppression-invalid-team", Severity.ERROR, scope="team")
def suppression_invalid_team(document, catalogue):
    """Every suppression in a team file names an existing rule and gives a reason (see suppression-invalid).

    **Bad**: `x-roledocs-allow: [{rule: raci-idle, reason: "..."}]` (no such rule)

    **Good**: `x-roledocs-allow: [{rule: raci-idle-role, reason: "the sponsor only reviews"}]`
    """
    yield from _invalid(document)
