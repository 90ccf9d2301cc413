"""The schema.org vocabulary as a lookup of types and properties, and a check of JSON-LD nodes against it: every
type exists, every property exists and belongs to its node's type, every nested node fits the property's range."""
from __future__ import annotations

from dataclasses import dataclass

SCHEMA_CONTEXTS = {"https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/"}


def _list(value) -> list:
    """A JSON-LD value as a list (one value or several)."""
    return value if isinstance(value, list) else [] if value is None else [value]


def _ids(value) -> list[str]:
    """The schema.org names in a JSON-LD reference or list of references ({'@id': 'schema:Place'} -> 'Place')."""
    return [item["@id"].removeprefix("schema:") for item in _list(value)
            if isinstance(item, dict) and item.get("@id", "").startswith("schema:")]


@dataclass(frozen=True)
class Problem:
    """One thing schema.org does not define: kind is 'context', 'type', 'property', 'domain' or 'range'."""

    kind: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where or '(top)'}: {self.message}"


class SchemaOrg:
    """One release of schema.org (its current terms, core and pending, without the attic), read from its published
    JSON-LD graph."""

    def __init__(self, graph: list[dict], release: str) -> None:
        self.release = release
        self.types: dict[str, list[str]] = {}  # type -> direct supertypes
        self.properties: dict[str, tuple[set[str], set[str]]] = {}  # property -> (domain, range)
        for node in graph:
            name = node["@id"].removeprefix("schema:")
            kinds = _list(node["@type"])
            if "rdfs:Class" in kinds:
                self.types[name] = _ids(node.get("rdfs:subClassOf"))
            elif "rdf:Property" in kinds:
                self.properties[name] = (set(_ids(node.get("schema:domainIncludes"))),
                                         set(_ids(node.get("schema:rangeIncludes"))))

    def ancestors(self, name: str) -> set[str]:
        """The type and every type it is a kind of."""
        seen, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(self.types.get(current, []))
        return seen

    def problems(self, node, where: str = "") -> list[Problem]:
        """What schema.org does not define in a JSON-LD value: unknown types and properties,
        properties used on a type they do not belong to, nested nodes of a type outside the property's range."""
        if isinstance(node, list):
            return [problem for index, item in enumerate(node) for problem in self.problems(item, f"{where}[{index}]")]
        if not isinstance(node, dict):
            return []
        found = []
        context = node.get("@context")
        if context is not None and context not in SCHEMA_CONTEXTS:
            found.append(Problem("context", where, f"@context {context!r} is not schema.org"))
        types = _list(node.get("@type"))
        for name in types:
            if name not in self.types:
                found.append(Problem("type", where, f"@type {name!r} is not a schema.org type"))
        lineage = set().union(*(self.ancestors(name) for name in types)) if types else set()
        for key, value in node.items():
            if key.startswith("@"):
                continue
            place = f"{where}.{key}" if where else key
            found.extend(self._property_problems(key, value, place, types, lineage))
            found.extend(self.problems(value, place))
        return found

    def _property_problems(self, key: str, value, place: str, types: list[str], lineage: set[str]) -> list[Problem]:
        if key not in self.properties:
            return [Problem("property", place, f"{key!r} is not a schema.org property")]
        domain, range_ = self.properties[key]
        if types and not lineage & domain:
            return [Problem("domain", place, f"{key!r} is not a property of {'/'.join(types)} (schema.org "
                            f"{self.release} gives it to {', '.join(sorted(domain))})")]
        found = []
        for item in _list(value):
            if isinstance(item, dict) and "@type" in item:
                kinds = _list(item["@type"])
                if not any(self.ancestors(kind) & range_ for kind in kinds):
                    found.append(Problem("range", place, f"a {'/'.join(kinds)} is not a value of {key!r} "
                                         f"(expects {', '.join(sorted(range_))})"))
        return found
