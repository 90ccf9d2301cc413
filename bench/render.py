"""Benchmark `roledocs render`: HTML for a 1,000-role catalogue (in English and in German), PDF per role per core,
one Markdown end to end.

Run: `/work/venv/bin/python bench/render.py` (`--pdf-roles N` to print more or fewer PDFs). Prints a markdown table
with the issue's targets. Catalogues are generated once into bench/.cache/ with bench/generate.py.
"""
from __future__ import annotations

import argparse
import io
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import cached  # noqa: E402  (a sibling script, not a package)

BENCH = Path(__file__).resolve().parent
TARGETS = {"html": 1.5, "pdf_ms": 130, "rss_mib": 150, "md": 0.3, "german": 1.10}


def _roledocs() -> list[str]:
    script = Path(sys.executable).with_name("roledocs")
    return [str(script)] if script.exists() else [sys.executable, "-m", "roledocs"]


def catalogue(roles: int) -> Path:
    """The cached synthetic catalogue of that many roles, no teams (see generate.cached)."""
    return cached(f"render-{roles}", roles, 0)


def best_of(runs: int, command: list[str], cwd: Path) -> float:
    """The fastest wall time of a command that must succeed, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        best = min(best, time.perf_counter() - start)
        if done.returncode:
            raise SystemExit(f"{' '.join(command[:4])}... exited {done.returncode}: {done.stderr.decode()[-500:]}")
    return best


def _print_pdfs(items: list[tuple[str, Path]]) -> tuple[int, float]:
    """Worker: print HTML documents to PDF; returns this process's peak RSS (KiB) and its busy seconds."""
    from roledocs.rendering.writers.pdf import html_to_pdf

    start = time.perf_counter()
    for html, root in items:
        html_to_pdf(html, root)
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.perf_counter() - start


def html_phases(root: Path) -> dict[str, float]:
    """Seconds of each phase of rendering the catalogue's roles to HTML, in this process."""
    from roledocs.rendering.documents import Renderer, load_inputs
    from roledocs.output.files import output_path, write_atomic
    from roledocs.rendering.writers.jsonld import PostingOptions

    files = sorted(str(p) for p in (root / "roles").glob("*.yaml"))
    start = time.perf_counter()
    inputs = load_inputs(files)
    loaded = time.perf_counter()
    renderer = Renderer("html", PostingOptions(), io.StringIO())
    built = [renderer.build(item) for item in inputs]
    rendered = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        for item in built:
            write_atomic(output_path(Path(out), item.name), item.content)
        written = time.perf_counter()
    return {"load": loaded - start, "render": rendered - loaded, "write": written - rendered}


def pdf_figures(root: Path, count: int, jobs: int) -> dict[str, float]:
    """PDF timings as `roledocs render --to pdf --jobs N` runs them: HTML built in this process, printed by a
    pool of forked workers that each import WeasyPrint once."""
    from roledocs.rendering.documents import Renderer, load_inputs
    from roledocs.rendering.writers.jsonld import PostingOptions
    from roledocs.rendering.writers.pdf import html_to_pdf

    files = sorted(str(p) for p in (root / "roles").glob("*.yaml"))[:count]
    renderer = Renderer("pdf", PostingOptions(), io.StringIO())
    htmls = [(r.content, r.root) for r in map(renderer.build, load_inputs(files))]
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(_print_pdfs, [htmls[i::jobs] for i in range(jobs)]))
    wall = time.perf_counter() - start
    import weasyprint  # noqa: F401  (warm this process, then time one role alone)

    html_to_pdf(*htmls[0])
    start = time.perf_counter()
    for html, where in htmls[:5]:
        html_to_pdf(html, where)
    warm = (time.perf_counter() - start) / 5
    return {"wall": wall, "per_role_core": wall * jobs / len(htmls), "busy_per_role": sum(r[1] for r in results)
            / len(htmls), "rss_mib": max(r[0] for r in results) / 1024, "warm": warm, "count": len(htmls)}


def in_german(root: Path) -> Path:
    """A copy of a catalogue whose roledocs.yaml says `language: de` (the same text, German labels and numbers)."""
    german = root.with_name(root.name + "-de")
    if not german.exists():
        shutil.copytree(root, german)
        config = german / "roledocs.yaml"
        config.write_text(config.read_text(encoding="utf-8") + "language: de\n", encoding="utf-8")
    return german


def html_languages(roledocs: list[str], big: Path, files: list[str]) -> tuple[float, float]:
    """Best of 3 wall times of rendering the catalogue to HTML in English and in German, runs alternated so that
    both meet the same machine load."""
    german = in_german(big)
    best = {big: float("inf"), german: float("inf")}
    with tempfile.TemporaryDirectory() as out:
        for _ in range(3):
            for root in best:
                best[root] = min(best[root], best_of(1, [*roledocs, "render", *files, "--to", "html", "-o", out],
                                                     root))
    return best[big], best[german]


def run(pdf_roles: int, jobs: int) -> str:
    """Measure and return the markdown table."""
    roledocs = _roledocs()
    big = catalogue(1000)
    files = sorted(str(p.relative_to(big)) for p in (big / "roles").glob("*.yaml"))
    with tempfile.TemporaryDirectory() as out:
        html = best_of(3, [*roledocs, "render", *files, "--to", "html", "-o", out], big)
        written = len(os.listdir(out))
    english, german = html_languages(roledocs, big, files)
    ratio = german / english
    phases = html_phases(big)
    md = best_of(5, [*roledocs, "render", "it-project-manager.yaml", "--to", "md", "-o", "-"], BENCH.parent / "roles")
    md_big = best_of(3, [*roledocs, "render", files[0], "--to", "md", "-o", "-"], big)
    pdf = pdf_figures(big, pdf_roles, jobs)
    lines = [
        "| measurement | figure | target |",
        "| --- | --- | --- |",
        f"| `roledocs render` of {written:,} roles `--to html` (start-up, loading, checks, writing), best of 3 "
        f"| {html:.2f} s ({html / written * 1000:.2f} ms/role) | ≤ {TARGETS['html']} s: "
        f"{'meets' if html <= TARGETS['html'] else 'misses'} |",
        f"| the same in one process, by phase: load and check / templates / atomic writes "
        f"| {phases['load']:.2f} s / {phases['render']:.2f} s / {phases['write']:.2f} s | |",
        f"| the same catalogue in German (`language: de`) against English, runs alternated, best of 3 each "
        f"| {german:.2f} s / {english:.2f} s = {ratio:.2f} | ≤ {TARGETS['german']:.2f}: "
        f"{'meets' if ratio <= TARGETS['german'] else 'misses'} |",
        f"| PDF, {pdf['count']} roles, {jobs} workers (worker start-up and WeasyPrint import included) "
        f"| {pdf['wall']:.2f} s wall; {pdf['per_role_core'] * 1000:.0f} ms per role per core "
        f"| ≤ {TARGETS['pdf_ms']} ms: {'meets' if pdf['per_role_core'] * 1000 <= TARGETS['pdf_ms'] else 'misses'} |",
        f"| PDF, busy time per role in the workers (import excluded) | {pdf['busy_per_role'] * 1000:.0f} ms | |",
        f"| PDF, one role in a warm process, no contention | {pdf['warm'] * 1000:.0f} ms | |",
        f"| PDF worker peak memory (ru_maxrss) | {pdf['rss_mib']:.0f} MiB | ≤ {TARGETS['rss_mib']} MiB: "
        f"{'meets' if pdf['rss_mib'] <= TARGETS['rss_mib'] else 'misses'} |",
        f"| `roledocs render it-project-manager.yaml --to md -o -` end to end (example catalogue), best of 5 "
        f"| {md:.2f} s | ≤ {TARGETS['md']} s: {'meets' if md <= TARGETS['md'] else 'misses'} |",
        f"| the same for one role of the 1,000-role catalogue (all of it loaded and checked), best of 3 "
        f"| {md_big:.2f} s | |",
    ]
    machine = f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}"
    return "\n".join(lines) + f"\n\nMachine: {machine}."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdf-roles", type=int, default=40, help="PDFs to print (default 40)")
    parser.add_argument("--jobs", type=int, default=2, help="PDF worker processes (default 2)")
    args = parser.parse_args()
    print(run(args.pdf_roles, args.jobs))


if __name__ == "__main__":
    main()
