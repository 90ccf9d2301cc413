"""The rules, registered in this order, which is the order of their docs (`roledocs rules`, docs/rules.md).

Each module registers its rules with `registry.rule`; the engine that runs them is check/engine.py.
"""
from __future__ import annotations

from . import config_paths, team, references, review, roles, settings, site_names, posting, translations  # noqa: F401
from .quality import completeness, duties, kpis, readability, suppressions, wording  # noqa: F401
from .registry import CROSS_FILE_ROLE_KEYS, RULES, Problem, Rule, rule

__all__ = ["CROSS_FILE_ROLE_KEYS", "RULES", "Problem", "Rule", "rule"]
