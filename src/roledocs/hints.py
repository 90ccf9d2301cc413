"""Hints for people: the closest of the names that exist ("did you mean"), and which ids exist (cli.md: a wrong key
says the closest allowed one; a missing reference says which ids exist). Every "did you mean" comes from here."""
from __future__ import annotations

import difflib

LISTED = 12  # ids named in full; a longer list gets the first ones and a count (the closest is named first)


def closest(wanted: str, choices, *, ignore_case: bool = False) -> str | None:
    """The choice closest to `wanted`, or None when none is close (with ignore_case, 'a4' is close to 'A4')."""
    if not ignore_case:
        close = difflib.get_close_matches(wanted, list(choices), n=1)
        return close[0] if close else None
    by_case = {str(choice).casefold(): str(choice) for choice in choices}
    close = difflib.get_close_matches(str(wanted).casefold(), list(by_case), n=1)
    return by_case[close[0]] if close else None


def did_you_mean(wanted: str, choices) -> str:
    """"did you mean 'x'? " for the closest of `choices`, or nothing when none is close."""
    close = closest(wanted, choices)
    return f"did you mean '{close}'? " if close else ""


def listing(ids) -> str:
    """The ids, comma-separated: the first LISTED of them and a count of the rest."""
    ids = list(ids)
    return ", ".join(ids[:LISTED]) + (f" and {len(ids) - LISTED} more" if len(ids) > LISTED else "")


def known_roles(ids, wanted: str) -> str:
    """The end of a message about a reference to a missing role: the closest id, then the ids that exist."""
    names = sorted(ids)
    return did_you_mean(wanted, names) + (f"the roles are: {listing(names)}" if names else
                                          "the catalogue has no roles yet")
