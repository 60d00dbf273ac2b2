"""Untrusted text made safe to show: no character of a posting, profile or BibTeX file can drive
the terminal (or a report) that shows it.

Postings come from the internet and profiles from other people, so any of their text may hold an
escape sequence (colours, OSC 8 links, OSC 52 clipboard writes, cursor moves), a BEL, a backspace
or carriage return that overwrites what came before, or a bidi override that shows text in
another order than it is read. Each such character is shown as its Python escape (`\\x1b`,
`\\u202e`) instead: still visible, so a reader sees that the file holds it, and inert. Line
breaks and tabs are kept; they move the cursor only as text does. JSON output is left exact:
JSON escapes control characters itself, and a program, not a terminal, reads it.
"""

from __future__ import annotations

import re

_BIDI_AND_INVISIBLE = "\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb"
"""Bidi marks, embeddings, overrides and isolates, zero-width characters, the Unicode line and
paragraph separators and interlinear annotation: each changes how text around it looks without
being seen itself."""

_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI_AND_INVISIBLE}\ud800-\udfff]")
"""C0 controls but tab and line feed, DEL, C1 controls (U+009B is a one-character CSI), the
invisible characters above, and lone surrogates (which no encoder can write)."""


def _escaped(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every character that could act on a terminal shown as its escape instead."""
    return _UNSAFE.sub(_escaped, text) if _UNSAFE.search(text) else text


def without_unsafe(text: str) -> str:
    """`text` with every character `visible` would escape replaced by a space: for untrusted text
    that is kept rather than shown (a job board's fields, written into posting files)."""
    return _UNSAFE.sub(" ", text)


_SAFE_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n"


def has_unsafe(text: str) -> bool:
    """Whether `visible` would change `text`. ASCII text, the common case, is checked on its
    bytes: a megabyte of CSV in a millisecond rather than several."""
    if text.isascii():
        return bool(text.encode("ascii").translate(None, _SAFE_ASCII))
    return _UNSAFE.search(text) is not None
