"""The ingest corpus's index (tests/ingest_corpus/index.yaml) says what each posting is: an entry
whose notes YAML splits into stray keys, or that names a missing file, would be scored wrongly
or not at all."""

from pathlib import Path

import yaml

CORPUS = Path(__file__).parent / "ingest_corpus"
FIELDS = {"file", "gold", "split", "format", "source", "published", "remote", "hybrid", "notes"}


def entries() -> list[dict]:
    return yaml.safe_load((CORPUS / "index.yaml").read_text(encoding="utf-8"))


def test_every_entry_has_the_index_fields_and_no_others() -> None:
    wrong = {e.get("file"): sorted(set(e) ^ FIELDS) for e in entries() if set(e) != FIELDS}
    assert wrong == {}


def test_every_entry_names_a_raw_file_and_a_gold_file_that_exist() -> None:
    missing = [p for e in entries() for p in (e["file"], e["gold"]) if not (CORPUS / p).is_file()]
    assert missing == []


def test_files_are_numbered_once_each() -> None:
    numbers = [Path(e["file"]).name.split("-")[0] for e in entries()]
    assert len(numbers) == len(set(numbers))
