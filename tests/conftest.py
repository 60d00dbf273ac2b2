"""Shared fixtures: the bundled postings and profiles, and builders for small test inputs."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from matcher.loading import bundled_postings_dir, load_postings, parse_yaml, posting_from_yaml, profile_from_yaml
from matcher.models import Posting, Profile

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "profiles"
TODAY = date(2026, 11, 23)
"""Fixed so research years derived from ongoing roles do not drift."""


def profile_from(text: str, path: str = "profile.yaml") -> Profile:
    return profile_from_yaml(parse_yaml(textwrap.dedent(text), path), path)


def posting_from(text: str, path: str = "posting.yaml") -> Posting:
    return posting_from_yaml(parse_yaml(textwrap.dedent(text), path), path)


@pytest.fixture(scope="session")
def bundled() -> dict[str, Posting]:
    loaded = load_postings(bundled_postings_dir())
    assert not loaded.skipped, loaded.skipped
    return {p.id: p for p in loaded.postings}
