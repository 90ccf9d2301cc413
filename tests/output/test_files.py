"""output/files.py: atomic writes readable by everyone, names that cannot leave the output folder, `-o` checked."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from roledocs.errors import RoledocsError, UsageError
from roledocs.output.files import output_folder, output_path, write_atomic


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask():
    """A strict umask, as on a shared CI runner: the outputs' mode must not depend on it."""
    before = os.umask(0o077)
    yield
    os.umask(before)


def test_a_written_file_is_readable_by_everyone_and_no_temporary_file_stays(umask):
    """The temporary file is private (0600); the output is not: a web server or a colleague must read the site."""
    path = write_atomic(Path("out") / "tester.html", "<p>Tester</p>")
    assert (path.read_text(encoding="utf-8"), _mode(path)) == ("<p>Tester</p>", 0o644)
    write_atomic(path, b"\x00\x01")  # replacing keeps the mode too
    assert (path.read_bytes(), _mode(path)) == (b"\x00\x01", 0o644)
    assert [p.name for p in path.parent.iterdir()] == ["tester.html"]


def test_outputs_of_the_cli_are_readable_by_everyone(umask, cli, example):
    assert cli("render", example / "software-tester.yaml", "--to", "md", "-o", "out").code == 0
    assert cli("build", example, "-o", "site").code == 0
    written = [Path("out/software-tester.md"), *(p for p in Path("site").rglob("*") if p.is_file())]
    assert len(written) > 10 and {p.as_posix(): _mode(p) for p in written} == {p.as_posix(): 0o644 for p in written}


def test_a_failed_write_keeps_the_earlier_file_and_leaves_no_temporary_file(monkeypatch):
    path = write_atomic(Path("tester.md"), "before")

    def refuse(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(RoledocsError, match="cannot write tester.md: No space left on device"):
        write_atomic(path, "after")
    assert path.read_text(encoding="utf-8") == "before" and sorted(os.listdir(".")) == ["tester.md"]


@pytest.mark.parametrize("name", ["../tester.md", "/etc/passwd", "sub/tester.md", "Tester.md", "tester", ".md", ""])
def test_a_name_that_could_leave_the_folder_is_refused(name):
    with pytest.raises(RoledocsError, match="output names are ids plus an extension"):
        output_path(Path("out"), name)


def test_an_output_name_is_an_id_and_extensions():
    assert output_path(Path("out"), "it-delivery-raci.html") == Path("out/it-delivery-raci.html")
    assert output_path(Path("out"), "tester.tar.gz") == Path("out/tester.tar.gz")


def test_the_output_folder_may_be_missing_but_not_a_file():
    Path("notes.txt").write_text("x", encoding="utf-8")
    assert output_folder("new/folder") == Path("new/folder") and not Path("new").exists()
    with pytest.raises(UsageError, match="-o notes.txt: is a file"):
        output_folder("notes.txt")
    with pytest.raises(UsageError, match="-o notes.txt/sub: notes.txt is a file"):
        output_folder("notes.txt/sub")
