"""Hints shared by the rules about references: the closest id, and which ids exist (cli.md: a missing reference
says which ids exist). A module of its own, registering no rule, so importing it changes no rule order."""
from __future__ import annotations

import difflib

LISTED = 12  # ids named in full; a longer list gets the first ones and a count (the closest is named first)


def did_you_mean(wanted: str, choices) -> str:
    """"did you mean 'x'? " for the closest of `choices`, or nothing when none is close."""
    close = difflib.get_close_matches(wanted, list(choices), n=1)
    return f"did you mean '{close[0]}'? " if close else ""


def listing(ids) -> str:
    """The ids, comma-separated: the first LISTED of them and a count of the rest."""
    ids = list(ids)
    return ", ".join(ids[:LISTED]) + (f" and {len(ids) - LISTED} more" if len(ids) > LISTED else "")


def known_roles(ids, wanted: str) -> str:
    """The end of a message about a reference to a missing role: the closest id, then the ids that exist."""
    names = sorted(ids)
    return did_you_mean(wanted, names) + (f"the roles are: {listing(names)}" if names else
                                          "the catalogue has no roles yet")
