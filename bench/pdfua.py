"""Benchmark the PDF/UA pass (rendering/writers/pdfua.py) against WeasyPrint's printing, its floor, in one sitting.

Run: `.venv/bin/python bench/pdfua.py [--rounds N]` from the repository root. The example catalogue's job
descriptions are printed by WeasyPrint alone and then completed by the pass, rounds alternated; prints a markdown
table of the best and median milliseconds per job description and the pass's share of a PDF.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from roledocs.rendering.formats import FORMATS, Job
from roledocs.rendering.writers import pdf, pdfua
from roledocs.source.catalogue import load_catalogue

EXAMPLE = Path(__file__).resolve().parent.parent / "roles"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    catalogue = load_catalogue(EXAMPLE, str)
    pages = [FORMATS[("role", "pdf")].build(Job(catalogue.roles[rid], catalogue)) for rid in sorted(catalogue.roles)]
    complete = pdfua.complete_pdf_ua
    pdfua.complete_pdf_ua = lambda printed, html: printed  # WeasyPrint alone: the floor
    pdf.html_to_pdf(pages[0], catalogue.root)  # imports and font set-up, not measured
    printing, passing = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        printed = [pdf.html_to_pdf(html, catalogue.root) for html in pages]
        printing.append((time.perf_counter() - start) / len(pages) * 1000)
        start = time.perf_counter()
        for data, html in zip(printed, pages):
            complete(data, html)
        passing.append((time.perf_counter() - start) / len(pages) * 1000)
    print(f"| {len(pages)} job descriptions, {rounds} rounds | best ms | median ms |")
    print("| --- | --- | --- |")
    print(f"| WeasyPrint prints one (floor) | {min(printing):.1f} | {statistics.median(printing):.1f} |")
    print(f"| the PDF/UA pass on it | {min(passing):.1f} | {statistics.median(passing):.1f} |")
    share = statistics.median(passing) / (statistics.median(printing) + statistics.median(passing))
    print(f"| pass / (print + pass) | {min(passing) / (min(printing) + min(passing)):.1%} | {share:.1%} |")


if __name__ == "__main__":
    main()
