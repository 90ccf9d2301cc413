"""`roledocs diff`: the meaning of the changes to roles and teams between two versions, for review."""
from __future__ import annotations

import sys

from ..errors import EXIT_FAIL, EXIT_SUCCESS

DIFF_FORMATS = ("text", "md", "json", "github")


def cmd_diff(args) -> int:
    """Compare, print the report in the chosen format; exit 1 when a kind `--fail-on` names is present."""
    from ..diff import diff, fail_kinds
    from ..diff.reporters import FORMATS

    fail_on = fail_kinds(args.fail_on) if args.fail_on is not None else frozenset()
    report = diff(args.arguments, names=not args.no_names, fail_on=fail_on, no_index=args.no_index)
    sys.stdout.write(FORMATS[args.format](report))
    return EXIT_FAIL if report.failing else EXIT_SUCCESS


def add_parsers(commands) -> None:
    """The diff command's parser."""
    parser = commands.add_parser(
        "diff", help="what changed in roles and teams between two versions (for review)",
        description="Show the meaning of the changes to roles and teams: between two git revisions (default: the "
                    "merge base with the default branch, and the working tree), or between two folders. Per role: "
                    "fields, duties and time shares, skills and levels, KPI targets (stricter or looser), pay range "
                    "(in percent); per team: members, headcount, people, RACI cells, activities left without "
                    "A or R. Exit 0, or 1 when --fail-on names a kind of change that is present; 2 when a revision "
                    "is missing (a shallow clone) or the arguments are wrong.",
        epilog="examples: roledocs diff   |   roledocs diff main HEAD roles/ --format md   |   "
               "roledocs diff old/ new/ --fail-on pay-range-changed,essential-duty-removed   "
               "(the kinds of change: docs/diff.md)")
    parser.add_argument("arguments", nargs="*", metavar="REVISION_OR_PATH",
                        help="[BASE [HEAD]] [PATH...]: up to two git revisions (or two folders), then paths to limit "
                             "the comparison to; write ./NAME for a path that is also a revision's name")
    parser.add_argument("--format", choices=DIFF_FORMATS, default="text",
                        help="text (default), md (a pull-request comment), json, or github (annotations)")
    parser.add_argument("--fail-on", metavar="KIND,...", default=None,
                        help="exit 1 when a change of one of these kinds is present (any: every kind)")
    parser.add_argument("--no-index", action="store_true",
                        help="compare the first two arguments as folders even inside a git repository")
    parser.add_argument("--no-names", action="store_true",
                        help="leave people's names out (they are personal data)")
    parser.set_defaults(handler=cmd_diff)
