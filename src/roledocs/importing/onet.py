"""A starter role from the O*NET database the user downloaded (its text format): the occupation's title and
description, its task statements as duties, its important skills, and the CC BY 4.0 attribution O*NET asks for.

roledocs ships no O*NET text. The folder is the user's: `Occupation Data.txt` and `Task Statements.txt` are
needed, `Skills.txt` is read when present. Files are tab-separated with a header row, as O*NET publishes them.
"""
from __future__ import annotations

import csv
import difflib
import io
import re
from pathlib import Path

from .draft import Draft, clean

CODE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
OCCUPATIONS, TASKS, SKILLS, README = "Occupation Data.txt", "Task Statements.txt", "Skills.txt", "Read Me.txt"
CODE_COLUMN = "O*NET-SOC Code"
IMPORTANT = 3.0  # O*NET importance (1-5) from which a skill is listed, as O*NET OnLine lists them
MAX_FILE = 200 * 1024 * 1024
_VERSION = re.compile(r"O\*NET(?:®)?\s+(\d+\.\d+)\s+Database")


class OnetError(ValueError):
    """The O*NET folder cannot be read, or lacks the occupation asked for; the message says which and why."""


def _rows(folder: Path, name: str, columns: tuple[str, ...], required: bool = True) -> list[dict] | None:
    path = folder / name
    if not path.is_file():
        if required:
            raise OnetError(f"{path}: missing; the O*NET folder needs '{OCCUPATIONS}' and '{TASKS}' (the text "
                            "download of the O*NET database)")
        return None
    if path.stat().st_size > MAX_FILE:
        raise OnetError(f"{path}: larger than {MAX_FILE // 1024 // 1024} MB; not an O*NET file")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # releases before 2018 were not UTF-8
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter="\t")
    missing = [column for column in columns if column not in (reader.fieldnames or [])]
    if missing:
        raise OnetError(f"{path}: not in O*NET's format: no column {', '.join(repr(m) for m in missing)} in its "
                        "header row (tab-separated)")
    try:
        return list(reader)
    except csv.Error as error:
        raise OnetError(f"{path}: line {reader.line_num}: {error}") from error


class OnetData:
    """The occupations, tasks and skills of an O*NET text folder, read once for any number of codes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        occupations = _rows(folder, OCCUPATIONS, (CODE_COLUMN, "Title", "Description"))
        self.occupations = {row[CODE_COLUMN].strip(): row for row in occupations}
        self.tasks = _rows(folder, TASKS, (CODE_COLUMN, "Task", "Task Type"))
        self.skills = _rows(folder, SKILLS, (CODE_COLUMN, "Element Name", "Scale ID", "Data Value"), required=False)
        self.version = self._version()

    def _version(self) -> str | None:
        readme = self.folder / README
        if readme.is_file() and readme.stat().st_size < 1024 * 1024:
            match = _VERSION.search(readme.read_text(encoding="utf-8", errors="replace"))
            if match:
                return match.group(1)
        match = re.search(r"(\d{2})_(\d+)", self.folder.name)  # db_29_3_text, as O*NET names the download
        return f"{match.group(1)}.{match.group(2)}" if match else None

    def attribution(self) -> str:
        """O*NET's requested credit line (CC BY 4.0), with the release when the folder names it."""
        release = f"O*NET {self.version} Database" if self.version else "O*NET Database"
        return (f"Includes information from the {release} by the U.S. Department of Labor, Employment and Training "
                "Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. "
                "The information has been modified; USDOL/ETA has not approved, endorsed, or tested these "
                "modifications.")

    def close_codes(self, code: str) -> list[str]:
        """Codes of the folder near a code: the same occupation group first, then similar spellings."""
        group = [c for c in self.occupations if c[:7] == code[:7]]
        similar = difflib.get_close_matches(code, list(self.occupations), n=5, cutoff=0.7)
        return list(dict.fromkeys(group + similar))[:8]

    def draft(self, code: str) -> Draft:
        """The starter role of one O*NET-SOC code."""
        occupation = self.occupations.get(code)
        if occupation is None:
            near = self.close_codes(code)
            listing = "; ".join(f"{c} {clean(self.occupations[c]['Title'])}" for c in near)
            raise OnetError(f"{code} is not an occupation in the O*NET data at {self.folder}"
                            + (f"; close codes: {listing}" if listing else ""))
        draft = Draft(f"O*NET {code}", title=clean(occupation["Title"]) or None,
                      summary=clean(occupation["Description"]) or None, occupation={"onet_soc": code},
                      attribution=self.attribution())
        for row in self.tasks:
            if row[CODE_COLUMN].strip() == code and clean(row["Task"]):
                kind = (row.get("Task Type") or "").strip()
                duty = {"description": clean(row["Task"])}
                if kind in ("Core", "Supplemental"):
                    duty["essential"] = kind == "Core"
                draft.duties.append(duty)
        draft.skills = self._skills(code)
        draft.notes.append("O*NET names the occupation (often in the plural): give the role its own title")
        if self.skills is None:
            draft.notes.append(f"no {SKILLS} in the O*NET folder: skills left to fill")
        return draft

    def _skills(self, code: str) -> list[dict]:
        """Skills of importance 3 or more, most important first, each at its O*NET level (0-7) on roledocs'
        1-5 scale: round(level / 7 * 5), at least 1."""
        if self.skills is None:
            return []
        scores: dict[str, dict[str, float]] = {}
        for row in self.skills:
            if row[CODE_COLUMN].strip() != code or (row.get("Recommend Suppress") or "").strip() == "Y" \
                    or (row.get("Not Relevant") or "").strip() == "Y":
                continue
            try:
                scores.setdefault(clean(row["Element Name"]), {})[row["Scale ID"].strip()] = float(row["Data Value"])
            except ValueError as error:
                raise OnetError(f"{self.folder / SKILLS}: '{row['Data Value']}' is not a number ({code}, "
                                f"{row['Element Name']})") from error
        ranked = sorted(((-s["IM"], name, s.get("LV")) for name, s in scores.items()
                         if s.get("IM", 0) >= IMPORTANT and name), key=lambda item: (item[0], item[1]))
        return [{"name": name, **({"level": max(1, min(5, int(level / 7 * 5 + 0.5)))} if level is not None else {})}
                for _, name, level in ranked]
