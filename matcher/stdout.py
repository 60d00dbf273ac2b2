"""What commands write to standard output: text as it is, and listings in the format asked for
(a table for people, or rows as json, jsonl, csv or tsv for scripts), each flushed as written."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matcher.output_formats import OutputFormat
    from matcher.text_tables import Listing


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
    try:
        if out is None:  # a text-only stream stood in for standard output
            write_lines(chunk.decode() for chunk in chunks)
            return
        out.writelines(chunks)
        out.flush()
    finally:
        # A generator stopped by an error, a closed pipe or Ctrl-C runs its clean-up now (the
        # results being kept are discarded), not whenever it is freed: the launcher ends the
        # process without freeing anything.
        close = getattr(chunks, "close", None)
        if close is not None:
            close()


def on_a_terminal() -> bool:
    """Whether standard output is a terminal, as rich decides it (TTY_COMPATIBLE, then
    FORCE_COLOR, say so for a terminal that is not a tty), without importing rich."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    forced = os.environ.get("FORCE_COLOR")
    if forced is not None:
        return forced != ""
    try:
        return sys.stdout.isatty()
    except ValueError:  # closed
        return False


def show_listing(listing: Listing, no_color: bool, show_all: bool) -> None:
    """A listing for people. On a terminal, the first screenful of rows as a rich table, and a
    footer when there are more; in a pipe or with --all, every row as fixed-width text, at a
    cost linear in the rows (matcher.text_tables), in colour only on a terminal."""
    terminal_out = on_a_terminal()
    if terminal_out and not show_all:
        from matcher import terminal  # rich, only when a table is drawn

        console = terminal.console(no_color)
        console.print(listing.rich(listing.screenful))
        if (footer := listing.footer()) is not None:
            console.print(footer, style="dim", markup=False)
        return
    write_lines(listing.lines(terminal_out and not (no_color or os.environ.get("NO_COLOR"))))


def emit(
    fmt: OutputFormat,
    rows: Iterable[dict[str, Any] | tuple[Any, ...]],
    fields: tuple[str, ...],
    table: Callable[[], Any] | Listing,
    no_color: bool,
    show_all: bool = False,
) -> None:
    """One output contract for listing commands: a table, or rows as json, jsonl, csv or tsv.
    Rows are dicts, or tuples of the fields' values; they may be a generator: jsonl, csv and tsv
    are written as they come. A table is a rich renderable made on demand, or a Listing
    (show_listing)."""
    from matcher import output_formats as formats

    dicts = (row if isinstance(row, dict) else dict(zip(fields, row, strict=True)) for row in rows)
    if fmt is formats.OutputFormat.TABLE:
        if not callable(table):
            show_listing(table, no_color, show_all)
            return
        from matcher import terminal  # rich, only when a table is shown

        terminal.console(no_color).print(table())
    elif fmt is formats.OutputFormat.JSON:
        write_bytes(formats.json_chunks(list(dicts)))
    elif fmt is formats.OutputFormat.JSONL:
        write_bytes(formats.jsonl_lines(dicts))
    else:
        write_lines(formats.delimited_lines(rows, fields, "," if fmt is formats.OutputFormat.CSV else "\t"))
