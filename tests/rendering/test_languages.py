"""Documents in a language: every label of every document kind translated (no English left), numbers and money as
Babel writes them (and read back by Babel), and the language stated where each format states it: html lang, the
PDF's /Lang, Word's w:lang and core properties, JSON-LD's WebPage inLanguage (checked against the schema.org
vocabulary)."""
from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
import yaml
from babel.numbers import parse_decimal
from pypdf import PdfReader

from tests.support import REPO, run_cli
from roledocs.rendering.language import Language
from roledocs.source import labels
from roledocs.source.language import builtin_languages

I18N = REPO / "tests" / "fixtures" / "i18n" / "catalogue"
LANGUAGES = sorted(builtin_languages() - {"en"})
PLACES = re.compile(r"%\(\w+\)[sd]|</?\w+>|\*\*")


@pytest.fixture
def lorem(tmp_path) -> Path:
    target = tmp_path / "lorem"
    shutil.copytree(I18N, target)
    return target


def _language(root: Path, language) -> None:
    (root / "roledocs.yaml").write_text(f"roledocs: 1\norganization: Acme\nlanguage: {json.dumps(language)}\n",
                                        encoding="utf-8")


class _Text(HTMLParser):
    """What a reader sees or hears of a page: text outside style and script, and alt, aria-label, title and the
    meta description."""

    def __init__(self) -> None:
        super().__init__()
        self.parts, self.hidden, self.lang = [], 0, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag in ("style", "script"):
            self.hidden += 1
        self.parts += [attrs[k] for k in ("alt", "aria-label", "title") if attrs.get(k)]
        if tag == "meta" and attrs.get("name") == "description":
            self.parts.append(attrs["content"])

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def _seen(html: str) -> tuple[str, str | None]:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts), parser.lang


def _english_fragments(language: str) -> list[str]:
    """The English words of each label this language translates otherwise: each run of text between a label's
    placeholders and markup, of at least two words or five letters, that no translation of the language contains."""
    chain = labels.translations(language)
    translations = " ".join(chain.gettext(m) for m in labels.messages())
    fragments = set()
    for message in labels.messages():
        for part in PLACES.split(message):
            part = part.strip(" .,:;()–")
            if (len(part.split()) >= 2 or len(part) >= 5) and part not in translations:
                fragments.add(part)
    return sorted(fragments)


def _documents(root: Path) -> dict[str, str]:
    """Every text document of the catalogue, as a reader meets it."""
    role, team = root / "roles" / "lorem-lead.yaml", root / "teams" / "lorem-team.yaml"
    found = {}
    for name, args in {"role.md": ("render", role, "--to", "md"), "role.html": ("render", role, "--to", "html"),
                       "role.jsonld": ("render", role, "--to", "jsonld"),
                       "charter.md": ("charter", team, "--to", "md"), "charter.html": ("charter", team, "--to", "html"),
                       "raci.md": ("raci", team, "--to", "md"), "raci.html": ("raci", team, "--to", "html"),
                       "raci.csv": ("raci", team, "--to", "csv"), "analysis.txt": ("analyze", team)}.items():
        run = run_cli(*args, *(("-o", "-") if args[0] != "analyze" else ()))
        assert run.code == 0, run.err
        found[name] = _seen(run.out)[0] if name.endswith(".html") else run.out
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_document_in_every_built_in_language_has_no_english_label_left(lorem, isolated, language):
    _language(lorem, language)
    documents = _documents(lorem)
    assert run_cli("render", lorem / "roles" / "lorem-lead.yaml", "--to", "docx", "-o", isolated).code == 0
    word = docx.Document(str(isolated / "lorem-lead.docx"))
    documents["role.docx"] = "\n".join([p.text for p in word.paragraphs] +
                                       [c.text for t in word.tables for r in t.rows for c in r.cells] +
                                       [word.sections[0].footer.paragraphs[0].text])
    fragments = _english_fragments(language)
    assert len(fragments) > 100
    leaks = {name: [f for f in fragments if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text)]
             for name, text in documents.items()}
    assert {name: found for name, found in leaks.items() if found} == {}


def test_the_same_documents_in_english_do_have_those_words(lorem):
    """The check above finds English where there is some."""
    documents = _documents(lorem)
    fragments = _english_fragments("de")
    assert sum(bool(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", documents["role.md"])) for f in fragments) > 20


def _page(root: Path, fmt: str = "md") -> str:
    run = run_cli("render", root / "roles" / "lorem-lead.yaml", "--to", fmt, "-o", "-")
    assert run.code == 0, run.err
    return run.out


@pytest.mark.parametrize(("language", "currency", "pay"), [
    ("de", "EUR", "70.000\xa0€ – 90.000\xa0€ pro Jahr"),
    ("de-CH", "CHF", "CHF\xa070'000 – CHF\xa090'000 pro Jahr"),
    ("fr", "EUR", "70\u202f000\xa0€ – 90\u202f000\xa0€ par an"),
    ("en", "USD", "$70,000–$90,000 per year"),
    ("nl", "EUR", "€\xa070.000 – €\xa090.000 per jaar"),
])
def test_pay_is_written_as_babel_writes_money_and_reads_back(lorem, language, currency, pay):
    _language(lorem, language)
    role = lorem / "roles" / "lorem-lead.yaml"
    data = yaml.safe_load(role.read_text(encoding="utf-8"))
    data["compensation"]["currency"] = currency
    role.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    words = Language(language)
    assert words.money(70000, currency, False) in pay  # Babel is the oracle: the exact string is the CLDR's
    page = _page(lorem)
    assert pay in page
    [line] = [line for line in page.splitlines() if words.money(90000, currency, False) in line]
    amounts = [parse_decimal(number, locale=words.locale) for number in re.findall(r"\d[\d.,'\u202f\xa0]*\d", line)]
    assert amounts == [70000, 90000]


@pytest.mark.parametrize(("language", "expected"), [
    ("de", ["≥ 99,5\xa0%", "mindestens 99,5\xa0%", "zwischen 80\xa0% und 90\xa0%", "80–90\xa0%", "genau 1.500",
            "62,5\xa0% der Arbeitszeit", "weniger als 3 errores, wöchentlich überprüft"]),
    ("fr", ["≥ 99,5\xa0%", "au moins 99,5\xa0%", "entre 80\xa0% et 90\xa0%", "exactement 1\u202f500",
            "62,5\xa0% du temps de travail"]),
    ("en", ["≥ 99.5%", "at least 99.5%", "between 80% and 90%", "80–90%", "exactly 1,500", "62.5% of working time",
            "less than 3 errores, reviewed weekly"]),
])
def test_targets_and_shares_in_the_languages_numbers_and_words(lorem, language, expected):
    _language(lorem, language)
    page = _page(lorem)
    for text in expected:
        assert text in page, text
    share = re.search(r"^\*([\d.,]+)\xa0?%", page, re.M).group(1)  # the first duty's share, read back
    assert parse_decimal(share, locale=Language(language).locale) == 62.5


def test_a_role_written_in_another_language_than_the_catalogue_renders_in_its_own(lorem, isolated):
    _language(lorem, "de")
    role = lorem / "roles" / "lorem-lead.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace("kind: role\n", "kind: role\nlanguage: fr\n"),
                    encoding="utf-8")
    text, lang = _seen(_page(lorem, "html"))
    assert lang == "fr" and "Missions et responsabilités" in text and "Rattachement" in text
    head = run_cli("render", lorem / "roles" / "lorem-head.yaml", "--to", "html", "-o", "-").out
    assert _seen(head)[1] == "de"


@pytest.mark.parametrize("language", ["de", "de-CH", "fr", "en"])
def test_every_format_states_the_documents_language(lorem, isolated, schemaorg, language):
    _language(lorem, language)
    role = lorem / "roles" / "lorem-lead.yaml"
    for fmt in ("html", "pdf", "docx", "jsonld"):
        assert run_cli("render", role, "--to", fmt, "-o", isolated).code == 0
    assert _seen((isolated / "lorem-lead.html").read_text(encoding="utf-8"))[1] == language
    assert PdfReader(io.BytesIO((isolated / "lorem-lead.pdf").read_bytes())).trailer["/Root"]["/Lang"] == language
    word = docx.Document(str(isolated / "lorem-lead.docx"))
    assert word.core_properties.language == language
    styles = zipfile.ZipFile(isolated / "lorem-lead.docx").read("word/styles.xml").decode("utf-8")
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.S).group(0)
    assert re.findall(r'<w:lang [^>]*w:val="([^"]+)"', defaults) == [language]
    posting = json.loads((isolated / "lorem-lead.jsonld").read_text(encoding="utf-8"))
    assert posting["mainEntityOfPage"] == {"@type": "WebPage", "inLanguage": language}
    page = {"@type": "JobPosting", "mainEntityOfPage": posting["mainEntityOfPage"]}
    assert [str(problem) for problem in schemaorg.problems(page)] == []  # WebPage and inLanguage where they belong


def test_a_charter_and_a_matrix_in_german_and_their_pdfs(lorem, isolated):
    _language(lorem, "de")
    team = lorem / "teams" / "lorem-team.yaml"
    html = run_cli("charter", team, "--to", "html", "-o", "-").out  # the charts' words and percentages too
    assert '<title id="chart-workload-title">Auslastung je Rolle</title>' in html
    assert re.search(r'<desc id="chart-workload-desc">Anteile der 2 Rollen: R verantwortlich \(volle Balken\) und '
                     r'A rechenschaftspflichtig \(schraffierte Balken\), Schwellen 70\xa0% und 50\xa0% gestrichelt; '
                     r'überlastet: Dolor Magister\.', html)
    assert '<title id="chart-org-title">Berichtslinien</title>' in html and ">erfüllt von:</text>" in html
    for command in ("charter", "raci"):
        assert run_cli(command, team, "--to", "pdf", "-o", isolated).code == 0
    charter = PdfReader(io.BytesIO((isolated / "lorem-team.pdf").read_bytes()))
    assert charter.trailer["/Root"]["/Lang"] == "de"
    text = "".join(page.extract_text() for page in charter.pages)
    assert "Seite 1 von" in text and "Auslastung" in text and "Rechenschaftspflichtig" in text
    matrix = PdfReader(io.BytesIO((isolated / "lorem-team-raci.pdf").read_bytes()))
    assert matrix.trailer["/Root"]["/Lang"] == "de" and "So lesen Sie die Matrix" in matrix.pages[0].extract_text()
    assert run_cli("raci", team, "--to", "xlsx", "-o", isolated).code == 0
    from openpyxl import load_workbook

    book = load_workbook(isolated / "lorem-team.xlsx")
    assert book.sheetnames == ["RACI", "Legende"]
    assert [c.value for c in book["RACI"][1][:2]] == ["Phase", "Aktivität"]
    assert [c.value for c in book["Legende"]["B"]][1:] == ["Verantwortlich", "Rechenschaftspflichtig",
                                                          "Konsultiert", "Informiert"]


def test_the_redistribution_and_the_cross_team_table_in_the_pages_language(lorem, isolated):
    """A Latin catalogue published in German too: the proposal names the roles, the phase and the letters in
    German (the phase as the team's x-de block names it), and so does the site's cross-team table."""
    _language(lorem, ["la", "de"])
    team = lorem / "teams" / "lorem-team.yaml"
    data = yaml.safe_load(team.read_text(encoding="utf-8"))
    data["x-de"] = {"name": "Lorem-Team", "phases": {"Initium": "Beginn"}}
    team.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    assert run_cli("build", lorem, "-o", isolated / "site", "--language", "de").code == 0
    charter = (isolated / "site" / "lorem-team.html").read_text(encoding="utf-8")
    assert ("<li>Dolor Magister, rechenschaftspflichtig (A) bei 3 → 2 Aktivitäten: weiterhin über der Schwelle "
            "(höchstens 1), keine passende Rolle kann mehr übernehmen; <em>consilium</em> an Lorem Ductor abgeben "
            "(Phase: Beginn).</li>") in charter
    front = (isolated / "site" / "index.html").read_text(encoding="utf-8")
    assert "<h2>Rechenschaftspflicht und Verantwortung teamübergreifend</h2>" in front
    assert '<a href="#team-lorem-team">Lorem-Team</a>: A 3, R 2' in front
