"""Greenhouse Job Board API: one GET gives the whole board with each job's content.

GET {base}/v1/boards/{token}/jobs?content=true ->
{"jobs": [{"id", "title", "updated_at", "location": {"name"}, "absolute_url",
  "content" (HTML, entity-escaped), "departments": [{"name"}], "offices", "metadata",
  "company_name"}], "meta": {"total"}}
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from matcher.fetch.client import base_url
from matcher.fetch.jobs import BoardJob, mapping, objects_under

if TYPE_CHECKING:
    from matcher.fetch.boards import Wanted
    from matcher.fetch.client import BoardClient

URL_ENV = "INTERN_MATCH_GREENHOUSE_URL"
DEFAULT_URL = "https://boards-api.greenhouse.io"


def list_jobs(client: BoardClient, token: str, wanted: Wanted) -> list[BoardJob]:
    answer = client.json(f"{base_url(URL_ENV, DEFAULT_URL)}/v1/boards/{quote(token)}/jobs", {"content": "true"})
    return [_job(token, j) for j in objects_under(answer, "jobs", f"greenhouse:{token}") if j.get("id") is not None]


def _job(token: str, job: dict[str, Any]) -> BoardJob:
    location = mapping(job.get("location"))
    departments = [d.get("name") for d in _dicts(job.get("departments"))]
    return BoardJob.cleaned(
        "greenhouse",
        token,
        job["id"],
        title=job.get("title"),
        organization=job.get("company_name") or token,
        url=job.get("absolute_url"),
        locations=[location.get("name")] if location else [],
        employment=" ".join(str(m.get("value")) for m in _dicts(job.get("metadata")) if _is_employment(m)),
        team=departments[0] if departments else None,
        updated_at=job.get("updated_at"),
        # The content is HTML escaped once more ("&lt;p&gt;"): unescaped here, it is HTML for ingest's parser.
        body=html.unescape(str(job.get("content") or "")),
    )


def _is_employment(field: dict[str, Any]) -> bool:
    """A custom field a board uses to say the kind of role ("Employment Type": "Intern")."""
    return isinstance(field.get("value"), str) and any(w in str(field.get("name", "")).lower() for w in ("employment", "type"))


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
