"""KPI targets: the small language of `">= 90%"`, `"< 2 days"` and `"4.5 - 5"`, parsed for checks and templates.

The same targets in words read the same (`at least 90%`, `fewer than 3`, `between 4.5 and 5`, `95 percent`): the
words roledocs prints in every job description, and the way people write targets; a comparison word is turned
into its symbol before parsing, so both spellings give one Target.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# "1,000" and "12,500.50" group thousands; otherwise a comma is a decimal comma ("4,5"). "1e3" and "0x10" are not
# decimals (read without the lookahead, they would pass as 1 with the unit "e3", 0 with the unit "x10").
_THOUSANDS = r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?"
_NUMBER = rf"[-+]?(?:{_THOUSANDS}|\d+(?:[.,]\d+)?|[.,]\d+)(?![eE][-+]?\d|[xXoObB][0-9a-fA-F])"
_UNIT = r"(?:\s*(?P<{0}>%|[^\W\d_][\w/ .$€£¥]*?))?"
_COMPARISON = re.compile(rf"^\s*(?P<op>>=|<=|≥|≤|>|<|=)\s*(?P<value>{_NUMBER}){_UNIT.format('unit')}\s*$")
_RANGE = re.compile(rf"^\s*(?P<low>{_NUMBER}){_UNIT.format('low_unit')}\s*(?:-|–|to)\s*"
                    rf"(?P<high>{_NUMBER}){_UNIT.format('unit')}\s*$")
_CANONICAL = {"≥": ">=", "≤": "<="}
# Words for a comparator at the start of a target ("at least 90%"), and after its number ("90% or more")
_BEFORE = {">=": ("at least", "no less than", "no fewer than", "not less than", "a minimum of", "minimum"),
           "<=": ("at most", "no more than", "not more than", "up to", "a maximum of", "maximum"),
           ">": ("more than", "greater than", "higher than", "above", "over"),
           "<": ("less than", "fewer than", "lower than", "below", "under"),
           "=": ("exactly", "equal to")}
_AFTER = {">=": ("or more", "or higher", "or above", "or greater", "+"),
          "<=": ("or less", "or fewer", "or lower", "or below")}
_WORD_BEFORE = re.compile(r"^\s*(?P<words>{})\s+(?P<rest>.+)$".format(
    "|".join(sorted((re.escape(w).replace("\\ ", r"\s+") for ws in _BEFORE.values() for w in ws), key=len,
                    reverse=True))), re.IGNORECASE)
# "90% or more", "3 or fewer defects", "5+ years": the words after the number, the unit before or after them
_WORD_AFTER = re.compile(r"^(?P<rest>.+?)\s*(?P<words>{})(?P<tail>(?:\s+\S.*)?)$".format(
    "|".join(re.escape(w).replace("\\ ", r"\s+") for ws in _AFTER.values() for w in ws)), re.IGNORECASE)
_WORD_RANGE = re.compile(r"^\s*(?:between|from)\s+(?P<low>.+?)\s+(?:and|to)\s+(?P<high>.+?)\s*$", re.IGNORECASE)
_PERCENT = re.compile(r"(?<=\d)\s*(?:per\s?cent|pct)\b\.?", re.IGNORECASE)
_WORDS = {">=": "at least", "<=": "at most", ">": "more than", "<": "less than", "=": "exactly", "range": "between"}


@dataclass(frozen=True)
class Target:
    """A parsed KPI target; `high` is set only for ranges (comparator "range")."""

    comparator: str
    value: float
    unit: str
    high: float | None = None

    def to_dict(self) -> dict:
        return {"comparator": self.comparator, "value": self.value, "high": self.high, "unit": self.unit,
                "words": _WORDS[self.comparator]}


def _number(text: str) -> float:
    grouped = re.fullmatch(rf"[-+]?{_THOUSANDS}", text)
    value = float(text.replace(",", "") if grouped else text.replace(",", "."))
    return int(value) if value.is_integer() else value


def parse_target(text: str) -> Target | None:
    """Parse a target string; None when it does not follow the format (or is not a string)."""
    return _parse(text) if isinstance(text, str) else None


def _symbols(text: str) -> str:
    """A target in words as symbols: 'at least 95 percent' is '>= 95%', 'between 4.5 and 5' is '4.5 - 5'."""
    text = _PERCENT.sub("%", text)
    if (match := _WORD_RANGE.match(text)) is not None:
        return f"{match['low']} - {match['high']}"
    for pattern in (_WORD_BEFORE, _WORD_AFTER):
        if (match := pattern.match(text)) is not None:
            words = " ".join(match["words"].lower().split())
            table = _BEFORE if pattern is _WORD_BEFORE else _AFTER
            tail = match.groupdict().get("tail") or ""
            return f"{next(op for op, spelled in table.items() if words in spelled)} {match['rest']}{tail}"
    return text


@lru_cache(maxsize=4096)
def _parse(text: str) -> Target | None:
    """Remembered: a catalogue's targets repeat (">= 90%"), and a Target cannot change."""
    text = _symbols(text)
    match = _COMPARISON.match(text)
    if match:
        op = _CANONICAL.get(match["op"], match["op"])
        return Target(op, _number(match["value"]), (match["unit"] or "").strip())
    match = _RANGE.match(text)
    if match:
        unit = (match["unit"] or match["low_unit"] or "").strip()
        low, high = _number(match["low"]), _number(match["high"])
        if low <= high and (not match["low_unit"] or not match["unit"] or match["low_unit"].strip() == unit):
            return Target("range", low, unit, high)
    return None


_BARE = re.compile(rf"^\s*(?P<value>{_NUMBER}){_UNIT.format('unit')}\s*$")
_TYPOS = (("=>", ">="), ("=<", "<="), ("> =", ">="), ("< =", "<="))


def suggestion(text: str) -> str | None:
    """What an unreadable target most likely means, written as a target that reads: curly quotes dropped
    ('“>= 95%”'), a comparator typed backwards ('=> 95%'), or a number with no comparator ('95 percent': at least)."""
    from .lookalikes import curly_quoted

    inner = curly_quoted(text)
    if inner is not None and parse_target(inner) is not None:
        return inner
    for typo, fixed in _TYPOS:
        if typo in text and parse_target(text.replace(typo, fixed, 1)) is not None:
            return text.replace(typo, fixed, 1).strip()
    match = _BARE.match(_PERCENT.sub("%", text))
    if match is not None:
        unit = (match["unit"] or "").strip()
        return f">= {match['value']}{unit if unit in ('%', '') else ' ' + unit}"
    return None
