"""The charter's pictures as inline SVG, made when rendering (no script, nothing fetched): the reporting lines as an
org chart, each role's share of R and A against the overload thresholds with its seats, and people x required
skills. Each has a title and a description, and the charter keeps the list or table it summarises beside it for
screen readers. Shapes, patterns and printed numbers carry the meaning, so they read in greyscale print too. Their
words and percentages are in the charter's language (rendering/language.py).

Drawn by hand rather than with a layout tool: the reporting lines are a few small trees (a tidy-tree layout is
twenty lines), bars and a grid need no layout at all, and Graphviz or a plotting library would add a system binary
or a large import to every machine that renders a charter.
"""
from __future__ import annotations

from markupsafe import Markup, escape

from .analysis import FLAGS, percent
from .language import N_, Language

FONT = 13  # px; every length below is in the SVG's own units
_CHAR = 0.6 * FONT  # about the width of a character of the sans-serif text
_INK, _MUTED, _RULE, _BAND = "#1b1f24", "#4a5360", "#b5bec9", "#eef1f5"


def _svg(key: str, width: float, height: float, title: str, description: str, body: list[str]) -> Markup:
    """An SVG image with its title and description for assistive technology, scaled to the page's width."""
    return Markup(
        f'<svg class="chart chart-{key}" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
        f'aria-labelledby="chart-{key}-title chart-{key}-desc" font-family="DejaVu Sans, Arial, sans-serif" '
        f'font-size="{FONT}">'
        f'<title id="chart-{key}-title">{escape(title)}</title><desc id="chart-{key}-desc">{escape(description)}</desc>'
        f'{"".join(body)}</svg>')


def _text(x: float, y: float, text: str, anchor: str = "start", **attributes: str) -> str:
    extra = "".join(f' {name.replace("_", "-")}="{value}"' for name, value in attributes.items())
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{extra}>{escape(text)}</text>'


def _lines(text: str, width: int) -> list[str]:
    """Text broken between words into lines of at most `width` characters (a longer word on a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines or [""]


# The org chart: boxes of BOX_W x BOX_H, GAP apart, one row per level of the reporting lines; wider than WIDE_SLOTS
# boxes side by side it would print too small, so each role's reports are then stacked under it, indented.
BOX_W, BOX_H, GAP, LEVEL, INDENT, WIDE_SLOTS = 168, 52, 16, 84, 40, 6


def _place(node: dict, depth: int, next_slot: list[int], placed: list[tuple[dict, float, int]]) -> float:
    """Tidy tree: leaves take the next free slot from the left, a parent sits centred over its children."""
    children = [_place(child, depth + 1, next_slot, placed) for child in node["children"]]
    if children:
        x = (children[0] + children[-1]) / 2
    else:
        x = next_slot[0]
        next_slot[0] += 1
    placed.append((node, x, depth))
    return x


def _stack(node: dict, depth: int, placed: list[tuple[dict, float, int]]) -> None:
    """Indented layout: one box per row, each role's reports below it, one step to the right."""
    placed.append((node, depth, len(placed)))
    for child in node["children"]:
        _stack(child, depth + 1, placed)


def _connector(node: tuple, child: tuple, tree: bool) -> str:
    """The line from a box to the box of a role reporting to it: down and across (tree), or down its left side."""
    (_, x, row), (_, cx, crow) = node, child
    if tree:
        middle = GAP + row * LEVEL + BOX_H + (LEVEL - BOX_H) / 2
        return (f"M{GAP + x * (BOX_W + GAP) + BOX_W / 2:.1f},{GAP + row * LEVEL + BOX_H} V{middle:.1f} "
                f"H{GAP + cx * (BOX_W + GAP) + BOX_W / 2:.1f} V{GAP + crow * LEVEL}")
    return (f"M{GAP + x * INDENT + INDENT / 2:.1f},{GAP + row * (BOX_H + GAP) + BOX_H} "
            f"V{GAP + crow * (BOX_H + GAP) + BOX_H / 2:.1f} H{GAP + cx * INDENT}")


def org_chart(reporting: list[dict], language: Language) -> Markup:
    """The reporting lines as boxes joined by lines: the lead's box drawn heavier, roles outside the team dashed;
    a tree when it fits the page, else stacked and indented."""
    placed: list[tuple[dict, float, int]] = []  # (node, column or depth, level or row)
    next_slot = [0]
    for root in reporting:
        _place(root, 0, next_slot, placed)
    tree = next_slot[0] <= WIDE_SLOTS
    if tree:
        width = max(next_slot[0], 1) * (BOX_W + GAP) + GAP
        height = max((level for _, _, level in placed), default=0) * LEVEL + BOX_H + 2 * GAP
        box = lambda x, level: (GAP + x * (BOX_W + GAP), GAP + level * LEVEL)  # noqa: E731
    else:
        placed = []
        for root in reporting:
            _stack(root, 0, placed)
        width = max(depth for _, depth, _ in placed) * INDENT + BOX_W + 2 * GAP
        height = len(placed) * (BOX_H + GAP) + GAP
        box = lambda depth, row: (GAP + depth * INDENT, GAP + row * (BOX_H + GAP))  # noqa: E731
    where = {id(entry[0]): entry for entry in placed}
    body = [f'<path d="{_connector(entry, where[id(child)], tree)}" fill="none" stroke="{_MUTED}"/>'
            for entry in placed for child in entry[0]["children"]]
    for node, column, level in placed:
        left, top = box(column, level)
        dash = "" if node["member"] else ' stroke-dasharray="5 3"'
        stroke = 2.5 if node["lead"] else 1
        body.append(f'<rect x="{left:.1f}" y="{top:.1f}" width="{BOX_W}" height="{BOX_H}" rx="4" '
                    f'fill="{"#ffffff" if node["member"] else _BAND}" stroke="{_INK}" stroke-width="{stroke}"{dash}/>')
        note = (language(N_("(lead)")) if node["lead"] else
                language(N_("(outside the team)")) if not node["member"] else "")
        lines = _lines(node["title"], int((BOX_W - 12) / _CHAR))[:2 if note else 3]
        first = top + BOX_H / 2 - (len(lines) + bool(note) - 1) * FONT * 0.55 + FONT * 0.35
        for number, line in enumerate(lines):
            body.append(_text(left + BOX_W / 2, first + number * FONT * 1.1, line, "middle",
                              font_weight="700" if node["lead"] else "400"))
        if note:
            body.append(_text(left + BOX_W / 2, first + len(lines) * FONT * 1.1, note, "middle",
                              fill=_MUTED, font_size=str(FONT - 2)))
    lead = next((node["title"] for node, _, _ in placed if node["lead"]), None)
    members = len([n for n, _, _ in placed if n["member"]])
    if lead:
        description = language.ngettext(
            "%(num)d role in reporting lines; the lead is %(lead)s. The list below gives every line.",
            "%(num)d roles in reporting lines; the lead is %(lead)s. The list below gives every line.",
            members, lead=lead)
    else:
        description = language.ngettext("%(num)d role in reporting lines. The list below gives every line.",
                                         "%(num)d roles in reporting lines. The list below gives every line.",
                                         members)
    return _svg("org", width, height, language(N_("Reporting lines")), description, body)


# The workload chart: one row per role, bars for its share of R and of A on a 0-100% scale.
LABEL_W, SCALE_W, ROW, BAR, SEAT = 200, 320, 46, 14, 12


def workload_chart(workload: list[dict], thresholds: dict, profile: dict, language: Language) -> Markup:
    """Each role's share of the activities it does (R in RACI, solid) and is accountable for (A, hatched), in the
    letters of the team's RACI profile, with the overload thresholds as dashed lines, the percentages printed, and
    its seats (filled: a named person). The profile's letters are named as charter._analysis_in names them."""
    doer, owner = profile["responsible"], profile["accountable"]
    seats_w = max((role["headcount"] for role in workload), default=1) * (SEAT + 3) + 80
    width, height = LABEL_W + SCALE_W + 60 + seats_w, 34 + ROW * len(workload) + 20
    scale = lambda share: LABEL_W + share * SCALE_W  # noqa: E731
    body = ['<defs><pattern id="chart-hatch" width="5" height="5" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="5" height="5" fill="#ffffff"/>'
            f'<line x1="0" y1="0" x2="0" y2="5" stroke="{_INK}" stroke-width="2.5"/></pattern></defs>']
    for share in (0, 0.5, 1):
        body.append(_text(scale(share), 14, percent(share, language), "middle", fill=_MUTED, font_size=str(FONT - 2)))
    body.append(_text(LABEL_W + SCALE_W + 60, 14, language(N_("Seats")), fill=_MUTED, font_size=str(FONT - 2)))
    for row, role in enumerate(workload):
        y = 30 + row * ROW
        flags = f" ({', '.join(language(FLAGS[flag]) for flag in role['flags'])})" if role["flags"] else ""
        for number, line in enumerate(_lines(role["title"] + flags, int(LABEL_W / _CHAR) - 1)[:2]):
            body.append(_text(0, y + 12 + number * (FONT + 2), line, font_weight="700" if flags else "400"))
        for offset, (letter, share, limit, fill) in enumerate((
                (doer["letter"], role["responsible_share"], thresholds["responsible_max_share"], _MUTED),
                (owner["letter"], role["accountable_share"], thresholds["accountable_max_share"],
                 "url(#chart-hatch)"))):
            top, shown = y + offset * (BAR + 3), "—" if share is None else percent(share, language)  # None: no activities
            share = share or 0
            body.append(f'<rect x="{scale(0)}" y="{top}" width="{SCALE_W}" height="{BAR}" fill="{_BAND}"/>')
            if share:
                body.append(f'<rect x="{scale(0)}" y="{top}" width="{share * SCALE_W:.1f}" height="{BAR}" '
                            f'fill="{fill}" stroke="{_INK}" stroke-width="0.75"/>')
            body.append(f'<line x1="{scale(limit):.1f}" y1="{top - 2}" x2="{scale(limit):.1f}" y2="{top + BAR + 2}" '
                        f'stroke="{_INK}" stroke-width="1.5" stroke-dasharray="3 2"/>')
            body.append(_text(scale(share) + 4 if share < 0.85 else scale(share) - 4, top + BAR - 3,
                              f"{letter} {shown}", "start" if share < 0.85 else "end", font_size=str(FONT - 1),
                              font_weight="700"))
        for seat in range(role["headcount"]):
            filled = seat < role["people"]
            body.append(f'<rect x="{LABEL_W + SCALE_W + 60 + seat * (SEAT + 3)}" y="{y + 8}" width="{SEAT}" '
                        f'height="{SEAT}" fill="{_INK if filled else "#ffffff"}" stroke="{_INK}"/>')
        seats = (language(N_("%(people)s of %(seats)s, %(unfilled)s unfilled"), people=role["people"],
                          seats=role["headcount"], unfilled=role["unfilled"]) if role["unfilled"] else
                 language(N_("%(people)s of %(seats)s"), people=role["people"], seats=role["headcount"]))
        body.append(_text(LABEL_W + SCALE_W + 60, y + 8 + SEAT + FONT, seats, fill=_MUTED, font_size=str(FONT - 2)))
    over = [role["title"] for role in workload if "overloaded" in role["flags"]]
    values = {"r": doer["letter"], "responsible": doer["words"], "a": owner["letter"], "accountable": owner["words"],
              "r_share": percent(thresholds["responsible_max_share"], language),
              "a_share": percent(thresholds["accountable_max_share"], language), "overloaded": ", ".join(over)}
    if over:
        description = language.ngettext(
            "Shares of the %(num)d role: %(r)s %(responsible)s (solid bars) and %(a)s %(accountable)s (hatched "
               "bars), thresholds %(r_share)s and %(a_share)s dashed; overloaded: %(overloaded)s. The table below "
               "gives every number.",
            "Shares of the %(num)d roles: %(r)s %(responsible)s (solid bars) and %(a)s %(accountable)s (hatched "
               "bars), thresholds %(r_share)s and %(a_share)s dashed; overloaded: %(overloaded)s. The table below "
               "gives every number.", len(workload), **values)
    else:
        description = language.ngettext(
            "Shares of the %(num)d role: %(r)s %(responsible)s (solid bars) and %(a)s %(accountable)s (hatched "
               "bars), thresholds %(r_share)s and %(a_share)s dashed; none overloaded. The table below gives every "
               "number.",
            "Shares of the %(num)d roles: %(r)s %(responsible)s (solid bars) and %(a)s %(accountable)s (hatched "
               "bars), thresholds %(r_share)s and %(a_share)s dashed; none overloaded. The table below gives every "
               "number.", len(workload), **values)
    return _svg("workload", width, height, language(N_("Workload by role")), description, body)


# The skill grid: people as rows, the team's required skills as columns.
NAME_W, CELL, HEAD = 170, 18, 150


def skill_grid(coverage: list[dict], risks: dict, language: Language) -> Markup | None:
    """People x required skills: a filled square where a person meets a skill their role requires, a square with
    the missing levels where they fall short, '?' where it is not assessed; skills met by one person only are
    marked '1', skills met by nobody '0', under their names."""
    skills = list(dict.fromkeys(s["skill"] for person in coverage for s in person["skills"]))
    if not skills:
        return None
    single = {risk["skill"] for risk in risks["single_point_of_failure"]}
    nobody = {risk["skill"] for risk in risks["uncovered"]}
    # the last names, rotated, reach about half their length beyond their column
    width, height = max(NAME_W + CELL * len(skills) + 80, 560), HEAD + CELL * len(coverage) + 52
    body = []
    for column, skill in enumerate(skills):
        x = NAME_W + column * CELL + CELL / 2
        name = skill if len(skill) <= 22 else skill[:21] + "…"
        body.append(_text(x + 4, HEAD - 8, name, transform=f"rotate(-60 {x + 4:.1f} {HEAD - 8})",
                          font_size=str(FONT - 2)))
    for row, person in enumerate(coverage):
        y = HEAD + row * CELL
        if row % 2:
            body.append(f'<rect x="0" y="{y}" width="{width}" height="{CELL}" fill="{_BAND}"/>')
        body.append(_text(0, y + CELL - 5, person["person"], font_size=str(FONT - 1)))
        statuses = {s["skill"]: s for s in person["skills"]}
        for column, skill in enumerate(skills):
            if skill not in statuses:
                continue
            x, status = NAME_W + column * CELL + 2, statuses[skill]
            size = CELL - 4
            if status["status"] == "met":
                body.append(f'<rect x="{x}" y="{y + 2}" width="{size}" height="{size}" fill="{_INK}"/>')
            else:
                body.append(f'<rect x="{x}" y="{y + 2}" width="{size}" height="{size}" fill="#ffffff" '
                            f'stroke="{_INK}"/>')
                mark = "?" if status["assessed"] is None else f"-{status['gap']}"
                body.append(_text(x + size / 2, y + CELL - 6, mark, "middle", font_size=str(FONT - 3)))
    foot = HEAD + CELL * len(coverage) + 14
    for column, skill in enumerate(skills):
        mark = "0" if skill in nobody else "1" if skill in single else ""
        if mark:
            body.append(_text(NAME_W + column * CELL + CELL / 2, foot, mark, "middle", font_weight="700"))
    body.append(_text(0, foot, language(N_("met by:")), fill=_MUTED, font_size=str(FONT - 2)))
    body.append(_text(0, foot + 20, language(N_("■ met · -N short by N levels · ? not assessed · met by 1: one person "
                                                "only, 0: nobody")), fill=_MUTED, font_size=str(FONT - 2)))
    description = language(N_("%(people)s people against %(skills)s required skills: filled squares met, '-N' short "
                              "by N levels, '?' not assessed; %(single)s skills met by one person only (marked 1), "
                              "%(nobody)s by nobody (marked 0). The table below gives every person's gaps."),
                           people=len(coverage), skills=len(skills), single=len(single), nobody=len(nobody))
    return _svg("skills", width, height, language(N_("Skill coverage")), description, body)
