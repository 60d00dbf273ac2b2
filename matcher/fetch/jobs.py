"""A job as a board gives it, made uniform: the record every board module returns, and what the
rest of fetch derives from it (the text ingest drafts from, its hash, its posting id). Board text
is untrusted: every field is cut to a bounded size and stripped of control characters here,
once, as the job is made."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from matcher.display_text import without_unsafe
from matcher.fetch.client import FetchFailed

MAX_FIELD_CHARS = 300
"""A title, organisation, place or id longer than this is not one; it is cut."""
MAX_BODY_CHARS = 200_000
"""A posting's text; real ones are 2-20 thousand characters."""
MAX_PLACES = 20

_SPACE = re.compile(r"\s+")


def one_line(value: object, limit: int = MAX_FIELD_CHARS) -> str:
    """A board's value as one line of plain text: no control characters (terminal escapes, line
    breaks that would add keys to front matter), whitespace runs as one space, at most `limit`."""
    text = "" if value is None else str(value)
    return _SPACE.sub(" ", without_unsafe(text)).strip()[:limit]


def body_text(value: object) -> str:
    """A board's posting text (HTML or plain), bounded, without control characters but line breaks."""
    text = "" if value is None else str(value)
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)[:MAX_BODY_CHARS]


def objects_under(answer: object, key: str, source: str) -> list[dict[str, Any]]:
    """The objects listed under `key` in a board's answer ({"jobs": [...]}); FetchFailed when the
    answer has no such list (the board changed, or the host is not the board)."""
    listed = answer.get(key) if isinstance(answer, dict) else None
    if not isinstance(listed, list):
        raise FetchFailed(f"{source}: the answer has no list of {key}")
    return [item for item in listed if isinstance(item, dict)]


def mapping(value: object) -> dict[str, Any]:
    """A board's object, or an empty one where the board sent something else (boards are untrusted)."""
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True, slots=True)
class BoardJob:
    """One job on a board (or one page or file), bounded and cleaned as it was made."""

    board: str
    """greenhouse, lever, lever-eu, ashby, smartrecruiters, page or file."""
    name: str
    """The board's token, site, name or company; a page's URL; a file's path."""
    board_id: str
    """The job's id on its board (a page's URL, a file's path)."""
    title: str | None
    """None when the page does not say it plainly: ingest then finds it in the text."""
    organization: str | None
    url: str | None
    """Where a person reads the posting."""
    locations: tuple[str, ...] = ()
    employment: str = ""
    """What the board says of the kind of role (commitment, employment type, experience level)."""
    team: str | None = None
    updated_at: str | None = None
    deadline: str | None = None
    """YYYY-MM-DD, when the board gives one (JSON-LD validThrough)."""
    body: str = ""
    """The posting's text, HTML or plain; empty for a job whose details were not fetched (a
    role that is not an internship, on a board that needs a request per job)."""
    problem: str | None = None
    """Why the job's text could not be fetched (its own request failed); the job is then listed
    but not drafted, and reported as failed."""

    @classmethod
    def cleaned(
        cls,
        board: str,
        name: str,
        board_id: object,
        *,
        title: object = None,
        organization: object = None,
        url: object = None,
        locations: Sequence[object] = (),
        employment: object = "",
        team: object = None,
        updated_at: object = None,
        deadline: object = None,
        body: object = "",
    ) -> BoardJob:
        """A job from a board's raw values, each bounded and stripped of control characters."""
        places = tuple(dict.fromkeys(p for p in (one_line(x) for x in locations[: MAX_PLACES * 2]) if p))[:MAX_PLACES]
        return cls(
            board=board,
            name=one_line(name),
            board_id=one_line(board_id),
            title=one_line(title) or None,
            organization=one_line(organization) or None,
            url=one_line(url, 2000) or None,
            locations=places,
            employment=one_line(employment),
            team=one_line(team) or None,
            updated_at=one_line(updated_at, 40) or None,
            deadline=one_line(deadline, 10) or None,
            body=body_text(body),
        )

    @property
    def source(self) -> str:
        """The source as written on the command line: greenhouse:acme."""
        return self.name if self.board in ("page", "file") else f"{self.board}:{self.name}"


def posting_text(job: BoardJob) -> str:
    """The text ingest drafts from: what the board states plainly as front matter (title,
    organisation, location), then the posting's own text. Front matter values are one line each,
    so a board's text cannot add keys of its own."""
    lines = ["---"]
    for key, value in (
        ("title", job.title),
        ("organization", job.organization),
        ("location", "; ".join(job.locations)),
        ("deadline", job.deadline),
    ):
        if value:
            lines.append(f"{key}: {one_line(value)}")
    lines += ["---", ""]
    return "\n".join(lines) + job.body


def content_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def slug(text: str, limit: int = 60) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:limit].strip("-")


def posting_id(job: BoardJob) -> str:
    """A readable id that stays unique on its board: organisation and title, then the job's
    own id (a long id cut, a page's or file's URL hashed)."""
    own = slug(job.board_id, 10) if job.board not in ("page", "file") else hashlib.sha256(job.board_id.encode()).hexdigest()[:8]
    words = slug(f"{job.organization or job.name} {job.title or ''}", 50) or job.board
    return f"{words}-{own}" if own else words


def identity(job: BoardJob) -> str:
    """Organisation, title and places, folded: the same posting listed twice (two boards, two
    URLs) has the same identity."""
    return "|".join(slug(part, 200) for part in (job.organization or job.name, job.title or "", ";".join(sorted(job.locations))))
