"""`intern-match validate`: what each file is and every problem in it, without stopping at the
first, and a posting id used twice across files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from matcher.errors import InputError, Problem
from matcher.folders import duplicate_id, validation_targets
from matcher.importers import is_json_resume
from matcher.loading import posting_from_yaml, profile_from_resume, profile_from_yaml
from matcher.positioned import parse_json, parse_yaml, read_text


@dataclass(frozen=True, slots=True)
class Checked:
    """One file as `intern-match validate` sees it."""

    path: str
    kind: str
    """profile | posting | unreadable"""
    problems: tuple[Problem, ...]
    posting_id: str | None = None


def check_file(path: str) -> Checked:
    """What a file is and every problem in it: a profile has `degree`; anything else is a posting."""
    kind = "unreadable"
    try:
        text = read_text(path)
        if path.endswith(".json") or text.lstrip().startswith("{"):
            document = parse_json(text, path)
            if is_json_resume(document):
                kind = "profile"
                profile_from_resume(document, path)
                return Checked(path, kind, ())
        else:
            document = parse_yaml(text, path)
        if isinstance(document, dict) and "degree" in document:
            kind = "profile"
            profile_from_yaml(document, path)
            return Checked(path, kind, ())
        kind = "posting"
        return Checked(path, kind, (), posting_from_yaml(document, path).id)
    except InputError as error:
        return Checked(path, kind, tuple(error.problems))


def check_files(paths: Iterable[str]) -> list[Checked]:
    """Every file checked, and a posting id used twice reported on the second file."""
    checked = [check_file(p) for p in validation_targets(paths)]
    first: dict[str, str] = {}
    out = []
    for c in checked:
        if c.posting_id is not None and c.posting_id in first:
            c = Checked(
                c.path,
                c.kind,
                (Problem(c.path, duplicate_id(c.posting_id, first[c.posting_id])),),
                c.posting_id,
            )
        elif c.posting_id is not None:
            first[c.posting_id] = c.path
        out.append(c)
    return out
