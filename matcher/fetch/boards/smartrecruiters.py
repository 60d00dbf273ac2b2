"""SmartRecruiters Posting API: the list pages with offset and limit (at most 100), and each
posting's text needs a request of its own, so only the jobs wanted have their text fetched (one
that fails leaves that job undrafted and reported, the rest of the board fetched).

GET {base}/v1/companies/{company}/postings?limit=100&offset=N -> {"offset", "limit",
  "totalFound", "content": [{"id", "name", "company": {"name"}, "releasedDate", "location":
  {"city", "region", "country", "remote"}, "typeOfEmployment": {"label"}, "experienceLevel":
  {"label"}, "department": {"label"}}]}
GET {base}/v1/companies/{company}/postings/{id} -> {..., "postingUrl", "jobAd": {"sections":
  {"companyDescription", "jobDescription", "qualifications", "additionalInformation":
  {"title", "text" (HTML)}}}}
"""

from __future__ import annotations

import html
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from matcher.fetch.client import REQUESTS_PER_HOST, FetchFailed, base_url
from matcher.fetch.jobs import BoardJob, body_text, mapping, objects_under, one_line

if TYPE_CHECKING:
    from matcher.fetch.boards import Wanted
    from matcher.fetch.client import BoardClient

URL_ENV = "INTERN_MATCH_SMARTRECRUITERS_URL"
DEFAULT_URL = "https://api.smartrecruiters.com"
PAGE_SIZE = 100
MAX_PAGES = 50
SECTIONS = ("jobDescription", "qualifications", "additionalInformation", "companyDescription")
"""The job's own sections first: the company's description is the same on every posting."""


def list_jobs(client: BoardClient, company: str, wanted: Wanted) -> list[BoardJob]:
    postings = f"{base_url(URL_ENV, DEFAULT_URL)}/v1/companies/{quote(company)}/postings"
    listed: list[BoardJob] = []
    for page in range(MAX_PAGES):
        answer = client.json(postings, {"limit": PAGE_SIZE, "offset": page * PAGE_SIZE})
        content = objects_under(answer, "content", f"smartrecruiters:{company}")
        listed += [_job(company, j) for j in content if j.get("id")]
        total = answer.get("totalFound")
        if not content or len(content) < PAGE_SIZE or (isinstance(total, int) and len(listed) >= total):
            break

    def detailed(job: BoardJob) -> BoardJob:
        """The job with its text; one posting whose details fail is reported alone, not the board."""
        try:
            details = client.json(f"{postings}/{quote(job.board_id)}")
        except FetchFailed as error:
            return replace(job, problem=f"its details could not be fetched: {error}")
        return _with_details(job, mapping(details))

    with ThreadPoolExecutor(max_workers=REQUESTS_PER_HOST) as pool:
        chosen = {job.board_id: job for job in pool.map(detailed, [j for j in listed if wanted(j)])}
    return [chosen.get(job.board_id, job) for job in listed]


def _job(company: str, job: dict[str, Any]) -> BoardJob:
    place = mapping(job.get("location"))
    where = ", ".join(str(place[k]) for k in ("city", "region", "country") if place.get(k))
    return BoardJob.cleaned(
        "smartrecruiters",
        company,
        job["id"],
        title=job.get("name"),
        organization=_label(job.get("company"), "name") or company,
        locations=[where, *(["Remote"] if place.get("remote") else [])],
        employment=" ".join(_label(job.get(k), "label") for k in ("typeOfEmployment", "experienceLevel")),
        team=_label(job.get("department"), "label") or None,
        updated_at=job.get("releasedDate"),
    )


def _with_details(job: BoardJob, details: dict[str, Any]) -> BoardJob:
    sections = mapping(mapping(details.get("jobAd")).get("sections"))
    parts = []
    for key in SECTIONS:
        section = sections.get(key)
        if isinstance(section, dict) and section.get("text"):
            parts.append(f"<h3>{html.escape(str(section.get('title') or ''))}</h3>\n{section['text']}")
    return replace(job, url=one_line(details.get("postingUrl"), 2000) or job.url, body=body_text("\n".join(parts)))


def _label(value: Any, key: str) -> str:
    return str(value.get(key) or "") if isinstance(value, dict) else ""
