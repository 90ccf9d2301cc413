"""Behaviour pinned by cli.md and format-v1.md that a black-box acceptance audit found off: each test names its line."""
from __future__ import annotations

import json


def test_a_wrong_key_says_did_you_mean_in_lower_case(cli, example):
    # cli.md: a wrong key says which keys are allowed there (and the closest one: "did you mean `duties`?")
    role = example / "software-tester.yaml"
    role.write_text(role.read_text().replace("duties:", "dutis:", 1))
    run = cli("validate", role)
    assert run.code == 1
    line = next(line for line in run.out.splitlines() if "unknown-key" in line)
    assert "did you mean 'duties'?" in line
    assert "Allowed keys: " in line and "kpis" in line and "summary" in line


def test_a_wrong_value_says_did_you_mean_in_lower_case(cli, example):
    role = example / "software-tester.yaml"
    role.write_text(role.read_text().replace("employment_type: full-time", "employment_type: fulltime"))
    findings = json.loads(cli("validate", role, "--format", "json").out)
    assert [f["message"] for f in findings if f["rule"] == "invalid-value"] == [
        "'fulltime' is not allowed for employment_type; use 'full-time', 'part-time', 'contractor', 'temporary', "
        "'intern', 'volunteer', 'per-diem', 'other' (did you mean 'full-time'?)."]
