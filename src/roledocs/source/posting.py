"""A role's job-posting settings: the `posting:` defaults of roledocs.yaml with the role's own `posting:` over them,
and the hiring organisation (roledocs.yaml `organization`, a name or a block with links)."""
from __future__ import annotations

from typing import Any

FIELDS = ("date_posted", "valid_through", "direct_apply", "apply_url", "remote", "identifier")
TEXTS = ("how_to_apply", "benefits", "equal_opportunity", "pay_transparency")


def posting_settings(defaults: dict[str, Any] | None, own: dict[str, Any] | None) -> dict[str, Any]:
    """Every posting key (None when neither gives it), the role's value winning over the config's, key by key;
    `remote` as {countries} (fully remote; an empty list: from anywhere) or None (not remote)."""
    merged = {key: None for key in (*FIELDS, *TEXTS)}
    for source in (defaults or {}, own or {}):
        merged.update({key: value for key, value in source.items() if key in merged or key.startswith("x-")})
    remote = merged["remote"]
    if remote is True:
        merged["remote"] = {"countries": []}
    elif isinstance(remote, dict):
        merged["remote"] = {**remote, "countries": list(dict.fromkeys(remote.get("countries", [])))}
    else:
        merged["remote"] = None
    return merged


def organization_parts(value: str | dict | None) -> tuple[str, dict[str, Any]]:
    """The organisation's name and its links {url, same_as (a list), logo}, from `organization` given as a name or
    as a block."""
    if not value:
        return "", {"url": None, "same_as": [], "logo": None}
    if isinstance(value, str):
        return value, {"url": None, "same_as": [], "logo": None}
    same_as = value.get("same_as") or []
    return value["name"], {"url": value.get("url"), "same_as": [same_as] if isinstance(same_as, str) else list(same_as),
                           "logo": value.get("logo")}
