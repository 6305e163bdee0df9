"""Shared fixtures: one loaded model per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
RE3D_DEV = DATA / "re3d-dev"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def base_nlp():
    """The bare trained spaCy English pipeline (no allegiance components)."""
    from allegiance.nlp.model import load_base_model

    return load_base_model()


@pytest.fixture(scope="session")
def nlp():
    """The full allegiance pipeline (actors, quotes, relations, quantities)."""
    from allegiance.nlp.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The two founding articles (read from ../shared; they are not committed)."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the checkout")
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
