"""The Jinja environment: search path, builtin/ extends, sandbox, autoescape, Markdown escaping, template errors."""
from __future__ import annotations

import os
import signal

import pytest

from tests.rendering.support import catalogue_copy, lead_data, write_role, write_template
from roledocs.source.catalogue import load_catalogue
from roledocs.rendering.engine import TemplateError, autoescape, environment, markdown_escape, render_template

HOSTILE = {"{{ 7*7 }}", "<script>alert(1)</script>", '<img src="file:///etc/passwd">', "{% raw %}x{% endraw %}"}


@pytest.fixture
def root(tmp_path):
    return catalogue_copy(tmp_path)


def lead(root, cli, fmt: str, *extra: str):
    return cli("render", root / "roles" / "delivery-lead.yaml", "--to", fmt, *extra)


@pytest.mark.parametrize("name, escaped", [
    ("job-description.html.j2", True), ("builtin/raci.html.j2", True), ("x.htm", True), ("x.xml.j2", True),
    ("page.HTML", True), ("job-description.md.j2", False), ("style.css", False), (None, False)])
def test_autoescape_covers_html_templates_with_the_j2_suffix(name, escaped):
    assert autoescape(name) is escaped


@pytest.mark.parametrize("text, expected", [
    ("<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"), ("< 2 days", "< 2 days"),
    ("> quoted", "\\> quoted"), ("a > b", "a > b"), ("AT&T", "AT&T"), ("&amp;", "&amp;amp;"),
    ("{{ 7*7 }}", "{{ 7\\*7 }}"), ("*bold* _it_ `code` ~~x~~", "\\*bold\\* \\_it\\_ \\`code\\` \\~\\~x\\~\\~"),
    ("[link](http://x) ![img](y)", "\\[link\\](http://x) !\\[img\\](y)"),
    ("# title\n- item\n+ item\n12. item\n3) item\n===", "\\# title\n\\- item\n\\+ item\n12\\. item\n3\\) item\n\\==="),
    ("-5% budget, 2.5 days", "\\-5% budget, 2.5 days"), ("a\\b", "a\\\\b")])
def test_markdown_escape_keeps_text_as_written(text, expected):
    assert markdown_escape(text) == expected


def test_escaped_markdown_renders_as_the_text_itself():
    """Through a CommonMark renderer, escaped text gives back exactly the text: no emphasis, links, headings."""
    markdown_it = pytest.importorskip("markdown_it")
    text = "Writes *bold* and [a link](http://evil) `code` ~~gone~~ <b>x</b> on_call\n# heading\n- list\n1. one"
    html = markdown_it.MarkdownIt("commonmark").enable("strikethrough").render(str(markdown_escape(text)))
    assert html == "<p>" + text.replace("<", "&lt;").replace(">", "&gt;") + "</p>\n"


def test_environment_is_built_once_per_template_folder(root):
    loaded = load_catalogue(root, str)
    assert environment(loaded) is environment(load_catalogue(root, str))
    assert environment(loaded) is environment(None)  # no templates/ folder: built-ins only
    write_template(root, "job-description.md.j2", "x")
    assert environment(load_catalogue(root, str)) is not environment(None)


def test_role_text_is_never_template_code(root, cli):
    data = lead_data()
    data["summary"] = " ".join(sorted(HOSTILE))
    data["duties"][0]["title"] = "{{ 7*7 }} <b>bold</b>"
    write_role(root, data)
    html = lead(root, cli, "html", "-o", "-")
    md = lead(root, cli, "md", "-o", "-")
    assert html.code == md.code == 0, html.err + md.err
    assert "{{ 7*7 }}" in html.out and "{{ 7\\*7 }}" in md.out and "49" not in md.out
    assert "{% raw %}x{% endraw %}" in md.out
    assert "<script>" not in html.out and "&lt;script&gt;alert(1)&lt;/script&gt;" in html.out
    assert '<img src="file:///etc/passwd">' not in html.out and "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html.out
    assert "<script>" not in md.out and "<img" not in md.out and "<b>" not in md.out
    assert "&lt;script>alert(1)&lt;/script>" in md.out
    assert "### {{ 7\\*7 }} &lt;b>bold&lt;/b>\n" in md.out and "&amp;lt;" not in md.out  # escaped once, in macros too


def test_catalogue_templates_come_first(root, cli):
    write_template(root, "job-description.md.j2", "Custom {{ role.title }} for {{ config.organization }}\n")
    run = lead(root, cli, "md", "-o", "-")
    assert (run.code, run.out) == (0, "Custom Delivery Lead for Acme & Partners\n")


def test_override_extends_the_builtin_block_by_block(root, cli):
    write_template(root, "job-description.html.j2",
                   '{% extends "builtin/job-description.html.j2" %}\n'
                   '{% block footer %}<p>Grade {{ role["x-grade"] }} · {{ config["x-brand-colour"] }}</p>{% endblock %}')
    run = lead(root, cli, "html", "-o", "-")
    assert run.code == 0, run.err
    assert "<p>Grade G7 · #1d4e89</p>" in run.out
    assert "<h1>Delivery Lead</h1>" in run.out and "Job description: Delivery Lead" not in run.out


def test_shared_pieces_can_be_overridden_too(root, cli):
    write_template(root, "style.css", "body { color: #000; } /* house style */")
    run = lead(root, cli, "html", "-o", "-")
    assert "/* house style */" in run.out and "--accent" not in run.out


def test_config_names_another_template_folder(root, cli):
    (root / "roledocs.yaml").write_text((root / "roledocs.yaml").read_text() + "templates: layouts\n")
    (root / "layouts").mkdir()
    (root / "layouts" / "job-description.md.j2").write_text("From layouts\n")
    assert lead(root, cli, "md", "-o", "-").out == "From layouts\n"
    (root / "layouts" / "job-description.md.j2").unlink()
    (root / "layouts").rmdir()
    run = lead(root, cli, "md", "-o", "-")
    assert run.code == 1 and "'layouts'" in run.err and "does not exist" in run.err


def test_a_link_out_of_the_template_folder_is_refused(root, cli, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    (root / "templates").mkdir()
    os.symlink(secret, root / "templates" / "job-description.md.j2")
    run = lead(root, cli, "md", "-o", "out")
    assert run.code == 1
    assert "refused" in run.err and "outside the template folder" in run.err
    assert "TOP SECRET" not in run.out + run.err
    assert not (root.parent / "work" / "out").exists()


@pytest.mark.parametrize("template, line, words", [
    ("# {{ role.title }}\n{% if %}\n", 2, "syntax error"),
    ("# {{ role.title }}\n\n{{ role.no_such_key }}\n", 3, "no attribute 'no_such_key'"),
    ("# ok\n{{ ''.__class__.__mro__ }}\n", 2, "unsafe"),
    ("# ok\n{{ role.duties.append(1) }}\n", 2, "unsafe"),
    ("{% for d in role.duties %}{{ d.title }}\n{% endfor %}{{ 1 / 0 }}\n", 2, "division by zero"),
])
def test_a_broken_template_names_its_file_and_line_and_writes_nothing(root, cli, isolated, template, line, words):
    write_template(root, "job-description.md.j2", template)
    run = lead(root, cli, "md", "-o", "out")
    assert run.code == 1
    assert f"templates/job-description.md.j2:{line}:" in run.err and words in run.err, run.err
    assert not (isolated / "out").exists()


def test_a_failing_template_keeps_the_earlier_output(root, cli, isolated):
    assert lead(root, cli, "md").code == 0
    good = (isolated / "delivery-lead.md").read_text()
    write_template(root, "job-description.md.j2", "half way\n{{ 1 / 0 }}\n")
    assert lead(root, cli, "md").code == 1
    assert (isolated / "delivery-lead.md").read_text() == good
    assert [p.name for p in isolated.iterdir()] == ["delivery-lead.md"]


def test_missing_include_is_a_template_error(root):
    write_template(root, "job-description.md.j2", '{% include "nothing.j2" %}')
    loaded = load_catalogue(root, str)
    with pytest.raises(TemplateError, match="'nothing.j2' not found"):
        render_template(environment(loaded), "job-description.md.j2", {})


def test_a_template_folder_outside_the_catalogue_is_refused(root, cli, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "job-description.md.j2").write_text("from outside\n")
    os.symlink(outside, root / "templates")
    run = lead(root, cli, "md", "-o", "-")
    assert run.code == 1 and "'templates' is outside the catalogue folder" in run.err and "from outside" not in run.out


@pytest.mark.parametrize("expression", ["'a' * 10**9", "10**9 * 'a'", "[1] * 10**8", "2 ** 100000"])
def test_a_template_cannot_exhaust_memory(expression, root, cli, isolated):
    write_template(root, "job-description.md.j2", "{{ " + expression + " }}\n")
    run = lead(root, cli, "md")
    assert run.code == 1 and "templates/job-description.md.j2:1" in run.err and "at most" in run.err
    assert list(isolated.iterdir()) == []


@pytest.mark.parametrize("expression", [
    "'x' | center(10**9)", "'x'.ljust(10**9)", "'x'.zfill(10**9)", "'x' | indent(10**9)", "'x' | indent(width=10**9)",
    "'%1000000000s' % 'x'", "'%.1000000000f' % 1.5", "'%*s' % (10**9, 'x')", "'%*s' | format(10**9, 'x')",
    "'{:>1000000000}'.format('x')", "'{:>{}}'.format('x', 10**9)", "'{a:>{w}}'.format_map({'a': 'x', 'w': 10**9})"])
def test_a_template_cannot_pad_text_to_a_huge_width(expression, root, cli, isolated):
    """Padding and format widths once made a gigabyte of spaces: 30-45 s and 2 GB per render, 10**10 more."""
    write_template(root, "job-description.md.j2", "{{ " + expression + " }}\n")
    run = lead(root, cli, "md")
    assert run.code == 1 and "templates/job-description.md.j2:1" in run.err and "at most 1,000,000" in run.err
    assert list(isolated.iterdir()) == []


def test_ordinary_padding_and_formatting_still_work(root, cli):
    write_template(root, "job-description.md.j2", "{{ ('%s|%5s|%d' % ('a', 'b', 5000000)) | safe }} "
                   "{{ '{}|{:>4}|{:,}'.format(7, 'c', 12345678) | safe }} {{ ('%.2f' | format(3.14159)) | safe }}"
                   "{{ ('x' | center(5)) | safe }}{{ ('y' | indent(2, first=true)) | safe }}\n")
    run = lead(root, cli, "md", "-o", "-")
    assert (run.code, run.out) == (0, "a|    b|5000000 7|   c|12,345,678 3.14  x    y\n"), run.err


def test_modest_repetition_is_fine(root, cli):
    write_template(root, "job-description.md.j2", "{{ ('-' * 40) | safe }} {{ 2 ** 10 }}\n")
    run = lead(root, cli, "md", "-o", "-")
    assert (run.code, run.out) == (0, "-" * 40 + " 1024\n")


def test_nested_loops_cannot_run_for_hours(root, cli, isolated):
    write_template(root, "job-description.md.j2",
                   "{% for i in range(100000) %}{% for j in range(100000) %}.{% endfor %}{% endfor %}\n")
    run = lead(root, cli, "md")
    assert run.code == 1 and "templates/job-description.md.j2:1" in run.err and "at most 1,000,000" in run.err
    assert list(isolated.iterdir()) == []


def test_a_render_has_its_own_range_budget(root, cli):
    write_template(root, "job-description.md.j2", "{{ range(900000) | length }}\n")
    for _ in range(2):  # each render starts afresh
        assert lead(root, cli, "md", "-o", "-").out == "900000\n"


def test_a_render_that_runs_too_long_stops_at_its_line(root, cli, isolated, monkeypatch):
    """Loops over long texts pass every other bound ('x' * 999999 is allowed) and once ran for hours."""
    monkeypatch.setattr("roledocs.rendering.engine.MAX_RENDER_SECONDS", 0.3)
    write_template(root, "job-description.md.j2", "{% set long = 'x' * 999999 %}\n"
                   "{% for a in long %}{% for b in long %}{% endfor %}{% endfor %}\n")
    run = lead(root, cli, "md")
    assert run.code == 1 and "templates/job-description.md.j2:2" in run.err, run.err
    assert "took longer than 0.3 seconds" in run.err
    assert list(isolated.iterdir()) == []
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # the limit ends with the render
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL
