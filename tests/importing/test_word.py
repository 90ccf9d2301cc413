"""`roledocs import` of Word job descriptions written the way HR writes them (headings, bold lines, bullets,
tables, typed bullets; English and German), and of files that only pretend to be Word files."""
from __future__ import annotations

import io
import json
import os
import zipfile

import pytest
import yaml
from docx import Document


def _bold_line(document, text: str) -> None:
    document.add_paragraph().add_run(text).bold = True


def _english(path) -> None:
    document = Document()
    document.add_heading("Payroll Specialist", level=0)
    line = document.add_paragraph()
    line.add_run("Reports to: ").bold = True
    line.add_run("Head of Finance")
    table = document.add_table(rows=2, cols=2)
    for row, (label, value) in zip(table.rows, [("Location", "Hamburg"), ("Employment type", "Full-time")]):
        row.cells[0].text, row.cells[1].text = label, value
    document.add_paragraph("Salary: EUR 48,000 – 56,000 per year")
    document.add_heading("Purpose", level=1)
    document.add_paragraph("Runs the monthly payroll for 400 employees accurately and on time.")
    _bold_line(document, "Key Responsibilities")
    bullet = document.add_paragraph(style="List Bullet")
    bullet.add_run("Run payroll").bold = True
    bullet.add_run(": prepare, check and release the monthly payroll by the 25th.")
    document.add_paragraph("Answer questions from employees about their payslips within two working days.",
                           style="List Bullet")
    document.add_paragraph("• Year-end reporting")  # a bullet typed by hand
    document.add_paragraph("What you bring:")
    for text in ("Three years of experience in German payroll", "Bachelor's degree in business administration",
                 "Confident with DATEV"):
        document.add_paragraph(text, style="List Bullet")
    document.add_heading("Nice to have", level=2)
    document.add_paragraph("SAP HCM", style="List Bullet")
    document.add_heading("Success measures", level=1)
    document.add_paragraph("Payroll accuracy: share of payslips released without a correction", style="List Bullet")
    document.add_heading("Benefits", level=1)
    document.add_paragraph("30 days of holiday", style="List Bullet")
    document.save(path)


def test_a_word_job_description_becomes_a_role_file(cli, tmp_path):
    _english(tmp_path / "payroll.docx")
    run = cli("import", tmp_path / "payroll.docx", "-o", "roles")
    assert run.code == 0, run.err
    written = tmp_path / "work" / "roles" / "payroll-specialist.yaml"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    data = yaml.safe_load(text)
    assert data["title"] == "Payroll Specialist"
    assert data["summary"] == "Runs the monthly payroll for 400 employees accurately and on time."
    assert (data["location"], data["employment_type"]) == ("Hamburg", "full-time")
    assert data["compensation"] == {"currency": "EUR", "min": 48000, "max": 56000, "period": "year"}
    assert [(d["title"], d["description"]) for d in data["duties"]] == [
        ("Run payroll", "Prepare, check and release the monthly payroll by the 25th."),
        ("TODO A short title for this duty",
         "Answer questions from employees about their payslips within two working days."),
        ("Year-end reporting", "TODO What is done, how, and to what standard.")]
    assert "time_share" not in str(data["duties"])  # never invented
    assert [(s["name"], s["level"], s.get("required", True)) for s in data["skills"]] == [
        ("Confident with DATEV", "TODO 1-5", True), ("SAP HCM", "TODO 1-5", False)]
    assert data["qualifications"] == {"education": ["Bachelor's degree in business administration"],
                                      "experience": ["Three years of experience in German payroll"]}
    assert [(k["name"], k["measure"], k["target"], k["frequency"]) for k in data["kpis"]] == [
        ("Payroll accuracy", "Share of payslips released without a correction", "TODO A target such as '>= 90%'",
         "TODO weekly, monthly, quarterly or yearly")]
    assert "reports_to" not in data  # no role of that title: said, not guessed
    assert "note: reports to 'Head of Finance' in the source: set reports_to to that role's id" in run.out
    assert "note: section 'Benefits' (1 line) is not part of a role file: not imported" in run.out
    findings = json.loads(cli("validate", written, "--format", "json").out)
    assert {f["rule"] for f in findings} == {"placeholder-text"}
    levels = [number for number, line in enumerate(text.splitlines(), 1) if line.strip() == "level: TODO 1-5"]
    assert sorted((f["line"], f["message"].split(" is ")[0]) for f in findings if "level" in f["message"]) == \
        [(levels[0], "skills[1].level"), (levels[1], "skills[2].level")]
    body = "".join(line for line in text.splitlines(True) if not line.startswith("#"))
    assert len(findings) == 6 == body.count("TODO")  # every gap in one run: 2 duty texts, 2 levels, target, frequency


def test_reports_to_names_the_role_of_that_title_in_the_catalogue(cli, example):
    _english(example.parent / "payroll.docx")
    (example / "head-of-finance.yaml").write_text((example / "it-project-manager.yaml").read_text(encoding="utf-8")
                                                  .replace("id: it-project-manager", "id: head-of-finance")
                                                  .replace("title: IT Project Manager", "title: Head of Finance"),
                                                  encoding="utf-8")
    assert cli("import", example.parent / "payroll.docx", "-o", example).code == 0
    assert yaml.safe_load((example / "payroll-specialist.yaml").read_text(encoding="utf-8"))["reports_to"] == \
        "head-of-finance"


def test_german_headings_are_read_too(cli, tmp_path):
    document = Document()
    document.add_heading("Lagerist (m/w/d)", level=0)
    document.add_paragraph("Standort: Leipzig")
    document.add_paragraph("Anstellungsart: Vollzeit")
    document.add_heading("Ihre Aufgaben", level=1)
    document.add_paragraph("Waren annehmen, prüfen und einlagern, nach den Vorgaben der Qualitätssicherung.",
                           style="List Bullet")
    document.add_heading("Ihr Profil", level=1)
    document.add_paragraph("Abgeschlossene Ausbildung als Fachkraft für Lagerlogistik", style="List Bullet")
    document.add_paragraph("Staplerschein", style="List Bullet")
    document.save(tmp_path / "lager.docx")
    assert cli("import", tmp_path / "lager.docx").code == 0
    data = yaml.safe_load((tmp_path / "work" / "lagerist-m-w-d.yaml").read_text(encoding="utf-8"))
    assert (data["location"], data["employment_type"]) == ("Leipzig", "full-time")
    assert data["duties"][0]["description"].startswith("Waren annehmen")
    assert data["qualifications"] == {"education": ["Abgeschlossene Ausbildung als Fachkraft für Lagerlogistik"]}
    assert [s["name"] for s in data["skills"]] == ["Staplerschein"]


def test_a_folder_of_word_files_gives_a_role_file_each(cli, tmp_path):
    folder = tmp_path / "jds"
    folder.mkdir()
    for title in ("Cook", "Waiter"):
        document = Document()
        document.add_heading(title, level=0)
        document.add_paragraph(f"Serves the guests of the restaurant as its {title.lower()}.")
        document.save(folder / f"{title}.docx")
    (folder / "~$Cook.docx").write_bytes(b"Word's lock file")  # skipped, as Word leaves them beside open files
    (folder / "notes.txt").write_text("not a job description", encoding="utf-8")
    run = cli("import", folder, "-o", "roles")
    assert run.code == 0, run.err
    assert sorted(p.name for p in (tmp_path / "work" / "roles").iterdir()) == ["cook.yaml", "waiter.yaml"]


def _docx_bytes() -> bytes:
    stream = io.BytesIO()
    Document().save(stream)
    return stream.getvalue()


@pytest.mark.parametrize("name, content, message", [
    ("text.docx", b"just some text", "not a Word file (.docx is a zip package; this is not one)"),
    ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "an encrypted (password-protected) Word file"),
    ("cut.docx", _docx_bytes()[:3000], "not a Word file"),
    ("other.docx", None, "a zip file, but not a Word document"),
    ("bomb.docx", None, "times larger than it is packed: refused (a zip bomb?)"),
])
def test_a_file_that_is_no_sound_word_file_is_refused_and_nothing_written(cli, tmp_path, name, content, message):
    path = tmp_path / name
    if name == "other.docx":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("hello.txt", "hi")
    elif name == "bomb.docx":
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("word/document.xml", b"\0" * (20 * 1024 * 1024))
    else:
        path.write_bytes(content)
    run = cli("import", path, "-o", "roles")
    assert run.code == 1
    assert f"{name}: " in run.err and message in run.err
    assert not (tmp_path / "work" / "roles").exists()


def test_a_100_mb_file_is_refused_without_being_read(cli, tmp_path):
    path = tmp_path / "huge.docx"
    with open(path, "wb") as stream:
        stream.truncate(100 * 1024 * 1024)  # sparse: no 100 MB written to disk
    run = cli("import", path, "-o", "roles")
    assert run.code == 1
    assert "huge.docx: larger than 50 MB: not a job description; refused" in run.err
    assert not (tmp_path / "work" / "roles").exists()
    os.remove(path)
