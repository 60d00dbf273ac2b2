"""What every rule shares: the Rule each kind of qualification subclasses, the judgement it
returns, and the Fill it offers `gaps`.

A rule is the one home of its kind: how the kind is read from a posting file, how it is judged
against a profile (met / partial / unmet / unknown, with the evidence used), the few words that
name it in a table's reasons, what `gaps` could add to the profile to meet it, and, for kinds
judged by the fast path, the profile-free key the cache keeps for it. Pure: no I/O, no terminal.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Generic, NamedTuple, Protocol, TypeVar

from matcher.models import Judgement, Posting, Profile, Qualification, Verdict

if TYPE_CHECKING:
    from matcher.positioned import ValueReader

C = TypeVar("C")
K = TypeVar("K")
V = TypeVar("V")

Assessment = tuple[Verdict, float]
"""A judgement's verdict and credit alone: what a score needs, without the words of an explanation."""

Key = tuple[Any, ...]
"""A criterion's assessment key: its kind first, then what its assessment reads of it, worked out
without a profile (see Rule.key)."""

ReadQualification = Callable[["ValueReader", Any, Any, str], "Qualification | None"]
"""Reads one qualification (any kind) of a posting file: what any_of and all_of read their members with."""


def judgement(
    verdict: Verdict,
    rule: str,
    evidence: str,
    *,
    credit: float = 0.0,
    matched: str | None = None,
    similarity: int | None = None,
    parts: tuple[Judgement, ...] = (),
) -> Judgement:
    """A judgement; `credit` counts only for partial verdicts (met is 1, unmet and unknown 0)."""
    return Judgement(verdict, credit_of(verdict, credit), rule, evidence, matched, similarity, parts)


def credit_of(verdict: Verdict, credit: float) -> float:
    if verdict is Verdict.MET:
        return 1.0
    return round(credit, 4) if verdict is Verdict.PARTIAL else 0.0


def fraction(done: float, needed: float) -> Verdict:
    """Met when `done` reaches `needed`, partial when some is done, else unmet."""
    if done >= needed:
        return Verdict.MET
    return Verdict.PARTIAL if done > 0 else Verdict.UNMET


def clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def no_judgement() -> Judgement:
    raise AssertionError("an unmet criterion's words need no judgement")  # pragma: no cover


class Memo(dict[K, V]):
    """A value by its key, made on first lookup: a dict, so that a map can look many up in C."""

    def __init__(self, make: Callable[[K], V]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: K) -> V:
        value = self[key] = self.make(key)
        return value


class TextReading(NamedTuple):
    """What one family of text qualifications (graduation, citizenship, grades, languages, ...)
    makes of a text and a profile; matcher.rules.text asks each family in turn, and a family that
    gives None does not read that text. `evidence` is as the judgement shows it, said inferred or
    estimated where it was."""

    met: bool | None
    """None: the text is of the family's kind, but the profile does not say (unknown)."""
    rule: str
    """What the text is about and how it was read, as the judgement's rule says it after "text about"."""
    evidence: str
    matched: str | None = None
    partial_credit: float | None = None
    """Not met, but near it: partial, with this credit."""

    @property
    def verdict(self) -> Verdict:
        if self.met is None:
            return Verdict.UNKNOWN
        if self.met:
            return Verdict.MET
        return Verdict.UNMET if self.partial_credit is None else Verdict.PARTIAL


@dataclass(frozen=True, slots=True)
class Fill:
    """One way to close a gap: what to add to the profile, as a function of the profile."""

    kind: str
    item: str
    key: tuple[object, ...]
    """Equivalent fills share a key: the same skill asked by five postings is one gap."""
    quick: bool
    apply: Callable[[Profile], Profile]
    changes: frozenset[str]
    """The parts of the profile `apply` changes (the names Rule.reads uses)."""


class Judges(Protocol):
    """What a rule may ask of the scorer it belongs to (matcher.scoring.Scorer)."""

    profile: Profile
    today: date

    def judge(self, qualification: Qualification, posting: Posting | None) -> Judgement:
        """Another qualification's judgement: any_of and all_of judge their members."""
        ...

    def fills(self, qualification: Qualification, judgement: Judgement) -> list[Fill]:
        """Another qualification's fills: any_of and all_of offer their members'."""
        ...


PROFILE_PARTS = frozenset(
    {"degree", "research", "publications", "skills", "interests", "location", "availability", "statement", "work_authorization"}
)
"""The parts of a profile a rule may read (Rule.reads): "research" is its stated years and its
experience entries; the others are the profile's keys of that name."""


class Rule(Generic[C]):
    """One kind of qualification. Subclasses set the class attributes and define `read`,
    `judge` and `label`; the fast path's key, `gaps`' fills and the others have defaults.

    A scorer makes one instance of each rule for its profile, so an instance keeps what it derives
    from the profile (what it matches against, its memos) for every posting it judges."""

    criterion: ClassVar[type]
    """The record a posting's qualification of this kind is read into (matcher.models)."""
    kind: ClassVar[str]
    """The key that names the kind in posting files ("degree"): its criterion's `kind`."""
    reads: ClassVar[frozenset[str]] = PROFILE_PARTS
    """The parts of a profile (PROFILE_PARTS) the rule reads: a scorer for a profile that
    differs only in other parts keeps this rule's instance and every judgement it made."""
    per_posting: ClassVar[bool] = False
    """Whether a judgement depends on the posting as well (its start and duration), not on the
    criterion alone."""

    @classmethod
    def on_posting(cls, c: C) -> bool:
        """Whether this criterion's judgement depends on the posting (per_posting; a group's,
        on whether any member's does)."""
        return cls.per_posting

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        if "criterion" in cls.__dict__:
            cls.kind = cls.criterion.kind  # type: ignore[attr-defined]

    def __init__(self, judges: Judges) -> None:
        # The scorer holds its rules; a rule reaches it through a weak proxy, so that a scorer
        # nobody uses is freed at once (the CLI runs without the cycle collector) with what it
        # holds: its judgements and a folder's fast-path columns.
        self.judges = weakref.proxy(judges)
        self.profile = judges.profile
        self.today = judges.today

    # --- reading ---------------------------------------------------------------------------

    @classmethod
    def read(cls, reader: ValueReader, value: Any, mark: Any, what: str, read_qualification: ReadQualification) -> C | None:
        """The criterion a posting file writes under this kind's key; problems go to `reader`."""
        raise NotImplementedError

    # --- judging ---------------------------------------------------------------------------

    def judge(self, c: C, posting: Posting | None) -> Judgement:
        """How the criterion stands against the profile, with the evidence. `posting` is None
        where the rule is not per_posting and the criterion was read from the cache's table."""
        raise NotImplementedError

    # --- the fast path -----------------------------------------------------------------------

    @classmethod
    def key(cls, c: C) -> Key | None:
        """What this criterion's assessment reads of it, worked out once without a profile, so
        that the cache keeps it and every profile assesses it from there (assess_keys); None for
        kinds judged in full each time."""
        return None

    @classmethod
    def criterion_of(cls, key: Key) -> C:
        """The criterion a key was made from."""
        raise NotImplementedError(f"{cls.kind} has no assessment key")

    def assess_keys(self, keys: Sequence[Key]) -> Iterable[Assessment]:
        """The verdict and credit `judge` gives each criterion with these keys, in order."""
        for key in keys:
            j = self.judge(self.criterion_of(key), None)
            yield j.verdict, j.credit

    # --- words ------------------------------------------------------------------------------

    @classmethod
    def label(cls, c: C, verdict: Verdict, judgement: Callable[[], Judgement]) -> str:
        """A few words naming what the qualification is about, for a table's reasons column.
        `judgement` is asked for only where the words depend on it (what matched)."""
        raise NotImplementedError

    @classmethod
    def unmet_label(cls, key: Key) -> str:
        """`label` of an unmet criterion with this key: it names what is asked for."""
        return cls.label(cls.criterion_of(key), Verdict.UNMET, no_judgement)

    def key_label(self, key: Key, verdict: Verdict, judgement: Callable[[], Judgement]) -> str:
        """`label` of a criterion with this key."""
        return self.label(self.criterion_of(key), verdict, judgement)

    # --- gaps -------------------------------------------------------------------------------

    def fills(self, c: C, j: Judgement) -> list[Fill]:
        """What, added to the profile, would meet this open (unmet or partial) criterion, judged
        `j`; none where the tool cannot say."""
        return []
