"""The team charter: mission, lead, members and their roles, RACI matrix, KPIs, workload, skills, reporting lines.

It serves `roledocs charter`, `roledocs render TEAM_FILE` and the site (rendering/formats.py lists its formats);
the templates charter.md.j2 / charter.html.j2 (PDF: the HTML printed) see the model built by charter_model().
"""
from __future__ import annotations

from typing import Any

from ..output import names
from ..team.analysis import analyze_document, lead_first, require_member_roles
from ..team.matrix import matrix_for
from .raci import pdf_parts, raci_model, team_summary

def _member(member: dict, role: dict, lead: str | None, fmt: str, beside: frozenset[str]) -> dict[str, Any]:
    people = [person["name"] for person in member.get("people", [])]
    headcount = member.get("headcount", 1)
    link = names.link(member["role"], fmt) if member["role"] in beside else None
    return {"id": member["role"], "title": role["title"], "summary": role["summary"], "role": role,
            "headcount": headcount, "people": people, "unfilled": max(headcount - len(people), 0),
            "lead": member["role"] == lead, "link": link}


def reporting_tree(members: list[dict], catalogue) -> list[dict[str, Any]]:
    """The member roles' reporting lines as nested nodes {id, title, member, lead, link, children}: a member under
    the member it reports to; members reporting outside the team under that role (member false); the rest on top."""
    nodes = {m["id"]: {key: m[key] for key in ("id", "title", "lead", "link")} | {"member": True, "children": []}
             for m in members}
    roots: list[dict[str, Any]] = []
    outside: dict[str, dict[str, Any]] = {}
    for member in members:
        boss = member["role"].get("reports_to")
        if boss is None:
            roots.append(nodes[member["id"]])
            continue
        parent = nodes.get(boss["id"])
        if parent is None:
            parent = outside.get(boss["id"])
            if parent is None:
                parent = outside[boss["id"]] = {"id": boss["id"], "title": boss["title"] or boss["id"], "lead": False,
                                                "link": None, "member": False, "children": []}
                roots.append(parent)
        parent["children"].append(nodes[member["id"]])
    return roots


def charts(reporting: list[dict], analysis: dict) -> dict[str, Any]:
    """The charter's pictures (inline SVG; HTML and PDF only): `org` (reporting lines), `workload`, `skills` (None
    without people)."""
    from .charts import org_chart, skill_grid, workload_chart

    return {"org": org_chart(reporting), "workload": workload_chart(analysis["workload"], analysis["thresholds"],
                                                                            analysis["profile"]),
            "skills": skill_grid(analysis["coverage"], analysis["risks"])}


def charter_model(document, catalogue, fmt: str, beside: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Everything a charter template sees: team, members (lead first, each with its role model and the `link` to
    its job description when that is written beside the charter: a role id in `beside`), parties, raci (and
    whether it is printed inline), analysis, reporting lines, charts (inline SVG pictures), config and format."""
    from .views import config_model, role_model

    data = document.data
    lead = data.get("lead")
    require_member_roles(document, catalogue)  # a member without a role file is an error, not a gap in the charter
    members = [_member(m, role_model(catalogue.roles[m["role"]], catalogue), lead, fmt, beside)
               for m in lead_first(data)]
    matrix = matrix_for(document, catalogue)
    rows, columns = matrix.size
    team = team_summary(document) | {
        "lead": next(({"id": m["id"], "title": m["title"]} for m in members if m["lead"]), None),
        "parties": [{"id": p["id"], "name": p["name"]} for p in data.get("parties", [])],
    }
    analysis = analyze_document(document, catalogue)
    reporting = reporting_tree(members, catalogue)
    return {
        "team": team,
        "members": members,
        "raci": raci_model(matrix),
        # A matrix that must be printed in parts does not fit in a charter's PDF: the charter points to it.
        "raci_inline": fmt != "pdf" or len(pdf_parts(matrix)) == 1,
        "raci_size": {"activities": rows, "columns": columns},
        "analysis": analysis,
        "reporting": reporting,
        "charts": charts(reporting, analysis) if fmt in ("html", "pdf") else {},
        # licensed text in member roles (their summaries and KPIs appear here) is credited here too, once each
        "attributions": list(dict.fromkeys(m["role"]["attribution"] for m in members if m["role"]["attribution"])),
        "config": config_model(catalogue),
        "format": fmt,
    }


def charter_document(document, catalogue, template: str, fmt: str, beside: frozenset[str] = frozenset()) -> str:
    """The charter of a checked team Document through a template (charter.md.j2, charter.html.j2), linking to the
    job descriptions of the roles in `beside`."""
    from .engine import environment, render_template

    return render_template(environment(catalogue), template, charter_model(document, catalogue, fmt, beside))


def charter_pdf(document, catalogue) -> bytes:
    """The charter printed to PDF from its HTML."""
    from .writers.pdf import html_to_pdf

    return html_to_pdf(charter_document(document, catalogue, "charter.html.j2", "pdf"), catalogue.root)
