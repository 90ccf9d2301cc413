"""rules/team.py: team members and parties, and the RACI letter rules."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.rules.rulecase import RuleCase, copy_valid
from tests.support import FIXTURES
from tests.team.support import activity, catalogue_copy, team, write_team

INVALID = FIXTURES / "invalid"


@pytest.fixture
def catalogue(isolated) -> Path:
    return copy_valid(isolated)


def test_two_accountable_names_both(catalogue):
    text = (INVALID / "raci-two-accountable.yaml").read_text(encoding="utf-8")
    [found] = RuleCase("raci-one-accountable", "teams/raci-two-accountable.yaml").check(text, problem=(19, 16))
    assert "lead-engineer, analyst" in found.message


def test_team_member_of_a_role_that_failed_the_schema_is_not_unknown(cli, catalogue):
    """A broken role file is reported once, at its own error, not again as a missing member of every team."""
    path = catalogue / "roles" / "analyst.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    level: 4", "    level: 9"), encoding="utf-8")
    run = cli("validate", "--format", "json", catalogue)
    assert (run.code, [f["rule"] for f in json.loads(run.out)]) == (1, ["out-of-range"])


def test_unknown_person_skill_ignores_case(catalogue):
    RuleCase("unknown-person-skill", "teams/core-team.yaml").check(Path("teams/core-team.yaml").read_text("utf-8"))


def test_unknown_keys_repeated_in_every_activity_are_hinted_once_each(cli, tmp_path, monkeypatch):
    """200 parties and 1,000 unknown keys in 17 activities once took 27 s to check (a closest-match search per
    cell) and printed every party in each of 13,000 messages."""
    import difflib

    searches = []
    real = difflib.get_close_matches
    monkeypatch.setattr(difflib, "get_close_matches", lambda word, *args, **kw: searches.append(word) or
                        real(word, *args, **kw))
    parties = [{"id": f"party-{n}", "name": f"Party {n}"} for n in range(20)]
    rows = [activity(f"step-{n}", {"team-lead": "AR", "developer": "R", "operator": "R", "party-30": "C",
                                    "party-31": "I"}) for n in range(10)]
    path = write_team(catalogue_copy(tmp_path), team(rows, parties=parties))
    run = cli("validate", path)
    assert run.code == 1 and run.out.count("raci-unknown-key") == 20
    assert sorted(searches) == ["party-30", "party-31"]
    assert "did you mean 'party-3'? add it under 'members' or 'parties', or use one of: team-lead, developer, " \
           "operator, party-0," in run.out and "party-8 and 11 more" in run.out
