"""Language tags (BCP 47): their spelling, whether roledocs can write a language, and the `language` a catalogue
and each role are written in.

A tag names a language and optionally a script and a region (`de`, `de-CH`, `sr-Latn`, `pt-BR`). roledocs can write
every language the Unicode CLDR has data for, which Babel ships: numbers, money and dates come from that data. The
check runs right after the schema (which checks the tag's form), so an unknown tag is an error at its line. Babel is
loaded only for a tag that is not one of the built-in label catalogues' languages, so checking a catalogue in
English, German or another built-in language stays light.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..findings import Finding, Severity
from .checks.schema import INVALID_VALUE

DEFAULT = "en"
# The form of a tag, as the schemas check it: language, optional script, optional region, optional variants.
PATTERN = "^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?![\\s\\S])"


def normal(tag: str) -> str:
    """A tag spelt as BCP 47 recommends: `de-CH`, `sr-Latn-RS`, `es-419` (language lower case, script title case,
    region upper case)."""
    parts = tag.split("-")
    spelt = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            spelt.append(part.title())
        elif len(part) == 2 and part.isalpha() or len(part) == 3 and part.isdigit():
            spelt.append(part.upper())
        else:
            spelt.append(part.lower())
    return "-".join(spelt)


def base(tag: str) -> str:
    """The language of a tag without script or region: `de` for `de-CH`."""
    return tag.split("-", 1)[0].lower()


@lru_cache(maxsize=1)
def builtin_languages() -> frozenset[str]:
    """The languages whose labels ship with roledocs (a `<tag>.po` in the package's locale folder), plus English,
    the language of the templates themselves."""
    names = (entry.name for entry in resources.files("roledocs.locale").iterdir())
    return frozenset({DEFAULT, *(name[:-3] for name in names if name.endswith(".po"))})


@lru_cache(maxsize=256)
def known(tag: str) -> bool:
    """Whether roledocs can write the language of a (well-formed) tag: CLDR has data for it, through Babel."""
    if normal(tag) in builtin_languages():
        return True
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(normal(tag), sep="-")
    except (UnknownLocaleError, ValueError):
        return False
    return True


def configured(value: str | list[str] | None) -> tuple[str, ...]:
    """The languages a config's `language` names, spelt alike, first the one its files are written in (default
    English); a list names the languages the catalogue is published in."""
    if value is None:
        return (DEFAULT,)
    tags = [value] if isinstance(value, str) else value
    return tuple(dict.fromkeys(normal(tag) for tag in tags))


def of_role(data: dict, config) -> str:
    """The language a role file is written in: its own `language`, else the catalogue's."""
    tag = data.get("language")
    return normal(tag) if isinstance(tag, str) else config.language


def parse_list(text: str) -> tuple[str, ...]:
    """A comma-separated list of tags (`--language de,en`), spelt alike; ValueError names a tag of the wrong form
    or one roledocs cannot write."""
    tags = [tag.strip() for tag in text.split(",") if tag.strip()]
    if not tags:
        raise ValueError("give at least one language tag, e.g. --language de,en")
    for tag in tags:
        if not re.match(PATTERN, tag):
            raise ValueError(f"'{tag}' is not a language tag (BCP 47): {HELP}")
        if not known(tag):
            raise ValueError(unknown_message(tag))
    return tuple(dict.fromkeys(normal(tag) for tag in tags))


HELP = "a language code, optionally with a script and a region, joined by hyphens, like 'de', 'de-CH' or 'pt-BR'"


def unknown_message(tag: str) -> str:
    """Why a well-formed tag is refused."""
    return (f"'{tag}' is not a language roledocs can write (the Unicode CLDR has no data for it, so numbers, money "
            f"and dates could not be written in it); use a BCP 47 tag such as de, de-CH, fr, nb or pt-BR")


def check(document) -> list[Finding]:
    """An `invalid-value` finding at each `language` of a config or role file (already of the right form) that
    names a language roledocs cannot write."""
    value = document.data.get("language") if isinstance(document.data, dict) else None
    if value is None or document.kind not in ("config", "role"):
        return []
    places = [(("language",), value)] if isinstance(value, str) else \
        [(("language", index), tag) for index, tag in enumerate(value)]
    return [document.finding(location, Severity.ERROR, INVALID_VALUE.id, unknown_message(tag))
            for location, tag in places if isinstance(tag, str) and not known(tag)]
