"""Shared fixtures: the bundled postings and profiles, and builders for small test inputs."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from matcher.folders import bundled_postings_dir, load_postings
from matcher.loading import posting_from_yaml, profile_from_yaml
from matcher.models import Judgement, Posting, Profile
from matcher.positioned import parse_yaml

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "profiles"
TODAY = date(2026, 11, 23)
"""Fixed so research years derived from ongoing roles do not drift."""


def load_tool(name: str):
    """A script of tools/ as a module, so tests measure with the very code the script runs."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[name] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def profile_from(text: str, path: str = "profile.yaml") -> Profile:
    return profile_from_yaml(parse_yaml(textwrap.dedent(text), path), path)


def posting_from(text: str, path: str = "posting.yaml") -> Posting:
    return posting_from_yaml(parse_yaml(textwrap.dedent(text), path), path)


def drafted(text: str, published: date | None = None) -> Posting:
    """What `ingest` drafts from a posting's text, read back as a posting file."""
    from matcher.ingest import draft_posting

    return posting_from_yaml(draft_posting(text, "test", published=published).posting, "t.yaml")


def judged(qualification: str, profile: str) -> Judgement:
    """How one required qualification (a posting file's YAML item) stands against a profile (YAML)."""
    from matcher.scoring import score_posting

    posting = posting_from(f"title: T\norganization: O\nrequired:\n  - {qualification}\n")
    return score_posting(posting, profile_from(profile), TODAY).results[0].judgement


@pytest.fixture(scope="session")
def bundled() -> dict[str, Posting]:
    loaded = load_postings(bundled_postings_dir())
    assert not loaded.skipped, loaded.skipped
    return {p.id: p for p in loaded.postings}


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory):
    """Tests never touch the user's own cache folder (subprocesses inherit this too)."""
    import os

    previous = os.environ.get("INTERN_MATCH_CACHE_DIR")
    os.environ["INTERN_MATCH_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        os.environ.pop("INTERN_MATCH_CACHE_DIR", None)
    else:
        os.environ["INTERN_MATCH_CACHE_DIR"] = previous
