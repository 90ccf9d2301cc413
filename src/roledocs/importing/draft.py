"""What one job description says, in the role file's terms, before it is written: the Draft and its text helpers.

Every reader (Word, JobPosting, O*NET) fills a Draft with what its source says and nothing else; roleyaml.py
turns what is missing into placeholders.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_ID = 64
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
_SPACE = re.compile(r"\s+")
_LEAD_IN = re.compile(r"^(?P<title>[^:;.!?]{2,80}?)\s*(?::|\s[–—-])\s+(?P<rest>\S.*)$", re.DOTALL)
SHORT_TITLE_WORDS = 6  # a bullet this short names a duty; a longer one describes it


@dataclass
class Draft:
    """A role as a source gave it; None, empty lists and empty dicts where the source said nothing."""

    source: str
    id: str | None = None
    title: str | None = None
    family: str | None = None
    level: str | None = None
    reports_to: str | None = None  # a role id
    reports_to_text: str | None = None  # what the source called the manager's role, when no id is known
    employment_type: str | None = None
    location: str | None = None
    occupation: dict[str, str] = field(default_factory=dict)
    summary: str | None = None
    duties: list[dict] = field(default_factory=list)  # id?, title?, description?, time_share?, essential?
    skills: list[dict] = field(default_factory=list)  # name, level?, required?
    kpis: list[dict] = field(default_factory=list)  # id?, name?, measure?, target?, frequency?
    qualifications: dict[str, list[str]] = field(default_factory=dict)
    compensation: dict | None = None
    attribution: str | None = None
    notes: list[str] = field(default_factory=list)  # what the source said that the role file does not hold

    def qualification(self, kind: str, text: str) -> None:
        """Add a line of education, experience or certifications, once."""
        lines = self.qualifications.setdefault(kind, [])
        if text not in lines:
            lines.append(text)


def clean(text: object) -> str:
    """Text as a role file holds it: control and invisible characters dropped, runs of white space one space."""
    return _SPACE.sub(" ", _CONTROL.sub("", unicodedata.normalize("NFC", str(text)))).strip()


def slug(text: str, limit: int = MAX_ID) -> str:
    """An id made of text: ASCII letters and digits, single hyphens, at most `limit` characters, cut at a hyphen."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    made = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(made) > limit:
        made = made[:limit + 1].rsplit("-", 1)[0] if "-" in made[:limit + 1] else made[:limit]
    return made.strip("-")


def words(text: str) -> int:
    return len(text.split())


def short_id(text: str, taken: set[str], fallback: str) -> str:
    """A short id from the first words of a text (`plan-and-track`), unique among `taken`, which it joins."""
    base = slug(" ".join(text.split()[:4]), 40) or fallback
    chosen, count = base, 1
    while chosen in taken:
        count += 1
        chosen = f"{base}-{count}"
    taken.add(chosen)
    return chosen


def split_lead_in(text: str, lead: str | None = None) -> tuple[str | None, str]:
    """(title, rest) of a bullet that opens with a short title: a bold lead-in, or `Title: rest` / `Title – rest`
    of at most eight words; (None, text) otherwise."""
    if lead:
        rest = text[len(lead):] if text.startswith(lead) else text
        return clean(lead).rstrip(":–—- ").strip() or None, _sentence(rest.lstrip(":–—- "))
    match = _LEAD_IN.match(text)
    if match and words(match["title"]) <= 8:
        return clean(match["title"]), _sentence(match["rest"])
    return None, text


def _sentence(text: str) -> str:
    """The rest of a bullet after its title, as a sentence of its own (`prepare the payroll` -> `Prepare ...`)."""
    text = clean(text)
    return text[:1].upper() + text[1:]


def duty_from(text: str, lead: str | None = None, essential: bool | None = None) -> dict:
    """A duty from one bullet: its lead-in as title and the rest as description; a short bullet is a title
    without description, a longer one a description without title (the gap is left for a person)."""
    title, rest = split_lead_in(clean(text), lead)
    if title is None:
        title, rest = (rest, None) if words(rest) <= SHORT_TITLE_WORDS else (None, rest)
    duty = {"title": title, "description": rest or None}
    if essential is not None:
        duty["essential"] = essential
    return duty
