"""The document model templates see: a validated role with defaults filled in, targets parsed, references resolved.

One builder serves every format (Markdown, HTML, PDF, JSON-LD, Word) and the team charter, so a job description
says the same thing whichever way it is printed. The model is plain data (dicts, lists, strings, numbers), safe
to hand to sandboxed templates and to serialise.
"""
from __future__ import annotations

import base64
import mimetypes
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..source.assets import logo_file
from ..source.posting import posting_settings
from ..source.targets import parse_target

LEVEL_NAMES = {1: "awareness", 2: "basic", 3: "proficient", 4: "advanced", 5: "expert"}
EMPLOYMENT_TYPES = {"full-time": "Full-time", "part-time": "Part-time", "contractor": "Contractor",
                    "temporary": "Temporary", "intern": "Internship", "volunteer": "Volunteer",
                    "per-diem": "Per diem", "other": "Other"}
FREQUENCIES = {"daily": "Daily", "weekly": "Weekly", "monthly": "Monthly", "quarterly": "Quarterly",
               "yearly": "Yearly", "ongoing": "Ongoing", "as-needed": "As needed"}
PERIODS = {"hour": "per hour", "day": "per day", "week": "per week", "month": "per month", "year": "per year"}
_SYMBOLS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "="}


class TargetText(str):
    """A KPI target: prints as written (`>= 90%`) and carries its parsed parts as attributes for templates."""

    comparator: str
    value: float | None
    high: float | None
    unit: str
    words: str
    display: str
    in_words: str


def _number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def target_model(text: str) -> TargetText:
    """A target string with comparator, value, high, unit, words (`at least`), display (`≥ 90%`) and in_words."""
    target = TargetText(text)
    parsed = parse_target(text)
    fields = parsed.to_dict() if parsed else {"comparator": "", "value": None, "high": None, "unit": "", "words": ""}
    for key, value in fields.items():
        setattr(target, key, value)
    if parsed is None:
        target.display = target.in_words = text
        return target
    unit = parsed.unit if parsed.unit in ("%", "") else f" {parsed.unit}"
    if parsed.comparator == "range":
        target.display = f"{_number(parsed.value)}–{_number(parsed.high)}{unit}"
        target.in_words = f"between {_number(parsed.value)} and {_number(parsed.high)}{unit}"
    else:
        target.display = f"{_SYMBOLS[parsed.comparator]} {_number(parsed.value)}{unit}"
        target.in_words = f"{fields['words']} {_number(parsed.value)}{unit}"
    return target


def amount(value: float, cents: bool = False) -> str:
    """A pay amount with thousands separators, with two decimals when `cents` (or when it has a fraction)."""
    return f"{value:,.2f}" if cents or not float(value).is_integer() else f"{value:,.0f}"


def compensation_model(data: dict | None) -> dict | None:
    """The pay range with `display` (`EUR 72,000–92,000 per year`) and each amount formatted alike."""
    if not data:
        return None
    cents = not (float(data["min"]).is_integer() and float(data["max"]).is_integer())
    low, high = amount(data["min"], cents), amount(data["max"], cents)
    span = low if data["min"] == data["max"] else f"{low}–{high}"
    return {**data, "min_display": low, "max_display": high, "period_words": PERIODS[data["period"]],
            "display": f"{data['currency']} {span} {PERIODS[data['period']]}"}


def _duty(data: dict) -> dict:
    duty = {**data, "essential": data.get("essential", True), "time_share": data.get("time_share"),
            "frequency": data.get("frequency")}
    duty["frequency_label"] = FREQUENCIES.get(duty["frequency"] or "", "")
    duty["kpis"] = []
    return duty


def _skill(data: dict) -> dict:
    return {**data, "category": data.get("category"), "required": data.get("required", True),
            "level_name": LEVEL_NAMES[data["level"]], "category_label": (data.get("category") or "").capitalize()}


def _kpi(data: dict, duties: dict[str, dict]) -> dict:
    measured = [duties[i] for i in data.get("duties", []) if i in duties]
    return {**data, "target": target_model(data["target"]), "frequency_label": FREQUENCIES[data["frequency"]],
            "duties": [{"id": d["id"], "title": d["title"]} for d in measured]}


def reports_to_model(role_id: str | None, catalogue) -> dict | None:
    """The role a `reports_to` names, as {id, title}; title is None when the catalogue does not hold it."""
    if not role_id:
        return None
    target = catalogue.roles.get(role_id)
    return {"id": role_id, "title": target.data["title"] if target is not None else None}


def role_model(document, catalogue) -> dict:
    """The role as templates see it: defaults filled in, KPIs parsed and grouped under duties, skills split."""
    data = document.data
    duties = [_duty(d) for d in data["duties"]]
    by_id = {d["id"]: d for d in duties}
    kpis = [_kpi(k, by_id) for k in data["kpis"]]
    for kpi, source in zip(kpis, data["kpis"]):
        for duty_id in dict.fromkeys(source.get("duties", [])):
            if duty_id in by_id:
                by_id[duty_id]["kpis"].append(kpi)
    skills = [_skill(s) for s in data["skills"]]
    shares = [d["time_share"] for d in duties if d["time_share"] is not None]
    qualifications = data.get("qualifications") or {}
    return {
        **data,
        "family": data.get("family"), "level": data.get("level"), "location": data.get("location"),
        "employment_type": data.get("employment_type"), "attribution": data.get("attribution"),
        "employment_type_label": EMPLOYMENT_TYPES.get(data.get("employment_type") or "", ""),
        "occupation": dict(data.get("occupation") or {}),
        "reports_to": reports_to_model(data.get("reports_to"), catalogue),
        "duties": duties,
        "essential_duties": [d for d in duties if d["essential"]],
        "additional_duties": [d for d in duties if not d["essential"]],
        "time_share_total": sum(shares) if shares else None,
        "kpis": kpis,
        "general_kpis": [k for k in kpis if not k["duties"]],
        "skills": skills,
        "required_skills": [s for s in skills if s["required"]],
        "preferred_skills": [s for s in skills if not s["required"]],
        "qualifications": {**qualifications, **{k: list(qualifications.get(k, []))
                                                for k in ("education", "experience", "certifications")}},
        "compensation": compensation_model(data.get("compensation")),
        "posting": posting_settings(catalogue.config.posting, data.get("posting")),
    }


@lru_cache(maxsize=32)
def _logo_data_uri(path: Path, mtime_ns: int, size: int) -> str:
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def logo_model(catalogue) -> dict | None:
    """The configured logo (checked by source/assets.py) inlined as a data: URI, so documents make no requests."""
    path = logo_file(catalogue)
    if path is None:
        return None
    stat = path.stat()
    return {"src": _logo_data_uri(path, stat.st_mtime_ns, stat.st_size), "path": catalogue.config.logo}


def config_model(catalogue) -> dict[str, Any]:
    """The catalogue config templates see: organisation (its name, and its links for job postings), logo
    (inlined), page size and the `x-` extensions."""
    config = catalogue.config
    return {"organization": config.organization, "organization_links": dict(config.organization_links),
            "logo": logo_model(catalogue), "page_size": config.page_size, **config.extensions}


def role_context(document, catalogue, fmt: str, options=None) -> dict[str, Any]:
    """What a job-description template sees: `role`, `config`, the output `format` (md, html or pdf) and, in HTML,
    `jsonld`: the role's schema.org JobPosting ready for a `<script type="application/ld+json">` element (None in
    other formats). `options` are the render flags (writers.jsonld.PostingOptions)."""
    role, config = role_model(document, catalogue), config_model(catalogue)
    jsonld = None
    if fmt == "html":
        from .writers.jsonld import PostingOptions, job_posting, script_json

        jsonld = script_json(job_posting(role, config, options or PostingOptions()))
    return {"role": role, "config": config, "format": fmt, "jsonld": jsonld}
