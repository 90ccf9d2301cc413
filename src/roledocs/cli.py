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

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


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
    return EXIT_FAIL if validation.failed(args.strict) else EXIT_SUCCESS


def cmd_schema(args) -> int:
    from .schema import schema_text

    sys.stdout.write(schema_text(args.kind))
    return EXIT_SUCCESS


def cmd_new(args) -> int:
    from .skeleton import write_skeleton

    path = write_skeleton(args.kind, args.id, args.output)
    print(f"wrote {path}: fill in the placeholders, then run `roledocs validate {path}`")
    return EXIT_SUCCESS


def cmd_rules(args) -> int:
    from .rules import RULES

    for rule in RULES.values():
        print(f"{rule.id:32} {rule.severity.value:8} {rule.summary}")
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
    parser.add_argument("--jobs", type=int, default=None, metavar="N",
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

    rules = commands.add_parser("rules", help="list the rules validate applies",
                                description="List every rule with its id, default severity and what it checks.")
    rules.set_defaults(handler=cmd_rules)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser: one subcommand per task."""
    parser = _Parser(prog="roledocs", description="Roles and responsibilities as code: validate role and team "
                     "files, render job descriptions, RACI matrices and team charters.",
                     epilog="example: roledocs validate roles/   (see `roledocs CMD --help` for each command)")
    parser.add_argument("--version", action="version", version=f"roledocs {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _validate_parser(commands)
    _other_parsers(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run roledocs; returns the exit code (0 ok, 1 input errors, 2 usage, 3 internal failure)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.handler(args)
    except RoledocsError as error:
        print(f"roledocs: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("roledocs: interrupted", file=sys.stderr)
        return EXIT_FAIL
    except BrokenPipeError:
        return EXIT_SUCCESS
    except Exception as error:  # a bug: say so briefly, point to where to report it
        last = traceback.extract_tb(error.__traceback__)[-1]
        print(f"roledocs: internal error: {type(error).__name__}: {error}\n"
              f"  at {os.path.basename(last.filename)}:{last.lineno} in {last.name}\n"
              f"  This is a bug in roledocs; please report it at {ISSUES_URL} with the command you ran.",
              file=sys.stderr)
        return EXIT_INTERNAL
