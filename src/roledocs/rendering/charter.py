"""The team charter: mission, lead, members and their roles, RACI matrix, KPIs, workload, skills, reporting lines.

It serves `roledocs charter`, `roledocs render TEAM_FILE` and the site (rendering/formats.py lists its formats);
the templates charter.md.j2 / charter.html.j2 (PDF: the HTML printed) see the model built by charter_model(), in
the language the job asks for (the team's and its member roles' text translated where their files translate it).
"""
from __future__ import annotations

from typing import Any

from ..output import names
from ..source.translations import text_in
from ..team.analysis import analyze_document, lead_first, require_member_roles
from .analysis import KINDS, reason
from .language import Language
from .raci import matrix_in, pdf_parts, raci_model, running, team_summary


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


def charts(reporting: list[dict], analysis: dict, language: Language) -> dict[str, Any]:
    """The charter's pictures (inline SVG; HTML and PDF only): `org` (reporting lines), `workload`, `skills` (None
    without people), their words in the language."""
    from .charts import org_chart, skill_grid, workload_chart

    return {"org": org_chart(reporting, language),
            "workload": workload_chart(analysis["workload"], analysis["thresholds"], analysis["profile"], language),
            "skills": skill_grid(analysis["coverage"], analysis["risks"], language)}


def _analysis_in(result: dict[str, Any], members: list[dict], catalogue, language: Language,
                 phases: dict[str, str]) -> dict[str, Any]:
    """The analysis in the charter's language: role titles, skill names and phases (`phases`: source name -> shown
    name) as the members' role models and the team's text give them (the analysis itself matches skills by the names
    the files use), and the profile's letters named in it (`words`: the name as a sentence uses it)."""
    titles = {member["id"]: member["title"] for member in members}
    skills = {}
    for member in members:
        written = catalogue.roles[member["id"]].data["skills"]
        skills.update({source["name"]: shown["name"] for source, shown in zip(written, member["role"]["skills"])})
    workload = [entry | {"title": titles.get(entry["role"], entry["title"])} for entry in result["workload"]]
    coverage = [person | {"skills": [s | {"skill": skills.get(s["skill"], s["skill"])} for s in person["skills"]]}
                for person in result["coverage"]]
    risks = {kind: [risk | {"skill": skills.get(risk["skill"], risk["skill"])} for risk in entries]
             for kind, entries in result["risks"].items()}
    moves = lambda moves: [move | {"title": titles.get(move["to"], move["title"]),  # noqa: E731
                                   "because": [reason(text, language, skills, phases) for text in move["because"]]}
                           for move in moves]
    redistribution = [proposal | {"title": titles.get(proposal["role"], proposal["title"]),
                                  "kind": language(KINDS[proposal["kind"]]), "moves": moves(proposal["moves"])}
                      for proposal in result.get("redistribution", [])]
    profile = result["profile"]
    letters = [entry | {"name": language(entry["name"])} for entry in profile["letters"]]
    named = {key: profile[key] | {"name": language(profile[key]["name"]),
                                  "words": running(profile[key]["name"], language)}
             for key in ("accountable", "responsible")}
    return result | {"workload": workload, "coverage": coverage, "risks": risks, "redistribution": redistribution,
                     "profile": profile | {"letters": letters, **named}}


def charter_model(document, catalogue, fmt: str, beside: frozenset[str] = frozenset(),
                  language: Language | None = None, alternates: list[dict] | None = None) -> dict[str, Any]:
    """Everything a charter template sees: team, members (lead first, each with its role model and the `link` to
    its job description when that is written beside the charter: a role id in `beside`), parties, raci (and
    whether it is printed inline), analysis, reporting lines, charts (inline SVG pictures), config, format and
    alternates, in a language (default: the catalogue's)."""
    from .views import config_model, document_language, role_model

    language = language or document_language(document, catalogue)
    data = text_in(document, catalogue.config, language.tag)
    lead = data.get("lead")
    require_member_roles(document, catalogue)  # a member without a role file is an error, not a gap in the charter
    members = [_member(m, role_model(catalogue.roles[m["role"]], catalogue, language), lead, fmt, beside)
               for m in lead_first(data)]
    matrix = matrix_in(document, catalogue, language)
    rows, columns = matrix.size
    team = team_summary(document, data) | {
        "lead": next(({"id": m["id"], "title": m["title"]} for m in members if m["lead"]), None),
        "parties": [{"id": p["id"], "name": p["name"]} for p in data.get("parties", [])],
    }
    phases = {source.get("phase"): shown.get("phase") for source, shown in
              zip(document.data.get("activities", []), data.get("activities", [])) if source.get("phase")}
    analysis = _analysis_in(analyze_document(document, catalogue), members, catalogue, language, phases)
    reporting = reporting_tree(members, catalogue)
    return {
        "team": team,
        "members": members,
        "raci": raci_model(matrix, language),
        # A matrix that must be printed in parts does not fit in a charter's PDF: the charter points to it.
        "raci_inline": fmt != "pdf" or len(pdf_parts(matrix)) == 1,
        "raci_size": {"activities": rows, "columns": columns},
        "analysis": analysis,
        "reporting": reporting,
        "charts": charts(reporting, analysis, language) if fmt in ("html", "pdf") else {},
        # licensed text in member roles (their summaries and KPIs appear here) is credited here too, once each
        "attributions": list(dict.fromkeys(m["role"]["attribution"] for m in members if m["role"]["attribution"])),
        "config": config_model(catalogue),
        "format": fmt,
        "alternates": alternates or [],
    }


def charter_document(job, template: str, fmt: str) -> str:
    """The charter of a formats.Job's checked team through a template (charter.md.j2, charter.html.j2), linking to
    the job descriptions of the roles in `job.beside`."""
    from .engine import environment, render_template
    from .views import document_language

    language = document_language(job.document, job.catalogue, job.language)
    model = charter_model(job.document, job.catalogue, fmt, job.beside, language, list(job.alternates))
    return render_template(environment(job.catalogue, language), template, model)


def charter_pdf(job) -> bytes:
    """The charter printed to PDF from its HTML (a PDF has no neighbour files to link to)."""
    from .writers.pdf import html_to_pdf

    return html_to_pdf(charter_document(job._replace(beside=frozenset()), "charter.html.j2", "pdf"), job.catalogue.root)
