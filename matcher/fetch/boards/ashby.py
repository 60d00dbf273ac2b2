"""Ashby posting API: one GET gives the whole board (no paging).

GET {base}/posting-api/job-board/{name}?includeCompensation=true -> {"jobs": [{"id", "title",
  "location", "secondaryLocations": [{"location"}], "department", "team", "isListed",
  "isRemote", "descriptionHtml", "descriptionPlain", "publishedAt", "employmentType",
  "jobUrl", "applyUrl"}]}
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from matcher.fetch.client import base_url
from matcher.fetch.jobs import BoardJob, objects_under

if TYPE_CHECKING:
    from matcher.fetch.boards import Wanted
    from matcher.fetch.client import BoardClient

URL_ENV = "INTERN_MATCH_ASHBY_URL"
DEFAULT_URL = "https://api.ashbyhq.com"


def list_jobs(client: BoardClient, name: str, wanted: Wanted) -> list[BoardJob]:
    answer = client.json(f"{base_url(URL_ENV, DEFAULT_URL)}/posting-api/job-board/{quote(name)}", {"includeCompensation": "true"})
    # An unlisted job is reachable by its link only; the company does not publish it on the board.
    return [_job(name, j) for j in objects_under(answer, "jobs", f"ashby:{name}") if j.get("isListed", True) is not False]


def _job(name: str, job: dict[str, Any]) -> BoardJob:
    secondary = [s.get("location") for s in job.get("secondaryLocations") or [] if isinstance(s, dict)]
    return BoardJob.cleaned(
        "ashby",
        name,
        job.get("id") or job.get("jobUrl") or job.get("title"),
        title=job.get("title"),
        organization=name,
        url=job.get("jobUrl") or job.get("applyUrl"),
        locations=[job.get("location"), *secondary, *(["Remote"] if job.get("isRemote") else [])],
        employment=job.get("employmentType") or "",
        team=job.get("team") or job.get("department"),
        updated_at=job.get("publishedAt"),
        body=job.get("descriptionHtml") or job.get("descriptionPlain") or "",
    )
