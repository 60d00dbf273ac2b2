"""The folder fetch writes: posting files, their raw text under raw/, and sources.yaml, which
remembers the sources (so `fetch --out DIR` refreshes them all) and what fetch wrote (so a file a
person has edited since is recognised, and never overwritten).

sources.yaml:
    sources: [greenhouse:acme, lever:example]
    last_fetched: '2026-12-03T09:00:00+00:00'   # when fetch last wrote the folder: `fetch --new`'s default --since
    postings:
      acme-research-intern-4012345:
        source: greenhouse:acme
        board_id: '4012345'
        url: https://...
        identity: acme|research-intern|london-uk
        content_hash: sha256:...    # of the text the draft was made from
        file_hash: sha256:...       # of the posting file as fetch wrote it
        status: open                # or closed, with closed_on
        first_seen: '2026-12-03T09:00:00+00:00'   # when fetch first wrote it (absent for entries older than it)
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, replace
from datetime import date
from pathlib import Path

from matcher.errors import InputError, Problem
from matcher.files import write_atomically
from matcher.folders import FETCH_SOURCES_FILE, NEW_DRAFT_SUFFIX

RAW_FOLDER = "raw"
_STATUS_LINE = re.compile(r"^(status|closed_on):.*\n?", re.MULTILINE)
_ID_LINE = re.compile(r"^id:.*\n", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Written:
    """A posting fetch wrote: where it came from and what it wrote."""

    id: str
    source: str
    """The source as given: greenhouse:acme, an https:// page, a file."""
    board_id: str
    url: str | None
    identity: str
    """Organisation, title and places, folded (jobs.identity): how a repeat is recognised."""
    content_hash: str
    file_hash: str
    status: str = "open"
    closed_on: str | None = None
    first_seen: str | None = None
    """When fetch first wrote the posting (ISO 8601, UTC), kept through every later draft."""


def file_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


class PostingFolder:
    """The output folder and its sources.yaml. With `dry_run` nothing is written; the folder is
    read and the bookkeeping done in memory, so the summary says what a real run would do."""

    def __init__(self, folder: Path, *, dry_run: bool = False) -> None:
        self.folder = folder
        self.dry_run = dry_run
        self.sources: list[str] = []
        self.written: dict[str, Written] = {}
        self.last_fetched: str | None = None
        """When fetch last wrote this folder (ISO 8601); set to this run's moment before `save`."""
        state = folder / FETCH_SOURCES_FILE
        if state.is_file():
            self._read(state)

    def _read(self, state: Path) -> None:
        import yaml

        try:
            document = yaml.safe_load(state.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as error:
            raise InputError(Problem(str(state), f"cannot be read as fetch's list of sources: {error}")) from None
        sources, postings = (
            (document.get("sources", []), document.get("postings", {})) if isinstance(document, dict) else (None, None)
        )
        if not isinstance(sources, list) or not isinstance(postings, dict):
            raise InputError(
                Problem(str(state), "expected `sources: [...]` and `postings: {id: ...}` (written by intern-match fetch)")
            )
        self.sources = [str(s) for s in sources]
        self.last_fetched = str(document["last_fetched"]) if document.get("last_fetched") else None
        names = {f for f in Written.__dataclass_fields__ if f != "id"}
        for posting_id, entry in postings.items():
            if not isinstance(entry, dict) or not {"source", "board_id", "content_hash", "file_hash"} <= set(entry):
                raise InputError(Problem(str(state), f"postings.{posting_id}: not an entry fetch wrote"))
            values = {k: (None if v is None else str(v)) for k, v in entry.items() if k in names}
            self.written[str(posting_id)] = Written(id=str(posting_id), **values)  # type: ignore[arg-type]

    # --------------------------------------------------------------------------- looking up

    def find(self, source: str, board_id: str) -> Written | None:
        return next((w for w in self.written.values() if w.source == source and w.board_id == board_id), None)

    def duplicate_of(self, source: str, board_id: str, url: str | None, identity: str) -> Written | None:
        """An open posting, other than this job itself, with the same URL or the same organisation,
        title and places: the job is then a repeat, written once."""
        for w in self.written.values():
            if (
                w.status == "open"
                and (w.source, w.board_id) != (source, board_id)
                and ((url and w.url == url) or w.identity == identity)
            ):
                return w
        return None

    def of_source(self, source: str) -> list[Written]:
        return [w for w in self.written.values() if w.source == source]

    def path(self, posting_id: str) -> Path:
        return self.folder / f"{posting_id}.yaml"

    def is_edited(self, entry: Written) -> bool:
        """The posting file is not what fetch wrote: a person has edited it (or removed it)."""
        try:
            return file_hash(self.path(entry.id).read_text(encoding="utf-8")) != entry.file_hash
        except OSError:
            return True

    def is_missing(self, entry: Written) -> bool:
        return not self.path(entry.id).exists()

    def free_id(self, wanted: str) -> str:
        """`wanted`, or with -2, -3 ... when another posting (fetched or not) has that file."""
        candidate, number = wanted, 1
        while candidate in self.written or self.path(candidate).exists():
            number += 1
            candidate = f"{wanted}-{number}"
        return candidate

    # --------------------------------------------------------------------------- writing

    def write_posting(self, entry: Written, document: str, raw: str) -> Written:
        """The posting file (replacing fetch's own earlier draft) and its raw text."""
        self._write(self.path(entry.id), document)
        self._write(self.folder / RAW_FOLDER / f"{entry.id}.txt", raw)
        self._drop(self.folder / f"{entry.id}{NEW_DRAFT_SUFFIX}")  # an older draft beside it is stale now
        done = replace(entry, file_hash=file_hash(document), status="open", closed_on=None)
        self.written[entry.id] = done
        return done

    def write_beside(self, entry: Written, document: str, raw: str, content: str) -> Written:
        """A new draft beside a posting file a person edited: `<id>.new.yaml`, theirs untouched."""
        self._write(self.folder / f"{entry.id}{NEW_DRAFT_SUFFIX}", document)
        self._write(self.folder / RAW_FOLDER / f"{entry.id}.txt", raw)
        done = replace(entry, content_hash=content)
        self.written[entry.id] = done
        return done

    def close(self, entry: Written, day: date) -> None:
        """Marks the posting `status: closed` with the day, keeping the rest of the file (and a
        person's edits) as it is."""
        self._mark(entry, f"status: closed\nclosed_on: {day.isoformat()}\n", "closed", day.isoformat())

    def reopen(self, entry: Written) -> None:
        self._mark(entry, "", "open", None)

    def _mark(self, entry: Written, lines: str, status: str, closed_on: str | None) -> None:
        path = self.path(entry.id)
        edited = self.is_edited(entry)
        new_hash = entry.file_hash
        if path.exists():
            text = _STATUS_LINE.sub("", path.read_text(encoding="utf-8"))
            at = _ID_LINE.search(text)
            text = text[: at.end()] + lines + text[at.end() :] if at else text.rstrip("\n") + "\n" + lines
            self._write(path, text)
            if not edited:  # an edited file stays recognised as edited
                new_hash = file_hash(text)
        self.written[entry.id] = replace(entry, status=status, closed_on=closed_on, file_hash=new_hash)

    def remember(self, source: str) -> None:
        if source not in self.sources:
            self.sources.append(source)

    def save(self) -> None:
        import yaml

        postings = {w.id: {k: v for k, v in asdict(w).items() if k != "id" and v is not None} for w in self.written.values()}
        head = "# Written by `intern-match fetch`: the sources `intern-match fetch --out DIR` refreshes, and what it wrote.\n"
        self._write(
            self.folder / FETCH_SOURCES_FILE,
            head
            + yaml.safe_dump(
                {"sources": self.sources, "last_fetched": self.last_fetched, "postings": postings},
                sort_keys=False,
                allow_unicode=True,
            ),
        )

    def _write(self, path: Path, text: str) -> None:
        if self.dry_run:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text, force=True)

    def _drop(self, path: Path) -> None:
        if not self.dry_run:
            path.unlink(missing_ok=True)
