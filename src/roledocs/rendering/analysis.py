"""Reporters of the team analysis (`roledocs analyze --format`): text for a manager, stable JSON for tools."""
from __future__ import annotations

import json
from typing import Any, Callable


def _table(header: list[str], rows: list[list[str]], numeric: set[int], indent: str = "  ") -> list[str]:
    """Rows under a header, every column as wide as its widest cell; numeric columns right-aligned."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]

    def line(cells: list[str]) -> str:
        parts = [str(c).rjust(w) if i in numeric else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths))]
        return (indent + "  ".join(parts)).rstrip()

    return [line(header)] + [line(row) for row in rows]


def percent(share: float | None) -> str:
    """A share as a whole percentage, or a dash when there is nothing to share."""
    return "-" if share is None else f"{share:.0%}"


def _plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"


def _workload(result: dict) -> list[str]:
    profile = result["profile"]
    letters = [entry["letter"] for entry in profile["letters"]]
    rows = []
    for role in result["workload"]:
        seats = f"{role['people']}/{role['headcount']}" + (f" ({role['unfilled']} unfilled)" if role["unfilled"] else "")
        rows.append([role["title"] + (" (lead)" if role["lead"] else ""), *(str(role["letters"][l]) for l in letters),
                     percent(role["accountable_share"]), percent(role["responsible_share"]),
                     "-" if role["time_share"] is None else f"{role['time_share']:g}%", seats,
                     ", ".join(role["flags"]) or "-"])
    header = ["Role", *letters, profile["accountable"]["name"], profile["responsible"]["name"], "Duty time",
              "People/seats", "Flags"]
    return [f"Workload (from the {profile['title']} matrix)", *_table(header, rows, set(range(1, len(letters) + 4)))]


def _coverage(result: dict, titles: dict[str, str]) -> list[str]:
    lines = ["Skill coverage (each person against the required skills of their role)"]
    if not result["coverage"]:
        return lines + ["  No people are named in the team file, so there is nothing to compare."]
    for person in result["coverage"]:
        lines.append(f"  {person['person']}, {titles[person['role']]}: {person['met']} met, "
                     f"{_plural(person['gaps'], 'gap')}, {person['not_assessed']} not assessed")
        rows = [[s["skill"], str(s["required"]), "-" if s["assessed"] is None else str(s["assessed"]),
                 "-" if s["gap"] is None else str(s["gap"]), s["status"]] for s in person["skills"]]
        lines += _table(["Skill", "Required", "Has", "Gap", "Status"], rows, {1, 2, 3}, indent="    ")
    return lines


def _risk_lines(entries: list[dict], titles: dict[str, str], who: bool) -> list[str]:
    lines = []
    for entry in entries:
        roles = ", ".join(titles[r] for r in entry["roles"])
        line = f"    {entry['skill']} at level {entry['level']} ({roles})"
        if who:
            line += f": only {entry['people'][0]}"
        if entry["not_assessed"]:
            line += f"; not assessed: {', '.join(entry['not_assessed'])}"
        lines.append(line)
    return lines or ["    none"]


def _risks(result: dict, titles: dict[str, str]) -> list[str]:
    risks = result["risks"]
    return ["Skill risks (required skills, counting everyone in the team who reaches the level)",
            "  Met by one person only (a single point of failure):",
            *_risk_lines(risks["single_point_of_failure"], titles, True),
            "  Met by nobody:",
            *_risk_lines(risks["uncovered"], titles, False)]


def _redistribution(result: dict) -> list[str]:
    lines = ["Proposed redistribution (never applied to files)"]
    if not result["redistribution"]:
        return lines + ["  No role is overloaded."]
    for proposal in result["redistribution"]:
        outcome = "within the threshold" if proposal["resolved"] else \
            f"still over the threshold ({proposal['limit']} at most): no fitting role can take more"
        lines.append(f"  {proposal['title']}, {proposal['kind']} ({proposal['letter']}) on "
                     f"{proposal['before']} -> {proposal['after']}, {outcome}")
        lines += [f"    hand {move['activity']} to {move['title']} ({', '.join(move['because'])})"
                  for move in proposal["moves"]]
    return lines


def overload_sentence(profile: dict, limits: dict) -> str:
    """When a role counts as overloaded or idle, in the words of the team's RACI profile."""
    accountable, responsible = profile["accountable"], profile["responsible"]
    return (f"A role is overloaded when it is {accountable['name'].lower()} ({accountable['letter']}) on more than "
            f"{percent(limits['accountable_max_share'])} or {responsible['name'].lower()} ({responsible['letter']}) "
            f"on more than {percent(limits['responsible_max_share'])} of the activities, and idle when it is neither "
            "on any.")


def text(result: dict[str, Any]) -> str:
    """The whole analysis as text, sections separated by blank lines."""
    totals, limits = result["totals"], result["thresholds"]
    titles = {role["role"]: role["title"] for role in result["workload"]}
    head = [f"{result['team']['name']} ({result['team']['id']}): team analysis",
            f"{_plural(totals['activities'], 'activity', 'activities')}, "
            f"{_plural(totals['roles'], 'role')}, {_plural(totals['headcount'], 'seat')}, "
            f"{totals['people']} named, {totals['unfilled']} unfilled",
            overload_sentence(result["profile"], limits)]
    sections = [head, _workload(result), _coverage(result, titles), _risks(result, titles),
                _redistribution(result)]
    return "\n\n".join("\n".join(section) for section in sections) + "\n"


def json_text(result: dict[str, Any]) -> str:
    """The analysis as JSON with sorted keys (lists keep the team file's order), documented in docs/teams.md."""
    return json.dumps(result, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# by format name; rendering/formats.py lists them as the `analysis` kind
REPORTS: dict[str, Callable[[dict[str, Any]], str]] = {"text": text, "json": json_text}
