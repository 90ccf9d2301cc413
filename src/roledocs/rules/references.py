"""Rules across files: unique ids, `reports_to` references and reporting-line cycles."""
from __future__ import annotations

from .registry import Problem, rule
from ..hints import known_roles


@rule("duplicate-id", scope="catalogue", needs_catalogue=True)
def duplicate_id(catalogue):
    """Ids are unique across the catalogue, roles and teams together (outputs are named after them).

    Each file that shares an id is reported, naming the others, so checking either file alone finds it.

    **Bad**: `id: developer` in `roles/software-engineer.yaml`, beside `roles/developer.yaml`

    **Good**: `id: software-engineer`
    """
    users: dict[str, list] = {}
    for document in [*catalogue.roles_checked, *catalogue.teams_checked]:
        users.setdefault(document.data["id"], []).append(document)
    for identifier, documents in users.items():
        for document in documents if len(documents) > 1 else ():
            others = ", ".join(d.path for d in documents if d is not document)
            yield Problem(document, ("id",), f"the id '{identifier}' is also used by {others}; ids must be unique "
                          "across the catalogue")


@rule("unknown-reports-to", needs_catalogue=True, reads=("reports_to",))
def unknown_reports_to(document, catalogue):
    """`reports_to` names a role that exists in the catalogue.

    **Bad**: `reports_to: head-of-testing`, when the catalogue has no such role

    **Good**: `reports_to: team-lead`, with `roles/team-lead.yaml` in the catalogue
    """
    boss = document.data.get("reports_to")
    if boss is not None and boss not in catalogue.known_ids:
        yield Problem(document, ("reports_to",), f"'{boss}' is not a role in this catalogue; "
                      f"{known_roles(catalogue.known_ids, boss)}")


@rule("reporting-cycle", scope="catalogue", needs_catalogue=True)
def reporting_cycle(catalogue):
    """Reporting lines contain no cycle (a role cannot, through others, report to itself).

    **Bad**: the developer reports to the team lead, and the team lead to the developer.

    **Good**: the developer reports to the team lead, who reports to no role of the catalogue.
    """
    boss = {rid: doc.data.get("reports_to") for rid, doc in catalogue.roles.items()}
    reported: set[str] = set()
    for start in sorted(boss):
        path: list[str] = []
        current = start
        while current in boss and current not in reported and current not in path:
            path.append(current)
            current = boss[current]
        if current in path:
            cycle = path[path.index(current):]
            for member in cycle:
                reported.add(member)
                chain = " → ".join(cycle[cycle.index(member):] + cycle[:cycle.index(member)] + [member])
                yield Problem(catalogue.roles[member], ("reports_to",),
                              f"the reporting line goes round in a circle: {chain}")
        reported.update(path)
