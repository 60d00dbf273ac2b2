"""The posting's facts from its page: title, organisation, places, dates (posted, start, deadline,
duration) and pay, with the lines they were read from."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import matcher.ingest.dates as dates
import matcher.ingest.metadata as metadata
import matcher.ingest.organisation as organisation
import matcher.ingest.page_places as page_places
import matcher.ingest.titles as titles
from matcher.ingest.source_lines import Page
from matcher.knowledge.text import fold
from matcher.written_dates import dates_in, years_in


def facts_of(page: Page, published: date | None, source: str = "") -> metadata.Metadata:
    lines = [line.text for line in page.lines]
    found = metadata.Metadata()
    ld = page.job_postings[0] if page.job_postings else {}
    title_index = titles.title_index(page.lines)
    title = ld.get("title") or page.front_matter.get("title")
    if title_index is not None and not title and not titles.JOB_WORDS.search(lines[title_index]):
        title = titles.page_title_part(page)  # "How to apply - Swiss Summer Program" over a heading "Target"
    if not title and title_index is not None:
        title = titles.clean_title(lines[title_index], page.lines, title_index)
        found.used.add(title_index)
    elif title and title_index is not None and fold(lines[title_index]) == fold(str(title)):
        found.used.add(title_index)
    title = str(title or titles.page_title_part(page) or (page.title or (lines[0] if lines else "posting")).split(" | ")[0])
    if titles.reads_as_prose(title):  # a page that opens on prose: the job its hiring sentence names
        title = titles.hired_as(lines) or title
    found.fields["title"] = titles.clean_title(title, [], None)
    employer, org_index = organisation.organisation_in(page, lines, title_index, source)
    found.fields["organization"] = employer
    if org_index is not None:
        found.used.add(org_index)
    places = page_places.places_of(page, lines, title_index, found)
    if places:
        found.fields["location"] = places
    _dates(page, lines, ld, published, found)
    pay = metadata.json_ld_pay(ld) if ld else None
    written = metadata.pay_in(lines)
    if written:
        found.used |= written[1]
    if pay or written:
        found.fields["pay"] = pay or written[0]  # type: ignore[index]
    return found


POSTED = re.compile(r"\b(posted|published|date posted)\b", re.IGNORECASE)


def _dates(page: Page, lines: list[str], ld: dict[str, Any], published: date | None, found: metadata.Metadata) -> None:
    years = years_in("\n".join(lines))
    if published is None and ld.get("datePosted"):
        published = _iso(str(ld["datePosted"]))
    for index, line in enumerate(lines[:12]):
        if POSTED.search(line) and (written := dates_in(line)) and written[0].year:
            published = published or written[0].on(written[0].year or 0)
            found.used.add(index)
    start = dates.start_in(lines, published, years)
    if start is not None:
        found.fields["start"] = start[0].isoformat()[:7] if not _day_written(lines[start[1]]) else start[0].isoformat()
        found.used.add(start[1])
    deadline = dates.deadline_in(lines, published, start[0] if start else None, years)
    if deadline is not None:
        found.fields["deadline"] = deadline[0].isoformat()
        found.used.add(deadline[1])
    elif ld.get("validThrough") and (through := _iso(str(ld["validThrough"]))):
        found.fields["deadline"] = through.isoformat()
    weeks = dates.weeks_in(lines)
    if weeks is not None:
        found.fields["duration_weeks"] = weeks[0]
        found.used.add(weeks[1])
    elif start is not None and start[2] is not None and start[2] > start[0]:
        found.fields["duration_weeks"] = round((start[2] - start[0]).days / 7)


def _day_written(line: str) -> bool:
    return any(d.day is not None for d in dates_in(line))


def _iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None
