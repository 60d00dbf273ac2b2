"""Folders and streams of files: which files in a folder are postings (or, for `validate` and
several profiles, YAML and JSON files at all), and every posting of a folder, one file or
standard input loaded, a broken one skipped and reported so that the others still rank."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from importlib import resources
from pathlib import Path

from matcher.errors import InputError, Problem
from matcher.loading import load_posting, posting_from_yaml
from matcher.models import Posting
from matcher.positioned import STDIN, parse_yaml_stream, read_text


@dataclass(frozen=True, slots=True)
class Skipped:
    """A posting file that could not be read; the others still rank."""

    path: str
    error: str


@dataclass(frozen=True, slots=True)
class PostingSet:
    postings: tuple[Posting, ...]
    skipped: tuple[Skipped, ...]


# In a folder `fetch` writes, neither is a posting: sources.yaml lists its sources and what it wrote;
# <id>.new.yaml is a draft set beside a file a person edited, for them to merge (it repeats the id).
FETCH_SOURCES_FILE = "sources.yaml"
NEW_DRAFT_SUFFIX = ".new.yaml"


def is_fetch_bookkeeping(name: str) -> bool:
    """Whether a file name in a postings folder is one of fetch's own files rather than a posting."""
    return name == FETCH_SOURCES_FILE or name.endswith(NEW_DRAFT_SUFFIX)


def duplicate_id(posting_id: str, first: str) -> str:
    """What is wrong with a posting whose id an earlier file (`first`) already has."""
    return f"duplicate posting id '{posting_id}' (also in {first})"


def validation_targets(paths: Iterable[str]) -> list[str]:
    """Files named, and the YAML and JSON files inside folders named (recursively, hidden ones and
    fetch's bookkeeping aside)."""
    files: list[str] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files += sorted(
                str(p)
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix in (".yaml", ".yml", ".json")
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and not is_fetch_bookkeeping(p.name)
            )
        else:
            files.append(name)
    return files


def bundled_postings_dir() -> Path:
    return Path(str(resources.files("matcher.postings")))


def posting_names(folder: Path) -> list[str]:
    """The names of the folder's posting files, sorted. Read with scandir, as strings: for 10,000
    files, Path objects and a stat per file cost more than the rest of a cached load."""
    with os.scandir(folder) as entries:
        # A name with a posting suffix and more than dots before it (".yaml" is a hidden file's
        # whole name, as os.path.splitext has it, which costs more than the rest of this line).
        return sorted(
            e.name
            for e in entries
            if e.name.endswith((".yaml", ".yml"))
            and e.name.lstrip(".") not in ("yaml", "yml")
            and not is_fetch_bookkeeping(e.name)
            and _may_be_file(e)
        )


def _may_be_file(entry: os.DirEntry[str]) -> bool:
    """Whether a folder entry is a file, or a link that cannot be followed (a loop, no permission):
    kept, so that reading it reports why, rather than the posting vanishing without a word."""
    try:
        return entry.is_file()
    except OSError:
        return True


def paths_in(folder: Path, names: list[str]) -> list[str]:
    """The names' paths in the folder, as strings (os.path.join per name is slow for many)."""
    prefix = os.path.join(folder, "")
    return [prefix + name for name in names]


def posting_files(folder: Path) -> list[Path]:
    """The folder's posting files, by name."""
    return [folder / name for name in posting_names(folder)]


FolderReader = Callable[[Path, list[str], Callable[[int, int], None] | None], "list[Posting | InputError]"]
"""Loads the named posting files of one folder, reporting progress (the cache and parallel
parsing plug in here)."""


def load_postings(
    source: str | Path,
    *,
    strict: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
    read_folder: FolderReader | None = None,
) -> PostingSet:
    """Every posting in a folder, one posting file, or standard input (`-`: a YAML stream of
    postings separated by `---`, or JSON lines). Broken postings are skipped and reported;
    with `strict`, the first one is an InputError instead."""
    candidates: list[Candidate]
    if str(source) == STDIN:
        candidates = _stdin_postings(read_text(STDIN))
    else:
        path = Path(source)
        if not path.exists():
            raise InputError(Problem(str(source), "no such folder or file"))
        if not path.is_dir():  # a file, or a FIFO or device (`-p <(...)`): read as one posting file
            candidates = [(str(path), partial(load_posting, str(path)))]
        else:
            names = posting_names(path)
            paths = paths_in(path, names)
            if read_folder is not None:
                outcomes = read_folder(path, names, on_progress)
                on_progress = None  # the reader has reported the slow part
                candidates = list(zip(paths, outcomes, strict=True))
            else:
                candidates = [(p, partial(load_posting, p)) for p in paths]
    postings: list[Posting] = []
    skipped: list[Skipped] = []
    seen: dict[str, str] = {}
    for done, (name, outcome) in enumerate(candidates, 1):
        if on_progress is not None:
            on_progress(done, len(candidates))
        try:
            if isinstance(outcome, InputError):
                raise outcome
            posting = outcome if isinstance(outcome, Posting) else outcome()
            if posting.id in seen:
                raise InputError(Problem(name, duplicate_id(posting.id, seen[posting.id])))
        except InputError as error:
            if strict:
                raise
            skipped.append(Skipped(name, str(error)))
            continue
        seen[posting.id] = name
        postings.append(posting)
    return PostingSet(tuple(postings), tuple(skipped))


Candidate = tuple[str, "Posting | InputError | Callable[[], Posting]"]
"""A posting's name and the posting, its error, or what loads it (and may raise InputError)."""


def _stdin_postings(text: str) -> list[Candidate]:
    """Postings from standard input, each with its loader or its error."""
    if text.lstrip().startswith("{"):
        out: list[Candidate] = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            name = f"-:{number}"
            try:
                document = json.loads(line)
            except json.JSONDecodeError as error:
                out.append((name, InputError(Problem(STDIN, f"invalid JSON: {error.msg}", number, error.colno))))
                continue
            out.append((name, partial(posting_from_yaml, document, f"-:{number}", default_id=f"stdin-{number}")))
        return out
    documents, stream_error = parse_yaml_stream(text, STDIN)
    single = len(documents) == 1 and stream_error is None
    out = [
        (f"-#{i}", partial(posting_from_yaml, d, STDIN, default_id="stdin" if single else f"stdin-{i}"))
        for i, d in enumerate(documents, 1)
    ]
    if stream_error is not None:
        out.append((f"-#{len(documents) + 1}", stream_error))
    elif not documents:
        out.append(("-", InputError(Problem(STDIN, "no postings on standard input"))))
    return out
