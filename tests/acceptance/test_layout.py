"""The package's layout holds (docs/architecture.md): each stage imports only from the stages before it, no module
imports itself in a circle, and no module grows past ~300 lines."""
from __future__ import annotations

import ast
from pathlib import Path

from tests.support import REPO

PACKAGE = REPO / "src" / "roledocs"
# the stages in order; a module may import from its own stage and the ones before it
STAGES = ("base", "source", "output", "rules", "check", "team", "rendering", "site", "importing", "diff", "api", "cli")
BASE = {"findings", "errors", "hints", "gcpause", "fingerprint", "version", "workers", "__main__"}


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _stage(module: str) -> str:
    top = module.split(".")[0]
    if module == "":
        return "api"
    if top in BASE:
        return "cli" if top == "__main__" else "base"
    return top


def _imports(path: Path) -> set[str]:
    """The roledocs modules a file imports (relative imports resolved), at any depth in the file."""
    module = _module(path)
    parts = module.split(".") if module else []
    package = parts if path.name == "__init__.py" else parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1] if node.level > 1 else package
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            elif node.module and node.module.startswith("roledocs"):
                target = node.module.removeprefix("roledocs").lstrip(".")
            else:
                continue
            for alias in node.names:  # `from . import schema` imports a module
                child = f"{target}.{alias.name}" if target else alias.name
                found.add(child if _exists(child) else target)
        elif isinstance(node, ast.Import):
            found |= {a.name.removeprefix("roledocs").lstrip(".") for a in node.names if a.name.startswith("roledocs")}
    return found


def _exists(module: str) -> bool:
    path = PACKAGE.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _graph() -> dict[str, set[str]]:
    return {_module(path): _imports(path) for path in PACKAGE.rglob("*.py")}


def test_no_stage_imports_from_a_later_one():
    order = {stage: index for index, stage in enumerate(STAGES)}
    wrong = sorted(f"{module} -> {target}" for module, targets in _graph().items() for target in targets
                   if order[_stage(target)] > order[_stage(module)])
    assert wrong == []


def test_no_import_cycles():
    graph = _graph()
    top_level = {module: {t for t in targets if t} for module, targets in graph.items()}
    cycles, done = [], set()

    def visit(module, trail):
        if module in trail:
            cycles.append(trail[trail.index(module):] + [module])
            return
        if module in done:
            return
        for target in sorted(top_level.get(module, ())):
            visit(target, trail + [module])
        done.add(module)

    for module in sorted(top_level):
        visit(module, [])
    # a package's __init__ importing its own modules is how Python packages work, not a cycle
    assert [c for c in cycles if not any(part == c[0].rsplit(".", 1)[0] for part in c)] == []


def test_modules_stay_small():
    sizes = {path.relative_to(PACKAGE).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
             for path in PACKAGE.rglob("*.py")}
    assert {name: lines for name, lines in sizes.items() if lines > 320} == {}


def test_the_config_schema_states_the_defaults_the_rules_declare():
    """Options live beside their rule (and the analysis thresholds beside the analysis); the schema users read in
    their editor must say the same defaults."""
    from roledocs.rules import RULES
    from roledocs.rules.registry import option_defaults
    from roledocs.source.schema import schema
    from roledocs.team.analysis import THRESHOLDS

    properties = schema("config")["properties"]
    assert {key: value["default"] for key, value in properties["quality"]["properties"].items()} == option_defaults()
    assert {key: value["default"] for key, value in properties["analysis"]["properties"].items()} == THRESHOLDS
    assert RULES["readability"].options == (("readability_min", 30), ("text_readability_min", -30))
