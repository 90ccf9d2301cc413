"""posting-incomplete: off by default; on, it names what Google requires and recommends that a role's JobPosting
lacks. Its documented Bad and Good examples are run: Bad draws the rule, Good draws no finding of any rule."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from roledocs.rules import RULES

ROLE = "software-tester"
LINT = {"lint": {"posting-incomplete": "warning"}}


def _examples(label: str) -> tuple[dict, dict]:
    """The rule's documented example: the roledocs.yaml block and the role block after **Bad** or **Good**."""
    section = RULES["posting-incomplete"].doc.split(f"**{label}**", 1)[1].split("**", 1)[0]
    config, role = (yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", section, flags=re.DOTALL))
    return config, role


def _catalogue(root: Path, config: dict, role: dict) -> Path:
    (root / "roledocs.yaml").write_text(yaml.safe_dump({"roledocs": 1, **config, **LINT}, sort_keys=False),
                                        encoding="utf-8")
    path = root / f"{ROLE}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) | role
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _findings(cli, path: Path) -> list[dict]:
    run = cli("validate", "--format", "json", path)
    assert "Traceback" not in run.err
    return json.loads(run.out)


def test_the_bad_example_draws_the_rule(cli, example):
    path = _catalogue(example, *_examples("Bad"))
    [finding] = _findings(cli, path)
    title = path.read_text(encoding="utf-8").split("\n").index("title: Software Tester") + 1
    assert (finding["rule"], finding["severity"], finding["line"]) == ("posting-incomplete", "warning", title)
    message = finding["message"]
    assert message.startswith(f"the job posting of '{ROLE}' is incomplete: Google requires datePosted (posting: "
                              "date_posted); jobLocation with an addressCountry ('Hybrid, Berlin' names no country")
    for recommended in ("validThrough (posting: valid_through)", "directApply (posting: direct_apply)",
                        "hiringOrganization sameAs and logo"):
        assert recommended in message.split("Google recommends", 1)[1]


def test_the_good_example_draws_no_finding_of_any_rule(cli, example):
    assert _findings(cli, _catalogue(example, *_examples("Good"))) == []


def test_off_by_default(cli, example):
    config, role = _examples("Bad")
    path = _catalogue(example, config, role)
    (example / "roledocs.yaml").write_text(yaml.safe_dump({"roledocs": 1, **config}), encoding="utf-8")
    assert _findings(cli, path) == []
    assert RULES["posting-incomplete"].default_off


@pytest.mark.parametrize(("config", "role", "expected"), [
    ({"organization": "Example Corp", "posting": {"date_posted": "2026-03-01", "valid_through": "2026-02-01"}},
     {"location": "Berlin, DE"}, "validThrough on or after datePosted (valid_through 2026-02-01 is before "
                                 "date_posted 2026-03-01: the posting has expired)"),
    ({"posting": {"date_posted": "2026-03-01"}}, {"location": "Berlin, DE"},
     "hiringOrganization (organization in roledocs.yaml)"),
    ({"organization": "Example Corp", "posting": {"date_posted": "2026-03-01"}}, {"location": "Remote (EU)"},
     "jobLocation with an addressCountry ('Remote (EU)' names no country"),
])
def test_what_google_rejects_is_required(cli, example, config, role, expected):
    [finding] = _findings(cli, _catalogue(example, config, role))
    assert expected in finding["message"].split("Google recommends", 1)[0]


def test_a_fully_remote_role_needs_no_address(cli, example):
    config, role = _examples("Good")
    role = role | {"location": "Remote (EU)", "posting": {"remote": {"countries": ["DE", "AT"]}}}
    assert _findings(cli, _catalogue(example, config, role)) == []


@pytest.mark.parametrize(("key", "value", "rule", "words", "line"), [
    ("date_posted", "1.3.2026", "invalid-format", "it must look like: '2026-03-01'", 3),
    ("date_posted", "2026-13-01", "invalid-format", "it must look like: '2026-03-01'", 3),
    ("apply_url", "example.com/jobs", "invalid-format", "it must look like: 'https://example.com/careers/apply'", 3),
    ("remote", {"countries": ["Germany"]}, "invalid-format", "it must look like: 'DE'", 5),
    ("remote", "yes", "wrong-type", "should be true or false or a block", 3),
    ("direct_apply", "yes", "wrong-type", "should be true or false", 3),
    ("benefit", "x", "unknown-key", "did you mean 'benefits'?", 3),
])
def test_bad_posting_settings_are_schema_errors_at_their_key(cli, example, key, value, rule, words, line):
    config = yaml.safe_dump({"roledocs": 1, "posting": {key: value}}, sort_keys=False)
    (example / "roledocs.yaml").write_text(config, encoding="utf-8")
    findings = _findings(cli, example / f"{ROLE}.yaml")
    assert [(Path(f["path"]).name, f["rule"], f["line"]) for f in findings] == [("roledocs.yaml", rule, line)]
    assert words in findings[0]["message"]


def test_organization_as_a_block_needs_a_name_and_web_addresses(cli, example):
    (example / "roledocs.yaml").write_text("roledocs: 1\norganization:\n  url: example.com\n", encoding="utf-8")
    findings = _findings(cli, example / f"{ROLE}.yaml")
    assert sorted((f["rule"], f["line"]) for f in findings) == [("invalid-format", 3), ("missing-key", 2)]
