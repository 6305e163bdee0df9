"""The examples in the package's docstrings run, and give what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import allegiance


def _modules() -> list[str]:
    names = [allegiance.__name__]
    for info in pkgutil.walk_packages(allegiance.__path__, prefix=f"{allegiance.__name__}."):
        names.append(info.name)
    return sorted(names)


def _with_examples() -> list[str]:
    found = []
    for name in _modules():
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a module of an optional extra that is not installed
            if (exc.name or "").startswith(allegiance.__name__):
                raise
            continue
        if any(t.examples for t in doctest.DocTestFinder().find(module)):
            found.append(name)
    return found


MODULES = _with_examples()


def test_the_package_has_docstring_examples() -> None:
    # a guard against the finder silently finding nothing (a renamed package, a broken walk)
    assert len(MODULES) >= 10


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
