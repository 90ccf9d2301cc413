"""Reporters of the team analysis (`roledocs analyze --format`): text for a manager in the team's language, stable
JSON for tools (its keys and values are data, the same in every language)."""
from __future__ import annotations

import json
from typing import Any, Callable

from ..team.redistribution import PHASE
from .language import N_, Language
from .raci import running

STATUSES = {"met": N_("met"), "gap": N_("gap"), "not assessed": N_("not assessed")}
FLAGS = {"overloaded": N_("overloaded"), "idle": N_("idle")}
# the letters a redistribution moves, named as running text names them (the labels of raci.RUNNING)
KINDS = {"accountable": N_("accountable"), "responsible": N_("responsible")}


def _table(header: list[str], rows: list[list[str]], numeric: set[int], indent: str = "  ") -> list[str]:
    """Rows under a header, every column as wide as its widest cell; numeric columns right-aligned."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]

    def line(cells: list[str]) -> str:
        parts = [str(c).rjust(w) if i in numeric else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths))]
        return (indent + "  ".join(parts)).rstrip()

    return [line(header)] + [line(row) for row in rows]


def percent(share: float | None, language: Language) -> str:
    """A share (0.5) as a whole percentage in the language (`50%`, `50 %`), or a dash when there is nothing to share."""
    return "-" if share is None else language.percent(round(share * 100))


def _workload(result: dict, language: Language) -> list[str]:
    profile = result["profile"]
    letters = [entry["letter"] for entry in profile["letters"]]
    rows = []
    for role in result["workload"]:
        seats = f"{role['people']}/{role['headcount']}"
        if role["unfilled"]:
            seats += " " + language(N_("(%(count)s unfilled)"), count=role["unfilled"])
        rows.append([role["title"] + (" " + language(N_("(lead)")) if role["lead"] else ""),
                     *(str(role["letters"][letter]) for letter in letters),
                     percent(role["accountable_share"], language), percent(role["responsible_share"], language),
                     "-" if role["time_share"] is None else language.percent(role["time_share"]), seats,
                     ", ".join(language(FLAGS[flag]) for flag in role["flags"]) or "-"])
    header = [language(N_("Role")), *letters, language(profile["accountable"]["name"]),
              language(profile["responsible"]["name"]), language(N_("Duty time")), language(N_("People/seats")),
              language(N_("Flags"))]
    return [language(N_("Workload (from the %(profile)s matrix)"), profile=profile["title"]),
            *_table(header, rows, set(range(1, len(letters) + 4)))]


def _coverage(result: dict, titles: dict[str, str], language: Language) -> list[str]:
    lines = [language(N_("Skill coverage (each person against the required skills of their role)"))]
    if not result["coverage"]:
        return lines + ["  " + language(N_("No people are named in the team file, so there is nothing to compare."))]
    for person in result["coverage"]:
        lines.append("  " + language(N_("%(person)s, %(role)s: %(met)s met, %(gaps)s, %(unassessed)s not assessed"),
                                     person=person["person"], role=titles[person["role"]], met=person["met"],
                                     gaps=language.ngettext("%(num)d gap", "%(num)d gaps", person["gaps"]),
                                     unassessed=person["not_assessed"]))
        rows = [[s["skill"], str(s["required"]), "-" if s["assessed"] is None else str(s["assessed"]),
                 "-" if s["gap"] is None else str(s["gap"]), language(STATUSES[s["status"]])] for s in person["skills"]]
        header = [language(N_("Skill")), language(N_("Required")), language(N_("Has")), language(N_("Gap")),
                  language(N_("Status"))]
        lines += _table(header, rows, {1, 2, 3}, indent="    ")
    return lines


def _risk_lines(entries: list[dict], titles: dict[str, str], who: bool, language: Language) -> list[str]:
    lines = []
    for entry in entries:
        roles = ", ".join(titles[r] for r in entry["roles"])
        line = "    " + language(N_("%(skill)s at level %(level)s"), skill=entry["skill"], level=entry["level"])
        line += f" ({roles})"
        if who:
            line += ": " + language(N_("only %(person)s"), person=entry["people"][0])
        if entry["not_assessed"]:
            line += "; " + language(N_("not assessed: %(people)s"), people=", ".join(entry["not_assessed"]))
        lines.append(line)
    return lines or ["    " + language(N_("none"))]


def _risks(result: dict, titles: dict[str, str], language: Language) -> list[str]:
    risks = result["risks"]
    return [language(N_("Skill risks (required skills, counting everyone in the team who reaches the level)")),
            "  " + language(N_("Met by one person only (a single point of failure)")) + ":",
            *_risk_lines(risks["single_point_of_failure"], titles, True, language),
            "  " + language(N_("Met by nobody")) + ":",
            *_risk_lines(risks["uncovered"], titles, False, language)]


def reason(text: str, language: Language, skills: dict[str, str] | None = None,
           phases: dict[str, str] | None = None) -> str:
    """Why a redistribution's receiving role fits (team/redistribution.py: a skill's name, or `phase: X`) in the
    language, skill and phase names as `skills` and `phases` give them (source name -> shown name)."""
    if text.startswith(PHASE):
        phase = text[len(PHASE):]
        return language(N_("phase: %(phase)s"), phase=(phases or {}).get(phase, phase))
    return (skills or {}).get(text, text)


def _redistribution(result: dict, language: Language) -> list[str]:
    lines = [language(N_("Proposed redistribution (never applied to files)"))]
    if not result["redistribution"]:
        return lines + ["  " + language(N_("No role is overloaded."))]
    for proposal in result["redistribution"]:
        outcome = language(N_("within the threshold")) if proposal["resolved"] else language(
            N_("still over the threshold (%(limit)s at most): no fitting role can take more"), limit=proposal["limit"])
        lines.append("  " + language(N_("%(role)s, %(kind)s (%(letter)s) on %(before)s -> %(after)s, %(outcome)s"),
                                     role=proposal["title"], kind=language(KINDS[proposal["kind"]]), letter=proposal["letter"],
                                     before=proposal["before"], after=proposal["after"], outcome=outcome))
        lines += ["    " + language(N_("hand %(activity)s to %(role)s (%(reasons)s)"), activity=move["activity"],
                                     role=move["title"],
                                     reasons=", ".join(reason(text, language) for text in move["because"]))
                  for move in proposal["moves"]]
    return lines


def overload_sentence(profile: dict, limits: dict, language: Language) -> str:
    """When a role counts as overloaded or idle, in the words of the team's RACI profile and the language."""
    accountable, responsible = profile["accountable"], profile["responsible"]
    return language(N_("A role is overloaded when it is %(accountable)s (%(a)s) on more than %(accountable_share)s or "
                       "%(responsible)s (%(r)s) on more than %(responsible_share)s of the activities, and idle when it "
                       "is neither on any."),
                    accountable=running(accountable["name"], language), a=accountable["letter"],
                    responsible=running(responsible["name"], language), r=responsible["letter"],
                    accountable_share=percent(limits["accountable_max_share"], language),
                    responsible_share=percent(limits["responsible_max_share"], language))


def text(result: dict[str, Any], language: Language) -> str:
    """The whole analysis as text in the language, sections separated by blank lines."""
    totals, limits = result["totals"], result["thresholds"]
    titles = {role["role"]: role["title"] for role in result["workload"]}
    counts = [language.ngettext("%(num)d activity", "%(num)d activities", totals["activities"]),
              language.ngettext("%(num)d role", "%(num)d roles", totals["roles"]),
              language.ngettext("%(num)d seat", "%(num)d seats", totals["headcount"]),
              language(N_("%(count)s named"), count=totals["people"]),
              language(N_("%(count)s unfilled"), count=totals["unfilled"])]
    head = [language(N_("%(team)s (%(id)s): team analysis"), team=result["team"]["name"], id=result["team"]["id"]),
            ", ".join(counts),
            overload_sentence(result["profile"], limits, language)]
    sections = [head, _workload(result, language), _coverage(result, titles, language),
                _risks(result, titles, language), _redistribution(result, language)]
    return "\n\n".join("\n".join(section) for section in sections) + "\n"


def json_text(result: dict[str, Any], language: Language | None = None) -> str:
    """The analysis as JSON with sorted keys (lists keep the team file's order), documented in docs/teams.md; the
    same in every language."""
    return json.dumps(result, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# by format name; rendering/formats.py lists them as the `analysis` kind
REPORTS: dict[str, Callable[[dict[str, Any], Language], str]] = {"text": text, "json": json_text}
