"""`--to html,pdf`: several formats in one call of render, raci and charter; each command names what it wrote in
one line on standard error, which -q silences (cli.md, Additions)."""
from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from tests.support import EXAMPLE

ROLE = EXAMPLE / "it-project-manager.yaml"
TEAM = EXAMPLE / "teams" / "it-delivery.yaml"


def test_render_writes_each_format_and_says_so_in_one_line(cli, isolated):
    run = cli("render", ROLE, "--to", "html,pdf", "-o", "out")
    assert run.code == 0 and run.out == ""
    assert run.err == "roledocs: wrote out/it-project-manager.html, out/it-project-manager.pdf\n"
    alone = cli("render", ROLE, "--to", "html", "-o", "single")
    assert alone.err == "roledocs: wrote single/it-project-manager.html\n"
    assert Path("out/it-project-manager.html").read_bytes() == Path("single/it-project-manager.html").read_bytes()
    assert len(pypdf.PdfReader("out/it-project-manager.pdf").pages) >= 1


def test_quiet_silences_the_line_only(cli, isolated, tmp_path):
    run = cli("render", ROLE, "--to", "md,jsonld", "-o", "out", "-q")
    assert (run.code, run.out, run.err) == (0, "", "")
    assert sorted(p.name for p in Path("out").iterdir()) == ["it-project-manager.jsonld", "it-project-manager.md"]
    broken = tmp_path / "broken.yaml"
    broken.write_text("roledocs: 1\nkind: role\n", encoding="utf-8")
    failed = cli("render", broken, "--to", "md", "-o", "out", "--quiet")
    assert failed.code == 1 and "missing-key" in failed.err  # errors are not silenced


def test_many_files_are_counted_in_the_line(cli, isolated):
    roles = sorted(p for p in EXAMPLE.glob("*.yaml") if p.name != "roledocs.yaml")
    run = cli("render", *roles, "--to", "md,jsonld", "-o", "out")
    assert run.code == 0
    assert run.err == f"roledocs: wrote {2 * len(roles)} files (md, jsonld) in out/\n"
    assert len(list(Path("out").iterdir())) == 2 * len(roles)


def test_a_file_with_errors_is_reported_once_and_the_others_written_in_every_format(cli, isolated, tmp_path):
    broken = tmp_path / "roles" / "broken.yaml"
    broken.parent.mkdir()
    broken.write_text("roledocs: 1\nkind: role\nid: broken\n", encoding="utf-8")
    run = cli("render", broken, ROLE, "--to", "md,html", "-o", "out")
    assert run.code == 1
    assert run.err.count(f"{broken}: not rendered: fix the errors above") == 1
    assert run.err.count("missing-key: 'title' is missing") == 1
    assert run.err.endswith("roledocs: wrote out/it-project-manager.md, out/it-project-manager.html\n")


@pytest.mark.parametrize("args, message", [
    (("--to", "html,xyz"), "'xyz' is not one of md, html, pdf, jsonld, docx"),
    (("--to", "md,html", "-o", "-"), "give exactly one file and one format"),
    (("--to", "md,pdf", "-o", "-"), "pdf is binary"),
    (("--to", "html,"), "'' is not one of"),
])
def test_format_lists_that_cannot_work_are_usage_errors(cli, isolated, args, message):
    run = cli("render", ROLE, *args)
    assert run.code == 2 and message in run.err
    assert list(Path(".").iterdir()) == []


def test_a_format_named_twice_is_written_once(cli, isolated):
    run = cli("render", ROLE, "--to", "md,md", "-o", "out")
    assert run.err == "roledocs: wrote out/it-project-manager.md\n"


def test_a_team_file_in_a_format_a_charter_has_not_is_refused_before_anything_is_written(cli, isolated):
    run = cli("render", ROLE, TEAM, "--to", "html,docx", "-o", "out")
    assert run.code == 2 and "is a team file: its charter renders as md, html, pdf" in run.err
    assert not Path("out").exists()


def test_raci_and_charter_write_each_format(cli, isolated):
    raci = cli("raci", TEAM, "--to", "csv,xlsx,html", "-o", "out")
    assert raci.code == 0
    assert raci.err == "roledocs: wrote out/it-delivery.csv, out/it-delivery.xlsx, out/it-delivery-raci.html\n"
    charter = cli("charter", TEAM, "--to", "md,html", "-o", "out")
    assert charter.err == "roledocs: wrote out/it-delivery.md, out/it-delivery.html\n"
    assert sorted(p.name for p in Path("out").iterdir()) == [
        "it-delivery-raci.html", "it-delivery.csv", "it-delivery.html", "it-delivery.md", "it-delivery.xlsx"]
    single = cli("charter", TEAM, "--to", "md", "-o", "-")
    assert single.out == Path("out/it-delivery.md").read_text(encoding="utf-8") and single.err == ""
    quiet = cli("raci", TEAM, "--to", "md", "-o", "out", "-q")
    assert (quiet.code, quiet.err) == (0, "")


def test_raci_and_charter_print_one_format_only(cli, isolated):
    run = cli("raci", TEAM, "--to", "md,csv", "-o", "-")
    assert run.code == 2 and "-o - prints one text format" in run.err
    assert cli("charter", TEAM, "--to", "pdf", "-o", "-").code == 2


def test_the_library_renders_several_formats(isolated):
    import roledocs

    written = roledocs.render([ROLE], ["md", "html"], "out")
    assert [p.name for p in written] == ["it-project-manager.md", "it-project-manager.html"]
