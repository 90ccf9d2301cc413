"""The library API (roledocs.validate, load_catalogue, render, build), used as a script would, without the CLI."""
from __future__ import annotations

import subprocess
import sys

import pytest

import roledocs
from tests.support import REPO

EXAMPLE_ROLES = {"database-administrator", "infrastructure-project-manager", "it-project-manager",
                 "software-developer", "software-tester", "systems-analyst"}


def _break_reports_to(example):
    path = example / "software-developer.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("reports_to: it-project-manager", "reports_to: it-project-manger"), encoding="utf-8")
    return path


def test_validate_the_example_from_a_fresh_interpreter():
    """The issue's one-liner: a fresh Python prints 0 errors for the example."""
    run = subprocess.run([sys.executable, "-c", "import roledocs; print(roledocs.validate(['roles']).errors)"],
                         cwd=REPO, capture_output=True, text=True, timeout=120)
    assert (run.returncode, run.stdout, run.stderr) == (0, "0\n", "")


def test_validate_returns_findings_counts_and_whole_catalogues(example):
    result = roledocs.validate([example])
    assert (result.errors, result.warnings, result.findings) == (0, 0, [])
    assert len(result.files) == 8  # six roles, the team, the config
    catalogue, = result.catalogues
    assert set(catalogue.roles) == EXAMPLE_ROLES
    assert catalogue.roles["it-project-manager"].data["duties"]  # whole roles, not only what cross-file rules read


def test_validate_reports_a_cross_file_error_with_its_place(example):
    _break_reports_to(example)
    result = roledocs.validate([example])
    finding, = result.findings
    assert (finding.rule, finding.severity, result.errors) == ("unknown-reports-to", roledocs.Severity.ERROR, 1)
    assert finding.path.endswith("software-developer.yaml") and finding.line is not None
    assert "it-project-manager" in finding.message  # did you mean
    assert result.failed()


def test_validate_refuses_a_missing_path(tmp_path):
    with pytest.raises(roledocs.UsageError, match="no such file or folder"):
        roledocs.validate([tmp_path / "nothing-here"])


def test_load_catalogue_gives_roles_teams_and_config(example):
    catalogue = roledocs.load_catalogue(example)
    assert set(catalogue.roles) == EXAMPLE_ROLES and set(catalogue.teams) == {"it-delivery"}
    assert catalogue.config.organization and catalogue.findings == []
    with pytest.raises(roledocs.UsageError):
        roledocs.load_catalogue(example / "missing")


def test_a_cross_file_finding_keeps_its_line_when_names_do_not_open_from_here(example, isolated):
    """Names relative to the catalogue, read from another folder: the finding is placed through the real file."""
    from roledocs.check.engine import run_file_rules
    from roledocs.check.validate import run_checks
    from roledocs.source.catalogue import load_catalogue

    _break_reports_to(example)
    catalogue = load_catalogue(example, lambda path: path.relative_to(example).as_posix(), per_file=run_file_rules)
    finding, = run_checks(catalogue)
    assert (finding.path, finding.rule) == ("software-developer.yaml", "unknown-reports-to")
    assert (finding.line, finding.column) == (8, 13)


def test_render_returns_the_files_written(example, tmp_path):
    written = roledocs.render([example / "it-project-manager.yaml", example / "teams" / "it-delivery.yaml"], "md",
                              tmp_path / "out")
    assert [path.name for path in written] == ["it-project-manager.md", "it-delivery.md"]
    assert written[0].read_text(encoding="utf-8").startswith("# IT Project Manager\n")


def test_render_raises_for_a_file_with_errors_and_still_writes_the_others(example, tmp_path):
    broken = _break_reports_to(example)
    with pytest.raises(roledocs.RoledocsError, match="software-developer.yaml: not rendered") as raised:
        roledocs.render([broken, example / "systems-analyst.yaml"], "html", tmp_path / "out")
    assert "unknown-reports-to" in str(raised.value)
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["systems-analyst.html"]


def test_build_writes_the_site_and_refuses_a_catalogue_with_errors(example, tmp_path):
    result = roledocs.build(example, tmp_path / "site")
    assert (result.built, result.removed) == (15, 0)
    assert (tmp_path / "site" / "index.html").is_file()
    _break_reports_to(example)
    with pytest.raises(roledocs.RoledocsError, match="unknown-reports-to"):
        roledocs.build(example, tmp_path / "other")
    assert not (tmp_path / "other").exists()
