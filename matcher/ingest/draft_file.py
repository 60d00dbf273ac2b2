"""The draft as a file: the drafted posting with the reviewer's account of its source, its id (a
safe file name) and its YAML, with what was not placed left as comments."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from matcher.display_text import visible
from matcher.errors import UsageError
from matcher.knowledge.text import fold


@dataclass
class Draft:
    """A drafted posting and the reviewer's account of the source."""

    posting: dict[str, Any]
    unplaced: list[str] = field(default_factory=list)
    """Lines of the source not placed in the draft, as "line N: text [section]": the checklist."""
    application_steps: list[str] = field(default_factory=list)
    lines_total: int = 0
    """Lines of the posting's text (headings aside: they only decide sections)."""
    lines_placed: int = 0
    work_mode: str | None = None
    """remote | hybrid | None; "Remote" is also a place in `location`."""

    @property
    def summary(self) -> str:
        """What stderr says: "placed 23 of 27 lines; 4 left for review (see the end of the draft)"."""
        left = self.lines_total - self.lines_placed
        tail = f"; {left} left for review (see the end of the draft)" if left else "; nothing left for review"
        return f"placed {self.lines_placed} of {self.lines_total} lines{tail}"


POSTING_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
"""What `ingest --id` accepts, since the id names the file written (docs/FORMATS.md): ASCII
letters, digits, `.`, `_` and `-`, beginning with a letter or digit, at most 100 characters; so
no `/`, no `..` on its own, nothing absolute, nothing hidden."""


def checked_posting_id(posting_id: str) -> str:
    """`posting_id` if it is a safe file name (POSTING_ID), else a UsageError saying why."""
    if not POSTING_ID.fullmatch(posting_id):
        raise UsageError(
            f"--id: '{posting_id}' is not a posting id: use letters, digits, '.', '_' and '-', "
            "beginning with a letter or digit (at most 100 characters)"
        )
    return posting_id


def slug(text: str) -> str:
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", fold(text))).strip("-")[:60] or "posting"


def draft_yaml(draft: Draft) -> str:
    """A drafted posting as YAML for a person to review, with what was not placed as comments."""
    import yaml

    from matcher.knowledge import SAFE_DUMPER

    source = draft.posting.get("source")
    origin = (source.get("url") or source.get("name")) if isinstance(source, dict) else source  # fetch's source is a mapping
    head = (
        f"# Drafted by `intern-match ingest` from {origin}. Review it before use:\n"
        "# check each qualification against its quote, and required against preferred.\n"
    )
    body = yaml.dump(draft.posting, Dumper=SAFE_DUMPER, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)
    tail = ""
    if draft.application_steps:
        tail += "\n# Application steps (not qualifications):\n" + "".join(f"#   - {s}\n" for s in draft.application_steps)
    if draft.unplaced:
        tail += "\n# Not placed; add anything here that is a qualification:\n" + "".join(
            f"#   - {line[:200]}\n" for line in draft.unplaced
        )
    return visible(head + body + tail)  # YAML leaves bidi overrides raw; in "..." their escape reads the same
