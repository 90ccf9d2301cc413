"""The fixture folders, as check-jsonschema's acceptance tests: the valid catalogue is clean, and each invalid file,
dropped into it, gives exactly the findings its .expected file lists."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.rules.rulecase import VALID
from tests.support import FIXTURES

INVALID = FIXTURES / "invalid"
CASES = sorted(p.stem for p in INVALID.glob("*.yaml"))


def _expected(name: str) -> list[str]:
    lines = (INVALID / f"{name}.expected").read_text(encoding="utf-8").splitlines()
    return sorted(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _catalogue(tmp_path: Path) -> Path:
    root = tmp_path / "catalogue"
    shutil.copytree(VALID, root)
    return root


def _findings(cli, *args) -> tuple[int, list[dict]]:
    run = cli("validate", "--format", "json", *args)
    assert "Traceback" not in run.err
    return run.code, json.loads(run.out)


def test_every_invalid_fixture_has_its_expectations():
    assert len(CASES) >= 40
    missing = [name for name in CASES if not (INVALID / f"{name}.expected").is_file()]
    assert missing == []


def test_valid_fixture_catalogue_is_clean(cli):
    run = cli("validate", VALID, "--strict")
    assert run.code == 0, run.out
    assert run.out.strip().endswith("5 files, 0 errors, 0 warnings")


@pytest.mark.parametrize("name", CASES)
def test_invalid_fixture(name, cli, tmp_path, monkeypatch):
    """Each invalid file, dropped into a copy of the valid catalogue and validated alone, gives exactly its findings."""
    root = _catalogue(tmp_path)
    source = INVALID / f"{name}.yaml"
    folder = "teams" if "\nkind: team" in source.read_text(encoding="utf-8", errors="replace") else "roles"
    shutil.copy(source, root / folder / source.name)
    monkeypatch.chdir(root)
    code, findings = _findings(cli, f"{folder}/{source.name}")
    got = sorted(f"{f['line']}:{f['column']} {f['severity']} {f['rule']}" for f in findings)
    assert got == _expected(name)
    assert {f["path"] for f in findings} == {f"{folder}/{source.name}"}
    errors = any(f["severity"] == "error" for f in findings)
    assert code == (1 if errors else 0)
    if not errors:
        assert cli("validate", "--strict", f"{folder}/{source.name}").code == 1
