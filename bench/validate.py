"""Benchmark `roledocs validate` against check-jsonschema and the libraries it stands on; prints a markdown table.

Run: `/work/venv/bin/python bench/validate.py` (add `--full` to run check-jsonschema and python-jsonschema on
10,000 files too instead of extrapolating from 1,000). Catalogues are generated once into bench/.cache/.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import cached  # noqa: E402  (a sibling script, not a package)

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SIZES = ((1_000, 50), (10_000, 500))
TARGETS = {1_000: 0.6, 10_000: 3.0}
EXTRAPOLATE_FROM = 1_000


def _tool(name: str) -> list[str]:
    """A console script installed beside this Python (the venv's), else the same module run with -m."""
    script = Path(sys.executable).with_name(name)
    return [str(script)] if script.exists() else [sys.executable, "-m", name.replace("-", "_")]


def catalogue(roles: int, teams: int) -> Path:
    """The cached synthetic catalogue of that size (see generate.cached)."""
    return cached(f"catalogue-{roles}", roles, teams)


def without_quality(root: Path) -> Path:
    """A twin of the catalogue (hard links) whose roledocs.yaml turns the quality rules off: the foundation's cost."""
    twin = root.with_name(root.name + "-no-quality")
    if (twin / ".stamp").is_file() and (twin / ".stamp").read_text() == (root / ".stamp").read_text():
        return twin
    shutil.rmtree(twin, ignore_errors=True)
    shutil.copytree(root, twin, copy_function=os.link)
    (twin / "roledocs.yaml").unlink()
    (twin / "roledocs.yaml").write_text("roledocs: 1\norganization: Synthetic Corp\nlint:\n  quality: off\n")
    return twin


def best_of(runs: int, command: list[str], ok=(0,)) -> float:
    """The fastest wall time of a command, in seconds; its exit code must be one of `ok`."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        best = min(best, time.perf_counter() - start)
        if done.returncode not in ok:
            raise SystemExit(f"{' '.join(command[:3])}... exited {done.returncode}: {done.stderr.decode()[-500:]}")
    return best


def in_process(files: list[Path], schema: dict, slow_sample: int) -> dict[str, float]:
    """Seconds for the building blocks alone: C-loader parsing, python-jsonschema (on the first `slow_sample`
    files, scaled up), jsonschema-rs."""
    import jsonschema_rs
    from jsonschema import Draft202012Validator

    start = time.perf_counter()
    data = [yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader) for f in files]
    parse = time.perf_counter() - start
    validator = Draft202012Validator(schema)
    start = time.perf_counter()
    assert all(validator.is_valid(d) for d in data[:slow_sample])
    slow = (time.perf_counter() - start) * len(data) / min(slow_sample, len(data))
    fast_validator = jsonschema_rs.validator_for(schema)
    start = time.perf_counter()
    assert all(fast_validator.is_valid(d) for d in data)
    fast = time.perf_counter() - start
    return {"parse": parse, "jsonschema": slow, "jsonschema-rs": fast}


def _cell(seconds: float, files: int, note: str = "") -> str:
    return f"{seconds:.2f} s ({seconds / files * 1000:.2f} ms/file){note}"


def measured(command: list[str], ok=(0,)) -> tuple[float, int]:
    """One run's wall time (s) and peak memory (KiB, of its largest process: the command or one of its workers),
    measured from a fresh wrapper process so that no earlier run's peak counts."""
    probe = ("import resource, subprocess, sys, time; start = time.perf_counter(); "
             "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
             "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)")
    done = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True)
    seconds, memory, code = done.stdout.split()
    if int(code) not in ok:
        raise SystemExit(f"{' '.join(command[:3])}... exited {code}")
    return float(seconds), int(memory)


def cache_table(runs: int) -> str:
    """The content cache's rows: each a ratio to the cold run (--no-cache) of the same sitting, runs alternated."""
    roledocs = _tool("roledocs")
    rows: dict[str, list[str]] = {}
    for roles, teams in SIZES:
        root = catalogue(roles, teams)
        scratch = Path(tempfile.mkdtemp(prefix="roledocs-bench-cache-"))
        cache = ["--cache-dir", str(scratch / "warm")]
        role = sorted((root / "roles").glob("*.yaml"))[roles // 2]
        original = role.read_bytes()
        times: dict[str, list[tuple[float, int]]] = {}
        try:
            subprocess.run([*roledocs, "validate", *cache, str(root)], stdout=subprocess.DEVNULL, check=True)
            for turn in range(runs):
                times.setdefault("cold", []).append(measured([*roledocs, "validate", "--no-cache", str(root)]))
                empty = ["--cache-dir", str(scratch / f"empty-{turn}")]
                times.setdefault("empty", []).append(measured([*roledocs, "validate", *empty, str(root)]))
                times.setdefault("warm", []).append(measured([*roledocs, "validate", *cache, str(root)]))
                times.setdefault("named", []).append(measured([*roledocs, "validate", *cache, str(role)]))
                role.write_bytes(original.replace(b"summary: ", b"summary: " + b"Now " * (turn % 2), 1))
                times.setdefault("edited", []).append(measured([*roledocs, "validate", *cache, str(role)]))
        finally:
            role.write_bytes(original)
            shutil.rmtree(scratch, ignore_errors=True)
        best = {name: (min(t for t, _ in found), max(m for _, m in found)) for name, found in times.items()}
        floor = best["cold"][0]
        for name, label in (("cold", "cold, `--no-cache` (the floor)"),
                            ("empty", "cold, with an empty cache (target: at most 1.05x)"),
                            ("warm", "unchanged catalogue, warm cache (target: at most 0.15x)"),
                            ("named", "one named file, unchanged, warm cache (target: at most 0.1x)"),
                            ("edited", "one named file just edited, warm cache (pre-commit after a change)")):
            seconds, memory = best[name]
            rows.setdefault(label, []).append(f"{seconds:.2f} s ({seconds / floor:.2f}x), {memory / 1024:.0f} MiB")
    headers = [f"{r:,} roles + {t:,} teams" for r, t in SIZES]
    lines = [f"| validate | {' | '.join(headers)} |", f"|---|{'---|' * len(headers)}"]
    lines += [f"| {name} | {' | '.join(cells)} |" for name, cells in rows.items()]
    return "\n".join(lines) + (f"\n\nEach cell: the best wall time of {runs} runs (alternated), its ratio to the cold "
                               "run, and the peak memory of the largest process (the command or a worker).\n")


def run(full: bool) -> str:
    """Measure everything and return the markdown table (and a few lines about the machine)."""
    schema_path = REPO / "schemas" / "role.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    roledocs, check = _tool("roledocs"), _tool("check-jsonschema")
    rows: dict[str, list[str]] = {}
    per_file: dict[str, float] = {}
    for roles, teams in SIZES:
        root = catalogue(roles, teams)
        role_files = sorted((root / "roles").glob("*.yaml"))
        total = roles + teams + 1
        wall = best_of(3, [*roledocs, "validate", "--no-cache", str(root)])
        serial = best_of(1 if roles > 1_000 else 3, [*roledocs, "validate", "--no-cache", "--jobs", "1", str(root)])
        foundation = best_of(3, [*roledocs, "validate", "--no-cache", str(without_quality(root))])
        verdict = "meets" if wall <= TARGETS[roles] else "misses"
        rows.setdefault("files (roles + teams + config)", []).append(f"{total:,}")
        rows.setdefault("roledocs validate (all cores), best of 3", []).append(
            _cell(wall, total, f", {verdict} the {TARGETS[roles]:g} s target"))
        rows.setdefault("roledocs validate --jobs 1", []).append(_cell(serial, total))
        rows.setdefault("roledocs validate, quality rules off (lint: {quality: off})", []).append(
            _cell(foundation, total))
        named = [str(role_files[0]), str(role_files[-1]), str(sorted((root / "teams").glob("*.yaml"))[0])]
        precommit = best_of(3, [*roledocs, "validate", "--no-cache", *named])
        rows.setdefault("roledocs validate of 3 named files, as pre-commit runs it (all read, 3 linted)", []).append(
            f"{precommit:.2f} s")
        if roles <= EXTRAPOLATE_FROM or full:
            seconds = best_of(1, [*check, "--schemafile", str(schema_path), *map(str, role_files)], ok=(0, 1))
            per_file["check"] = seconds / roles
            rows.setdefault("check-jsonschema --schemafile role.schema.json (role files)", []).append(
                _cell(seconds, roles))
        else:
            seconds = per_file["check"] * roles
            rows["check-jsonschema --schemafile role.schema.json (role files)"].append(
                _cell(seconds, roles, f", extrapolated from {EXTRAPOLATE_FROM:,}"))
        sample = roles if full else min(roles, EXTRAPOLATE_FROM)
        parts = in_process(role_files, schema, sample)
        note = "" if sample == roles else f", extrapolated from {sample:,}"
        rows.setdefault("PyYAML CSafeLoader parse alone (role files)", []).append(_cell(parts["parse"], roles))
        rows.setdefault("python-jsonschema alone, validator built once (role files)", []).append(
            _cell(parts["jsonschema"], roles, note))
        rows.setdefault("jsonschema-rs alone (role files)", []).append(_cell(parts["jsonschema-rs"], roles))
    startup = best_of(10, [*roledocs, "--help"])
    headers = [f"{r:,} roles + {t:,} teams" for r, t in SIZES]
    lines = [f"| measure | {' | '.join(headers)} |", f"|---|{'---|' * len(headers)}"]
    lines += [f"| {name} | {' | '.join(cells)} |" for name, cells in rows.items()]
    lines.append(f"| roledocs --help start-up, best of 10 | {startup * 1000:.0f} ms "
                 f"({'meets' if startup <= 0.1 else 'misses'} the 100 ms target) | |")
    about = (f"{os.cpu_count()} cores, Python {platform.python_version()}, "
             f"libyaml {'yes' if getattr(yaml, '__with_libyaml__', False) else 'no'}, {platform.platform()}")
    return "\n".join(lines) + f"\n\nMachine: {about}.\n"


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark roledocs validate; prints a markdown table.",
                                     epilog="example: /work/venv/bin/python bench/validate.py --full")
    parser.add_argument("--full", action="store_true",
                        help="run the slow tools on 10,000 files too instead of extrapolating from 1,000")
    parser.add_argument("--cache-only", action="store_true", help="only the content cache's table")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure of the cache's table (default 3)")
    options = parser.parse_args()
    if not options.cache_only:
        print(run(options.full))
    print(cache_table(options.runs))


if __name__ == "__main__":
    main()
