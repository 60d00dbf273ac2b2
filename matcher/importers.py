"""What people already have, turned into profile data: BibTeX files and JSON Resume documents.

Both produce the plain mapping a profile YAML file would hold, so the profile loader validates
and reads everything the same way. Problems that do not stop the import (one broken BibTeX
entry) are returned as warnings, never dropped silently.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from matcher.errors import InputError, Problem
from matcher.knowledge.degrees import parse_stage
from matcher.knowledge.places import gazetteer

# Trust order for where a BibTeX entry names its venue: al-folio's `abbr` is the cleanest.
BIBTEX_VENUE_FIELDS = ("abbr", "booktitle", "journal")
_BRACES = re.compile(r"[{}]")
_ENTRY_KEY = re.compile(r"@\s*\w+\s*[{(]\s*([^,\s]+)")


@dataclass(frozen=True, slots=True)
class ImportedPublications:
    publications: list[dict[str, Any]]
    warnings: list[str]


_CONCATENATION = re.compile(r"\s*#\s*")
_LATEX_SPACES = re.compile(r"\\ |~")
VOLUME_TYPES = ("proceedings", "mvproceedings")
"""Entry types that are a volume of papers, not a paper: counted only through a paper's crossref."""
YEAR = re.compile(r"[0-9]{4}")


def _plain(value: str) -> str:
    """A BibTeX value as text: `#` concatenations joined (an undefined macro such as `cvpr` stands
    for itself: `cvpr # " 2024"` is "cvpr 2024"), braces and line breaks removed, LaTeX's spaces
    (`\\ `, `~`) made spaces: "{Few-Shot} Learning" -> "Few-Shot Learning"."""
    if "#" in value and '"' in value:
        value = "".join(part.strip().strip('"') for part in _CONCATENATION.split(value))
    return " ".join(_LATEX_SPACES.sub(" ", _BRACES.sub("", value)).split())


def publications_from_bibtex(text: str, path: str) -> ImportedPublications:
    """Every paper of a BibTeX file as {title, venue, year}. A paper's missing fields come from
    the entry its `crossref` names (a @proceedings volume's title is the paper's booktitle), and
    the volume is not a paper of its own. What cannot be read is a warning naming the entry."""
    import bibtexparser  # imported here: only profiles that use BibTeX pay for it
    from bibtexparser.model import DuplicateBlockKeyBlock

    logging.getLogger("bibtexparser").setLevel(logging.ERROR)  # we report failed blocks ourselves
    try:
        library = bibtexparser.parse_string(text)
    except Exception as error:  # noqa: BLE001 - the parser's own errors are not one family
        raise InputError(Problem(path, f"not a BibTeX file: {error}")) from None
    publications: list[dict[str, Any]] = []
    warnings: list[str] = []
    for block in library.failed_blocks:
        key = _ENTRY_KEY.search(block.raw or "")
        name = f"entry '{key.group(1)}'" if key else "a block"
        where = f"{path}:{(block.start_line or 0) + 1}"
        if isinstance(block, DuplicateBlockKeyBlock):
            first = (getattr(block.previous_block, "start_line", None) or 0) + 1
            warnings.append(f"{where}: skipped {name}: its key is already used by the entry at line {first}")
        else:
            warnings.append(f"{where}: skipped {name}: it is not valid BibTeX")
    if not library.entries and not library.failed_blocks:
        warnings.append(f"{path}: no BibTeX entries found; no publications read from it")
    fields_of = {e.key.lower(): {k.lower(): _plain(str(f.value)) for k, f in e.fields_dict.items()} for e in library.entries}
    types_of = {e.key.lower(): e.entry_type.lower() for e in library.entries}
    referenced = {fields.get("crossref", "").lower() for fields in fields_of.values()}
    for entry in library.entries:
        where = f"{path}:{(entry.start_line or 0) + 1}"
        own_key = entry.key.lower()
        if types_of[own_key] in VOLUME_TYPES:
            if own_key not in referenced:
                warnings.append(f"{where}: entry '{entry.key}' is a @{types_of[own_key]} volume, not a paper; not counted")
            continue
        fields = dict(fields_of[own_key])
        parent_key = fields.get("crossref", "").lower()
        if parent_key:
            parent = fields_of.get(parent_key)
            if parent is None:
                warnings.append(f"{where}: entry '{entry.key}' has crossref '{fields['crossref']}', which is not in the file")
            else:
                inherited = dict(parent)
                if types_of[parent_key] in VOLUME_TYPES and "title" in parent:
                    inherited.setdefault("booktitle", parent["title"])
                inherited.pop("title", None)
                fields = {**inherited, **fields}
        venue = next((fields[k] for k in BIBTEX_VENUE_FIELDS if fields.get(k)), None)
        year_text = fields.get("year", "")
        year = int(year_text) if YEAR.fullmatch(year_text) and 1900 <= int(year_text) <= 2999 else None
        if year_text and year is None:
            warnings.append(
                f"{where}: entry '{entry.key}' has year '{year_text}', not a year from 1900 to 2999; read without one"
            )
        publications.append({"title": fields.get("title") or entry.key, "venue": venue, "year": year})
        if venue is None:
            warnings.append(f"{where}: entry '{entry.key}' names no venue (abbr, booktitle or journal)")
    return ImportedPublications(publications, warnings)


# ----------------------------------------------------------------------------- JSON Resume

RESEARCH_ROLE = re.compile(r"research|scientist|phd|doctoral|postdoc|fellow", re.IGNORECASE)


def is_json_resume(document: Any) -> bool:
    return isinstance(document, dict) and ("basics" in document or "education" in document) and "degree" not in document


def _date_text(value: Any) -> str | None:
    """JSON Resume dates are YYYY, YYYY-MM or YYYY-MM-DD; profiles take the last two."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()[:10]
    return f"{text}-01" if re.fullmatch(r"\d{4}", text) else text


def profile_from_json_resume(
    document: dict[str, Any], today: date | None = None, warnings: list[str] | None = None
) -> dict[str, Any]:
    """A JSON Resume (jsonresume.org schema v1) as profile data. The mapping is in the README.
    A field of the wrong type (an object where text belongs, a list nested in a list) is left
    out, and a warning naming it is added to `warnings`."""
    today = today or date.today()
    read = _ResumeReader(warnings if warnings is not None else [])
    basics = read.mapping(document.get("basics"), "basics")
    profile: dict[str, Any] = {}
    name = read.text(basics.get("name"), "basics.name")
    if name:
        profile["name"] = name
    summary = read.text(basics.get("summary"), "basics.summary")
    if summary:
        profile["statement"] = summary
    place = read.mapping(basics.get("location"), "basics.location")
    code = read.text(place.get("countryCode"), "basics.location.countryCode")
    country = gazetteer().country(code).title() if code else None
    parts = (read.text(place.get("city"), "basics.location.city"), read.text(place.get("region"), "basics.location.region"))
    current = ", ".join(v for v in (*parts, country) if v)
    if current:
        profile["location"] = {"current": current}

    # The degree studied for now (no end date, or one still to come); else the most advanced one.
    education = [
        {k: read.text(e.get(k), f"education[{i}].{k}") for k in ("studyType", "area", "startDate", "endDate", "institution")}
        for i, e in read.entries(document.get("education"), "education")
    ]
    ongoing = [e for e in education if not e["endDate"] or e["endDate"] >= today.isoformat()[:7]]
    candidates = ongoing or education or [{}]
    chosen = max(candidates, key=lambda e: (parse_stage(e.get("studyType") or "") or 0, e.get("startDate") or ""))
    degree: dict[str, Any] = {"stage": chosen.get("studyType"), "enrolled": bool(ongoing)}
    if chosen.get("area"):
        degree["field"] = chosen["area"]
    if ongoing and chosen.get("institution"):  # where one studies now: some programmes ask
        degree["institution"] = chosen["institution"]
    graduation = _date_text(chosen.get("endDate"))
    if ongoing and graduation:
        degree["expected_graduation"] = graduation[:7]
    profile["degree"] = degree

    experience = []
    for i, job in read.entries(document.get("work"), "work"):
        texts = {k: read.text(job.get(k), f"work[{i}].{k}") for k in ("position", "name", "summary", "startDate", "endDate")}
        role = texts["position"] or texts["name"] or "role"
        entry = {
            "role": role,
            "organization": texts["name"],
            "research": bool(RESEARCH_ROLE.search(f"{role} {texts['summary'] or ''}")),
        }
        if _date_text(texts["startDate"]):
            entry["start"] = _date_text(texts["startDate"])
        entry["end"] = _date_text(texts["endDate"]) or "present"
        experience.append(entry)
    if experience:
        profile["experience"] = experience

    publications = []
    for i, paper in read.entries(document.get("publications"), "publications"):
        released = read.text(paper.get("releaseDate"), f"publications[{i}].releaseDate") or ""
        publications.append(
            {
                "title": read.text(paper.get("name"), f"publications[{i}].name"),
                "venue": read.text(paper.get("publisher"), f"publications[{i}].publisher"),
                "year": int(released[:4]) if re.fullmatch(r"[0-9]{4}", released[:4]) else None,
            }
        )
    if publications:
        profile["publications"] = publications

    for resume_key, profile_key in (("skills", "skills"), ("interests", "interests")):
        names = read.names_and_keywords(document.get(resume_key), resume_key)
        if names:
            profile[profile_key] = names
    return profile


class _ResumeReader:
    """Reads JSON Resume values by type: what has the wrong type is left out with a warning."""

    def __init__(self, warnings: list[str]) -> None:
        self.warnings = warnings

    def _wrong(self, where: str, expected: str, value: Any) -> None:
        got = "a list" if isinstance(value, list) else "an object" if isinstance(value, dict) else type(value).__name__
        self.warnings.append(f"JSON Resume {where}: expected {expected}, got {got}; left out")

    def mapping(self, value: Any, where: str) -> dict[str, Any]:
        if value is None or isinstance(value, dict):
            return value or {}
        self._wrong(where, "an object", value)
        return {}

    def entries(self, value: Any, where: str) -> list[tuple[int, dict[str, Any]]]:
        """The objects of a list, with their positions."""
        if value is None:
            return []
        if not isinstance(value, list):
            self._wrong(where, "a list", value)
            return []
        out = []
        for i, item in enumerate(value):
            if isinstance(item, dict):
                out.append((i, item))
            else:
                self._wrong(f"{where}[{i}]", "an object", item)
        return out

    def text(self, value: Any, where: str) -> str | None:
        if value is None or isinstance(value, str):
            return value.strip() or None if value else None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        self._wrong(where, "text", value)
        return None

    def names_and_keywords(self, value: Any, where: str) -> list[str]:
        """JSON Resume's [{name, keywords: [...]}] as one list of distinct names, in order."""
        names: list[str] = []
        for i, entry in self.entries(value, where):
            names.append(self.text(entry.get("name"), f"{where}[{i}].name") or "")
            keywords = entry.get("keywords")
            if keywords is not None and not isinstance(keywords, list):
                self._wrong(f"{where}[{i}].keywords", "a list", keywords)
                continue
            names += [self.text(k, f"{where}[{i}].keywords[{j}]") or "" for j, k in enumerate(keywords or [])]
        return list(dict.fromkeys(n for n in names if n))
