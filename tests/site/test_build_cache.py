"""`roledocs build` through the content cache: an unchanged build parses nothing, and the site is the same bytes."""
from __future__ import annotations

from pathlib import Path

from tests.check.test_cache import edit
from tests.site.test_build import built, files


def test_an_unchanged_build_parses_nothing_and_writes_nothing(cli, example, tmp_path, parsed):
    first = built(cli, str(example), "-o", str(tmp_path / "site"))
    assert first.startswith("built 15 files") and len(parsed) == 8
    site = files(tmp_path / "site")
    parsed.clear()
    assert built(cli, str(example), "-o", str(tmp_path / "site")).startswith("built 0 files (15 unchanged")
    assert parsed == []
    assert files(tmp_path / "site") == site


def test_the_site_is_the_same_with_and_without_the_cache(cli, example, tmp_path):
    built(cli, str(example), "-o", str(tmp_path / "cold"), "--no-cache")
    built(cli, str(example), "-o", str(tmp_path / "first"))
    built(cli, str(example), "-o", str(tmp_path / "warm"))
    edit(example / "software-tester.yaml", "title: Software Tester", "title: Test Engineer")
    built(cli, str(example), "-o", str(tmp_path / "edited-cold"), "--no-cache")
    built(cli, str(example), "-o", str(tmp_path / "edited-warm"))
    assert files(tmp_path / "cold") == files(tmp_path / "first") == files(tmp_path / "warm")
    assert files(tmp_path / "edited-cold") == files(tmp_path / "edited-warm") != files(tmp_path / "cold")
    assert b"Test Engineer" in files(tmp_path / "edited-warm")["software-tester.html"]


def test_a_build_after_validate_reads_the_roles_whole_once(cli, example, tmp_path, parsed):
    """validate keeps of each role only what the cross-file rules read; build needs all of it, once."""
    assert cli("validate", str(example)).code == 0
    parsed.clear()
    built(cli, str(example), "-o", str(tmp_path / "site"))
    assert sorted(Path(p).name for p in parsed) == sorted(p.name for p in example.glob("*.yaml")
                                                          if p.name != "roledocs.yaml")
    parsed.clear()
    assert cli("validate", str(example)).code == 0
    built(cli, str(example), "-o", str(tmp_path / "site"))
    assert parsed == []


def test_a_changed_role_is_the_only_file_read_again(cli, example, tmp_path, parsed):
    built(cli, str(example), "-o", str(tmp_path / "site"))
    edit(example / "software-tester.yaml", "title: Software Tester", "title: Test Engineer")
    parsed.clear()
    assert built(cli, str(example), "-o", str(tmp_path / "site")).startswith("built 5 files")  # with the index
    assert [Path(p).name for p in parsed] == ["software-tester.yaml"]


def test_a_build_in_other_languages_does_not_take_the_findings_of_another(cli, example, tmp_path):
    """A translation block is checked only for a language the site is published in: `--language en,de` must not
    reuse what a build in English alone found in a role (nothing), nor the other way round."""
    edit(example / "software-tester.yaml", "kind: role\n", "kind: role\nx-de:\n  titel: Softwaretester\n")
    built(cli, str(example), "-o", str(tmp_path / "site"))
    run = cli("build", str(example), "-o", str(tmp_path / "site"), "--language", "en,de")
    assert run.code == 1 and "software-tester.yaml" in run.err and "unknown-key" in run.err and "titel" in run.err
    assert built(cli, str(example), "-o", str(tmp_path / "site")).startswith("built ")
