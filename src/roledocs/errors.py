"""Exit codes, and the exceptions that stop a command: the one base class the CLI catches."""
from __future__ import annotations

EXIT_SUCCESS = 0
EXIT_FAIL = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT: what a shell reports for a program stopped with Ctrl-C


class RoledocsError(Exception):
    """roledocs cannot continue (bad config, broken template, unwritable output); the CLI exits 1."""

    exit_code = EXIT_FAIL


class UsageError(RoledocsError):
    """The command was called wrongly (missing file, bad option value); the CLI exits 2."""

    exit_code = EXIT_USAGE
