"""The command line: parse arguments, call the library, map outcomes to exit codes. Nothing else lives here."""
from __future__ import annotations

import argparse
import os
import sys
import traceback

from . import __version__
from .findings import EXIT_FAIL, EXIT_INTERNAL, EXIT_SUCCESS, EXIT_USAGE, RoledocsError

REPORT_FORMATS = ("text", "json", "github", "sarif", "junit")
ISSUES_URL = "https://github.com/roledocs/roledocs/issues"


class _Parser(argparse.ArgumentParser):
    """argparse that exits with roledocs' usage code (2) and a hint, never a traceback."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.commands: dict[str, argparse.ArgumentParser] = {}  # filled by build_parser: each command's parser

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")

    def parse_args(self, args=None, namespace=None):
        """argparse's, except that an unknown argument is reported with the usage of the command it follows
        (argparse reports a subcommand's leftovers from the top-level parser, whose usage does not help)."""
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            command = self.commands.get(vars(parsed).get("command"), self)
            command.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed


class _Stdout:
    """Standard output for one run: a failed write (disk full, a closed device, an encoding that cannot hold the
    text) is the environment's fault, so it becomes exit 1 with a message rather than an internal error; a closed
    pipe stays a BrokenPipeError."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self._guarded(self.stream.write, text)

    def flush(self) -> None:
        self._guarded(self.stream.flush)

    def __getattr__(self, name: str):
        return getattr(self.stream, name)

    @staticmethod
    def _guarded(call, *args):
        try:
            return call(*args)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise RoledocsError(f"cannot write the output: {error.strerror or error}") from error
        except UnicodeEncodeError as error:
            raise RoledocsError(f"cannot write the output: its encoding ({error.encoding}) cannot hold "
                                f"{ascii(error.object[error.start:error.end])}; set PYTHONIOENCODING=utf-8") from error


def _positive_int(text: str) -> int:
    """A count of at least 1 (argparse type for --jobs); anything else is a usage error."""
    if not (text.isdecimal() and int(text) >= 1):
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of at least 1")
    return int(text)


def _color_wanted(stream) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def cmd_validate(args) -> int:
    from .checker import validate
    from .report import REPORTERS

    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    validation = validate(args.paths, jobs=args.jobs)
    REPORTERS[fmt](validation, sys.stdout, color=_color_wanted(sys.stdout), strict=args.strict)
    if not validation.files:  # a mistyped folder in CI should not pass unnoticed
        print(f"roledocs: no .yaml or .yml files found in {', '.join(args.paths)}", file=sys.stderr)
    return EXIT_FAIL if validation.failed(args.strict) else EXIT_SUCCESS


def cmd_schema(args) -> int:
    from .schema import schema_text

    sys.stdout.write(schema_text(args.kind))
    return EXIT_SUCCESS


def cmd_new(args) -> int:
    from .skeleton import missing_schema, write_skeleton

    path = write_skeleton(args.kind, args.id, args.output)
    print(f"wrote {path}: fill in the placeholders, then run `roledocs validate {path}`")
    schema = missing_schema(path)
    if schema is not None:
        print(f"note: its first line points editors at {os.path.normpath(schema)}, which does not exist yet; write "
              f"it with `roledocs schema {args.kind} > {os.path.normpath(schema)}` (after creating the folder)",
              file=sys.stderr)
    return EXIT_SUCCESS


def cmd_rules(args) -> int:
    from . import ruledocs

    if args.rule:
        rule = ruledocs.find(args.rule)
        sys.stdout.write(ruledocs.section(rule) if args.format == "markdown" else ruledocs.text(rule))
    else:
        sys.stdout.write(ruledocs.markdown() if args.format == "markdown" else ruledocs.listing())
    return EXIT_SUCCESS


def _validate_parser(commands) -> None:
    parser = commands.add_parser(
        "validate", help="check role, team and config files",
        description="Check YAML, schema, cross-file and lint rules. Exit 0 when clean, 1 when a file has errors "
                    "(or warnings, with --strict), 2 on a usage error.",
        epilog="example: roledocs validate roles/ --format github")
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                        help="files or folders (default: the current folder)")
    parser.add_argument("--format", choices=REPORT_FORMATS,
                        help="output format (default: text; github under GitHub Actions)")
    parser.add_argument("--strict", action="store_true", help="warnings count as failures (exit 1)")
    parser.add_argument("--jobs", type=_positive_int, default=None, metavar="N",
                        help="worker processes for large catalogues (default: one per core)")
    parser.set_defaults(handler=cmd_validate)


def _other_parsers(commands) -> None:
    schema = commands.add_parser("schema", help="print a JSON Schema (for editors and other tools)",
                                 description="Print the JSON Schema of a kind of file.",
                                 epilog="example: roledocs schema role > role.schema.json")
    schema.add_argument("kind", choices=("role", "team", "config"))
    schema.set_defaults(handler=cmd_schema)

    new = commands.add_parser("new", help="write a commented skeleton of a role or team",
                              description="Write <ID>.yaml: a commented skeleton that validates once its "
                                          "placeholders are filled in.",
                              epilog="example: roledocs new role data-engineer -o roles/")
    new.add_argument("kind", choices=("role", "team"))
    new.add_argument("id", help="the new id: lower-case words joined by hyphens")
    new.add_argument("-o", "--output", default=".", metavar="DIR", help="folder to write to (default: here)")
    new.set_defaults(handler=cmd_new)

    rules = commands.add_parser("rules", help="list the rules validate applies, or document one",
                                description="List every rule with its id, default severity and what it checks; "
                                            "with a RULE id, print that rule's documentation with a bad and a good "
                                            "example. Set severities under `lint:` in roledocs.yaml.",
                                epilog="examples: roledocs rules gender-coded-language   |   "
                                       "roledocs rules --format markdown > docs/rules.md")
    rules.add_argument("rule", nargs="?", metavar="RULE", help="a rule id, e.g. duty-vague-verb")
    rules.add_argument("--format", choices=("text", "markdown"), default="text",
                       help="text (default) or markdown (the docs/rules.md page, or one rule's section)")
    rules.set_defaults(handler=cmd_rules)


def _date(text: str) -> str:
    """A YYYY-MM-DD date option (argparse type); anything else is a usage error."""
    from datetime import date

    try:
        if len(text) == 10 and text[4] == text[7] == "-":
            return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-01")


def cmd_render(args) -> int:
    from .documents import render_files
    from .findings import UsageError
    from .outputs import output_folder
    from .outputs.jsonld import PostingOptions

    if args.valid_through and args.date_posted and args.valid_through < args.date_posted:
        raise UsageError("--valid-through is before --date-posted")
    options = PostingOptions(args.date_posted, args.valid_through, args.job_location)
    output = None if args.output == "-" else output_folder(args.output)
    ok = render_files(args.files, args.to, output, jobs=args.jobs, options=options)
    return EXIT_SUCCESS if ok else EXIT_FAIL


def _render_parser(commands) -> None:
    render = commands.add_parser(
        "render", help="job descriptions (md, html, pdf, jsonld, docx) from role files",
        description="Write one document per file, named <id>.<ext>, into DIR: a job description per role file, the "
                    "charter per team file. Each file is checked with its catalogue first; a file with errors is "
                    "reported and skipped, the others are rendered, and the exit code is 1. Templates come from the "
                    "catalogue's templates/ folder first, then the built-in ones.",
        epilog="example: roledocs render roles/it-project-manager.yaml --to pdf -o site/  "
               "(writes site/it-project-manager.pdf)")
    render.add_argument("files", nargs="+", metavar="FILE", help="role or team files")
    render.add_argument("--to", required=True, choices=("md", "html", "pdf", "jsonld", "docx"),
                        help="output format: Markdown, standalone HTML, PDF, schema.org JobPosting JSON-LD or Word")
    render.add_argument("-o", "--output", default=".", metavar="DIR",
                        help="folder to write to, created if missing (default: here); '-' prints one md, html or "
                             "jsonld document")
    render.add_argument("--jobs", type=_positive_int, default=None, metavar="N",
                        help="worker processes for PDFs (default: one per core)")
    posting = render.add_argument_group("JSON-LD fields a careers page knows (see docs/render.md)")
    posting.add_argument("--date-posted", type=_date, metavar="YYYY-MM-DD", help="JobPosting datePosted")
    posting.add_argument("--valid-through", type=_date, metavar="YYYY-MM-DD", help="JobPosting validThrough")
    posting.add_argument("--job-location", metavar="TEXT",
                         help="JobPosting jobLocation address (default: the role's location)")
    render.set_defaults(handler=cmd_render)


def _checked_team(path: str):
    """The loaded, checked team; None after printing its findings like `validate` does (the caller exits 1)."""
    from .report import text_report
    from .teamfile import load_team

    team = load_team(path)
    if team.failed:
        text_report(team.validation, sys.stderr, color=_color_wanted(sys.stderr))
        return None
    return team


def _write_team_document(args, render, name) -> int:
    """Check the team, render one document with render(document, catalogue, fmt), write it (or print it for -o -)."""
    from .findings import UsageError
    from .outputs import output_folder, output_path, write_atomic

    if args.output == "-" and args.to in ("xlsx", "pdf"):
        raise UsageError(f"-o - prints text formats only; {args.to} is binary: give a folder instead")
    folder = None if args.output == "-" else output_folder(args.output)
    team = _checked_team(args.team)
    if team is None:
        return EXIT_FAIL
    data = render(team.document, team.catalogue, args.to)
    if folder is None:
        sys.stdout.write(data)
    else:
        write_atomic(output_path(folder, name(team.document.data["id"], args.to)), data)
    return EXIT_SUCCESS


def cmd_raci(args) -> int:
    from .teamdocs import raci_name, render_raci

    return _write_team_document(args, render_raci, raci_name)


def cmd_charter(args) -> int:
    from .charter import charter_name, render_charter

    return _write_team_document(args, render_charter, charter_name)


def cmd_analyze(args) -> int:
    from .analysis import analyze_document
    from .analysis_report import FORMATS

    team = _checked_team(args.team)
    if team is None:
        return EXIT_FAIL
    sys.stdout.write(FORMATS[args.format](analyze_document(team.document, team.catalogue)))
    return EXIT_SUCCESS


def _team_parsers(commands) -> None:
    raci = commands.add_parser(
        "raci", help="the RACI matrix of a team (md, html, csv, xlsx, pdf)",
        description="Write the team's RACI matrix: activities as rows grouped by phase, the lead and the other "
                    "member roles (by title) and the parties as columns, a legend. Written to DIR as "
                    "<team-id>-raci.<ext>. The team file and its member roles are checked first: on errors they "
                    "are printed, nothing is written and the exit code is 1.",
        epilog="example: roledocs raci roles/teams/it-delivery.yaml --to xlsx -o site/  "
               "(writes site/it-delivery-raci.xlsx)")
    raci.add_argument("team", metavar="TEAM_FILE", help="a team file (kind: team) inside a catalogue")
    raci.add_argument("--to", required=True, choices=("md", "html", "csv", "xlsx", "pdf"), help="output format")
    raci.add_argument("-o", "--output", default=".", metavar="DIR",
                      help="folder to write to (default: here); '-' prints md, html or csv")
    raci.set_defaults(handler=cmd_raci)

    charter = commands.add_parser(
        "charter", help="the team charter (html, pdf, md)",
        description="Write the team charter: mission, lead, members with headcount, people and purpose, the RACI "
                    "matrix, the KPIs of every member role, workload and skill coverage, reporting lines. Written "
                    "to DIR as <team-id>.<ext> (as `roledocs render TEAM_FILE` does). The team file and its member "
                    "roles are checked first: on errors they are printed, nothing is written and the exit code is 1.",
        epilog="example: roledocs charter roles/teams/it-delivery.yaml --to pdf -o site/  "
               "(writes site/it-delivery.pdf)")
    charter.add_argument("team", metavar="TEAM_FILE", help="a team file (kind: team) inside a catalogue")
    charter.add_argument("--to", required=True, choices=("html", "pdf", "md"), help="output format")
    charter.add_argument("-o", "--output", default=".", metavar="DIR",
                         help="folder to write to (default: here); '-' prints md or html")
    charter.set_defaults(handler=cmd_charter)

    analyze = commands.add_parser(
        "analyze", help="workload and skill gaps of a team",
        description="Print the team's workload per role (R/A/C/I counts, shares, duty time, unfilled seats, "
                    "overloaded and idle flags; thresholds under `analysis:` in roledocs.yaml), each person's "
                    "skills against their role's required skills, and the skills only one person or nobody meets. "
                    "Exit 0 (flags are information), 1 when the team file or its roles have errors.",
        epilog="example: roledocs analyze roles/teams/it-delivery.yaml --format json")
    analyze.add_argument("team", metavar="TEAM_FILE", help="a team file (kind: team) inside a catalogue")
    analyze.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    analyze.set_defaults(handler=cmd_analyze)


def cmd_build(args) -> int:
    from .report import text_report
    from .site import build_site, load_site

    site = load_site(args.root, args.output)
    if site.validation.findings:
        text_report(site.validation, sys.stderr, color=_color_wanted(sys.stderr))
    if site.validation.errors:
        print("roledocs: nothing built: fix the errors above", file=sys.stderr)
        return EXIT_FAIL
    progress = sys.stderr if sys.stderr.isatty() else None
    result = build_site(site, pdf=args.pdf, jobs=args.jobs or os.cpu_count() or 1, progress=progress)
    for note in result.notes:
        print(f"roledocs: {note}", file=sys.stderr)
    print(result.summary())
    return EXIT_SUCCESS


def _build_parser(commands) -> None:
    build = commands.add_parser(
        "build", help="the whole catalogue as a static site (HTML, JSON-LD, PDF)",
        description="Check the catalogue, then write a flat static site into DIR: index.html (roles by job family, "
                    "teams), <role-id>.html and <role-id>.jsonld for every role (and <role-id>.pdf with --pdf), "
                    "<team-id>.html (charter) and <team-id>-raci.html for every team. Only outputs whose inputs "
                    "changed are rebuilt; outputs of removed roles and teams are deleted. On errors nothing is "
                    "written and the exit code is 1. See docs/build.md.",
        epilog="example: roledocs build roles/ -o site/ --pdf   (then open site/index.html)")
    build.add_argument("root", nargs="?", default=".", metavar="ROOT",
                       help="the catalogue folder, or a folder or file inside it (default: the current folder)")
    build.add_argument("-o", "--output", default=None, metavar="DIR",
                       help="folder of the site, created if missing (default: the config's `output`, site, in the "
                            "catalogue folder)")
    build.add_argument("--pdf", action="store_true", help="also print every job description as <role-id>.pdf")
    build.add_argument("--jobs", type=_positive_int, default=None, metavar="N",
                       help="worker processes that print PDFs (default: one per core)")
    build.set_defaults(handler=cmd_build)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser: one subcommand per task."""
    parser = _Parser(prog="roledocs", description="Roles and responsibilities as code: validate role and team "
                     "files, render job descriptions, RACI matrices and team charters.",
                     epilog="example: roledocs validate roles/   (see `roledocs CMD --help` for each command)")
    parser.add_argument("--version", action="version", version=f"roledocs {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _validate_parser(commands)
    _other_parsers(commands)
    _render_parser(commands)
    _team_parsers(commands)
    _build_parser(commands)
    parser.commands = commands.choices
    return parser


def _environment_problem(error: Exception) -> str | None:
    """What the system refused, when an error is the environment's fault (a file it would not read or write, no
    memory, a worker process killed) rather than a bug in roledocs; None for a bug."""
    from concurrent.futures.process import BrokenProcessPool

    if isinstance(error, OSError):
        return f"{error.filename}: {error.strerror}" if error.filename and error.strerror else str(error)
    if isinstance(error, MemoryError):
        return "out of memory"
    if isinstance(error, BrokenProcessPool):
        return "a worker process stopped unexpectedly (out of memory, or killed); try again with --jobs 1"
    return None


def main(argv: list[str] | None = None) -> int:
    """Run roledocs; returns the exit code (0 ok, 1 input errors, 2 usage, 3 internal failure)."""
    stdout, sys.stdout = sys.stdout, _Stdout(sys.stdout)
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "handler", None):
            parser.print_help()
            return EXIT_USAGE
        code = args.handler(args)
        sys.stdout.flush()  # a write that fails in the buffer fails here, while it can still be reported
        return code
    except RoledocsError as error:
        print(f"roledocs: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("roledocs: interrupted", file=sys.stderr)
        return EXIT_FAIL
    except BrokenPipeError:
        return EXIT_SUCCESS
    except Exception as error:  # a bug, unless the system refused something: say which, briefly
        problem = _environment_problem(error)
        if problem is not None:
            print(f"roledocs: {problem}", file=sys.stderr)
            return EXIT_FAIL
        last = traceback.extract_tb(error.__traceback__)[-1]
        print(f"roledocs: internal error: {type(error).__name__}: {error}\n"
              f"  at {os.path.basename(last.filename)}:{last.lineno} in {last.name}\n"
              f"  This is a bug in roledocs; please report it at {ISSUES_URL} with the command you ran.",
              file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        sys.stdout = stdout
