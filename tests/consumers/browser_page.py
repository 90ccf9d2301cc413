"""A page open in headless Chromium (selenium, through Debian's chromedriver) and what a reader would meet there:
console messages, script errors, requests that would leave the machine (blocked), missing local files, and table
cells cut off."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
BLOCKED = ["http://*", "https://*", "ws://*", "wss://*", "ftp://*"]
LEVELS = {"SEVERE": "error", "WARNING": "warning"}


@dataclass
class Page:
    """A page open in its own Chromium tab, with what happened while it loaded."""

    driver: object
    tab: str
    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    @property
    def console_problems(self) -> list[str]:
        """The console's errors and warnings."""
        return [text for kind, text in self.console if kind in ("error", "warning")]

    def evaluate(self, script: str, arg=None):
        """Run a JavaScript function, e.g. '() => document.title' or 's => ...' with arg, and return its result."""
        self.driver.switch_to.window(self.tab)
        return self.driver.execute_script(f"return ({script})(arguments[0]);", arg)

    def hidden_cells(self, selector: str = "table") -> list[str]:
        """Text of every caption and cell of the matching tables that is not wholly in view (cut by the window or
        by a scrolling ancestor): what a reader of this window size cannot see without scrolling."""
        return self.evaluate(_HIDDEN_CELLS, selector)

    def overflowing(self, selector: str) -> list[str]:
        """Text of the matching elements whose content is wider than their box (text cut or scrolled away)."""
        return self.evaluate("s => [...document.querySelectorAll(s)].filter(e => e.scrollWidth > e.clientWidth + 1)"
                             ".map(e => e.textContent.trim().slice(0, 80))", selector)

    def scroll_right(self, selector: str) -> None:
        """Scroll every matching element (and the window) to its right end."""
        self.evaluate("s => { for (const e of document.querySelectorAll(s)) e.scrollLeft = e.scrollWidth;"
                      " window.scrollTo(document.documentElement.scrollWidth, window.scrollY); }", selector)

    def screenshot(self, path: Path) -> Path:
        """A PNG of the window (to look at with an image viewer)."""
        self.driver.switch_to.window(self.tab)
        self.driver.save_screenshot(str(path))
        return path

    def record(self, browser_log: list[dict], performance_log: list[dict]) -> None:
        """Sort chromedriver's logs of the load into console messages, script errors and requests."""
        for entry in browser_log:
            if entry["source"] == "javascript":
                self.errors.append(entry["message"])
            elif entry["source"] != "network":  # failed loads are in the requests below
                self.console.append((LEVELS.get(entry["level"], "info"), entry["message"]))
        urls: dict[str, str] = {}
        for entry in performance_log:
            event = json.loads(entry["message"])["message"]
            params = event.get("params", {})
            if event["method"] == "Network.requestWillBeSent":
                url = urls[params["requestId"]] = params["request"]["url"]
                if not url.startswith(LOCAL_SCHEMES):
                    self.external_requests.append(url)
            elif event["method"] == "Network.loadingFailed" and urls.get(params["requestId"], "").startswith("file:"):
                self.failed_requests.append(urls[params["requestId"]])


_HIDDEN_CELLS = """selector => {
  const hidden = [];
  for (const table of document.querySelectorAll(selector)) {
    for (const cell of table.querySelectorAll('caption, th, td')) {
      const box = cell.getBoundingClientRect();
      let left = 0, right = document.documentElement.clientWidth;
      for (let up = cell.parentElement; up; up = up.parentElement) {
        if (getComputedStyle(up).overflowX === 'visible') continue;
        const edge = up.getBoundingClientRect().left + up.clientLeft;
        left = Math.max(left, edge);
        right = Math.min(right, edge + up.clientWidth);
      }
      if (box.left < left - 0.5 || box.right > right + 0.5) hidden.push(cell.textContent.trim());
    }
  }
  return hidden;
}"""


class Browser:
    """Opens files in new tabs of the session's Chromium; requests that would leave the machine are blocked (and
    recorded), so a page can never fetch anything from outside."""

    def __init__(self, driver) -> None:
        self._driver = driver
        self._home = driver.current_window_handle
        self._tabs: list[str] = []

    def open(self, path: Path, width: int = 1280, height: int = 800) -> Page:
        """Open a local file in a window of width x height CSS pixels and wait until it has loaded."""
        driver = self._driver
        driver.switch_to.new_window("tab")
        page = Page(driver, driver.current_window_handle)
        self._tabs.append(page.tab)
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": BLOCKED})
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        driver.get_log("browser"), driver.get_log("performance")  # start from empty logs
        driver.get(Path(path).resolve().as_uri())
        page.record(driver.get_log("browser"), driver.get_log("performance"))
        return page

    def close(self) -> None:
        for tab in self._tabs:
            self._driver.switch_to.window(tab)
            self._driver.close()
        self._driver.switch_to.window(self._home)
