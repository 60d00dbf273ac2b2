"""Write the catalogues' indexes, matcher/knowledge/*.index.json, from their YAML files.

Run from the repository root after editing terms.yaml or venues.yaml:  python tools/build_indexes.py

An index holds what a catalogue's class builds from its YAML (every name folded, every alias
resolved), so that a run loads it as JSON in a millisecond. It keeps the YAML's order, unsorted:
the order of names decides ties in fuzzy matching. A test fails while a shipped index is not
exactly what its YAML builds, in that order too.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "matcher" / "knowledge"


def indexes() -> dict[str, dict]:
    """Index file name -> its content, built from the YAML files as they are now."""
    sys.path.insert(0, str(ROOT))
    from matcher.knowledge import read_data_file, terms, venues

    return {
        terms.INDEX_FILE: terms.TermCatalogue(read_data_file("terms.yaml")).to_index(),
        venues.INDEX_FILE: venues.VenueCatalogue(read_data_file("venues.yaml")).to_index(),
    }


def main() -> None:
    for name, index in indexes().items():
        path = KNOWLEDGE / name
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote the index {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
