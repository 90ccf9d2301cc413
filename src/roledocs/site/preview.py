"""What `roledocs serve` sends for a page: the built file, with (in HTML only, never in the built files) a small
script that reloads the page when the site is rebuilt and, when files have errors, their findings at the top; or,
for a page that errors keep from being built, a page of those findings instead of a stale one."""
from __future__ import annotations

import re
from pathlib import Path

from markupsafe import escape

from ..errors import RoledocsError
from ..output.files import output_path
from ..output.names import INDEX
from .live import Snapshot

EVENTS = "/__roledocs__/events"
TYPES = {".html": "text/html; charset=utf-8", ".jsonld": "application/ld+json", ".pdf": "application/pdf"}
# Reloads once the server announces a build newer than the one this page was made from; EventSource reconnects
# by itself after a restart of the server.
RELOAD = ('<script id="roledocs-reload">(function(){var built=GENERATION;var events=new EventSource("' + EVENTS +
          '");events.onmessage=function(e){if(Number(e.data)!==built){events.close();location.reload();}};})();'
          '</script>')
_STYLE = ("font:14px/1.4 system-ui,sans-serif;background:#fff4f4;color:#5c0000;border:2px solid #b00020;"
          "padding:0.75rem 1rem;margin:0 0 1rem 0")
_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def findings_box(findings: tuple, problem: str | None, heading: str) -> str:
    """The findings as an HTML box for the top of a page (empty when there are none)."""
    if not findings and not problem:
        return ""
    items = "".join(
        f"<li><code>{escape(f.path)}{'' if f.line is None else f':{f.line}:{f.column}'}</code> "
        f"{escape(f.severity.value)} <code>{escape(f.rule)}</code>: {escape(f.message)}</li>" for f in findings)
    extra = f"<p>{escape(problem)}</p>" if problem else ""
    return (f'<section id="roledocs-findings" role="alert" style="{_STYLE}"><h2 style="margin:0 0 .5rem 0;'
            f'font-size:1.1rem">{escape(heading)}</h2>{extra}{"<ul>" + items + "</ul>" if items else ""}</section>')


def _count(findings: tuple) -> str:
    return f"{len(findings)} error{'' if len(findings) == 1 else 's'}"


def inject(html: str, snapshot: Snapshot, box: str) -> str:
    """The page with the findings box after <body> and the reload script before </body>."""
    body = _BODY.search(html)
    if box and body:
        html = html[:body.end()] + box + html[body.end():]
    elif box:
        html = box + html
    script = RELOAD.replace("GENERATION", str(snapshot.generation))
    end = html.lower().rfind("</body>")
    return html[:end] + script + html[end:] if end >= 0 else html + script


def _page(title: str, box: str, text: str, snapshot: Snapshot) -> bytes:
    html = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
            f'<body style="font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto">{box}'
            f'<p>{escape(text)}</p><p><a href="index.html">All roles and teams</a></p></body></html>')
    return inject(html, snapshot, "").encode("utf-8")


def respond(folder: Path, name: str, snapshot: Snapshot) -> tuple[int, str, bytes]:
    """(status, content type, body) for a page name of the site ("" is the index)."""
    name = name or INDEX
    try:
        path = output_path(folder, name)
    except RoledocsError:
        return 404, TYPES[".html"], _page("Not found", "", f"'{name}' is not part of the site.", snapshot)
    if name in snapshot.broken:
        behind = snapshot.broken[name]
        box = findings_box(behind, None, f"{name} cannot be built: {_count(behind)}")
        return 200, TYPES[".html"], _page(f"{name}: errors", box, "Fix the file and save it: this page reloads "
                                          "by itself.", snapshot)
    if not path.is_file():
        return 404, TYPES[".html"], _page("Not found", findings_box((), snapshot.problem, "The site is not built"),
                                          f"There is no page '{name}' (yet).", snapshot)
    data = path.read_bytes()
    kind = TYPES.get(path.suffix, "application/octet-stream")
    if path.suffix != ".html":
        return 200, kind, data
    errors = snapshot.errors if name == INDEX else ()
    box = findings_box(errors, snapshot.problem, f"The catalogue has {_count(snapshot.errors)}"
                       if snapshot.errors else "The site could not be rebuilt")
    return 200, kind, inject(data.decode("utf-8"), snapshot, box).encode("utf-8")
