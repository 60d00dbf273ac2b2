"""How often intern-match agrees with the advisor-style judgements in tests/judgements/ (issue 19).

    python tools/judgement_agreement.py                 # the tuning part (judgements.yaml)
    python tools/judgement_agreement.py --show-misses   # ... and every disagreement, with its reason
    python tools/judgement_agreement.py --holdout       # the held-out fifth: score it only at the end
    python tools/judgement_agreement.py --set holdout2  # the second held-out set, written later

Each judgement is scored with the tool's own library, the way `intern-match rank --today` does:
the profile is loaded with `today`, a `Scorer(profile, today)` scores each posting, and postings
rank eligible first, then by score, then by id.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The only imports from intern-match; keep them here, in one place, so a refactoring of
# matcher/scoring.py (into matcher/rules/) needs one edit.
from matcher.loading import load_posting, load_profile  # noqa: E402
from matcher.models import Match, Posting, Profile  # noqa: E402
from matcher.scoring import Scorer  # noqa: E402

CORPUS = ROOT / "tests" / "judgements"
POSTING_DIRS = (CORPUS / "postings", ROOT / "postings")
TODAY = date(2026, 12, 1)
"""Fixed, so that research years counted up to "present" (and so the figures) are reproducible."""


@dataclass(frozen=True)
class Outcome:
    judgement_id: str
    category: str  # "eligible", "verdict:<kind>" or "order"
    held: bool
    expected: str
    got: str
    reason: str


class Corpus:
    """Profiles and postings, each loaded once; each (profile, posting) pair scored once."""

    def __init__(self) -> None:
        self.postings: dict[str, Posting] = {}
        for folder in POSTING_DIRS:
            for path in sorted(folder.glob("*.yaml")):
                posting = load_posting(str(path))
                self.postings[posting.id] = posting
        self._scorers: dict[str, Scorer] = {}
        self._matches: dict[tuple[str, str], Match] = {}

    def match(self, profile: str, posting: str) -> Match:
        key = (profile, posting)
        if key not in self._matches:
            if profile not in self._scorers:
                loaded: Profile = load_profile(str(CORPUS / "profiles" / f"{profile}.yaml"), TODAY)
                self._scorers[profile] = Scorer(loaded, TODAY)
            self._matches[key] = self._scorers[profile].score(self.postings[posting])
        return self._matches[key]


def _rank_key(match: Match) -> tuple[bool, float, str]:
    """Sorts the way the ranking does: eligible first, then higher score, then posting id."""
    return (not match.eligible, -match.score, match.posting.id)


def _verdict(match: Match, section: str, index: int) -> tuple[str, str]:
    """The tool's verdict on qualification `index` of `section`, and that qualification's kind."""
    results = [r for r in match.results if r.section == section]
    result = results[index]
    return result.judgement.verdict.value, result.qualification.kind


def score(judgement: dict[str, Any], corpus: Corpus) -> Outcome:
    jid, profile, reason = judgement["id"], judgement["profile"], judgement["reason"]
    if "higher" in judgement:
        higher = corpus.match(profile, judgement["higher"])
        lower = corpus.match(profile, judgement["lower"])
        got = f"{judgement['higher']} {'above' if _rank_key(higher) < _rank_key(lower) else 'below'} {judgement['lower']}"
        expected = f"{judgement['higher']} above {judgement['lower']}"
        return Outcome(jid, "order", got == expected, expected, got, reason)
    match = corpus.match(profile, judgement["posting"])
    if "eligible" in judgement:
        expected, got = str(judgement["eligible"]).lower(), str(match.eligible).lower()
        return Outcome(jid, "eligible", expected == got, expected, got, reason)
    where = judgement["qualification"]
    verdict, kind = _verdict(match, where["section"], where["index"])
    if kind != judgement["kind"]:
        raise SystemExit(f"{jid}: {where} is a {kind} qualification, the judgement says {judgement['kind']}")
    accepted = judgement["verdict"] if isinstance(judgement["verdict"], list) else [judgement["verdict"]]
    return Outcome(jid, f"verdict:{kind}", verdict in accepted, "|".join(accepted), verdict, reason)


def _line(label: str, held: int, total: int) -> str:
    return f"  {label:<32} {held:>3}/{total:<3} ({100 * held / total:5.1f}%)"


def report(outcomes: list[Outcome], show_misses: bool) -> str:
    by_category: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_category[outcome.category].append(outcome)
        if outcome.category.startswith("verdict:"):
            by_category["verdict (all kinds)"].append(outcome)
    order = ["eligible", "verdict (all kinds)"] + sorted(c for c in by_category if c.startswith("verdict:")) + ["order"]
    lines = [_line(c, sum(o.held for o in by_category[c]), len(by_category[c])) for c in order if by_category[c]]
    lines.append(_line("overall", sum(o.held for o in outcomes), len(outcomes)))
    if show_misses:
        lines.append("")
        for o in outcomes:
            if not o.held:
                lines.append(f"{o.judgement_id} [{o.category}] expected {o.expected}, got {o.got}: {o.reason}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--holdout", action="store_true", help="score holdout.yaml instead of judgements.yaml")
    parser.add_argument("--set", metavar="NAME", help="score tests/judgements/NAME.yaml (e.g. holdout2, the second held-out set)")
    parser.add_argument("--show-misses", action="store_true", help="list each disagreement with its reason")
    args = parser.parse_args(argv)
    name = f"{args.set}.yaml" if args.set else "holdout.yaml" if args.holdout else "judgements.yaml"
    judgements = yaml.safe_load((CORPUS / name).read_text(encoding="utf-8"))
    corpus = Corpus()
    outcomes = [score(j, corpus) for j in judgements]
    print(f"intern-match vs tests/judgements/{name} (today {TODAY.isoformat()}): agreement, held/total")
    print(report(outcomes, args.show_misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
