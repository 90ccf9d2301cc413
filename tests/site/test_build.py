"""`roledocs build`: the files of the site, its links, equality with render/charter/raci, incremental rebuilds,
stale outputs, checks first, usage errors, determinism, escaping, name clashes, progress bar, PDFs."""
from __future__ import annotations

import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from roledocs.site.build import build_site, load_site

ROLES = ["database-administrator", "infrastructure-project-manager", "it-project-manager", "software-developer",
         "software-tester", "systems-analyst"]
TEAM_PAGES = ["it-delivery.html", "it-delivery-raci.html"]
OLD = 1_000_000_000  # an mtime (ns) that no file written by a test can have


def expected_files(pdf: bool = False) -> set[str]:
    ext = ["html", "jsonld"] + (["pdf"] if pdf else [])
    return {f"{rid}.{e}" for rid in ROLES for e in ext} | set(TEAM_PAGES) | {"index.html"}


def files(folder: Path) -> dict[str, bytes]:
    """Every file in folder (hidden ones too) with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def age(folder: Path) -> None:
    for path in folder.iterdir():
        os.utime(path, ns=(OLD, OLD))


def touched(folder: Path) -> set[str]:
    """Files written since age(folder), the manifest left out."""
    return {p.name for p in folder.iterdir() if p.stat().st_mtime_ns != OLD and not p.name.startswith(".")}


def built(cli, *args) -> str:
    run = cli("build", *args)
    assert run.code == 0, run.err
    return run.out


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_role(root: Path, rid: str, title: str) -> Path:
    """A new role, a copy of the software tester under another id and title (no team includes it)."""
    path = root / f"{rid}.yaml"
    text = (root / "software-tester.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("id: software-tester", f"id: {rid}").replace("title: Software Tester",
                                                                            f"title: {title}"), encoding="utf-8")
    return path


def test_builds_every_page_of_the_example(cli, example):
    out = built(cli, example, "-o", "site")
    site = Path("site")
    assert set(files(site)) == expected_files() | {".roledocs-build.json"}
    assert out == f"built {len(expected_files())} files (0 unchanged, 0 removed) in site/\n"
    index = (site / "index.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="([^"#]+)"', index))
    assert links == expected_files() - {"index.html"}
    assert all((site / link).is_file() for link in links)
    assert "Example Corp: Role catalogue" in index and "Information Technology" in index
    for rid in ROLES:
        posting = json.loads((site / f"{rid}.jsonld").read_text(encoding="utf-8"))
        assert posting["@type"] == "JobPosting"


def test_pages_equal_what_render_charter_and_raci_write(cli, example):
    built(cli, example, "-o", "site")
    roles = [example / f"{rid}.yaml" for rid in ROLES]
    team = example / "teams" / "it-delivery.yaml"
    # The charter links to the role pages written beside it: rendered in the same call, as in the site.
    for command in (["render", *roles, team, "--to", "html"], ["render", *roles, "--to", "jsonld"],
                    ["raci", team, "--to", "html"]):
        assert cli(*command, "-o", "alone").code == 0
    assert files(Path("alone")) == {name: data for name, data in files(Path("site")).items()
                                    if name not in ("index.html", ".roledocs-build.json")}


def test_second_run_rebuilds_nothing(cli, example):
    built(cli, example, "-o", "site")
    before = files(Path("site"))
    age(Path("site"))
    assert built(cli, example, "-o", "site") == "built 0 files (15 unchanged, 0 removed) in site/\n"
    assert touched(Path("site")) == set() and files(Path("site")) == before


def test_editing_a_role_rebuilds_its_pages_and_its_teams_only(cli, example):
    built(cli, example, "-o", "site")
    age(Path("site"))
    edit(example / "software-tester.yaml", "Write a test plan", "Write a short test plan")
    assert built(cli, example, "-o", "site") == "built 4 files (11 unchanged, 0 removed) in site/\n"
    assert touched(Path("site")) == {"software-tester.html", "software-tester.jsonld", *TEAM_PAGES}
    assert "Write a short test plan" in Path("site/software-tester.html").read_text(encoding="utf-8")


def test_a_new_title_rebuilds_the_pages_that_show_it(cli, example):
    built(cli, example, "-o", "site")
    age(Path("site"))
    edit(example / "it-project-manager.yaml", "title: IT Project Manager", "title: Delivery Manager")
    built(cli, example, "-o", "site")
    reports = {"software-developer", "software-tester", "systems-analyst"}
    assert touched(Path("site")) == {f"{rid}.{e}" for rid in reports | {"it-project-manager"}
                                     for e in ("html", "jsonld")} | set(TEAM_PAGES) | {"index.html"}
    assert "Delivery Manager" in Path("site/software-tester.html").read_text(encoding="utf-8")


def test_an_override_template_rebuilds_the_pages_it_renders(cli, example):
    built(cli, example, "-o", "site")
    age(Path("site"))
    (example / "templates").mkdir()
    (example / "templates" / "job-description.html.j2").write_text(
        '{% extends "builtin/job-description.html.j2" %}{% block footer %}Our footer{% endblock %}', encoding="utf-8")
    built(cli, example, "-o", "site")
    assert touched(Path("site")) == {f"{rid}.html" for rid in ROLES} | set(TEAM_PAGES)
    assert "Our footer" in Path("site/software-tester.html").read_text(encoding="utf-8")


def test_a_deleted_output_is_written_again(cli, example):
    built(cli, example, "-o", "site")
    before = files(Path("site"))
    Path("site/software-tester.jsonld").unlink()
    assert built(cli, example, "-o", "site").startswith("built 1 file (14 unchanged, 0 removed)")
    assert files(Path("site")) == before


def test_removing_a_role_deletes_its_outputs_and_nothing_else(cli, example):
    add_role(example, "qa-analyst", "QA Analyst")
    built(cli, example, "-o", "site")
    assert {"qa-analyst.html", "qa-analyst.jsonld"} <= set(files(Path("site")))
    Path("site/notes.txt").write_text("mine", encoding="utf-8")
    Path("site/my-page.html").write_text("mine", encoding="utf-8")
    (example / "qa-analyst.yaml").unlink()
    assert built(cli, example, "-o", "site") == "built 1 file (14 unchanged, 2 removed) in site/\n"
    assert set(files(Path("site"))) == expected_files() | {".roledocs-build.json", "notes.txt", "my-page.html"}
    assert "qa-analyst" not in Path("site/.roledocs-build.json").read_text(encoding="utf-8")


def test_removed_counts_only_files_that_were_deleted(cli, example):
    role = add_role(example, "extra-role", "Extra Role")
    built(cli, example, "-o", "site")
    for name in ("extra-role.html", "extra-role.jsonld"):
        Path("site", name).unlink()
    role.unlink()
    assert built(cli, example, "-o", "site") == "built 1 file (14 unchanged, 0 removed) in site/\n"
    manifest = json.loads(Path("site/.roledocs-build.json").read_text(encoding="utf-8"))
    assert "extra-role.html" not in manifest["outputs"]
    manifest["outputs"]["ghost.html"] = "0" * 64
    Path("site/.roledocs-build.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert built(cli, example, "-o", "site") == "built 0 files (15 unchanged, 0 removed) in site/\n"
    assert "ghost.html" not in Path("site/.roledocs-build.json").read_text(encoding="utf-8")


def test_errors_stop_the_build_and_leave_the_site_as_it_was(cli, example):
    built(cli, example, "-o", "site")
    before = files(Path("site"))
    edit(example / "software-tester.yaml", "title: Software Tester", "titel: Software Tester")
    run = cli("build", example, "-o", "site")
    assert run.code == 1 and run.out == ""
    assert re.search(r"software-tester\.yaml:\d+:\d+: error ", run.err) and "nothing built" in run.err
    assert files(Path("site")) == before


def test_errors_write_nothing_into_a_new_folder(cli, example):
    edit(example / "software-tester.yaml", "time_share: 15", "time_share: 150")
    assert cli("build", example, "-o", "site").code == 1
    assert not Path("site").exists()


def test_warnings_are_printed_and_the_site_built(cli, example):
    edit(example / "teams" / "it-delivery.yaml", "      customer: C\n", "      customer: CI\n")
    run = cli("build", example, "-o", "site")
    assert run.code == 0 and re.search(r"it-delivery\.yaml:\d+:\d+: warning ", run.err)
    assert Path("site/it-delivery-raci.html").is_file()


@pytest.mark.parametrize("args", [["missing-folder"], ["{example}", "--jobs", "0"], ["{example}", "-o", "{example}"],
                                  ["{example}", "-o", "{example}/.."], ["{example}", "-o", "{example}/teams"],
                                  ["{example}", "-o", "{example}/roledocs.yaml"],
                                  ["{example}", "-o", "{example}/templates/site"]])
def test_usage_errors(cli, example, args):
    (example / "templates").mkdir()
    run = cli("build", *[a.format(example=example) for a in args])
    assert run.code == 2, run.err
    assert not list(example.glob("*.html")) and not list(example.parent.glob("*.html"))


@pytest.mark.parametrize("name", ["notes.txt", "README"])
def test_root_that_is_not_a_yaml_file_is_a_usage_error(cli, example, name):
    (example / name).write_text("notes\n", encoding="utf-8")
    run = cli("build", example / name, "-o", "site")
    assert run.code == 2 and not Path("site").exists()
    assert run.err == f"roledocs: {example / name}: not a YAML file; give the catalogue folder, or a .yaml or .yml " \
                      "file in it\n"


def test_a_folder_without_a_catalogue_builds_nothing(cli):
    """A wrong ROOT (or one whose roles are elsewhere) is an error, and nothing is written: a CI job that
    publishes the site must not publish an empty one."""
    Path("empty").mkdir()
    run = cli("build", "empty")
    assert run.code == 1 and run.out == ""
    assert run.err.startswith("empty: error no-files: no role or team file found in empty: roledocs looked for "
                              ".yaml and .yml files there")
    assert run.err.endswith("roledocs: nothing built: fix the errors above\n")
    assert not Path("empty/site").exists() and list(Path("empty").iterdir()) == []


def test_a_catalogue_with_only_its_config_builds_nothing(cli):
    Path("new").mkdir()
    Path("new/roledocs.yaml").write_text("roledocs: 1\norganization: Example Corp\n", encoding="utf-8")
    run = cli("build", "new", "-o", "public")
    assert run.code == 1 and "error no-files: no role or team file found in new" in run.err
    assert not Path("public").exists() and not Path("new/site").exists()


def test_root_may_be_a_folder_or_file_inside_the_catalogue(cli, example):
    built(cli, example / "teams", "-o", "a")
    built(cli, example / "software-tester.yaml", "-o", "b")
    assert set(files(Path("a"))) == set(files(Path("b"))) == expected_files() | {".roledocs-build.json"}


def test_default_output_is_the_configs_output_in_the_catalogue(cli, example, monkeypatch):
    assert built(cli, example).endswith(f"in {example}/site/\n")  # the catalogue is not below the current folder
    assert (example / "site" / "index.html").is_file() and not Path("site").exists()
    shutil.rmtree(example / "site")
    monkeypatch.chdir(example)
    assert built(cli) == f"built {len(expected_files())} files (0 unchanged, 0 removed) in site/\n"
    assert (example / "site" / "index.html").is_file()
    assert built(cli).startswith("built 0 files")  # the site folder is not read as part of the catalogue
    edit(example / "roledocs.yaml", "output: site", "output: public")
    assert built(cli).endswith("in public/\n") and (example / "public" / "index.html").is_file()


def test_builds_into_two_folders_are_identical(cli, example):
    built(cli, example, "-o", "one")
    built(cli, example, "-o", "two", "--jobs", "1")
    assert files(Path("one")) == files(Path("two"))


def test_role_text_is_escaped_in_the_index(cli, example):
    edit(example / "software-tester.yaml", "title: Software Tester", 'title: "<script>alert(1)</script> Tester"')
    built(cli, example, "-o", "site")
    index = Path("site/index.html").read_text(encoding="utf-8")
    assert "<script" not in index and "&lt;script&gt;alert(1)&lt;/script&gt; Tester" in index


CLASHES = {"index": "the site's front page",
           "it-delivery-raci": "the RACI matrix of the team in {example}/teams/it-delivery.yaml"}


@pytest.mark.parametrize("rid", sorted(CLASHES))
def test_outputs_that_would_share_a_name_are_errors_in_validate_and_build(cli, example, rid):
    add_role(example, rid, "Clashing Role")
    line = (f"{example}/{rid}.yaml:4:5: error build-output-clash: `roledocs build` would write this role as "
            f"{rid}.html, which is also {CLASHES[rid].format(example=example)}; choose another id\n")
    check = cli("validate", example)
    run = cli("build", example, "-o", "site")
    assert check.code == run.code == 1 and not Path("site").exists()
    assert line in check.out.splitlines(keepends=True) and line in run.err.splitlines(keepends=True)


def test_teams_that_would_share_a_name_are_errors(cli, example):
    team = (example / "teams" / "it-delivery.yaml").read_text(encoding="utf-8")
    (example / "teams" / "index.yaml").write_text(team.replace("id: it-delivery", "id: index"), encoding="utf-8")
    (example / "teams" / "it-delivery-raci.yaml").write_text(team.replace("id: it-delivery", "id: it-delivery-raci"),
                                                             encoding="utf-8")
    run = cli("validate", example)
    assert run.code == 1
    assert re.findall(r"(\S+):\d+:\d+: error build-output-clash: `roledocs build` would write this team's charter as "
                      r"(\S+), which is also ([^;]+);", run.out) == [
        (f"{example}/teams/index.yaml", "index.html", "the site's front page"),
        (f"{example}/teams/it-delivery-raci.yaml", "it-delivery-raci.html",
         f"the RACI matrix of the team in {example}/teams/it-delivery.yaml")]


def test_a_role_and_a_team_of_one_id_are_a_duplicate_id_only(cli, example):
    add_role(example, "it-delivery", "Clashing Role")
    run = cli("build", example, "-o", "site")
    assert run.code == 1 and not Path("site").exists()
    assert "error duplicate-id:" in run.err and "build-output-clash" not in run.err


HIDDEN = {"off": "lint:\n  build-output-clash: off\n", "warning": "lint:\n  build-output-clash: warning\n",
          "suppressed": None, "duplicate-id off": "lint:\n  duplicate-id: off\n"}


@pytest.mark.parametrize("how", sorted(HIDDEN))
def test_a_hidden_clash_still_stops_the_build(cli, example, how):
    rid = "it-delivery" if how.startswith("duplicate-id") else "it-delivery-raci"
    role = add_role(example, rid, "Clashing Role")
    if HIDDEN[how] is None:
        role.write_text(role.read_text(encoding="utf-8") + "x-roledocs-allow:\n  - rule: build-output-clash\n"
                        "    reason: We want it.\n", encoding="utf-8")
    else:
        (example / "roledocs.yaml").write_text((example / "roledocs.yaml").read_text(encoding="utf-8") + HIDDEN[how],
                                               encoding="utf-8")
    assert cli("validate", example).code == 0
    run = cli("build", example, "-o", "site")
    assert run.code == 1 and run.out == "" and not Path("site").exists()
    assert run.err.endswith(f"roledocs: {role} and {example}/teams/it-delivery.yaml would both be written as "
                            f"{rid}.html; nothing built: choose another id (`lint:` or a suppression hides "
                            "build-output-clash and duplicate-id from validate, not from build)\n")


def test_a_clash_with_the_front_page_names_it(cli, example):
    add_role(example, "index", "Clashing Role")
    (example / "roledocs.yaml").write_text((example / "roledocs.yaml").read_text(encoding="utf-8") +
                                           "lint:\n  build-output-clash: off\n", encoding="utf-8")
    run = cli("build", example, "-o", "site")
    assert run.code == 1
    assert f"roledocs: {example}/index.yaml and the site's front page would both be written as index.html;" in run.err


def family(path: Path, name: str | None) -> None:
    """Give a role file this family (None: no family)."""
    text = re.sub(r"^family: .*\n", "", path.read_text(encoding="utf-8"), flags=re.M)
    path.write_text(text + (f"family: {name}\n" if name else ""), encoding="utf-8")


def test_the_front_page_counts_real_families_and_merges_other_roles(cli, example):
    family(example / "software-tester.yaml", "<i>Fam</i>")
    family(example / "systems-analyst.yaml", None)
    built(cli, example, "-o", "site")
    index = Path("site/index.html").read_text(encoding="utf-8")
    assert "6 roles in 2 job families, 1 team." in index
    assert re.findall(r"<h3>(.*?)</h3>", index)[:3] == ["&lt;i&gt;Fam&lt;/i&gt;", "Information Technology",
                                                       "Other roles"]
    family(example / "software-developer.yaml", "Other roles")
    built(cli, example, "-o", "site")
    index = Path("site/index.html").read_text(encoding="utf-8")
    assert index.count("<h3>Other roles</h3>") == 1 and "6 roles in 3 job families, 1 team." in index
    others = index.split("<h3>Other roles</h3>")[1].split("</section>")[0]
    assert 'href="software-developer.html"' in others and 'href="systems-analyst.html"' in others


def test_no_family_at_all_counts_none(cli, example):
    for rid in ROLES:
        family(example / f"{rid}.yaml", None)
    built(cli, example, "-o", "site")
    index = Path("site/index.html").read_text(encoding="utf-8")
    assert "6 roles, 1 team." in index and index.count("<h3>Other roles</h3>") == 1


def test_an_unreadable_manifest_rebuilds_everything(cli, example):
    built(cli, example, "-o", "site")
    Path("site/.roledocs-build.json").write_text("{not json", encoding="utf-8")
    run = cli("build", example, "-o", "site")
    assert run.code == 0 and run.out.startswith(f"built {len(expected_files())} files (0 unchanged")
    assert "not a roledocs build manifest; rebuilding everything" in run.err
    assert json.loads(Path("site/.roledocs-build.json").read_text(encoding="utf-8"))["manifest"] == 1


def test_progress_bar_on_a_terminal_only(cli, example):
    bar = io.StringIO()
    build_site(load_site(str(example), "site"), progress=bar)
    assert f"\rbuilding [{'#' * 20}] 15/15" in bar.getvalue() and bar.getvalue().endswith("\r")
    assert "building" not in cli("build", example, "-o", "other").err


def test_pdf_pages(cli, example):
    for rid in ROLES[:2] + ROLES[4:]:
        (example / f"{rid}.yaml").unlink()
    shutil.rmtree(example / "teams")
    built(cli, example, "-o", "site", "--pdf", "--jobs", "2")
    site = Path("site")
    assert set(files(site)) == {"index.html", ".roledocs-build.json"} | \
        {f"{rid}.{e}" for rid in ("it-project-manager", "software-developer") for e in ("html", "jsonld", "pdf")}
    assert all(site.joinpath(f"{rid}.pdf").read_bytes().startswith(b"%PDF-")
               for rid in ("it-project-manager", "software-developer"))
    assert 'href="software-developer.pdf"' in (site / "index.html").read_text(encoding="utf-8")
    assert built(cli, example, "-o", "site").startswith("built 1 file (4 unchanged, 2 removed)")


def test_many_pages_are_made_in_worker_processes_with_the_same_bytes(cli, example, monkeypatch):
    """Above workers.CHEAP_BATCH pages, forked workers make and write the pages: the site is byte for byte the same."""
    from roledocs import workers
    from roledocs.site import pages as sitework

    built(cli, example, "-o", "alone", "--jobs", "1")
    monkeypatch.setattr(workers, "CHEAP_BATCH", 2)
    writers = Path("writers.txt")
    real = sitework._write

    def write(page, folder):  # forked workers inherit this patch and say who wrote each page
        with writers.open("a") as log:
            log.write(f"{os.getpid()}\n")
        real(page, folder)

    monkeypatch.setattr(sitework, "_write", write)
    built(cli, example, "-o", "together", "--jobs", "2")
    assert files(Path("together")) == files(Path("alone"))
    pids = set(writers.read_text().split())
    assert pids and str(os.getpid()) not in pids


def test_a_page_that_fails_in_a_worker_stops_the_build(cli, example, monkeypatch):
    from roledocs import workers

    monkeypatch.setattr(workers, "CHEAP_BATCH", 2)
    (example / "templates").mkdir()
    (example / "templates" / "job-description.html.j2").write_text("{{ 1 / 0 }}", encoding="utf-8")
    run = cli("build", example, "-o", "out", "--jobs", "2")
    assert run.code == 1 and "not built" in run.err and "Traceback" not in run.err
