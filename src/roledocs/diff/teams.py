"""What changed in one team's meaning: its fields, members (headcount, people), parties, activities, each RACI
cell, and activities left without someone accountable or someone doing the work."""
from __future__ import annotations

from ..source.profiles import profile_of
from .common import Pair, fields, keyed, review_note, show
from .model import Change

FIELDS = ("name", "mission", "lead", "raci_profile", "owner", "last_reviewed")


def compare_team(pair: Pair, names: bool = True) -> list[Change]:
    """Every change in meaning between two valid versions of a team; `names` false leaves people's names out
    (they are personal data)."""
    changes = fields(pair, FIELDS) + members(pair, names) + parties(pair) + activities(pair) + cells(pair) + \
        left_without(pair)
    return changes + review_note(pair, [c for c in changes if c.kind != "last-reviewed-changed"], "the team")


def members(pair: Pair, names: bool) -> list[Change]:
    """Member roles added or removed, headcounts, and the people named under each."""
    old, new = keyed(pair.old.data["members"], "role"), keyed(pair.new.data["members"], "role")
    changes = []
    for role_id, (index, member) in new.items():
        where = ("members", index)
        seats = member.get("headcount", 1)
        if role_id not in old:
            changes.append(pair.added("member-added", f"member role '{role_id}' added ({seats} "
                                      f"seat{'s' if seats != 1 else ''})", where, role_id, headcount=seats))
            continue
        _, before = old[role_id]
        if before.get("headcount", 1) != seats:
            changes.append(pair.changed("headcount-changed", f"'{role_id}': headcount {before.get('headcount', 1)} "
                                        f"→ {seats}", where + ("headcount",), before.get("headcount", 1), seats))
        changes += _people(pair, role_id, where, before.get("people", []), member.get("people", []), names)
    for role_id, (index, member) in old.items():
        if role_id not in new:
            changes.append(pair.removed("member-removed", f"member role '{role_id}' removed", ("members", index),
                                        ("members",), role_id))
    return changes


def _people(pair: Pair, role_id: str, where: tuple, before: list[dict], after: list[dict], names: bool) -> list[Change]:
    old = {person["name"].casefold() for person in before}
    new = {person["name"].casefold() for person in after}
    changes = []
    for index, person in enumerate(after):
        if person["name"].casefold() not in old:
            who = f"'{person['name']}'" if names else "a person"
            changes.append(pair.added("person-added", f"'{role_id}': {who} added", where + ("people", index),
                                      person["name"] if names else None))
    for index, person in enumerate(before):
        if person["name"].casefold() not in new:
            who = f"'{person['name']}'" if names else "a person"
            changes.append(pair.removed("person-removed", f"'{role_id}': {who} removed", where + ("people", index),
                                        where, person["name"] if names else None))
    return changes


def parties(pair: Pair) -> list[Change]:
    """Parties (stakeholders outside the catalogue) added or removed."""
    old, new = keyed(pair.old.data.get("parties", []), "id"), keyed(pair.new.data.get("parties", []), "id")
    changes = [pair.added("party-added", f"party '{party_id}' added: {show(party['name'])}", ("parties", index),
                          party_id) for party_id, (index, party) in new.items() if party_id not in old]
    return changes + [pair.removed("party-removed", f"party '{party_id}' removed: {show(party['name'])}",
                                   ("parties", index), ("parties",), party_id)
                      for party_id, (index, party) in old.items() if party_id not in new]


def activities(pair: Pair) -> list[Change]:
    """Activities (rows of the matrix) added, removed, renamed or moved to another phase."""
    old, new = keyed(pair.old.data.get("activities", []), "id"), keyed(pair.new.data.get("activities", []), "id")
    changes = []
    for activity_id, (index, activity) in new.items():
        where = ("activities", index)
        if activity_id not in old:
            changes.append(pair.added("activity-added", f"activity '{activity_id}' added: {show(activity['name'])}",
                                      where, activity["name"]))
            continue
        _, before = old[activity_id]
        if before["name"] != activity["name"]:
            changes.append(pair.changed("activity-renamed", f"activity '{activity_id}': {show(before['name'])} → "
                                        f"{show(activity['name'])}", where + ("name",), before["name"],
                                        activity["name"]))
        if before.get("phase") != activity.get("phase"):
            changes.append(pair.changed("activity-phase-changed", f"activity '{activity_id}': phase "
                                        f"{show(before.get('phase'))} → {show(activity.get('phase'))}",
                                        where + ("phase",), before.get("phase"), activity.get("phase")))
    for activity_id, (index, activity) in old.items():
        if activity_id not in new:
            changes.append(pair.removed("activity-removed", f"activity '{activity_id}' removed: "
                                        f"{show(activity['name'])}", ("activities", index), ("activities",),
                                        activity["name"]))
    return changes


def cells(pair: Pair) -> list[Change]:
    """Each RACI cell of an activity in both versions whose letters changed: `developer C → A`."""
    old_profile, new_profile = profile_of(pair.old.data), profile_of(pair.new.data)
    old = keyed(pair.old.data.get("activities", []), "id")
    changes = []
    for index, activity in enumerate(pair.new.data.get("activities", [])):
        if activity["id"] not in old:
            continue
        before, after = old[activity["id"]][1]["raci"], activity["raci"]
        for key in [*after, *(k for k in before if k not in after)]:
            was, now = old_profile.normalise(before.get(key, "")), new_profile.normalise(after.get(key, ""))
            if was != now:
                location = ("activities", index, "raci", key) if key in after else ("activities", index, "raci")
                changes.append(pair.changed("raci-changed", f"{show(activity['name'])}: {key} {was or '—'} → "
                                            f"{now or '—'}", location, was, now, activity=activity["id"], party=key))
    return changes


def left_without(pair: Pair) -> list[Change]:
    """Activities that now lack the accountable letter (A) or the letter of who does the work (R; DACI's D),
    having had it before or being new."""
    profile, old_profile = profile_of(pair.new.data), profile_of(pair.old.data)
    old = {a["id"]: a for a in pair.old.data.get("activities", [])}
    changes = []
    for index, activity in enumerate(pair.new.data.get("activities", [])):
        before = old.get(activity["id"])
        for kind, letter, old_letter in (("activity-without-accountable", profile.accountable, old_profile.accountable),
                                         ("activity-without-responsible", profile.doer, old_profile.doer)):
            had = before is None or any(old_letter in cell for cell in before["raci"].values())
            if had and not any(letter in cell for cell in activity["raci"].values()):
                changes.append(pair.added(kind, f"{show(activity['name'])} is left with {profile.nobody(letter)}",
                                          ("activities", index, "raci"), None, activity=activity["id"]))
    return changes
