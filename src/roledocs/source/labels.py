"""The label catalogues: gettext `.po` files that give the documents' fixed words (headings, labels, target wording,
frequencies, the RACI legend) in a language, read and compiled with Babel at first use.

The built-in catalogues ship in the package (the repository's `locale/<tag>.po`, from `locale/roledocs.pot`); a
catalogue's own `locale/<tag>.po`, beside roledocs.yaml, comes first, so a user fixes a label or adds a language
without touching a template. For `de-CH` the files of `de-CH`, then `de` are asked (the catalogue's own before the
built-in ones); a label that none translates is shown in English, the templates' own words, and validate says so
(translation-missing). Babel is imported only when a catalogue is read.
"""
from __future__ import annotations

import gettext
import io
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from ..errors import RoledocsError
from .language import DEFAULT, base, builtin_languages

FOLDER = "locale"
DOMAIN = "roledocs"
TEMPLATE = f"{DOMAIN}.pot"
ALIASES = {"no": "nb"}  # Norwegian: the built-in labels are Bokmål


def N_(message: str) -> str:
    """Marks a label for the catalogue template (roledocs.pot) where it is defined; it is translated where used."""
    return message


def candidates(tag: str) -> list[str]:
    """The catalogue names asked for a tag, most specific first: `sr-Latn-RS`, `sr-Latn`, `sr`."""
    parts = tag.split("-")
    names = ["-".join(parts[:end]) for end in range(len(parts), 0, -1)]
    alias = ALIASES.get(base(tag))
    return names + ([alias] if alias else [])


def own_folder(root: Path | None) -> Path | None:
    """A catalogue's own label folder (`locale/` beside roledocs.yaml), when it has one."""
    if root is None:
        return None
    folder = Path(root) / FOLDER
    return folder if folder.is_dir() else None


def files(tag: str, folder: Path | None) -> list[tuple[str, bytes]]:
    """The catalogues that give a tag's labels, as (name shown, bytes), in the order they are asked: those in a
    catalogue's own label folder (own_folder) for each candidate name, then the built-in ones."""
    found = []
    if folder is not None:
        for name in candidates(tag):
            path = folder / f"{name}.po"
            if path.is_file():
                found.append((path.as_posix(), _read(path)))
    builtin = resources.files("roledocs.locale")
    for name in candidates(tag):
        entry = builtin.joinpath(f"{name}.po")
        if entry.is_file():
            found.append((f"roledocs/locale/{name}.po", entry.read_bytes()))
    return found


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise RoledocsError(f"cannot read the label catalogue {path}: {error.strerror or error}") from error


class Compiled(NamedTuple):
    """One catalogue compiled: its gettext translations and the labels it translates (not fuzzy, not empty)."""

    translations: gettext.GNUTranslations
    translated: frozenset[str]


@lru_cache(maxsize=64)
def _compiled(shown: str, data: bytes, tag: str) -> Compiled:
    """One .po file compiled in memory (remembered by its bytes, so an edited file is read again)."""
    from babel import Locale
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import PoFileError, read_po
    from babel.support import Translations

    try:
        catalog = read_po(io.BytesIO(data), locale=Locale.parse(tag, sep="-"), domain=DOMAIN, abort_invalid=True)
    except (PoFileError, ValueError, UnicodeDecodeError) as error:
        raise RoledocsError(f"{shown}: not a gettext catalogue (.po) roledocs can read: {error}") from error
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    translated = frozenset(_first(m.id) for m in catalog if m.id and not m.fuzzy and
                           all(_as_tuple(m.string)))
    return Compiled(Translations(compiled, domain=DOMAIN), translated)


def _first(message_id) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def _as_tuple(string) -> tuple:
    return (string,) if isinstance(string, str) else tuple(string)


class Labels(gettext.NullTranslations):
    """A language's labels: the first of its catalogues that translates a message gives it, else it stays English."""

    def __init__(self, catalogues: list[Compiled]) -> None:
        super().__init__()
        self.catalogues = catalogues
        self._seen: dict[str, str] = {}  # a page asks for the same few dozen labels: look each up once

    def gettext(self, message: str) -> str:
        found = self._seen.get(message)
        if found is None:
            found = self._seen[message] = next((c.translations.gettext(message) for c in self.catalogues
                                                if message in c.translated), message)
        return found

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        for catalogue in self.catalogues:
            if singular in catalogue.translated:
                return catalogue.translations.ngettext(singular, plural, n)
        return singular if n == 1 else plural


def translations(tag: str, folder: Path | None = None) -> Labels:
    """The labels of a language, from its catalogues in the order they are asked (see files)."""
    return Labels(_catalogues(tag, folder))


def _catalogues(tag: str, folder: Path | None) -> list[Compiled]:
    return [_compiled(shown, data, tag) for shown, data in files(tag, folder)]


@lru_cache(maxsize=1)
def messages() -> tuple[str, ...]:
    """Every label of the built-in templates and documents (the msgids of roledocs.pot), in file order."""
    from babel.messages.pofile import read_po

    data = resources.files("roledocs.locale").joinpath(TEMPLATE).read_bytes()
    return tuple(_first(m.id) for m in read_po(io.BytesIO(data)) if m.id)


def missing(tag: str, folder: Path | None = None) -> list[str] | None:
    """The labels no catalogue translates into `tag` (English, the templates' own language, lacks none); None when
    no catalogue gives the language at all. `folder`: the catalogue's own label folder (own_folder)."""
    if base(tag) == DEFAULT:
        return []
    if folder is None and any(name in builtin_languages() for name in candidates(tag)):
        return []  # every built-in catalogue translates every label (tests/test_labels.py): no need to read it
    catalogues = _catalogues(tag, folder)
    if not catalogues:
        return None
    translated = frozenset().union(*(c.translated for c in catalogues))
    return [message for message in messages() if message not in translated]
