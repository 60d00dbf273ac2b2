"""Build matcher/knowledge/venues.yaml from the openly licensed reference data in ../shared/data.

Run from the repository root:  python tools/build_venues.py [SHARED_DATA_DIR]

Inputs: ccfrank4dblp (acronyms, full names, DBLP keys; MIT), huggingface ai-deadlines (full names,
area tags; MIT) and tools/venue_overlay.yaml (our aliases, areas and extra venues). The output is
deterministic so the generated file diffs cleanly.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "matcher" / "knowledge" / "venues.yaml"
OVERLAY = ROOT / "tools" / "venue_overlay.yaml"

# ai-deadlines tags -> our area codes.
TAG_AREAS = {
    "machine-learning": "ml",
    "machine learning": "ml",
    "deep learning": "ml",
    "computer-vision": "cv",
    "computer vision": "cv",
    "image-processing": "cv",
    "natural-language-processing": "nlp",
    "large-language-models": "nlp",
    "speech": "speech",
    "signal-processing": "speech",
    "robotics": "robotics",
    "human-computer-interaction": "hci",
    "computer-graphics": "graphics",
    "data-mining": "dm",
    "web-search": "ir",
    "information-retrieval": "ir",
}

# Keyword guesses from a venue's full name, used only where neither the overlay nor
# ai-deadlines names the areas. Order matters little: every matching rule adds its area.
NAME_AREAS = [
    (r"machine learning|neural|learning representations|learning theory", "ml"),
    (r"artificial intelligence|intelligent systems|autonomous agents", "ai"),
    (r"computer vision|pattern recognition|image|visual|video|multimedia", "cv"),
    (r"linguistic|language processing|natural language|computational linguistics", "nlp"),
    (r"speech|acoustic|signal processing|audio", "speech"),
    (r"robot|automation", "robotics"),
    (r"operating system|distributed|cloud|file and storage|storage|middleware|systems principles", "systems"),
    (r"architecture|microarchitecture|hardware|circuits|design automation|vlsi|embedded|fpga|reconfigurable", "arch"),
    (r"secur|privacy|cryptolog|crypto", "security"),
    (r"database|data management|very large data bases|data engineering", "db"),
    (r"data mining|knowledge discovery", "dm"),
    (r"information retrieval|web|search", "ir"),
    (r"human|interaction|interactive|user interface|ubiquitous|cscw|accessib", "hci"),
    (r"graphics|visualization|animation|geometry processing", "graphics"),
    (r"theory|algorithms|computational complexity|automata|logic in computer", "theory"),
    (r"programming language|compiler|program analysis", "pl"),
    (r"software engineering|software", "se"),
    (r"network|communication|mobile|wireless|internet", "networks"),
    (r"medical|medicine|health|clinical|biomedical|radiolog", "health"),
    (r"bioinformatic|computational biology|molecular", "bio"),
    (r"supercomputing|high performance computing|parallel", "hpc"),
]


def guess_areas(name: str) -> list[str]:
    lowered = name.lower()
    return sorted({area for pattern, area in NAME_AREAS if re.search(pattern, lowered)})


def build(shared_data: Path) -> dict[str, Any]:
    overlay = yaml.safe_load(OVERLAY.read_text(encoding="utf-8"))
    ccf = json.loads((shared_data / "ccfrank4dblp" / "ccf_dblp_venues.json").read_text("utf-8"))
    venues: dict[str, dict[str, Any]] = {}

    for row in ccf["venues"]:
        acronym = row["abbr"].strip() or row["full_name"].strip()
        rank = row["ccf_rank"].strip()
        if rank == "P":
            continue  # arXiv: added by the overlay as a preprint server, never a main venue
        entry = venues.setdefault(
            acronym,
            {
                "acronym": acronym,
                "name": row["full_name"].strip(),
                "names": [],
                "aliases": [],
                "dblp": row["dblp_url"],
                "type": row["type"],
                "areas": [],
                "ccf": rank,
            },
        )
        if row["dblp_prefixes"] and entry["dblp"] != row["dblp_url"]:
            entry["dblp"] = row["dblp_url"]  # prefer the stream DBLP files papers under
        if row["full_name"].strip() not in (entry["name"], *entry["names"]):
            entry["names"].append(row["full_name"].strip())

    for path in sorted((shared_data / "ai-deadlines-hf" / "conferences").glob("*.yml")):
        editions = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        if not editions or "track" in path.stem:
            continue  # industry and demo tracks are not the main venue
        first = editions[0]
        acronym = str(first["title"]).strip()
        entry = venues.setdefault(
            acronym,
            {
                "acronym": acronym,
                "name": str(first.get("full_name", acronym)).strip(),
                "names": [],
                "aliases": [],
                "dblp": None,
                "type": "conference",
                "areas": [],
                "ccf": None,
            },
        )
        full_name = re.sub(r"^The (\d+\w* )?", "", str(first.get("full_name", ""))).strip()
        if full_name and full_name not in (entry["name"], *entry["names"]):
            entry["names"].append(full_name)
        tags = {TAG_AREAS[t] for t in first.get("tags") or [] if t in TAG_AREAS}
        entry["areas"] = sorted(set(entry["areas"]) | tags)

    for acronym, extra in (overlay.get("venues") or {}).items():
        entry = venues.get(acronym)
        if entry is None:
            continue
        if extra.get("acronym"):  # the name people use differs from the source's
            entry = venues.pop(acronym)
            entry["acronym"] = extra["acronym"]
            venues[extra["acronym"]] = entry
        entry["aliases"] = sorted(set(entry["aliases"]) | set(extra.get("aliases", [])))
        for name in extra.get("names", []):
            if name not in (entry["name"], *entry["names"]):
                entry["names"].append(name)
        if "areas" in extra:
            entry["areas"] = sorted(extra["areas"])

    for extra in overlay.get("extra") or []:
        same_name = [k for k, v in venues.items() if v["name"].lower() == extra["name"].lower()]
        for key in same_name:  # a source entry under another acronym: adopt ours
            entry = venues.pop(key)
            entry["acronym"] = extra["acronym"]
            venues.setdefault(extra["acronym"], entry)
        entry = venues.setdefault(
            extra["acronym"],
            {
                "acronym": extra["acronym"],
                "name": extra["name"],
                "names": [],
                "aliases": [],
                "dblp": None,
                "type": extra["type"],
                "areas": [],
                "ccf": None,
            },
        )
        entry["aliases"] = sorted(set(entry["aliases"]) | set(extra.get("aliases", [])))
        entry["names"] = sorted(set(entry["names"]) | set(extra.get("names", [])))
        entry["areas"] = sorted(extra["areas"])
        entry["type"] = extra["type"]

    for entry in venues.values():
        if not entry["areas"] and entry["type"] != "preprint":
            entry["areas"] = guess_areas(" ".join([entry["name"], *entry["names"]]))
        entry["names"].sort()

    return {
        "areas": overlay["areas"],
        "exemplars": overlay["exemplars"],
        "venues": sorted(venues.values(), key=lambda v: v["acronym"].lower()),
    }


HEADER = """\
# Venue catalogue of intern-match. GENERATED by tools/build_venues.py: edit
# tools/venue_overlay.yaml and re-run it, do not edit this file by hand.
#
# Derived from openly licensed data:
# - CCFrank4dblp (github.com/WenyanLiu/CCFrank4dblp @ 2bc8b00), MIT licence,
#   Copyright (c) WenyanLiu: acronyms, full names, DBLP keys, CCF ranks.
# - ai-deadlines (github.com/huggingface/ai-deadlines @ de9f41b), MIT licence,
#   Copyright (c) Hugging Face: full names and area tags.
# DBLP metadata is CC0. `areas` are ours (overlay, tags, or a keyword guess from the name).
"""


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    catalogue = build(shared)
    text = HEADER + yaml.safe_dump(catalogue, sort_keys=False, allow_unicode=True, width=120)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {len(catalogue['venues'])} venues to {OUTPUT.relative_to(ROOT)}")
    import build_indexes  # beside this script

    build_indexes.main()


if __name__ == "__main__":
    main()
