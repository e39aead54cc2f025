"""schema.org JSON-LD for article pages: a MedicalWebPage made of HealthTopicContent parts.

The same object goes into the page head and, later, the API, so it is built in
one place from the page alone.
"""

from typing import Any

from .breadcrumbs import breadcrumb_list_json_ld, breadcrumbs
from .conf import get_setting
from .health_aspects import schema_org_url


def citation_json_ld(citation) -> dict[str, Any]:
    """Describe one citation block value as a schema.org CreativeWork."""
    identifiers = citation.identifiers()
    data: dict[str, Any] = {
        "@type": "ScholarlyArticle" if identifiers else "CreativeWork",
        "name": citation["title"],
    }
    if citation["authors"]:
        data["author"] = citation["authors"]
    if citation["publisher"]:
        data["publisher"] = {"@type": "Organization", "name": citation["publisher"]}
    if citation["year"]:
        data["datePublished"] = str(citation["year"])
    if citation["url"]:
        data["url"] = citation["url"]
    if identifiers:
        data["identifier"] = [
            {"@type": "PropertyValue", "propertyID": key.upper(), "value": value} for key, value in identifiers.items()
        ]
    return data


def article_json_ld(page, request=None) -> dict[str, Any]:
    """Build the JSON-LD object for one article page."""
    url = page.get_full_url(request)
    page_aspects = [schema_org_url(aspect) for aspect in page.all_health_aspects]
    parts = [
        {
            "@type": "HealthTopicContent",
            "name": section["heading"],
            "url": f"{url}#{section.anchor}",
            "hasHealthAspect": (
                [schema_org_url(section["health_aspect"])] if section["health_aspect"] else page_aspects
            ),
        }
        for section in page.sections
    ]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "@id": url,
        "url": url,
        "name": page.title,
        "headline": page.title,
        "description": page.summary,
        "inLanguage": page.locale.language_code,
        "about": dict(get_setting("ABOUT")),
        "hasPart": parts,
        "citation": [citation_json_ld(child.value) for child in page.citations],
        "breadcrumb": breadcrumb_list_json_ld(breadcrumbs(page, request)),
    }
    if topics := [tag.name for tag in page.topics.all()]:
        data["keywords"] = topics
    if page.last_reviewed:
        data["lastReviewed"] = page.last_reviewed.isoformat()
    if page.medical_reviewer:
        data["reviewedBy"] = page.medical_reviewer.json_ld()
    if page.author:
        data["author"] = page.author.json_ld()
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    return data
