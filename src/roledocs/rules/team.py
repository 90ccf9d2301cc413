"""Team rules: member roles exist, the lead is a member, and the RACI matrix is well formed."""
from __future__ import annotations

from ..findings import Severity
from ..hints import closest, did_you_mean, known_roles, listing
from ..source.profiles import profile_of
from .registry import Problem, rule
from .spelling import hint, named_by, raci_keys, stand_ins


def _members(document) -> list[str]:
    return [m["role"] for m in document.data["members"]]


def _parties(document) -> list[str]:
    return [p["id"] for p in document.data.get("parties", [])]


def _activities(document):
    return enumerate(document.data.get("activities", []))


@rule("unknown-member-role", scope="team", needs_catalogue=True, reads=("members",))
def unknown_member_role(document, catalogue):
    """Every member of a team is a role of the catalogue.

    When the lead or the RACI matrix names a role of the catalogue close to a member that is none
    (`software-develper` among the members, `software-developer` in the activities), the member is the typo: this
    one finding says so, and neither `raci-unknown-key` nor `lead-not-member` reports the right spelling elsewhere.

    Switching this rule off in `lint:`, lowering it to a warning or suppressing it only hides the finding from
    `roledocs validate`: the charter, `roledocs analyze` and `roledocs build` need each member's role file, and
    refuse the team (exit 1) without it. The RACI matrix shows such a member by its id.

    **Bad**: `role: data-scientist` among the members, when the catalogue has no such role

    **Good**: `role: developer`, with `roles/developer.yaml` in the catalogue
    """
    meant = {member: key for key, member in stand_ins(document, catalogue).items()}
    for index, role_id in enumerate(_members(document)):
        if role_id in meant:
            yield Problem(document, ("members", index, "role"), f"'{role_id}' is not a role in this catalogue; did "
                          f"you mean '{meant[role_id]}', as {named_by(document, meant[role_id])}? the roles are: "
                          f"{listing(sorted(catalogue.known_ids))}; fix the id")
        elif role_id not in catalogue.known_ids:
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


@rule("lead-not-member", scope="team", uses_catalogue=True, reads=("lead", "members"))
def lead_not_member(document, catalogue):
    """A team's `lead` is one of its member roles (a member whose id is misspelled is unknown-member-role's).

    **Bad**: `lead: head-of-engineering`, a role that is not a member of the team

    **Good**: `lead: team-lead`, with `{role: team-lead}` among the members
    """
    lead = document.data.get("lead")
    members = _members(document)
    if lead is not None and lead not in members and lead not in stand_ins(document, catalogue):
        yield Problem(document, ("lead",), f"the lead '{lead}' is not a member of the team; "
                      f"{did_you_mean(lead, members)}members: {', '.join(members)}")


@rule("raci-unknown-key", scope="team", uses_catalogue=True, reads=("members", "parties", "activities"))
def raci_unknown_key(document, catalogue):
    """Every column of the RACI matrix is a member role of the team or a declared party.

    When a member's id is misspelled and the matrix names the role rightly (`software-develper` among the members,
    `software-developer` in the activities), that is one mistake: `unknown-member-role` reports it at the member,
    and the matrix's keys are not reported again.

    **Bad**: `raci: {team-lead: AR, tester: C}` in a team with no member or party tester

    **Good**: `raci: {team-lead: AR, developer: C, customer: I}`
    """
    members = _members(document)
    allowed = members + _parties(document)
    known, hints = set(allowed) | set(stand_ins(document, catalogue)), {}  # one hint per unknown key
    unnamed = set() if catalogue.complete else set(members) - set(raci_keys(document))
    shown = listing(allowed)
    for index, activity in _activities(document):
        for key in activity["raci"]:
            if key not in known:
                if key not in hints:
                    hints[key] = hint(key, allowed, set(members), unnamed)
                yield Problem(document, ("activities", index, "raci", key), f"'{key}' is neither a member role "
                              f"nor a party of this team; {hints[key]}add it under 'members' or "
                              f"'parties', or use one of: {shown}", at_key=True)


@rule("raci-one-accountable", scope="team")
def raci_one_accountable(document, catalogue):
    """Each activity has exactly one Accountable (`A`): the one who answers for the result (in a DACI team, the
    Approver).

    **Bad**: `raci: {team-lead: R, developer: C}` (no `A`), or `A` on two roles

    **Good**: `raci: {team-lead: AR, developer: C}`: one `A`, everyone else R, C or I
    """
    profile = profile_of(document.data)
    letter = profile.accountable
    for index, activity in _activities(document):
        holders = _holders(activity, letter)
        if not holders:
            yield Problem(document, ("activities", index, "raci"), f"the activity '{activity['name']}' has "
                          f"{profile.nobody(letter)}; exactly one role or party must be", at_key=True)
        elif len(holders) > 1:
            yield _more_than_one(document, index, activity, holders, profile, letter)


@rule("raci-responsible", scope="team")
def raci_responsible(document, catalogue):
    """Each activity has someone who does the work: at least one Responsible (`R`); in a DACI team exactly one
    Driver (`D`).

    **Bad**: `raci: {team-lead: A, developer: C}`

    **Good**: `raci: {team-lead: A, developer: R}`
    """
    profile = profile_of(document.data)
    letter = profile.doer
    for index, activity in _activities(document):
        holders = _holders(activity, letter)
        if not holders:
            yield Problem(document, ("activities", index, "raci"), f"the activity '{activity['name']}' has "
                          f"{profile.nobody(letter)}; name {'one' if profile.one_doer else 'at least one'} role or "
                          "party who does the work", at_key=True)
        elif profile.one_doer and len(holders) > 1:
            yield _more_than_one(document, index, activity, holders, profile, letter)


def _holders(activity: dict, letter: str) -> list[str]:
    """The roles and parties whose cell of an activity holds `letter`."""
    return [key for key, letters in activity["raci"].items() if letter in letters]


def _more_than_one(document, index: int, activity: dict, holders: list[str], profile, letter: str) -> Problem:
    """The problem of a letter that only one may hold, placed at its second holder."""
    return Problem(document, ("activities", index, "raci", holders[1]), f"the activity '{activity['name']}' has "
                   f"{profile.holders(len(holders), letter)}: {', '.join(holders)}; exactly one may be")


@rule("raci-idle-role", severity=Severity.WARNING, scope="team")
def raci_idle_role(document, catalogue):
    """A member role is Responsible or Accountable for at least one activity (otherwise it looks idle); in a DACI
    team, a Driver or Approver.

    A member whose id the matrix spells differently is not idle but misspelled on one side: `raci-unknown-key` or
    `unknown-member-role` says so, and this rule does not add a warning.

    **Bad**: `activities: [{id: build, name: Build the features, raci: {team-lead: AR, developer: C}}]`

    **Good**: `activities: [{id: build, name: Build the features, raci: {team-lead: A, developer: R}}]`
    """
    if not document.data.get("activities"):
        return
    profile = profile_of(document.data)
    working = {profile.doer, profile.accountable}
    busy = {key for _, a in _activities(document) for key, letters in a["raci"].items() if set(letters) & working}
    doer, accountable = profile.names[profile.doer].lower(), profile.names[profile.accountable].lower()
    members = _members(document)
    others = set(busy) - set(members) - set(_parties(document))
    spelled_apart = {closest(key, members) for key in others}
    for index, role_id in enumerate(members):
        if role_id not in busy and role_id not in spelled_apart:
            yield Problem(document, ("members", index, "role"), f"the role '{role_id}' is not {doer} "
                          f"({profile.doer}) or {accountable} ({profile.accountable}) for any activity; give it work "
                          "in the matrix or reconsider the seat")


@rule("raci-consulted-informed", severity=Severity.WARNING, scope="team")
def raci_consulted_informed(document, catalogue):
    """A cell does not combine `C` and `I`: someone consulted (in a DACI team, a Contributor) is informed already.

    **Bad**: `raci: {team-lead: AR, developer: CI}`

    **Good**: `raci: {team-lead: AR, developer: C}`
    """
    profile = profile_of(document.data)
    consulted, informed = profile.names[profile.consulted].lower(), profile.names[profile.informed].lower()
    for index, activity in _activities(document):
        for key, letters in activity["raci"].items():
            if profile.consulted in letters and profile.informed in letters:
                yield Problem(document, ("activities", index, "raci", key), f"'{key}' is both {consulted} (C) and "
                              f"{informed} (I) on '{activity['name']}'; {consulted} implies {informed}, so drop the I")


def _above(catalogue, role_id: str) -> set[str]:
    """The roles a role reports to, directly or through others (a cycle, reported elsewhere, ends the walk)."""
    bosses: set[str] = set()
    current = catalogue.roles.get(role_id)
    while current is not None and (boss := current.data.get("reports_to")) and boss not in bosses:
        bosses.add(boss)
        current = catalogue.roles.get(boss)
    return bosses


@rule("accountable-authority", severity=Severity.WARNING, scope="team", needs_catalogue=True)
def accountable_authority(document, catalogue):
    """The Accountable (`A`) of an activity has authority over the work: it is the team's lead, or a role that
    every Responsible (`R`) role reports to, directly or through others (in a DACI team: the Approver over the
    Driver).

    Someone who answers for a result but cannot direct the people doing it is accountable in name only. Parties
    are not judged, and neither is a Responsible role that is the Accountable itself or has no role file.

    **Bad**: `activities: [{id: release, name: Release the product, raci: {developer: A, team-lead: R}}]` (the
    team's lead does not report to the developer)

    **Good**: `activities: [{id: release, name: Release the product, raci: {team-lead: A, developer: R}}]`
    """
    profile = profile_of(document.data)
    lead, members = document.data.get("lead"), set(_members(document))
    for index, activity in _activities(document):
        raci = activity["raci"]
        accountable = [key for key, letters in raci.items() if profile.accountable in letters]
        if len(accountable) != 1 or accountable[0] not in members or accountable[0] == lead:
            continue
        boss = accountable[0]
        doers = [key for key, letters in raci.items()
                 if profile.doer in letters and key != boss and key in members and key in catalogue.roles]
        outside = [key for key in doers if boss not in _above(catalogue, key)]
        if outside:
            doer = profile.names[profile.doer].lower()
            yield Problem(document, ("activities", index, "raci", boss), f"'{boss}' is "
                          f"{profile.names[profile.accountable].lower()} ({profile.accountable}) for "
                          f"'{activity['name']}' but is neither the team's lead nor above the {doer} "
                          f"({profile.doer}) role{'s' if len(outside) > 1 else ''} {', '.join(outside)} in the "
                          f"reporting lines: make {'the lead or ' if lead else ''}a role they report to "
                          f"{profile.names[profile.accountable].lower()}, or fix 'reports_to'", at_key=True)


@rule("unknown-person-skill", severity=Severity.WARNING, scope="team", needs_catalogue=True, reads=("members",))
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
