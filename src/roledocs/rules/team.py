"""Team rules: member roles exist, the lead is a member, and the RACI matrix is well formed."""
from __future__ import annotations

from ..findings import Severity
from .registry import Problem, rule
from ..hints import did_you_mean, known_roles, listing


def _members(document) -> list[str]:
    return [m["role"] for m in document.data["members"]]


def _parties(document) -> list[str]:
    return [p["id"] for p in document.data.get("parties", [])]


def _activities(document):
    return enumerate(document.data.get("activities", []))


@rule("unknown-member-role", scope="team", needs_catalogue=True)
def unknown_member_role(document, catalogue):
    """Every member of a team is a role of the catalogue.

    Switching this rule off in `lint:`, lowering it to a warning or suppressing it only hides the finding from
    `roledocs validate`: the charter, `roledocs analyze` and `roledocs build` need each member's role file, and
    refuse the team (exit 1) without it. The RACI matrix shows such a member by its id.

    **Bad**: `role: data-scientist` among the members, when the catalogue has no such role

    **Good**: `role: developer`, with `roles/developer.yaml` in the catalogue
    """
    for index, role_id in enumerate(_members(document)):
        if role_id not in catalogue.known_ids:
            yield Problem(document, ("members", index, "role"), f"'{role_id}' is not a role in this catalogue; "
                          f"{known_roles(catalogue.known_ids, role_id)}; add its file ({role_id}.yaml) or fix the id")


@rule("duplicate-member", scope="team")
def duplicate_member(document, catalogue):
    """A role is listed once among a team's members (use `headcount` for several people).

    **Bad**: `members: [{role: developer}, {role: developer}]`

    **Good**: `members: [{role: developer, headcount: 2}, {role: team-lead}]`
    """
    seen: set[str] = set()
    for index, role_id in enumerate(_members(document)):
        if role_id in seen:
            yield Problem(document, ("members", index, "role"), f"the role '{role_id}' is listed twice; list it "
                          "once and set 'headcount' to the number of seats")
        seen.add(role_id)


@rule("people-over-headcount", severity=Severity.WARNING, scope="team")
def people_over_headcount(document, catalogue):
    """A member role names no more people than it has seats (`headcount`, 1 when not given), and no person twice.

    The charter and `roledocs analyze` count seats from `headcount` and people from `people`: more people than
    seats makes "filled" and "unfilled" disagree, and a name listed twice counts one person as two.

    **Bad**: a member with `headcount: 1` and `people: [{name: Ana}, {name: Ben}]` (two people, one seat)

    **Good**: `headcount: 2` for the same `people: [{name: Ana}, {name: Ben}]`
    """
    for index, member in enumerate(document.data["members"]):
        people = member.get("people", [])
        seats = member.get("headcount", 1)
        if len(people) > seats:
            yield Problem(document, ("members", index, "people"), f"'{member['role']}' names {len(people)} people "
                          f"for {seats} seat{'s' if seats != 1 else ''}: set 'headcount: {len(people)}' or remove "
                          "a person", at_key=True)
        names: set[str] = set()
        for p, person in enumerate(people):
            if person["name"].casefold() in names:
                yield Problem(document, ("members", index, "people", p, "name"), f"'{person['name']}' is listed "
                              f"twice under '{member['role']}'; list each person once")
            names.add(person["name"].casefold())


@rule("duplicate-team-id", scope="team")
def duplicate_team_id(document, catalogue):
    """Activity ids and party ids are unique within a team, and a party id is not also a member role.

    **Bad**: `parties: [{id: developer, name: Developers}]` in a team with the member role developer

    **Good**: `parties: [{id: customer, name: Customer}]`
    """
    seen: set[str] = set(_members(document))
    for section in ("parties", "activities"):
        for index, item in enumerate(document.data.get(section, [])):
            if item["id"] in seen:
                yield Problem(document, (section, index, "id"), f"the id '{item['id']}' is used twice in this team "
                              "(by a member role, party or activity); give each its own id")
            seen.add(item["id"])


@rule("lead-not-member", scope="team")
def lead_not_member(document, catalogue):
    """A team's `lead` is one of its member roles.

    **Bad**: `lead: head-of-engineering`, a role that is not a member of the team

    **Good**: `lead: team-lead`, with `{role: team-lead}` among the members
    """
    lead = document.data.get("lead")
    members = _members(document)
    if lead is not None and lead not in members:
        yield Problem(document, ("lead",), f"the lead '{lead}' is not a member of the team; "
                      f"{did_you_mean(lead, members)}members: {', '.join(members)}")


@rule("raci-unknown-key", scope="team")
def raci_unknown_key(document, catalogue):
    """Every column of the RACI matrix is a member role of the team or a declared party.

    **Bad**: `raci: {team-lead: AR, tester: C}` in a team with no member or party tester

    **Good**: `raci: {team-lead: AR, developer: C, customer: I}`
    """
    allowed = _members(document) + _parties(document)
    known, hints = set(allowed), {}  # one hint per unknown key: a team file may repeat it in every activity
    shown = listing(allowed)
    for index, activity in _activities(document):
        for key in activity["raci"]:
            if key not in known:
                if key not in hints:
                    hints[key] = did_you_mean(key, allowed)
                yield Problem(document, ("activities", index, "raci", key), f"'{key}' is neither a member role "
                              f"nor a party of this team; {hints[key]}add it under 'members' or "
                              f"'parties', or use one of: {shown}", at_key=True)


@rule("raci-one-accountable", scope="team")
def raci_one_accountable(document, catalogue):
    """Each activity has exactly one Accountable (`A`): the one who answers for the result.

    **Bad**: `raci: {team-lead: R, developer: C}` (no `A`), or `A` on two roles

    **Good**: `raci: {team-lead: AR, developer: C}`: one `A`, everyone else R, C or I
    """
    for index, activity in _activities(document):
        holders = [key for key, letters in activity["raci"].items() if "A" in letters]
        if not holders:
            yield Problem(document, ("activities", index, "raci"), f"the activity '{activity['name']}' has no one "
                          "accountable (A); exactly one role or party must be", at_key=True)
        elif len(holders) > 1:
            yield Problem(document, ("activities", index, "raci", holders[1]), f"the activity '{activity['name']}'"
                          f" has {len(holders)} accountable (A): {', '.join(holders)}; exactly one may be")


@rule("raci-responsible", scope="team")
def raci_responsible(document, catalogue):
    """Each activity has at least one Responsible (`R`): someone who does the work.

    **Bad**: `raci: {team-lead: A, developer: C}`

    **Good**: `raci: {team-lead: A, developer: R}`
    """
    for index, activity in _activities(document):
        if not any("R" in letters for letters in activity["raci"].values()):
            yield Problem(document, ("activities", index, "raci"), f"the activity '{activity['name']}' has no one "
                          "responsible (R); name at least one role or party who does the work", at_key=True)


@rule("raci-idle-role", severity=Severity.WARNING, scope="team")
def raci_idle_role(document, catalogue):
    """A member role is Responsible or Accountable for at least one activity (otherwise it looks idle).

    **Bad**: `activities: [{id: build, name: Build the features, raci: {team-lead: AR, developer: C}}]`

    **Good**: `activities: [{id: build, name: Build the features, raci: {team-lead: A, developer: R}}]`
    """
    if not document.data.get("activities"):
        return
    busy = {key for _, a in _activities(document) for key, letters in a["raci"].items() if set(letters) & {"R", "A"}}
    for index, role_id in enumerate(_members(document)):
        if role_id not in busy:
            yield Problem(document, ("members", index, "role"), f"the role '{role_id}' is not responsible (R) or "
                          "accountable (A) for any activity; give it work in the matrix or reconsider the seat")


@rule("raci-consulted-informed", severity=Severity.WARNING, scope="team")
def raci_consulted_informed(document, catalogue):
    """A cell does not combine `C` and `I`: someone consulted is informed already.

    **Bad**: `raci: {team-lead: AR, developer: CI}`

    **Good**: `raci: {team-lead: AR, developer: C}`
    """
    for index, activity in _activities(document):
        for key, letters in activity["raci"].items():
            if "C" in letters and "I" in letters:
                yield Problem(document, ("activities", index, "raci", key), f"'{key}' is both consulted (C) and "
                              f"informed (I) on '{activity['name']}'; consulted implies informed, so drop the I")


@rule("unknown-person-skill", severity=Severity.WARNING, scope="team", needs_catalogue=True)
def unknown_person_skill(document, catalogue):
    """A person's assessed skills use the skill names of their role, so skill gaps can be worked out.

    **Bad**: `skills: {Kubernetes: 3}` for a developer, when the developer role lists no such skill

    **Good**: `skills: {Python: 3}`, a skill the developer role lists
    """
    for m, member in enumerate(document.data["members"]):
        role = catalogue.roles.get(member["role"])
        if role is None:
            continue
        names = [s["name"] for s in role.data["skills"]]
        folded = {n.casefold() for n in names}
        for p, person in enumerate(member.get("people", [])):
            for skill in person.get("skills", {}):
                if skill.casefold() not in folded:
                    yield Problem(document, ("members", m, "people", p, "skills", skill), f"'{skill}' is not a skill "
                                  f"of the role '{member['role']}'; {did_you_mean(skill, names)}its skills are: "
                                  f"{', '.join(names)}", at_key=True)
