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


def _plain(value: str) -> str:
    """BibTeX braces and line breaks removed: "{Few-Shot} Learning" -> "Few-Shot Learning"."""
    return " ".join(_BRACES.sub("", value).split())


def publications_from_bibtex(text: str, path: str) -> ImportedPublications:
    """Every entry of a BibTeX file as {title, venue, year}; broken entries become warnings."""
    import bibtexparser  # imported here: only profiles that use BibTeX pay for it

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
        warnings.append(f"{path}:{(block.start_line or 0) + 1}: skipped {name}: it is not valid BibTeX")
    for entry in library.entries:
        fields = {k.lower(): _plain(str(f.value)) for k, f in entry.fields_dict.items()}
        venue = next((fields[k] for k in BIBTEX_VENUE_FIELDS if fields.get(k)), None)
        year = fields.get("year", "")
        publications.append(
            {
                "title": fields.get("title") or entry.key,
                "venue": venue,
                "year": int(year) if year.isdigit() else None,
            }
        )
        if venue is None:
            warnings.append(
                f"{path}:{(entry.start_line or 0) + 1}: entry '{entry.key}' names no venue (abbr, booktitle or journal)"
            )
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


def profile_from_json_resume(document: dict[str, Any], today: date | None = None) -> dict[str, Any]:
    """A JSON Resume (jsonresume.org schema v1) as profile data. The mapping is in the README."""
    today = today or date.today()
    basics = document.get("basics") or {}
    profile: dict[str, Any] = {}
    if basics.get("name"):
        profile["name"] = basics["name"]
    if basics.get("summary"):
        profile["statement"] = basics["summary"]
    place = basics.get("location") or {}
    country = gazetteer().country(str(place["countryCode"])).title() if place.get("countryCode") else None
    current = ", ".join(str(v) for v in (place.get("city"), place.get("region"), country) if v)
    if current:
        profile["location"] = {"current": current}

    # The degree studied for now (no end date, or one still to come); else the most advanced one.
    education = [e for e in document.get("education") or [] if isinstance(e, dict)]
    ongoing = [e for e in education if not e.get("endDate") or str(e.get("endDate")) >= today.isoformat()[:7]]
    candidates = ongoing or education or [{}]
    chosen = max(candidates, key=lambda e: (parse_stage(str(e.get("studyType") or "")) or 0, str(e.get("startDate") or "")))
    degree: dict[str, Any] = {"stage": chosen.get("studyType"), "enrolled": bool(ongoing)}
    if chosen.get("area"):
        degree["field"] = chosen["area"]
    if ongoing and _date_text(chosen.get("endDate")):
        degree["expected_graduation"] = _date_text(chosen.get("endDate"))[:7]  # type: ignore[index]
    profile["degree"] = degree

    experience = []
    for job in document.get("work") or []:
        if not isinstance(job, dict):
            continue
        role = job.get("position") or job.get("name") or "role"
        entry = {
            "role": role,
            "organization": job.get("name"),
            "research": bool(RESEARCH_ROLE.search(f"{role} {job.get('summary', '')}")),
        }
        if _date_text(job.get("startDate")):
            entry["start"] = _date_text(job.get("startDate"))
        entry["end"] = _date_text(job.get("endDate")) or "present"
        experience.append(entry)
    if experience:
        profile["experience"] = experience

    publications = [
        {
            "title": p.get("name"),
            "venue": p.get("publisher"),
            "year": int(str(p["releaseDate"])[:4]) if str(p.get("releaseDate", ""))[:4].isdigit() else None,
        }
        for p in document.get("publications") or []
        if isinstance(p, dict)
    ]
    if publications:
        profile["publications"] = publications

    for resume_key, profile_key in (("skills", "skills"), ("interests", "interests")):
        names = _names_and_keywords(document.get(resume_key))
        if names:
            profile[profile_key] = names
    return profile


def _names_and_keywords(entries: Any) -> list[str]:
    """JSON Resume's [{name, keywords: [...]}] as one list of distinct names, in order."""
    names: list[str] = []
    for entry in entries or []:
        if isinstance(entry, dict):
            names += [str(n) for n in [entry.get("name"), *(entry.get("keywords") or [])] if n]
    return list(dict.fromkeys(names))
