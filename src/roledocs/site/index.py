"""The site's front page: every role by job family and every team with its members, linked to their documents.

`index_model(catalogue, pdf)` is what `index.html.j2` sees (overridable like any template); `render_index` renders
it. Every file it links to is named by output/names.py.
"""
from __future__ import annotations

from typing import Any

from ..output import names

NO_FAMILY = "Other roles"


def _role_entry(document, pdf: bool, cycle: int) -> dict[str, Any]:
    data = document.data
    rid = data["id"]
    return {"id": rid, "title": data["title"], "level": data.get("level"), "family": data.get("family"),
            "summary": data["summary"], "html": names.document(rid, "html"),
            "jsonld": names.document(rid, "jsonld"), "pdf": names.document(rid, "pdf") if pdf else None,
            "review": _review(data, cycle)}


def _review(data: dict, cycle: int) -> dict[str, Any] | None:
    """When a role was last reviewed and when its next review is due (the date plus the review cycle), or None
    without a date. Dates only, never today's: the same catalogue gives the same page on any day."""
    from datetime import date

    from ..rules.review import add_months

    reviewed = data.get("last_reviewed")
    if reviewed is None:
        return None
    due = add_months(date.fromisoformat(reviewed), cycle)
    return {"last": reviewed, "due": due.isoformat() if due else None, "owner": data.get("owner")}


def _by_title(entries: list[dict]) -> list[dict]:
    return sorted(entries, key=lambda entry: (entry["title"].casefold(), entry["id"]))


def across_teams(catalogue, teams: list[dict]) -> list[dict[str, Any]]:
    """For each role that is accountable or does the work (R, DACI's D) on an activity of any team, by title: per
    team (in the page's team order) how many activities it is accountable and responsible for, and the totals."""
    from ..source.profiles import profile_of

    found: dict[str, dict[str, Any]] = {}
    for team in teams:
        data = catalogue.teams[team["id"]].data
        profile = profile_of(data)
        counts: dict[str, dict[str, int]] = {}
        for activity in data.get("activities", []):
            for rid, letters in activity["raci"].items():
                if rid in catalogue.roles and (profile.accountable in letters or profile.doer in letters):
                    entry = counts.setdefault(rid, {"accountable": 0, "responsible": 0})
                    entry["accountable"] += profile.accountable in letters
                    entry["responsible"] += profile.doer in letters
        for rid, entry in counts.items():
            role = catalogue.roles[rid].data
            row = found.setdefault(rid, {"id": rid, "title": role["title"], "html": names.document(rid, "html"),
                                         "teams": [], "accountable": 0, "responsible": 0})
            row["teams"].append({"id": team["id"], "name": team["name"], **entry})
            row["accountable"] += entry["accountable"]
            row["responsible"] += entry["responsible"]
    return _by_title(list(found.values()))


def index_model(catalogue, pdf: bool) -> dict[str, Any]:
    """The front page's context: config, `families` (name, roles; by name, then the roles without a family under
    "Other roles", with those of a family of that very name), `teams` (id, name, mission, charter, raci, members
    lead first with their role entries), `across_teams` (see across_teams), `roles` (all, by title; each with `review`: `last`, `due`, `owner`, or
    None), counts (roles, teams, and families: the distinct
    `family` values given), and whether PDFs were built."""
    from ..team.analysis import lead_first
    from ..rendering.views import config_model

    cycle = catalogue.config.review_cycle_months
    roles = {rid: _role_entry(doc, pdf, cycle) for rid, doc in catalogue.roles.items()}
    families: dict[str, list[dict]] = {}
    for entry in roles.values():
        families.setdefault(entry["family"] or NO_FAMILY, []).append(entry)
    # one heading per name: a family called "Other roles" joins the roles without one, last
    named = sorted(families, key=lambda name: (name == NO_FAMILY, name.casefold(), name))
    teams = []
    for tid, document in catalogue.teams.items():
        data = document.data
        members = [roles[m["role"]] | {"headcount": m.get("headcount", 1), "lead": m["role"] == data.get("lead")}
                   for m in lead_first(data)]
        teams.append({"id": tid, "name": data["name"], "mission": data["mission"], "charter": names.document(tid, "html"),
                      "raci": names.raci(tid, "html"), "members": members})
    teams.sort(key=lambda team: (team["name"].casefold(), team["id"]))
    return {
        "config": config_model(catalogue),
        "families": [{"name": name, "roles": _by_title(families[name])} for name in named],
        "teams": teams,
        "across_teams": across_teams(catalogue, teams),
        "roles": _by_title(list(roles.values())),
        "counts": {"roles": len(roles), "teams": len(teams),
                   "families": len({entry["family"] for entry in roles.values() if entry["family"]})},
        "pdf": pdf,
        "format": "html",
    }


def render_index(catalogue, pdf: bool) -> str:
    """The front page as HTML, from index.html.j2 (the catalogue's own one first, as for every template)."""
    from ..rendering.engine import environment, render_template

    return render_template(environment(catalogue), "index.html.j2", index_model(catalogue, pdf))
