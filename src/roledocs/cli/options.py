"""What several commands share: option types, whether to colour a stream, and the line that says what was written."""
from __future__ import annotations

import argparse
import os
from pathlib import Path

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


def format_list(choices: tuple[str, ...]):
    """The argparse type of `--to`: one format, or several joined by commas (`html,pdf`), each one of `choices`."""

    def formats(text: str) -> tuple[str, ...]:
        names = [name.strip() for name in text.split(",")]
        unknown = [name for name in names if name not in choices]
        if unknown:
            raise argparse.ArgumentTypeError(f"'{unknown[0]}' is not one of {', '.join(choices)} (give one, or "
                                             f"several joined by commas: {choices[0]},{choices[1]})")
        return tuple(dict.fromkeys(names))

    return formats


def wrote(paths: list, listed: int = 4) -> str | None:
    """The one line a command prints on standard error about what it wrote (None when it wrote nothing):
    `roledocs: wrote site/a.html, site/a.pdf`, or for more files their count, kinds and folder."""
    shown = [Path(path).as_posix() for path in paths]
    if not shown:
        return None
    if len(shown) <= listed:
        return f"roledocs: wrote {', '.join(shown)}"
    folders = sorted({str(Path(path).parent.as_posix()) for path in shown})
    where = f"{folders[0]}/" if len(folders) == 1 else f"{len(folders)} folders"
    kinds = ", ".join(dict.fromkeys(Path(path).suffix.lstrip(".") for path in shown))
    return f"roledocs: wrote {len(shown)} files ({kinds}) in {where}"


def add_cache_options(parser: argparse.ArgumentParser) -> None:
    """--cache-dir and --no-cache: where the content cache lives, or that there is none (see docs/cache.md)."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--cache-dir", metavar="DIR", default=None,
                       help="keep the content cache in DIR (default: $ROLEDOCS_CACHE_DIR, else .roledocs-cache/ in "
                            "the catalogue folder)")
    where.add_argument("--no-cache", action="store_true",
                       help="read and check every file afresh, without reading or writing the content cache")


def cache_setting(args: argparse.Namespace) -> bool | str:
    """What --cache-dir and --no-cache ask for: False (no cache), a folder, or True (the usual place)."""
    return False if args.no_cache else args.cache_dir or True


def language_list(text: str) -> tuple[str, ...]:
    """A comma-separated list of BCP 47 tags (argparse type for --language): each one roledocs can write."""
    from ..source.language import parse_list

    try:
        return parse_list(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
