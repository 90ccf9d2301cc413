"""Rules about languages: translations (`x-<tag>` blocks) match what they translate, and every language the
catalogue is published in has its text and its labels (docs/render.md, "Languages")."""
from __future__ import annotations

from ..findings import Severity
from ..hints import did_you_mean
from ..source import translations
from ..source.language import base, normal
from ..source.targets import parse_target
from .registry import Problem, rule

ROLE_ITEMS = (("duties", "id", "duty"), ("kpis", "id", "KPI"))
TEAM_ITEMS = (("activities", "id", "activity"), ("parties", "id", "party"))


def _unknown(document, block_key: str, block: dict, section: str, key: str, what: str):
    """A problem for each entry of a block's `section` that names no item of the file's `section`."""
    known = [item[key] for item in document.data.get(section, [])]
    for name in block.get(section) or {}:
        if name not in known:
            yield Problem(document, (block_key, section, name), f"{block_key} translates the {what} '{name}', but "
                          f"this file has no {what} with the {key} '{name}'; {did_you_mean(name, known)}"
                          f"translate one of: {', '.join(known)}", at_key=True)


def _same_target(original: str, translated: str) -> bool:
    """Whether two KPI targets say the same: the same comparison and numbers (the unit may be translated)."""
    first, second = parse_target(original), parse_target(translated)
    return first is not None and second is not None and \
        (first.comparator, first.value, first.high) == (second.comparator, second.value, second.high) and \
        (first.unit == "%") == (second.unit == "%")


def _targets(document, block_key: str, block: dict):
    targets = {kpi["id"]: kpi["target"] for kpi in document.data["kpis"]}
    for kpi_id, entry in (block.get("kpis") or {}).items():
        if kpi_id in targets and "target" in entry and not _same_target(targets[kpi_id], entry["target"]):
            yield Problem(document, (block_key, "kpis", kpi_id, "target"), f"the translated target "
                          f"'{entry['target']}' does not say the same as the target '{targets[kpi_id]}': keep the "
                          "comparison and the numbers, and translate only the unit")


@rule("translation-mismatch")
def translation_mismatch(document, catalogue):
    """A role's translation (an `x-<tag>` block for a language the catalogue is published in) translates only
    duties and KPIs the role has (by id) and skills it has (by name), and a translated KPI target says the same
    as the target: the same comparison and numbers, only the unit in the other language.

    **Bad**: a role written in British English for a catalogue published in English, `language: en-GB`, with
    `x-en: {duties: {plan: {title: Plan the project}}}` when no duty has `id: plan`

    **Good**: `language: en-GB` with `x-en: {duties: {review-code: {title: Review the code}}}` for its duty
    `review-code`
    """
    for key, block in translations.blocks(document, catalogue.config).values():
        for section, item_key, what in ROLE_ITEMS:
            yield from _unknown(document, key, block, section, item_key, what)
        names = [skill["name"] for skill in document.data["skills"]]
        for name in block.get("skills") or {}:
            if name not in names:
                yield Problem(document, (key, "skills", name), f"{key} translates the skill '{name}', but this "
                              f"role has no skill of that name; {did_you_mean(name, names)}use the name as written "
                              "under skills", at_key=True)
        yield from _targets(document, key, block)


@rule("translation-mismatch-team", scope="team")
def translation_mismatch_team(document, catalogue):
    """A team's translation (an `x-<tag>` block) translates only activities and parties the team has (by id) and
    phases its activities name (see translation-mismatch).

    **Bad**: in a catalogue published in English and British English, a team's block for British English that
    translates an activity the team does not have (ghost)

    **Good**: the same block translating the team's activity plan, as "Plan the sprint"
    """
    for key, block in translations.blocks(document, catalogue.config).values():
        for section, item_key, what in TEAM_ITEMS:
            yield from _unknown(document, key, block, section, item_key, what)
        phases = list(dict.fromkeys(a["phase"] for a in document.data.get("activities", []) if "phase" in a))
        for phase in block.get("phases") or {}:
            if phase not in phases:
                yield Problem(document, (key, "phases", phase), f"{key} translates the phase '{phase}', but no "
                              f"activity of this team is in that phase; {did_you_mean(phase, phases)}use a phase as "
                              "written under activities", at_key=True)


def _role_gaps(document, key: str, block: dict):
    """Where a role's translation leaves prose out: (data path, what) for each."""
    data = document.data
    for field in translations.ROLE_PROSE:
        if field not in block:
            yield (field,), f"the {field}"
    for section, item_key, what in ROLE_ITEMS:
        given = block.get(section) or {}
        prose = translations.DUTY_PROSE if section == "duties" else translations.KPI_PROSE
        for index, item in enumerate(data[section]):
            for field in prose:
                if field not in given.get(item[item_key], {}):
                    yield (section, index, field), f"the {field} of the {what} '{item[item_key]}'"
    given = block.get("qualifications") or {}
    for field in translations.QUALIFICATION_PROSE:
        if (data.get("qualifications") or {}).get(field) and field not in given:
            yield ("qualifications", field), f"the {field} lines"


def _team_gaps(document, key: str, block: dict):
    data = document.data
    for field in translations.TEAM_PROSE:
        if field not in block:
            yield (field,), f"the {field}"
    for section, item_key, what in TEAM_ITEMS:
        given = block.get(section) or {}
        for index, item in enumerate(data.get(section, [])):
            if "name" not in given.get(item[item_key], {}):
                yield (section, index, "name"), f"the name of the {what} '{item[item_key]}'"


def _text_problems(document, config):
    """translation-missing for one role or team file: each published language its text is not in."""
    own = translations.own_language(document, config)
    found = translations.blocks(document, config)
    gaps = _role_gaps if document.kind == "role" else _team_gaps
    for language in config.languages:
        if base(language) == base(own):
            continue
        key = translations.key(language)
        if language not in found:
            yield Problem(document, ("id",), f"this {document.kind} has no text in '{language}', a language the "
                          f"catalogue is published in, so its '{language}' documents show it in '{own}': add a "
                          f"block '{key}:' with its translation")
            continue
        written = found[language][0]
        for location, what in gaps(document, written, found[language][1]):
            yield Problem(document, location, f"{written} does not translate {what}, so the '{language}' "
                          f"documents show it in '{own}'")


def _label_problems(catalogue):
    """translation-missing for the labels: each language documents are written in (the catalogue's languages
    and the roles' own) whose label catalogues lack labels, reported once, where the language is named."""
    from ..source import labels

    places = {}
    config = catalogue.config_document
    value = config.data.get("language") if config is not None else None
    for index, tag in enumerate([value] if isinstance(value, str) else value or []):
        places.setdefault(normal(tag), (config, ("language",) if isinstance(value, str) else ("language", index)))
    for document in sorted(catalogue.roles_checked, key=lambda d: d.path):
        if "language" in document.data:
            places.setdefault(translations.own_language(document, catalogue.config), (document, ("language",)))
    for language, (document, location) in places.items():
        gaps = labels.missing(language, labels.own_folder(catalogue.root))
        if gaps is None:
            yield Problem(document, location, f"roledocs has no labels in '{language}' (headings, field names, "
                          f"target words), so its documents show them in English: add locale/{language}.po to the "
                          "catalogue (docs/render.md, 'Adding a language')")
            continue
        for message in gaps:
            yield Problem(document, location, f"the label '{message}' has no '{language}' translation, so "
                          f"documents show it in English: add it to locale/{language}.po")


@rule("translation-missing", Severity.WARNING, scope="catalogue", needs_catalogue=True)
def translation_missing(catalogue):
    """Every language the catalogue is published in (roledocs.yaml `language`, or `roledocs build --language`) has
    the text of every role and team, and every language documents are written in has its labels.

    A role or team written in one language is translated in an `x-<tag>` block: a missing block, or a block that
    leaves out the title, summary, a duty's title or description, a KPI's name or measure, or the education and
    experience lines (a team: its name, mission, activities and parties) is shown in the file's own language on
    the other language's pages. A label (a heading, a field name, a target's words) that no label catalogue
    translates is shown in English; each missing one is reported once, at the `language` that asks for it. Names
    that often stay the same (family, level, location, skills, certifications, targets, phases) are not required.

    **Bad**: `language: [en, de]` in roledocs.yaml, and roles and teams without an `x-de` block

    **Good**: `language: [en, en-GB]`: a region of the files' own language reads their text as written (for
    English and German, each role and team gives an x-de block with its title, summary, duties and KPIs)
    """
    for document in [*catalogue.roles_checked, *catalogue.teams_checked]:
        yield from _text_problems(document, catalogue.config)
    yield from _label_problems(catalogue)
