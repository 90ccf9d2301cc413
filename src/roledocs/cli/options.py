"""What several commands share: option types and whether to colour a stream."""
from __future__ import annotations

import argparse
import os

REPORT_FORMATS = ("text", "json", "github", "sarif", "junit")


def positive_int(text: str) -> int:
    """A count of at least 1 (argparse type for --jobs); anything else is a usage error."""
    if not (text.isdecimal() and int(text) >= 1):
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of at least 1")
    return int(text)


def color_wanted(stream) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def date_option(text: str) -> str:
    """A YYYY-MM-DD date option (argparse type); anything else is a usage error."""
    from datetime import date

    try:
        if len(text) == 10 and text[4] == text[7] == "-":
            return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-01")
