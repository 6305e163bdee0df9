"""The construction examples in docs/relations.md run and do what they say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import allegiance.nlp.pipeline as pipeline

DOC = Path(__file__).resolve().parents[3] / "docs" / "relations.md"


@pytest.fixture
def fresh_pipeline(monkeypatch):
    """The examples change the pipeline they build: give them their own, not the cached one
    the other tests share."""
    monkeypatch.setattr(pipeline, "build_pipeline", pipeline.build_pipeline.__wrapped__)


def _python_blocks(after_heading: str) -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index(after_heading) :]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


def test_the_worked_example_adds_a_construction_that_names_itself(capsys, fresh_pipeline):
    code = _python_blocks("### Worked example")[0]
    namespace: dict[str, object] = {}
    exec(compile(code, str(DOC), "exec"), namespace)
    doc = namespace["doc"]
    mine = [r for r in doc._.relations if r.construction == "mine.relations.versus.v1"]
    assert [(r.source.actor_id, r.category, r.target.actor_id) for r in mine] == [
        ("IRN", "OPPOSE", "SAU")
    ]
    assert "mine.relations.versus.v1" in capsys.readouterr().out


def test_the_switch_off_example_leaves_the_construction_out(nlp, fresh_pipeline):
    code = _python_blocks("## Constructions")[0]
    namespace: dict[str, object] = {}
    exec(compile(code, str(DOC), "exec"), namespace)
    switched = namespace["nlp"]
    text = (
        "With the recent deployment of more than 600 troops, the U.S. has nearly 5,000 men "
        "and women on Iraqi soil and some 200 advisers deployed alongside Iraqi and Kurdish "
        "soldiers."
    )
    assert "allegiance.relations.preposition.v1" in {r.construction for r in nlp(text)._.relations}
    names = {r.construction for r in switched(text)._.relations}
    assert "allegiance.relations.preposition.v1" not in names
