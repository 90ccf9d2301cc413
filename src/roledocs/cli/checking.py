"""Commands that check and describe files: validate, schema, new, rules."""
from __future__ import annotations

import os
import sys

from ..errors import EXIT_FAIL, EXIT_SUCCESS
from .options import REPORT_FORMATS, add_cache_options, cache_setting, color_wanted, date_option, positive_int


def cmd_validate(args) -> int:
    """`roledocs validate`: check the paths, print the findings in the chosen format, exit 1 on failure."""
    from ..check.validate import validate
    from ..check.reporters import REPORTERS

    validation = validate(args.paths, jobs=args.jobs, today=args.today, only_sources=args.skip_other_yaml,
                          cache=cache_setting(args))
    REPORTERS[args.format](validation, sys.stdout, color=color_wanted(sys.stdout), strict=args.strict)
    for note in validation.notes:
        print(f"roledocs: {note}", file=sys.stderr)
    return EXIT_FAIL if validation.failed(args.strict) else EXIT_SUCCESS


def cmd_schema(args) -> int:
    """`roledocs schema KIND`: print a bundled JSON Schema."""
    from ..source.schema import schema_text

    sys.stdout.write(schema_text(args.kind))
    return EXIT_SUCCESS


def cmd_new(args) -> int:
    """`roledocs new KIND ID`: write (or, with -o -, print) a commented skeleton."""
    from ..rendering.skeleton import missing_schema, skeleton, write_skeleton

    if args.output == "-":  # `roledocs new role x -o - > roles/x.yaml`: the modeline assumes the current folder
        sys.stdout.write(skeleton(args.kind, args.id, "."))
        return EXIT_SUCCESS
    path = write_skeleton(args.kind, args.id, args.output)
    print(f"wrote {path}: fill in the placeholders, then run `roledocs validate {path}`")
    schema = missing_schema(path)
    if schema is not None:
        print(f"note: its first line points editors at {os.path.normpath(schema)}, which does not exist yet; write "
              f"it with `roledocs schema {args.kind} > {os.path.normpath(schema)}` (after creating the folder)",
              file=sys.stderr)
    return EXIT_SUCCESS


def cmd_init(args) -> int:
    """`roledocs init [DIR]`: write a new catalogue, say what was written and what to do next."""
    from ..rendering.scaffold import init_catalogue

    done = init_catalogue(args.folder)
    shown = done.folder.as_posix().rstrip("/")
    prefix = "" if shown == "." else f"{shown}/"
    for path in done.kept:
        print(f"roledocs: kept {path.as_posix()}, which exists already", file=sys.stderr)
    if done.repository is not None and (done.folder / ".pre-commit-config.yaml") in done.written:
        print(f"roledocs: pre-commit reads .pre-commit-config.yaml at the top of the repository "
              f"({done.repository.as_posix()}): move {prefix}.pre-commit-config.yaml there, or add its hook to the "
              "one there", file=sys.stderr)
    where = "here" if shown == "." else f"in {shown}/"
    print(f"wrote a new catalogue {where}: roledocs.yaml, roles/, teams/, schemas/ (for editors), "
          f".pre-commit-config.yaml\nnext: roledocs new role ID -o {prefix}roles/   (fill in its TODOs), then "
          f"roledocs validate {shown}")
    return EXIT_SUCCESS


def cmd_rules(args) -> int:
    """`roledocs rules [RULE]`: list the rules, or document one."""
    from ..check import ruledocs

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
                    "(or warnings, with --strict) or a folder holds no file to check, 2 on a usage error.",
        epilog="example: roledocs validate roles/ --format github")
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                        help="files or folders (default: the current folder)")
    parser.add_argument("--format", choices=REPORT_FORMATS, default="text",
                        help="output format (default: text, also under GitHub Actions: pass github for annotations)")
    parser.add_argument("--strict", action="store_true", help="warnings count as failures (exit 1)")
    parser.add_argument("--jobs", type=positive_int, default=None, metavar="N",
                        help="worker processes for large catalogues (default: one per core)")
    parser.add_argument("--today", type=date_option, default=None, metavar="YYYY-MM-DD",
                        help="the day review cycles are judged against (default: today; see review-overdue)")
    parser.add_argument("--skip-other-yaml", action="store_true",
                        help="pass over YAML files that do not say they are roledocs files (no top-level `roledocs:` "
                             "or `kind: role|team`, not roledocs.yaml), such as GitHub workflows: for pre-commit, "
                             "which passes every changed YAML file")
    add_cache_options(parser)
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
    new.add_argument("-o", "--output", default=".", metavar="DIR",
                     help="folder to write to (default: here); '-' prints the skeleton instead")
    new.set_defaults(handler=cmd_new)

    init = commands.add_parser("init", help="start a new catalogue (roledocs.yaml, roles/, teams/, schemas, "
                               "pre-commit)",
                               description="Write a new catalogue into DIR (created if missing): roledocs.yaml, "
                                           "empty roles/ and teams/ folders, the JSON Schemas in schemas/ for "
                                           "editors (each file's first line points at them), and a "
                                           ".pre-commit-config.yaml that runs `roledocs validate` on every commit. "
                                           "Files that exist are kept; a DIR that holds a roledocs.yaml already is "
                                           "a usage error.",
                               epilog="example: roledocs init hr && roledocs new role data-engineer -o hr/roles/")
    init.add_argument("folder", nargs="?", default=".", metavar="DIR",
                      help="the new catalogue's folder (default: the current folder)")
    init.set_defaults(handler=cmd_init)

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


def add_parsers(commands) -> None:
    """The checking commands' parsers."""
    _validate_parser(commands)
    _other_parsers(commands)
