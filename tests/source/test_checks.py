"""Every rule id a finding can carry is documented: the built-in checks (reading, schema) and the rules."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.rules.rulecase import splice as place
from tests.support import FIXTURES, REPO
from roledocs.source.checks import CHECKS, GROUPS
from roledocs.check.validate import validate
from roledocs.rules import RULES

SOURCE = REPO / "src" / "roledocs"


def test_the_code_names_each_check_by_its_constant():
    """A check's id is written once, beside its docs in source/checks/: the code makes findings with the constant
    (FILE_UNREADABLE.id), so no finding can carry an undocumented built-in id."""
    quoted = {f'"{check_id}"' for check_id in CHECKS} | {f"'{check_id}'" for check_id in CHECKS}
    written = sorted(f"{path.relative_to(SOURCE)}: {literal}" for path in SOURCE.rglob("*.py")
                     if "checks" not in path.relative_to(SOURCE).parts
                     for literal in quoted if literal in path.read_text(encoding="utf-8"))
    assert written == []


def test_each_constant_is_its_check():
    from roledocs.source.checks import reading, schema

    constants = {name: value for module in (reading, schema) for name, value in vars(module).items()
                 if name.isupper() and hasattr(value, "doc")}
    assert {name: check.id for name, check in constants.items()} == \
        {check.id.upper().replace("-", "_"): check.id for check in CHECKS.values()}
    assert list(CHECKS) == [c.id for c in (*reading.READING, *schema.SCHEMA)]  # the docs' order


def test_checks_rules_and_groups_have_distinct_names():
    groups = {r.group for r in RULES.values() if r.group}
    assert set(CHECKS).isdisjoint(RULES) and set(GROUPS).isdisjoint(RULES) and set(GROUPS).isdisjoint(groups)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", check_id) for check_id in CHECKS)
    assert {c.group for c in CHECKS.values()} == set(GROUPS)


def test_every_finding_of_the_fixtures_names_a_documented_id(monkeypatch):
    known = set(CHECKS) | set(RULES)
    for folder in ("valid", "invalid", "teams", "quality"):
        monkeypatch.chdir(FIXTURES / folder)
        assert {f.rule for f in validate(["."]).findings} <= known


# Each check, caused by a small file -----------------------------------------------------------------------------

ROLE = """\
roledocs: 1
kind: role
id: tester
title: Software Tester
summary: Tests each release against its acceptance criteria before it goes live.
duties:
  - id: test-releases
    title: Test releases
    description: Test each release against its acceptance criteria and report the defects found in it.
    frequency: weekly
skills:
  - name: Test design
    level: 4
kpis:
  - id: escaped-defects
    name: Escaped defects
    measure: Defects found in production per release
    target: "<= 2"
    frequency: monthly
"""


def splice(fragment: str) -> str:
    """ROLE with the entries of a YAML fragment in place of its own (rulecase.splice)."""
    return place(fragment, ROLE)


def rules_of(content: str | bytes, name: str = "tester.yaml") -> list[str]:
    path = Path(name)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return [f.rule for f in validate([name]).findings]


CAUSES = {
    "file-too-large": b"x-padding: " + b"x" * (1024 * 1024) + b"\n",
    "file-encoding": ROLE.replace("Software Tester", "Prüfer").encode("cp1252"),
    "file-empty": "# TODO: describe the tester role\n",
    "yaml-syntax": splice("summary: Plans projects: scope, budget and staff."),
    "yaml-multiple-documents": ROLE + "---\n" + ROLE,
    "yaml-duplicate-key": ROLE + "title: Senior Software Tester\n",
    "yaml-key-type": splice("skills: {1: 4}"),
    "yaml-tag": splice("summary: !include summary.md"),
    "yaml-control-character": splice('title: "Software Tester\\x00"'),
    "yaml-lookalike-character": splice("title:\u00a0Software Tester"),
    "yaml-alias-limit": ROLE + "x-a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"x-{name}: &{name} [{', '.join([f'*{before}'] * 10)}]\n" for before, name in zip("abcd", "bcde")),
    "yaml-too-deep": splice("x-loop: &loop [*loop]"),
    "yaml-not-mapping": "- roledocs: 1\n- kind: role\n",
    "unknown-key": splice("dutys: []"),
    "missing-key": ROLE.replace('    target: "<= 2"\n', ""),
    "invalid-value": splice("frequency: fortnightly"),
    "invalid-format": splice("id: Tester"),
    "wrong-type": splice('level: "4"'),
    "out-of-range": splice("level: 7"),
    "too-few-items": splice("kpis: []"),
    "too-long": splice(f"id: {'-'.join(['tester'] * 10)}"),
    "empty-value": splice('title: "   "'),
}


@pytest.mark.parametrize("check_id", sorted(CAUSES))
def test_each_check_is_what_validate_reports(check_id):
    assert check_id in rules_of(CAUSES[check_id])


def test_an_unreadable_file_is_a_finding():
    Path("tester.yaml").symlink_to("nowhere.yaml")
    assert [f.rule for f in validate(["."]).findings] == ["file-unreadable"]


def test_an_empty_folder_is_a_finding():
    Path("roles").mkdir()
    assert [(f.path, f.rule) for f in validate(["roles"]).findings] == [("roles", "no-files")]


def test_every_check_is_caused_by_some_test():
    assert set(CHECKS) == set(CAUSES) | {"file-unreadable", "no-files"}


def test_the_base_role_is_clean_of_errors():
    assert not {rule for rule in rules_of(ROLE) if rule in CHECKS}


# `roledocs rules` and the docs page ----------------------------------------------------------------------------

def test_the_list_shows_every_check_first(cli):
    run = cli("rules")
    ids = [line.split()[0] for line in run.out.splitlines()]
    assert ids[:len(CHECKS)] == list(CHECKS) and set(ids) == set(CHECKS) | set(RULES)


@pytest.mark.parametrize("check_id", sorted(CHECKS))
def test_each_check_has_its_documentation(check_id, cli):
    run = cli("rules", check_id)
    assert run.code == 0
    assert run.out.startswith(f"{check_id}  (always an error, cannot be switched off; checks: ")
    assert "**Bad**" in run.out and "**Good**" in run.out


def test_a_misspelt_check_gets_a_guess(cli):
    run = cli("rules", "yaml-duplicate-keys")
    assert run.code == 2 and "did you mean 'yaml-duplicate-key'?" in run.err


def test_the_page_has_a_section_per_group_before_the_rules(cli):
    page = cli("rules", "--format", "markdown").out
    headings = [page.index(f"## {group.title}\n") for group in GROUPS.values()]
    assert headings == sorted(headings) and headings[-1] < page.index("## Cross-file and quality rules\n")
    assert all(f"### {check_id}\n" in page and f"[`{check_id}`](#{check_id}) | error |" in page
               for check_id in CHECKS)


# `lint:` cannot change a built-in check -------------------------------------------------------------------------

CHECK = "a check roledocs always makes, as an error: it"
GROUP = "a group of checks roledocs always makes, as errors: they"


@pytest.mark.parametrize("name, what", [("yaml-duplicate-key", CHECK), ("empty-value", CHECK), ("schema", GROUP)])
def test_lint_cannot_change_a_check(name, what):
    Path("roledocs.yaml").write_text(f"roledocs: 1\nlint:\n  {name}: off\n", encoding="utf-8")
    [finding] = validate(["."]).findings
    assert (finding.rule, finding.severity.value, finding.line) == ("unknown-rule", "warning", 3)
    assert finding.message.startswith(f"'{name}' is {what} cannot be changed or switched off, because ")
    assert "did you mean" not in finding.message


def test_a_check_switched_off_still_runs():
    Path("roledocs.yaml").write_text("roledocs: 1\nlint:\n  yaml-duplicate-key: off\n", encoding="utf-8")
    Path("tester.yaml").write_text(CAUSES["yaml-duplicate-key"], encoding="utf-8")
    findings = {(f.rule, f.severity.value) for f in validate(["."]).findings}
    assert findings == {("unknown-rule", "warning"), ("yaml-duplicate-key", "error")}


def test_a_misspelt_rule_still_gets_a_guess():
    Path("roledocs.yaml").write_text("roledocs: 1\nlint:\n  raci-idle: off\n", encoding="utf-8")
    [finding] = validate(["."]).findings
    assert finding.message == "there is no rule 'raci-idle'; did you mean 'raci-idle-role'? `roledocs rules` lists them"


def test_a_misspelt_check_is_not_taken_for_a_rule():
    Path("roledocs.yaml").write_text("roledocs: 1\nlint:\n  yaml-duplicate-keys: off\n", encoding="utf-8")
    [finding] = validate(["."]).findings
    assert finding.message == ("there is no rule 'yaml-duplicate-keys'; the closest, 'yaml-duplicate-key', is a check "
                               "roledocs always makes and cannot be changed or switched off; remove this line")
