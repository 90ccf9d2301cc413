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
from ..source.translations import language_of as resolved_language, text_in
from .language import Language, N_, language_of

LEVEL_NAMES = {1: N_("awareness"), 2: N_("basic"), 3: N_("proficient"), 4: N_("advanced"), 5: N_("expert")}
EMPLOYMENT_TYPES = {"full-time": N_("Full-time"), "part-time": N_("Part-time"), "contractor": N_("Contractor"),
                    "temporary": N_("Temporary"), "intern": N_("Internship"), "volunteer": N_("Volunteer"),
                    "per-diem": N_("Per diem"), "other": N_("Other")}
FREQUENCIES = {"daily": N_("Daily"), "weekly": N_("Weekly"), "monthly": N_("Monthly"), "quarterly": N_("Quarterly"),
               "yearly": N_("Yearly"), "ongoing": N_("Ongoing"), "as-needed": N_("As needed")}
# The same in running text ("reviewed quarterly").
FREQUENCY_WORDS = {"daily": N_("daily"), "weekly": N_("weekly"), "monthly": N_("monthly"),
                   "quarterly": N_("quarterly"), "yearly": N_("yearly"), "ongoing": N_("ongoing"),
                   "as-needed": N_("as needed")}
PERIODS = {"hour": N_("per hour"), "day": N_("per day"), "week": N_("per week"), "month": N_("per month"),
           "year": N_("per year")}
CATEGORIES = {"technical": N_("Technical"), "soft": N_("Soft"), "leadership": N_("Leadership"),
              "domain": N_("Domain"), "language": N_("Language"), "tool": N_("Tool")}
WORDS = {">=": N_("at least"), "<=": N_("at most"), ">": N_("more than"), "<": N_("less than"), "=": N_("exactly"),
         "range": N_("between")}
IN_WORDS = {">=": N_("at least %(value)s"), "<=": N_("at most %(value)s"), ">": N_("more than %(value)s"),
            "<": N_("less than %(value)s"), "=": N_("exactly %(value)s")}
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


def quantity(value: float, unit: str, language: Language) -> str:
    """A number with its unit as the language writes it: `90%` / `90 %`, `8 h`, `4.5` / `4,5`."""
    if unit == "%":
        return language.percent(value)
    return f"{language.number(value)} {unit}" if unit else language.number(value)


def target_model(text: str, language: Language | None = None) -> TargetText:
    """A target string with comparator, value, high, unit, words (`at least`), display (`≥ 90%`) and in_words
    (`at least 90%`), numbers and words in the language (default: English)."""
    language = language or language_of(None)
    target = TargetText(text)
    parsed = parse_target(text)
    fields = parsed.to_dict() if parsed else {"comparator": "", "value": None, "high": None, "unit": "", "words": ""}
    for key, value in fields.items():
        setattr(target, key, value)
    if parsed is None:
        target.display = target.in_words = text
        return target
    target.words = language(WORDS[parsed.comparator])
    if parsed.comparator == "range":
        if parsed.unit == "%":
            target.display = language.percent_range(parsed.value, parsed.high)
        else:
            span = f"{language.number(parsed.value)}–{language.number(parsed.high)}"
            target.display = f"{span} {parsed.unit}" if parsed.unit else span
        low, high = (quantity(number, parsed.unit, language) for number in (parsed.value, parsed.high))
        target.in_words = language(N_("between %(low)s and %(high)s"), low=low, high=high)
    else:
        amount = quantity(parsed.value, parsed.unit, language)
        target.display = f"{_SYMBOLS[parsed.comparator]} {amount}"
        target.in_words = language(IN_WORDS[parsed.comparator], value=amount)
    return target


def compensation_model(data: dict | None, language: Language | None = None) -> dict | None:
    """The pay range with `display` (`€72,000–€92,000 per year`) and each amount in the language's currency
    format (whole amounts without cents, unless one of the two has them)."""
    if not data:
        return None
    language = language or language_of(None)
    cents = not (float(data["min"]).is_integer() and float(data["max"]).is_integer())
    low, high = (language.money(data[key], data["currency"], cents) for key in ("min", "max"))
    # TRANSLATORS: a pay range: the lowest and the highest amount, each already with its currency ("70.000 €")
    span = low if data["min"] == data["max"] else language(N_("%(low)s–%(high)s"), low=low, high=high)
    period = language(PERIODS[data["period"]])
    # TRANSLATORS: the pay: an amount or a range of amounts, then how often it is paid ("per year")
    display = language(N_("%(amount)s %(period)s"), amount=span, period=period)
    return {**data, "min_display": low, "max_display": high, "period_words": period, "display": display}


def _duty(data: dict, language: Language) -> dict:
    duty = {**data, "essential": data.get("essential", True), "time_share": data.get("time_share"),
            "frequency": data.get("frequency")}
    frequency = duty["frequency"] or ""
    duty["frequency_label"] = language(FREQUENCIES[frequency]) if frequency else ""
    duty["frequency_words"] = language(FREQUENCY_WORDS[frequency]) if frequency else ""
    duty["kpis"] = []
    return duty


def _skill(data: dict, language: Language) -> dict:
    category = data.get("category")
    return {**data, "category": category, "required": data.get("required", True),
            "level_name": language(LEVEL_NAMES[data["level"]]),
            "category_label": language(CATEGORIES[category]) if category else ""}


def _kpi(data: dict, duties: dict[str, dict], language: Language) -> dict:
    measured = [duties[i] for i in data.get("duties", []) if i in duties]
    return {**data, "target": target_model(data["target"], language),
            "frequency_label": language(FREQUENCIES[data["frequency"]]),
            "frequency_words": language(FREQUENCY_WORDS[data["frequency"]]),
            "duties": [{"id": d["id"], "title": d["title"]} for d in measured]}


def document_language(document, catalogue, wanted: str | None = None) -> Language:
    """The language a role's or team's document is in when `wanted` is asked for (None: the file's own): `wanted`
    when the file is written in it or translates it, else the file's own."""
    return language_of(resolved_language(document, catalogue.config, wanted), catalogue)


def reports_to_model(role_id: str | None, catalogue, language: Language | None = None) -> dict | None:
    """The role a `reports_to` names, as {id, title}; title is None when the catalogue does not hold it, and is
    in the document's language when that role translates it."""
    if not role_id:
        return None
    target = catalogue.roles.get(role_id)
    if target is None:
        return {"id": role_id, "title": None}
    data = text_in(target, catalogue.config, language.tag) if language is not None else target.data
    return {"id": role_id, "title": data["title"]}


def role_model(document, catalogue, language: Language | None = None) -> dict:
    """The role as templates see it, in `language` (None: the file's own; see document_language): defaults filled
    in, KPIs parsed and grouped under duties, skills split, labels and numbers in the language."""
    language = language or document_language(document, catalogue)
    data = text_in(document, catalogue.config, language.tag)
    duties = [_duty(d, language) for d in data["duties"]]
    by_id = {d["id"]: d for d in duties}
    kpis = [_kpi(k, by_id, language) for k in data["kpis"]]
    for kpi, source in zip(kpis, data["kpis"]):
        for duty_id in dict.fromkeys(source.get("duties", [])):
            if duty_id in by_id:
                by_id[duty_id]["kpis"].append(kpi)
    skills = [_skill(s, language) for s in data["skills"]]
    shares = [d["time_share"] for d in duties if d["time_share"] is not None]
    qualifications = data.get("qualifications") or {}
    employment = data.get("employment_type")
    return {
        **data,
        "language": language.tag,
        "family": data.get("family"), "level": data.get("level"), "location": data.get("location"),
        "employment_type": employment, "attribution": data.get("attribution"),
        "employment_type_label": language(EMPLOYMENT_TYPES[employment]) if employment else "",
        "occupation": dict(data.get("occupation") or {}),
        "reports_to": reports_to_model(data.get("reports_to"), catalogue, language),
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
        "compensation": compensation_model(data.get("compensation"), language),
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


def role_context(document, catalogue, fmt: str, options=None, language: Language | None = None,
                 alternates: list[dict] | None = None) -> dict[str, Any]:
    """What a job-description template sees: `role` (in `language`, default the file's own), `config`, the output
    `format` (md, html or pdf), `alternates` (the same page in other languages, `roledocs build --language`) and,
    in HTML, `jsonld`: the role's schema.org JobPosting ready for a `<script type="application/ld+json">` element
    (None in other formats). `options` are the render flags (writers.jsonld.PostingOptions)."""
    language = language or document_language(document, catalogue)
    role, config = role_model(document, catalogue, language), config_model(catalogue)
    jsonld = None
    if fmt == "html":
        from .writers.jsonld import PostingOptions, job_posting, script_json

        jsonld = script_json(job_posting(role, config, options or PostingOptions(), language))
    return {"role": role, "config": config, "format": fmt, "jsonld": jsonld, "alternates": alternates or []}
