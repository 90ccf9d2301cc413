"""JobPosting details search engines read (jobLocation, identifier, KPI bounds, description) and the DOCX properties."""
from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import docx
import pytest

from tests.rendering.support import catalogue_copy, lead_data, write_role

ADDRESS = "PostalAddress"


def _posting(cli, role: Path, *options: str) -> dict:
    run = cli("render", role, "--to", "jsonld", "-o", "-", *options)
    assert run.code == 0, run.err
    return json.loads(run.out)


@pytest.fixture
def catalogue(tmp_path) -> Path:
    return catalogue_copy(tmp_path)


@pytest.fixture
def lead(catalogue) -> Path:
    return catalogue / "roles" / "delivery-lead.yaml"


@pytest.fixture
def unnamed(catalogue, lead) -> Path:
    """The delivery lead in a catalogue whose roledocs.yaml names no organisation."""
    (catalogue / "roledocs.yaml").write_text("roledocs: 1\n", encoding="utf-8")
    return lead


@pytest.mark.parametrize(("text", "address"), [
    ("Friedrichstraße 1, 10117 Berlin, DE",
     {"streetAddress": "Friedrichstraße 1", "postalCode": "10117", "addressLocality": "Berlin", "addressCountry": "DE"}),
    ("ul. Marszałkowska 1, 00-950 Warszawa, PL",
     {"streetAddress": "ul. Marszałkowska 1", "postalCode": "00-950", "addressLocality": "Warszawa",
      "addressCountry": "PL"}),
    ("Hauptplatz 3, Top 4, 1010 Wien, AT",
     {"streetAddress": "Hauptplatz 3, Top 4", "postalCode": "1010", "addressLocality": "Wien", "addressCountry": "AT"}),
    ("1 Infinite Loop, Cupertino, CA 95014, US",
     {"streetAddress": "1 Infinite Loop", "postalCode": "95014", "addressLocality": "Cupertino",
      "addressRegion": "CA", "addressCountry": "US"}),
    ("Berlin, DE", {"addressLocality": "Berlin", "addressCountry": "DE"}),
    (" Lyon ,, FR ", {"addressLocality": "Lyon", "addressCountry": "FR"}),
    ("DE", {"addressCountry": "DE"}),
])
def test_job_location_with_a_country_is_a_postal_address(cli, lead, text, address):
    posting = _posting(cli, lead, "--job-location", text)
    assert posting["jobLocation"] == {"@type": "Place", "address": {"@type": ADDRESS, **address}}
    assert list(posting["jobLocation"]["address"]) == ["@type", *address]  # a fixed key order


@pytest.mark.parametrize(("text", "address"), [
    ("Hybrid, Berlin", {"addressLocality": "Berlin"}),
    ("Hybrid, Berlin, DE", {"addressLocality": "Berlin", "addressCountry": "DE"}),
    ("Hybrid, Friedrichstraße 1, 10117 Berlin, DE",
     {"streetAddress": "Friedrichstraße 1", "postalCode": "10117", "addressLocality": "Berlin", "addressCountry": "DE"}),
    ("On-site, 00-950 Warszawa, PL", {"postalCode": "00-950", "addressLocality": "Warszawa", "addressCountry": "PL"}),
    ("Lyon, FR, remote", {"addressLocality": "Lyon", "addressCountry": "FR"}),
])
def test_the_way_of_working_is_not_part_of_the_address(cli, lead, text, address):
    """'Hybrid', 'Remote (EU)', 'On-site' say how the work is done, not where: the rest is the PostalAddress."""
    posting = _posting(cli, lead, "--job-location", text)
    assert posting["jobLocation"] == {"@type": "Place", "address": {"@type": ADDRESS, **address}}
    assert f"<strong>Location</strong>: {text}" in posting["description"]  # as written, for people


@pytest.mark.parametrize("text", ["Remote (EU)", "Berlin, de", "Berlin, DEU", "hybrid"])
def test_a_location_that_names_no_readable_place_gives_no_job_location(cli, lead, text):
    """Without a country code only a single place name is read; a plain-text address is what Google rejects, so
    the text is said in the description instead."""
    posting = _posting(cli, lead, "--job-location", text)
    assert "jobLocation" not in posting
    assert f"<strong>Location</strong>: {text}" in posting["description"]


def test_the_roles_own_location_is_read_the_same_way(cli, catalogue):
    data = lead_data()
    data["location"] = "Friedrichstraße 1, 10117 Berlin, DE"
    role = write_role(catalogue, data)
    assert _posting(cli, role)["jobLocation"]["address"]["postalCode"] == "10117"
    override = _posting(cli, role, "--job-location", "Lyon, FR")["jobLocation"]["address"]
    assert override == {"@type": ADDRESS, "addressLocality": "Lyon", "addressCountry": "FR"}


@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_job_location_is_a_usage_error(cli, lead, isolated, text):
    run = cli("render", lead, "--to", "jsonld", "--job-location", text)
    assert run.code == 2 and "--job-location is empty" in run.err
    assert not list(isolated.iterdir())


def test_without_an_organisation_nothing_names_one(cli, unnamed, isolated):
    posting = _posting(cli, unnamed)
    assert posting["identifier"] == {"@type": "PropertyValue", "value": "delivery-lead"}
    assert "hiringOrganization" not in posting and "roledocs" not in json.dumps(posting)
    assert cli("render", unnamed, "--to", "docx").code == 0
    document = docx.Document(isolated / "delivery-lead.docx")
    props = document.core_properties
    assert (props.author, props.last_modified_by) == ("", "")
    assert "<Company></Company>" in _app_xml(isolated / "delivery-lead.docx")


def test_kpis_time_shares_and_the_reporting_line_are_said_in_schema_org_properties(cli, catalogue):
    """JobPosting has no additionalProperty (schema.org gives it to Product, Place, Offer and the like): the KPIs,
    the family, level and reporting line go to the description, the time shares to the responsibilities."""
    data = lead_data()
    targets = {"milestones": "= 0", "satisfaction": "> 4.5", "incidents": "<= 2 days"}
    for kpi in data["kpis"]:
        kpi["target"] = targets[kpi["id"]]
    role = write_role(catalogue, data)
    posting = _posting(cli, role)
    assert "additionalProperty" not in posting
    description = posting["description"]
    assert ("<li><strong>Customer satisfaction</strong>: Mean score of the customer survey on a 1 to 5 scale; "
            "target more than 4.5, reviewed quarterly</li>") in description
    assert "target exactly 0, reviewed monthly" in description and "target at most 2 days" in description
    for fact in ("<strong>Job family</strong>: Operations", "<strong>Level</strong>: L3",
                 "<strong>Reports to</strong>: Head of Delivery"):
        assert fact in description
    assert posting["responsibilities"][0].startswith("Plan projects (60% of working time): ")


def test_the_description_is_paragraphs_and_lists(cli, lead):
    description = _posting(cli, lead)["description"]
    assert description.startswith(
        "<p>Plans and steers customer projects from kick-off to acceptance.</p><ul><li><strong>Job family</strong>: "
        "Operations</li><li><strong>Level</strong>: L3</li><li><strong>Location</strong>: Remote (EU)</li><li>"
        "<strong>Reports to</strong>: Head of Delivery</li></ul><p><strong>Duties</strong></p><ul><li><strong>Plan "
        "projects (60% of working time)</strong>: Write and keep the project plan with milestones agreed with the "
        "customer.</li>")
    assert set(re.findall(r"</?([a-z0-9]+)", description)) == {"p", "ul", "li", "strong"}


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_posting_options_with_another_format_are_noted_and_ignored(cli, lead, isolated, fmt):
    run = cli("render", lead, "--to", fmt, "--date-posted", "2026-03-01", "--valid-through", "2026-04-30",
              "--job-location", "Berlin, DE")
    assert run.code == 0, run.err
    for option in ("--date-posted", "--valid-through", "--job-location"):
        assert f"roledocs: {option} only applies to --to jsonld and html (the JobPosting); ignored" in run.err
    assert (isolated / f"delivery-lead.{fmt}").exists()


def test_jsonld_with_posting_options_prints_no_note(cli, lead):
    run = cli("render", lead, "--to", "jsonld", "-o", "-", "--date-posted", "2026-03-01", "--job-location", "DE")
    assert run.code == 0 and run.err == ""


def _app_xml(path: Path) -> str:
    return zipfile.ZipFile(path).read("docProps/app.xml").decode("utf-8")


def test_docx_application_properties_name_roledocs_and_count_words(cli, lead, isolated):
    assert cli("render", lead, "--to", "docx").code == 0
    app = _app_xml(isolated / "delivery-lead.docx")
    assert "<Application>roledocs</Application>" in app and "Microsoft" not in app
    assert "<Company>Acme &amp; Partners</Company>" in app
    document = docx.Document(isolated / "delivery-lead.docx")
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    texts += [p.text for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs
              if p.text.strip()]
    words = int(re.search(r"<Words>(\d+)</Words>", app)[1])
    assert words == sum(len(t.split()) for t in texts) and words > 100
    assert int(re.search(r"<Paragraphs>(\d+)</Paragraphs>", app)[1]) == len(texts)
    assert docx.Document(io.BytesIO((isolated / "delivery-lead.docx").read_bytes())).core_properties.revision == 1
