"""The records intern-match reads, judges and reports. Frozen: nothing changes them after loading."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import ClassVar, Literal, NamedTuple, TypeAlias


class Stage(enum.IntEnum):
    """Degree stages, ordered by seniority."""

    BACHELORS = 1
    MASTERS = 2
    PHD = 3
    POSTDOC = 4

    @property
    def label(self) -> str:
        """As written in files: "phd", "masters"."""
        return self.name.lower()

    @property
    def title(self) -> str:
        """As written in prose: "PhD", "Masters"."""
        return "PhD" if self is Stage.PHD else self.name.title()


Section: TypeAlias = Literal["required", "preferred"]


class Record:
    """Base of the records: pickles as a constructor call, which loads twice as fast as the
    generated slot-by-slot state (the posting cache holds tens of thousands of these)."""

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        names: tuple[str, ...] = self.__slots__  # the dataclass's fields, in order
        return (type(self), tuple(getattr(self, name) for name in names))


# ----------------------------------------------------------------------------- profile


@dataclass(frozen=True, slots=True)
class Degree(Record):
    """The degree the candidate is studying for (or has finished)."""

    stage: Stage
    field: str | None = None
    """Free text, e.g. "machine learning"; matched against postings' fields."""
    enrolled: bool = True
    """Currently enrolled at a university."""
    year: int | None = None
    expected_graduation: date | None = None
    thesis: str | None = None
    """The thesis title or topic, free text: evidence of the research field."""
    institution: str | None = None
    """The university studied at, for programmes open to some institutions only."""
    institution_location: str | None = None
    """Where that university is, for programmes open to students of some places only."""


@dataclass(frozen=True, slots=True)
class Experience(Record):
    """A role held; `research` roles count towards research years."""

    role: str
    organization: str | None
    start: date | None
    end: date | None
    """None means `present`."""
    research: bool
    description: str | None = None
    """What the role was about, free text: evidence of its research field."""
    topics: tuple[str, ...] = ()
    """The role's research topics, as the profile names them."""


@dataclass(frozen=True, slots=True)
class Publication(Record):
    """A paper as the profile states it; the venue is normalised when judged."""

    title: str | None
    venue: str | None
    year: int | None


@dataclass(frozen=True, slots=True)
class ProfileLocation(Record):
    current: str | None = None
    willing_to_relocate: bool = True
    preferred: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WorkAuthorization(Record):
    """Where the candidate may work: countries or areas (e.g. EU) of each standing."""

    citizen_of: tuple[str, ...] = ()
    permanent_resident_of: tuple[str, ...] = ()
    authorized_in: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Availability(Record):
    start: date | None
    end: date | None


@dataclass(frozen=True, slots=True)
class Profile(Record):
    """A candidate, as written in a profile file."""

    path: str
    degree: Degree
    name: str | None = None
    research_experience_years: float | None = None
    """As stated; None means derive it from `experience`."""
    experience: tuple[Experience, ...] = ()
    publications: tuple[Publication, ...] = ()
    skills: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    location: ProfileLocation | None = None
    availability: Availability | None = None
    statement: str | None = None
    work_authorization: WorkAuthorization | None = None
    warnings: tuple[str, ...] = ()
    """Things the loader passed over without failing (a broken BibTeX entry), for stderr."""

    @property
    def display_name(self) -> str:
        return self.name or self.path


# ----------------------------------------------------------------------------- posting
# A criterion is what one qualification of a posting asks for; its rule in matcher/rules/ reads,
# judges and explains it. `kind` is the key that names it in posting files.


@dataclass(frozen=True, slots=True)
class DegreeCriterion(Record):
    kind: ClassVar[str] = "degree"

    stages: tuple[Stage, ...]
    fields: tuple[str, ...] = ()
    enrolled: bool | None = None
    related_fields: bool = False
    """The posting adds "or a related field": a field it does not name is partial, not unmet."""
    enrolled_in: tuple[str, ...] = ()
    """Places (countries, areas such as EMEA) one of which the student's university must be in."""
    enrolled_at: tuple[str, ...] = ()
    """Institutions one of which the student must be enrolled at."""


@dataclass(frozen=True, slots=True)
class ResearchExperienceCriterion(Record):
    kind: ClassVar[str] = "research_experience"

    min_years: float | None
    """None: any research experience at all."""
    fields: tuple[str, ...] = ()
    related_fields: bool = False
    """As for DegreeCriterion."""


@dataclass(frozen=True, slots=True)
class PublicationsCriterion(Record):
    kind: ClassVar[str] = "publications"

    venues: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    min: int = 1
    since: int | None = None


@dataclass(frozen=True, slots=True)
class SkillsCriterion(Record):
    kind: ClassVar[str] = "skills"

    terms: tuple[str, ...]
    mode: Literal["any", "all"]
    min: int | None = None
    """How many of `terms` must match; `any` means 1 and `all` every one unless given."""
    examples_of: str | None = None
    """The terms are examples of this area ("one area of CS, e.g. ..."): any kind of it counts too."""


@dataclass(frozen=True, slots=True)
class LocationCriterion(Record):
    kind: ClassVar[str] = "location"

    on_site: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AvailabilityCriterion(Record):
    kind: ClassVar[str] = "availability"

    start: date | None
    weeks: int | None
    latest_start: date | None = None
    """The start may be moved up to this date ("starting in May, June or July")."""


@dataclass(frozen=True, slots=True)
class TextCriterion(Record):
    kind: ClassVar[str] = "text"

    text: str


@dataclass(frozen=True, slots=True)
class AnyOfCriterion(Record):
    kind: ClassVar[str] = "any_of"

    options: tuple[Qualification, ...]


@dataclass(frozen=True, slots=True)
class AllOfCriterion(Record):
    kind: ClassVar[str] = "all_of"

    members: tuple[Qualification, ...]


Criterion: TypeAlias = (
    DegreeCriterion
    | ResearchExperienceCriterion
    | PublicationsCriterion
    | SkillsCriterion
    | LocationCriterion
    | AvailabilityCriterion
    | TextCriterion
    | AnyOfCriterion
    | AllOfCriterion
)


def group_members(criterion: Criterion) -> tuple[Qualification, ...]:
    """The alternatives of an any_of or the members of an all_of; () for any other kind."""
    if isinstance(criterion, AnyOfCriterion):
        return criterion.options
    if isinstance(criterion, AllOfCriterion):
        return criterion.members
    return ()


@dataclass(frozen=True, slots=True)
class Qualification(Record):
    """One thing a posting asks for."""

    criterion: Criterion
    quote: str | None = None
    """The posting's own words, shown in explanations."""
    weight: float = 1.0
    note: str | None = None

    @property
    def kind(self) -> str:
        return self.criterion.kind


@dataclass(frozen=True, slots=True)
class Pay(Record):
    min: float | None
    max: float | None
    currency: str | None
    per: str | None


@dataclass(frozen=True, slots=True)
class Posting(Record):
    """One internship posting, as written in a posting file."""

    id: str
    title: str
    organization: str
    path: str
    location: tuple[str, ...] = ()
    team: str | None = None
    deadline: date | None = None
    start: date | None = None
    duration_weeks: int | None = None
    pay: Pay | None = None
    source: str | None = None
    """Where the text came from: a URL or a file name (a fetched posting's `source.url`)."""
    topics: tuple[str, ...] = ()
    status: str | None = None
    """"closed" once `fetch` found the posting gone from its board; None (or "open") otherwise.
    Declared before `required`: the cache builds postings from their fields in order."""
    closed_on: date | None = None
    """The day `fetch` found it gone."""
    first_seen: datetime | None = None
    """When `fetch` first wrote it (`source.first_seen`, UTC): what makes it new in a digest.
    None for a posting written by hand, which is never new."""
    required: tuple[Qualification, ...] = ()
    preferred: tuple[Qualification, ...] = ()


# ----------------------------------------------------------------------------- judgements


class Verdict(enum.Enum):
    MET = "met"
    PARTIAL = "partial"
    UNKNOWN = "unknown"
    UNMET = "unmet"


@dataclass(frozen=True, slots=True)
class Judgement(Record):
    """How one qualification was judged against one profile, with its evidence."""

    verdict: Verdict
    credit: float
    """0..1: met 1, unmet 0, partial in between; ignored when unknown."""
    rule: str
    """The rule applied, in words: "stage in [phd]; enrolled"."""
    evidence: str
    """What in the profile decided it, in words."""
    matched: str | None = None
    """The profile item that matched, as the profile wrote it."""
    similarity: int | None = None
    """Fuzzy score 0..100 of the deciding comparison (100 for exact or alias matches)."""
    parts: tuple[Judgement, ...] = ()
    """Judgements of the alternatives or members of any_of / all_of."""


@dataclass(frozen=True, slots=True)
class QualificationResult(Record):
    section: Section
    qualification: Qualification
    judgement: Judgement
    points: float
    """This qualification's share of the posting's score (0 when unknown or unmet)."""
    available: float
    """What it could have given if met."""


@dataclass(frozen=True, slots=True)
class TopicMatch(Record):
    topic: str
    matched: str | None
    """The profile item that spoke to this topic."""
    source: str | None
    """Where that item is in the profile: field, interests, skills, publications."""
    similarity: int
    how: str = "none"
    """exact | alias | narrower | contains | fuzzy | overlap (shared words) | none"""


@dataclass(frozen=True, slots=True)
class TopicFit(Record):
    fit: float
    """0..1: mean over the posting's topics of how well the profile speaks to them."""
    matches: tuple[TopicMatch, ...]
    points: float
    available: float


@dataclass(frozen=True, slots=True)
class Match(Record):
    """One posting judged against one profile."""

    posting: Posting
    eligible: bool
    score: float
    results: tuple[QualificationResult, ...]
    topic_fit: TopicFit
    reasons: tuple[str, ...] = field(default=())
    """The one or two things that mattered most, for the table."""

    def count(self, section: Section, verdict: Verdict | None = None) -> int:
        return sum(1 for r in self.results if r.section == section and (verdict is None or r.judgement.verdict is verdict))

    def met_and_totals(self) -> tuple[int, int, int, int]:
        """Required met, required in all, preferred met, preferred in all: a table row's counts."""
        met = Verdict.MET
        return self.count("required", met), self.count("required"), self.count("preferred", met), self.count("preferred")


class Standing(NamedTuple):
    """A posting's place in one profile's ranking: what a table row shows, without the
    explanations. Comes from the same judgements as a Match (Scorer.standing), at a fraction of
    the cost, so that tens of thousands of postings rank quickly; Scorer.score gives the Match.
    (A named tuple, unlike the other records: one is made for every posting ranked, and it is
    the cheapest immutable record to make.)"""

    posting: Posting
    eligible: bool
    score: float
    required: tuple[Verdict, ...]
    """The verdict on each required qualification, in the posting's order."""
    preferred: tuple[Verdict, ...]
    reasons: tuple[str, ...] = ()

    def count(self, section: Section, verdict: Verdict | None = None) -> int:
        verdicts = self.required if section == "required" else self.preferred
        return len(verdicts) if verdict is None else verdicts.count(verdict)

    def met_and_totals(self) -> tuple[int, int, int, int]:
        """As Match.met_and_totals (one call per row: tens of thousands of rows are written)."""
        required, preferred, met = self.required, self.preferred, Verdict.MET
        return required.count(met), len(required), preferred.count(met), len(preferred)


Ranked: TypeAlias = Match | Standing
"""What tables, filters and sort orders need of a ranked posting; either form has it."""
