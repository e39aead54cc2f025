"""Load the demo site's content, written by the team, and an admin user.

Safe to run again: pages, snippets and links are found by slug or key and
updated in place, never duplicated.
"""

import datetime
import os
import secrets
from collections.abc import Iterator
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import (
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from demo_site.home.demo_content import CONTRIBUTORS, DISCLAIMERS, HUBS, SOURCES
from demo_site.home.models import HomePage
from wagtail_kratom.base_page import BasePage
from wagtail_kratom.models import (
    ArticlePageDisclaimer,
    Contributor,
    Disclaimer,
    KratomSiteSettings,
    MedicalReviewTask,
    RelatedArticle,
    RiskSectionPage,
    SafeUseGuidePage,
    SiteDefaultDisclaimer,
    TopicOverviewPage,
)
from wagtail_kratom.review import content_fingerprint

CHILD_TYPES = {"risk": RiskSectionPage, "safe_use": SafeUseGuidePage}

#: Disclaimers each page type chooses on top of the site defaults that cover its required kinds.
DEMO_CHOSEN_DISCLAIMER_KINDS = {
    TopicOverviewPage: ["evidence"],
    RiskSectionPage: ["evidence"],
    SafeUseGuidePage: ["emergency"],
}

#: The group whose members write and approve disclaimer wording; ordinary editors are not in it.
MEDICAL_REVIEWERS = "Medical reviewers"
#: Wagtail's own groups, given the admin import's permission.
IMPORTER_GROUPS = ("Editors", "Moderators")
DEMO_USERS = [
    ("editor", "Editors", ("Jordan", "Lee")),
    ("reviewer", MEDICAL_REVIEWERS, ("Alex", "Morgan")),
]
#: The demo contributor the "reviewer" user is, so approving a medical review credits them.
DEMO_REVIEWER_CONTRIBUTOR = "Dr Alex Morgan"
MEDICAL_REVIEWER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    *(
        ("wagtail_kratom", f"{action}_disclaimer")
        for action in ("add", "change", "delete", "publish", "lock", "unlock", "view")
    ),
    *(("wagtail_kratom", f"{action}_contributor") for action in ("add", "change", "view")),
    ("wagtail_kratom", "change_kratomsitesettings"),
    # Accepting an editorial-check finding with a reason, so a page may go live as written.
    ("wagtail_kratom", "add_findingacceptance"),
]

HOME_INTRO = (
    "<p>Plain-language, referenced information about kratom (<i>Mitragyna speciosa</i>): what is known "
    "about its risks, and how people who use it can reduce harm. Every page is reviewed by a clinician and "
    "shows when it is next due for review.</p>"
)
#: The home page's description in search results and link previews (its promote tab's search description).
HOME_DESCRIPTION = (
    "Plain-language, referenced information about kratom: its risks, and how people who use it can reduce "
    "harm. Every page is reviewed by a clinician."
)
EMERGENCY_NOTE = (
    "In an emergency, call your local emergency number (999 in the UK, 911 in the US, 112 in the EU). "
    "In the US, Poison Control is on 1-800-222-1222."
)


def number_citations(value, numbers: dict[str, int]):
    """Replace citation keys with the numbers of the article's reference list, at any depth."""
    if isinstance(value, dict):
        return {
            key: [numbers[ref] for ref in item] if key == "citations" else number_citations(item, numbers)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [number_citations(item, numbers) for item in value]
    return value


def review_date(value: str) -> datetime.date:
    """The demo content's review date, moved forward by however long ago the newest review was written.

    A demo loaded long after its content was written would otherwise have every page overdue for review,
    which the go-live gate refuses; the reviews keep their order and spacing.
    """
    newest = max(datetime.date.fromisoformat(data["last_reviewed"]) for data in iter_articles())
    age = max(timezone.localdate() - newest, datetime.timedelta(0))
    return datetime.date.fromisoformat(value) + age


def iter_articles() -> Iterator[dict]:
    """Every article of the demo content, hubs and their children."""
    for hub in HUBS:
        yield hub
        yield from hub["children"]


def article_fields(data: dict, contributors: dict) -> dict:
    """Turn one article of the demo content into page field values."""
    numbers = {key: index for index, key in enumerate(data["citations"], start=1)}
    fields = {
        "title": data["title"],
        "summary": data["summary"],
        "intro": data["intro"],
        "conclusion": data.get("conclusion", ""),
        "body": [
            {
                "type": "section",
                "value": {
                    "heading": section["heading"],
                    "health_aspect": section.get("health_aspect") or "",
                    "content": [
                        {"type": block_type, "value": number_citations(value, numbers)}
                        for block_type, value in section["content"]
                    ],
                },
            }
            for section in data["sections"]
        ],
        "citations": [{"type": "citation", "value": SOURCES[key]} for key in data["citations"]],
        "author": contributors[data["author"]],
        "medical_reviewer": contributors[data["reviewer"]],
        "last_reviewed": review_date(data["last_reviewed"]),
        "next_review_due": None,
        "health_aspects": data.get("health_aspects", []),
    }
    if "at_a_glance" in data:
        fields["at_a_glance"] = [{"type": "at_a_glance", "value": data["at_a_glance"]}]
    return fields


class Command(BaseCommand):
    help = "Load the demo content (topics, contributors, disclaimers) and an admin user; safe to run again."

    def handle(self, **options):
        with transaction.atomic():
            home = self.ensure_home()
            contributors = {
                item["key"]: Contributor.objects.update_or_create(
                    name=item["name"],
                    defaults={key: value for key, value in item.items() if key not in ("key", "name")},
                )[0]
                for item in CONTRIBUTORS
            }
            disclaimers = {item["kind"]: self.upsert_disclaimer(item) for item in DISCLAIMERS}
            self.set_site_defaults(home.get_site(), disclaimers.values())
            self.ensure_medical_reviewers(home)
            self.ensure_medical_review_workflow(home)
            self.ensure_importers()
            articles = []
            for hub_data in HUBS:
                hub = self.upsert_article(TopicOverviewPage, home, hub_data, contributors)
                children = [
                    self.upsert_article(CHILD_TYPES[child["type"]], hub, child, contributors)
                    for child in hub_data["children"]
                ]
                articles.append((hub, children))
            for page, related in self.related_links(articles):
                page.kratom_disclaimers = [
                    ArticlePageDisclaimer(disclaimer=disclaimers[kind])
                    for kind in DEMO_CHOSEN_DISCLAIMER_KINDS[type(page)]
                ]
                page.kratom_related_articles = [RelatedArticle(target=target) for target in related]
                # The demo content is the text its (fictional) reviewers checked, also when a newer version of
                # the package brings new wording to a site loaded before.
                page.reviewed_content = content_fingerprint(page)
                page.save_revision(log_action=True).publish()
            # Pages published early in the loop were ranked before later ones went live.
            call_command("kratom_refresh_related", stdout=self.stdout)
        page_count = sum(1 + len(children) for _hub, children in articles)
        self.stdout.write(self.style.SUCCESS(f"Loaded {page_count} article pages under “{home.title}”."))
        self.write_admin_login()

    def ensure_home(self) -> HomePage:
        """Make a HomePage the default site's root, replacing Wagtail's empty welcome page."""
        home = HomePage.objects.first()
        if home is None:
            home = HomePage(title="Kratom facts", slug="kratom-facts", live=False)
            BasePage.get_first_root_node().add_child(instance=home)
        home.intro = HOME_INTRO
        home.emergency_note = EMERGENCY_NOTE
        home.search_description = HOME_DESCRIPTION
        home.save_revision().publish()
        # Serve the site where the demo runs (WAGTAILADMIN_BASE_URL): the absolute URLs the API gives,
        # such as meta.html_url and the redirect of /api/v2/pages/find/, can then be followed.
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        hostname, port = address.hostname or "localhost", address.port or (443 if address.scheme == "https" else 80)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(is_default_site=True)
        welcome = site.root_page if site.root_page_id not in (None, home.pk) else None
        site.hostname, site.port, site.root_page, site.site_name = hostname, port, home, "Kratom facts"
        site.save()
        if welcome and welcome.specific_class is Page and not welcome.get_children().exists():
            welcome.delete()
        return home

    def upsert_disclaimer(self, data: dict) -> Disclaimer:
        disclaimer = Disclaimer.objects.filter(kind=data["kind"], title=data["title"]).first() or Disclaimer()
        disclaimer.kind, disclaimer.title, disclaimer.body = data["kind"], data["title"], data["body"]
        disclaimer.active = True
        disclaimer.save()
        disclaimer.save_revision().publish()
        return disclaimer

    def set_site_defaults(self, site: Site, disclaimers) -> None:
        """One default per kind, so every page type's required kinds resolve without a choice on the page."""
        settings = KratomSiteSettings.for_site(site)
        for disclaimer in disclaimers:
            SiteDefaultDisclaimer.objects.filter(settings=settings, disclaimer__kind=disclaimer.kind).exclude(
                disclaimer=disclaimer
            ).delete()
            SiteDefaultDisclaimer.objects.get_or_create(settings=settings, disclaimer=disclaimer)

    def ensure_medical_reviewers(self, home: HomePage) -> None:
        """The group that may edit and publish disclaimers and site defaults, and edit and publish pages."""
        group, _created = Group.objects.get_or_create(name=MEDICAL_REVIEWERS)
        for app_label, codename in MEDICAL_REVIEWER_PERMISSIONS:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        for codename in (
            BasePage.PERMISSION_CODENAMES.ADD,
            BasePage.PERMISSION_CODENAMES.CHANGE,
            BasePage.PERMISSION_CODENAMES.PUBLISH,
        ):
            GroupPagePermission.objects.get_or_create(
                group=group, page=home, permission=Permission.objects.get(codename=codename)
            )
        GroupSitePermission.objects.get_or_create(
            group=group,
            site=home.get_site(),
            permission=Permission.objects.get(codename="change_kratomsitesettings"),
        )

    def ensure_importers(self) -> None:
        """Editors and Moderators may use the admin's "Import articles" view (under pages they may add to)."""
        permission = Permission.objects.get(content_type__app_label="wagtail_kratom", codename="import_articles")
        for group in Group.objects.filter(name__in=IMPORTER_GROUPS):
            group.permissions.add(permission)

    def ensure_medical_review_workflow(self, home: HomePage) -> None:
        """Every page under the home page goes through a medical review that only Medical reviewers approve."""
        task, _created = MedicalReviewTask.objects.get_or_create(name="Medical review")
        task.groups.set(Group.objects.filter(name=MEDICAL_REVIEWERS))
        workflow, _created = Workflow.objects.get_or_create(name="Medical review")
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})

    def upsert_article(self, model, parent: Page, data: dict, contributors: dict):
        page = model.objects.child_of(parent).filter(slug=data["slug"]).first()
        if page is None:
            page = model(slug=data["slug"], live=False)
            for name, value in article_fields(data, contributors).items():
                setattr(page, name, value)
            parent.add_child(instance=page)
        else:
            for name, value in article_fields(data, contributors).items():
                setattr(page, name, value)
        page.topics.set(data["topics"])
        return page

    def related_links(self, articles):
        """Link each hub's pages to each other, and the hubs to one another, both ways."""
        hubs = [hub for hub, _children in articles]
        for hub, children in articles:
            yield hub, [other for other in hubs if other != hub]
            for child in children:
                yield child, [other for other in children if other != child] + [hub]

    def write_admin_login(self):
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        user, _created = get_user_model().objects.get_or_create(username="admin")
        user.email = user.email or "admin@example.com"
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        # An editor who writes and submits pages, and a clinician who approves them, to try the workflow.
        for username, group, name in DEMO_USERS:
            member, _created = get_user_model().objects.get_or_create(username=username)
            member.first_name, member.last_name = name
            member.set_password(password)
            member.save()
            member.groups.set(Group.objects.filter(name=group))
        reviewer = get_user_model().objects.get(username="reviewer")
        Contributor.objects.filter(name=DEMO_REVIEWER_CONTRIBUTOR).update(user=reviewer)
        note = (
            ""
            if os.environ.get("DEMO_ADMIN_PASSWORD")
            else " (new on every run; set DEMO_ADMIN_PASSWORD to choose one)"
        )
        admin_url = f"{settings.WAGTAILADMIN_BASE_URL}/admin/"
        self.stdout.write(f"Admin login: {admin_url}  user: admin  password: {password}{note}")
        self.stdout.write("The users “editor” (Editors) and “reviewer” (Medical reviewers) have the same password.")
