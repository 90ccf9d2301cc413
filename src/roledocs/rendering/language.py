"""A document's language: its labels (the gettext catalogues of source/labels.py) and Babel's formatting of numbers,
percentages, money and dates by the Unicode CLDR's rules for it.

Every document kind renders with one Language: templates through Jinja's i18n extension (`_()`, `{% trans %}`)
and the filters `number`, `percent`, `money` and `date`; the view models, Word and JSON-LD writers and the
analysis report through the same methods, so all formats say the same thing. Babel is imported here, on the first
document, never at start-up.
"""
from __future__ import annotations

from copy import copy
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from ..source import labels
from ..source.labels import N_  # noqa: F401  (where the rendering stage takes it from)
from ..source.language import DEFAULT, normal


def _decimal(value: int | float | Decimal) -> Decimal:
    """The number as written (99.9, not 99.900000000000006), so Babel prints what the file says."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


class Language:
    """The labels and number formats of one language (a BCP 47 tag), with a catalogue's own label folder."""

    def __init__(self, tag: str, folder: Path | None = None) -> None:
        from babel import Locale

        self.tag = normal(tag)
        self.locale = Locale.parse(self.tag, sep="-")
        self.labels = labels.translations(self.tag, folder)

    @property
    def name(self) -> str:
        """The language's name in itself: `Deutsch (Schweiz)`, `English`."""
        return self.locale.get_display_name(self.locale) or self.tag

    def __call__(self, message: str, **values) -> str:
        """A label in this language, its `%(name)s` places filled (a `%` of its own is written `%%`, as in
        templates)."""
        return self.labels.gettext(message) % values

    def ngettext(self, singular: str, plural: str, count: int, **values) -> str:
        """A label that depends on a count (`%(num)d role`, `%(num)d roles`), with `num` filled."""
        return self.labels.ngettext(singular, plural, count) % {"num": count, **values}

    @lru_cache(maxsize=4096)  # a catalogue's numbers repeat (time shares, targets); Babel takes ~0.1 ms each
    def number(self, value: int | float) -> str:
        """A number with the language's separators and every decimal it has: `1,000.5` / `1.000,5`."""
        from babel.numbers import format_decimal

        return format_decimal(_decimal(value), locale=self.locale, decimal_quantization=False)

    @lru_cache(maxsize=4096)
    def percent(self, value: int | float) -> str:
        """A number of percent (60 for 60%) as the language writes it: `60%`, `60 %`, `%60`."""
        from babel.numbers import format_percent

        return format_percent(_decimal(value) / 100, locale=self.locale, decimal_quantization=False)

    def percent_range(self, low: int | float, high: int | float) -> str:
        """A range of percentages with the sign once, where the language puts it: `80–90%`, `80–90 %`."""
        pattern = self.locale.percent_formats[None]
        return f"{pattern.prefix[0]}{self.number(low)}–{self.number(high)}{pattern.suffix[0]}"

    @lru_cache(maxsize=4096)
    def money(self, value: int | float, currency: str, cents: bool = True) -> str:
        """An amount of money in the language's currency format: `€72,000.50`, `72.000 €` (without cents: whole)."""
        from babel.numbers import format_currency

        if cents:
            return format_currency(_decimal(value), currency, locale=self.locale)
        pattern = copy(self.locale.currency_formats["standard"])
        pattern.frac_prec = (0, 0)
        return pattern.apply(_decimal(value), self.locale, currency=currency, currency_digits=False)

    def date(self, value, length: str = "long") -> str:
        """A date (a `datetime.date` or `YYYY-MM-DD`) as the language writes it: `March 1, 2026`, `1. März 2026`."""
        from datetime import date
        from babel.dates import format_date

        day = date.fromisoformat(value) if isinstance(value, str) else value
        return format_date(day, length, locale=self.locale)


@lru_cache(maxsize=64)
def _language(tag: str, folder: Path | None) -> Language:
    return Language(tag, folder)


@lru_cache(maxsize=64)
def _label_folder(root: Path | None) -> Path | None:
    """A catalogue's own label folder, looked up once per process (as its templates are)."""
    folder = labels.own_folder(root)
    return folder.resolve() if folder is not None else None


def language_of(tag: str | None, catalogue=None) -> Language:
    """The Language of a tag (None: the catalogue's language) with the catalogue's own label files (its
    `locale/` folder), made once per tag and folder."""
    if tag is None:
        tag = catalogue.config.language if catalogue is not None else DEFAULT
    return _language(normal(tag), _label_folder(getattr(catalogue, "root", None)))
