"""Benchmark `roledocs import` of Word job descriptions: 100 .docx files made with python-docx (a title, a few
`Label: value` lines, a purpose paragraph, 8 duty bullets, 6 requirement bullets each).

Run: `.venv/bin/python bench/importing.py`. Figures: the best wall time of the installed `roledocs import` in a
subprocess, start-up included, and the floor: opening the same 100 files with python-docx alone, in one process.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def make(folder: Path, count: int) -> None:
    from docx import Document

    for number in range(count):
        document = Document()
        document.add_heading(f"Payroll Specialist {number}", level=0)
        for line in ("Reports to: Head of Finance", "Location: Hamburg", "Salary: EUR 48,000 - 56,000 per year"):
            document.add_paragraph(line)
        document.add_heading("Purpose", level=1)
        document.add_paragraph("Runs the monthly payroll for 400 employees accurately and on time.")
        document.add_heading("Key Responsibilities", level=1)
        for duty in range(8):
            document.add_paragraph(f"Duty {duty}: prepare, check and release part {duty} of the monthly payroll.",
                                   style="List Bullet")
        document.add_heading("Requirements", level=1)
        for skill in range(6):
            document.add_paragraph(f"Skill number {skill}", style="List Bullet")
        document.save(folder / f"jd-{number:03}.docx")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs; the best is shown (default 3)")
    parser.add_argument("--files", type=int, default=100, help="Word files (default 100)")
    args = parser.parse_args()
    from docx import Document

    with tempfile.TemporaryDirectory() as scratch:
        sources = Path(scratch) / "jds"
        sources.mkdir()
        make(sources, args.files)
        times, floors = [], []
        for run in range(args.runs):
            start = time.perf_counter()
            for path in sorted(sources.iterdir()):
                Document(str(path))
            floors.append(time.perf_counter() - start)
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "roledocs", "import", str(sources), "-o",
                                   str(Path(scratch) / f"roles-{run}")], capture_output=True, text=True)
            times.append(time.perf_counter() - start)
            if done.returncode:
                raise SystemExit(done.stderr[-800:])
    best, floor = min(times), min(floors)
    print("| files | roledocs import | floor (python-docx opens them) | ratio |\n| --- | --- | --- | --- |")
    print(f"| {args.files} Word files | {best:.2f} s | {floor:.2f} s | {best / floor:.1f}x |")


if __name__ == "__main__":
    main()
