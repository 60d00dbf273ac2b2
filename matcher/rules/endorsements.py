"""What others must give for the candidate, as a `text` qualification asks it: the home
institution's approval ("approval from the home institution", "a no-objection letter") or a
referee ("a referee willing to write a recommendation letter"). Only the candidate can say they
have it, so the statement is read for it: met when it says so ("my department has approved a
research stay for 2027", "my advisor will write a letter"), said inferred and quoted; otherwise
unknown, never unmet: a letter not yet mentioned can still be asked for.
"""

from __future__ import annotations

import re
from datetime import date

from matcher.knowledge.text import fold, sentences
from matcher.models import Profile
from matcher.rules.base import TextReading, clip

_ASKS: dict[str, re.Pattern[str]] = {
    "the home institution's approval": re.compile(
        r"\b(?:approv\w*|permission|no objection|consent|nominat\w*|endorse\w*)\b.*\b(?:home|institut\w*|universit\w*|"
        r"department|school|college|supervisor|advisor)\b|\b(?:home|institut\w*|universit\w*|department|supervisor|advisor)\b"
        r".*\b(?:approv\w*|permission|no objection|consent|nominat\w*|endorse\w*)\b"
    ),
    "a referee": re.compile(r"\b(?:referees?|recommendation letters?|letters? of (?:recommendation|reference|support))\b"),
}
_SAID: dict[str, re.Pattern[str]] = {
    "the home institution's approval": re.compile(
        r"\b(?:approved|has approved|have approved|gave (?:me )?permission|given (?:me )?permission|no objection|"
        r"consented|endorsed|nominated)\b"
    ),
    "a referee": re.compile(
        r"\b(?:advisor|adviser|supervisor|professor|mentor|manager|referee)s?\b.*\b(?:will|can|agreed to|has agreed to|"
        r"is willing to|offered to)\s+(?:write|provide|give)\b|\b(?:letters? of (?:recommendation|reference)|"
        r"recommendation letters?)\b.*\b(?:will|ready|arranged|agreed)\b"
    ),
}


def judge_endorsement(text: str, profile: Profile, today: date) -> TextReading | None:
    """The verdict on a text asking for an approval or a referee; None for a text about something else."""
    folded = fold(text)
    for what, asks in _ASKS.items():
        if not asks.search(folded):
            continue
        rule = f"an endorsement, read as: {what}, as the candidate says of it"
        for sentence in sentences(profile.statement or ""):
            if _SAID[what].search(fold(sentence)):
                return TextReading(True, rule, f"inferred from the statement: '{clip(sentence.strip(), 80)}'", "statement")
        return TextReading(None, rule, "the statement does not say")
    return None
