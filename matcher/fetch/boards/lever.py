"""Lever Postings API, global and EU instances, paged with skip and limit.

GET {base}/v0/postings/{site}?mode=json&skip=N&limit=M -> [{"id", "text", "categories":
  {"location", "commitment", "team", "department", "allLocations"}, "descriptionPlain",
  "lists": [{"text", "content" (HTML <li>s)}], "additionalPlain", "hostedUrl", "applyUrl",
  "workplaceType", "createdAt" (ms since 1970)}]
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from matcher.fetch.client import FetchFailed, base_url
from matcher.fetch.jobs import BoardJob, mapping

if TYPE_CHECKING:
    from matcher.fetch.boards import Wanted
    from matcher.fetch.client import BoardClient

URL_ENV = "INTERN_MATCH_LEVER_URL"
DEFAULT_URL = "https://api.lever.co"
EU_URL_ENV = "INTERN_MATCH_LEVER_EU_URL"
EU_DEFAULT_URL = "https://api.eu.lever.co"
PAGE_SIZE = 100
MAX_PAGES = 50
"""5,000 postings: more than any real board; a server that never stops paging is cut here."""


def list_jobs(client: BoardClient, site: str, wanted: Wanted) -> list[BoardJob]:
    return _list(client, "lever", site, base_url(URL_ENV, DEFAULT_URL))


def list_eu_jobs(client: BoardClient, site: str, wanted: Wanted) -> list[BoardJob]:
    return _list(client, "lever-eu", site, base_url(EU_URL_ENV, EU_DEFAULT_URL))


def _list(client: BoardClient, board: str, site: str, base: str) -> list[BoardJob]:
    jobs: list[BoardJob] = []
    for page in range(MAX_PAGES):
        answer = client.json(f"{base}/v0/postings/{quote(site)}", {"mode": "json", "skip": page * PAGE_SIZE, "limit": PAGE_SIZE})
        if not isinstance(answer, list):
            raise FetchFailed(f"{board}:{site}: the answer is not a list of postings")
        jobs += [_job(board, site, j) for j in answer if isinstance(j, dict) and j.get("id")]
        if len(answer) < PAGE_SIZE:
            break
    return jobs


def _job(board: str, site: str, job: dict[str, Any]) -> BoardJob:
    categories = mapping(job.get("categories"))
    places = categories.get("allLocations")
    places = places if isinstance(places, list) else []
    created = job.get("createdAt")
    return BoardJob.cleaned(
        board,
        site,
        job["id"],
        title=job.get("text"),
        organization=site,
        url=job.get("hostedUrl") or job.get("applyUrl"),
        locations=[categories.get("location"), *places],
        employment=categories.get("commitment") or "",
        team=categories.get("team") or categories.get("department"),
        updated_at=datetime.fromtimestamp(created / 1000, UTC).isoformat() if isinstance(created, int | float) else None,
        body=_body(job),
    )


def _body(job: dict[str, Any]) -> str:
    """The description, each list under its heading ("Requirements"), and the closing, as HTML:
    the plain parts escaped, the lists' own HTML as Lever gives it (it goes through the parser)."""
    parts = [f"<p>{html.escape(str(p))}</p>" for p in str(job.get("descriptionPlain") or "").split("\n") if p.strip()]
    for block in job.get("lists") or []:
        if isinstance(block, dict):
            parts.append(f"<h3>{html.escape(str(block.get('text') or ''))}</h3><ul>{block.get('content') or ''}</ul>")
    parts += [f"<p>{html.escape(str(p))}</p>" for p in str(job.get("additionalPlain") or "").split("\n") if p.strip()]
    return "\n".join(parts)
