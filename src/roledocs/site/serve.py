"""`roledocs serve`: a live preview while writing. Serves the site LiveSite builds, on 127.0.0.1 unless told
otherwise, rebuilds it when a file of the catalogue is saved (watchfiles), and tells open pages to reload
(server-sent events on EVENTS). Only the site's own page names are served, nothing else from any folder."""
from __future__ import annotations

import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, TextIO
from urllib.parse import unquote, urlsplit

from ..check.cachefiles import CacheSetting
from ..errors import RoledocsError
from .live import LiveSite, Snapshot
from .preview import EVENTS, respond

IDLE_MS = 200  # the watcher wakes this often when nothing changes (to notice the stop, and that it is watching)
KEEPALIVE = 15.0  # seconds between comments on an idle event stream, so proxies and browsers keep it open


class _Handler(BaseHTTPRequestHandler):
    live: LiveSite  # set on the subclass serve() makes
    server_version = "roledocs-serve"

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - BaseHTTPRequestHandler's signature
        pass  # a line per request would drown the rebuild messages

    def _answer(self, with_body: bool) -> None:
        path = urlsplit(self.path).path
        if path == EVENTS:
            self._events()
            return
        name = unquote(path[1:]) if path.startswith("/") else path
        status, kind, body = respond(self.live.folder, name, self.live.snapshot)
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def _events(self) -> None:
        """The build number now and after every rebuild, as server-sent events, until the client or server goes."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = None
        try:
            while not self.live.closed:
                generation = self.live.wait(seen, KEEPALIVE)
                self.wfile.write(f"data: {generation}\n\n".encode() if generation != seen else b": idle\n\n")
                self.wfile.flush()
                seen = generation
        except (BrokenPipeError, ConnectionResetError):
            return


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # open event streams never hold up the end
    allow_reuse_address = True


def describe(snapshot: Snapshot) -> str:
    """One line on a build, for the terminal."""
    if snapshot.problem:
        return f"not rebuilt: {snapshot.problem}"
    if snapshot.errors:
        files = sorted({f.path for f in snapshot.errors})
        return f"rebuilt in {snapshot.milliseconds:.0f} ms; {len(snapshot.errors)} error(s) in {', '.join(files)} " \
               "(shown in the pages)"
    return f"rebuilt in {snapshot.milliseconds:.0f} ms"


def _watch(live: LiveSite, stop: threading.Event, watching: threading.Event, log: TextIO | None) -> None:
    """Rebuild after every batch of changes below the catalogue root, except in its output folder and in the
    content cache (which a rebuild writes). `watching` is set once changes are being seen (the first idle timeout
    proves it)."""
    from watchfiles import DefaultFilter, watch

    class _Changes(DefaultFilter):
        def __call__(self, change, path: str) -> bool:
            if not super().__call__(change, path):
                return False
            where = Path(path).resolve()
            return not any(folder is not None and where.is_relative_to(folder)
                           for folder in (live.output, live.cache_folder))

    for changes in watch(live.root, watch_filter=_Changes(), stop_event=stop, step=30, rust_timeout=IDLE_MS,
                         yield_on_timeout=True, raise_interrupt=False):
        watching.set()
        if changes:
            snapshot = live.rebuild()
            if log is not None:
                print(f"roledocs: {describe(snapshot)}", file=log, flush=True)


def serve(given: str, host: str = "127.0.0.1", port: int = 8000, *, ready: Callable[[str], None] = print,
          log: TextIO | None = sys.stderr, cache: CacheSetting = True) -> None:
    """Build the catalogue at or above `given` and serve it until KeyboardInterrupt; `ready` gets the URL once the
    server listens. The temporary site is removed on the way out."""
    live = LiveSite(given, cache)
    try:
        live.rebuild()  # a missing catalogue is a usage error here, before anything listens; and the root to watch
        handler = type("Handler", (_Handler,), {"live": live})
        try:
            server = _Server((host, port), handler)
        except OSError as error:
            raise RoledocsError(f"cannot listen on {host}:{port}: {error.strerror or error}; give another port "
                                "with --port (0 picks a free one)") from error
        stop, watching = threading.Event(), threading.Event()
        watcher = threading.Thread(target=_watch, args=(live, stop, watching, log), name="roledocs-watch",
                                   daemon=True)
        watcher.start()
        watching.wait(timeout=10)
        first = live.rebuild()  # whatever was saved before the watcher saw changes is in this build
        shown = f"[{host}]" if ":" in host else host
        ready(f"http://{shown}:{server.server_address[1]}/")
        if log is not None:
            print(f"roledocs: {describe(first)}", file=log, flush=True)
        try:
            server.serve_forever(poll_interval=0.25)
        finally:
            stop.set()
            live.close()
            server.server_close()
            watcher.join(timeout=5)
    finally:
        live.remove()
