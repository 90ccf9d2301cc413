"""Workload redistribution: for each overloaded role, which activities to hand to which fitting member role.

Pure data, never applied to files; deterministic (activities and receivers tried in id order). Docs: docs/teams.md
("Redistribution").
"""
from __future__ import annotations

import math
from typing import Any

from ..source.profiles import profile_of

PHASE = "phase: "  # a reason that is a phase, not a skill: `phase: Execute` (the reporters translate it)


def _required_skills(role: dict) -> dict[str, int]:
    return {s["name"].casefold(): s["level"] for s in role["skills"] if s.get("required", True)}


def _fit(giver: str, receiver: dict, activity: dict, team: dict, roles: dict[str, dict]) -> list[str]:
    """Why the receiving member fits the activity (empty: it does not): the skills it shares with the giving role
    (when its people were assessed on a skill, one of them must reach the giving role's level), and `phase: X` when
    it already does the work on or is consulted about another activity of the same phase."""
    profile = profile_of(team)
    needed = _required_skills(roles[giver])
    people = receiver.get("people", [])
    reasons = []
    for skill in sorted(roles[receiver["role"]]["skills"], key=lambda s: s["name"].casefold()):
        name = skill["name"].casefold()
        if name not in needed or not skill.get("required", True):
            continue
        assessed = [level for person in people for skill_name, level in person.get("skills", {}).items()
                    if skill_name.casefold() == name]
        if not assessed or max(assessed) >= needed[name]:
            reasons.append(skill["name"])
    phase = activity.get("phase")
    if phase is not None and any(
            other["id"] != activity["id"] and other.get("phase") == phase
            and set(other["raci"].get(receiver["role"], "")) & {profile.doer, profile.consulted}
            for other in team.get("activities", [])):
        reasons.append(f"{PHASE}{phase}")
    return reasons


def _limit(share: float, total: int) -> int:
    """The most activities a role may hold a letter on without passing the share threshold."""
    return math.floor(share * total + 1e-9)


def propose(team: dict, roles: dict[str, dict], thresholds: dict[str, float]) -> list[dict[str, Any]]:
    """One proposal per overloaded role and letter (accountable, then responsible), members lead first: the moves
    (activity, receiving role, why it fits) that bring the role within the threshold, and whether they do."""
    activities = sorted(team.get("activities", []), key=lambda a: a["id"])
    total = len(activities)
    if not total:
        return []
    profile = profile_of(team)
    members = sorted(team["members"], key=lambda member: member["role"] != team.get("lead"))
    named = any(m.get("people") for m in members)
    cells = {a["id"]: {m["role"]: a["raci"].get(m["role"], "") for m in members} for a in activities}
    proposals = []
    for kind, letter, other in (("accountable", profile.accountable, profile.doer),
                                ("responsible", profile.doer, profile.accountable)):
        limit = _limit(thresholds[f"{kind}_max_share"], total)
        counts = {m["role"]: sum(letter in cells[a["id"]][m["role"]] for a in activities) for m in members}
        for giver in [m["role"] for m in members if counts[m["role"]] > limit]:
            before, moves = counts[giver], []
            for activity in activities:
                if counts[giver] <= limit:
                    break
                if letter not in cells[activity["id"]][giver]:
                    continue
                for receiver in sorted(members, key=lambda m: m["role"]):
                    rid = receiver["role"]
                    cell = cells[activity["id"]][rid]
                    if rid == giver or counts[rid] + 1 > limit or letter in cell or other in cell \
                            or (named and not receiver.get("people")):
                        continue
                    reasons = _fit(giver, receiver, activity, team, roles)
                    if reasons:
                        moves.append({"activity": activity["id"], "to": rid, "title": roles[rid]["title"],
                                      "because": reasons})
                        cells[activity["id"]][giver] = cells[activity["id"]][giver].replace(letter, "")
                        cells[activity["id"]][rid] = cell + letter
                        counts[giver] -= 1
                        counts[rid] += 1
                        break
            proposals.append({"role": giver, "title": roles[giver]["title"], "kind": kind, "letter": letter, "limit": limit, "before": before,
                              "after": counts[giver], "resolved": counts[giver] <= limit, "moves": moves})
    return proposals
