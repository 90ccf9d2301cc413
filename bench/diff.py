"""Benchmark of `roledocs diff` on a catalogue of 10,000 roles and 500 teams with 50 changed files; prints a
Markdown table.

Run: `/work/venv/bin/python bench/diff.py`. The catalogue (bench/.cache/catalogue-10000) is copied into a git
repository in a temporary folder: `main` holds it, a branch changes 40 roles (a KPI target, a time share, a pay
range) and 10 teams (a RACI cell). Each row is the best of five wall times of a command in a fresh process. The
floor is what any diff must pay: git listing the changed files and reading both versions of each (`git diff
--name-only` and one `git cat-file --batch`), plus Python and roledocs starting (`roledocs --help`).
Target from the issue: under 2 s between two revisions.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import cached  # noqa: E402  (a sibling script, not a package)

ENV = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
       "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org", "GIT_CONFIG_NOSYSTEM": "1"}
ROLEDOCS = [sys.executable, "-m", "roledocs"]


def git(repo: Path, *args: str, stdin: bytes | None = None) -> bytes:
    return subprocess.run(["git", *args], cwd=repo, env=ENV, input=stdin, capture_output=True, check=True).stdout


def best(command: list[str], repo: Path, runs: int = 5) -> float:
    """The best wall time of a command, in seconds (it must succeed)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=repo, env=ENV, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return min(times)


def edit(repo: Path) -> list[str]:
    """Change 40 roles and 10 teams in ways the diff reports; the changed paths."""
    changed = []
    for path in sorted((repo / "roles").glob("*.yaml"))[:4000:100]:
        text = path.read_text(encoding="utf-8")
        text = re.sub(r'target: ">= (\d+)', lambda m: f'target: ">= {int(m.group(1)) + 1}', text, count=1)
        text = re.sub(r"  min: (\d+)", lambda m: f"  min: {int(m.group(1)) + 1000}", text, count=1)
        path.write_text(text, encoding="utf-8")
        changed.append(path.relative_to(repo).as_posix())
    for path in sorted((repo / "teams").glob("*.yaml"))[:500:50]:
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(\n      \S+: )C\n", r"\1I\n", text, count=1), encoding="utf-8")
        changed.append(path.relative_to(repo).as_posix())
    return changed


def floor(repo: Path, changed: list[str]) -> float:
    """Best of five: git listing the changed files and reading both versions of each, in one batch."""
    request = b"".join(f"{rev}:{path}\n".encode() for rev in ("main", "HEAD") for path in changed)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        git(repo, "diff", "--name-only", "-z", "main", "HEAD")
        git(repo, "cat-file", "--batch", stdin=request)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    source = cached("catalogue-10000", 10_000, 500)
    with tempfile.TemporaryDirectory() as folder:
        repo = Path(folder) / "repo"
        shutil.copytree(source, repo, ignore=shutil.ignore_patterns(".stamp"))
        git(repo, "init", "-q", "-b", "main")
        git(repo, "config", "gc.auto", "0")  # no background gc holding .git while the folder is removed
        git(repo, "config", "maintenance.auto", "false")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "catalogue")
        git(repo, "checkout", "-q", "-b", "change")
        changed = edit(repo)
        git(repo, "commit", "-q", "-am", "change 50 files")
        out = subprocess.run([*ROLEDOCS, "diff", "main", "HEAD", "--format", "json"], cwd=repo, env=ENV,
                             capture_output=True, text=True, check=True).stdout
        counted = re.search(r'"changes": (\d+)', out).group(1)
        start_up = best([*ROLEDOCS, "--help"], repo)
        git_work = floor(repo, changed)
        rows = [("git diff --name-only + cat-file of both sides (floor, git)", git_work),
                ("roledocs --help (floor, start-up)", start_up),
                ("roledocs diff main HEAD", best([*ROLEDOCS, "diff", "main", "HEAD"], repo)),
                ("roledocs diff main HEAD --format md", best([*ROLEDOCS, "diff", "main", "HEAD", "--format", "md"], repo)),
                ("roledocs diff (merge base with main, working tree)", best([*ROLEDOCS, "diff"], repo))]
        print(f"10,000 roles and 500 teams; 40 roles and 10 teams changed ({counted} changes reported).\n")
        print("| case | seconds | x floor (git + start-up) |")
        print("| --- | ---: | ---: |")
        base = git_work + start_up
        for label, seconds in rows:
            print(f"| {label} | {seconds:.3f} | {seconds / base:.1f} |")
        print("\nTarget: under 2 s between two revisions.")


if __name__ == "__main__":
    main()
