"""The site rule: no two pages that `roledocs build` writes share a file name.

A catalogue rule, so `roledocs validate` (and CI) finds a clash before a build does; the build gets the finding
through the same checks as every other one, and refuses to write two pages to one file even when this finding is
hidden (site.py).
"""
from __future__ import annotations

from ..output import names
from .registry import Problem, rule


def _described(what: str, document) -> str:
    return "the site's front page" if document is None else f"the {what} of the {document.kind} in {document.path}"


@rule("build-output-clash", scope="catalogue", needs_catalogue=True)
def build_output_clash(catalogue):
    """No two pages of the built site have the same file name.

    `roledocs build` writes `index.html` for the front page, `<id>.html` for each role and each team's charter and
    `<team>-raci.html` for each team's RACI matrix, so a role or team called `index`, or a role or team
    `<team>-raci` beside that team, would overwrite another page. The finding sits at the `id` of the role or team
    that would overwrite the other page. A role and a team with the same id are `duplicate-id`'s finding.

    Switching this rule off in `lint:`, lowering it to a warning or suppressing it only hides the finding from
    `roledocs validate`: `roledocs build` still refuses to write two pages to one file, and builds nothing.

    **Bad**: a role `id: it-delivery-raci` in a catalogue with the team `it-delivery`

    **Good**: `id: it-delivery-coordinator`
    """
    owners: dict[str, tuple] = {names.INDEX: (None, "", None)}  # file name -> (document, what it is, owner id)
    owned = [("team", tid, catalogue.teams[tid]) for tid in sorted(catalogue.teams)] + \
            [("role", rid, catalogue.roles[rid]) for rid in sorted(catalogue.roles)]  # teams first: fewer, kept
    pages = names.site_pages(catalogue.roles, catalogue.teams, pdf=True)
    for kind, owner, document in owned:
        for name, what in pages[f"{kind}:{owner}"]:
            if name not in owners:
                owners[name] = (document, what, owner)
                continue
            other, other_what, other_owner = owners[name]
            if other_owner == owner:  # a role and a team of one id: duplicate-id says so
                continue
            this = "this role" if kind == "role" else f"this team's {what}"
            yield Problem(document, ("id",), f"`roledocs build` would write {this} as {name}, which is also "
                          f"{_described(other_what, other)}; choose another id")
            break
