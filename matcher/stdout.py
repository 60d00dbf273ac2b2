"""What commands write to standard output: text as it is, and listings in the format asked for
(a table for people, or rows as json, jsonl, csv or tsv for scripts), each flushed as written."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matcher.output_formats import OutputFormat


def write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def write_lines(lines: Iterable[str]) -> None:
    sys.stdout.writelines(lines)
    sys.stdout.flush()


def write_bytes(chunks: Iterable[bytes]) -> None:
    """UTF-8 text made as bytes (JSON), written as it comes, past the text layer (which would
    decode and encode it again)."""
    sys.stdout.flush()
    out = getattr(sys.stdout, "buffer", None)
    if out is None:  # a text-only stream stood in for standard output
        write_lines(chunk.decode() for chunk in chunks)
        return
    out.writelines(chunks)
    out.flush()


def emit(
    fmt: OutputFormat,
    rows: Iterable[dict[str, Any] | tuple[Any, ...]],
    fields: tuple[str, ...],
    table: Callable[[], Any],
    no_color: bool,
) -> None:
    """One output contract for listing commands: a table, or rows as json, jsonl, csv or tsv.
    Rows are dicts, or tuples of the fields' values; they may be a generator: jsonl, csv and tsv
    are written as they come."""
    from matcher import output_formats as formats

    dicts = (row if isinstance(row, dict) else dict(zip(fields, row, strict=True)) for row in rows)
    if fmt is formats.OutputFormat.TABLE:
        from matcher import terminal  # rich, only when a table is shown

        terminal.console(no_color).print(table())
    elif fmt is formats.OutputFormat.JSON:
        write_bytes(formats.json_chunks(list(dicts)))
    elif fmt is formats.OutputFormat.JSONL:
        write_bytes(formats.jsonl_lines(dicts))
    else:
        write_lines(formats.delimited_lines(rows, fields, "," if fmt is formats.OutputFormat.CSV else "\t"))
