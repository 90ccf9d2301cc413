"""Review cycles: a role or team names its owner (a role of the catalogue) and is reviewed within the cycle."""
from __future__ import annotations

import calendar
from datetime import date

from ..findings import Severity
from ..hints import known_roles
from .registry import Problem, rule


def add_months(day: date, months: int) -> date | None:
    """The same day `months` later (the month's last day when it is shorter: 31 January + 1 month is 28 or 29
    February); None past the calendar's end (year 9999)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if year > date.max.year:
        return None
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@rule("review-overdue", severity=Severity.WARNING, scope="file", default_off=True,
      settings=("today", "review_cycle_months"))
def review_overdue(document, catalogue):
    """A role or team was reviewed within the review cycle: its `last_reviewed` date plus `review_cycle_months`
    (in roledocs.yaml, default 12) is not before today.

    Off by default, so catalogues without review dates keep passing: switch it on with
    `lint: {review-overdue: warning}`. Today is the current date, or the day `roledocs validate --today
    YYYY-MM-DD` names (CI jobs that must give the same result on any day pass it). A file without `last_reviewed`
    is not judged. A review is due on the same day of the month the cycle later (a review on 31 May with a 1-month
    cycle is due on 30 June) and overdue from the day after.

    **Bad**: `last_reviewed: 2024-05-31` with `--today 2025-06-01` and the default 12-month cycle

    **Good**: a review within the cycle, e.g. `last_reviewed: 2025-06-01` with `--today 2025-06-01`
    """
    reviewed = document.data.get("last_reviewed")
    if reviewed is None:
        return
    today = date.fromisoformat(catalogue.config.today) if catalogue.config.today else date.today()
    months = catalogue.config.review_cycle_months
    due = add_months(date.fromisoformat(reviewed), months)
    if due is not None and due < today:
        late = (today - due).days
        yield Problem(document, ("last_reviewed",), f"the {document.kind} was last reviewed on {reviewed}; with a "
                      f"review every {months} month{'s' if months != 1 else ''} it was due on {due.isoformat()}, "
                      f"{late} day{'s' if late != 1 else ''} ago: review it and set 'last_reviewed' to the day you do")


@rule("unknown-owner", scope="file", needs_catalogue=True)
def unknown_owner(document, catalogue):
    """A role's or team's `owner` names a role that exists in the catalogue.

    **Bad**: `owner: team-laed` (a typo)

    **Good**: `owner: team-lead`
    """
    owner = document.data.get("owner")
    if owner is not None and owner not in catalogue.known_ids:
        yield Problem(document, ("owner",), f"'{owner}' is not a role in this catalogue; "
                      f"{known_roles(catalogue.known_ids, owner)}")
