"""RACI profiles (a team's `raci_profile`): the letters a matrix uses, their names and meanings, and the rules.
The names and meanings are English labels (N_): documents show them in their language (rendering/raci.py).

RACI is the default; RASCI adds S (supportive), RACI-VS adds V (verifier) and S (signatory), and DACI has a
Driver, an Approver, Contributors and the Informed. In every profile `A` is the one who answers for the result
(Accountable, or DACI's Approver: exactly one per activity) and one letter marks who does the work (`R`, or DACI's
Driver `D`): the RACI rules, the matrix, its legend and the workload analysis all read these from here.
"""
from __future__ import annotations

from dataclasses import dataclass

from .labels import N_

DEFAULT = "raci"


@dataclass(frozen=True)
class Letter:
    """One letter of a profile: the letter, its name, and what it means for the one who holds it."""

    letter: str
    name: str
    meaning: str
    noun: bool = False  # "Driver" names a person, "Accountable" describes one: messages say "no driver", "no one accountable"

    def to_dict(self) -> dict[str, str]:
        return {"letter": self.letter, "name": self.name, "meaning": self.meaning}


@dataclass(frozen=True)
class Profile:
    """A RACI variant: its letters in legend order, the canonical order of letters in a cell, and which letter does
    the work (`doer`) and whether an activity has exactly one of them (DACI's Driver) or at least one (`R`)."""

    id: str
    title: str
    letters: tuple[Letter, ...]
    order: str
    doer: str
    one_doer: bool = False
    accountable: str = "A"
    consulted: str = "C"
    informed: str = "I"

    @property
    def names(self) -> dict[str, str]:
        """Letter to name: {"R": "Responsible", ...}."""
        return {entry.letter: entry.name for entry in self.letters}

    def name(self, letter: str) -> str:
        """A letter's name in lower case, as a message uses it: 'accountable', 'driver'."""
        return self.names[letter].lower()

    def nobody(self, letter: str) -> str:
        """'no one accountable (A)', 'no driver (D)'."""
        entry = self._entry(letter)
        return f"no {entry.name.lower()} ({letter})" if entry.noun else f"no one {entry.name.lower()} ({letter})"

    def holders(self, count: int, letter: str) -> str:
        """'2 accountable (A)', '2 drivers (D)'."""
        entry = self._entry(letter)
        plural = "s" if entry.noun and count != 1 else ""
        return f"{count} {entry.name.lower()}{plural} ({letter})"

    def _entry(self, letter: str) -> Letter:
        return next(entry for entry in self.letters if entry.letter == letter)

    def normalise(self, letters: str) -> str:
        """A cell's letters in the profile's canonical order (`RA` shows as `AR`)."""
        return "".join(letter for letter in self.order if letter in letters)

    @property
    def pattern(self) -> str:
        """The schema's pattern for a cell of this profile: its letters, each at most once."""
        letters = "".join(entry.letter for entry in self.letters)
        return f"^(?!.*(.).*\\1)[{letters}]{{1,{len(letters)}}}$"

    def letters_help(self) -> str:
        """How a cell is written, for a message: "the letters R, A, C and I, each at most once, like 'AR' or 'C'"."""
        letters = [entry.letter for entry in self.letters]
        return f"the letters {', '.join(letters[:-1])} and {letters[-1]}, each at most once, like " \
               f"'{self.normalise(self.accountable + self.doer)}' or '{self.consulted}'"

    def named(self, conjunction: str) -> str:
        """The letters' names in a sentence: 'responsible, accountable, consulted and informed'."""
        words = [entry.name.lower() for entry in self.letters]
        return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"

    def legend(self) -> list[dict[str, str]]:
        """The letters, their names and what they mean, as templates and the spreadsheet legend show them."""
        return [entry.to_dict() for entry in self.letters]


_R = Letter("R", N_("Responsible"), N_("Does the work. Every activity has at least one."))
_A = Letter("A", N_("Accountable"), N_("Answers for the result and signs it off. Every activity has exactly one."))
_C = Letter("C", N_("Consulted"), N_("Gives input before or during the work (two-way)."))
_I = Letter("I", N_("Informed"), N_("Is kept up to date on progress or the result (one-way)."))

PROFILES: dict[str, Profile] = {
    "raci": Profile("raci", "RACI", (_R, _A, _C, _I), "ARCI", "R"),
    "rasci": Profile("rasci", "RASCI", (
        _R, _A,
        Letter("S", N_("Supportive"), N_("Helps those responsible with work or resources, without owning the result.")),
        _C, _I), "ARSCI", "R"),
    "raci-vs": Profile("raci-vs", "RACI-VS", (
        _R, _A, _C, _I,
        Letter("V", N_("Verifier"), N_("Checks that the result meets the agreed criteria."), noun=True),
        Letter("S", N_("Signatory"), N_("Approves the verified result and signs off its release."), noun=True)),
        "ARCIVS", "R"),
    "daci": Profile("daci", "DACI", (
        Letter("D", N_("Driver"), N_("Drives the activity: gathers the input and keeps it moving. Every activity has "
                                     "exactly one."), noun=True),
        Letter("A", N_("Approver"), N_("Makes the decision and answers for it. Every activity has exactly one."),
               noun=True),
        Letter("C", N_("Contributor"), N_("Gives the knowledge and input the decision needs (two-way)."), noun=True),
        Letter("I", N_("Informed"), N_("Is told of the decision or the result (one-way).")),
    ), "DACI", "D", one_doer=True),
}


def profile_of(team: dict) -> Profile:
    """The profile of a team's data (`raci_profile`, RACI when not given)."""
    return PROFILES[team.get("raci_profile", DEFAULT)]
