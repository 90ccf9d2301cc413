"""Review cycles: `last_reviewed` and `owner` on roles and teams, `review_cycle_months`, `review-overdue` judged
against `validate --today`, and `unknown-owner`."""
from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.support import FIXTURES
from roledocs.rules import RULES
from roledocs.rules.review import add_months

@pytest.fixture
def root(tmp_path) -> Path:
    """A copy of the valid fixture catalogue (clean, quality rules off)."""
    target = tmp_path / "catalogue"
    shutil.copytree(FIXTURES / "valid", target)
    return target


def set_field(path: Path, line: str) -> None:
    """Add a top-level line after `kind:`."""
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^(kind: \w+\n)", rf"\g<1>{line}\n", text, count=1), encoding="utf-8")


def found(cli, root, *args) -> list[tuple[str, int, str, str]]:
    run = cli("validate", "--format", "json", root, *args)
    assert run.code in (0, 1), run.err
    return [(Path(f["path"]).name, f["line"], f["rule"], f["message"]) for f in json.loads(run.out)]


def switch_on(root: Path, months: int | None = None) -> None:
    cycle = f"review_cycle_months: {months}\n" if months is not None else ""
    (root / "roledocs.yaml").write_text(f"roledocs: 1\norganization: Fixture Corp\n{cycle}lint:\n  quality: off\n"
                                        "  review-overdue: warning\n", encoding="utf-8")


def test_off_by_default_so_old_dates_pass(cli, root):
    set_field(root / "roles" / "analyst.yaml", "last_reviewed: 2001-01-01")
    assert found(cli, root, "--today", "2025-06-01") == []


def test_an_overdue_role_and_team_are_warned_at_the_date(cli, root):
    switch_on(root)
    set_field(root / "roles" / "analyst.yaml", "last_reviewed: 2024-05-31")
    set_field(root / "teams" / "core-team.yaml", "last_reviewed: '2023-01-15'")
    assert found(cli, root, "--today", "2025-06-01") == [
        ("analyst.yaml", 3, "review-overdue", "the role was last reviewed on 2024-05-31; with a review every 12 "
                                              "months it was due on 2025-05-31, 1 day ago: review it and set "
                                              "'last_reviewed' to the day you do"),
        ("core-team.yaml", 3, "review-overdue", "the team was last reviewed on 2023-01-15; with a review every 12 "
                                                "months it was due on 2024-01-15, 503 days ago: review it and set "
                                                "'last_reviewed' to the day you do")]


def test_due_today_is_not_overdue_and_the_cycle_comes_from_the_config(cli, root):
    switch_on(root, months=3)
    set_field(root / "roles" / "analyst.yaml", "last_reviewed: 2025-03-01")
    assert found(cli, root, "--today", "2025-06-01") == []
    [(_, _, rule, message)] = found(cli, root, "--today", "2025-06-02")
    assert rule == "review-overdue" and "with a review every 3 months it was due on 2025-06-01, 1 day ago" in message


def test_without_a_date_nothing_is_judged(cli, root):
    switch_on(root, months=1)
    assert found(cli, root, "--today", "2999-12-31") == []


@pytest.mark.parametrize("day, months, due", [
    (date(2024, 1, 31), 1, date(2024, 2, 29)), (date(2023, 1, 31), 1, date(2023, 2, 28)),
    (date(2024, 2, 29), 12, date(2025, 2, 28)), (date(2024, 11, 15), 3, date(2025, 2, 15)),
    (date(9999, 6, 1), 12, None),
])
def test_months_are_added_on_the_calendar(day, months, due):
    assert add_months(day, months) == due


def test_today_defaults_to_the_current_date(cli, root):
    switch_on(root)
    set_field(root / "roles" / "analyst.yaml", f"last_reviewed: {date.today().replace(day=1).isoformat()}")
    assert found(cli, root) == []
    set_field(root / "teams" / "core-team.yaml", "last_reviewed: 2000-01-01")
    assert [f[2] for f in found(cli, root)] == ["review-overdue"]


@pytest.mark.parametrize("value", ["2023-02-29", "1900-02-29", "2025-13-01", "2025-04-31", "25-01-01", "2025-1-1"])
def test_a_date_that_is_no_day_is_a_schema_error(cli, root, value):
    set_field(root / "roles" / "analyst.yaml", f"last_reviewed: '{value}'")
    [(name, line, rule, message)] = found(cli, root)
    assert (name, line, rule) == ("analyst.yaml", 3, "invalid-format")
    assert message == f"'{value}' is not valid for last_reviewed: write the date as YYYY-MM-DD, a day of the " \
                      "calendar, like '2025-03-01'"


@pytest.mark.parametrize("value", ["2024-02-29", "2000-02-29", "1999-12-31", "2025-04-30"])
def test_real_days_are_dates(cli, root, value):
    set_field(root / "roles" / "analyst.yaml", f"last_reviewed: {value}")
    assert found(cli, root) == []


def test_a_bad_today_is_a_usage_error(cli, root):
    run = cli("validate", root, "--today", "2025-02-30")
    assert run.code == 2 and "'2025-02-30' is not a date like" in run.err


def test_the_config_cycle_is_at_least_one_month(cli, root):
    switch_on(root, months=0)
    [(name, _, rule, message)] = found(cli, root)
    assert (name, rule) == ("roledocs.yaml", "out-of-range") and "review_cycle_months is 0 but must be at least 1" \
        in message


def test_an_owner_is_a_role_of_the_catalogue(cli, root):
    set_field(root / "roles" / "analyst.yaml", "owner: lead-enginer")
    set_field(root / "teams" / "core-team.yaml", "owner: lead-engineer")
    [(name, line, rule, message)] = found(cli, root)
    assert (name, line, rule) == ("analyst.yaml", 3, "unknown-owner")
    assert message.startswith("'lead-enginer' is not a role in this catalogue; did you mean 'lead-engineer'?")


DOC = RULES["review-overdue"].doc
EXAMPLES = re.findall(r"\*\*(Bad|Good)\*\*:[^`]*`last_reviewed: (\S+)` with `--today (\S+)`", DOC)


@pytest.mark.parametrize("kind, reviewed, today", EXAMPLES)
def test_the_documented_examples_do_what_they_say(cli, root, kind, today, reviewed):
    switch_on(root)
    set_field(root / "roles" / "analyst.yaml", f"last_reviewed: {reviewed}")
    rules = [f[2] for f in found(cli, root, "--today", today)]
    assert rules == (["review-overdue"] if kind == "Bad" else [])


def test_both_examples_are_checked():
    assert [kind for kind, *_ in EXAMPLES] == ["Bad", "Good"]


OWNER = re.findall(r"\*\*(Bad|Good)\*\*: `owner: ([\w-]+)`", RULES["unknown-owner"].doc)


@pytest.mark.parametrize("kind, owner", OWNER)
def test_the_owner_examples_do_what_they_say(cli, tmp_path, kind, owner):
    from tests.team.support import catalogue_copy  # roles head-of-engineering, team-lead, developer, operator

    team = catalogue_copy(tmp_path) / "teams" / "small.yaml"
    set_field(team, f"owner: {owner}")
    rules = [f[2] for f in found(cli, team)]
    assert rules == (["unknown-owner"] if kind == "Bad" else [])
    assert len(OWNER) == 2


def test_the_site_index_shows_each_roles_review_dates(cli, root, isolated):
    switch_on(root, months=6)
    set_field(root / "roles" / "analyst.yaml", "last_reviewed: 2025-08-31\nowner: lead-engineer")
    run = cli("build", root, "-o", isolated / "site")
    assert run.code == 0, run.err
    index = (isolated / "site" / "index.html").read_text(encoding="utf-8")
    # dates as the page's language writes them (Babel, the CLDR's long format)
    assert "Last reviewed August 31, 2025, next review due February 28, 2026 (owner: lead-engineer).</span>" in index
    assert index.count('class="note review"') == 1  # roles without a date show none


def test_the_library_call_takes_today(root):
    import roledocs

    switch_on(root)
    set_field(root / "roles" / "analyst.yaml", "last_reviewed: 2024-05-31")
    assert [f.rule for f in roledocs.validate([root], today="2025-06-01").findings] == ["review-overdue"]
    assert roledocs.validate([root], today="2025-05-31").findings == []
