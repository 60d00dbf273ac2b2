"""A posting page (https://...) or a saved file (.html, .txt, .md): one posting each. A page
that carries schema.org JobPosting JSON-LD gives its title, organisation, places, deadline and
text from there; otherwise its HTML goes to ingest, which reads it through an HTML parser."""

from __future__ import annotations

import html
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

from matcher.fetch.client import MAX_RESPONSE_BYTES, FetchFailed
from matcher.fetch.jobs import BoardJob

if TYPE_CHECKING:
    from matcher.fetch.client import BoardClient


def page_job(client: BoardClient, url: str) -> BoardJob:
    return _job("page", url, url, client.text(url))


def file_job(path: str) -> BoardJob:
    file = Path(path)
    try:
        if file.stat().st_size > MAX_RESPONSE_BYTES:
            raise FetchFailed(f"{path}: larger than {MAX_RESPONSE_BYTES // 2**20} MB")
        text = file.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        raise FetchFailed(f"{path}: {error.strerror or 'cannot be read'}") from None
    return _job("file", path, path, text)


def _job(board: str, name: str, url: str, text: str) -> BoardJob:
    posting = job_posting_ld(text) if "ld+json" in text else None
    if posting is None:
        return BoardJob.cleaned(board, name, name, url=url, body=text)
    place = [_place(p) for p in _listed(posting.get("jobLocation"))]
    if str(posting.get("jobLocationType", "")).upper() == "TELECOMMUTE":
        place.append("Remote")
    organization = posting.get("hiringOrganization")
    return BoardJob.cleaned(
        board,
        name,
        name,
        title=posting.get("title"),
        organization=organization.get("name") if isinstance(organization, dict) else organization,
        url=posting.get("url") or url,
        locations=place,
        employment=" ".join(str(e) for e in _listed(posting.get("employmentType"))),
        updated_at=posting.get("datePosted"),
        deadline=str(posting.get("validThrough") or "")[:10],
        body=_description(posting.get("description")),
    )


def _description(value: Any) -> str:
    """JSON-LD descriptions are HTML, sometimes escaped once more ("&lt;p&gt;")."""
    text = str(value or "")
    return html.unescape(text) if "<" not in text and "&lt;" in text else text


def job_posting_ld(page: str) -> dict[str, Any] | None:
    """The page's first schema.org JobPosting, from its JSON-LD scripts (also inside @graph or a list)."""
    scripts = _LinkedData()
    scripts.feed(page)
    scripts.close()
    for block in scripts.blocks:
        try:
            document = json.loads(block)
        except ValueError:
            continue
        for item in _items(document):
            kinds = item.get("@type")
            if kinds == "JobPosting" or (isinstance(kinds, list) and "JobPosting" in kinds):
                return item
    return None


class _LinkedData(HTMLParser):
    """Collects the text of <script type="application/ld+json"> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._inside = tag == "script" and any(
            k == "type" and (v or "").strip().lower() == "application/ld+json" for k, v in attrs
        )
        if self._inside:
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.blocks[-1] += data


def _items(document: Any) -> list[dict[str, Any]]:
    if isinstance(document, list):
        return [i for d in document for i in _items(d)]
    if not isinstance(document, dict):
        return []
    return [document, *(_items(document["@graph"]) if "@graph" in document else [])]


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _place(location: Any) -> str:
    """A schema.org Place as "City, Region, Country"."""
    address = location.get("address") if isinstance(location, dict) else None
    if isinstance(address, str):
        return address
    if not isinstance(address, dict):
        return ""
    country = address.get("addressCountry")
    country = country.get("name") if isinstance(country, dict) else country
    return ", ".join(str(p) for p in (address.get("addressLocality"), address.get("addressRegion"), country) if p)
