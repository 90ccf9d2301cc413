"""The folders and files roledocs.yaml names: checked by validate at their key, before render or build trips on them."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest


def _config(root: Path, *lines: str) -> int:
    """Append lines to the catalogue's roledocs.yaml; the line number of the first of them."""
    path = root / "roledocs.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "".join(f"{line}\n" for line in lines), encoding="utf-8")
    return text.count("\n") + 1


def _findings(cli, *args) -> tuple[int, list[tuple]]:
    run = cli("validate", "--format", "json", *args)
    assert "Traceback" not in run.err
    return run.code, [(Path(f["path"]).name, f["line"], f["rule"]) for f in json.loads(run.out)]


@pytest.mark.parametrize("logo, message", [
    ("../outside.png", "outside the catalogue folder"),
    ("assets/missing.svg", "does not exist"),
    ("teams", "is a folder, not an image file"),
    ("notes.txt", "is not an image"),
])
def test_a_bad_logo_is_an_error_at_its_key(logo, message, cli, example):
    (example.parent / "outside.png").write_bytes(b"\x89PNG")
    (example / "notes.txt").write_text("hello", encoding="utf-8")
    line = _config(example, f"logo: {logo}")
    run = cli("validate", "--format", "json", str(example))
    [finding] = json.loads(run.out)
    assert (run.code, finding["rule"], finding["line"]) == (1, "config-logo", line)
    assert message in finding["message"]


def test_a_good_logo_passes(cli, example):
    (example / "assets").mkdir()
    (example / "assets" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    _config(example, "logo: assets/logo.svg")
    assert _findings(cli, str(example)) == (0, [])


@pytest.mark.parametrize("size, findings", [(1024 * 1024, []), (1024 * 1024 + 1, ["config-logo"])])
def test_a_logo_is_at_most_1_mib(size, findings, cli, example):
    """Documents inline the logo: a larger one is refused by validate and by render, which writes nothing."""
    (example / "assets").mkdir()
    (example / "assets" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(size - 8))
    line = _config(example, "logo: assets/logo.png")
    run = cli("validate", "--format", "json", str(example))
    assert [(f["rule"], f["line"]) for f in json.loads(run.out)] == [(rule, line) for rule in findings]
    render = cli("render", example / "software-tester.yaml", "--to", "html", "-o", "out")
    assert (render.code, Path("out/software-tester.html").exists()) == ((1, False) if findings else (0, True))
    if findings:
        assert "the logo 'assets/logo.png' is larger than 1 MiB" in json.loads(run.out)[0]["message"]
        assert "larger than 1 MiB" in render.err


@pytest.mark.parametrize("folder, words", [("nowhere", "does not exist"), ("../", "outside the catalogue"),
                                           ("roledocs.yaml", "is a file, not a folder")])
def test_a_missing_or_outside_template_folder_is_an_error(folder, words, cli, example):
    line = _config(example, f"templates: {folder}")
    run = cli("validate", "--format", "json", str(example))
    assert [(f["rule"], f["line"], words in f["message"]) for f in json.loads(run.out)] == [
        ("config-templates", line, True)]


def test_an_output_folder_that_holds_sources_is_an_error(cli, example):
    """Otherwise the team files in it would silently go unchecked."""
    text = (example / "roledocs.yaml").read_text(encoding="utf-8")
    (example / "roledocs.yaml").write_text(text.replace("output: site", "output: teams"), encoding="utf-8")
    line = text.split("\n").index("output: site") + 1
    code, findings = _findings(cli, str(example / "software-tester.yaml"))
    assert (code, findings) == (1, [("roledocs.yaml", line, "config-output")])
    assert cli("build", str(example), "-o", "out").code == 1 and not Path("out").exists()


def test_a_built_site_in_the_output_folder_is_fine(cli, example):
    assert cli("build", str(example)).code == 0
    (example / "site" / "_config.yml").write_text("theme: minima\n", encoding="utf-8")  # GitHub Pages' settings
    assert _findings(cli, str(example)) == (0, [])


def test_a_file_named_on_the_command_line_is_checked_even_in_a_hidden_folder(cli, example):
    (example / ".github").mkdir()
    (example / ".github" / "broken.yaml").write_text("a: [\n", encoding="utf-8")
    assert _findings(cli, str(example)) == (0, [])  # a folder's hidden folders are skipped
    assert _findings(cli, str(example / ".github" / "broken.yaml")) == (1, [("broken.yaml", 2, "yaml-syntax")])


def test_a_file_that_is_not_yaml_is_a_usage_error(cli):
    Path("notes.txt").write_text("hello", encoding="utf-8")
    run = cli("validate", "notes.txt")
    assert run.code == 2 and "not a YAML file" in run.err


@pytest.mark.parametrize("output, words", [(".", "catalogue folder itself"), ("..", "catalogue folder itself"),
                                           ("templates", "template folder"), ("teams", "source files")])
def test_an_output_folder_of_no_use_is_found_by_validate_and_stops_build(output, words, cli, example):
    """The config's `output` is checked by validate; build then reports the finding (exit 1), not a usage error."""
    text = (example / "roledocs.yaml").read_text(encoding="utf-8").replace("output: site", f"output: {output}")
    (example / "roledocs.yaml").write_text(text, encoding="utf-8")
    run = cli("validate", "--format", "json", str(example))
    [finding] = json.loads(run.out)
    assert (run.code, finding["rule"], words in finding["message"]) == (1, "config-output", True)
    before = _written(example.parent)
    build = cli("build", str(example))
    assert build.code == 1 and "config-output" in build.err and " -o " not in build.err
    assert _written(example.parent) == before


def _written(folder: Path) -> list[Path]:
    """Every path below the folder, the content cache left out (a build with errors may remember what it read)."""
    cache = Path(os.environ["ROLEDOCS_CACHE_DIR"])
    return sorted(p.relative_to(folder) for p in folder.rglob("*") if not p.is_relative_to(cache))


@pytest.mark.parametrize("key", ["output", "templates", "logo"])
@pytest.mark.parametrize("escaped, shown", [("\\0", "\\x00"), ("\\t", "\\t"), ("\\n", "\\n")])
def test_a_control_character_in_a_config_path_is_an_error_at_its_key(key, escaped, shown, cli, example):
    """A NUL in `output` crashed every command (exit 3) when the path was resolved; the schema refuses control
    characters in paths, and the message shows them escaped instead of printing them."""
    (example / "roledocs.yaml").write_text(f'roledocs: 1\norganization: Example Corp\n{key}: "site{escaped}"\n',
                                           encoding="utf-8")
    for command in (["validate", "--format", "json", str(example)], ["build", str(example), "-o", "out"],
                    ["render", str(example / "software-tester.yaml"), "--to", "md", "-o", "out"]):
        run = cli(*command)
        assert run.code == 1 and "Traceback" not in run.err, (command, run.err)
    [finding] = json.loads(cli("validate", "--format", "json", str(example)).out)
    if escaped == "\\0":  # an invisible control character is refused in any text, when the file is read
        assert (finding["rule"], finding["line"]) == ("yaml-control-character", 3)
        return
    assert (finding["rule"], finding["line"]) == ("invalid-format", 3)
    assert finding["message"] == (f"'site{shown}' is not valid for {key}: a path holds no control characters (tabs, "
                                  "line breaks, NUL); write the folder or file name as it is")
