"""Commands for the person writing roles: import (role files from what HR already has) and serve (a live
preview)."""
from __future__ import annotations

import os
import sys

from ..errors import EXIT_FAIL, EXIT_SUCCESS
from .options import add_cache_options, cache_setting


def cmd_import(args) -> int:
    """`roledocs import SOURCE...`: a role file per job description, gaps marked; exit 1 if a source failed."""
    from ..importing import import_sources
    from ..rendering.skeleton import missing_schema

    result = import_sources(args.sources, args.output, kind=args.kind, force=args.force, onet_data=args.onet_data)
    for imported in result.written:
        print(f"wrote {imported.path.as_posix()} from {imported.source}: {', '.join(imported.found) or 'nothing'}")
        if imported.gaps:
            print(f"  to fill: {', '.join(imported.gaps)}")
        for note in imported.notes:
            print(f"  note: {note}")
    if result.written and (schema := missing_schema(result.written[0].path)) is not None:
        print(f"note: the role files point editors at {os.path.normpath(schema)}, which does not exist yet; write it "
              f"with `roledocs schema role > {os.path.normpath(schema)}` (after creating the folder)", file=sys.stderr)
    for problem in result.problems:
        print(f"roledocs: {problem}", file=sys.stderr)
    if result.written:
        print(f"imported {len(result.written)} role{'s' if len(result.written) != 1 else ''}: replace every TODO, "
              f"then run `roledocs validate {args.output}`")
    return EXIT_FAIL if result.problems else EXIT_SUCCESS


def cmd_serve(args) -> int:
    """`roledocs serve [ROOT]`: the live preview, until Ctrl-C (or SIGTERM), which stops it cleanly (exit 0)."""
    import signal

    from ..site.serve import serve

    def stop(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"roledocs: serving on {args.host}: anyone who can reach this machine can read the catalogue",
              file=sys.stderr)

    def ready(url: str) -> None:
        print(f"serving {args.root} at {url} (Ctrl-C to stop)", flush=True)

    try:
        serve(args.root, args.host, args.port, ready=ready, cache=cache_setting(args))
    except KeyboardInterrupt:
        print("roledocs: stopped", file=sys.stderr)
    finally:
        signal.signal(signal.SIGTERM, previous)
    return EXIT_SUCCESS


def _port(text: str) -> int:
    """A TCP port (argparse type): 0 to 65535, 0 meaning any free one."""
    import argparse

    if not (text.isdecimal() and int(text) <= 65535):
        raise argparse.ArgumentTypeError(f"'{text}' is not a port (0-65535; 0 picks a free one)")
    return int(text)


def add_parsers(commands) -> None:
    """The authoring commands' parsers."""
    from ..importing import KINDS

    imports = commands.add_parser(
        "import", help="role files from Word job descriptions, JobPosting JSON-LD or O*NET codes",
        description="Write one role file per job description, named <id>.yaml, into DIR: from Word files (.docx: "
                    "a title, sections under headings or bold lines such as Purpose, Responsibilities, "
                    "Requirements, Qualifications, KPIs, and lines such as 'Reports to:', 'Location:', 'Salary:'), "
                    "from schema.org JobPosting (a .json/.jsonld file, or an .html page with it embedded), or from "
                    "an O*NET-SOC code and the O*NET database you downloaded. A folder means the job descriptions "
                    "in it. What the source does not say is left as a TODO placeholder that `roledocs validate` "
                    "reports. An existing file is never overwritten without --force. A source that cannot be read "
                    "is reported and skipped (nothing written for it), and the exit code is 1. See docs/import.md.",
        epilog="example: roledocs import job-descriptions/ -o roles/   "
               "roledocs import --kind onet 15-1299.09 --onet-data ~/onet/db_29_3_text -o roles/")
    imports.add_argument("sources", nargs="+", metavar="SOURCE",
                         help="a .docx, .json, .jsonld or .html file, a folder of them, or an O*NET-SOC code")
    imports.add_argument("-o", "--output", default=".", metavar="DIR",
                         help="folder for the role files, created if missing (default: here)")
    imports.add_argument("--kind", choices=KINDS, default=None,
                         help="what the sources are (default: by file name; a code like 15-1299.09 is O*NET)")
    imports.add_argument("--force", action="store_true", help="overwrite role files that already exist")
    imports.add_argument("--onet-data", metavar="PATH", default=None,
                         help="the folder of the O*NET database's text files (default: $ROLEDOCS_ONET_DATA)")
    imports.set_defaults(handler=cmd_import)

    serves = commands.add_parser(
        "serve", help="a live preview of the site while you edit",
        description="Build the catalogue's site into a temporary folder and serve it on http://127.0.0.1:PORT/. "
                    "Every save below the catalogue rebuilds what changed and reloads the open page; a file with "
                    "errors shows its findings at the top of its page and of the index instead of a stale page. "
                    "Nothing is written to the catalogue (but its content cache) or its output folder. Ctrl-C stops "
                    "it. See docs/serve.md.",
        epilog="example: roledocs serve roles/ --port 8000   (then open http://127.0.0.1:8000/)")
    serves.add_argument("root", nargs="?", default=".", metavar="ROOT",
                        help="the catalogue folder, or a folder or file inside it (default: the current folder)")
    serves.add_argument("--port", type=_port, default=8000, metavar="N",
                        help="the port to listen on (default: 8000; 0 picks a free one)")
    serves.add_argument("--host", default="127.0.0.1", metavar="H",
                        help="the address to listen on (default: 127.0.0.1, this machine only)")
    add_cache_options(serves)
    serves.set_defaults(handler=cmd_serve)
