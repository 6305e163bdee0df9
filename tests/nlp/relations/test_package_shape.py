"""The relations package stays readable: small modules, short functions, a small component."""

from __future__ import annotations

import ast
from pathlib import Path

import allegiance.nlp.relations as relations_pkg

PACKAGE = Path(relations_pkg.__file__).parent
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80
MAX_COMPONENT_LINES = 200


def _modules() -> list[Path]:
    return sorted(PACKAGE.glob("*.py"))


def _functions(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            out.append((f"{path.name}:{node.name}", (node.end_lineno or node.lineno) - first + 1))
    return out


def test_the_package_is_split_into_modules():
    names = {p.stem for p in _modules()}
    assert {"component", "arguments", "modality", "attribution", "registry"} <= names
    assert len(names) >= 10


def test_no_module_is_over_the_limit():
    long = {
        p.name: n for p in _modules() if (n := len(p.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert not long, f"modules over {MAX_MODULE_LINES} lines: {long}"


def test_no_function_is_over_the_limit():
    long = [f for p in _modules() for f in _functions(p) if f[1] > MAX_FUNCTION_LINES]
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines: {long}"


def test_the_component_is_small():
    n = len((PACKAGE / "component.py").read_text().splitlines())
    assert n < MAX_COMPONENT_LINES, f"component.py has {n} lines"
