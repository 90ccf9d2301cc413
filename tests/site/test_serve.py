"""`roledocs serve` for real: a server process on a free port, pages fetched over HTTP, role files edited, broken
and fixed while it runs, and a headless Chromium that sees the page reload by itself."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.support import EXAMPLE

EVENTS = "__roledocs__/events"


class Server:
    """`roledocs serve CATALOGUE --port 0` in a subprocess, with its own temporary folder."""

    def __init__(self, catalogue: Path, temp: Path, *, cache_in_catalogue: bool = False) -> None:
        environment = {**os.environ, "TMPDIR": str(temp), "PYTHONUNBUFFERED": "1"}
        if cache_in_catalogue:  # the usual place, .roledocs-cache/ in the catalogue, which the server watches
            del environment["ROLEDOCS_CACHE_DIR"]
        self.process = subprocess.Popen([sys.executable, "-m", "roledocs", "serve", str(catalogue), "--port", "0"],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
        line = self.process.stdout.readline()
        assert line.startswith("serving "), line + self.process.stderr.read()
        self.url = line.split(" at ")[1].split()[0]

    def get(self, name: str = "") -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + name, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def stop(self) -> tuple[int, str]:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            code = self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise
        return code, self.process.stderr.read()


class Events:
    """The server's event stream: each `next()` is the build number it announces."""

    def __init__(self, server: Server) -> None:
        self.stream = urllib.request.urlopen(server.url + EVENTS, timeout=10)

    def next(self) -> int:
        while True:
            line = self.stream.readline().decode("utf-8")
            assert line, "the event stream ended"
            if line.startswith("data: "):
                return int(line[6:])

    def close(self) -> None:
        self.stream.close()


@pytest.fixture
def catalogue(tmp_path) -> Path:
    target = tmp_path / "catalogue"
    shutil.copytree(EXAMPLE, target)
    return target


@pytest.fixture
def server(catalogue, tmp_path):
    temp = tmp_path / "temp"
    temp.mkdir()
    running = Server(catalogue, temp)
    running.temp = temp
    yield running
    running.stop()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_pages_are_served_with_the_reload_script_and_the_built_files_are_left_clean(server, catalogue):
    status, index = server.get()
    assert status == 200 and "IT Project Manager" in index
    assert 'id="roledocs-reload"' in index and "roledocs-findings" not in index
    status, page = server.get("it-project-manager.html")
    assert status == 200 and "<h1" in page and 'id="roledocs-reload"' in page
    status, posting = server.get("it-project-manager.jsonld")
    assert status == 200 and '"JobPosting"' in posting and "roledocs-reload" not in posting
    built = [p for p in server.temp.rglob("*.html")]
    assert built and not [p for p in built if "roledocs-reload" in p.read_text(encoding="utf-8")]
    assert not (catalogue / "site").exists()  # nothing written into the user's folders


def test_paths_outside_the_site_are_refused(server, tmp_path):
    secret = tmp_path / "secret.html"
    secret.write_text("secret", encoding="utf-8")
    for name in ("../secret.html", "%2e%2e/secret.html", "..%2Fsecret.html", ".roledocs-build.json",
                 "roles/it-project-manager.yaml", "it-project-manager.yaml"):
        status, body = server.get(name)
        assert status == 404, name
        assert "secret" not in body.replace("secret.html", "")


def test_a_save_rebuilds_the_page_and_signals_a_reload(server, catalogue):
    events = Events(server)
    first = events.next()
    role = catalogue / "it-project-manager.yaml"
    started = time.monotonic()
    _edit(role, "title: IT Project Manager", "title: IT Delivery Lead")
    assert events.next() == first + 1
    assert time.monotonic() - started < 2
    status, page = server.get("it-project-manager.html")
    assert "IT Delivery Lead" in page and "IT Project Manager</h1>" not in page
    assert f"var built={first + 1};" in page
    events.close()


def test_a_broken_file_shows_its_findings_in_its_page_and_on_the_index_until_fixed(server, catalogue):
    events = Events(server)
    first = events.next()
    role = catalogue / "software-tester.yaml"
    original = role.read_text(encoding="utf-8")
    _edit(role, "kind: role\n", "kind: role\nsalary: lots\n")
    assert events.next() == first + 1
    status, page = server.get("software-tester.html")
    assert status == 200 and 'id="roledocs-findings"' in page
    assert "software-tester.yaml:" in page and "unknown-key" in page and "salary" in page
    status, index = server.get()
    assert 'id="roledocs-findings"' in index and "unknown-key" in index
    status, other = server.get("systems-analyst.html")
    assert status == 200 and "roledocs-findings" not in other  # the other pages stay as they are
    role.write_text(original, encoding="utf-8")
    assert events.next() == first + 2
    status, page = server.get("software-tester.html")
    assert "roledocs-findings" not in page and "Software Tester" in page
    events.close()


def test_writing_the_content_cache_does_not_rebuild_again(catalogue, tmp_path):
    """A rebuild writes the cache into the catalogue; the watcher leaves that change alone (else every save would
    rebuild twice)."""
    temp = tmp_path / "temp"
    temp.mkdir()
    server = Server(catalogue, temp, cache_in_catalogue=True)
    try:
        events = Events(server)
        first = events.next()
        assert (catalogue / ".roledocs-cache").is_dir()
        _edit(catalogue / "it-project-manager.yaml", "title: IT Project Manager", "title: IT Delivery Lead")
        assert events.next() == first + 1
        time.sleep(1.5)  # time enough for the watcher to see the cache written by that rebuild
        events.close()
    finally:
        code, err = server.stop()
    assert code == 0 and err.count("roledocs: rebuilt") == 2, err  # the first build, and the save's


def test_a_catalogue_in_several_languages_is_served_language_by_language(catalogue, tmp_path):
    config = catalogue / "roledocs.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "language: [en, de]\n", encoding="utf-8")
    temp = tmp_path / "temp"
    temp.mkdir()
    running = Server(catalogue, temp)
    try:
        events = Events(running)
        first = events.next()
        status, front = running.get()
        assert status == 200 and 'href="en/index.html"' in front and 'href="de/index.html"' in front
        status, page = running.get("de/index.html")
        assert status == 200 and '<html lang="de">' in page and "Rollenkatalog" in page
        _edit(catalogue / "software-tester.yaml", "kind: role\n", "kind: role\nsalary: lots\n")
        assert events.next() == first + 1
        for folder in ("en", "de"):
            status, page = running.get(f"{folder}/software-tester.html")
            assert status == 200 and 'id="roledocs-findings"' in page and "salary" in page
        assert running.get("fr/index.html")[0] == 404
        events.close()
    finally:
        running.stop()


def test_ctrl_c_stops_cleanly_and_removes_the_temporary_site(server):
    assert list(server.temp.iterdir())
    code, err = server.stop()
    assert code == 0 and "stopped" in err
    assert list(server.temp.iterdir()) == []


def test_a_missing_catalogue_is_a_usage_error(cli):
    run = cli("serve", "nowhere", "--port", "0")
    assert run.code == 2 and "nowhere: no such file or folder" in run.err


def _chromium():
    """A headless Chromium driven by selenium (Debian's chromium and chromium-driver; .ci/run installs them)."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is a test dependency")
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not binary or not driver:
        pytest.skip("needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(driver), options=options)


def test_chromium_reloads_the_open_page_after_a_save(server, catalogue):
    from selenium.webdriver.support.ui import WebDriverWait

    browser = _chromium()
    try:
        browser.get(server.url + "it-project-manager.html")
        assert "IT Project Manager" in browser.find_element("tag name", "h1").text
        # no race with the event stream connecting: the page knows its build number, and a newer one reloads it
        browser.execute_script("window.notReloaded = true;")
        _edit(catalogue / "it-project-manager.yaml", "title: IT Project Manager", "title: IT Delivery Lead")
        WebDriverWait(browser, 10).until(lambda b: b.execute_script("return window.notReloaded === undefined"))
        assert "IT Delivery Lead" in browser.find_element("tag name", "h1").text
    finally:
        browser.quit()
