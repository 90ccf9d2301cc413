"""Reading values out of job-description text: which section a heading names, employment types, pay lines and
the kind of a qualification, in the languages of vocabulary.py."""
from __future__ import annotations

import re
import unicodedata

from . import vocabulary

_NUMBER = re.compile(r"(?<![\w.,'’])(\d{1,3}(?:[.,'’ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d{1,2}))?\s*([kK])?(?![\w])")
_CODE = re.compile(r"\b([A-Z]{3})\b")


def normal(text: str) -> str:
    """Text for matching: lower case, accents dropped, punctuation except `*` `-` `'` `/` `.` as spaces."""
    folded = unicodedata.normalize("NFKD", text.replace("’", "'")).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.sub(r"[^a-z0-9*'/.\-]+", " ", folded.lower()).replace(" .", " ").split()).strip(" .")


def _has(text: str, phrase: str) -> bool:
    """Whether normalised `text` holds `phrase` as whole words (a phrase may end inside a word: 'certif')."""
    return re.search(r"(?<![a-z0-9])" + re.escape(phrase.strip()), text) is not None


def section_of(heading: str) -> str | None:
    """The section a heading names (`Your key responsibilities:` -> duties), None when it names none: the whole
    heading must be a known phrase, optionally with a few words around it (`Main duties of the role`)."""
    text = normal(heading).rstrip(":").strip()
    if not text or len(text.split()) > 7:
        return None
    best: tuple[int, str] | None = None
    for section, phrases in vocabulary.SECTIONS.items():
        for phrase in phrases:
            if text == phrase:
                return section
            if len(phrase) > 3 and re.search(rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])", text):
                if best is None or len(phrase) > best[0]:
                    best = (len(phrase), section)
    return best[1] if best else None


def field_of(label: str) -> str | None:
    """The field a `Label:` names (`Reporting to` -> reports_to), None when it names none."""
    text = normal(label).rstrip(":").strip()
    for name, labels in vocabulary.FIELDS.items():
        if text in labels:
            return name
    return None


def employment_type_of(text: str) -> str | None:
    """The employment type a value names (`Vollzeit, unbefristet` -> full-time), None when it names none."""
    value = normal(text)
    for kind, phrases in vocabulary.EMPLOYMENT_TYPES.items():
        if any(_has(value, phrase) and re.search(rf"{re.escape(phrase)}(?![a-z])", value) for phrase in phrases):
            return kind
    return None


def qualification_kind(text: str) -> str | None:
    """education, certifications or experience, by the words a line uses; None for a line that names none
    (a skill, most likely)."""
    value = normal(text)
    for kind, stems in (("certifications", vocabulary.CERTIFICATION_WORDS),
                        ("education", vocabulary.EDUCATION_WORDS), ("experience", vocabulary.EXPERIENCE_WORDS)):
        if any(_has(value, stem) for stem in stems):
            return kind
    return None


def _amount(whole: str, cents: str | None, thousands: str | None) -> float:
    digits = re.sub(r"[^\d]", "", whole)
    value = float(f"{digits}.{cents}") if cents else float(digits)
    return value * 1000 if thousands else value


def _currency(text: str) -> str | None:
    code = _CODE.search(text)
    if code and code.group(1) not in ("AND", "THE", "PER", "TBD", "DOE"):
        return code.group(1)
    lowered = text.lower()
    return next((iso for sign, iso in vocabulary.CURRENCY_SIGNS.items() if sign in lowered), None)


def _period(text: str) -> str | None:
    value = " " + text.lower().replace("’", "'") + " "
    folded = normal(text)
    for period, phrases in vocabulary.PAY_PERIODS.items():
        for phrase in phrases:
            if phrase.startswith("/") and phrase in value.replace(" ", ""):
                return period
            if not phrase.startswith("/") and _has(folded, phrase) and \
                    re.search(rf"{re.escape(phrase)}(?![a-z])", folded):
                return period
    return None


def pay_from(text: str) -> dict | None:
    """The pay range a line states (`EUR 60,000 – 75,000 per year`, `€45k-€55k annually`, `$30/hour`), with
    currency, min, max and period; None unless all of them are there (a person fills in the rest)."""
    amounts = [_amount(m.group(1), m.group(2), m.group(3)) for m in _NUMBER.finditer(text)]
    currency, period = _currency(text), _period(text)
    if not amounts or len(amounts) > 2 or currency is None or period is None:
        return None
    low, high = min(amounts), max(amounts)
    whole = all(float(a).is_integer() for a in amounts)
    return {"currency": currency, "min": int(low) if whole else low, "max": int(high) if whole else high,
            "period": period}
