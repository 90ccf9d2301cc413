"""Benchmark of the team documents: RACI matrix, charter and analysis on synthetic teams; prints a Markdown table.

Run: `/work/venv/bin/python bench/teams.py`. Each figure is one `roledocs` command run in a fresh process (so
imports, loading and checks count, as for a user), with its wall time and peak memory (ru_maxrss).
Targets from the issue: a 500 x 200 matrix in XLSX <= 2 s and in PDF <= 400 MiB; analyze of 200 people <= 0.5 s.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

# Runs the CLI in this fresh process and reports its own wall time and peak resident memory.
_RUNNER = ("import json, resource, sys, time\n"
           "start = time.perf_counter()\n"
           "from roledocs.cli import main\n"
           "code = main(sys.argv[1:])\n"
           "print(json.dumps({'code': code, 'seconds': time.perf_counter() - start,\n"
           "                  'mib': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), file=sys.stderr)\n")


def write_team(root: Path, team_id: str, roles: list[str], parties: int, activities: int,
               people_per_role: int = 1) -> Path:
    """A team of the given roles plus `parties` parties and `activities` rows: one A and one R per row, about
    three cells in twenty C or I (keeping a 500 x 200 team under the 1 MiB file limit); `people_per_role` people per role, assessed on their role's skills."""
    columns = roles + [f"party-{n + 1}" for n in range(parties)]
    lines = ["roledocs: 1", "kind: team", f"id: {team_id}", f"name: Team {team_id}",
             "mission: Deliver what the benchmark asks, on time.", f"lead: {roles[0]}", "members:"]
    for index, role in enumerate(roles):
        skills = [s["name"] for s in yaml.safe_load((root / "roles" / f"{role}.yaml").read_text())["skills"]]
        lines += [f"  - role: {role}", f"    headcount: {people_per_role + index % 2}", "    people:"]
        for person in range(people_per_role):
            lines += [f"      - name: Person {index + 1}-{person + 1}", "        skills:"]
            lines += [f"          {json.dumps(name)}: {1 + (index + person + k) % 5}" for k, name in enumerate(skills)]
    if parties:
        lines += ["parties:"] + [f"  - {{id: party-{n + 1}, name: Party {n + 1}}}" for n in range(parties)]
    lines.append("activities:")
    for row in range(activities):
        accountable, responsible = columns[row % len(columns)], columns[(row + 1) % len(columns)]
        cells = {accountable: "A", responsible: "R"}
        for index, column in enumerate(columns):
            if column not in cells and (row * 7 + index * 13) % 20 < 3:
                cells[column] = "C" if (row + index) % 2 else "I"
        lines += [f"  - id: activity-{row + 1}", f"    name: Activity number {row + 1} of the benchmark team",
                  f"    phase: Phase {row * 5 // activities + 1}",
                  "    raci: {" + ", ".join(f"{column}: {letters}" for column, letters in cells.items()) + "}"]
    path = root / "teams" / f"{team_id}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(*args: str) -> dict:
    """One roledocs command in a fresh Python process: exit code, seconds, peak MiB."""
    done = subprocess.run([sys.executable, "-c", _RUNNER, *args], capture_output=True, text=True)
    figures = json.loads(done.stderr.strip().splitlines()[-1])
    if figures["code"] != 0:
        raise SystemExit(f"roledocs {' '.join(args)} failed:\n{done.stderr}")
    return figures


def analysis_only(team: Path) -> float:
    """Seconds of the analysis itself (the team and its catalogue already loaded and checked), best of five."""
    import time

    from roledocs.team.analysis import analyze_document
    from roledocs.check.inputs import load_team

    loaded = load_team(str(team))
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        analyze_document(loaded.document, loaded.catalogue)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = generate(Path(folder) / "catalogue", roles=200, teams=0)
        roles = sorted(p.stem for p in (root / "roles").glob("*.yaml"))
        thirty = write_team(root, "thirty", roles[:30], 0, 80)
        wide = write_team(root, "wide", roles[:150], 50, 500)
        people = write_team(root, "people", roles[:40], 0, 60, people_per_role=5)
        # The same 200-person team in a catalogue of just its 40 roles: loading and checking the whole
        # catalogue is most of analyze's time, so both sizes are shown.
        own = generate(Path(folder) / "own", roles=40, teams=0)
        own_people = write_team(own, "people", sorted(p.stem for p in (own / "roles").glob("*.yaml")), 0, 60,
                                people_per_role=5)
        out = Path(folder) / "out"
        cases = [
            ("RACI html, 30 roles x 80 activities", ["raci", thirty, "--to", "html"], ""),
            ("RACI xlsx, 30 roles x 80 activities", ["raci", thirty, "--to", "xlsx"], ""),
            ("RACI pdf, 30 roles x 80 activities", ["raci", thirty, "--to", "pdf"], ""),
            ("charter html, 30 roles x 80 activities", ["charter", thirty, "--to", "html"], ""),
            ("charter pdf, 30 roles x 80 activities", ["charter", thirty, "--to", "pdf"], ""),
            ("RACI xlsx, 500 x 200 (150 roles + 50 parties)", ["raci", wide, "--to", "xlsx"], "<= 2 s"),
            ("RACI pdf, 500 x 200 (printed in 51 parts)", ["raci", wide, "--to", "pdf"], "<= 400 MiB"),
            ("analyze json, 200 people, catalogue of 40 roles", ["analyze", own_people, "--format", "json"],
             "<= 0.5 s"),
            ("analyze json, 200 people, catalogue of 200 roles", ["analyze", people, "--format", "json"], ""),
        ]
        print("All figures: one `roledocs` command in a fresh process (imports, loading and checks included),")
        print("except the last row. The RACI and charter cases run in a catalogue of 200 roles.\n")
        print("| case | seconds | peak MiB | target |")
        print("| --- | ---: | ---: | --- |")
        for label, args, target in cases:
            extra = [] if args[0] == "analyze" else ["-o", str(out)]
            figures = run(*map(str, args), *extra)
            print(f"| {label} | {figures['seconds']:.2f} | {figures['mib']:.0f} | {target} |", flush=True)
        print(f"| analysis alone (loaded team of 200 people) | {analysis_only(people):.4f} | | |")


if __name__ == "__main__":
    main()
