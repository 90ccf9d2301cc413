"""The catalogue config (roledocs.yaml): found by walking up from a path, read with defaults filled in."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from .language import DEFAULT as DEFAULT_LANGUAGE, configured

CONFIG_NAMES = ("roledocs.yaml", "roledocs.yml")


def find_config(start: Path) -> Path | None:
    """The nearest roledocs.yaml in `start` (a folder) or the folders above it."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            try:
                if (candidate / name).is_file():
                    return candidate / name
            except OSError:  # a folder we may not look into holds no config we could use
                continue
    return None


def is_config_file(path: Path) -> bool:
    """Whether a file is the catalogue config (roledocs.yaml or roledocs.yml), told by its name."""
    return path.name in CONFIG_NAMES


# All that the one-file rules may read of the config: `lint` (which rules run), `quality` (their options), the
# files' language and the languages published (loading checks translation blocks against them, and rules that read
# English words skip roles in other languages) and what rules declare they read (`@rule(settings=...)`;
# tests/check/test_cache.py holds every rule to its declaration).
FILE_CHECK_FIELDS = ("lint", "quality", "language", "languages", "organization", "organization_links", "posting",
                     "review_cycle_months", "today")


@dataclass
class Config:
    """Organisation settings; every field has a default so a catalogue needs no config at all."""

    organization: str = ""
    # The organisation's links for job postings (`organization` given as a block): url, same_as (a list), logo.
    organization_links: dict[str, Any] = field(default_factory=lambda: {"url": None, "same_as": [], "logo": None})
    logo: str | None = None
    templates: str | None = None
    output: str = "site"
    page_size: str = "A4"
    review_cycle_months: int = 12
    language: str = DEFAULT_LANGUAGE  # the files' language (the first `language` listed)
    languages: tuple[str, ...] = (DEFAULT_LANGUAGE,)  # the languages documents are published in
    lint: dict[str, str] = field(default_factory=dict)
    analysis: dict[str, Any] = field(default_factory=dict)
    quality: dict[str, Any] = field(default_factory=dict)
    posting: dict[str, Any] = field(default_factory=dict)
    extensions: dict[str, Any] = field(default_factory=dict)
    # Not read from roledocs.yaml: the day review cycles are judged against (`validate --today`), None for the
    # current date. It travels with the config because the config is what every file's rules are given.
    today: str | None = None

    def publishing(self, languages: tuple[str, ...]) -> Config:
        """The same settings published in other languages (`roledocs build --language`); the files' language
        stays as the config says."""
        return replace(self, languages=languages)

    def setting(self, section: str, key: str, default: Any) -> Any:
        """A value of the `analysis` or `quality` section, or `default` (declared by the rule or analysis that reads
        it) when unset."""
        value = getattr(self, section).get(key)
        return default if value is None else value

    def for_file_checks(self) -> Config:
        """The part of the config the one-file rules are given (FILE_CHECK_FIELDS), `today` made the current date
        when unset: a file's own findings depend on nothing else but its bytes and name, which is what the content
        cache keys them by (check/cache.py)."""
        kept = {name: getattr(self, name) for name in FILE_CHECK_FIELDS}
        return Config(**{**kept, "today": self.today or date.today().isoformat()})

    @classmethod
    def from_data(cls, data: dict | None) -> Config:
        """Build from validated config data (None gives the defaults)."""
        from .posting import organization_parts

        data = data or {}
        known = {k: data[k] for k in ("logo", "templates", "output", "page_size", "review_cycle_months", "lint",
                                      "analysis", "quality", "posting") if k in data}
        name, links = organization_parts(data.get("organization"))
        extensions = {k: v for k, v in data.items() if k.startswith("x-")}
        languages = configured(data.get("language"))
        return cls(organization=name, organization_links=links, **known, language=languages[0], languages=languages,
                   extensions=extensions)

    def to_dict(self) -> dict:
        return {"organization": self.organization, "organization_links": dict(self.organization_links),
                "logo": self.logo, "templates": self.templates, "output": self.output, "page_size": self.page_size,
                "review_cycle_months": self.review_cycle_months, "language": list(self.languages),
                "lint": dict(self.lint), "analysis": dict(self.analysis), "quality": dict(self.quality),
                "posting": dict(self.posting), **self.extensions}
