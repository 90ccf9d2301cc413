"""The example's Word and Excel files in LibreOffice headless: they load through the Office import filters, the job
description reads as its role, and the RACI workbook holds the same matrix as roledocs' CSV."""
from __future__ import annotations

import csv
from pathlib import Path

import yaml
from pypdf import PdfReader

from tests.consumers import example_outputs as outputs


def words(text: str) -> str:
    return " ".join(text.split())


def rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_job_description_docx_opens_in_libreoffice_with_the_role_in_it(libreoffice):
    converted = libreoffice.convert(outputs.role("docx"), "pdf")
    assert converted.errors == ()
    text = words(" ".join(page.extract_text() for page in PdfReader(converted.output).pages))
    role = yaml.safe_load(outputs.ROLE.read_text(encoding="utf-8"))
    expected = [role["title"], *(duty["title"] for duty in role["duties"]), *(kpi["name"] for kpi in role["kpis"])]
    assert [phrase for phrase in expected if words(phrase) not in text] == []


def test_raci_workbook_opens_in_libreoffice_with_the_same_matrix_as_the_csv(libreoffice):
    converted = libreoffice.convert(outputs.raci("xlsx"), "csv")
    assert converted.errors == ()
    assert [path.stem.rsplit("-", 1)[1] for path in converted.outputs] == ["Legend", "RACI"]
    matrix = rows(converted.sheet("RACI"))
    assert matrix == rows(outputs.raci("csv"))
    assert matrix[0][:2] == ["Phase", "Activity"] and len(matrix) > 10
    assert [row[0] for row in rows(converted.sheet("Legend"))[1:]] == ["R", "A", "C", "I"]


def test_libreoffice_reports_a_file_it_cannot_load(libreoffice, tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(outputs.role("docx").read_bytes()[:3000])
    converted = libreoffice.convert(broken, "pdf")
    assert converted.outputs == ()
    assert any("could not be loaded" in error for error in converted.errors), converted.errors
