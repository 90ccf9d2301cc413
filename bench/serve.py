"""Benchmark `roledocs serve`: from saving a role file to the changed page being served.

Run: `.venv/bin/python bench/serve.py` (about a minute). Catalogues: the example (roles/, 6 roles and 1 team) and
a synthetic one of 1,000 roles and 50 teams (bench/generate.py, seed 0). A server process is started on a free
port; each run changes the `location` of a role that is a member of a team and times (a) until the event stream
announces the new build and (b) until the role's page, fetched then, shows the new text. The floor is one fetch of
an unchanged page over the same connection type, measured in the same run.
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402  (a sibling script, not a package)

REPO = Path(__file__).resolve().parent.parent
_LOCATION = re.compile(r"^location: (.*)$", re.MULTILINE)


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


def measure(root: Path, role: Path, runs: int) -> dict[str, list[float]]:
    """Seconds to the reload signal and to the new page, per run, and the floor (an unchanged page's fetch)."""
    process = subprocess.Popen([sys.executable, "-m", "roledocs", "serve", str(root), "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = process.stdout.readline().split(" at ")[1].split()[0]
        events = urllib.request.urlopen(url + "__roledocs__/events", timeout=60)
        page = url + role.stem + ".html"
        figures: dict[str, list[float]] = {"signal": [], "page": [], "floor": []}

        def announced() -> None:
            while not events.readline().startswith(b"data: "):
                pass

        announced()
        for run in range(runs):
            start = time.perf_counter()
            _fetch(page)
            figures["floor"].append(time.perf_counter() - start)
            place = f"Bench City {run}"
            text = role.read_text(encoding="utf-8")
            start = time.perf_counter()
            role.write_text(_LOCATION.sub(f"location: {place}", text, count=1), encoding="utf-8")
            announced()
            figures["signal"].append(time.perf_counter() - start)
            if place not in _fetch(page):
                raise SystemExit(f"{page} does not show the change after the reload signal")
            figures["page"].append(time.perf_counter() - start)
            time.sleep(0.2)
        return figures
    finally:
        process.terminate()
        process.wait(timeout=30)


def run(runs: int) -> str:
    """Measure and return the markdown table."""
    lines = ["| catalogue | save → reload signal | save → new page served | floor (page fetch) | page / floor |",
             "| --- | --- | --- | --- | --- |"]
    with tempfile.TemporaryDirectory() as scratch:
        example = Path(scratch) / "example"
        shutil.copytree(REPO / "roles", example, ignore=shutil.ignore_patterns("site"))
        synthetic = generate(Path(scratch) / "synthetic", roles=1000, teams=50, seed=0)
        team = (synthetic / "teams" / "team-0001.yaml").read_text(encoding="utf-8")
        member = synthetic / "roles" / (re.search(r"- role: (\S+)", team)[1] + ".yaml")
        for name, root, role in (("example (6 roles, 1 team)", example, example / "software-tester.yaml"),
                                 ("synthetic (1,000 roles, 50 teams)", synthetic, member)):
            figures = measure(root, role, runs)
            median = {key: statistics.median(values) * 1000 for key, values in figures.items()}
            lines.append(f"| {name} | {median['signal']:.0f} ms | {median['page']:.0f} ms | {median['floor']:.1f} ms "
                         f"| {median['page'] / median['floor']:.0f}x |")
    machine = f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores"
    return "\n".join(lines) + f"\n\nMedian of {runs} saves per catalogue. Machine: {machine}."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="saves per catalogue (default 7)")
    print(run(parser.parse_args().runs))


if __name__ == "__main__":
    main()
