"""Imports in the relations package go one way: the component reads the rule modules, and they
know the component only as the ``Resources`` protocol of a leaf module."""

from __future__ import annotations

import ast
from pathlib import Path

import allegiance.nlp.relations as relations_pkg
from allegiance.nlp.relations.resources import Resources

PACKAGE = Path(relations_pkg.__file__).parent


def _relative_imports(path: Path) -> set[str]:
    """The package modules a module imports relatively (anywhere, TYPE_CHECKING too)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                out.add(node.module.split(".")[0])
            else:
                out.update(a.name for a in node.names)
    return out


def test_no_module_but_the_package_imports_the_component() -> None:
    importers = {
        p.stem
        for p in PACKAGE.glob("*.py")
        if p.stem not in ("__init__", "component") and "component" in _relative_imports(p)
    }
    assert importers == set()


def test_resources_is_a_leaf() -> None:
    assert _relative_imports(PACKAGE / "resources.py") == set()


def test_the_component_provides_every_resource_a_run_reads(nlp) -> None:
    component = nlp.get_pipe("allegiance_relations")
    members = [name for name, value in vars(Resources).items() if isinstance(value, property)]
    assert {"lexicon", "references", "patterns_by_first", "disabled"} <= set(members)
    assert "kb" not in members  # the knowledge base is the actor component's alone
    assert [m for m in members if not hasattr(component, m)] == []
