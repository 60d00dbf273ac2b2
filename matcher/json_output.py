"""JSON and JSONL text: written by orjson (C), the standard library's encoder having taken most
of a large ranking's time (docs/performance.md). A document's top-level iterators (a ranking's
results) are written an item at a time, as they are made."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import orjson

ITEM_MARGIN = b"\n    "
"""What follows each line break of an item of a top-level object's array (a ranking's result)."""


class Encoded:
    """A value already written as JSON, to be written as it is: an item of a top-level array
    indented for its place (ITEM_MARGIN), or a JSONL line with its line break
    (matcher.explained_json writes a ranking's results so). Its text may come in parts, written
    one after another (a result's rank, then the rest as the cache kept it)."""

    __slots__ = ("parts",)

    def __init__(self, *parts: bytes) -> None:
        self.parts = parts

    @property
    def text(self) -> bytes:
        return b"".join(self.parts)


def to_json(document: Any) -> str:
    """A document as indented JSON text (UTF-8 characters as they are, not \\u escapes). A
    dict's values may be iterators: see json_chunks."""
    return b"".join(json_chunks(document)).decode()


def json_chunks(document: Any) -> Iterator[bytes]:
    """A document as indented UTF-8 JSON, in parts: a top-level value that is an iterator (the
    results of a ranking) is written an item at a time, as it is made. orjson writes it (the
    standard library's encoder took most of a large ranking's time); the text is what
    json.dumps(document, ensure_ascii=False, indent=2) wrote, but for floats below 1e-4, which
    are written without an exponent's leading zero (1e-5 for 1e-05), and NaN, which becomes
    null (tests/test_json_output.py)."""
    if not isinstance(document, dict) or not document:
        yield _indented(document, b"") + b"\n"
        return
    separator = b"{\n  "
    for key, value in document.items():
        yield separator + orjson.dumps(key) + b": "
        separator = b",\n  "
        if isinstance(value, Iterator):
            yield from _array_chunks(value)
        else:
            yield _indented(value, b"\n  ")
    yield b"\n}\n"


def _array_chunks(items: Iterator[Any]) -> Iterator[bytes]:
    """An array, a member of a top-level object, an item at a time (as OPT_INDENT_2 would
    indent it there)."""
    first = separator = b"[" + ITEM_MARGIN
    for item in items:
        yield separator  # apart from the item: a large item is not copied to be joined to it
        if isinstance(item, Encoded):
            yield from item.parts
        else:
            yield _indented(item, ITEM_MARGIN)
        separator = b"," + ITEM_MARGIN
    yield b"[]" if separator is first else b"\n  ]"


def _indented(value: Any, margin: bytes) -> bytes:
    """A value as OPT_INDENT_2 writes it, each line break followed by `margin` (a line break and
    spaces) when one is given: a raw line break in orjson's output is always one it put there, as line
    breaks inside strings are escaped."""
    try:
        text = orjson.dumps(value, option=orjson.OPT_INDENT_2)
    except orjson.JSONEncodeError:  # text that is not Unicode (a lone surrogate): escaped instead
        text = json.dumps(value, ensure_ascii=True, indent=2, allow_nan=False).encode()
    return text.replace(b"\n", margin) if margin else text


def jsonl_lines(rows: Iterable[dict[str, Any] | Encoded]) -> Iterator[bytes]:
    """One JSON object per line (UTF-8), made as rows come: tens of thousands stream, not pile up.
    A row already Encoded is written as it is."""
    for row in rows:
        if isinstance(row, Encoded):
            yield from row.parts
        else:
            yield _jsonl_line(row)


def _jsonl_line(row: dict[str, Any]) -> bytes:
    try:
        return orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE)
    except orjson.JSONEncodeError:  # as in _indented
        return (json.dumps(row, ensure_ascii=True, separators=(",", ":"), allow_nan=False) + "\n").encode()


def item_text(item: dict[str, Any] | Encoded, *, compact: bool) -> bytes:
    """One result as jsonl_lines (compact) or a ranking document's results array writes it."""
    if isinstance(item, Encoded):
        return item.text
    return _jsonl_line(item) if compact else _indented(item, ITEM_MARGIN)
