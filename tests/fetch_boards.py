"""Job boards in the shapes their public APIs document, for a local test server: what fetch
reads in the tests instead of the internet."""

from __future__ import annotations

import html
from typing import Any

INTERN_TITLES = (
    "Research Intern, Computer Vision",
    "PhD Research Internship: Machine Learning Systems",
    "Student Researcher, Speech",
    "Machine Learning Intern (Summer 2027)",
    "AI Residency: Robotics",
    "Research Scientist Intern, NLP",
    "Co-op, Compilers",
    "Intern - Health AI",
)
OTHER_TITLES = (
    "Senior Software Engineer",
    "Staff Research Scientist",
    "Recruiter",
    "International Tax Manager",
    "Internal Communications Lead",
    "Product Designer",
    "Data Engineer",
    "Engineering Manager, Infrastructure",
    "Site Reliability Engineer",
    "Account Executive",
    "Research Engineer",
    "Security Engineer",
    "Technical Writer",
    "Solutions Architect",
    "Program Manager",
    "Office Manager",
    "Legal Counsel",
    "Sales Engineer",
    "Backend Engineer",
    "Frontend Engineer",
    "Mobile Engineer",
    "Finance Analyst",
)


def description(title: str, *, extra: str = "") -> str:
    """A posting's HTML in the shape boards publish: sections with headings and bullets."""
    return (
        f"<p>Join our lab as a <strong>{html.escape(title)}</strong> working on new research.</p>"
        "<h3>Minimum qualifications</h3><ul>"
        "<li>Currently enrolled in a PhD program in machine learning, computer vision or a related field</li>"
        "<li>Experience with Python and PyTorch</li></ul>"
        "<h3>Preferred qualifications</h3><ul>"
        "<li>Publications at CVPR, NeurIPS or ICML</li></ul>"
        f"{extra}"
    )


def greenhouse_job(number: int, title: str, *, extra: str = "", place: str = "London, UK", intern: bool = True) -> dict[str, Any]:
    """A Greenhouse job with content=true: the content is HTML, entity-escaped once more."""
    return {
        "id": 4000000 + number,
        "internal_job_id": 900 + number,
        "title": title,
        "updated_at": "2026-11-20T10:00:00-05:00",
        "requisition_id": f"R{number}",
        "location": {"name": place},
        "absolute_url": f"https://boards.greenhouse.io/acme/jobs/{4000000 + number}",
        "language": "en",
        "metadata": [{"id": 1, "name": "Employment Type", "value": "Intern" if intern else "Full-time"}],
        "content": html.escape(description(title, extra=extra)),
        "departments": [{"id": 7, "name": "Research", "child_ids": [], "parent_id": None}],
        "offices": [{"id": 3, "name": "London", "location": "London, UK"}],
        "company_name": "Acme AI",
    }


def greenhouse_board(jobs: list[dict[str, Any]]) -> dict[str, Any]:
    return {"jobs": jobs, "meta": {"total": len(jobs)}}


def thirty_roles() -> list[dict[str, Any]]:
    """A board of 30 roles, 8 of them internships."""
    titles = [*INTERN_TITLES, *OTHER_TITLES]
    return [greenhouse_job(i, t, intern=t in INTERN_TITLES) for i, t in enumerate(titles, 1)]


def lever_posting(number: int, title: str, commitment: str = "Full-time") -> dict[str, Any]:
    return {
        "id": f"5ac1d3f0-0000-4000-8000-{number:012d}",
        "text": title,
        "categories": {"location": "Zurich, Switzerland", "commitment": commitment, "team": "Research", "department": "R&D"},
        "country": "CH",
        "descriptionPlain": f"We are hiring a {title}.\nYou will work on robot learning.",
        "lists": [
            {
                "text": "Requirements",
                "content": "<li>Pursuing a PhD in robotics or machine learning</li><li>Experience with C++</li>",
            },
            {"text": "Nice to have", "content": "<li>Publications at ICRA or CoRL</li>"},
        ],
        "additionalPlain": "We are an equal opportunity employer.",
        "hostedUrl": f"https://jobs.lever.co/example/{number}",
        "applyUrl": f"https://jobs.lever.co/example/{number}/apply",
        "workplaceType": "on-site",
        "createdAt": 1763632800000,
    }


def ashby_board() -> dict[str, Any]:
    def job(number: int, title: str, employment: str, listed: bool = True) -> dict[str, Any]:
        return {
            "id": f"7458d4e9-da2e-47bd-98cb-{number:012d}",
            "title": title,
            "department": "Research",
            "team": "Alignment",
            "employmentType": employment,
            "location": "San Francisco, CA",
            "secondaryLocations": [{"location": "New York, NY", "address": {}}],
            "isRemote": False,
            "isListed": listed,
            "publishedAt": "2026-11-14T09:00:00.000+00:00",
            "jobUrl": f"https://jobs.ashbyhq.com/example/{number}",
            "applyUrl": f"https://jobs.ashbyhq.com/example/{number}/application",
            "descriptionHtml": description(title),
            "descriptionPlain": "plain",
        }

    return {
        "apiVersion": "1",
        "jobs": [
            job(1, "Research Fellow, Interpretability", "Intern"),
            job(2, "Member of Technical Staff", "FullTime"),
            job(3, "Research Intern (unlisted)", "Intern", listed=False),
        ],
    }


def smartrecruiters_page(offset: int, total: int) -> dict[str, Any]:
    """One page of a SmartRecruiters list; every third posting is an internship."""
    content = []
    for number in range(offset, min(offset + 100, total)):
        intern = number % 3 == 0
        content.append(
            {
                "id": str(744000000 + number),
                "name": f"{'Research Intern' if intern else 'Engineer'} {number}",
                "uuid": f"uuid-{number}",
                "refNumber": f"REF{number}",
                "company": {"identifier": "Example", "name": "Example GmbH"},
                "releasedDate": "2026-10-20T08:00:00.000Z",
                "location": {"city": "Berlin", "region": "Berlin", "country": "de", "remote": False},
                "typeOfEmployment": {"id": "intern" if intern else "permanent", "label": "Intern" if intern else "Full-time"},
                "experienceLevel": {
                    "id": "internship" if intern else "associate",
                    "label": "Internship" if intern else "Associate",
                },
                "department": {"id": "1", "label": "Research"},
            }
        )
    return {"offset": offset, "limit": 100, "totalFound": total, "content": content}


def smartrecruiters_details(number: int) -> dict[str, Any]:
    return {
        "id": str(744000000 + number),
        "name": f"Research Intern {number}",
        "postingUrl": f"https://jobs.smartrecruiters.com/Example/{744000000 + number}",
        "jobAd": {
            "sections": {
                "companyDescription": {"title": "Company Description", "text": "<p>Example builds things.</p>"},
                "jobDescription": {"title": "Job Description", "text": "<p>Research on speech recognition.</p>"},
                "qualifications": {"title": "Qualifications", "text": "<ul><li>Enrolled in a Masters or PhD programme</li></ul>"},
                "additionalInformation": {"title": "Additional Information", "text": "<p>Start: June 2027</p>"},
            }
        },
    }


JSON_LD_PAGE = """<!doctype html><html><head><title>Careers</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [{"@type": "Organization", "name": "Ignored"},
 {"@type": "JobPosting", "title": "Research Intern, Graph Learning",
  "hiringOrganization": {"@type": "Organization", "name": "Graph Labs"},
  "jobLocation": [{"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Paris",
                   "addressCountry": "France"}}],
  "employmentType": "INTERN", "datePosted": "2026-11-01", "validThrough": "2027-01-31T23:59",
  "description": "&lt;h3&gt;Requirements&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;PhD student in machine learning&lt;/li&gt;&lt;/ul&gt;"}]}
</script></head><body><h1>Ignored page chrome</h1></body></html>"""
