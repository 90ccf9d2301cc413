"""Translated text in role and team files: a top-level block `x-<tag>` per language the catalogue publishes.

`x-` keys are every version-1 file's own extensions, so a file with translations stays valid for any roledocs that
reads format 1. A block counts as a translation when its tag is one of the catalogue's languages (roledocs.yaml
`language`, or `build --language`); its form is checked here against the schema's `translation` definition, right
after the file's schema, and the rules check what it names (translation-mismatch, translation-missing). A
document in a language is the file's data with its block laid over it: what the block leaves out stays as written.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from .language import base, normal, of_role

PREFIX = "x-"
# What a translation must give for the text to read as that language (translation-missing): prose. Names that
# often stay the same across languages (family, level, location, skills, certifications, targets, phases) are
# taken as written when a block leaves them out.
ROLE_PROSE = ("title", "summary")
DUTY_PROSE = ("title", "description")
KPI_PROSE = ("name", "measure")
QUALIFICATION_PROSE = ("education", "experience")
TEAM_PROSE = ("name", "mission")


def key(tag: str) -> str:
    """The block's key for a language: `x-de-CH`."""
    return f"{PREFIX}{tag}"


def own_language(document, config) -> str:
    """The language a role or team file is written in (a team: the catalogue's)."""
    return of_role(document.data, config) if document.kind == "role" else config.language


def blocks(document, config) -> dict[str, tuple[str, Any]]:
    """The translation blocks of a file by language: the key as written and its value, for every `x-<tag>` whose
    tag (in any letter case) is a language the catalogue publishes, other than the file's own."""
    published = set(config.languages) - {own_language(document, config)}
    found: dict[str, tuple[str, Any]] = {}
    if not published or not isinstance(document.data, dict):
        return found
    for name, value in document.data.items():
        if isinstance(name, str) and name.startswith(PREFIX) and len(name) > 2:
            tag = normal(name[2:])
            if tag in published:
                found.setdefault(tag, (name, value))
    return found


def published_elsewhere(document, config) -> bool:
    """Whether the catalogue is published in a language other than the file's own, so that its text needs a
    translation (a regional variant, `de-CH` for `de`, reads the same text)."""
    own = base(own_language(document, config))
    return any(base(language) != own for language in config.languages)


@lru_cache(maxsize=None)
def _validator(kind: str):
    """The schema of a translation block (`$defs/translation` of the kind's schema), which the file's own schema
    leaves free (an `x-` key)."""
    from jsonschema import Draft202012Validator

    from .schema import schema

    return Draft202012Validator({"$ref": "#/$defs/translation", "$defs": schema(kind)["$defs"]})


def check(document, config) -> list:
    """Findings for translation blocks whose form is wrong (unknown keys, wrong types), as the schema reports them,
    at their place in the file."""
    from .schema import explain

    findings: dict = {}
    for name, value in blocks(document, config).values():
        for error in _validator(document.kind).iter_errors(value):
            findings.update(dict.fromkeys(explain(document, error, (name,))))
    return list(findings)


def _by_key(items: list[dict], key_name: str, block: dict | None) -> list[dict]:
    if not block:
        return items
    return [{**item, **block[item[key_name]]} if item[key_name] in block else item for item in items]


def _role(data: dict, block: dict) -> dict:
    merged = {**data, **{k: block[k] for k in ("title", "family", "level", "location", "summary") if k in block}}
    merged["duties"] = _by_key(data["duties"], "id", block.get("duties"))
    merged["kpis"] = _by_key(data["kpis"], "id", block.get("kpis"))
    names = block.get("skills") or {}
    merged["skills"] = [{**s, "name": names[s["name"]]} if s["name"] in names else s for s in data["skills"]]
    if "qualifications" in block:
        merged["qualifications"] = {**(data.get("qualifications") or {}), **block["qualifications"]}
    return merged


def _team(data: dict, block: dict) -> dict:
    merged = {**data, **{k: block[k] for k in TEAM_PROSE if k in block}}
    phases = block.get("phases") or {}
    activities = _by_key(data.get("activities", []), "id", block.get("activities"))
    merged["activities"] = [{**a, "phase": phases.get(a["phase"], a["phase"])} if "phase" in a else a
                            for a in activities]
    if "parties" in data:
        merged["parties"] = _by_key(data["parties"], "id", block.get("parties"))
    return merged


def language_of(document, config, wanted: str | None) -> str:
    """The language a file's document is in when `wanted` is asked for: `wanted` when the file is written in it or
    translates it, else the file's own (its text would not be in `wanted`)."""
    own = own_language(document, config)
    if wanted is None or normal(wanted) == own:
        return own
    return normal(wanted) if normal(wanted) in blocks(document, config) else own


def text_in(document, config, language: str) -> dict:
    """The file's data in `language` (from language_of): its translation block laid over it, or the data itself."""
    found = blocks(document, config).get(language)
    if found is None or not isinstance(found[1], dict):
        return document.data
    return _role(document.data, found[1]) if document.kind == "role" else _team(document.data, found[1])
