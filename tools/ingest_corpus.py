"""How well `intern-match ingest` drafts the real postings of tests/ingest_corpus, against their gold.

Run from the repository root:
    python tools/ingest_corpus.py             # the tune split (default)
    python tools/ingest_corpus.py --all       # every posting
    python tools/ingest_corpus.py --holdout   # the held-out ten: only once tuning is over
    python tools/ingest_corpus.py --split holdout2   # any split by name (tune, holdout, holdout2)
    python tools/ingest_corpus.py --all --by-cause   # also: which drafted item made each verdict differ

For each index entry of the split it drafts the raw text with `draft_posting` and compares the draft
with the hand-written gold, field by field: accuracy for single-valued fields (title, organisation,
remote, degree stages, min research years, deadline, start) and micro-averaged precision / recall /
F1 for set fields (locations, degree fields, venues, required and preferred skills). It then lists,
per posting, the fields that differ. A draft that fails counts as wrong on every field.

Last, it ranks the judgement corpus's profiles (tests/judgements/profiles, or profiles/ when that
folder is absent) against the drafted and the gold postings with the same Scorer and a fixed
today, and prints how many verdicts (eligible or not, per profile and posting) differ.
"""

from __future__ import annotations

import argparse
import inspect
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from ingest_agreement import leaves, skill_set, stages, venue_set  # noqa: E402

from matcher.ingest import draft_posting  # noqa: E402
from matcher.knowledge.text import fold  # noqa: E402
from matcher.loading import load_posting, load_profile, posting_from_yaml  # noqa: E402
from matcher.models import (  # noqa: E402
    DegreeCriterion,
    Match,
    Posting,
    Profile,
    Qualification,
    ResearchExperienceCriterion,
    SkillsCriterion,
    TextCriterion,
    Verdict,
)
from matcher.scoring import Scorer  # noqa: E402

CORPUS = ROOT / "tests" / "ingest_corpus"
TODAY = date(2026, 11, 23)
"""A fixed today for the verdict comparison, so that its figure does not drift with the clock."""
SCALAR_FIELDS = ("title", "organization", "remote", "degree_stages", "min_research_years", "deadline", "start")
SET_FIELDS = ("locations", "degree_fields", "venues", "required_skills", "preferred_skills")
FAILED = object()  # a failed draft's value for every scalar field: equal to nothing


def folded(text: str) -> str:
    return " ".join(fold(text).split())


def degree_fields(p: Posting) -> set[str]:
    return {folded(f) for c in leaves(p.required) if isinstance(c, DegreeCriterion) for f in c.fields}


def min_research_years(p: Posting) -> float | None:
    years = [c.min_years for c in leaves(p.required) if isinstance(c, ResearchExperienceCriterion) and c.min_years is not None]
    return min(years) if years else None


def is_remote(places: set[str]) -> bool:
    return any(place.startswith("remote") for place in places)


def fields_of(p: Posting) -> tuple[dict[str, Any], dict[str, set[str]]]:
    """The posting's scalar and set fields, normalised for comparison."""
    places = {folded(place) for place in p.location}
    scalars: dict[str, Any] = {
        "title": folded(p.title),
        "organization": folded(p.organization),
        "remote": is_remote(places),
        "degree_stages": frozenset(stages(p)),
        "min_research_years": min_research_years(p),
        "deadline": p.deadline,
        "start": p.start,
    }
    sets = {
        "locations": places,
        "degree_fields": degree_fields(p),
        "venues": venue_set(p),
        "required_skills": skill_set(p.required),
        "preferred_skills": skill_set(p.preferred),
    }
    return scalars, sets


def draft(text: str, source: str, published: date | None) -> Posting:
    """The drafter's posting; passes the publication date if the drafter takes a context date."""
    kwargs: dict[str, Any] = {}
    params = inspect.signature(draft_posting).parameters
    for name in ("published", "context_date", "today"):
        if name in params and published is not None:
            kwargs[name] = published
    return posting_from_yaml(draft_posting(text, source, **kwargs).posting, "draft.yaml")


@dataclass
class Tally:
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SCALAR_FIELDS, 0))
    gold_set: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SCALAR_FIELDS, 0))
    right_when_set: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SCALAR_FIELDS, 0))
    hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SET_FIELDS, 0))
    got: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SET_FIELDS, 0))
    want: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SET_FIELDS, 0))
    n: int = 0
    failed: list[str] = field(default_factory=list)


def show(value: Any) -> str:
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(map(str, value))) + "}"
    return "-" if value is None else str(value)


def score(entry: dict[str, Any], tally: Tally) -> list[str]:
    """Add one posting to the tally; return its differing fields as printable lines."""
    gold = load_posting(str(CORPUS / entry["gold"]))
    want_scalars, want_sets = fields_of(gold)
    want_scalars["remote"] = bool(entry["remote"])
    raw = CORPUS / entry["file"]
    published = entry.get("published")
    tally.n += 1
    try:
        got_scalars, got_sets = fields_of(draft(raw.read_text(encoding="utf-8"), raw.name, published))
    except Exception as error:  # noqa: BLE001 - any failure of the drafter is a result to count
        tally.failed.append(f"{raw.name}: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
        got_scalars = dict.fromkeys(SCALAR_FIELDS, FAILED)
        got_sets = {name: set() for name in SET_FIELDS}
    diffs = []
    for name in SCALAR_FIELDS:
        has_value = want_scalars[name] not in (None, False, frozenset())
        tally.gold_set[name] += has_value
        if got_scalars[name] == want_scalars[name]:
            tally.right[name] += 1
            tally.right_when_set[name] += has_value
        else:
            shown = "(draft failed)" if got_scalars[name] is FAILED else show(got_scalars[name])
            diffs.append(f"  {name}: want {show(want_scalars[name])} | got {shown}")
    for name in SET_FIELDS:
        got, want = got_sets[name], want_sets[name]
        tally.hits[name] += len(got & want)
        tally.got[name] += len(got)
        tally.want[name] += len(want)
        if got != want:
            diffs.append(f"  {name}: missing {show(want - got)} | extra {show(got - want)}")
    return diffs


def judgement_profiles() -> list[Profile]:
    """The judgement corpus's profiles, or the bundled example profiles when it is absent."""
    folder = ROOT / "tests" / "judgements" / "profiles"
    folder = folder if folder.is_dir() else ROOT / "profiles"
    paths = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml", ".json"))
    return [load_profile(str(p), TODAY) for p in paths]


@dataclass
class Verdicts:
    compared: int = 0
    differ: list[str] = field(default_factory=list)
    """ "posting x profile: gold eligible, draft not" lines."""
    causes: dict[str, int] = field(default_factory=dict)
    """Cause label -> how many differing verdicts it explains (a verdict may have several causes)."""


def leaf_kinds(q: Qualification) -> str:
    """A qualification's kind, a group named by its members' kinds ("degree+skills")."""
    kinds = sorted({c.kind for c in leaves((q,))})
    return "+".join(kinds)


def skill_words(q: Qualification) -> set[str]:
    return {folded(t) for c in leaves((q,)) if isinstance(c, SkillsCriterion) for t in c.terms}


def counterpart(q: Qualification, other: Posting) -> str:
    """Where the other posting asks for what `q` asks: "same" (in required), "preferred" (only there),
    "differs" (required holds its kind, not it) or "absent"."""

    def like(o: Qualification) -> bool:
        """The same ask, perhaps worded otherwise: one kind, and for skills some term in common."""
        if o.criterion == q.criterion:
            return True
        if leaf_kinds(o) != leaf_kinds(q):
            return False
        words = skill_words(q)
        return not words or bool(words & skill_words(o))

    if any(like(o) for o in other.required):
        return "same" if any(o.criterion == q.criterion for o in other.required) else "differs"
    if any(like(o) for o in other.preferred):
        return "preferred"
    return "absent"


def unmet_items(match: Match) -> list[tuple[Qualification, str]]:
    """The required qualifications judged unmet, with the rule's words (for text: which reading)."""
    return [
        (r.qualification, r.judgement.rule)
        for r in match.results
        if r.section == "required" and r.judgement.verdict is Verdict.UNMET
    ]


def causes_of(gold: Posting, drafted: Posting, gold_match: Match, draft_match: Match) -> list[str]:
    """Why one verdict differs, named by the drafted field at fault: the draft's unmet items when
    the gold is eligible ("skills: draft requires, gold has it preferred"), else the gold's unmet items
    the draft lost ("degree: draft differs")."""
    labels = []
    wording = {
        "same": "judged differently",
        "preferred": "gold prefers it",
        "differs": "gold asks otherwise",
        "absent": "gold does not ask",
    }
    if gold_match.eligible:  # the draft asks for something the profile lacks
        for q, rule in unmet_items(draft_match):
            kind = leaf_kinds(q) + (f" ({rule.split()[0]})" if isinstance(q.criterion, TextCriterion) else "")
            labels.append(f"draft too strict: {kind}: {wording[counterpart(q, gold)]}")
    else:  # the draft lost or softened an ask the profile fails
        lost = {
            "same": "judged differently",
            "preferred": "draft prefers it",
            "differs": "draft asks otherwise",
            "absent": "draft misses it",
        }
        for q, rule in unmet_items(gold_match):
            where = counterpart(q, drafted)
            if where == "same":
                continue
            kind = leaf_kinds(q) + (f" ({rule.split()[0]})" if isinstance(q.criterion, TextCriterion) else "")
            labels.append(f"draft too lenient: {kind}: {lost[where]}")
    return sorted(set(labels)) or ["other"]


def compare_verdicts(entries: list[dict[str, Any]]) -> Verdicts:
    """Rank every profile against each drafted and gold posting: how many eligibility verdicts differ.
    A draft that fails to load counts every verdict on it as differing."""
    verdicts = Verdicts()
    pairs: list[tuple[Path, Posting, Posting | None]] = []  # drafted once, not once per profile
    for entry in entries:
        raw = CORPUS / entry["file"]
        try:
            drafted: Posting | None = draft(raw.read_text(encoding="utf-8"), raw.name, entry.get("published"))
        except Exception:  # noqa: BLE001 - a failed draft is a wrong verdict, counted
            drafted = None
        pairs.append((raw, load_posting(str(CORPUS / entry["gold"])), drafted))
    for profile in judgement_profiles():
        scorer = Scorer(profile, TODAY)
        for raw, gold, drafted in pairs:
            want = scorer.score(gold).eligible
            got: bool | None = scorer.score(drafted).eligible if drafted is not None else None
            verdicts.compared += 1
            if got != want:
                shown = {True: "eligible", False: "not eligible", None: "draft failed"}
                labels = (
                    ["draft failed"] if drafted is None else causes_of(gold, drafted, scorer.score(gold), scorer.score(drafted))
                )
                for label in labels:
                    verdicts.causes[label] = verdicts.causes.get(label, 0) + 1
                verdicts.differ.append(
                    f"{raw.name} x {Path(profile.path).name}: gold {shown[want]}, draft {shown[got]} [{'; '.join(labels)}]"
                )
    return verdicts


def prf(hits: int, got: int, want: int) -> tuple[float, float, float]:
    precision = hits / got if got else (1.0 if not want else 0.0)
    recall = hits / want if want else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--holdout", action="store_true", help="score the held-out ten (only once tuning is over)")
    which.add_argument("--all", action="store_true", help="score every posting")
    which.add_argument("--split", help="score the postings of one split of index.yaml (tune, holdout, holdout2)")
    parser.add_argument("--by-cause", action="store_true", help="count differing verdicts by the drafted item at fault")
    args = parser.parse_args(argv)
    split = "all" if args.all else "holdout" if args.holdout else args.split or "tune"
    entries = yaml.safe_load((CORPUS / "index.yaml").read_text(encoding="utf-8"))
    chosen = [e for e in entries if split == "all" or e["split"] == split]
    if not chosen:
        parser.error(f"no posting in split {split!r}; index.yaml has {sorted({e['split'] for e in entries})}")
    tally = Tally()
    report = [(e["file"], score(e, tally)) for e in chosen]

    print(f"split: {split}, {tally.n} postings, {len(tally.failed)} draft(s) failed")
    print(f"{'field':<20} {'accuracy':>8} {'n':>4}   {'where gold has a value':>22} {'n':>4}")
    for name in SCALAR_FIELDS:
        set_n = tally.gold_set[name]
        when_set = f"{tally.right_when_set[name] / set_n:.2f}" if set_n else "-"
        print(f"{name:<20} {tally.right[name] / tally.n if tally.n else 0:>8.2f} {tally.n:>4}   {when_set:>22} {set_n:>4}")
    print(f"\n{'field':<20} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'draft':>5}")
    for name in SET_FIELDS:
        p, r, f = prf(tally.hits[name], tally.got[name], tally.want[name])
        print(f"{name:<20} {p:>6.2f} {r:>6.2f} {f:>6.2f} {tally.want[name]:>5} {tally.got[name]:>5}")
    for line in tally.failed:
        print(f"\nDRAFT FAILED (counted all wrong) {line}")
    verdicts = compare_verdicts(chosen)
    share = len(verdicts.differ) / verdicts.compared if verdicts.compared else 0.0
    print(
        f"\nverdicts (eligible or not, {len(judgement_profiles())} profiles x {tally.n} postings, today {TODAY}): "
        f"{len(verdicts.differ)} of {verdicts.compared} differ between drafted and gold postings ({share:.1%})"
    )
    if args.by_cause:
        print("\ndiffering verdicts by cause (a verdict may have several):")
        for label, count in sorted(verdicts.causes.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {count:>4}  {label}")
    for line in verdicts.differ:
        print(f"  {line}")
    print("\nfields that differ, per posting:")
    for name, diffs in report:
        print(f"{name}: {'all match' if not diffs else ''}")
        for line in diffs:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
