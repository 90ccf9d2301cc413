"""check/engine.py: the cross-file rules see the same findings from the slim roles validate ships between processes."""
from __future__ import annotations

import shutil

import pytest

from roledocs.check.engine import run_file_rules
from roledocs.check.validate import run_checks
from roledocs.rules import CROSS_FILE_ROLE_KEYS
from roledocs.source.catalogue import load_catalogue
from tests.rules.rulecase import copy_valid, valid_role
from tests.support import FIXTURES

INVALID = FIXTURES / "invalid"
CASES = sorted(p.stem for p in INVALID.glob("*.yaml"))


@pytest.mark.parametrize("name", CASES)
def test_cross_file_rules_need_only_the_keys_validate_keeps(name, tmp_path):
    """validate ships only CROSS_FILE_ROLE_KEYS of each role back from its workers: the cross-file findings must be
    those of fully loaded roles."""
    root = copy_valid(tmp_path / "catalogue")
    source = INVALID / f"{name}.yaml"
    folder = "teams" if "\nkind: team" in source.read_text(encoding="utf-8", errors="replace") else "roles"
    shutil.copy(source, root / folder / source.name)
    for identifier, boss in (("boss-a", "boss-b"), ("boss-b", "boss-a")):  # a reporting cycle, too
        (root / "roles" / f"{identifier}.yaml").write_text(valid_role(identifier, boss), encoding="utf-8")
    full, slim = (run_checks(load_catalogue(root, str, per_file=run_file_rules, keep=keep))
                  for keep in (None, CROSS_FILE_ROLE_KEYS))
    assert slim == full
    assert any(f.rule == "reporting-cycle" for f in full)
