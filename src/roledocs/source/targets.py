"""KPI targets: the small language of `">= 90%"`, `"< 2 days"` and `"4.5 - 5"`, parsed for checks and templates."""
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


@lru_cache(maxsize=4096)
def _parse(text: str) -> Target | None:
    """Remembered: a catalogue's targets repeat (">= 90%"), and a Target cannot change."""
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
