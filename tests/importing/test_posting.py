"""`roledocs import` of schema.org JobPostings: the round trip through `render --to jsonld` on the example
catalogue, careers-page postings in JSON-LD and HTML, and postings that are not what they claim."""
from __future__ import annotations

import json
import shutil

import yaml

from tests.support import EXAMPLE


def _validate(cli, path) -> list[dict]:
    run = cli("validate", path, "--format", "json")
    return json.loads(run.out)


def test_render_import_render_gives_the_same_posting_for_every_example_role(cli, tmp_path):
    posted = tmp_path / "posted"
    roles = sorted(EXAMPLE.glob("*.yaml"))
    roles = [p for p in roles if p.name != "roledocs.yaml"]
    assert cli("render", *roles, "--to", "jsonld", "-o", posted).code == 0
    catalogue = tmp_path / "catalogue"
    catalogue.mkdir()
    shutil.copy(EXAMPLE / "roledocs.yaml", catalogue)  # the same organisation, so hiringOrganization matches
    run = cli("import", posted, "-o", catalogue / "roles")
    assert run.code == 0, run.err
    assert run.out.count("wrote ") == len(roles)
    again = tmp_path / "again"
    assert cli("render", *sorted((catalogue / "roles").glob("*.yaml")), "--to", "jsonld", "-o", again).code == 0
    for role in roles:
        first = (posted / f"{role.stem}.jsonld").read_bytes()
        assert (again / f"{role.stem}.jsonld").read_bytes() == first, role.stem
    findings = _validate(cli, catalogue)
    assert not [f for f in findings if f["severity"] == "error"]
    # what a posting does not carry: which duties a KPI measures
    assert {f["rule"] for f in findings} <= {"kpi-for-essential-duty"}


def test_imported_role_keeps_what_the_posting_says(cli, tmp_path):
    posted = tmp_path / "posted"
    cli("render", EXAMPLE / "it-project-manager.yaml", "--to", "jsonld", "-o", posted)
    assert cli("import", posted / "it-project-manager.jsonld", "-o", "roles").code == 0
    text = (tmp_path / "work" / "roles" / "it-project-manager.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    data = yaml.safe_load(text)
    source = yaml.safe_load((EXAMPLE / "it-project-manager.yaml").read_text(encoding="utf-8"))
    for key in ("id", "title", "family", "level", "employment_type", "location", "summary", "compensation",
                "qualifications"):
        assert data[key] == source[key], key
    # A JobPosting has no property for duty and KPI ids (they were additionalProperty, which schema.org does not
    # give JobPosting): the imported ids come from the titles.
    assert [(d["title"], d["description"], d["time_share"]) for d in data["duties"]] == \
        [(d["title"], d["description"], d["time_share"]) for d in source["duties"]]
    assert [d["id"] for d in data["duties"]][:2] == ["plan-and-execute-projects", "manage-resources"]
    assert [(k["name"], k["measure"], k["target"], k["frequency"]) for k in data["kpis"]] == \
        [(k["name"], k["measure"], k["target"], k["frequency"]) for k in source["kpis"]]
    assert [(s["name"], s["level"], s.get("required", True)) for s in data["skills"]] == \
        [(s["name"], s["level"], s.get("required", True)) for s in source["skills"]]


CAREERS_POSTING = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "Organization", "name": "Acme"},
        {
            "@type": "JobPosting",
            "title": "Warehouse Team Lead",
            "description": "<p>Leads the night shift of our <b>Leipzig</b> warehouse so that every order leaves on "
                           "time.</p><script>alert('x')</script><h3>What you will do</h3><ul>"
                           "<li><strong>Shift planning</strong> – plan the rota of twelve pickers every week</li>"
                           "<li>Check the loading of every truck against its manifest before it leaves.</li></ul>"
                           "<h3>Requirements</h3><ul><li>Two years of experience leading a team</li>"
                           "<li>Forklift licence</li><li>Calm under pressure</li></ul>"
                           "<h3>What we offer</h3><ul><li>A bike</li></ul>",
            "skills": "Warehouse management systems, Excel",
            "employmentType": ["FULL_TIME"],
            "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "streetAddress": "Hafenstr. 5",
                                                          "postalCode": "04109", "addressLocality": "Leipzig",
                                                          "addressCountry": "DE"}},
            "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR",
                           "value": {"@type": "QuantitativeValue", "value": 21.5, "unitText": "HOUR"}},
            "occupationalCategory": "53-1047.00 First-Line Supervisors of Material-Moving Workers",
            "datePosted": "2026-01-10",
        },
    ],
}


def test_a_careers_page_posting_in_html_becomes_a_role_with_its_sections(cli, tmp_path):
    page = tmp_path / "job.html"
    page.write_text("<html><head><title>Jobs</title><script type=\"application/ld+json\">"
                    + json.dumps(CAREERS_POSTING).replace("</", "<\\/")  # as pages escape it
                    + "</script></head><body>Apply now</body></html>", encoding="utf-8")
    run = cli("import", page, "-o", "roles")
    assert run.code == 0, run.err
    written = tmp_path / "work" / "roles" / "warehouse-team-lead.yaml"
    text = written.read_text(encoding="utf-8")
    assert "alert" not in text and "<" not in text.split("\n", 2)[2]  # markup and scripts never reach the file
    data = yaml.safe_load(text)
    assert data["summary"] == "Leads the night shift of our Leipzig warehouse so that every order leaves on time."
    assert [(d["title"], d["description"]) for d in data["duties"]] == [
        ("Shift planning", "Plan the rota of twelve pickers every week"),
        ("TODO A short title for this duty",
         "Check the loading of every truck against its manifest before it leaves.")]
    assert [s["name"] for s in data["skills"]] == ["Calm under pressure", "Warehouse management systems", "Excel"]
    assert all(s["level"] == "TODO 1-5" for s in data["skills"])  # never invented
    assert data["qualifications"] == {"experience": ["Two years of experience leading a team"],
                                      "certifications": ["Forklift licence"]}
    assert data["location"] == "Hafenstr. 5, 04109 Leipzig, DE"
    assert data["compensation"] == {"currency": "EUR", "min": 21.5, "max": 21.5, "period": "hour"}
    assert data["employment_type"] == "full-time"
    assert data["occupation"] == {"onet_soc": "53-1047.00"}
    assert "section 'What we offer' (1 line) is not part of a role file" in run.out
    assert "to fill: " in run.out and "3 skill levels" in run.out
    findings = _validate(cli, written)
    assert findings and {f["rule"] for f in findings} == {"placeholder-text"}


def test_several_postings_in_one_file_give_one_role_file_each(cli, tmp_path):
    postings = [{"@context": "https://schema.org", "@type": "JobPosting", "title": title,
                 "description": f"<p>{title} for the shop.</p>"} for title in ("Cook", "Dishwasher")]
    source = tmp_path / "jobs.json"
    source.write_text(json.dumps(postings), encoding="utf-8")
    run = cli("import", source, "-o", "roles")
    assert run.code == 0
    assert sorted(p.name for p in (tmp_path / "work" / "roles").iterdir()) == ["cook.yaml", "dishwasher.yaml"]


def test_json_that_is_not_a_posting_is_refused_and_nothing_written(cli, tmp_path):
    (tmp_path / "a.json").write_text('{"@type": "Person", "name": "Ann"}', encoding="utf-8")
    (tmp_path / "b.jsonld").write_text("{not json", encoding="utf-8")
    (tmp_path / "c.html").write_text("<html><body>no data</body></html>", encoding="utf-8")
    run = cli("import", tmp_path / "a.json", tmp_path / "b.jsonld", tmp_path / "c.html", "-o", "roles")
    assert run.code == 1
    assert "a.json: no schema.org JobPosting in it" in run.err
    assert "b.jsonld: not JSON-LD: " in run.err
    assert "c.html: the page has no <script type=\"application/ld+json\">" in run.err
    assert not (tmp_path / "work" / "roles").exists()


def test_an_existing_role_file_is_kept_unless_forced(cli, tmp_path):
    source = tmp_path / "cook.json"
    source.write_text(json.dumps({"@type": "JobPosting", "title": "Cook", "description": "Cooks."}), encoding="utf-8")
    target = tmp_path / "work" / "cook.yaml"
    target.write_text("mine\n", encoding="utf-8")
    run = cli("import", source)
    assert run.code == 1
    assert "cook.yaml already exists; not overwritten (--force overwrites it)" in run.err
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert cli("import", source, "--force").code == 0
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["title"] == "Cook"


def test_a_missing_source_is_a_usage_error(cli):
    run = cli("import", "nowhere.docx")
    assert run.code == 2
    assert "nowhere.docx: no such file or folder" in run.err
