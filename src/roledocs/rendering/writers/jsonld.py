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
# A location's last comma-separated part is its country when it is an ISO 3166-1 alpha-2 code ("DE"); before it
# comes "10117 Berlin" (postal code of at least three digits or hyphens, then the locality), "CA 95014" (a region
# code and a US ZIP code, after the locality) or the locality alone; whatever is left is the street address.
_COUNTRY = re.compile(r"[A-Z]{2}")
_POSTAL_LOCALITY = re.compile(r"(?P<postalCode>\d[\d-]{2,})\s+(?P<addressLocality>\D.*)")
_REGION_ZIP = re.compile(r"(?P<addressRegion>[A-Z]{2})\s+(?P<postalCode>\d{5}(?:-\d{4})?)")
_ADDRESS_KEYS = ("streetAddress", "postalCode", "addressLocality", "addressRegion", "addressCountry")


@dataclass(frozen=True)
class PostingOptions:
    """What the role file does not say and a careers page knows: dates (YYYY-MM-DD) and the place of work."""

    date_posted: str | None = None
    valid_through: str | None = None
    job_location: str | None = None


def _description(role: dict) -> str:
    """The description as HTML (what search engines show): the purpose, the duties, and the attribution of
    licensed text (a paragraph of small print) when the role has one."""
    duties = "".join(f"<li><strong>{escape(d['title'])}</strong>: {escape(d['description'])}</li>"
                     for d in role["duties"])
    credit = f"<p><small>{escape(role['attribution'])}</small></p>" if role.get("attribution") else ""
    return f"<p>{escape(role['summary'])}</p><ul>{duties}</ul>{credit}"


def postal_address(text: str) -> dict | str:
    """A PostalAddress read from "street, postal code locality, CC"; the text itself when it names no country."""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts or not _COUNTRY.fullmatch(parts[-1]):
        return text
    found = {"addressCountry": parts.pop()}
    if parts and (match := _REGION_ZIP.fullmatch(parts[-1])):
        found.update(match.groupdict())
        parts.pop()
    if parts:
        match = None if "postalCode" in found else _POSTAL_LOCALITY.fullmatch(parts[-1])
        found.update(match.groupdict() if match else {"addressLocality": parts[-1]})
        parts.pop()
    if parts:
        found["streetAddress"] = ", ".join(parts)
    return {"@type": "PostalAddress", **{key: found[key] for key in _ADDRESS_KEYS if key in found}}


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
        elif target.comparator == "=":
            extra.update(minValue=target.value, maxValue=target.value)
        elif target.comparator in (">=", ">"):  # for ">" the bound itself falls short; the description says so
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
    # The identifier's name is whose id it is: without an organisation there is no one to name, but the id stays.
    identifier = {"@type": "PropertyValue", **({"name": organization} if organization else {}), "value": role["id"]}
    posting: dict = {"@context": "https://schema.org", "@type": "JobPosting", "title": role["title"],
                     "description": _description(role), "identifier": identifier}
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
        posting["jobLocation"] = {"@type": "Place", "address": postal_address(location)}
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
