"""PDF, JSON-LD and Word outputs: content read back, tags, schema, determinism, and a fetcher that reads nothing."""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import jsonschema
import pytest
from pypdf import PdfReader

from tests.rendering.support import RENDER_FIXTURES, catalogue_copy, lead_data, write_role, write_template
from roledocs.rendering.writers.pdf import FetchDenied, fetcher
from roledocs.rendering.writers.docx import reproducible_zip

LEAD = RENDER_FIXTURES / "catalogue" / "roles" / "delivery-lead.yaml"
HEAD = RENDER_FIXTURES / "catalogue" / "roles" / "head-of-delivery.yaml"


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_pdf_text_tags_and_page_furniture(cli, isolated):
    run = cli("render", LEAD, HEAD, "--to", "pdf", "--jobs", "2")
    assert run.code == 0, run.err
    reader = PdfReader(isolated / "delivery-lead.pdf")
    text = _pdf_text(isolated / "delivery-lead.pdf")
    for expected in ("Delivery Lead", "Reports to", "Head of Delivery", "Milestones on time", "at least 90%",
                     "€4,000.00–€5,250.50 per month", "Acme & Partners", f"Page 1 of {len(reader.pages)}"):
        assert expected in text, expected
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "en"
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    assert "Head of Delivery" in _pdf_text(isolated / "head-of-delivery.pdf")


def test_pdf_is_byte_identical_and_letter_when_configured(cli, tmp_path):
    root = catalogue_copy(tmp_path)
    config = root / "roledocs.yaml"
    config.write_text(config.read_text().replace("page_size: A4", "page_size: Letter"))
    role = root / "roles" / "delivery-lead.yaml"
    assert cli("render", role, "--to", "pdf", "-o", "one").code == 0
    assert cli("render", role, "--to", "pdf", "-o", "two").code == 0
    first, second = Path("one/delivery-lead.pdf").read_bytes(), Path("two/delivery-lead.pdf").read_bytes()
    assert first == second
    assert b"/CreationDate" not in first and b"/ModDate" not in first
    width, height = (float(v) for v in PdfReader(io.BytesIO(first)).pages[0].mediabox[2:])
    assert (round(width), round(height)) == (612, 792)  # US Letter


def test_hostile_markup_in_a_pdf_is_text(cli, tmp_path, isolated):
    root = catalogue_copy(tmp_path)
    data = lead_data()
    data["summary"] = '<img src="file:///etc/passwd"> <script>alert(1)</script> {{ 7*7 }}'
    write_role(root, data)
    run = cli("render", root / "roles" / "delivery-lead.yaml", "--to", "pdf")
    assert run.code == 0, run.err
    text = _pdf_text(isolated / "delivery-lead.pdf")
    assert '<img src="file:///etc/passwd">' in text and "{{ 7*7 }}" in text and "root:x:0:0" not in text


def test_an_override_template_cannot_make_the_pdf_read_or_attach_files(cli, tmp_path, isolated):
    root = catalogue_copy(tmp_path)
    write_template(root, "job-description.html.j2", """{% extends "builtin/job-description.html.j2" %}
{% block header %}<img src="file:///etc/passwd" alt=""><img src="http://example.com/x.png" alt="">
<link rel="attachment" href="roledocs.yaml"><a rel="attachment" href="roledocs.yaml">attached</a>
<style>@import url("file:///etc/hostname"); body { background: url(file:///etc/passwd) }</style>
{{ super() }}{% endblock %}""")
    run = cli("render", root / "roles" / "delivery-lead.yaml", "--to", "pdf")
    assert run.code == 0, run.err
    data = (isolated / "delivery-lead.pdf").read_bytes()
    assert b"root:x" not in data and b"EmbeddedFile" not in data and b"FileAttachment" not in data
    assert not PdfReader(io.BytesIO(data)).attachments


@pytest.mark.parametrize("url", ["file:///etc/passwd", "http://example.com/logo.png", "https://127.0.0.1/x.css",
                                 "ftp://example.com/a", "file:///proc/self/environ"])
def test_the_fetcher_denies_everything_outside(url, tmp_path):
    with pytest.raises(FetchDenied):
        fetcher(tmp_path).fetch(url)


def test_the_fetcher_serves_data_uris_and_catalogue_files(tmp_path):
    (tmp_path / "logo.svg").write_text("<svg/>")
    local = fetcher(tmp_path)
    assert local.fetch((tmp_path / "logo.svg").as_uri()).read() == b"<svg/>"
    assert local.fetch("data:text/plain;base64,aGk=").read() == b"hi"
    assert local.fetch("data:,a%20b").read() == b"a b"
    with pytest.raises(FetchDenied):
        local.fetch((tmp_path / ".." / "elsewhere.svg").as_uri())


@pytest.fixture(scope="module")
def posting_schema():
    return json.loads((RENDER_FIXTURES / "jobposting.schema.json").read_text())


def test_jsonld_job_posting(cli, posting_schema):
    run = cli("render", LEAD, "--to", "jsonld", "-o", "-", "--date-posted", "2026-03-01",
              "--valid-through", "2026-04-30", "--job-location", "Friedrichstraße 1, 10117 Berlin, DE")
    assert run.code == 0, run.err
    posting = json.loads(run.out)
    jsonschema.validate(posting, posting_schema)
    assert list(posting)[:3] == ["@context", "@type", "title"]
    assert (posting["datePosted"], posting["validThrough"]) == ("2026-03-01", "2026-04-30")
    assert posting["jobLocation"] == {"@type": "Place", "address": {
        "@type": "PostalAddress", "streetAddress": "Friedrichstraße 1", "postalCode": "10117",
        "addressLocality": "Berlin", "addressCountry": "DE"}}
    assert posting["employmentType"] == "PART_TIME"
    assert posting["occupationalCategory"] == "1330"
    assert posting["identifier"] == {"@type": "PropertyValue", "name": "Acme & Partners", "value": "delivery-lead"}
    assert posting["hiringOrganization"] == {"@type": "Organization", "name": "Acme & Partners"}
    assert posting["baseSalary"]["value"] == {"@type": "QuantitativeValue", "minValue": 4000, "maxValue": 5250.5,
                                              "unitText": "MONTH"}
    assert posting["educationRequirements"][0]["credentialCategory"] == "bachelor degree"
    assert posting["experienceRequirements"][0]["monthsOfExperience"] == 36
    assert posting["qualifications"][0]["name"] == "PRINCE2 Foundation"
    assert posting["description"].startswith("<p>Plans and steers")
    assert "additionalProperty" not in posting  # not a JobPosting property; see tests/test_posting.py
    assert posting["responsibilities"][0].startswith("Plan projects (60% of working time): ")
    assert run.out.endswith("}\n") and '  "title": "Delivery Lead",' in run.out


def test_jsonld_without_options_lacks_only_what_a_careers_page_adds(cli, posting_schema, tmp_path):
    posting = json.loads(cli("render", LEAD, "--to", "jsonld", "-o", "-").out)
    assert "datePosted" not in posting and "validThrough" not in posting
    assert "jobLocation" not in posting  # 'Remote (EU)' names no place, and `remote` is not set
    root = catalogue_copy(tmp_path)
    data = lead_data()
    data["posting"] = {"date_posted": "2026-03-01", "remote": {"countries": ["DE", "AT"]}}
    posting = json.loads(cli("render", write_role(root, data), "--to", "jsonld", "-o", "-").out)
    jsonschema.validate(posting, posting_schema)
    assert (posting["jobLocationType"], posting["applicantLocationRequirements"]) == (
        "TELECOMMUTE", [{"@type": "Country", "name": "DE"}, {"@type": "Country", "name": "AT"}])


def test_jsonld_escapes_role_text_in_the_description(cli, tmp_path):
    root = catalogue_copy(tmp_path)
    data = lead_data()
    data["summary"] = "<script>alert(1)</script>"
    write_role(root, data)
    posting = json.loads(cli("render", root / "roles" / "delivery-lead.yaml", "--to", "jsonld", "-o", "-").out)
    assert "<script>" not in posting["description"] and "&lt;script&gt;" in posting["description"]


def test_docx_headings_lists_tables_and_properties(cli, isolated):
    assert cli("render", LEAD, "--to", "docx").code == 0
    document = docx.Document(isolated / "delivery-lead.docx")
    styled = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert styled[0] == ("Title", "Delivery Lead")
    headings = [text for style, text in styled if style.startswith("Heading 1")]
    assert headings == ["Purpose of the role", "Duties and responsibilities", "Key performance indicators", "Skills",
                        "Qualifications", "Pay"]
    assert ("Heading 3", "Plan projects") in styled and ("List Bullet", "PRINCE2 Foundation") in styled
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    assert tables[0][0] == ["Duty", "Share of time", "Frequency", "Type"]
    assert tables[0][1] == ["Plan projects", "60%", "Weekly", "Essential"]
    assert tables[1][3][:3] == ["Escalations", "Escalations to the steering committee per quarter", "< 2 (less than 2)"]
    props = document.core_properties
    assert (props.title, props.author, props.category, props.revision) == ("Delivery Lead", "Acme & Partners",
                                                                            "Operations", 1)
    assert props.created.year == props.modified.year == 2000 and "Planning" in props.keywords


def test_docx_is_byte_identical(cli):
    assert cli("render", LEAD, "--to", "docx", "-o", "one").code == 0
    assert cli("render", LEAD, "--to", "docx", "-o", "two").code == 0
    first = Path("one/delivery-lead.docx").read_bytes()
    assert first == Path("two/delivery-lead.docx").read_bytes()
    entries = zipfile.ZipFile(io.BytesIO(first)).infolist()
    assert [e.filename for e in entries] == sorted(e.filename for e in entries)
    assert {e.date_time for e in entries} == {(1980, 1, 1, 0, 0, 0)}
    assert reproducible_zip(first) == first


def test_a_control_character_is_refused_before_any_output(cli, tmp_path, isolated):
    """A YAML escape ("\x00", "\x1b") in a role's text once crashed the Word output (exit 3, lxml ValueError)."""
    root = catalogue_copy(tmp_path)
    data = lead_data()
    data["title"] = "Delivery\x00 Lead\x1b"
    path = write_role(root, data)
    assert '"Delivery\\0 Lead\\e"' in path.read_text(encoding="utf-8")  # written as escapes, as a user would
    run = cli("render", path, "--to", "docx")
    assert run.code == 1 and "yaml-control-character" in run.err and "(\\x00," in run.err, run.err
    assert list(isolated.iterdir()) == []
