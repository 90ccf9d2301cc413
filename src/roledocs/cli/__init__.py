"""The command line: parse arguments, call the library, map outcomes to exit codes. Nothing else lives here.

Each command is a `cmd_*` handler with its parser in checking.py (validate, schema, new, rules), documents.py
(render, raci, charter, analyze, build), authoring.py (import, serve) or diffing.py (diff); heavy imports happen
inside handlers, so `roledocs --help` stays fast.
"""
from __future__ import annotations

import argparse
import os
import sys
import traceback

from ..version import __version__
from ..errors import EXIT_FAIL, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_SUCCESS, EXIT_USAGE, RoledocsError
from . import authoring, checking, diffing, documents

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


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser: one subcommand per task."""
    parser = _Parser(prog="roledocs", description="Roles and responsibilities as code: validate role and team "
                     "files, render job descriptions, RACI matrices and team charters.",
                     epilog="example: roledocs validate roles/   (see `roledocs CMD --help` for each command)")
    parser.add_argument("--version", action="version", version=f"roledocs {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    checking.add_parsers(commands)
    documents.add_parsers(commands)
    authoring.add_parsers(commands)
    diffing.add_parsers(commands)
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
        return EXIT_INTERRUPTED
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
