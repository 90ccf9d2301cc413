"""schema.org JobPosting JSON-LD from the role model: every field with a home there, the rest as additionalProperty.

What a careers page must add itself (datePosted, validThrough, a structured jobLocation) can be given as
options; see docs/render.md for the mapping table.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from markupsafe import escape

EMPLOYMENT_TYPES = {"full-time": "FULL_TIME", "part-time": "PART_TIME", "contractor": "CONTRACTOR",
                    "temporary": "TEMPORARY", "intern": "INTERN", "volunteer": "VOLUNTEER",
                    "per-diem": "PER_DIEM", "other": "OTHER"}
UNITS = {"hour": "HOUR", "day": "DAY", "week": "WEEK", "month": "MONTH", "year": "YEAR"}
# Google reads these credential categories; a degree named in the text maps to one, anything else stays text.
_CREDENTIALS = (("high school", "high school"), ("associate", "associate degree"), ("bachelor", "bachelor degree"),
                ("master", "postgraduate degree"), ("doctor", "postgraduate degree"), ("phd", "postgraduate degree"),
                ("postgraduate", "postgraduate degree"))
_YEARS = re.compile(r"^\s*(\d+)\s*\+?\s*years?\b", re.IGNORECASE)


@dataclass(frozen=True)
class PostingOptions:
    """What the role file does not say and a careers page knows: dates (YYYY-MM-DD) and the place of work."""

    date_posted: str | None = None
    valid_through: str | None = None
    job_location: str | None = None


def _description(role: dict) -> str:
    """The description as HTML (what search engines show): the purpose, then the duties."""
    duties = "".join(f"<li><strong>{escape(d['title'])}</strong>: {escape(d['description'])}</li>"
                     for d in role["duties"])
    return f"<p>{escape(role['summary'])}</p><h3>Duties</h3><ul>{duties}</ul>"


def _education(text: str) -> dict:
    credential = {"@type": "EducationalOccupationalCredential", "description": text}
    lowered = text.lower()
    category = next((name for word, name in _CREDENTIALS if word in lowered), None)
    if category:
        credential["credentialCategory"] = category
    return credential


def _experience(text: str) -> dict:
    requirement = {"@type": "OccupationalExperienceRequirements", "description": text}
    years = _YEARS.match(text)
    if years:
        requirement["monthsOfExperience"] = int(years.group(1)) * 12
    return requirement


def _property(property_id: str, name: str, value, **extra) -> dict:
    return {"@type": "PropertyValue", "propertyID": property_id, "name": name, "value": value, **extra}


def _additional(role: dict) -> list[dict]:
    """What JobPosting has no field for: family, level, reporting line, time shares, frequencies and KPIs."""
    found = []
    for key, name in (("family", "Job family"), ("level", "Level")):
        if role[key]:
            found.append(_property(key, name, role[key]))
    if role["reports_to"]:
        found.append(_property("reports-to", "Reports to", role["reports_to"]["title"] or role["reports_to"]["id"],
                               identifier=role["reports_to"]["id"]))
    for duty in role["duties"]:
        if duty["time_share"] is not None:
            found.append(_property(f"time-share:{duty['id']}", f"Share of working time: {duty['title']}",
                                   duty["time_share"], unitText="%"))
    for kpi in role["kpis"]:
        target = kpi["target"]
        extra = {"description": f"{kpi['measure']} (target {target.in_words}, reviewed {kpi['frequency']})"}
        if target.comparator == "range":
            extra.update(minValue=target.value, maxValue=target.high)
        elif target.comparator in (">=", ">"):
            extra["minValue"] = target.value
        elif target.comparator in ("<=", "<"):
            extra["maxValue"] = target.value
        if target.unit:
            extra["unitText"] = target.unit
        found.append(_property(f"kpi:{kpi['id']}", kpi["name"], str(target), **extra))
    return found


def _skill(skill: dict) -> dict:
    need = "required" if skill["required"] else "preferred"
    return {"@type": "DefinedTerm", "name": skill["name"],
            "description": f"level {skill['level']} of 5 ({skill['level_name']}), {need}"}


def job_posting(role: dict, config: dict, options: PostingOptions = PostingOptions()) -> dict:
    """The JobPosting object for a role model and config model, in a fixed key order."""
    organization = config.get("organization")
    posting: dict = {"@context": "https://schema.org", "@type": "JobPosting", "title": role["title"],
                     "description": _description(role),
                     "identifier": {"@type": "PropertyValue", "name": organization or "roledocs", "value": role["id"]}}
    if options.date_posted:
        posting["datePosted"] = options.date_posted
    if options.valid_through:
        posting["validThrough"] = options.valid_through
    if role["employment_type"]:
        posting["employmentType"] = EMPLOYMENT_TYPES[role["employment_type"]]
    if organization:
        posting["hiringOrganization"] = {"@type": "Organization", "name": organization}
    location = options.job_location or role["location"]
    if location:
        posting["jobLocation"] = {"@type": "Place", "address": location}
    code = role["occupation"].get("onet_soc") or role["occupation"].get("isco")
    if code:
        posting["occupationalCategory"] = code
    posting["responsibilities"] = [f"{d['title']}: {d['description']}" for d in role["duties"]]
    posting["skills"] = [_skill(s) for s in role["skills"]]
    qualifications = role["qualifications"]
    if qualifications["education"]:
        posting["educationRequirements"] = [_education(t) for t in qualifications["education"]]
    if qualifications["experience"]:
        posting["experienceRequirements"] = [_experience(t) for t in qualifications["experience"]]
    if qualifications["certifications"]:
        posting["qualifications"] = [{"@type": "EducationalOccupationalCredential",
                                      "credentialCategory": "professional certificate", "name": c}
                                     for c in qualifications["certifications"]]
    pay = role["compensation"]
    if pay:
        posting["baseSalary"] = {"@type": "MonetaryAmount", "currency": pay["currency"],
                                 "value": {"@type": "QuantitativeValue", "minValue": pay["min"],
                                           "maxValue": pay["max"], "unitText": UNITS[pay["period"]]}}
    posting["additionalProperty"] = _additional(role)
    return posting


def to_json(posting: dict) -> str:
    """JSON text: indent 2, UTF-8 characters kept, a final newline."""
    return json.dumps(posting, indent=2, ensure_ascii=False) + "\n"
