"""What intern-match knows about how researchers write things: venues, skills, fields, places.

The catalogues are data files beside this module; the functions here normalise names against them.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import yaml

SAFE_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's C loader when PyYAML was built with it; safe loading either way."""
SAFE_DUMPER: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def read_data_file(name: str) -> Any:
    """Parse one of the bundled catalogue files (trusted, shipped with the package)."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - SAFE_LOADER is a safe loader


def read_index_file(name: str) -> Any | None:
    """A catalogue's index: what its class builds from the YAML file, written as JSON beside it
    by a tool (tools/build_indexes.py), so that a run loads it instead of parsing
    and folding the YAML (docs/performance.md). None in a checkout without it."""
    index = resources.files(__name__).joinpath(name)
    return json.loads(index.read_text(encoding="utf-8")) if index.is_file() else None
