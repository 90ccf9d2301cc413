"""The content cache's files: where they are written (and where never), and that nothing in them is trusted blindly."""
from __future__ import annotations

import multiprocessing
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from roledocs.check import cachefiles
from roledocs.check.cache import CachedLoad
from roledocs.check.cachefiles import Table, line
from tests.check.test_cache import edit, findings, mixed


def _table(folder: Path) -> Path:
    [table] = folder.glob("checks-*.jsonl")
    return table


def _damaged(kind: str, table: Path) -> None:
    data = table.read_bytes()
    lines = data.split(b"\n")
    if kind == "truncated":
        table.write_bytes(data[: len(data) // 2])
    elif kind == "a byte flipped":
        middle = len(data) // 2
        table.write_bytes(data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1:])
    elif kind == "hand-edited":  # every finding dropped from every line, the checksums left as they were
        table.write_bytes(b"\n".join(lines[:1] + [_without_findings(x) for x in lines[1:]]))
    elif kind == "another version":
        table.write_bytes(data.replace(b"roledocs-cache 1 ", b"roledocs-cache 1 0", 1))
    elif kind == "empty":
        table.write_bytes(b"")
    elif kind == "garbage":
        table.write_bytes(os.urandom(4096))
    elif kind == "lines of the wrong shape":  # sound checksums, but fields of types roledocs never writes
        wrong = [(0, 5), (1, "stamp"), (2, 7), (3, ["name"]), (4, None), (5, "yes"), (6, 1), (7, 3), (8, "no"),
                 (9, "data"), (10, "findings"), (10, [[1]]), (10, [["1", 1, "error", "rule", "message"]]),
                 (10, [[1, 1, "fatal", "rule", "message"]]), (10, [[0, 1, "error", "rule", "message"]]),
                 (11, "duties"), (11, [1]), (11, [])]
        for index, entry in enumerate(_entries(lines)):
            field, value = wrong[index % len(wrong)]
            entry[field] = value
            lines[index + 1] = line(entry) + (b"" if index % 3 else b"extra")
        lines.insert(2, line(["short.yaml"]))
        table.write_bytes(b"\n".join(lines))
    elif kind == "data no file could give":  # sound checksums, data of the wrong types for the cross-file rules
        for index, entry in enumerate(_entries(lines)):
            if (entry[8] or entry[11] is not None) and entry[7] in ("role", "team"):
                entry[9] = {"id": entry[9]["id"], "reports_to": ["x"], "skills": "none", "members": 3}
            entry[10] = [[0, "x", "fatal", 1, None]] if index % 2 else entry[10]
            lines[index + 1] = line(entry)
        table.write_bytes(b"\n".join(lines))
    elif kind == "a folder":
        table.unlink()
        table.mkdir()
    elif kind == "a pipe":
        table.unlink()
        os.mkfifo(table)
    elif kind == "a link elsewhere":
        elsewhere = table.parent.parent / "elsewhere.jsonl"
        shutil.move(table, elsewhere)
        table.symlink_to(elsewhere)


def _entries(lines: list[bytes]) -> list[list]:
    import orjson

    return [orjson.loads(x[9:]) for x in lines[1:] if x]


def _without_findings(text: bytes) -> bytes:
    start = text.rfind(b',[[')
    return text[:start] + b",[]]" if start > 0 else text


DAMAGE = ["truncated", "a byte flipped", "hand-edited", "another version", "empty", "garbage",
          "lines of the wrong shape", "data no file could give", "a folder", "a pipe", "a link elsewhere"]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("kind", DAMAGE)
def test_a_damaged_cache_is_ignored_and_rebuilt(kind, tmp_path, parsed):
    root = mixed(tmp_path)
    cache = tmp_path / "cache"
    cold = findings([root], cache=False)
    findings([root], cache=cache)
    _damaged(kind, _table(cache))
    assert findings([root], cache=cache) == cold
    if kind == "a folder":
        return  # a folder in its place cannot be replaced: the cache stays unused, and the runs right
    assert stat.S_ISREG(os.lstat(_table(cache)).st_mode)  # rebuilt, as a file of its own
    parsed.clear()
    assert findings([root], cache=cache) == cold
    assert parsed == []
    if kind == "a link elsewhere":
        assert (tmp_path / "elsewhere.jsonl").read_bytes().startswith(b"roledocs-cache")  # left as it was


def test_every_line_of_a_table_is_checked(tmp_path):
    table = Table(tmp_path / "checks-x.jsonl")
    table.write([["a.yaml", 1], ["b.yaml", 2], ["c.yaml", 3], ["d.yaml", 2 ** 70]])  # the last: not in JSON
    text = table.path.read_bytes()
    table.path.write_bytes(text.replace(b'"b.yaml",2', b'"b.yaml",5'))
    assert table.read() == {"a.yaml": ["a.yaml", 1], "c.yaml": ["c.yaml", 3]}


def test_a_file_shown_under_another_name_is_checked_again(tmp_path):
    """id-matches-filename compares a role's id with the name the file is shown by: an entry is for one name."""
    from roledocs.check.engine import run_file_rules
    from roledocs.source.config import Config

    root = mixed(tmp_path)
    path = root / "systems-analyst.yaml"
    load = CachedLoad(tmp_path / "cache", root)
    [first] = load([(path, "systems-analyst.yaml")], config=Config(), per_file=run_file_rules)
    load.save()
    load = CachedLoad(tmp_path / "cache", root)
    [again] = load([(path, "systems-analyst.yaml")], config=Config(), per_file=run_file_rules)
    [other] = load([(path, "other-name.yaml")], config=Config(), per_file=run_file_rules)
    assert first.findings == again.findings == []
    assert [f.rule for f in other.findings] == ["id-matches-filename"]


def _writer(path: str, content: list[list], rounds: int) -> None:
    table = Table(Path(path))
    for _ in range(rounds):
        table.write(content)


def test_two_runs_writing_at_once_leave_one_table_or_the_other(tmp_path):
    """Readers see either writer's whole table while two processes replace it over and over."""
    path = tmp_path / "tables" / "checks-x.jsonl"
    path.parent.mkdir()
    ones = [[f"role-{i}.yaml", "one" * 50] for i in range(300)]
    twos = [[f"role-{i}.yaml", "two" * 50] for i in range(300)]
    writers = [multiprocessing.Process(target=_writer, args=(str(path), content, 150)) for content in (ones, twos)]
    for writer in writers:
        writer.start()
    seen = set()
    while any(w.is_alive() for w in writers):
        entries = Table(path).read()
        if entries:
            values = {value for _, value in entries.values()}
            assert len(entries) == 300 and len(values) == 1, "a mix of two tables, or a part of one"
            seen |= values
    for writer in writers:
        writer.join()
        assert writer.exitcode == 0
    assert seen and seen <= {"one" * 50, "two" * 50}
    assert list(path.parent.iterdir()) == [path]  # no temporary file left behind


def test_runs_at_once_on_one_catalogue_leave_a_sound_cache(tmp_path):
    root = mixed(tmp_path)
    cold = findings([root], cache=False)
    env = {**os.environ, "ROLEDOCS_CACHE_DIR": str(tmp_path / "cache")}
    for _ in range(3):
        edit(root / "systems-analyst.yaml", "title: Systems Analyst", "title: Systems Analyst")  # a new stamp
        command = [sys.executable, "-m", "roledocs", "validate", str(root)]
        runs = [subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(2)]
        assert all(run.wait(timeout=120) == 1 and not run.stderr.read() for run in runs)
    assert findings([root], cache=tmp_path / "cache") == cold
    assert len(Table(_table(tmp_path / "cache")).read()) > 40


# Where the cache lives -----------------------------------------------------------------------------------------


@pytest.fixture
def usual(monkeypatch):
    """The usual place: no ROLEDOCS_CACHE_DIR (the tests set one, so that none writes into the fixtures)."""
    monkeypatch.delenv("ROLEDOCS_CACHE_DIR")


def test_the_cache_lives_in_the_catalogue_and_git_ignores_it(tmp_path, usual, cli):
    root = mixed(tmp_path)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    assert cli("validate", str(root / "systems-analyst.yaml")).code == 0
    folder = root / ".roledocs-cache"
    assert (folder / ".gitignore").is_file() and (folder / "CACHEDIR.TAG").read_text().startswith(
        "Signature: 8a477f597d28d172789f06886806bc55")
    assert any(folder.glob("checks-*.jsonl"))
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    tracked = subprocess.run(["git", "-C", str(root), "ls-files"], capture_output=True, text=True, check=True)
    assert "systems-analyst.yaml" in tracked.stdout and ".roledocs-cache" not in tracked.stdout


def test_the_environment_and_cache_dir_choose_the_folder(tmp_path, usual, cli, monkeypatch):
    root = mixed(tmp_path)
    assert cli("validate", "--cache-dir", str(tmp_path / "chosen"), str(root)).code == 1
    assert any((tmp_path / "chosen").glob("checks-*.jsonl"))
    monkeypatch.setenv("ROLEDOCS_CACHE_DIR", str(tmp_path / "from-env"))
    assert cli("validate", str(root)).code == 1
    assert any((tmp_path / "from-env").glob("checks-*.jsonl"))
    assert not (root / ".roledocs-cache").exists()


def test_nothing_is_written_outside_the_catalogue(tmp_path, usual, cli):
    root = mixed(tmp_path)
    before = {p for p in tmp_path.rglob("*")}
    assert cli("validate", str(root)).code == 1
    assert cli("build", str(root)).code == 1
    after = {p for p in tmp_path.rglob("*")} - before
    assert after and all(p.is_relative_to(root / ".roledocs-cache") for p in after)


def test_a_read_only_catalogue_is_checked_without_a_cache(tmp_path, usual, cli):
    root = mixed(tmp_path)
    cold = cli("validate", "--no-cache", str(root))
    os.chmod(root, 0o555)
    try:
        run = cli("validate", str(root))
    finally:
        os.chmod(root, 0o755)
    assert (run.code, run.out, run.err) == (cold.code, cold.out, cold.err)
    assert not (root / ".roledocs-cache").exists()


def test_a_cache_folder_that_is_a_link_is_not_followed(tmp_path, usual, cli):
    root = mixed(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / ".roledocs-cache").symlink_to(outside)
    assert cli("validate", str(root)).code == 1
    assert list(outside.iterdir()) == []


def test_a_cache_folder_that_cannot_be_made_is_no_error(tmp_path, cli):
    root = mixed(tmp_path)
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    cold = cli("validate", "--no-cache", str(root))
    run = cli("validate", "--cache-dir", str(tmp_path / "file" / "cache"), str(root))
    assert (run.code, run.out, run.err) == (cold.code, cold.out, cold.err)


def test_the_cache_folder_is_chosen_in_one_place(tmp_path, monkeypatch):
    monkeypatch.delenv("ROLEDOCS_CACHE_DIR")
    assert cachefiles.cache_folder(tmp_path, False) is None
    assert cachefiles.cache_folder(tmp_path, True) == tmp_path / ".roledocs-cache"
    assert cachefiles.cache_folder(tmp_path, str(tmp_path / "x" / "y")) == tmp_path / "x" / "y"
    monkeypatch.setenv("ROLEDOCS_CACHE_DIR", str(tmp_path / "env"))
    assert cachefiles.cache_folder(tmp_path, True) == tmp_path / "env"
    assert cachefiles.cache_folder(tmp_path, tmp_path / "given") == tmp_path / "given"
