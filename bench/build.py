"""Benchmark `roledocs build`: cold, incremental with no change (with the content cache and without), and with one
role changed.

Run: `/work/venv/bin/python bench/build.py` (a few minutes). Catalogues: the example (roles/, 6 roles and 1 team)
in HTML only and with `--pdf`, and synthetic ones of 200 roles and 10 teams and of `--large` roles (2,000 and 100
teams by default; bench/generate.py, seed 0) in HTML only.
Each figure is the best of a few wall times of the installed `roledocs` command in a subprocess, start-up included.
"One role changed" edits the `location` of a role that is a member of a team, so its page, its JSON-LD (and PDF)
and its team's charter and RACI matrix are rebuilt, and the front page is not.
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402  (a sibling script, not a package)

REPO = Path(__file__).resolve().parent.parent
_LOCATION = re.compile(r"^location: (.*?)( \(moved\))?$", re.MULTILINE)


def _roledocs() -> list[str]:
    script = Path(sys.executable).with_name("roledocs")
    return [str(script)] if script.exists() else [sys.executable, "-m", "roledocs"]


def build(root: Path, out: Path, flags: list[str], cache: Path | None) -> tuple[float, str]:
    """One `roledocs build`: its wall time and summary line (`cache`: the content cache's folder, None: none)."""
    where = ["--no-cache"] if cache is None else ["--cache-dir", str(cache)]
    start = time.perf_counter()
    done = subprocess.run([*_roledocs(), "build", str(root), "-o", str(out), *where, *flags], capture_output=True,
                          text=True)
    elapsed = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"roledocs build {root} exited {done.returncode}: {done.stderr[-800:]}")
    return elapsed, done.stdout.strip()


def move(role: Path) -> None:
    """Change the role's location, back and forth, so every call is a real change."""
    text = role.read_text(encoding="utf-8")
    role.write_text(_LOCATION.sub(lambda m: f"location: {m[1]}{'' if m[2] else ' (moved)'}", text, count=1), encoding="utf-8")


def measure(root: Path, changed: Path, flags: list[str], runs: int) -> dict[str, tuple[float, str]]:
    """Best wall time (and the last summary) of a cold build (no site, an empty content cache), a rebuild with no
    change (with the cache, and without it), and one with a role changed (with the cache)."""
    figures: dict[str, tuple[float, str]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        out, cache = Path(scratch) / "site", Path(scratch) / "cache"
        cold = []
        for _ in range(runs):
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(build(root, out, flags, cache))
        figures["cold"] = min(cold)
        same, uncached = [], []
        for _ in range(runs):  # alternated, so that the machine's drift falls on both alike
            same.append(build(root, out, flags, cache))
            uncached.append(build(root, out, flags, None))
        figures["same"], figures["uncached"] = min(same), min(uncached)
        edits = []
        for _ in range(runs):
            move(changed)
            edits.append(build(root, out, flags, cache))
        figures["one"] = min(edits)
    return figures


def _files(summary: str) -> str:
    """`built 4 files (417 unchanged, 0 removed) in …` as `4 built, 417 unchanged`."""
    built, unchanged, removed = re.match(r"built (\d+) files? \((\d+) unchanged, (\d+) removed\)", summary).groups()
    return f"{built} built, {unchanged} unchanged" + (f", {removed} removed" if removed != "0" else "")


def phases(root: Path) -> dict[str, float]:
    """Seconds of each phase of a cold HTML build in this process: load and check, plan (keys, front page), render
    and write."""
    from roledocs.site.build import build_site, load_site, plan_pages

    with tempfile.TemporaryDirectory() as scratch:
        start = time.perf_counter()
        site = load_site(str(root), str(Path(scratch) / "site"), cache=False)
        loaded = time.perf_counter()
        plan_pages(site.catalogue, pdf=False)
        planned = time.perf_counter()
        build_site(site)  # plans again, hence the plan time taken off below
        done = time.perf_counter()
    return {"load": loaded - start, "plan": planned - loaded, "build": done - planned - (planned - loaded)}


def _member(root: Path) -> Path:
    """A role file of the first team's first member (so its change rebuilds a team's pages too)."""
    team = (root / "teams" / "team-0001.yaml").read_text(encoding="utf-8")
    return root / "roles" / (re.search(r"- role: (\S+)", team)[1] + ".yaml")


def run(runs: int, large_roles: int) -> str:
    """Measure and return the markdown table."""
    cores = os.cpu_count() or 1
    lines = ["| catalogue | outputs | cold build | no change | no change, `--no-cache` | one role changed |",
             "| --- | --- | --- | --- | --- | --- |"]
    with tempfile.TemporaryDirectory() as scratch:
        example = Path(scratch) / "example"
        shutil.copytree(REPO / "roles", example, ignore=shutil.ignore_patterns("site"))
        synthetic = generate(Path(scratch) / "synthetic", roles=200, teams=10, seed=0)
        large = generate(Path(scratch) / "large", roles=large_roles, teams=large_roles // 20, seed=0)
        cases = [
            ("example (6 roles, 1 team)", "HTML + JSON-LD", example, example / "software-tester.yaml", []),
            ("example", f"+ PDF, --jobs {cores}", example, example / "software-tester.yaml", ["--pdf"]),
            ("example", "+ PDF, --jobs 1", example, example / "software-tester.yaml", ["--pdf", "--jobs", "1"]),
            ("synthetic (200 roles, 10 teams)", "HTML + JSON-LD", synthetic, _member(synthetic), []),
            (f"synthetic ({large_roles:,} roles, {large_roles // 20:,} teams)", "HTML + JSON-LD", large,
             _member(large), []),
        ]
        for name, outputs, root, changed, flags in cases:
            figures = measure(root, changed, flags, runs if "--pdf" not in flags else max(1, runs - 1))
            cold = figures["cold"][0]
            cells = [f"{figures[k][0]:.2f} s ({figures[k][0] / cold:.2f}x; {_files(figures[k][1])})"
                     for k in ("cold", "same", "uncached", "one")]
            lines.append(f"| {name} | {outputs} | {' | '.join(cells)} |")
        split = phases(synthetic)
    machine = f"{platform.python_implementation()} {platform.python_version()}, {cores} cores, {platform.machine()}"
    return "\n".join(lines) + (
        f"\n\nBest of {runs} (PDF rows: {max(1, runs - 1)}); each cell: wall time (its ratio to the cold build; files "
        "written, files left as they were). A cold build starts with no site and an empty content cache; the others "
        "keep the cache, except the `--no-cache` column."
        f"\nSynthetic catalogue, cold HTML build in one process by phase: load and check {split['load']:.2f} s, "
        f"plan (input keys, front page) {split['plan']:.2f} s, render and write {split['build']:.2f} s."
        f"\nMachine: {machine}.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure; the best is shown (default 3)")
    parser.add_argument("--large", type=int, default=2000, help="roles of the large synthetic catalogue (default 2000)")
    options = parser.parse_args()
    print(run(options.runs, options.large))


if __name__ == "__main__":
    main()
