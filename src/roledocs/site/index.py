"""The site's front page: every role by job family and every team with its members, linked to their documents.

`index_model(catalogue, pdf, language)` is what `index.html.j2` sees (overridable like any template); `render_index`
renders it, in the site's language, each role and team shown in that language where its file translates it. Every
file it links to is named by output/names.py.
"""
from __future__ import annotations

from typing import Any

from ..output import names
from ..rendering.language import N_

NO_FAMILY = N_("Other roles")


def _role_entry(pdf: bool, cycle: int, data: dict) -> dict[str, Any]:
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


def across_teams(catalogue, teams: list[dict], roles: dict[str, dict]) -> list[dict[str, Any]]:
    """For each role that is accountable or does the work (R, DACI's D) on an activity of any team, by title: per
    team (in the page's team order) how many activities it is accountable and responsible for, and the totals; titles
    and team names as the page shows them (`roles`: the page's role entries, `teams`: its teams)."""
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
            row = found.setdefault(rid, {"id": rid, "title": roles[rid]["title"], "html": names.document(rid, "html"),
                                         "teams": [], "accountable": 0, "responsible": 0})
            row["teams"].append({"id": team["id"], "name": team["name"], **entry})
            row["accountable"] += entry["accountable"]
            row["responsible"] += entry["responsible"]
    return _by_title(list(found.values()))


def index_model(catalogue, pdf: bool, language=None, alternates: list[dict] | None = None) -> dict[str, Any]:
    """The front page's context: config, `families` (name, roles; by name, then the roles without a family under
    "Other roles", with those of a family of that very name), `teams` (id, name, mission, charter, raci, members
    lead first with their role entries), `across_teams` (see across_teams), `roles` (all, by title; each with
    `review`: `last`, `due`, `owner`, or None), counts (roles, teams, and families: the distinct `family` values
    given), whether PDFs were built, and the front pages in other languages; in `language` (a rendering Language;
    default the catalogue's)."""
    from ..source.translations import text_in
    from ..team.analysis import lead_first
    from ..rendering.language import language_of
    from ..rendering.views import config_model

    language = language or language_of(None, catalogue)
    config = catalogue.config
    other = language(NO_FAMILY)
    cycle = config.review_cycle_months
    roles = {rid: _role_entry(pdf, cycle, text_in(doc, config, language.tag))
             for rid, doc in catalogue.roles.items()}
    families: dict[str, list[dict]] = {}
    for entry in roles.values():
        families.setdefault(entry["family"] or other, []).append(entry)
    # one heading per name: a family called "Other roles" joins the roles without one, last
    named = sorted(families, key=lambda name: (name == other, name.casefold(), name))
    teams = []
    for tid, document in catalogue.teams.items():
        data = text_in(document, config, language.tag)
        members = [roles[m["role"]] | {"headcount": m.get("headcount", 1), "lead": m["role"] == data.get("lead")}
                   for m in lead_first(data)]
        teams.append({"id": tid, "name": data["name"], "mission": data["mission"], "charter": names.document(tid, "html"),
                      "raci": names.raci(tid, "html"), "members": members})
    teams.sort(key=lambda team: (team["name"].casefold(), team["id"]))
    return {
        "config": config_model(catalogue),
        "families": [{"name": name, "roles": _by_title(families[name])} for name in named],
        "teams": teams,
        "across_teams": across_teams(catalogue, teams, roles),
        "roles": _by_title(list(roles.values())),
        "counts": {"roles": len(roles), "teams": len(teams),
                   "families": len({entry["family"] for entry in roles.values() if entry["family"]})},
        "pdf": pdf,
        "format": "html",
        "alternates": alternates or [],
    }


def render_index(catalogue, pdf: bool, language: str | None = None, alternates: list[dict] | None = None) -> str:
    """The front page as HTML, from index.html.j2 (the catalogue's own one first, as for every template), in a
    language (default: the catalogue's)."""
    from ..rendering.engine import environment, render_template
    from ..rendering.language import language_of

    chosen = language_of(language, catalogue)
    return render_template(environment(catalogue, chosen), "index.html.j2",
                           index_model(catalogue, pdf, chosen, alternates))


def render_languages(catalogue, languages: tuple[str, ...]) -> str:
    """The front page of a site published in several languages: a link to each language's front page, written
    in the first language (languages.html.j2)."""
    from ..rendering.engine import environment, render_template
    from ..rendering.language import language_of
    from ..rendering.views import config_model

    first = language_of(languages[0], catalogue)
    choices = [{"tag": tag, "name": language_of(tag, catalogue).name, "href": names.in_language(names.INDEX, tag)}
               for tag in languages]
    return render_template(environment(catalogue, first), "languages.html.j2",
                           {"config": config_model(catalogue), "languages": choices, "format": "html"})
