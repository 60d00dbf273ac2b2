"""What cached, pre-judged postings depend on, as one short string: a cache is used only by the
code and catalogues that wrote it.

The posting cache keeps each qualification as its rule's key, worked out with the catalogues of
the day (a venue resolved, a skill list's terms split), and records numbered by the registered
rules. So a cache stays valid only while the judgement code, the catalogues and the registered
kinds are the ones that wrote it. Rather than list which files that is, the checksum covers every
source and data file of the package, so no edit can be missed: an edit elsewhere only costs one
cold run.
"""

from __future__ import annotations

import os
import zlib

from matcher.rules import registry

_PACKAGE = os.path.dirname(os.path.abspath(__file__))
_SUFFIXES = (".py", ".yaml", ".json")
_files_checksum: str | None = None


def judgement_fingerprint() -> str:
    """The package's files' checksum (made once per process), and the kinds registered now."""
    global _files_checksum
    if _files_checksum is None:
        files: list[str] = []
        for folder, subfolders, names in os.walk(_PACKAGE):
            subfolders[:] = [s for s in subfolders if s != "__pycache__"]
            files += [os.path.join(folder, n) for n in names if n.endswith(_SUFFIXES)]
        crc = 0
        for path in sorted(files):
            with open(path, "rb") as handle:
                crc = zlib.crc32(handle.read(), zlib.crc32(os.path.relpath(path, _PACKAGE).encode(), crc))
        _files_checksum = f"{crc:08x}"
    rules = ",".join(f"{r.kind}={r.__module__}.{r.__qualname__}" for r in map(registry.rule_of_kind, registry.kinds()))
    return f"{_files_checksum}:{zlib.crc32(rules.encode()):08x}"
