"""`roledocs diff` on real git repositories: every kind of change, each format, revisions and the working tree,
two folders, files that do not validate, shallow clones, --fail-on and --no-names."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tests.diff.support import CATALOGUE, DEVELOPER, DEVELOPER_2, TEAM, TEAM_2, commit, git, new_repo, write

from roledocs.diff import KINDS
from roledocs.diff.roles import strictness


@pytest.fixture
def repo(isolated) -> Path:
    """The test's folder as a repository: the catalogue on main, then a branch `feature` that edits the developer
    role and the team in every way a diff reports."""
    new_repo(isolated, CATALOGUE)
    git(isolated, "checkout", "-q", "-b", "feature")
    commit(isolated, {"roles/developer.yaml": DEVELOPER_2, "teams/small.yaml": TEAM_2}, "edit")
    return isolated


def report(cli, *args: str) -> dict:
    run = cli("diff", *args, "--format", "json")
    assert run.code == 0, run.err
    return json.loads(run.out)


def changes(result: dict, path: str) -> list[tuple[str, str]]:
    [file] = [f for f in result["files"] if f["path"] == path]
    return [(c["kind"], c["message"]) for c in file["changes"]]


def test_every_change_to_a_role(cli, repo):
    assert changes(report(cli, "main", "HEAD"), "roles/developer.yaml") == [
        ("title-changed", "title 'Developer' → 'Software Developer'"),
        ("family-changed", "family removed (was 'Engineering')"),
        ("level-changed", "level 'P2' → 'P3'"),
        ("reports-to-changed", "reports to 'team-lead' → 'head-of-engineering'"),
        ("duty-reworded", "duty 'build': title 'Build features' → 'Build and ship features'"),
        ("time-share-changed", "duty 'build': time share 70% → 60%"),
        ("duty-frequency-changed", "duty 'build': frequency 'daily' → 'weekly'"),
        ("duty-added", "duty 'review' added: 'Review code' (40% of the time)"),
        ("essential-duty-removed", "essential duty 'support' removed: 'Support users'"),
        ("duty-removed", "duty 'docs' removed: 'Write docs'"),
        ("skill-level-changed", "skill 'python': level 3 → 4"),
        ("skill-required-changed", "skill 'Docker' is now required"),
        ("skill-added", "skill 'Kubernetes' added at level 2"),
        ("skill-removed", "skill 'SQL' removed (was level 3)"),
        ("kpi-target-stricter", "KPI 'green-builds': target '>= 90%' → '>= 95%' (stricter)"),
        ("kpi-frequency-changed", "KPI 'green-builds': measured weekly → monthly"),
        ("kpi-target-looser", "KPI 'lead-time': target '< 5 days' → '< 7 days' (looser)"),
        ("kpi-target-changed", "KPI 'score': target '4 - 5' → '4.5 - 6'"),
        ("kpi-added", "KPI 'reviews' added: 'Reviews', target '>= 90%'"),
        ("kpi-removed", "KPI 'tickets' removed: 'Tickets', target '>= 10'"),
        ("qualification-added", "experience: '5+ years of Python' added"),
        ("qualification-removed", "experience: '3+ years of Python' removed"),
        ("pay-range-changed", "pay range EUR 50,000–60,000 per year → EUR 55,000–63,000 per year (min +10.0%, "
                              "max +5.0%)"),
        ("last-reviewed-unchanged", "the role changed but 'last_reviewed' is still 2025-01-10: review it and set "
                                    "the date"),
    ]


def test_every_change_to_a_team(cli, repo):
    assert changes(report(cli, "main", "HEAD"), "teams/small.yaml") == [
        ("name-changed", "name 'Small Team' → 'Small Product Team'"),
        ("headcount-changed", "'developer': headcount 3 → 4"),
        ("person-added", "'developer': 'Dee Diaz' added"),
        ("person-removed", "'developer': 'Cy Chen' removed"),
        ("member-added", "member role 'head-of-engineering' added (1 seat)"),
        ("party-added", "party 'auditor' added: 'Auditor'"),
        ("activity-renamed", "activity 'plan': 'Plan the quarter' → 'Plan the next quarter'"),
        ("activity-phase-changed", "activity 'build': phase 'Build' → 'Ship'"),
        ("activity-added", "activity 'audit' added: 'Audit the release'"),
        ("activity-removed", "activity 'estimate' removed: 'Estimate the work'"),
        ("raci-changed", "'Plan the next quarter': developer C → A"),
        ("raci-changed", "'Build the features': developer R → C"),
        ("raci-changed", "'Accept the release': customer A → C"),
        ("activity-without-responsible", "'Build the features' is left with no one responsible (R)"),
        ("activity-without-accountable", "'Accept the release' is left with no one accountable (A)"),
    ]


def test_lines_point_at_the_new_version_and_removals_at_the_old(cli, repo):
    result = report(cli, "main", "HEAD")
    role = {c["kind"]: c for c in result["files"][0]["changes"]}
    new_lines, old_lines = DEVELOPER_2.splitlines(), DEVELOPER.splitlines()
    assert new_lines[role["kpi-target-stricter"]["line"] - 1].startswith("  - {id: green-builds")
    assert new_lines[role["title-changed"]["line"] - 1] == "title: Software Developer"
    assert old_lines[role["essential-duty-removed"]["base_line"] - 1] == "  - id: support"
    assert new_lines[role["essential-duty-removed"]["line"] - 1] == "duties:"  # where it is gone from
    assert role["pay-range-changed"]["min_change_percent"] == 10.0
    assert role["pay-range-changed"]["before"] == {"currency": "EUR", "min": 50000, "max": 60000, "period": "year"}


def test_summary_counts_kinds_in_a_fixed_order(cli, repo):
    summary = report(cli, "main", "HEAD")["summary"]
    assert summary["files"] == 2 and summary["changes"] == 39
    assert list(summary["kinds"]) == [k for k in KINDS if k in summary["kinds"]]
    assert summary["kinds"]["raci-changed"] == 3 and summary["failing"] == []


# Revisions, the working tree, paths -----------------------------------------------------------------------------

def test_default_is_the_merge_base_with_main_and_the_working_tree(cli, repo):
    git(repo, "checkout", "-q", "main")
    commit(repo, {"roles/team-lead.yaml": CATALOGUE["roles/team-lead.yaml"].replace("Team Lead", "Lead")},
           "main moves on")  # not in the branch: the merge base leaves it out
    git(repo, "checkout", "-q", "feature")
    write(repo, {"roles/tester.yaml": DEVELOPER.replace("id: developer", "id: tester")})  # untracked
    result = report(cli)
    assert result["base"].startswith("main (merge base ") and result["head"] == "working tree"
    assert [(f["path"], f["status"]) for f in result["files"]] == [
        ("roles/developer.yaml", "changed"), ("roles/tester.yaml", "added"), ("teams/small.yaml", "changed")]


def test_two_revisions_ignore_the_working_tree(cli, repo):
    write(repo, {"roles/developer.yaml": DEVELOPER})  # back to main's version, not committed
    assert [f["path"] for f in report(cli, "main", "HEAD")["files"]] == ["roles/developer.yaml", "teams/small.yaml"]
    assert [f["path"] for f in report(cli, "main")["files"]] == ["teams/small.yaml"]


def test_paths_limit_the_comparison(cli, repo):
    assert [f["path"] for f in report(cli, "main", "HEAD", "teams")["files"]] == ["teams/small.yaml"]
    assert [f["path"] for f in report(cli, "main", "HEAD", "roles/developer.yaml")["files"]] == [
        "roles/developer.yaml"]


def test_a_role_renamed_moved_added_and_removed(cli, repo):
    lead = CATALOGUE["roles/team-lead.yaml"]
    commit(repo, {"roles/team-lead.yaml": None, "roles/leads/squad-lead.yaml": lead.replace(
        "id: team-lead", "id: squad-lead"), "roles/head-of-engineering.yaml": None,
        "teams/other.yaml": TEAM.replace("id: small", "id: other")}, "rename")
    files = {f["path"]: f for f in report(cli, "main", "HEAD")["files"]}
    renamed = files["roles/leads/squad-lead.yaml"]
    assert (renamed["status"], renamed["base_path"], renamed["base_id"]) == (
        "renamed", "roles/team-lead.yaml", "team-lead")
    assert renamed["changes"][0]["message"] == "role 'team-lead' renamed to 'squad-lead', its content unchanged"
    assert files["roles/head-of-engineering.yaml"]["changes"][0]["kind"] == "role-removed"
    assert files["teams/other.yaml"]["changes"][0]["message"] == "team 'other' added: Small Team"


def test_formatting_only_changes_nothing(cli, repo):
    commit(repo, {"roles/developer.yaml": "# reviewed\n" + DEVELOPER_2.replace(">= 95%", "≥ 95 %")}, "style")
    assert report(cli, "HEAD~1", "HEAD")["files"] == []
    assert cli("diff", "HEAD~1", "HEAD", "--format", "md").out.endswith("No role or team changed in meaning.\n")


def test_a_file_that_does_not_validate_is_reported_not_crashed_on(cli, repo):
    commit(repo, {"roles/developer.yaml": DEVELOPER_2.replace("title: Software Developer", "title: [oops"),
                  "roles/team-lead.yaml": CATALOGUE["roles/team-lead.yaml"].replace("level: 4", "level: 9")}, "break")
    run = cli("diff", "HEAD~1", "HEAD")
    assert run.code == 0 and "Traceback" not in run.err
    assert "roles/developer.yaml: role developer does not validate\n  line 4: invalid: does not validate in the " \
           "head version at 4:8: yaml-syntax: " in run.out
    lead = CATALOGUE["roles/team-lead.yaml"].splitlines().index("  - {name: Planning, level: 4}") + 1
    assert f"roles/team-lead.yaml: role team-lead does not validate\n  line {lead}: invalid: does not validate in " \
           f"the head version at {lead}:29: out-of-range: skills[1].level is 9 but must be at most 5" in run.out
    fixed = report(cli, "HEAD", "HEAD~1")  # the other way round: broken at the base side
    assert {c["side"] for f in fixed["files"] for c in f["changes"]} == {"base"}


def test_other_yaml_files_are_left_alone(cli, repo):
    commit(repo, {".github/workflows/ci.yml": "on: [push]\njobs: {}\n", "notes.yaml": "just: [a, list\n"}, "ci")
    assert report(cli, "HEAD~1", "HEAD")["files"] == []


# Two folders ----------------------------------------------------------------------------------------------------

def test_two_folders_outside_git(cli, isolated):
    write(isolated / "old", CATALOGUE)
    write(isolated / "new", {**CATALOGUE, "roles/developer.yaml": DEVELOPER_2})
    result = report(cli, "old", "new")
    assert (result["base"], result["head"]) == ("old", "new")
    assert [f["path"] for f in result["files"]] == ["roles/developer.yaml"]


def test_two_folders_inside_a_repository_are_paths_unless_no_index(cli, repo):
    assert [f["path"] for f in report(cli, "main", "roles", "teams")["files"]] == [
        "roles/developer.yaml", "teams/small.yaml"]
    shutil.copytree(repo / "roles", repo / "roles-copy")
    write(repo, {"roles-copy/developer.yaml": DEVELOPER})
    assert [f["path"] for f in report(cli, "--no-index", "roles-copy", "roles")["files"]] == ["developer.yaml"]


# Errors ---------------------------------------------------------------------------------------------------------

def test_no_index_needs_two_folders(cli, repo):
    run = cli("diff", "--no-index", "roles")
    assert run.code == 2 and "--no-index compares two folders" in run.err


def test_outside_a_repository_one_argument_is_a_usage_error(cli, isolated):
    run = cli("diff")
    assert run.code == 2 and "not inside a git repository" in run.err and "OLD_FOLDER NEW_FOLDER" in run.err


def test_an_unknown_revision_is_a_usage_error(cli, repo):
    run = cli("diff", "no-such-branch")
    assert run.code == 2 and "'no-such-branch' is neither a revision of this repository nor a file or folder" in run.err


def test_a_shallow_clone_without_the_base_says_how_to_fetch_it(cli, repo, tmp_path, monkeypatch):
    main = git(repo, "rev-parse", "main").strip()
    git(repo, "checkout", "-q", "main")  # the repository's default branch, as on a server
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "feature", repo.as_uri(), str(clone))
    monkeypatch.chdir(clone)
    run = cli("diff")
    assert run.code == 2 and "fetch-depth: 0" in run.err and "shallow" in run.err, run.err
    run = cli("diff", main)
    assert run.code == 2 and f"the revision '{main}' is not in this clone" in run.err and "fetch-depth: 0" in run.err
    git(clone, "fetch", "-q", "--unshallow", "origin", "main:main")
    assert cli("diff").code == 0


def test_github_base_ref_names_the_base_in_a_pull_request(cli, repo, tmp_path, monkeypatch):
    clone = tmp_path / "pr"
    git(tmp_path, "clone", "-q", "--branch", "feature", repo.as_uri(), str(clone))
    git(clone, "remote", "set-head", "origin", "-d")
    monkeypatch.chdir(clone)
    monkeypatch.setenv("GITHUB_BASE_REF", "main")
    assert report(cli)["base"].startswith("origin/main (merge base ")


# --fail-on and --no-names ---------------------------------------------------------------------------------------

def test_fail_on_exits_1_when_a_named_kind_is_present(cli, repo):
    run = cli("diff", "main", "HEAD", "--fail-on", "pay-range-changed,essential-duty-removed")
    assert run.code == 1 and "failing (--fail-on): essential-duty-removed, pay-range-changed" in run.out
    assert cli("diff", "main", "HEAD", "--fail-on", "role-removed").code == 0
    assert cli("diff", "main", "HEAD", "--fail-on", "any").code == 1


def test_an_unknown_kind_is_a_usage_error_with_a_guess(cli, repo):
    run = cli("diff", "main", "HEAD", "--fail-on", "pay-changed")
    assert run.code == 2 and "no kind of change 'pay-changed'" in run.err and "did you mean" in run.err


@pytest.mark.parametrize("fmt", ["text", "md", "json", "github"])
def test_no_names_keeps_people_out_of_every_format(cli, repo, fmt):
    shown = cli("diff", "main", "HEAD", "--format", fmt).out
    hidden = cli("diff", "main", "HEAD", "--format", fmt, "--no-names").out
    assert "Dee Diaz" in shown and "Cy Chen" in shown
    assert "Dee Diaz" not in hidden and "Cy Chen" not in hidden and "a person added" in hidden


# Formats --------------------------------------------------------------------------------------------------------

def test_markdown_is_a_summary_table_then_details(cli, repo):
    from markdown_it import MarkdownIt

    page = cli("diff", "main", "HEAD", "--format", "md", "--fail-on", "pay-range-changed").out
    tokens = MarkdownIt("commonmark").enable("table").parse(page)
    cells = [t.content for t in tokens if t.type == "inline"]
    header = cells.index("file")
    assert cells[header:header + 4] == ["file", "role or team", "status", "changes"]
    assert cells[header + 4:header + 7] == ["roles/developer.yaml", "role developer", "changed"]
    assert "**pay range changed**" in cells[header + 7] and "KPI target stricter" in cells[header + 7]
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h4"]
    assert headings == ["roles/developer.yaml: role developer", "teams/small.yaml: team small"]
    assert "- pay range changed **(needs a second look)**: pay range EUR 50,000" in page
    assert page.index("| file |") < page.index("#### roles/developer.yaml")


def test_github_annotations_sit_on_the_changed_lines(cli, repo):
    commit(repo, {"roles/team-lead.yaml": None}, "remove")
    lines = cli("diff", "main", "HEAD", "--format", "github", "--fail-on", "kpi-target-stricter").out.splitlines()
    kpi = DEVELOPER_2.splitlines().index(next(l for l in DEVELOPER_2.splitlines() if "green-builds" in l)) + 1
    assert f"::error file=roles/developer.yaml,line={kpi},title=roledocs diff%3A kpi-target-stricter::KPI " \
           "'green-builds': target '>= 90%25' → '>= 95%25' (stricter)" in lines
    assert "::notice file=roles/developer.yaml,line=4,title=roledocs diff%3A title-changed::title 'Developer' → " \
           "'Software Developer'" in lines
    assert "::notice title=roledocs diff%3A role-removed::roles/team-lead.yaml: role 'team-lead' removed: Team Lead" \
        in lines
    assert lines[-1].startswith("main (") and lines[-1].endswith(": 3 files, 40 changes")


def test_json_is_the_documented_shape(cli, repo):
    result = report(cli, "main", "HEAD")
    assert list(result) == ["base", "head", "summary", "files"]
    assert list(result["summary"]) == ["files", "changes", "kinds", "failing"]
    file = result["files"][0]
    assert list(file) == ["path", "base_path", "kind", "id", "base_id", "status", "changes"]
    assert list(file["changes"][0])[:6] == ["kind", "message", "line", "base_line", "before", "after"]


def test_the_same_inputs_give_the_same_bytes(cli, repo):
    assert cli("diff", "main", "HEAD", "--format", "md").out == cli("diff", "main", "HEAD", "--format", "md").out


# Profiles and review dates --------------------------------------------------------------------------------------

def test_a_daci_team_is_left_without_its_driver(cli, repo):
    daci = TEAM_2.replace("lead: team-lead", "raci_profile: daci\nlead: team-lead").replace(": AR,", ": AD,") \
        .replace("developer: R,", "developer: D,").replace("auditor: R", "auditor: D")
    commit(repo, {"teams/small.yaml": daci}, "daci")
    commit(repo, {"teams/small.yaml": daci.replace("developer: D,", "developer: C,")}, "no driver")
    assert changes(report(cli, "HEAD~1", "HEAD"), "teams/small.yaml") == [
        ("raci-changed", "'Accept the release': developer D → C"),
        ("activity-without-responsible", "'Accept the release' is left with no driver (D)")]
    assert ("raci-profile-changed", "raci profile set to 'daci'") in changes(report(cli, "HEAD~2", "HEAD~1"),
                                                                           "teams/small.yaml")


def test_a_new_review_date_is_noted_not_nagged(cli, repo):
    commit(repo, {"roles/developer.yaml": DEVELOPER_2.replace("2025-01-10", "2025-06-01").replace("P3", "P4")},
           "reviewed")
    assert changes(report(cli, "HEAD~1", "HEAD"), "roles/developer.yaml") == [
        ("level-changed", "level 'P3' → 'P4'"), ("last-reviewed-changed", "last reviewed '2025-01-10' → '2025-06-01'")]


@pytest.mark.parametrize("before, after, expected", [
    (">= 90%", ">= 95%", "stricter"), (">= 90%", "> 90%", "stricter"), ("> 90%", ">= 90%", "looser"),
    ("< 2 days", "< 1 days", "stricter"), ("<= 5", "< 5", "stricter"), ("4 - 5", "4.2 - 4.8", "stricter"),
    ("4 - 5", "3 - 5", "looser"), ("4 - 5", "4.5 - 6", "changed"), ("= 0", "<= 1", "looser"),
    ("= 0", "= 1", "changed"), (">= 90%", ">= 95 h", "changed"), (">= 90%", "high", "changed"),
    (">= 90%", "≥ 90 %", None), ("4 - 5", "4 to 5", None),
])
def test_a_target_is_stricter_when_it_accepts_fewer_results(before, after, expected):
    assert strictness(before, after) == expected


def test_every_kind_is_documented():
    from tests.support import REPO

    page = (REPO / "docs" / "diff.md").read_text(encoding="utf-8")
    table = page[page.index("## The kinds of change"):page.index("## Output")]
    assert [kind for kind in KINDS if f"`{kind}`" not in table] == []


def test_the_library_call_gives_the_report(repo, tmp_path, monkeypatch):
    from roledocs import UsageError
    from roledocs.diff import diff
    from roledocs.diff.reporters import FORMATS

    monkeypatch.chdir(tmp_path)  # git is asked in `folder`, not here
    report = diff(["main", "HEAD", "teams/"], names=False, fail_on=frozenset({"raci-changed"}), folder=repo)
    assert [(f.path, f.status) for f in report.files] == [("teams/small.yaml", "changed")]
    assert report.failing == ["raci-changed"] and "Dee Diaz" not in FORMATS["json"](report)
    with pytest.raises(UsageError, match="not inside a git repository"):
        diff([], folder=tmp_path)
