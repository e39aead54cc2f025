"""Builders for article pages and their admin form data, shared by the tests."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from wagtail_kratom import importer
from wagtail_kratom.base_page import BasePage
from wagtail_kratom.models import (
    Contributor,
    Disclaimer,
    KratomSiteSettings,
    RiskSectionPage,
    SiteDefaultDisclaimer,
    SuggestedArticle,
)
from wagtail_kratom.review import add_months

#: How long before "today" the builders' pages were last reviewed: well inside any review cycle.
REVIEWED_DAYS_AGO = 30


def recently() -> datetime.date:
    """A review date relative to today, so that tests do not age into overdue reviews."""
    return timezone.localdate() - datetime.timedelta(days=REVIEWED_DAYS_AGO)


def make_reviewer(name="Dr Sam Rivera", credentials="MD") -> Contributor:
    reviewer, _created = Contributor.objects.get_or_create(name=name, defaults={"credentials": credentials})
    return reviewer


def section(heading: str, *content, health_aspect: str = "") -> dict:
    """Raw StreamField data for one body section; ``content`` is (block_type, value) pairs."""
    return {
        "type": "section",
        "value": {
            "heading": heading,
            "health_aspect": health_aspect,
            "content": [{"type": block_type, "value": value} for block_type, value in content],
        },
    }


def citation(title: str, **fields) -> dict:
    return {"type": "citation", "value": {"title": title, **fields}}


def dosage(*rows, citations=()) -> tuple[str, dict]:
    return ("dosage", {"rows": list(rows), "citations": list(citations)})


def dosage_row(min_amount="1", max_amount="3", unit="g", form="powder", route="oral", note="") -> dict:
    return {"form": form, "route": route, "min": min_amount, "max": max_amount, "unit": unit, "note": note}


def risk(name="Liver injury", severity="high", citations=(), **fields) -> tuple[str, dict]:
    value = {
        "name": name,
        "severity": severity,
        "evidence_level": "case_reports",
        "description": "<p>A rare, serious reaction.</p>",
        "warning_signs": ["Yellow skin or eyes"],
        "higher_risk_groups": [],
        "what_to_do": "<p>Stop and see a doctor.</p>",
        "citations": list(citations),
    }
    return ("risk", {**value, **fields})


def article_fields(**overrides) -> dict:
    """Field values for a valid article page of any type."""
    fields = {
        "title": "Kratom and the liver",
        "summary": "Kratom can, rarely, injure the liver.",
        "intro": "<p>What is known about kratom and liver injury.</p>",
        "body": [section("What is known", ("paragraph", "<p>Case reports describe liver injury.</p>"))],
        "citations": [citation("Kratom", publisher="LiverTox", year=2024)],
        "last_reviewed": recently(),
    }
    fields.update(overrides)
    return fields


def make_test_page(parent, model, *, publish=True, **overrides):
    """Create a medically reviewed article page under ``parent``; published unless ``publish=False``."""
    overrides.setdefault("medical_reviewer", make_reviewer())
    page = model(**article_fields(**overrides), live=False)
    parent.add_child(instance=page)
    if page.last_reviewed and not page.next_review_due:
        # What the model's clean() fills in, on the page row itself, as an admin save would.
        page.next_review_due = add_months(page.last_reviewed, page.get_review_cycle_months())
        page.save(update_fields=["next_review_due"])
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


def add_live_risk_pages(parent, count: int, start: int = 0, prepare=None, **fields) -> list:
    """Add ``count`` live risk pages titled "Risk <n>" quickly: saved as drafts, then made live together.

    ``fields`` are every page's own; ``prepare(page, n)``, if given, adds to each before it is saved.
    """
    pages = []
    for number in range(start, start + count):
        page = RiskSectionPage(**{**fields, "title": f"Risk {number}", "slug": f"risk-{number}"}, live=False)
        if prepare is not None:
            prepare(page, number)
        parent.add_child(instance=page)
        pages.append(page)
    RiskSectionPage.objects.filter(pk__in=[page.pk for page in pages]).update(live=True)
    return pages


def suggest_all(pages: list, targets: list) -> None:
    """Give each of ``pages`` the suggestions ``targets``, ranked in that order, as the ranking stores them."""
    SuggestedArticle.objects.bulk_create(
        SuggestedArticle(page_id=page.pk, target=target, rank=rank)
        for page in pages
        for rank, target in enumerate(targets)
    )


#: The page permissions of an editor who may also publish.
EDIT_AND_PUBLISH = (
    BasePage.PERMISSION_CODENAMES.ADD,
    BasePage.PERMISSION_CODENAMES.CHANGE,
    BasePage.PERMISSION_CODENAMES.PUBLISH,
)


def make_admin_group(name: str, page, page_codenames, *permissions: Permission) -> Group:
    """A group that may use the admin, with ``permissions`` and the page permissions ``page_codenames`` on ``page``."""
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"), *permissions)
    for codename in page_codenames:
        GroupPagePermission.objects.create(group=group, page=page, permission=Permission.objects.get(codename=codename))
    return group


def count_queries(client, url: str) -> int:
    """The queries one GET of ``url`` makes, once Wagtail's site and content-type caches are warm."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def make_legacy_live_page(parent, model, **overrides):
    """A live page whose text the go-live gate would refuse today, as content published before the gate was."""
    page = make_test_page(parent, model, publish=False, **overrides)
    model.objects.filter(pk=page.pk).update(
        live=True, has_unpublished_changes=False, live_revision=page.latest_revision
    )
    page.refresh_from_db()
    return page


def make_disclaimer(kind="medical", title="This is not medical advice", body="<p>Speak to a doctor.</p>"):
    disclaimer = Disclaimer.objects.create(kind=kind, title=title, body=body, live=False)
    disclaimer.save_revision().publish()
    disclaimer.refresh_from_db()
    return disclaimer


def set_site_defaults(site, *disclaimers) -> KratomSiteSettings:
    """Make ``disclaimers`` the site's defaults, replacing any it had."""
    settings = KratomSiteSettings.for_site(site)
    SiteDefaultDisclaimer.objects.filter(settings=settings).delete()
    for disclaimer in disclaimers:
        SiteDefaultDisclaimer.objects.create(settings=settings, disclaimer=disclaimer)
    return settings


def admin_form_data(body_sections, **overrides) -> dict:
    """POST data for the admin's create view; ``body_sections`` is (heading, [(block_type, form_value)])."""
    data = {
        "title": "Kratom and the liver",
        "slug": "kratom-and-the-liver",
        "summary": "Kratom can, rarely, injure the liver.",
        "intro": rich_text("<p>What is known about kratom and liver injury.</p>"),
        "conclusion": rich_text(""),
        "body": streamfield(
            [
                ("section", {"heading": heading, "health_aspect": "", "content": streamfield(content)})
                for heading, content in body_sections
            ]
        ),
        "citations": streamfield([("citation", {"title": "Kratom", "publisher": "LiverTox", "year": "2024"})]),
        "at_a_glance": streamfield([]),
        "medical_reviewer": "",
        "last_reviewed": recently().isoformat(),
        "next_review_due": "",
        "topics": "liver",
        "kratom_disclaimers": inline_formset([]),
        "kratom_related_articles": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def list_block(items) -> dict:
    """Form data for a ListBlock's items."""
    data = {str(index): {"value": item, "deleted": "", "order": str(index)} for index, item in enumerate(items)}
    data["count"] = str(len(items))
    return data


def refuse_child_pages(monkeypatch) -> None:
    """Make the importer fail on an article's first page after its hub, as a failure midway would."""
    write_page = importer.write_page

    def fail_on_the_child(parent, draft, user=None):
        if draft.role != "overview":
            raise importer.ImportRefused("the disk is full")
        return write_page(parent, draft, user)

    monkeypatch.setattr(importer, "write_page", fail_on_the_child)


def long_date(day: datetime.date) -> str:
    """A date as the page footer writes it, for example "1 June 2026"."""
    return f"{day.day} {day:%B %Y}"


def go_live_without_review(settings) -> None:
    """Switch the go-live gate's review check off for the package's page types, as a site without
    medical reviewers would, for tests about what happens once a page may go live."""
    settings.WAGTAIL_KRATOM = {
        **getattr(settings, "WAGTAIL_KRATOM", {}),
        "GO_LIVE_CHECKS": {
            label: ["disclaimers", "findings"]
            for label in (
                "wagtail_kratom.TopicOverviewPage",
                "wagtail_kratom.RiskSectionPage",
                "wagtail_kratom.SafeUseGuidePage",
            )
        },
    }
