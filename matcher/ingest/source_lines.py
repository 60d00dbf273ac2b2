"""A posting as published (HTML, markdown or plain text) -> the lines a reader sees, each with the
line number it has in the source file, so that a draft can say where every line went."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from matcher.knowledge.terms import catalogue as term_catalogue


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line of a posting as a reader sees it."""

    number: int
    """Its line number in the source file (1-based)."""
    text: str
    """The text without markup; bullets start with "- "."""
    marked_heading: bool = False
    """The markup says it is a heading (<h2>, "## ", a line in bold on its own)."""


@dataclass
class Page:
    """What a published posting holds besides its lines."""

    lines: list[SourceLine]
    title: str | None = None
    """<title> of an HTML page, `title:` of markdown front matter."""
    front_matter: dict[str, str] = field(default_factory=dict)
    job_postings: list[dict[str, Any]] = field(default_factory=list)
    """schema.org JobPosting objects from the page's JSON-LD blocks."""
    site_name: str | None = None
    """The name a site gives itself (<meta property="og:site_name">, "application-name")."""


def detect_format(text: str) -> str:
    """html | markdown | text."""
    head = text[:4000].lower()
    if re.search(r"<(li|ul|br|p|div|section|strong|h[1-6]|html|body)\b", head) and not text.lstrip().startswith("---"):
        return "html"
    if text.lstrip().startswith("---") or re.search(r"^#{1,6} |^\* |\]\(|^\*\*[^*]+\*\*\s*$", text, re.MULTILINE):
        return "markdown"
    return "text"


def read_page(text: str) -> Page:
    kind = detect_format(text)
    if kind == "html":
        return html_page(text)
    if kind == "markdown":
        return markdown_page(text)
    return Page(text_lines(text))


# ----------------------------------------------------------------------------- plain text

BULLET = re.compile(r"^\s*(?:[-*+•◦▪·●○–]|\d{1,2}[.)])\s+")
"""Bullet glyphs of text pages, and numbered items; each becomes "- "."""


GLUED_SENTENCE = re.compile(r"(?<=[a-z)]{2})([.:;!?])(?=[A-Z][a-z])")
"""Where a board lost its line breaks, sentences and items touch: "qualifications:Currently",
"recommenders.Natural Language"."""
GLUED_WORDS = re.compile(r"\b([A-Z]?[a-z]{4,}|[A-Za-z]\+\+)([A-Z](?:[a-z]{3,}|[A-Z]{1,4}\b))")
"""An item's last word run into the next item's first: "a related fieldDomain expertise",
"TransformersModel training", "C++LLM experience". The items were lines: they are parted as
sentences, so that each is read as its own item."""


def unglued(text: str) -> str:
    """Items a board ran together, parted again. Words are parted only on a line that shows the lost
    breaks between sentences too, and never a name written in camel case (JavaScript, TensorFlow):
    the left part is four lower-case letters or more and the whole is no catalogue term."""
    if not GLUED_SENTENCE.search(text):
        return text

    def part(match: re.Match[str]) -> str:
        whole = match.group(0)
        return whole if term_catalogue().resolve(whole).how in ("exact", "alias") else f"{match.group(1)}. {match.group(2)}"

    return GLUED_WORDS.sub(part, GLUED_SENTENCE.sub(r"\1 ", text))


def _line(number: int, raw: str, marked_heading: bool = False) -> SourceLine | None:
    text = unglued(raw.replace("\xa0", " ").replace("\u200b", ""))
    bullet = BULLET.match(text)
    text = " ".join(text.split())
    if bullet:
        text = "- " + " ".join(text[len(bullet.group(0).strip()) :].split())
    if not text or text in ("-", "##") or re.fullmatch(r"\d{1,2}[.)]", text):
        return None  # blank, or a number split from its item
    return SourceLine(number, text, marked_heading)


def rewrapped(lines: list[SourceLine]) -> list[SourceLine]:
    """Lines a writer's editor broke inside a sentence joined again (mail and Usenet posts, text
    wrapped at 72 columns): a line goes on into the next one in the source when it ends without a
    sentence's or a lead-in's stop and the next starts with a lower-case word. Otherwise "open to graduate
    students in computer" / "science at ..." reads as two asks, the field cut in half."""
    out: list[SourceLine] = []
    for line in lines:
        last = out[-1] if out else None
        if (
            last is not None
            and line.number == last.number + 1
            and not (last.marked_heading or line.marked_heading)
            and re.match(r"[a-z][a-z'’-]*(?:[,;.)]|\s|$)", line.text)  # a word, not "rapidjob.de"
            and len(last.text.split()) >= 4  # a line of prose, not a name or a label
            and not re.search(r"[.:;!?]$", last.text)
        ):
            out[-1] = SourceLine(last.number, f"{last.text} {line.text}")
            continue
        out.append(line)
    return out


def text_lines(text: str) -> list[SourceLine]:
    lines = []
    for number, raw in enumerate(text.splitlines(), 1):
        # A facts table pasted as text: "Location<TAB>Mountain View" reads "Location: Mountain View".
        raw = re.sub(r"^([A-Z][\w ]{1,30})\t+", r"\1: ", raw.strip()).replace("\t", " ")
        line = _line(number, raw)
        if line is not None:
            lines.append(line)
    return rewrapped(lines)


# ----------------------------------------------------------------------------- markdown

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MD_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)([^*]+?)\*(?![\w*])")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_BOLD_LINE = re.compile(r"^\s*(\*\*|__)([^*_]+?)\1\s*:?\s*$")
_TAG = re.compile(r"<[^>]+>")


def markdown_page(text: str) -> Page:
    front: dict[str, str] = {}
    offset = 0
    match = _FRONT_MATTER.match(text)
    if match:
        for line in match.group(1).splitlines():
            if ":" in line:
                key, value = line.split(":", 1)
                front[key.strip().lower()] = value.strip().strip("\"'")
        offset = text[: match.end()].count("\n")
        text = text[match.end() :]
    lines = []
    for number, raw in enumerate(text.splitlines(), offset + 1):
        if re.fullmatch(r"\s*\|?[\s:|-]+\|?\s*", raw) and "-" in raw:
            continue  # a table's separator row
        heading = _MD_HEADING.match(raw)
        bold = _MD_BOLD_LINE.match(raw)
        raw = heading.group(1) if heading else raw
        cells = [c.strip() for c in raw.strip().strip("|").split("|")] if raw.strip().startswith("|") else []
        if cells:  # "| Location | Berlin |" reads "Location: Berlin"
            raw = ": ".join(c for c in cells if c) if len(cells) == 2 else " | ".join(c for c in cells if c)
        raw = _MD_IMAGE.sub("", raw)
        raw = _MD_LINK.sub(r"\1", raw)
        raw = _MD_EMPHASIS.sub(r"\2", raw)
        raw = _MD_ITALIC.sub(r"\1", raw)
        raw = _TAG.sub(" ", raw).replace("&amp;", "&").replace("&nbsp;", " ")
        line = _line(number, raw, marked_heading=bool(heading or bold))
        if line is not None:
            lines.append(line)
    return Page(rewrapped(lines), title=front.get("title"), front_matter=front)


# ----------------------------------------------------------------------------- HTML


class _PageReader(HTMLParser):
    """HTML -> lines with their source line numbers: block elements and <br> end lines, list
    items become "- " bullets, headings and bold-only lines are marked; scripts, styles, navigation
    and icons are dropped, but the <title> and JSON-LD blocks are kept."""

    BLOCKS = frozenset(
        "p div section article main ul ol table tr td th h1 h2 h3 h4 h5 h6 header footer blockquote dl dt dd br hr li "
        "details summary".split()
    )
    HEADINGS = frozenset("h1 h2 h3 h4 h5 h6 dt summary".split())
    SKIP = frozenset("script style button svg noscript nav head form select".split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[SourceLine] = []
        self.current: list[str] = []
        self.current_number = 0
        self.heading_depth = 0
        self.bold_only = True
        self.skipping: list[str] = []
        self.in_bold = 0
        self.title_parts: list[str] = []
        self.in_title = False
        self.json_ld: list[str] = []
        self.in_json_ld = False
        self.site_name: str | None = None

    def _end_line(self) -> None:
        text = "".join(self.current)
        marked = self.heading_depth > 0 or (self.bold_only and bool(text.strip()) and len(text) < 120)
        line = _line(self.current_number, text, marked_heading=marked)
        if line is not None:
            self.lines.append(line)
        self.current = []
        self.bold_only = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag == "meta":
            meta = dict(attrs)
            if (meta.get("property") or meta.get("name") or "").lower() in ("og:site_name", "application-name"):
                self.site_name = (meta.get("content") or "").strip() or self.site_name
        if tag == "script" and ("type", "application/ld+json") in attrs:
            self.in_json_ld = True
            self.json_ld.append("")
        if tag in self.SKIP:
            self.skipping.append(tag)
            return
        if tag in self.BLOCKS:
            self._end_line()
        if tag == "li":
            self.current.append("- ")
            self.current_number = self.getpos()[0]
        if tag in self.HEADINGS:
            self.heading_depth += 1
        if tag in ("strong", "b"):
            self.in_bold += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "script":
            self.in_json_ld = False
        if tag in self.SKIP:
            if tag in self.skipping:
                self.skipping.remove(tag)
            return
        if tag in self.BLOCKS:
            self._end_line()
        if tag in self.HEADINGS:
            self.heading_depth = max(0, self.heading_depth - 1)
        if tag in ("strong", "b"):
            self.in_bold = max(0, self.in_bold - 1)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        if self.in_json_ld:
            self.json_ld[-1] += data
        if self.skipping or not data.strip() and not self.current:
            return
        if not "".join(self.current).strip(" -"):
            self.current_number = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
        if data.strip() and not self.in_bold and not self.heading_depth:
            self.bold_only = False
        self.current.append(data.replace("\n", " "))

    def close(self) -> None:
        super().close()
        self._end_line()


def html_page(markup: str) -> Page:
    reader = _PageReader()
    reader.feed(markup)
    reader.close()
    title = " ".join("".join(reader.title_parts).split()) or None
    return Page(reader.lines, title=title, job_postings=job_postings_in(reader.json_ld), site_name=reader.site_name)


def job_postings_in(blocks: list[str]) -> list[dict[str, Any]]:
    """The schema.org JobPosting objects of a page's JSON-LD blocks (an object, a list, an @graph)."""
    found: list[dict[str, Any]] = []
    for block in blocks:
        try:
            data = json.loads(block)
        except ValueError:
            continue  # a broken block is the page's problem; the body is read anyway
        todo = data if isinstance(data, list) else [data]
        while todo:
            item = todo.pop(0)
            if isinstance(item, dict):
                kinds = item.get("@type")
                if kinds == "JobPosting" or isinstance(kinds, list) and "JobPosting" in kinds:
                    found.append(item)
                todo.extend(item.get("@graph") or [])
    return found
