"""One typo, one finding: which ids a team names stand for a misspelled member (`software-develper` among the
members, `software-developer` in every activity), read with care, since a team whose schema errors lie in other
keys is checked too (only `members` is sure to be well formed)."""
from __future__ import annotations

from ..hints import closest


def members_of(document) -> list[str]:
    """The member roles' ids, in order."""
    return [m["role"] for m in document.data["members"]]


def raci_cells(document) -> list[dict]:
    """Each activity's `raci` mapping (read with care: a team with schema errors elsewhere gets here too)."""
    activities = document.data.get("activities")
    if not isinstance(activities, list):
        return []
    return [a["raci"] for a in activities if isinstance(a, dict) and isinstance(a.get("raci"), dict)]


def raci_keys(document) -> list[str]:
    """Every key of the matrix once, in order."""
    return list(dict.fromkeys(key for raci in raci_cells(document) for key in raci if isinstance(key, str)))


def stand_ins(document, catalogue) -> dict[str, str]:
    """The ids that stand for a misspelled member: a role of the catalogue that is not a member, named as the lead
    or in the matrix, closest to a member that is no role (`software-develper` among the members,
    `software-developer` in every activity). One typo, one finding: unknown-member-role reports it, and the rules
    about the lead and the matrix's keys leave those ids alone."""
    if not catalogue.complete:
        return {}
    members = set(members_of(document))
    lead = document.data.get("lead")  # any type: only `members` is sure to be well formed
    named = [*([lead] if isinstance(lead, str) else []), *raci_keys(document)]
    roles = [key for key in dict.fromkeys(named) if key in catalogue.known_ids and key not in members]
    found: dict[str, str] = {}
    for member in (m for m in members_of(document) if m not in catalogue.known_ids):
        close = closest(member, [r for r in roles if r not in found])
        if close:
            found[close] = member
    return found


def named_by(document, role_id: str) -> str:
    """Who else names a role: 'the lead calls it', 'the RACI matrix (3 activities) calls it', or both 'call it'."""
    uses = sum(role_id in raci for raci in raci_cells(document))
    places = ["the lead"] if document.data.get("lead") == role_id else []
    if uses:
        places.append(f"the RACI matrix ({uses} activit{'y' if uses == 1 else 'ies'})")
    return f"{' and '.join(places)} call{'' if len(places) > 1 else 's'} it"


def hint(key: str, allowed: list[str], members: set[str], unnamed: set[str]) -> str:
    """'did you mean' the closest member or party; when that is a member no activity names (`unnamed`, given only
    when the catalogue cannot tell which spelling is a role: a team checked alone), either may be the typo."""
    close = closest(key, allowed)
    if close in members and close in unnamed:
        return (f"the member '{close}', which no activity names, may be the same role spelled differently: fix "
                "whichever is wrong, or ")
    return f"did you mean '{close}'? " if close else ""
