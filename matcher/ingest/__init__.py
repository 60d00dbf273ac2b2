"""Drafting a posting file from a posting as published: HTML (schema.org JobPosting JSON-LD first,
then the body), markdown (with or without front matter) or plain text. Offline and deterministic;
every drafted qualification quotes the sentence it came from, and every line of the posting is
either placed in the draft or listed for the reviewer with its line number. Pure functions, no I/O.

The pipeline, one module a step: source_lines (markup -> numbered lines), sections (which section
each line is in), degree_phrases, qualification_phrases and skill_phrases (what a sentence asks for;
skills the catalogue does not know from the lists a cue opens; sentences, asking_sentences and
preferences: how the text falls into sentences, which of them ask, which only prefer), dates and
metadata (organisation, places, dates, pay; page_facts gathers them; title_stages: the stage a title's
intern category or a kind of internship names), drafting (the draft and its account of every line; draft_file: the
draft's record, id and YAML).
"""

from matcher.ingest.draft_file import Draft, draft_yaml, slug
from matcher.ingest.drafting import draft_posting
from matcher.ingest.organisation import UNKNOWN_ORGANIZATION
from matcher.ingest.qualification_phrases import qualifications_from, skills_in, venues_in
from matcher.ingest.sections import split_run_on
from matcher.ingest.sentences import sentences
from matcher.ingest.source_lines import detect_format

__all__ = [
    "UNKNOWN_ORGANIZATION",
    "Draft",
    "detect_format",
    "draft_posting",
    "draft_yaml",
    "qualifications_from",
    "sentences",
    "skills_in",
    "slug",
    "split_run_on",
    "venues_in",
]
