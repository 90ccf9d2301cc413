"""The site's front page: every role by job family and every team with its members, linked to their documents.

`index_model(catalogue, pdf)` is what `index.html.j2` sees (overridable like any template); `render_index` renders
it. Output names come from `page_names`, the one place that says what `roledocs build` calls each file.
"""
from __future__ import annotations

from typing import Any

INDEX_NAME = "index.html"
NO_FAMILY = "Other roles"


def page_names(role_ids, team_ids, pdf: bool) -> dict[str, list[str]]:
    """The files of each role and team, as `render`, `charter` and `raci` name them: `<id>.html`, `<id>.jsonld`,
    `<id>.pdf` (with pdf) for a role; `<id>.html` (charter) and `<id>-raci.html` for a team. Keys are
    `role:<id>` and `team:<id>`."""
    names = {f"role:{rid}": [f"{rid}.html", f"{rid}.jsonld"] + ([f"{rid}.pdf"] if pdf else []) for rid in role_ids}
    names.update({f"team:{tid}": [f"{tid}.html", f"{tid}-raci.html"] for tid in team_ids})
    return names


def _role_entry(document, pdf: bool) -> dict[str, Any]:
    data = document.data
    rid = data["id"]
    return {"id": rid, "title": data["title"], "level": data.get("level"), "family": data.get("family"),
            "summary": data["summary"], "html": f"{rid}.html", "jsonld": f"{rid}.jsonld",
            "pdf": f"{rid}.pdf" if pdf else None}


def _by_title(entries: list[dict]) -> list[dict]:
    return sorted(entries, key=lambda entry: (entry["title"].casefold(), entry["id"]))


def index_model(catalogue, pdf: bool) -> dict[str, Any]:
    """The front page's context: config, `families` (name, roles; roles without a family last under "Other
    roles"), `teams` (id, name, mission, charter, raci, members lead first with their role entries), `roles`
    (all, by title), counts, and whether PDFs were built."""
    from .analysis import lead_first
    from .model import config_model

    roles = {rid: _role_entry(doc, pdf) for rid, doc in catalogue.roles.items()}
    families: dict[str | None, list[dict]] = {}
    for entry in roles.values():
        families.setdefault(entry["family"], []).append(entry)
    named = sorted((name for name in families if name is not None), key=lambda name: (name.casefold(), name))
    teams = []
    for tid, document in catalogue.teams.items():
        data = document.data
        members = [roles[m["role"]] | {"headcount": m.get("headcount", 1), "lead": m["role"] == data.get("lead")}
                   for m in lead_first(data)]
        teams.append({"id": tid, "name": data["name"], "mission": data["mission"], "charter": f"{tid}.html",
                      "raci": f"{tid}-raci.html", "members": members})
    return {
        "config": config_model(catalogue),
        "families": [{"name": name, "roles": _by_title(families[name])} for name in named] +
                    ([{"name": NO_FAMILY, "roles": _by_title(families[None])}] if None in families else []),
        "teams": sorted(teams, key=lambda team: (team["name"].casefold(), team["id"])),
        "roles": _by_title(list(roles.values())),
        "counts": {"roles": len(roles), "teams": len(teams)},
        "pdf": pdf,
        "format": "html",
    }


def render_index(catalogue, pdf: bool) -> str:
    """The front page as HTML, from index.html.j2 (the catalogue's own one first, as for every template)."""
    from .render import environment, render_template

    return render_template(environment(catalogue), "index.html.j2", index_model(catalogue, pdf))
