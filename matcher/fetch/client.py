"""The HTTP client every board shares: 10 s timeouts, retries with backoff on 429 and 5xx that
honour Retry-After, at most four requests at once per host, bounded response sizes, and a
User-Agent naming the tool. Boards are public and key-less; be a polite reader of them."""

from __future__ import annotations

import email.utils
import json
import os
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from matcher import __version__

USER_AGENT = f"intern-match/{__version__} (+https://github.com/intern-match/intern-match; fetch)"
TIMEOUT_SECONDS = 10.0
ATTEMPTS = 4
"""One request and up to three retries."""
FIRST_BACKOFF_SECONDS = 1.0
"""Doubled at each retry: 1, 2, 4 s."""
LONGEST_WAIT_SECONDS = 60.0
"""A Retry-After longer than this is cut to it: a board asking for an hour would stall every other source."""
REQUESTS_PER_HOST = 4
MAX_RESPONSE_BYTES = 8 * 1024 * 1024
"""A whole board in one response (Ashby sends hundreds of jobs at once) fits well within this."""
RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})


GONE_STATUSES = frozenset({404, 410})
"""What a page answers once its posting is taken down."""


class FetchFailed(Exception):
    """A request that did not give a usable answer after its retries; the source it belongs to fails."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        """The HTTP status the server answered with, if it answered."""

    @property
    def gone(self) -> bool:
        """The server said there is no such thing (404 Not Found, 410 Gone)."""
        return self.status in GONE_STATUSES


class BoardClient:
    """GETs with the limits above. `sleep` is the clock backoff waits on (tests pass one that
    does not sleep); the client is safe to share between threads."""

    def __init__(
        self,
        *,
        timeout: float = TIMEOUT_SECONDS,
        attempts: int = ATTEMPTS,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._http = httpx.Client(
            timeout=timeout,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json, text/html;q=0.9, */*;q=0.5"},
            follow_redirects=True,
            transport=transport,
        )
        self._attempts = attempts
        self._sleep = sleep
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.BoundedSemaphore] = {}

    def __enter__(self) -> BoardClient:
        return self

    def __exit__(self, *_: object) -> None:
        self._http.close()

    def json(self, url: str, params: dict[str, Any] | None = None) -> Any:
        body = self.get(url, params)
        try:
            return json.loads(body)
        except ValueError:
            raise FetchFailed(f"{url}: the answer is not JSON") from None

    def text(self, url: str) -> str:
        return self.get(url).decode("utf-8", errors="replace")

    def get(self, url: str, params: dict[str, Any] | None = None) -> bytes:
        """The body of a successful GET, after retries on 429, 5xx and network errors."""
        problem, status, made = "", None, 0
        for made in range(1, self._attempts + 1):
            wait = FIRST_BACKOFF_SECONDS * 2 ** (made - 1)
            try:
                with self._host_slot(url):
                    answered, headers, body = self._get_once(url, params)
            except httpx.TransportError as error:
                problem, status = _transport_problem(error), None
            else:
                if answered < 300:
                    return body
                problem, status = f"HTTP {answered}", answered
                if answered not in RETRIED_STATUSES:
                    break
                wait = retry_after(headers.get("retry-after"), default=wait)
            if made < self._attempts:
                self._sleep(wait)
        raise FetchFailed(f"{_shown_url(url)}: {problem}" + (f" after {made} attempts" if made > 1 else ""), status)

    def _get_once(self, url: str, params: dict[str, Any] | None) -> tuple[int, httpx.Headers, bytes]:
        with self._http.stream("GET", url, params=params) as response:
            if response.status_code >= 300:
                return response.status_code, response.headers, b""
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_RESPONSE_BYTES:
                    raise FetchFailed(f"{_shown_url(url)}: the answer is larger than {MAX_RESPONSE_BYTES // 2**20} MB")
                chunks.append(chunk)
            return response.status_code, response.headers, b"".join(chunks)

    def _host_slot(self, url: str) -> threading.BoundedSemaphore:
        host = urlsplit(url).netloc
        with self._lock:
            return self._hosts.setdefault(host, threading.BoundedSemaphore(REQUESTS_PER_HOST))


def base_url(env: str, default: str) -> str:
    """A board's scheme and host, or their replacement in `env` (a mirror, or a test server);
    the paths stay the board's own."""
    return (os.environ.get(env) or default).rstrip("/")


def retry_after(value: str | None, *, default: float, now: datetime | None = None) -> float:
    """Seconds to wait from a Retry-After header (seconds, or an HTTP date), else `default`;
    never negative, never above LONGEST_WAIT_SECONDS."""
    if value is None:
        return default
    value = value.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return default
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(seconds, 0.0), LONGEST_WAIT_SECONDS)


def _transport_problem(error: httpx.TransportError) -> str:
    if isinstance(error, httpx.TimeoutException):
        return "timed out"
    return f"network error ({type(error).__name__})"


def _shown_url(url: str) -> str:
    """The URL without its query, kept short: it goes into a one-line report."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"[:200]
