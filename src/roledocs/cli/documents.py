"""Commands that write documents: render, raci, charter, analyze and build."""
from __future__ import annotations

import os
import sys

from ..errors import EXIT_FAIL, EXIT_SUCCESS
from ..rendering.formats import formats_of
from .options import (add_cache_options, cache_setting, color_wanted, date_option, format_list, language_list,
                      positive_int, wrote)


def cmd_render(args) -> int:
    """`roledocs render FILE... --to FORMAT`: one document per file, into -o or to stdout."""
    from ..rendering.documents import render_files
    from ..errors import UsageError
    from ..output.files import output_folder
    from ..rendering.writers.jsonld import PostingOptions

    if args.valid_through and args.date_posted and args.valid_through < args.date_posted:
        raise UsageError("--valid-through is before --date-posted")
    if args.job_location is not None and not args.job_location.strip():
        raise UsageError("--job-location is empty: give the address, or leave the option out to use the role's "
                         "location")
    if not {"jsonld", "html"} & set(args.to):  # said rather than silently dropped, so a mistyped --to is noticed
        for option, value in (("--date-posted", args.date_posted), ("--valid-through", args.valid_through),
                              ("--job-location", args.job_location)):
            if value is not None:
                print(f"roledocs: {option} only applies to --to jsonld and html (the JobPosting); ignored",
                      file=sys.stderr)
    options = PostingOptions(args.date_posted, args.valid_through, args.job_location)
    output = None if args.output == "-" else output_folder(args.output)
    result = render_files(args.files, args.to, output, jobs=args.jobs, options=options)
    _say_what_was_written(args, result.written)
    return EXIT_FAIL if result.failed else EXIT_SUCCESS


def _say_what_was_written(args, paths: list) -> None:
    """The one line on standard error naming the files written, unless -q."""
    line = None if args.quiet else wrote(paths)
    if line:
        print(line, file=sys.stderr)


def _to_option(parser, kind: str, what: str) -> None:
    """--to: one format of this kind of document, or several joined by commas; and -q, which the line about the
    files written goes with."""
    choices = formats_of(kind)
    parser.add_argument("--to", required=True, type=format_list(choices), metavar="|".join(choices),
                        help=f"output format{what}; several joined by commas write one file each "
                             f"(--to {choices[0]},{choices[1]})")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="do not print the line on standard error that names the files written")


def _render_parser(commands) -> None:
    render = commands.add_parser(
        "render", help="job descriptions (md, html, pdf, jsonld, docx) from role files",
        description="Write one document per file, named <id>.<ext>, into DIR: a job description per role file, the "
                    "charter per team file. Each file is checked with its catalogue first; a file with errors is "
                    "reported and skipped, the others are rendered, and the exit code is 1. Templates come from the "
                    "catalogue's templates/ folder first, then the built-in ones.",
        epilog="example: roledocs render roles/it-project-manager.yaml --to html,pdf -o site/  "
               "(writes site/it-project-manager.html and site/it-project-manager.pdf)")
    render.add_argument("files", nargs="+", metavar="FILE", help="role or team files")
    _to_option(render, "role", ": Markdown, standalone HTML, PDF, schema.org JobPosting JSON-LD or Word")
    render.add_argument("-o", "--output", default=".", metavar="DIR",
                        help="folder to write to, created if missing (default: here); '-' prints one md, html or "
                             "jsonld document")
    render.add_argument("--jobs", type=positive_int, default=None, metavar="N",
                        help="worker processes for PDFs (default: one per core)")
    posting = render.add_argument_group("JobPosting fields (the .jsonld file and the JSON-LD in HTML pages), over "
                                        "`posting:` in roledocs.yaml and the role (see docs/render.md)")
    posting.add_argument("--date-posted", type=date_option, metavar="YYYY-MM-DD", help="JobPosting datePosted")
    posting.add_argument("--valid-through", type=date_option, metavar="YYYY-MM-DD", help="JobPosting validThrough")
    posting.add_argument("--job-location", metavar="TEXT",
                         help="JobPosting jobLocation, ending in a country code for search engines, e.g. "
                              "'Friedrichstraße 1, 10117 Berlin, DE' (default: the role's location)")
    render.set_defaults(handler=cmd_render)


def _checked_team(path: str):
    """The loaded, checked team; None after printing its findings like `validate` does (the caller exits 1)."""
    from ..check.reporters import text_report
    from ..check.inputs import load_team

    team = load_team(path)
    if team.failed:
        text_report(team.validation, sys.stderr, color=color_wanted(sys.stderr))
        return None
    return team


def _write_team_document(args, kind: str) -> int:
    """Check the team, render its document of `kind` (raci, charter) in each --to format, write them (or print the
    one for -o -)."""
    from ..errors import UsageError
    from ..output.files import output_folder, output_path, write_atomic
    from ..rendering.formats import FORMATS, Job, build

    if args.output == "-" and (len(args.to) > 1 or FORMATS[(kind, args.to[0])].binary):
        raise UsageError("-o - prints one text format; give a folder instead" if len(args.to) > 1 else
                         f"-o - prints text formats only; {args.to[0]} is binary: give a folder instead")
    folder = None if args.output == "-" else output_folder(args.output)
    team = _checked_team(args.team)
    if team is None:
        return EXIT_FAIL
    documents = [(FORMATS[(kind, fmt)], build(kind, fmt, Job(team.document, team.catalogue))) for fmt in args.to]
    if folder is None:
        sys.stdout.write(documents[0][1])
        return EXIT_SUCCESS
    _say_what_was_written(args, [write_atomic(output_path(folder, format.file_name(team.document.data["id"])), data)
                                 for format, data in documents])
    return EXIT_SUCCESS


def cmd_raci(args) -> int:
    """`roledocs raci TEAM_FILE --to FORMAT`: the team's RACI matrix."""
    return _write_team_document(args, "raci")


def cmd_charter(args) -> int:
    """`roledocs charter TEAM_FILE --to FORMAT`: the team charter."""
    return _write_team_document(args, "charter")


def cmd_analyze(args) -> int:
    """`roledocs analyze TEAM_FILE`: workload and skill gaps, as text or JSON."""
    from ..rendering.formats import Job, build

    team = _checked_team(args.team)
    if team is None:
        return EXIT_FAIL
    sys.stdout.write(build("analysis", args.format, Job(team.document, team.catalogue)))
    return EXIT_SUCCESS


def _team_parsers(commands) -> None:
    raci = commands.add_parser(
        "raci", help="the RACI matrix of a team (md, html, csv, xlsx, pdf)",
        description="Write the team's RACI matrix: activities as rows grouped by phase, the lead and the other "
                    "member roles (by title) and the parties as columns, a legend. Written to DIR as "
                    "<team-id>.csv or <team-id>.xlsx; in md, html and pdf, the charter's formats, as "
                    "<team-id>-raci.<ext> beside the charter (<team-id>.<ext>). The team file and its member roles "
                    "are checked first: on errors they are printed, nothing is written and the exit code is 1.",
        epilog="example: roledocs raci roles/teams/it-delivery.yaml --to xlsx -o site/  "
               "(writes site/it-delivery.xlsx)")
    raci.add_argument("team", metavar="TEAM_FILE", help="a team file (kind: team) inside a catalogue")
    _to_option(raci, "raci", "")
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
    _to_option(charter, "charter", "")
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
    analyze.add_argument("--format", choices=formats_of("analysis"), default="text",
                         help="output format (default: text)")
    analyze.set_defaults(handler=cmd_analyze)


def cmd_build(args) -> int:
    """`roledocs build [ROOT]`: check the catalogue, then write its site (nothing on errors)."""
    from ..check.reporters import text_report
    from ..site.build import build_site, load_site

    site = load_site(args.root, args.output, args.language, cache=cache_setting(args))
    if site.validation.findings:
        text_report(site.validation, sys.stderr, color=color_wanted(sys.stderr))
    for note in site.validation.notes:
        print(f"roledocs: {note}", file=sys.stderr)
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
                    "changed are rebuilt; outputs of removed roles and teams are deleted. A catalogue published in "
                    "several languages (the config's `language` list, or --language) gets one such site per "
                    "language side by side (DIR/de/, DIR/en/), linked with hreflang, and a DIR/index.html that "
                    "leads to each. On errors nothing is written and the exit code is 1. See docs/build.md.",
        epilog="example: roledocs build roles/ -o site/ --pdf   (then open site/index.html)")
    build.add_argument("root", nargs="?", default=".", metavar="ROOT",
                       help="the catalogue folder, or a folder or file inside it (default: the current folder)")
    build.add_argument("-o", "--output", default=None, metavar="DIR",
                       help="folder of the site, created if missing (default: the config's `output`, site, in the "
                            "catalogue folder)")
    build.add_argument("--pdf", action="store_true", help="also print every job description as <role-id>.pdf")
    build.add_argument("--jobs", type=positive_int, default=None, metavar="N",
                       help="worker processes for PDFs, and for pages when there are many (default: one per core)")
    build.add_argument("--language", type=language_list, default=None, metavar="TAG[,TAG...]",
                       help="publish the site in these languages (BCP 47 tags, e.g. de,en), one folder each "
                            "(default: the config's `language`)")
    add_cache_options(build)
    build.set_defaults(handler=cmd_build)


def add_parsers(commands) -> None:
    """The document commands' parsers."""
    _render_parser(commands)
    _team_parsers(commands)
    _build_parser(commands)
