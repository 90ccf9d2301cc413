"""Job postings as search engines read them: the JSON-LD embedded in role pages, extracted by a real extractor
(extruct) and checked against the schema.org vocabulary and Google's required and recommended properties."""
from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest
import yaml

from tests.rendering.support import catalogue_copy, lead_data, write_role
from roledocs.rendering.formats import FORMATS, Job
from roledocs.source.catalogue import load_catalogue

ROLES = ["database-administrator", "infrastructure-project-manager", "it-project-manager", "software-developer",
         "software-tester", "systems-analyst"]
# Google's job posting rich results: required, and recommended (when the facts exist).
REQUIRED = ("title", "description", "datePosted", "hiringOrganization")
RECOMMENDED = ("validThrough", "baseSalary", "employmentType", "identifier", "directApply")


def rich_result_problems(posting: dict) -> list[str]:
    """What Google's job posting check would reject or miss in a JobPosting."""
    problems = [f"missing {key}" for key in (*REQUIRED, *RECOMMENDED) if key not in posting]
    if not posting.get("hiringOrganization", {}).get("name"):
        problems.append("hiringOrganization has no name")
    remote = posting.get("jobLocationType") == "TELECOMMUTE"
    address = posting.get("jobLocation", {}).get("address")
    if not remote and not (isinstance(address, dict) and address.get("addressCountry")):
        problems.append("no jobLocation address with addressCountry, and not TELECOMMUTE")
    if posting.get("validThrough", "9999") < posting.get("datePosted", ""):
        problems.append("validThrough is before datePosted")
    return problems


def test_the_built_example_pages_carry_complete_job_postings(cli, example, schemaorg, jsonld_from_html):
    assert cli("build", example, "-o", "site").code == 0
    for rid in ROLES:
        [posting] = jsonld_from_html(Path(f"site/{rid}.html").read_text(encoding="utf-8"))
        assert posting == json.loads(Path(f"site/{rid}.jsonld").read_text(encoding="utf-8"))  # the same posting
        assert [str(problem) for problem in schemaorg.problems(posting)] == []
        assert rich_result_problems(posting) == []
        assert posting["hiringOrganization"] == {
            "@type": "Organization", "name": "Example Corp", "url": "https://example.com",
            "sameAs": "https://www.linkedin.com/company/example-corp", "logo": "https://example.com/logo.png"}
        assert (posting["datePosted"], posting["validThrough"], posting["directApply"], posting["url"]) == (
            "2026-03-02", "2026-04-30", True, "https://example.com/careers/apply")
        assert posting["jobLocation"]["address"] == {"@type": "PostalAddress", "addressLocality": "Berlin",
                                                     "addressCountry": "DE"}
        assert posting["jobBenefits"].startswith("30 days of paid leave")


@pytest.fixture
def catalogue(tmp_path) -> Path:
    return catalogue_copy(tmp_path)


def _config(root: Path, **settings) -> None:
    path = root / "roledocs.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) | settings
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _page_posting(cli, extract, role: Path, *options: str) -> dict:
    """The one JobPosting a crawler (`extract`: the jsonld_from_html fixture) reads in the role's HTML page."""
    run = cli("render", role, "--to", "html", "-o", "-", *options)
    assert run.code == 0, run.err
    [posting] = extract(run.out)
    return posting


def test_a_fully_remote_role_with_every_setting_is_valid_schema_org(cli, catalogue, schemaorg,
                                                                   jsonld_from_html):
    _config(catalogue, organization={"name": "Acme & Partners", "url": "https://acme.example",
                                     "same_as": ["https://www.wikidata.org/wiki/Q1", "https://acme.example/about"],
                                     "logo": "https://acme.example/logo.svg"},
            posting={"date_posted": "2026-03-01", "valid_through": "2026-05-31", "direct_apply": False,
                     "apply_url": "https://acme.example/jobs/1", "identifier": "REQ-7",
                     "remote": {"countries": ["DE", "AT"]}, "benefits": "A bike lease.",
                     "how_to_apply": "Write to jobs@acme.example.", "equal_opportunity": "We hire fairly.",
                     "pay_transparency": "Bands are public."})
    posting = _page_posting(cli, jsonld_from_html, catalogue / "roles" / "delivery-lead.yaml")
    assert [str(problem) for problem in schemaorg.problems(posting)] == []
    assert rich_result_problems(posting) == []
    assert (posting["jobLocationType"], posting["applicantLocationRequirements"]) == (
        "TELECOMMUTE", [{"@type": "Country", "name": "DE"}, {"@type": "Country", "name": "AT"}])
    assert posting["hiringOrganization"]["sameAs"] == ["https://www.wikidata.org/wiki/Q1", "https://acme.example/about"]
    assert posting["identifier"] == {"@type": "PropertyValue", "name": "Acme & Partners", "value": "REQ-7"}
    assert posting["directApply"] is False and posting["jobBenefits"] == "A bike lease."
    for text in ("Write to jobs@acme.example.", "We hire fairly.", "Bands are public."):
        assert f"<p>{text}</p>" in posting["description"]


def test_role_posting_wins_key_by_key_and_the_flags_win_over_both(cli, catalogue, jsonld_from_html):
    _config(catalogue, posting={"date_posted": "2026-03-01", "valid_through": "2026-04-30", "direct_apply": True,
                                "remote": {"countries": ["DE"]}})
    data = lead_data()
    data["posting"] = {"valid_through": "2026-06-30", "remote": False}
    role = write_role(catalogue, data)
    posting = _page_posting(cli, jsonld_from_html, role)
    assert (posting["datePosted"], posting["validThrough"], posting["directApply"]) == ("2026-03-01", "2026-06-30",
                                                                                       True)
    assert "jobLocationType" not in posting  # `remote: false` in the role over the config's remote default
    posting = _page_posting(cli, jsonld_from_html, role, "--date-posted", "2026-05-01", "--job-location", "Lyon, FR")
    assert posting["datePosted"] == "2026-05-01"
    assert posting["jobLocation"]["address"] == {"@type": "PostalAddress", "addressLocality": "Lyon",
                                                 "addressCountry": "FR"}


@pytest.mark.parametrize("text", ["</script><script>alert(1)</script>", "</SCRIPT >x", "<!-- <script>", "a & b \u2028"])
def test_user_text_cannot_break_out_of_the_script_element(cli, catalogue, jsonld_from_html, text):
    data = lead_data()
    data["summary"] = f"Plans projects. {text}"
    data["title"] = f"Lead {text}"
    role = write_role(catalogue, data)
    html = cli("render", role, "--to", "html", "-o", "-").out
    head = html.split("</head>", 1)[0]
    assert len(re.findall(r"</script", head, flags=re.IGNORECASE)) == 1  # only the element's own end tag
    [posting] = jsonld_from_html(html)
    assert posting["title"] == f"Lead {text}"  # read back exactly as written


def test_a_page_pdf_and_markdown_carry_no_json_ld(cli, catalogue):
    lead = catalogue / "roles" / "delivery-lead.yaml"
    assert "application/ld+json" not in cli("render", lead, "--to", "md", "-o", "-").out
    loaded = load_catalogue(catalogue, lambda path: str(path))
    html = FORMATS[("role", "pdf")].build(Job(loaded.roles["delivery-lead"], loaded))
    assert "<h1>Delivery Lead</h1>" in html and "application/ld+json" not in html


def test_posting_texts_show_in_every_document(cli, catalogue):
    _config(catalogue, posting={"how_to_apply": "Write to jobs@acme.example.", "benefits": "A bike lease.",
                                "equal_opportunity": "We hire fairly.", "pay_transparency": "Bands are public."})
    lead = catalogue / "roles" / "delivery-lead.yaml"
    html = cli("render", lead, "--to", "html", "-o", "-").out
    markdown = cli("render", lead, "--to", "md", "-o", "-").out
    for heading, text in (("Benefits", "A bike lease."), ("How to apply", "Write to jobs@acme.example."),
                          ("Equal opportunity", "We hire fairly.")):
        assert f"<h2>{heading}</h2>\n<p>{text}</p>" in html
        assert f"## {heading}\n\n{text}\n" in markdown
    assert '<p class="pay">€4,000.00–€5,250.50 per month</p>\n<p>Bands are public.</p>' in html
    assert "€4,000.00–€5,250.50 per month\n\nBands are public.\n" in markdown
    loaded = load_catalogue(catalogue, lambda path: str(path))
    printed = FORMATS[("role", "pdf")].build(Job(loaded.roles["delivery-lead"], loaded))  # the HTML a PDF prints
    assert "<h2>How to apply</h2>\n<p>Write to jobs@acme.example.</p>" in printed
    assert cli("render", lead, "--to", "docx", "-o", "word").code == 0
    paragraphs = [(p.style.name, p.text) for p in docx.Document("word/delivery-lead.docx").paragraphs if p.text]
    for heading, text in (("Pay", "Bands are public."), ("Benefits", "A bike lease."),
                          ("How to apply", "Write to jobs@acme.example."), ("Equal opportunity", "We hire fairly.")):
        index = paragraphs.index(("Heading 1", heading))
        assert text in [t for _, t in paragraphs[index + 1:index + 3]]


def test_remote_from_anywhere_and_a_location_that_only_says_remote(cli, catalogue, schemaorg, jsonld_from_html):
    data = lead_data()  # location: Remote (EU)
    data["posting"] = {"remote": True}
    posting = _page_posting(cli, jsonld_from_html, write_role(catalogue, data))
    assert posting["jobLocationType"] == "TELECOMMUTE"
    assert "applicantLocationRequirements" not in posting and "jobLocation" not in posting
    assert [str(problem) for problem in schemaorg.problems(posting)] == []
