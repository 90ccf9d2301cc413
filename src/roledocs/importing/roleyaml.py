"""A Draft as a role file: the editor schema modeline, a note of where it came from, every key in the format's
order, and a marked placeholder (TODO, which `validate` reports as placeholder-text) wherever the source was
silent. Nothing is invented: no time shares, KPI targets or skill levels a source did not give."""
from __future__ import annotations

from collections import Counter

import yaml

from .draft import Draft, short_id

TITLE = "TODO Job title"
SUMMARY = "TODO The purpose of the role in one to three sentences: what it achieves and for whom."
DUTY_TITLE = "TODO A short title for this duty"
DUTY_DESCRIPTION = "TODO What is done, how, and to what standard."
SKILL_NAME = "TODO Skill name"
LEVEL = "TODO 1-5"
KPI_NAME = "TODO KPI name"
KPI_MEASURE = "TODO What is counted or measured"
KPI_TARGET = "TODO A target such as '>= 90%'"
KPI_FREQUENCY = "TODO weekly, monthly, quarterly or yearly"
_GAP_NAMES = {("title",): "title", ("summary",): "summary", ("duties", "title"): "duty title",
              ("duties", "description"): "duty description", ("skills", "name"): "skill",
              ("skills", "level"): "skill level", ("kpis", "name"): "KPI name", ("kpis", "measure"): "KPI measure",
              ("kpis", "target"): "KPI target", ("kpis", "frequency"): "KPI frequency"}


def _duties(draft: Draft) -> list[dict]:
    taken = {duty["id"] for duty in draft.duties if duty.get("id")}
    duties = []
    for duty in draft.duties or [{}]:
        title, description = duty.get("title"), duty.get("description")
        entry = {"id": duty.get("id") or short_id(title or description or "", taken, "duty"),
                 "title": title or DUTY_TITLE, "description": description or DUTY_DESCRIPTION}
        entry.update({key: duty[key] for key in ("time_share", "frequency", "essential") if duty.get(key) is not None})
        duties.append(entry)
    return duties


def _skills(draft: Draft) -> list[dict]:
    seen, skills = set(), []
    for skill in draft.skills or [{}]:
        name = skill.get("name") or SKILL_NAME
        if name.casefold() in seen:
            continue
        seen.add(name.casefold())
        entry = {"name": name, "level": skill.get("level") or LEVEL}
        if skill.get("required") is False:
            entry["required"] = False
        skills.append(entry)
    return skills


def _kpis(draft: Draft, duty_ids: set[str]) -> list[dict]:
    taken: set[str] = {kpi["id"] for kpi in draft.kpis if kpi.get("id")}
    kpis = []
    for kpi in draft.kpis or [{}]:
        name = kpi.get("name")
        kpis.append({"id": kpi.get("id") or short_id(name or kpi.get("measure") or "", taken, "kpi"),
                     "name": name or KPI_NAME, "measure": kpi.get("measure") or KPI_MEASURE,
                     "target": kpi.get("target") or KPI_TARGET, "frequency": kpi.get("frequency") or KPI_FREQUENCY,
                     **({"duties": kpi["duties"]} if [d for d in kpi.get("duties", []) if d in duty_ids] else {})})
    return kpis


def role_data(draft: Draft, role_id: str) -> dict:
    """The role file's data, keys in the format's order, placeholders in the gaps."""
    duties = _duties(draft)
    data = {"roledocs": 1, "kind": "role", "id": role_id, "title": draft.title or TITLE}
    for key in ("family", "level", "reports_to", "employment_type", "location"):
        if getattr(draft, key):
            data[key] = getattr(draft, key)
    if draft.occupation:
        data["occupation"] = dict(draft.occupation)
    data.update(summary=draft.summary or SUMMARY, duties=duties, skills=_skills(draft),
                kpis=_kpis(draft, {duty["id"] for duty in duties}))
    qualifications = {key: draft.qualifications[key] for key in ("education", "experience", "certifications")
                      if draft.qualifications.get(key)}
    if qualifications:
        data["qualifications"] = qualifications
    if draft.compensation:
        data["compensation"] = draft.compensation
    if draft.attribution:
        data["attribution"] = draft.attribution
    return data


def gaps(data: dict) -> list[str]:
    """What is left to fill, counted: `title`, `3 duty titles`, `2 skill levels`."""
    counts: Counter[str] = Counter()
    for key in ("title", "summary"):
        if str(data[key]).startswith("TODO"):
            counts[_GAP_NAMES[(key,)]] += 1
    for key in ("duties", "skills", "kpis"):
        for entry in data[key]:
            for field, value in entry.items():
                if isinstance(value, str) and value.startswith("TODO") and (key, field) in _GAP_NAMES:
                    counts[_GAP_NAMES[(key, field)]] += 1
    return [name if count == 1 else f"{count} {_plural(name)}" for name, count in counts.items()]


def _plural(name: str) -> str:
    """'KPI frequency' -> 'KPI frequencies', 'skill' -> 'skills'."""
    return name[:-1] + "ies" if name.endswith("y") else name + "s"


def role_yaml(data: dict, schema: str, source: str, notes: list[str]) -> str:
    """The role file's text: modeline, where it came from and what to do next, notes, then the data."""
    header = [f"# yaml-language-server: $schema={schema}",
              f"# Imported from {source} by `roledocs import`. Replace every TODO, then check it: "
              f"roledocs validate {data['id']}.yaml"]
    header += [f"# - {note}" for note in notes]
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110, default_flow_style=False)
    return "\n".join(header) + "\n" + body
