"""Reading a role's `location` text: the way of working ("Hybrid", "Remote") and the postal address, so a job
posting can give search engines a structured place (JobPosting jobLocation) instead of free text."""
from __future__ import annotations

import re
from dataclasses import dataclass

# A comma-separated part that only says how the work is done: "Hybrid", "Remote (EU)", "On-site", "In office".
_MODE = re.compile(r"(?P<mode>hybrid|remote|on[- ]?site|in[- ]office)(?:\s*\((?P<note>[^)]*)\))?", re.IGNORECASE)
# The last part is the country when it is an ISO 3166-1 alpha-2 code ("DE"); before it comes "10117 Berlin" (a
# postal code of at least three digits or hyphens, then the locality), "CA 95014" (a region code and a US ZIP code,
# after the locality) or the locality alone; whatever is left is the street address.
_COUNTRY = re.compile(r"[A-Z]{2}")
_POSTAL_LOCALITY = re.compile(r"(?P<postalCode>\d[\d-]{2,})\s+(?P<addressLocality>\D.*)")
_REGION_ZIP = re.compile(r"(?P<addressRegion>[A-Z]{2})\s+(?P<postalCode>\d{5}(?:-\d{4})?)")
ADDRESS_KEYS = ("streetAddress", "postalCode", "addressLocality", "addressRegion", "addressCountry")


@dataclass(frozen=True)
class Location:
    """A location text read: `mode` (hybrid, remote, on-site or None), `address` (PostalAddress fields in
    ADDRESS_KEYS order, or None when no place can be read) and the text as written."""

    text: str
    mode: str | None
    address: dict[str, str] | None

    @property
    def country(self) -> str | None:
        """The ISO 3166-1 alpha-2 country code, when the text ends in one."""
        return (self.address or {}).get("addressCountry")


def _mode(part: str) -> str | None:
    match = _MODE.fullmatch(part)
    if match is None:
        return None
    word = match.group("mode").lower()
    return "on-site" if word.replace(" ", "-") in ("on-site", "onsite", "in-office") else word


def _address(parts: list[str]) -> dict[str, str] | None:
    """PostalAddress fields read from the end of the parts; None when they cannot be read safely (no country code
    and more than one part: "Berlin, de" could be anything)."""
    if not parts:
        return None
    found: dict[str, str] = {}
    if _COUNTRY.fullmatch(parts[-1]):
        found["addressCountry"] = parts.pop()
        if parts and (match := _REGION_ZIP.fullmatch(parts[-1])):
            found.update(match.groupdict())
            parts.pop()
    elif len(parts) > 1:
        return None
    if parts:
        match = None if "postalCode" in found else _POSTAL_LOCALITY.fullmatch(parts[-1])
        found.update(match.groupdict() if match else {"addressLocality": parts[-1]})
        parts.pop()
    if parts:
        found["streetAddress"] = ", ".join(parts)
    return {key: found[key] for key in ADDRESS_KEYS if key in found}


def read_location(text: str) -> Location:
    """A location text split at commas (parts trimmed, empty ones dropped): parts naming the way of working are
    taken out first, the rest is read as a postal address from its end."""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    modes = [mode for part in parts if (mode := _mode(part))]
    place = [part for part in parts if not _mode(part)]
    return Location(text, modes[0] if modes else None, _address(place))
