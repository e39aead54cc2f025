"""Nothing that is not live and public reaches API clients; listing cost does not grow with the page count."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction, Site

from tests.testapp.models import OrdinaryPage
from tests.utils import (
    add_live_risk_pages,
    article_fields,
    count_queries,
    make_test_page,
    set_site_defaults,
    suggest_all,
)
from wagtail_kratom.middleware import LARGEST_PAGINATION_NUMBER
from wagtail_kratom.models import (
    RelatedArticle,
    RiskSectionPage,
    SafeUseGuidePage,
    TopicOverviewPage,
)
from wagtail_kratom.snippets import Contributor

pytestmark = pytest.mark.django_db

SECRET_TITLES = ["Draft only", "Password page", "Members page", "Other site page", "Unpublished new title"]


@pytest.fixture
def pages(home, site_defaults):
    """A hub with a public page, and around it every kind of page that must stay hidden."""
    hub = make_test_page(home, TopicOverviewPage, title="Hub", slug="hub")
    public = make_test_page(hub, RiskSectionPage, title="Public page", slug="public")
    draft = make_test_page(hub, SafeUseGuidePage, title="Draft only", slug="draft", publish=False)
    password = make_test_page(hub, SafeUseGuidePage, title="Password page", slug="password")
    PageViewRestriction.objects.create(page=password, restriction_type="password", password="secret")
    members = make_test_page(hub, RiskSectionPage, title="Members page", slug="members")
    restriction = PageViewRestriction.objects.create(page=members, restriction_type="groups")
    restriction.groups.set(Group.objects.filter(name="Editors"))
    changed = make_test_page(hub, RiskSectionPage, title="Changed page", slug="changed")
    changed.title = "Unpublished new title"
    changed.save_revision()

    other_root = Page.get_first_root_node().add_child(instance=OrdinaryPage(title="Other home", slug="other-home"))
    set_site_defaults(Site.objects.create(hostname="other.example", root_page=other_root), *site_defaults.values())
    elsewhere = make_test_page(other_root, RiskSectionPage, title="Other site page", slug="elsewhere")

    hidden = [draft, password, members, elsewhere]
    public.kratom_related_articles = [RelatedArticle(target=target) for target in [changed, *hidden]]
    public.save_revision().publish()
    return {"hub": hub, "public": public, "changed": changed, "hidden": hidden}


def api_urls(pages) -> list[str]:
    public, hub = pages["public"], pages["hub"]
    urls = [
        "/api/v2/pages/?fields=*&limit=50",
        "/api/v2/pages/?fields=*&limit=50&search=page",
        f"/api/v2/pages/?child_of={hub.pk}&fields=*",
        f"/api/v2/pages/?descendant_of={hub.pk}&fields=*",
        "/api/v3/pages/?limit=50",
        f"/api/v3/pages/?child_of={hub.pk}",
    ]
    for model in (TopicOverviewPage, RiskSectionPage, SafeUseGuidePage):
        urls.append(f"/api/v2/pages/?type={model._meta.label}&fields=*")
        urls.append(f"/api/v3/pages/?type={model._meta.label}")
    for page in (public, hub, pages["changed"]):
        urls += [f"/api/v2/pages/{page.pk}/", f"/api/v3/pages/{page.pk}/"]
    return urls


def test_no_endpoint_serves_hidden_pages_or_unpublished_changes(client, pages):
    for url in api_urls(pages):
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        for title in SECRET_TITLES:
            assert title not in text, (url, title)
        for page in pages["hidden"]:
            assert f"/api/v2/pages/{page.pk}/" not in text and f"/api/v3/pages/{page.pk}/" not in text, url


def test_hidden_pages_are_not_found_by_id_slug_or_path(client, pages):
    for page in pages["hidden"]:
        for url in (
            f"/api/v2/pages/{page.pk}/",
            f"/api/v3/pages/{page.pk}/",
            f"/api/v2/pages/find/?html_path={page.url_path.removeprefix('/test-home')}",
        ):
            assert client.get(url).status_code == 404, url
        assert client.get(f"/api/v2/pages/?slug={page.slug}").json()["items"] == []
        assert client.get(f"/api/v3/pages/?slug={page.slug}").json()["items"] == []


def test_related_articles_sections_and_json_ld_keep_to_live_public_pages(client, pages):
    public, hub = pages["public"], pages["hub"]
    for version in ("v2", "v3"):
        data = client.get(f"/api/{version}/pages/{public.pk}/").json()
        assert [item["title"] for item in data["related_articles"] if item["source"] == "editor"] == ["Changed page"]
        assert "Unpublished new title" not in str(data["json_ld"])
        sections = client.get(f"/api/{version}/pages/{hub.pk}/").json()["sections"]
        assert [item["title"] for item in sections] == ["Public page", "Changed page"]


def test_the_live_version_is_served_not_the_latest_draft(client, pages):
    changed = pages["changed"]
    for version in ("v2", "v3"):
        assert client.get(f"/api/{version}/pages/{changed.pk}/").json()["title"] == "Changed page"


# Cost -------------------------------------------------------------------------------------


def add_rich_articles(hub, targets: list, count: int, start: int = 0) -> None:
    """Add ``count`` live risk pages, with topics, a reviewer, picks and suggestions, without publishing each."""
    reviewer = Contributor.objects.create(name="Dr Reviewer", credentials="MBBS")

    def prepare(page, number: int) -> None:
        page.medical_reviewer = reviewer
        page.topics.add("liver", f"topic-{number % 5}")
        page.kratom_related_articles = [RelatedArticle(target=target) for target in targets]

    suggest_all(add_live_risk_pages(hub, count, start, prepare, **article_fields()), targets)


def test_listing_queries_do_not_grow_from_1_to_50_pages(client, home):
    hub = make_test_page(home, TopicOverviewPage, title="Hub", slug="hub")
    # Related targets of every page type from the start: a listing reads each type's pages in one query.
    targets = [
        hub,
        make_test_page(hub, SafeUseGuidePage, title="Guide", slug="guide"),
        make_test_page(home, RiskSectionPage, title="Elsewhere", slug="elsewhere"),
    ]
    urls = [
        f"/api/v2/pages/?type={RiskSectionPage._meta.label}&child_of={hub.pk}&fields=*&limit=50",
        f"/api/v2/pages/?child_of={hub.pk}&fields=*&limit=60",
        f"/api/v3/pages/?type={RiskSectionPage._meta.label}&child_of={hub.pk}&limit=50",
    ]
    add_rich_articles(hub, targets, 1)
    assert client.get(urls[0]).json()["meta"]["total_count"] == 1
    one = [count_queries(client, url) for url in urls]
    add_rich_articles(hub, targets, 49, start=1)
    assert client.get(urls[0]).json()["meta"]["total_count"] == 50
    fifty = [count_queries(client, url) for url in urls]
    assert fifty == one


@pytest.mark.parametrize(
    "url", ["/api/v2/pages/", "/api/v3/pages/", "/api/v2/pages/?type=wagtail_kratom.RiskSectionPage"]
)
def test_listings_refuse_offsets_beyond_what_sql_holds(client, home, url):
    separator = "&" if "?" in url else "?"
    assert client.get(f"{url}{separator}offset={2**63}").status_code == 400
    # 2⁶³ − 1 itself overflows on PostgreSQL once the limit is added to it.
    assert client.get(f"{url}{separator}offset={2**63 - 1}").status_code == 400
    assert client.get(f"{url}{separator}offset={LARGEST_PAGINATION_NUMBER + 1}").status_code == 400
    assert client.get(f"{url}{separator}offset={LARGEST_PAGINATION_NUMBER}").status_code == 200
    assert client.get(f"{url}{separator}limit=²").status_code < 500
