"""Hints shared by the rules about references: which role ids exist, and the closest one (cli.md: a missing
reference says which ids exist). A module of its own, registering no rule, so importing it changes no rule order."""
from __future__ import annotations

import difflib

LISTED = 12  # ids named in full; a larger catalogue gets the first ones and a count (the closest is named first)


def known_roles(ids, wanted: str) -> str:
    """The end of a message about a reference to a missing role: the closest id, then the ids that exist."""
    names = sorted(ids)
    close = difflib.get_close_matches(wanted, names, n=1)
    shown = ", ".join(names[:LISTED]) + (f" and {len(names) - LISTED} more" if len(names) > LISTED else "")
    return (f"did you mean '{close[0]}'? " if close else "") + (
        f"the roles are: {shown}" if names else "the catalogue has no roles yet")
