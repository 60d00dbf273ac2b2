"""Every weight and threshold of the matcher, in one place. Change them here and nowhere else.

Similarities are rapidfuzz scores from 0 to 100 over folded text (lower case, no punctuation).
"""

# --- how a posting's score is made (see README "How scoring works") ---------------------------
REQUIRED_SHARE = 0.5
"""Share of the score earned by required qualifications (weighted mean of their credit)."""
PREFERRED_SHARE = 0.3
"""Share earned by preferred qualifications."""
TOPIC_SHARE = 0.2
"""Share earned by topical fit: the posting's topics against the profile's field, interests,
skills and publication areas. It orders postings whose qualifications are met equally."""
# A part with nothing to judge (no preferred qualifications, every one unknown, no topics) gives
# its share to the others in proportion, so a score is always "earned / what could be earned".

# --- fuzzy matching cut-offs --------------------------------------------------------------------
TERM_FUZZY_CUTOFF = 85
"""A skill or field written differently (typo, word order) still matches at this similarity."""
SHORT_TERM_LENGTH = 4
"""Terms this short or shorter ("C", "R", "Go", "AI") match exactly or by alias, never fuzzily."""
VENUE_FUZZY_CUTOFF = 90
"""A venue's full name written differently still resolves at this similarity."""
PLACE_FUZZY_CUTOFF = 90
"""A city written differently ("Zürich"/"Zurich" aside, which folding handles) still matches."""
INSTITUTION_FUZZY_CUTOFF = 90
"""Two ways of writing one university ("Univ. of Edinburgh", "University of Edinburgh")."""
TEXT_WORD_CUTOFF = 88
"""A word of a free-text qualification is spoken to by a profile word at this similarity."""
TEXT_MET_COVERAGE = 0.5
"""A text qualification is met when this share of its content words is spoken to by the profile;
below it the verdict is unknown (never partial or unmet): free text is judged only when the
profile clearly speaks to it, so weak evidence never costs points that silence would not."""
TOPIC_CUTOFF = 85
"""A posting topic counts as spoken to by a profile item at this similarity."""
NARROWER_TOPIC_FACTOR = 0.6
"""A topic spoken to only through a narrower term (topic "deep learning", profile skill "PyTorch")
counts at this fraction: broad topics are easy to meet indirectly, so a posting whose own
specific topics the profile names directly ranks above a generic one."""

# --- partial credit -------------------------------------------------------------------------------
RELATED_FIELD_CREDIT = 0.5
"""Credit when the posting accepts "a related field" (`related_fields: true`) and the profile's
field is none of those it names: the tool cannot judge relatedness, so this is partial. Without
`related_fields` such a field is unmet."""

# --- judging as an advisor would -------------------------------------------------------------------
UNKNOWN_FIELD_CUTOFF = 90
"""A field the term catalogue does not know is supported by evidence spelled this much alike
(plain similarity, not word overlap: "EEG signal processing" is not "signal processing")."""
LATE_START_WEEKS = 4
"""A candidate free only this many weeks or more after an internship starts cannot take it:
unmet, not partial. Less is a start an employer can usually move."""
AVAILABILITY_PARTIAL_SHARE = 0.8
"""Free for less than this share of an internship's weeks is unmet, not partial: a term a fifth
shorter than asked is rarely arranged (the judgement corpus: 9 of 12 weeks, 14 of 21, unmet)."""
PARTIAL_YEARS_SHARE = 0.5
"""Research years below this share of a posting's minimum are unmet, not partial: three months
against "a year of research" is not nearly there."""
