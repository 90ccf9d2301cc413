"""schema.org JobPosting (a JSON-LD file, or an HTML page with JSON-LD embedded) to Drafts, one per posting.

Reads what `roledocs render --to jsonld` writes back into the same role (the round trip: render -> import ->
render gives the same posting), and what careers pages publish: title, description (its lists become duties,
its headed sections what they name), responsibilities, skills, qualifications, education and experience
requirements, baseSalary, employmentType, occupationalCategory, jobLocation, identifier. roledocs writes the
job family, level, location and reporting line as the description's facts, each duty's share of working time in
its responsibility ("Plan projects (25% of working time): ..."), and the KPIs as the description's "How success is
measured" list ("Name: measure; target at least 90%, reviewed quarterly"); postings of earlier versions carried
these in additionalProperty, which is still read.
"""
from __future__ import annotations

import json
import re

from ..rendering.writers.jsonld import EMPLOYMENT_TYPES, UNITS
from .draft import ID_PATTERN, Draft, clean, duty_from
from .htmltext import html_blocks, html_text, jsonld_scripts
from .sections import read_blocks
from .values import employment_type_of, qualification_kind

_TYPES = {"JobPosting", "schema:JobPosting", "http://schema.org/JobPosting", "https://schema.org/JobPosting"}
_SKILL = re.compile(r"^level ([1-5]) of 5 \(\w+\), (required|preferred)$")
_KPI = re.compile(r"^(?P<measure>.*) \(target .*, reviewed (?P<frequency>weekly|monthly|quarterly|yearly)\)$",
                  re.DOTALL)
_SHARE = re.compile(r"^(?P<title>.+) \((?P<share>\d+(?:\.\d+)?)% of working time\)$")
_MEASURED = re.compile(r"^(?P<measure>.+); target (?P<words>at least|at most|more than|less than|exactly|between) "
                       r"(?P<target>.+), reviewed (?P<frequency>weekly|monthly|quarterly|yearly)$", re.DOTALL)
_COMPARATORS = {"at least": ">=", "at most": "<=", "more than": ">", "less than": "<", "exactly": "="}
_RANGE = re.compile(r"^(?P<low>\S+) and (?P<high>\S+)(?P<unit>.*)$")
_CREDIT = re.compile(r"<p><small>(?P<credit>(?:(?!</?p>).)*)</small></p>\s*$", re.DOTALL)
_ONET = re.compile(r"\b(\d{2}-\d{4}\.\d{2})\b")
_ISCO = re.compile(r"^\s*(\d{4})\b")
_ADDRESS_KEYS = ("streetAddress", "postalCode", "addressLocality", "addressRegion", "addressCountry")
MAX_POSTINGS = 1000


class NotAPosting(ValueError):
    """The text holds no JobPosting (not JSON, no JSON-LD, or JSON-LD of other things)."""


def _postings(data, found: list[dict], depth: int = 0) -> None:
    """Every JobPosting object in parsed JSON-LD (top level, lists, @graph, nested), in document order."""
    if depth > 20 or len(found) >= MAX_POSTINGS:
        return
    if isinstance(data, list):
        for item in data:
            _postings(item, found, depth + 1)
    elif isinstance(data, dict):
        kinds = data.get("@type")
        if any(kind in _TYPES for kind in (kinds if isinstance(kinds, list) else [kinds]) if isinstance(kind, str)):
            found.append(data)
            return
        for value in data.values():
            _postings(value, found, depth + 1)


def read_postings(text: str, html: bool) -> list[dict]:
    """The JobPosting objects of a JSON-LD document or of the JSON-LD scripts of an HTML page."""
    scripts = jsonld_scripts(text) if html else [text]
    if html and not scripts:
        raise NotAPosting("the page has no <script type=\"application/ld+json\"> (JSON-LD) to read a JobPosting from")
    found: list[dict] = []
    for script in scripts:
        try:
            data = json.loads(script)
        except ValueError as error:
            if not html:
                raise NotAPosting(f"not JSON-LD: {error}") from error
            continue  # one broken script on a page does not hide the others
        _postings(data, found)
    if not found:
        raise NotAPosting("no schema.org JobPosting in it (an object with \"@type\": \"JobPosting\")")
    return found


def _texts(value) -> list[str]:
    """Plain texts of a property that may be text (maybe HTML), an object (name, description) or a list."""
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    if isinstance(value, dict):
        for key in ("name", "description", "@value", "value"):
            if isinstance(value.get(key), str):
                return _texts(value[key])
        return []
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        blocks = html_blocks(str(value))
        items = [block.text for block in blocks if block.kind == "item"]
        return items if items else [text for text in [html_text(str(value))] if text]
    return []


def _one(value) -> str | None:
    texts = _texts(value)
    return texts[0] if texts else None


def _location(value) -> str | None:
    """jobLocation as the text `roledocs render` reads back into the same address."""
    place = value[0] if isinstance(value, list) and value else value
    address = place.get("address") if isinstance(place, dict) else place
    if isinstance(address, dict):
        parts = {key: clean(_one(address.get(key)) or "") for key in _ADDRESS_KEYS}
        if not any(parts.values()):
            return _one(place.get("name")) if isinstance(place, dict) else None
        street, postal, locality, region, country = (parts[key] for key in _ADDRESS_KEYS)
        if region and postal:
            line = [street, locality, f"{region} {postal}", country]
        elif postal and locality:
            line = [street, f"{postal} {locality}", country]
        else:
            line = [street, locality, region, postal, country]
        return ", ".join(part for part in line if part) or None
    return _one(address) if address is not None else None


def _employment(value, draft: Draft) -> None:
    names = {code: name for name, code in EMPLOYMENT_TYPES.items()}
    for text in _texts(value):
        kind = names.get(text.strip().upper().replace("-", "_").replace(" ", "_")) or employment_type_of(text)
        if kind:
            draft.employment_type = kind
            return
        draft.notes.append(f"employmentType '{text}' is none that roledocs knows: set employment_type")


def _pay(value, draft: Draft) -> None:
    if not isinstance(value, dict):
        return
    amount = value.get("value")
    quantity = amount if isinstance(amount, dict) else {"value": amount}
    low = quantity.get("minValue", quantity.get("value"))
    high = quantity.get("maxValue", quantity.get("value"))
    period = {unit: name for name, unit in UNITS.items()}.get(str(quantity.get("unitText", "")).upper())
    currency = value.get("currency")
    numbers = all(isinstance(n, (int, float)) and not isinstance(n, bool) and n >= 0 for n in (low, high))
    if numbers and period and isinstance(currency, str) and re.fullmatch(r"[A-Z]{3}", currency) and high >= low:
        draft.compensation = {"currency": currency, "min": low, "max": high, "period": period}
    else:
        draft.notes.append("baseSalary does not give currency, amounts and period (HOUR to YEAR): set compensation")


def _occupation(value, draft: Draft) -> None:
    code = value.get("codeValue") if isinstance(value, dict) else value
    for text in _texts(code) if not isinstance(code, str) else [code]:
        if match := _ONET.search(text):
            draft.occupation["onet_soc"] = match.group(1)
        elif match := _ISCO.match(text):
            draft.occupation["isco"] = match.group(1)


def _additional(values, draft: Draft) -> tuple[dict[str, tuple[str, float]], list[dict]]:
    """What roledocs puts in additionalProperty: family and level (set on the draft), the reporting line, and the
    time shares (duty title -> duty id, share) and KPIs it returns."""
    shares: dict[str, tuple[str, float]] = {}
    kpis: list[dict] = []
    for prop in _as_list(values):
        if not isinstance(prop, dict) or not isinstance(prop.get("propertyID"), str):
            continue
        key, value = prop["propertyID"], prop.get("value")
        if key in ("family", "level") and isinstance(value, str):
            setattr(draft, key, clean(value))
        elif key == "reports-to" and isinstance(prop.get("identifier"), str):
            draft.reports_to = prop["identifier"]
        elif key.startswith("time-share:") and isinstance(value, (int, float)) and isinstance(prop.get("name"), str):
            shares[clean(prop["name"].split(": ", 1)[-1])] = (key.split(":", 1)[1], value)
        elif key.startswith("kpi:") and isinstance(value, str):
            kpi = {"id": key.split(":", 1)[1], "name": clean(prop.get("name") or "") or None, "target": value}
            if match := _KPI.match(str(prop.get("description") or "")):
                kpi.update(measure=clean(match["measure"]), frequency=match["frequency"])
            kpis.append(kpi)
    return shares, kpis


def _responsibilities(lines: list[str], items: list, draft: Draft) -> None:
    """Duties from `responsibilities`, split at the bold title the description's lists give each (as roledocs
    writes them), else at a lead-in of their own; a title ending in "(25% of working time)" gives the share."""
    leads = sorted({block.lead for block in items if block.lead}, key=len, reverse=True)
    draft.duties = []
    for line in lines:
        duty = duty_from(line, next((lead for lead in leads if line.startswith(lead + ":")), None))
        if duty["title"] and (share := _SHARE.match(duty["title"])):
            duty["title"], duty["time_share"] = share["title"], float(share["share"])
            if duty["time_share"].is_integer():
                duty["time_share"] = int(duty["time_share"])
        draft.duties.append(duty)


def _target(words: str, text: str) -> str:
    """A KPI target as roledocs writes it (`>= 90%`, `4 - 5`) from its words (`at least 90%`, `between 4 and 5`)."""
    if words != "between":
        return f"{_COMPARATORS[words]} {text}"
    match = _RANGE.match(text)
    return f"{match['low']} - {match['high']}{match['unit']}" if match else text


def _measured(kpis: list[dict]) -> None:
    """Targets and review frequencies from KPI measures that say them (`...; target at least 90%, reviewed
    quarterly`), as roledocs' description does."""
    for kpi in kpis:
        match = _MEASURED.match(kpi.get("measure") or "")
        if match:
            kpi.update(measure=clean(match["measure"]), target=_target(match["words"], match["target"]),
                       frequency=match["frequency"])


def _skills(value, draft: Draft) -> None:
    """Skills from DefinedTerms (with roledocs' `level N of 5 (...), required|preferred` description), texts, or
    one text listing them."""
    for item in _skill_names(value) if isinstance(value, str) else _as_list(value):
        description = item.get("description") if isinstance(item, dict) else None
        match = _SKILL.match(description) if isinstance(description, str) else None
        for name in _texts(item.get("name") if isinstance(item, dict) and "name" in item else item):
            skill = {"name": name.rstrip(".")}
            if match:
                skill.update(level=int(match.group(1)), required=match.group(2) == "required")
            draft.skills.append(skill)


def _skill_names(value) -> list[str]:
    """Skill names of a value; one text listing short skills (`Python, SQL; Git`) gives each."""
    names = _texts(value)
    if len(names) == 1 and isinstance(value, str):
        parts = [clean(part) for part in re.split(r"[,;]", names[0])]
        if len(parts) > 1 and all(part and len(part.split()) <= 5 for part in parts):
            return parts
    return names


def _qualifications(posting: dict, draft: Draft) -> None:
    for text in _texts(posting.get("educationRequirements")):
        draft.qualification("education", text)
    for text in _texts(posting.get("experienceRequirements")):
        draft.qualification("experience", text)
    for item in _as_list(posting.get("qualifications")):
        for text in _texts(item):
            certificate = isinstance(item, dict) and item.get("credentialCategory") == "professional certificate"
            draft.qualification("certifications" if certificate else qualification_kind(text) or "experience", text)


def _as_list(value) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


def posting_draft(posting: dict, source: str) -> Draft:
    """A Draft from one JobPosting object."""
    draft = Draft(source)
    identifier = posting.get("identifier")
    value = identifier.get("value") if isinstance(identifier, dict) else identifier
    if isinstance(value, str) and ID_PATTERN.match(value) and len(value) <= 64:
        draft.id = value
    draft.title = _one(posting.get("title"))
    description = posting.get("description") if isinstance(posting.get("description"), str) else ""
    if credit := _CREDIT.search(description):
        draft.attribution = html_text(credit["credit"])
        description = description[:credit.start()]
    blocks = html_blocks(description)
    read_blocks(blocks, draft)  # the summary, and what the description names under its headings and in its lists
    shares, kpis = _additional(posting.get("additionalProperty"), draft)
    if lines := _texts(posting.get("responsibilities")):
        _responsibilities(lines, [block for block in blocks if block.kind == "item"], draft)
    for duty in draft.duties:
        if duty["title"] in shares:
            duty["id"], duty["time_share"] = shares[duty["title"]]
    draft.kpis = kpis or draft.kpis
    _measured(draft.kpis)
    _skills(posting.get("skills"), draft)
    _qualifications(posting, draft)
    _employment(posting.get("employmentType"), draft)
    if posting.get("jobLocation") is not None and draft.location is None:  # the description's fact says more
        draft.location = _location(posting["jobLocation"])
    _occupation(posting.get("occupationalCategory"), draft)
    _pay(posting.get("baseSalary"), draft)
    return draft
