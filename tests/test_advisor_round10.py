"""What the judgement corpus (tests/judgements, round 10 of the rules) showed a careful advisor reads
and the rules did not: a programme's partner or member institutions written as text, and student
status kept for the whole internship. Each is asserted through the public scorer, as a posting file
and a profile would say it."""

from __future__ import annotations

from matcher.models import Verdict

from .conftest import judged

# --- partner or member institutions written as text ----------------------------------------------

NOT_PARTNER = "text: Not a student of an EPFL partner university (CMU, Georgia Tech, University of Toronto, UBC, NTU)"
PARTNER = "text: 'Students of our partner universities: LUMS, NUST and FAST'"


def test_a_student_elsewhere_meets_a_text_that_excludes_the_partners() -> None:
    j = judged(NOT_PARTNER, "degree: {stage: masters, institution: San José State University}")
    assert j.verdict is Verdict.MET and "San José State University" in j.evidence


def test_a_student_of_a_listed_partner_does_not_by_initials_or_short_name() -> None:
    assert judged(NOT_PARTNER, "degree: {stage: masters, institution: Nanyang Technological University}").verdict is Verdict.UNMET
    assert judged(NOT_PARTNER, "degree: {stage: masters, institution: Georgia Institute of Technology}").verdict is Verdict.UNMET


def test_a_list_asked_for_is_met_by_a_student_of_one_of_them() -> None:
    lums = "degree: {stage: masters, institution: Lahore University of Management Sciences}"
    assert judged(PARTNER, lums).verdict is Verdict.MET
    assert judged(PARTNER, "degree: {stage: masters, institution: MIT}").verdict is Verdict.UNMET


def test_a_bare_list_that_excludes_institutions_is_read_too() -> None:
    j = judged("text: Not a student of CMU, MIT, ..., NTU", "degree: {stage: phd, institution: Carnegie Mellon University}")
    assert j.verdict is Verdict.UNMET and "NTU" in j.rule


def test_the_institution_of_a_current_study_role_is_said_inferred() -> None:
    j = judged(
        NOT_PARTNER,
        "degree: {stage: phd}\nexperience:\n  - {role: PhD student, organization: University of Toronto, start: 2025-09}",
    )
    assert j.verdict is Verdict.UNMET and "inferred" in j.evidence


def test_a_partner_rule_without_its_list_is_unknown_never_unmet() -> None:
    j = judged("text: Enrolled at an institution that has signed an MOU with NII", "degree: {stage: phd, institution: MIT}")
    assert j.verdict is Verdict.UNKNOWN and "does not list" in j.evidence


def test_a_profile_naming_no_institution_is_unknown() -> None:
    assert judged(NOT_PARTNER, "degree: {stage: masters}").verdict is Verdict.UNKNOWN


def test_fields_listed_after_students_of_are_not_institutions() -> None:
    j = judged("text: Not students of Physics, Chemistry or Biology", "degree: {stage: masters, institution: MIT}")
    assert "partner" not in j.rule


# --- student status for the whole internship -----------------------------------------------------

THROUGHOUT = "text: Keeps student status at the home university for the whole internship"


def test_a_graduation_after_the_internship_summer_keeps_student_status_and_says_inferred() -> None:
    j = judged(THROUGHOUT, "degree: {stage: masters, expected_graduation: 2027-12}")
    assert j.verdict is Verdict.MET and "inferred from expected_graduation 2027-12" in j.evidence


def test_a_graduation_before_the_internship_ends_does_not() -> None:
    assert judged(THROUGHOUT, "degree: {stage: masters, expected_graduation: 2027-06}").verdict is Verdict.UNMET


def test_remaining_enrolled_until_a_date_the_text_names() -> None:
    text = "text: Must remain enrolled during the internship, until September 2028"
    assert judged(text, "degree: {stage: phd, expected_graduation: 2028-06}").verdict is Verdict.UNMET


def test_no_graduation_date_is_unknown() -> None:
    assert judged(THROUGHOUT, "degree: {stage: masters}").verdict is Verdict.UNKNOWN


# --- a listed skill that names the same thing in broader words -------------------------------------


def test_networking_listed_is_knowledge_of_network_protocols() -> None:
    j = judged("skills: {any: [network protocols, TLS]}", "degree: {stage: phd}\nskills: [C, networking]")
    assert j.verdict is Verdict.MET
    assert judged("skills: {any: [network protocols]}", "degree: {stage: phd}\nskills: [C, Python]").verdict is Verdict.UNMET
