"""rules/roles.py: in-file rules of a role (ids match file names, unique ids, KPIs measure duties, time shares)."""
from __future__ import annotations

from tests.rules.rulecase import RuleCase, copy_valid
from tests.support import FIXTURES


def test_kpi_unknown_duty_lists_each_duty_once(isolated):
    """A duty id written twice (already a duplicate-duty-id error) is listed once among the duties that exist."""
    copy_valid(isolated)
    text = (FIXTURES / "invalid" / "kpi-unknown-duty.yaml").read_text(encoding="utf-8")
    twice = text.replace("duties:\n  - id: do-it", "duties:\n  - id: do-it\n    title: Do it again\n"
                         "    description: Do the work again.\n  - id: do-it", 1)
    found = RuleCase("kpi-unknown-duty", "roles/kpi-unknown-duty.yaml").check(
        twice, problem1=(11, 9, "duplicate-duty-id"), problem2=(23, 21))
    assert found[-1].message == ("the KPI 'done' measures the duty 'do-that', but this role has no such duty; did you "
                                 "mean 'do-it'? the duties are: do-it")
