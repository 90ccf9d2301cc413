"""Exit codes as cli.md defines them, the same for the same mistake in every command: 0 success, 1 the input has
errors or the environment refused a write, 2 usage error, 3 only for a bug."""
from __future__ import annotations

import errno
import io
import os
import shutil
import subprocess
import sys
from concurrent.futures.process import BrokenProcessPool
from contextlib import redirect_stderr, redirect_stdout

import pytest

from roledocs.cli import main

ROLE = "{example}/software-developer.yaml"
TEAM = "{example}/teams/it-delivery.yaml"
CONFIG = "{example}/roledocs.yaml"
LONE = "{lone}/it-delivery.yaml"
FILE = "{work}/a-file"


@pytest.fixture
def places(example, isolated, tmp_path) -> dict[str, str]:
    """The example catalogue, a team file alone in a folder (no member roles beside it), and a plain file, as
    command-line fill-ins."""
    lone = tmp_path / "lone"
    lone.mkdir()
    shutil.copy(example / "teams" / "it-delivery.yaml", lone)
    (isolated / "a-file").write_text("not a folder\n")
    return {"example": str(example), "lone": str(lone), "work": str(isolated)}


def _run(cli, places, args):
    run = cli(*[arg.format(**places) for arg in args])
    assert "Traceback" not in run.err and "This is a bug" not in run.err, run.err
    return run


USAGE = [
    # --jobs: one argparse type everywhere
    (["validate", "--jobs", "0", "{example}"], "--jobs: '0' is not a whole number of at least 1"),
    (["validate", "--jobs", "-1", "{example}"], "--jobs: '-1' is not a whole number of at least 1"),
    (["validate", "--jobs", "two", "{example}"], "--jobs: 'two' is not a whole number"),
    (["render", ROLE, "--to", "pdf", "--jobs", "0"], "--jobs: '0' is not a whole number of at least 1"),
    (["build", "{example}", "--jobs", "0"], "--jobs: '0' is not a whole number of at least 1"),
    # -o names a file (or a path under one)
    (["render", ROLE, "--to", "md", "-o", FILE], "-o {work}/a-file: is a file; give a folder"),
    (["render", ROLE, "--to", "md", "-o", FILE + "/sub"], "-o {work}/a-file/sub: {work}/a-file is a file"),
    (["raci", TEAM, "--to", "csv", "-o", FILE], "-o {work}/a-file: is a file; give a folder"),
    (["charter", TEAM, "--to", "md", "-o", FILE], "-o {work}/a-file: is a file; give a folder"),
    (["build", "{example}", "-o", FILE], "-o {work}/a-file: is a file; give "),
    (["new", "role", "data-engineer", "-o", FILE], "-o {work}/a-file: is a file; give a folder"),
    # the wrong kind of file for the command or the format
    (["render", TEAM, "--to", "jsonld"], "is a team file: its charter renders as md, html, pdf"),
    (["render", TEAM, "--to", "docx"], "is a team file: its charter renders as md, html, pdf"),
    (["render", CONFIG, "--to", "md"], "is the catalogue config; give role or team files"),
    (["raci", ROLE, "--to", "md"], "this is a role file; give a team file"),
    (["charter", ROLE, "--to", "md"], "this is a role file; give a team file"),
    (["analyze", ROLE], "this is a role file; give a team file"),
    (["raci", CONFIG, "--to", "md"], "this is a config file; give a team file"),
    # a folder where a file is needed, a missing file
    (["raci", "{example}", "--to", "md"], "{example}: is a folder; give a team file"),
    (["charter", "{example}", "--to", "md"], "{example}: is a folder; give a team file"),
    (["analyze", "{example}"], "{example}: is a folder; give a team file"),
    (["render", "{example}", "--to", "md"], "{example}: is a folder; give role or team files"),
    (["raci", "{example}/teams/nowhere.yaml", "--to", "md"], "nowhere.yaml: no such file"),
    (["render", "{example}/nowhere.yaml", "--to", "md"], "nowhere.yaml: no such file"),
    (["validate", "{example}/nowhere"], "nowhere: no such file or folder"),
    # new never overwrites
    (["new", "role", "software-developer", "-o", "{example}"], "software-developer.yaml already exists"),
    # an unknown argument is reported with the usage of its command
    (["validate", "--frmat", "json"], "usage: roledocs validate"),
    (["raci", TEAM, TEAM, "--to", "md"], "usage: roledocs raci"),
    (["render", ROLE, "--to", "md", "--bogus"], "roledocs render: error: unrecognized arguments: --bogus"),
    (["--frmat"], "usage: roledocs [-h]"),
]


@pytest.mark.parametrize(("args", "phrase"), USAGE, ids=[" ".join(args) for args, _ in USAGE])
def test_usage_errors_exit_2_and_write_nothing(cli, places, isolated, args, phrase):
    before = sorted(isolated.iterdir())
    run = _run(cli, places, args)
    assert run.code == 2, run
    assert phrase.format(**places) in run.err
    assert sorted(isolated.iterdir()) == before


def test_input_errors_exit_1(cli, places, example):
    role = example / "software-developer.yaml"
    role.write_text(role.read_text().replace("time_share: 40", "time_share: 45", 1))
    for args in (["validate", "{example}"], ["render", ROLE, "--to", "md"], ["raci", TEAM, "--to", "md"],
                 ["charter", TEAM, "--to", "md"], ["analyze", TEAM], ["build", "{example}", "-o", "site"]):
        run = _run(cli, places, args)
        assert run.code == 1 and "time-share-total" in run.out + run.err, (args, run)


def test_a_team_without_its_member_roles_exits_1(cli, places, isolated):
    # outside any catalogue, a team's folder is its catalogue: the member roles missing there are input errors
    for args in (["render", LONE, "--to", "md"], ["raci", LONE, "--to", "md"], ["charter", LONE, "--to", "md"],
                 ["analyze", LONE]):
        run = _run(cli, places, args)
        assert run.code == 1 and "unknown-member-role" in run.err, (args, run)
    assert sorted(isolated.iterdir()) == [isolated / "a-file"]


def test_success_exits_0(cli, places):
    for args in (["validate", "{example}", "--jobs", "1"], ["render", ROLE, "--to", "md", "--jobs", "2"],
                 ["raci", TEAM, "--to", "csv", "-o", "out"], ["new", "team", "data", "-o", "out"]):
        assert _run(cli, places, args).code == 0, args


class _Refusing(io.StringIO):
    """A standard output that fails as a full disk (or a closed pipe) does."""

    def __init__(self, error: OSError) -> None:
        super().__init__()
        self.error = error

    def write(self, text: str) -> int:
        raise self.error

    def flush(self) -> None:
        raise self.error


STDOUT = [["validate", "{example}"], ["schema", "role"], ["rules"], ["analyze", TEAM], ["--help"],
          ["render", ROLE, "--to", "md", "-o", "-"], ["raci", TEAM, "--to", "csv", "-o", "-"],
          ["new", "role", "data-engineer", "-o", "{work}/out"]]


def _main(args: list[str], stdout) -> tuple[int, str]:
    err = io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(err):
        try:
            code = main(args)
        except SystemExit as exit_:
            code = exit_.code
    return code, err.getvalue()


@pytest.mark.parametrize("args", STDOUT, ids=[args[0] for args in STDOUT])
def test_a_failing_standard_output_is_exit_1_not_a_bug(places, args):
    code, err = _main([a.format(**places) for a in args], _Refusing(OSError(errno.ENOSPC, "No space left on device")))
    assert (code, err) == (1, "roledocs: cannot write the output: No space left on device\n")


def test_an_output_encoding_without_the_characters_is_exit_1_not_a_bug(places):
    ascii_only = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    code, err = _main(["render", ROLE.format(**places), "--to", "md", "-o", "-"], ascii_only)
    assert code == 1 and "cannot write the output: its encoding (ascii) cannot hold" in err
    assert "PYTHONIOENCODING=utf-8" in err


def test_a_closed_pipe_is_not_an_error(places):
    code, err = _main(["validate", places["example"]], _Refusing(BrokenPipeError(errno.EPIPE, "Broken pipe")))
    assert (code, err) == (0, "")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["validate", "{example}"], ["schema", "role"], ["rules", "duty-vague-verb"]])
def test_dev_full_in_a_real_process(places, args):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "roledocs", *[a.format(**places) for a in args]],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert (done.returncode, done.stderr) == (1, "roledocs: cannot write the output: No space left on device\n")


@pytest.mark.parametrize(("error", "message"), [
    (PermissionError(errno.EACCES, "Permission denied", "templates/x.j2"),
     "roledocs: templates/x.j2: Permission denied"),
    (OSError(errno.ENOSYS, "Function not implemented"), "Function not implemented"),
    (MemoryError(), "roledocs: out of memory"),
    (BrokenProcessPool("gone"), "a worker process stopped unexpectedly"),
])
def test_environment_failures_are_exit_1_not_a_bug(cli, monkeypatch, error, message):
    def refuse(*args, **kwargs):
        raise error

    monkeypatch.setattr("roledocs.source.schema.schema_text", refuse)
    run = cli("schema", "role")
    assert run.code == 1 and message in run.err and "bug" not in run.err, run.err


def test_ctrl_c_is_exit_130(cli, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("roledocs.source.schema.schema_text", interrupted)
    run = cli("schema", "role")
    assert run.code == 130 and run.err == "roledocs: interrupted\n" and run.out == ""


def test_a_bug_is_exit_3(cli, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("oops")

    monkeypatch.setattr("roledocs.source.schema.schema_text", broken)
    run = cli("schema", "role")
    assert run.code == 3 and "internal error: KeyError" in run.err and "This is a bug" in run.err


def test_standard_output_is_restored_after_a_run():
    stdout = io.StringIO()
    with redirect_stdout(stdout):
        assert main(["schema", "team"]) == 0
        assert sys.stdout is stdout
    assert stdout.getvalue().startswith("{")
