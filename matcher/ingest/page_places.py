"""Where a posting is: its places from the page's JSON-LD, facts lines, byline, header and prose, and
whether it is remote or hybrid (the format keeps remote as a place, "Remote" or "Remote (US)")."""

from __future__ import annotations

import re

import matcher.ingest.metadata as metadata
import matcher.ingest.organisation as organisation
from matcher.ingest.source_lines import Page
from matcher.written_dates import dates_in

REMOTE_OPTION = re.compile(
    r"\b(remote option|work remotely|on-?site or remote|remote or on-?site|fully remote|remote-friendly|remote work)\b", re.I
)
LOCATION_FACT = re.compile(r"^(?:-\s*)?(?:job\s+|available\s+|office\s+|work\s+)?locations?(?:\s+type)?\s*:\s*(.+)$", re.I)


LOCATIONS_FOLLOW = re.compile(r"\blocations?\b[^.]{0,40}:\s*$", re.IGNORECASE)
"""A line that ends by announcing the places on the next one."""


def places_of(page: Page, lines: list[str], title_index: int | None, found: metadata.Metadata) -> list[str]:
    """The places of the posting, in order of trust: JSON-LD and facts lines ("Location: ..."), the
    byline and short lines under the title, a line that is only a place lower in the header, a place
    in brackets on the first line, places said in prose, a city in the title; and "Remote" from a
    remote option anywhere. Marks the lines it used, and the work mode, in `found`."""
    places: list[str] = []
    for posting in page.job_postings:
        places += metadata._json_ld_places(posting)
    for index, line in enumerate(lines):
        fact = LOCATION_FACT.match(line)
        if fact and (listed := metadata.places_in(fact.group(1))):
            places += listed
            found.used.add(index)
        elif LOCATIONS_FOLLOW.search(line) and index + 1 < len(lines) and (listed := metadata.places_in(lines[index + 1])):
            places += listed  # "... your preferred working location from the following:" / "Munich, Germany; Berlin, Germany."
            found.used |= {index, index + 1}
    start = title_index if title_index is not None else 0
    if not places:  # the byline and short lines under the title: "Meta · Bellevue, WA", "Munich, Germany"
        for index in range(start, min(start + 6, len(lines))):
            if len(lines[index]) < 120 and not dates_in(lines[index]) or "·" in lines[index]:
                said = metadata.prose_places(lines[index])  # a sentence under the title, not a byline
                glued = organisation.glued_byline(lines[index])  # "AcmeNew York, NY"
                said = said or (metadata.places_in(glued[1]) if glued else [])
                bracket = re.search(r"\(([^()]+)\)\s*$", lines[index]) if index != start else None
                said = said or (metadata.places_in(bracket.group(1)) if bracket else [])  # "Acme Labs (Boston, MA)"
                listed = said or [p for p in metadata.places_in(lines[index]) if index != start or p.startswith("Remote")]
                if index == start:  # "... 2026 Beijing", "(Edinburgh)", "- Remote", "in Cambridge": a place ending the title
                    tail = re.search(r"(?:[-–,(]\s*|\d{4}\s+|\s(?:in|at)\s+)([A-Z][\w ]+?)\)?\s*$", lines[index].split(" | ")[0])
                    listed += metadata.places_in(tail.group(1)) if tail else []
                if listed:
                    places += listed
                    found.used.add(index)
    if not places:  # a line that is only a place just above the title: "Veldhoven, Netherlands" / "6 days ago" / title
        for index in range(max(0, start - 2), start):
            if (place := metadata.normalise_place(lines[index])) and not lines[index].startswith("- "):
                places.append(place)
                found.used.add(index)
    if not places:  # a line that is only a place, further down the page's header (a board's facts, one a line)
        header_end = next((i for i in range(start, len(lines)) if len(lines[i]) >= 120), len(lines))
        for index in range(start + 6, min(header_end, start + 15)):
            if (place := metadata.normalise_place(lines[index])) and not lines[index].startswith("- "):
                places.append(place)
                found.used.add(index)
    if not places and lines:  # "Research Intern at Acme (Zurich, Switzerland). We are ..."
        places += [p for c in re.findall(r"\(([^()]{3,60})\)", lines[0][:400]) for p in metadata.places_in(c) if "," in c]
    if not places:  # "located in one of the following areas: ...", "offices in Tokyo and Kyoto"
        for index, line in enumerate(lines):
            if said := metadata.prose_places(line) or metadata.site_places(line):
                places += said
                found.used.add(index)
    if not places and title_index is not None:  # "Computation and Cognition Tübingen Summer Internship"
        places += metadata.cities_named(lines[title_index])
    for index, line in enumerate(lines):
        if REMOTE_OPTION.search(line) and "Remote" not in places and not any(p.startswith("Remote") for p in places):
            places.append("Remote")
            found.used.add(index)
        if metadata.hybrid_words().search(line) and len(line) < 120:
            found.work_mode = "hybrid"
    if any(p.startswith("Remote (") for p in places):
        places = [p for p in places if p != "Remote"]
    if any(p.startswith("Remote") for p in places):
        found.work_mode = "remote"
    return metadata.without_country_repeats(list(dict.fromkeys(places)))
