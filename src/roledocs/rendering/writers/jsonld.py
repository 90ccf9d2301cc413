"""schema.org JobPosting JSON-LD from the role model: only properties schema.org gives JobPosting (and the types it
nests), so structured-data validators and search engines accept every key.

What a careers page knows and a role does not (dates, remote work, the apply link, the organisation's links) comes
from the merged `posting:` settings (source/posting.py), and the render flags override the dates and the place.
What JobPosting has no property for (job family, level, reporting line, KPIs) is said in its `description`, the
HTML text search engines show; docs/render.md has the mapping table. Its words are in the role model's language,
which the posting's page states (`mainEntityOfPage` `inLanguage`: a JobPosting has none of its own).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from ...source.location import read_location
from ..language import N_, Language

EMPLOYMENT_TYPES = {"full-time": "FULL_TIME", "part-time": "PART_TIME", "contractor": "CONTRACTOR",
                    "temporary": "TEMPORARY", "intern": "INTERN", "volunteer": "VOLUNTEER",
                    "per-diem": "PER_DIEM", "other": "OTHER"}
UNITS = {"hour": "HOUR", "day": "DAY", "week": "WEEK", "month": "MONTH", "year": "YEAR"}
# Google reads these credential categories; a degree named in the text maps to one, anything else stays text.
_CREDENTIALS = (("high school", "high school"), ("associate", "associate degree"), ("bachelor", "bachelor degree"),
                ("master", "postgraduate degree"), ("doctor", "postgraduate degree"), ("phd", "postgraduate degree"),
                ("postgraduate", "postgraduate degree"))
_YEARS = re.compile(r"^\s*(\d+)\s*\+?\s*years?\b", re.IGNORECASE)
_POSTING_SECTIONS = (("how_to_apply", N_("How to apply")), ("benefits", N_("Benefits")),
                     ("equal_opportunity", N_("Equal opportunity")))
# In a <script> element, `</script>` (or `<!--`) in a value would end or change the element: these characters are
# written as JSON escapes there, which mean the same characters to a JSON reader.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@dataclass(frozen=True)
class PostingOptions:
    """The render flags: dates (YYYY-MM-DD) and the place of work, over the role's and the config's."""

    date_posted: str | None = None
    valid_through: str | None = None
    job_location: str | None = None


def _items(pairs) -> str:
    return "".join(f"<li><strong>{escape(name)}</strong>: {escape(text)}</li>" for name, text in pairs)


def _facts(role: dict, location: str | None, _: Language) -> list[tuple[str, str]]:
    boss = role["reports_to"]
    facts = [(_("Job family"), role["family"]), (_("Level"), role["level"]), (_("Location"), location),
             (_("Reports to"), boss and (boss["title"] or boss["id"]))]
    return [(name, value) for name, value in facts if value]


def _duty_name(duty: dict, _: Language) -> str:
    if duty["time_share"] is None:
        return duty["title"]
    return f"{duty['title']} ({_('%(share)s of working time', share=_.percent(duty['time_share']))})"


def _description(role: dict, location: str | None, _: Language) -> str:
    """The description as HTML (what search engines show; only p, ul, li, strong and small): the purpose, the
    facts, the duties with their share of time, how success is measured, the posting's own texts, and the
    attribution of licensed text when the role has one."""
    parts = [f"<p>{escape(role['summary'])}</p>"]
    facts = _facts(role, location, _)
    if facts:
        parts.append(f"<ul>{_items(facts)}</ul>")
    duties = _items((_duty_name(d, _), d["description"]) for d in role["duties"])
    heading = _("Duties")  # labels outside f-strings, where pybabel extract finds them
    parts.append(f"<p><strong>{escape(heading)}</strong></p><ul>{duties}</ul>")
    if role["kpis"]:
        measured = ((k["name"], _("%(measure)s; target %(target)s, reviewed %(frequency)s", measure=k["measure"],
                                  target=k["target"].in_words, frequency=k["frequency_words"])) for k in role["kpis"])
        heading = _("How success is measured")
        parts.append(f"<p><strong>{escape(heading)}</strong></p><ul>{_items(measured)}</ul>")
    posting = role["posting"]
    if posting["pay_transparency"]:
        heading = _("Pay")
        parts.append(f"<p><strong>{escape(heading)}</strong></p><p>{escape(posting['pay_transparency'])}</p>")
    for key, heading in _POSTING_SECTIONS:
        if posting[key]:
            parts.append(f"<p><strong>{escape(_(heading))}</strong></p><p>{escape(posting[key])}</p>")
    if role.get("attribution"):  # the credit for licensed text, as small print
        parts.append(f"<p><small>{escape(role['attribution'])}</small></p>")
    return "".join(parts)


def postal_address(text: str) -> dict | None:
    """A schema.org PostalAddress read from a location text ("Hybrid, 10117 Berlin, DE"); None when no place can
    be read from it (see source/location.py)."""
    address = read_location(text).address
    return {"@type": "PostalAddress", **address} if address else None


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


def _skill(skill: dict, _: Language) -> dict:
    values = {"level": skill["level"], "name": skill["level_name"]}
    description = _("level %(level)s of 5 (%(name)s), required", **values) if skill["required"] else \
        _("level %(level)s of 5 (%(name)s), preferred", **values)
    return {"@type": "DefinedTerm", "name": skill["name"], "description": description}


def _organization(config: dict) -> dict | None:
    """The hiring Organization: its name and, when the config gives them, its website, profile pages and logo."""
    if not config.get("organization"):
        return None
    links = config.get("organization_links") or {}
    found = {"@type": "Organization", "name": config["organization"]}
    if links.get("url"):
        found["url"] = links["url"]
    if links.get("same_as"):
        found["sameAs"] = links["same_as"] if len(links["same_as"]) > 1 else links["same_as"][0]
    if links.get("logo"):
        found["logo"] = links["logo"]
    return found


def _place(posting: dict, location: str | None) -> dict:
    """jobLocation (a Place with a PostalAddress) when the location names a place; jobLocationType TELECOMMUTE
    and applicantLocationRequirements (one Country each) for a fully remote job."""
    found: dict = {}
    address = postal_address(location) if location else None
    if address:
        found["jobLocation"] = {"@type": "Place", "address": address}
    remote = posting["remote"]
    if remote is not None:
        found["jobLocationType"] = "TELECOMMUTE"
        if remote["countries"]:
            found["applicantLocationRequirements"] = [{"@type": "Country", "name": code}
                                                      for code in remote["countries"]]
    return found


def job_posting(role: dict, config: dict, options: PostingOptions = PostingOptions(),
                language: Language | None = None) -> dict:
    """The JobPosting object for a role model and config model, in a fixed key order, its words in the role
    model's language (default: English), which its page states (`mainEntityOfPage`)."""
    from ..language import language_of

    language = language or language_of(None)
    posting = role["posting"]
    organization = _organization(config)
    location = options.job_location or role["location"]
    # The identifier's name is whose id it is: without an organisation there is no one to name, but the id stays.
    identifier = {"@type": "PropertyValue", **({"name": organization["name"]} if organization else {}),
                  "value": posting["identifier"] or role["id"]}
    found: dict = {"@context": "https://schema.org", "@type": "JobPosting", "title": role["title"],
                   "description": _description(role, location, language), "identifier": identifier}
    date_posted = options.date_posted or posting["date_posted"]
    valid_through = options.valid_through or posting["valid_through"]
    if date_posted:
        found["datePosted"] = date_posted
    if valid_through:
        found["validThrough"] = valid_through
    if role["employment_type"]:
        found["employmentType"] = EMPLOYMENT_TYPES[role["employment_type"]]
    if organization:
        found["hiringOrganization"] = organization
    found.update(_place(posting, location))
    if posting["apply_url"]:
        found["url"] = posting["apply_url"]
    if posting["direct_apply"] is not None:
        found["directApply"] = posting["direct_apply"]
    code = role["occupation"].get("onet_soc") or role["occupation"].get("isco")
    if code:
        found["occupationalCategory"] = code
    found["responsibilities"] = [f"{_duty_name(d, language)}: {d['description']}" for d in role["duties"]]
    found["skills"] = [_skill(s, language) for s in role["skills"]]
    qualifications = role["qualifications"]
    if qualifications["education"]:
        found["educationRequirements"] = [_education(t) for t in qualifications["education"]]
    if qualifications["experience"]:
        found["experienceRequirements"] = [_experience(t) for t in qualifications["experience"]]
    if qualifications["certifications"]:
        found["qualifications"] = [{"@type": "EducationalOccupationalCredential",
                                    "credentialCategory": "professional certificate", "name": c}
                                   for c in qualifications["certifications"]]
    pay = role["compensation"]
    if pay:
        found["baseSalary"] = {"@type": "MonetaryAmount", "currency": pay["currency"],
                               "value": {"@type": "QuantitativeValue", "minValue": pay["min"],
                                         "maxValue": pay["max"], "unitText": UNITS[pay["period"]]}}
    if posting["benefits"]:
        found["jobBenefits"] = posting["benefits"]
    found["mainEntityOfPage"] = {"@type": "WebPage", "inLanguage": language.tag}
    return found


def to_json(posting: dict) -> str:
    """JSON text: indent 2, UTF-8 characters kept, a final newline."""
    return json.dumps(posting, indent=2, ensure_ascii=False) + "\n"


def script_json(posting: dict) -> Markup:
    """The JSON for a `<script type="application/ld+json">` element: `<`, `>`, `&` (and the JavaScript line
    separators) written as JSON escapes, so no text in the posting can close the element or open a comment."""
    text = to_json(posting)
    for character, escaped in _SCRIPT_ESCAPES.items():
        text = text.replace(character, escaped)
    return Markup(text)
