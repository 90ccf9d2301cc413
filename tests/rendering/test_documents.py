"""`roledocs render` end to end: file names, folders, stdout, checks before rendering, exit codes, golden files.

Golden files (tests/golden/) hold the Markdown and HTML of two example roles, from a snapshot of them in
tests/fixtures/render/example/ (so editing the example catalogue does not churn them); the HTML ones without the
inlined stylesheets, which are checked on their own. Regenerate with ROLEDOCS_UPDATE_GOLDEN=1 and review the diff.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support import EXAMPLE
from tests.rendering.support import RENDER_FIXTURES, catalogue_copy, lead_data, write_role

GOLDEN = Path(__file__).resolve().parent / "golden"
FORMATS = {"md": "md", "html": "html", "jsonld": "jsonld", "docx": "docx"}


def _without_styles(html: str) -> str:
    return re.sub(r"(<style[^>]*>).*?(</style>)", r"\1…\2", html, flags=re.DOTALL)


@pytest.mark.parametrize("role", ["it-project-manager", "software-developer"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_golden(cli, role, fmt):
    run = cli("render", RENDER_FIXTURES / "example" / f"{role}.yaml", "--to", fmt, "-o", "-")
    assert run.code == 0, run.err
    text = _without_styles(run.out) if fmt == "html" else run.out
    golden = GOLDEN / f"{role}.{fmt}"
    if os.environ.get("ROLEDOCS_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_html_is_standalone_and_accessible(cli, example):
    html = cli("render", example / "software-developer.yaml", "--to", "html", "-o", "-").out
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert "@page" in html and "counter(pages)" in html and "--accent" in html
    # The only script is the JobPosting's JSON-LD: data, not code a browser runs.
    assert re.findall(r"<script[^>]*>", html) == ['<script type="application/ld+json">']
    assert not re.search(r"""(src|href)=["']?(https?:)?//|@import|url\(|<link""", html)
    assert [html.count(t) for t in ("<header", "<main", "<footer", "<h1")] == [1, 1, 1, 1]
    levels = [int(n) for n in re.findall(r"<h([1-6])", html)]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:]))
    assert "<th>" not in html and "<th scope=\"col\">" in html and "<th scope=\"row\">" in html
    assert html.count("<caption>") == html.count("<table")


def test_every_format_writes_id_dot_ext_in_the_current_folder(cli, isolated):
    for fmt in FORMATS:
        run = cli("render", EXAMPLE / "software-developer.yaml", EXAMPLE / "systems-analyst.yaml", "--to", fmt)
        assert run.code == 0, run.err
    names = sorted(p.name for p in isolated.iterdir())
    assert names == sorted(f"{r}.{e}" for r in ("software-developer", "systems-analyst") for e in FORMATS.values())


def test_output_folder_is_created(cli, isolated):
    run = cli("render", EXAMPLE / "software-developer.yaml", "--to", "md", "-o", "a/b")
    assert run.code == 0
    assert (isolated / "a" / "b" / "software-developer.md").read_text().startswith("# Software Developer\n")


@pytest.mark.parametrize("fmt", ["md", "html", "jsonld"])
def test_dash_writes_one_document_to_stdout(cli, isolated, fmt):
    run = cli("render", EXAMPLE / "software-developer.yaml", "--to", fmt, "-o", "-")
    assert run.code == 0 and "Software Developer" in run.out
    assert list(isolated.iterdir()) == []


@pytest.mark.parametrize("args", [
    ["software-developer.yaml", "systems-analyst.yaml", "--to", "md", "-o", "-"],
    ["software-developer.yaml", "--to", "pdf", "-o", "-"],
    ["software-developer.yaml", "--to", "docx", "-o", "-"],
    ["no-such-role.yaml", "--to", "md"],
    [".", "--to", "md"],
    ["software-developer.yaml", "--to", "rtf"],
    ["software-developer.yaml"],
    ["software-developer.yaml", "--to", "jsonld", "--date-posted", "1.3.2026"],
    ["software-developer.yaml", "--to", "jsonld", "--date-posted", "2026-03-01", "--valid-through", "2026-02-01"],
    ["software-developer.yaml", "--to", "pdf", "--jobs", "0"],
])
def test_usage_errors_exit_2_and_write_nothing(cli, example, isolated, args):
    os.chdir(example)
    run = cli("render", *args)
    assert run.code == 2, run
    assert run.out == "" and run.err
    assert not list(Path(".").glob("*.md"))


def test_a_file_with_errors_is_reported_and_skipped_the_others_rendered(cli, tmp_path, isolated):
    root = catalogue_copy(tmp_path)
    data = lead_data()
    data.update(id="broken", reports_to="nobody")
    data["duties"][0]["time_share"] = 10
    broken = write_role(root, data)
    run = cli("render", broken, root / "roles" / "delivery-lead.yaml", "--to", "html")
    assert run.code == 1
    assert re.search(r"roles/broken.yaml:\d+:\d+: error unknown-reports-to: ", run.err), run.err
    assert re.search(r"roles/broken.yaml:\d+:\d+: error time-share-total: ", run.err)
    assert "broken.yaml: not rendered" in run.err
    assert sorted(p.name for p in isolated.iterdir()) == ["delivery-lead.html"]


def test_a_file_alone_renders_without_resolving_references(cli, tmp_path):
    # in a plain folder: in a roles/ folder, the folder above would be its catalogue (the usual layout)
    alone = tmp_path / "alone" / "delivery-lead.yaml"
    alone.parent.mkdir()
    alone.write_text(yaml.safe_dump(lead_data(), sort_keys=False, allow_unicode=True), encoding="utf-8")
    run = cli("render", alone, "--to", "md", "-o", "-")
    assert run.code == 0, run.err
    assert "- **Reports to:** head-of-delivery\n" in run.out


def test_not_a_role_or_team_file(cli, tmp_path):
    root = catalogue_copy(tmp_path)
    run = cli("render", root / "roledocs.yaml", "--to", "md")
    assert run.code == 2 and "is the catalogue config; give role or team files" in run.err


def test_a_team_file_gives_its_charter(cli, isolated):
    run = cli("render", EXAMPLE / "teams" / "it-delivery.yaml", EXAMPLE / "software-developer.yaml", "--to", "md")
    assert run.code == 0, run.err
    assert "IT Delivery Team" in (isolated / "it-delivery.md").read_text()
    assert (isolated / "software-developer.md").is_file()
    run = cli("render", EXAMPLE / "teams" / "it-delivery.yaml", "--to", "docx")
    assert run.code == 2 and "charter renders as md, html, pdf" in run.err
    assert not (isolated / "it-delivery.docx").exists()


def test_two_inputs_with_one_id_do_not_overwrite_each_other(cli, tmp_path, isolated):
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "software-developer.yaml").write_text((EXAMPLE / "software-developer.yaml").read_text())
    run = cli("render", EXAMPLE / "software-developer.yaml", copy / "software-developer.yaml", "--to", "md")
    assert run.code == 1 and "would replace" in run.err
    assert [p.name for p in isolated.iterdir()] == ["software-developer.md"]


def _modules_after(argv: list[str], cwd: Path) -> list[str]:
    code = ("import sys\nfrom roledocs.cli import main\nmain(%r)\n"
            "print('MODULES', sorted({m.split('.')[0] for m in sys.modules} & {'weasyprint', 'docx', 'pypdf'}))"
            % argv)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_markdown_and_html_never_import_weasyprint(tmp_path):
    for fmt in ("md", "html", "jsonld"):
        assert _modules_after(["render", str(EXAMPLE / "software-developer.yaml"), "--to", fmt], tmp_path) \
            == "MODULES []"


def test_a_team_with_a_broken_member_role_is_not_rendered(cli, example, isolated):
    role = example / "software-developer.yaml"
    role.write_text(role.read_text().replace("time_share: 40", "time_share: 45", 1))
    run = cli("render", example / "teams" / "it-delivery.yaml", "--to", "html")
    assert run.code == 1
    assert re.search(r"software-developer.yaml:\d+:\d+: error time-share-total: ", run.err), run.err
    assert list(isolated.iterdir()) == []


def test_config_errors_block_rendering(cli, tmp_path, isolated):
    root = catalogue_copy(tmp_path)
    (root / "roledocs.yaml").write_text((root / "roledocs.yaml").read_text() + "page_size: A5\n")
    run = cli("render", root / "roles" / "delivery-lead.yaml", "--to", "md")
    assert run.code == 1 and "roledocs.yaml" in run.err
    assert list(isolated.iterdir()) == []


def test_files_in_a_hidden_folder_render_when_named(cli, example, isolated):
    """validate reads a file you name even in a hidden folder; render, raci and analyze do the same."""
    (example / ".drafts").mkdir()
    role = (example / "software-tester.yaml").read_text(encoding="utf-8").replace("id: software-tester", "id: draft")
    (example / ".drafts" / "draft.yaml").write_text(role, encoding="utf-8")
    team = (example / "teams" / "it-delivery.yaml").read_text(encoding="utf-8").replace("id: it-delivery", "id: crew")
    (example / ".drafts" / "crew.yaml").write_text(team, encoding="utf-8")
    assert cli("render", example / ".drafts" / "draft.yaml", "--to", "md").code == 0
    assert cli("raci", example / ".drafts" / "crew.yaml", "--to", "csv").code == 0
    assert cli("analyze", example / ".drafts" / "crew.yaml").code == 0
    assert sorted(p.name for p in isolated.iterdir()) == ["crew.csv", "draft.md"]


def test_a_glob_that_takes_in_the_config_renders_the_roles(cli, example, isolated):
    """`roledocs render roles/*.yaml` picks up roledocs.yaml too: it is skipped with a note, the roles render."""
    files = sorted(str(p) for p in example.glob("*.yaml"))
    run = cli("render", *files, "--to", "md")
    assert run.code == 0, run.err
    assert "skipped" in run.err and "roledocs.yaml" in run.err
    assert sorted(p.name for p in isolated.iterdir()) == sorted(
        f"{Path(f).stem}.md" for f in files if not f.endswith("roledocs.yaml"))
    assert cli("render", str(example / "roledocs.yaml"), "--to", "md").code == 2  # alone, it is still a mistake
