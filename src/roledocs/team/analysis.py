"""Team analysis: workload per role from the RACI matrix, skill coverage per person, and the team's skill risks.

Pure functions over a checked team and its catalogue, returning plain dicts (the JSON of `roledocs analyze`, and
what the charter template shows). Docs: docs/teams.md ("The analysis").
"""
from __future__ import annotations

from typing import Any

from ..errors import RoledocsError
from ..source.profiles import Profile, profile_of
from .redistribution import propose

# the `analysis:` settings of roledocs.yaml and their defaults (the config schema is checked against them)
THRESHOLDS = {"accountable_max_share": 0.5, "responsible_max_share": 0.7}


def lead_first(team: dict) -> list[dict]:
    """The team's members with the lead first, then the others in file order (the RACI matrix's column order)."""
    lead = team.get("lead")
    return sorted(team["members"], key=lambda member: member["role"] != lead)


def analyze(team: dict, roles: dict[str, dict], thresholds: dict[str, float]) -> dict[str, Any]:
    """Every figure of the analysis for one team; `roles` maps role id to role data, `thresholds` the config's.
    Roles and people come lead first, then in file order."""
    members = lead_first(team)
    people = [(member, person) for member in members for person in member.get("people", [])]
    coverage = [person_coverage(person, member["role"], roles[member["role"]]) for member, person in people]
    return {
        "team": {"id": team["id"], "name": team["name"]},
        "profile": profile_summary(profile_of(team)),
        "thresholds": {key: thresholds[key] for key in THRESHOLDS},
        "totals": {
            "activities": len(team.get("activities", [])),
            "roles": len(members),
            "headcount": sum(m.get("headcount", 1) for m in members),
            "people": len(people),
            "unfilled": sum(_unfilled(m) for m in members),
        },
        "workload": workload(team, roles, thresholds),
        "coverage": coverage,
        "risks": skill_risks(team, roles),
        "redistribution": propose(team, roles, thresholds),
    }


def profile_summary(profile: Profile) -> dict[str, Any]:
    """The team's RACI profile as the analysis shows it: id, title, its letters with their names (legend order), and
    which letter answers for an activity (`accountable`: A) and which does the work (`responsible`: R, or D)."""
    names = profile.names
    return {"id": profile.id, "title": profile.title,
            "letters": [{"letter": letter, "name": name} for letter, name in names.items()],
            "accountable": {"letter": profile.accountable, "name": names[profile.accountable]},
            "responsible": {"letter": profile.doer, "name": names[profile.doer]}}


def require_member_roles(document, catalogue) -> dict[str, dict]:
    """Each member role's data by id. A member with no role in the catalogue is an error here: unknown-member-role
    reports it, but `lint:` or a suppression may hide it, and no analysis, charter or site can be made without it."""
    missing = [m["role"] for m in document.data["members"] if m["role"] not in catalogue.roles]
    if missing:
        names = ", ".join(f"'{role_id}'" for role_id in dict.fromkeys(missing))
        raise RoledocsError(f"the team '{document.data['id']}' has the member {names}, but no role in this catalogue "
                            "has that id: add its role file or remove the member (`lint:` or a suppression hides "
                            "unknown-member-role from validate, not from analyze, charter or build)")
    return {rid: catalogue.roles[rid].data for rid in (m["role"] for m in document.data["members"])}


def analyze_document(document, catalogue) -> dict[str, Any]:
    """analyze() for a loaded team Document and its Catalogue, thresholds read from the catalogue config."""
    roles = require_member_roles(document, catalogue)
    config = catalogue.config
    thresholds = {key: config.setting("analysis", key, default) for key, default in THRESHOLDS.items()}
    return analyze(document.data, roles, thresholds)


def _unfilled(member: dict) -> int:
    return max(member.get("headcount", 1) - len(member.get("people", [])), 0)


def _share(count: int, total: int) -> float | None:
    return round(count / total, 4) if total else None


def workload(team: dict, roles: dict[str, dict], thresholds: dict[str, float]) -> list[dict[str, Any]]:
    """Per member role, lead first: letter counts, shares, summed duty time, seats, and flags. `responsible` counts
    the letter that does the work (DACI's Driver), `accountable` A, `consulted` C and `informed` I in every profile;
    `letters` counts each letter of the team's profile."""
    activities = team.get("activities", [])
    total = len(activities)
    profile = profile_of(team)
    words = {profile.doer: "responsible", profile.accountable: "accountable", profile.consulted: "consulted",
             profile.informed: "informed"}
    result = []
    for member in lead_first(team):
        role_id = member["role"]
        letters = dict.fromkeys(profile.names, 0)
        for activity in activities:
            for letter in activity["raci"].get(role_id, ""):
                letters[letter] += 1
        counts = {word: letters[letter] for letter, word in words.items()}
        shares = [d["time_share"] for d in roles[role_id]["duties"] if "time_share" in d]
        entry = {
            "role": role_id,
            "title": roles[role_id]["title"],
            "lead": team.get("lead") == role_id,
            **counts,
            "letters": letters,
            "accountable_share": _share(counts["accountable"], total),
            "responsible_share": _share(counts["responsible"], total),
            "duties": len(roles[role_id]["duties"]),
            "time_share": round(sum(shares), 2) if shares else None,
            "headcount": member.get("headcount", 1),
            "people": len(member.get("people", [])),
            "unfilled": _unfilled(member),
        }
        entry["flags"] = _flags(entry, total, thresholds)
        result.append(entry)
    return result


def _flags(entry: dict, total: int, thresholds: dict[str, float]) -> list[str]:
    """`overloaded` past either share threshold, `idle` with no R or A; none when the team has no activities."""
    if not total:
        return []
    flags = []
    if entry["accountable_share"] > thresholds["accountable_max_share"] or \
            entry["responsible_share"] > thresholds["responsible_max_share"]:
        flags.append("overloaded")
    if not entry["responsible"] and not entry["accountable"]:
        flags.append("idle")
    return flags


def _required(role: dict) -> list[dict]:
    return [s for s in role["skills"] if s.get("required", True)]


def _assessed(person: dict) -> dict[str, int]:
    """A person's assessed levels by case-folded skill name (skill names match case-insensitively)."""
    return {name.casefold(): level for name, level in person.get("skills", {}).items()}


def person_coverage(person: dict, role_id: str, role: dict) -> dict[str, Any]:
    """Each required skill of the person's role against their level: gap = required - assessed (0 when met);
    a skill with no assessment has level and gap None and status `not assessed`, never a zero."""
    levels = _assessed(person)
    skills = []
    for skill in _required(role):
        have = levels.get(skill["name"].casefold())
        gap = None if have is None else max(skill["level"] - have, 0)
        status = "not assessed" if have is None else "met" if gap == 0 else "gap"
        skills.append({"skill": skill["name"], "required": skill["level"], "assessed": have, "gap": gap,
                       "status": status})
    return {
        "person": person["name"],
        "role": role_id,
        "skills": skills,
        "met": sum(s["status"] == "met" for s in skills),
        "gaps": sum(s["status"] == "gap" for s in skills),
        "not_assessed": sum(s["status"] == "not assessed" for s in skills),
        "total_gap": sum(s["gap"] or 0 for s in skills),
    }


def skill_risks(team: dict, roles: dict[str, dict]) -> dict[str, list[dict[str, Any]]]:
    """Required skills (by name and level, across member roles) that only one person in the team meets (a single
    point of failure) or that nobody meets. Anyone in the team whose assessed level reaches the bar counts."""
    members = lead_first(team)
    people = [(member["role"], person["name"], _assessed(person))
              for member in members for person in member.get("people", [])]
    bars: dict[tuple[str, int], dict[str, Any]] = {}
    for member in members:
        for skill in _required(roles[member["role"]]):
            key = (skill["name"].casefold(), skill["level"])
            bar = bars.setdefault(key, {"skill": skill["name"], "level": skill["level"], "roles": []})
            bar["roles"].append(member["role"])
    single, nobody = [], []
    for (folded, level), bar in bars.items():
        holders = [name for _, name, levels in people if levels.get(folded, 0) >= level]
        unassessed = [name for role_id, name, levels in people if role_id in bar["roles"] and folded not in levels]
        entry = {**bar, "people": holders, "not_assessed": unassessed}
        if len(holders) == 1:
            single.append(entry)
        elif not holders:
            nobody.append(entry)
    return {"single_point_of_failure": single, "uncovered": nobody}
