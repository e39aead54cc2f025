"""Related articles: editors' picks are checked, suggestions are ranked, dead targets vanish, cost stays flat."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, rich_text

from tests.utils import add_live_risk_pages, admin_form_data, count_queries, make_test_page
from wagtail_kratom.models import (
    RelatedArticle,
    RiskSectionPage,
    SafeUseGuidePage,
    SuggestedArticle,
    TopicOverviewPage,
)
from wagtail_kratom.related import ArticleRef, rank_suggestions

pytestmark = pytest.mark.django_db


def link(page, *targets, labels=()):
    """Give ``page`` the editor's picks ``targets`` and publish it."""
    page.kratom_related_articles = [
        RelatedArticle(target=target, label=labels[index] if index < len(labels) else "")
        for index, target in enumerate(targets)
    ]
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def related(page) -> list[tuple[str, str]]:
    return [(item.page.title, item.source) for item in type(page).objects.get(pk=page.pk).get_related_articles()]


# Editors' picks are checked ----------------------------------------------------------------


def test_picks_that_make_no_sense_are_refused_in_plain_words(home, settings):
    hub = make_test_page(home, TopicOverviewPage, title="Liver", slug="liver")
    risk = make_test_page(hub, RiskSectionPage, title="Liver risks", slug="risks")
    risk.kratom_related_articles = [RelatedArticle(target=risk)]
    with pytest.raises(ValidationError, match="cannot be related to itself"):
        risk.full_clean()
    risk.kratom_related_articles = [RelatedArticle(target=hub), RelatedArticle(target=hub)]
    with pytest.raises(ValidationError, match="“Liver” is picked twice"):
        risk.full_clean()
    risk.kratom_related_articles = [RelatedArticle(target=home)]
    with pytest.raises(ValidationError, match="is not a topic overview, risk section or safe-use guide page"):
        risk.full_clean()
    settings.WAGTAIL_KRATOM = {"RELATED_ARTICLES_MAX_PICKS": 0}
    risk.kratom_related_articles = [RelatedArticle(target=hub)]
    with pytest.raises(ValidationError, match="Pick at most 0 related articles; there are 1"):
        risk.full_clean()


def test_admin_form_names_the_problem(admin_client, home):
    hub = make_test_page(home, TopicOverviewPage, title="Liver", slug="liver")
    picks = inline_formset([{"target": hub.pk, "label": ""}, {"target": hub.pk, "label": "Again"}])
    data = admin_form_data([("Known", [("paragraph", rich_text("<p>Text.</p>"))])], kratom_related_articles=picks)
    url = reverse("wagtailadmin_pages:add", args=("wagtail_kratom", "risksectionpage", hub.pk))
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "“Liver” is picked twice under Related articles; keep one." in response.context["form"].non_field_errors()


# Ranking -----------------------------------------------------------------------------------


def ref(id, path, role, title, *topics):
    return ArticleRef(id=id, path=path, role=role, title=title, topics=frozenset(topics))


def test_ranking_on_a_known_graph():
    liver_hub = ref(1, "00010001", "overview", "Liver", "liver")
    liver_risk = ref(2, "000100010001", "risk", "Liver risks", "liver")
    liver_safe = ref(3, "000100010002", "safe_use", "Looking after your liver", "liver")
    liver_faq = ref(4, "000100010003", "risk", "Liver FAQ")
    dependence_safe = ref(5, "000100020001", "safe_use", "Reducing harm", "liver", "dependence")
    unrelated = ref(6, "000100030001", "risk", "Sleep")
    candidates = [liver_hub, liver_risk, liver_safe, liver_faq, dependence_safe, unrelated]

    # A risk page: its complementary safe-use sibling (11), the hub (5), then a tie at 2 broken by title:
    # the other sibling, and the guide elsewhere that shares a topic.
    assert rank_suggestions(liver_risk, candidates, limit=10) == [liver_safe, liver_hub, liver_faq, dependence_safe]
    # A hub lists its own pages as sections, so it is only offered pages elsewhere that share a topic.
    assert rank_suggestions(liver_hub, candidates, limit=10) == [dependence_safe]
    assert rank_suggestions(liver_risk, candidates, limit=2) == [liver_safe, liver_hub]


def test_ties_go_by_title_then_id():
    page = ref(1, "000100010001", "risk", "Page", "a")
    candidates = [ref(3, "00020001", "risk", "beta", "a"), ref(2, "00020002", "risk", "Alpha", "a")]
    candidates.append(ref(4, "00020003", "risk", "alpha", "a"))
    assert [c.id for c in rank_suggestions(page, candidates, limit=5)] == [2, 4, 3]


@pytest.fixture
def liver(home):
    """A hub with a risk page and a safe-use guide, and a second hub whose guide shares a topic."""
    hub = make_test_page(home, TopicOverviewPage, title="Liver", slug="liver")
    risk = make_test_page(hub, RiskSectionPage, title="Liver risks", slug="risks")
    safe = make_test_page(hub, SafeUseGuidePage, title="Looking after your liver", slug="safe")
    other_hub = make_test_page(home, TopicOverviewPage, title="Dependence", slug="dependence")
    other_safe = make_test_page(other_hub, SafeUseGuidePage, title="Reducing harm", slug="harm")
    other_safe.topics.add("liver")
    other_safe.save_revision().publish()
    for page in (hub, risk, safe):
        page.topics.add("liver")
        page.save_revision().publish()
    return {"hub": hub, "risk": risk, "safe": safe, "other_hub": other_hub, "other_safe": other_safe}


def test_publishing_ranks_suggestions_after_the_editors_picks(liver, settings):
    risk = link(liver["risk"], liver["other_hub"], labels=["Also read"])
    assert related(risk) == [
        ("Dependence", "editor"),
        ("Looking after your liver", "suggested"),
        ("Liver", "suggested"),
        ("Reducing harm", "suggested"),
    ]
    settings.WAGTAIL_KRATOM = {"RELATED_ARTICLES_SUGGESTIONS": 1}
    assert related(risk) == [("Dependence", "editor"), ("Looking after your liver", "suggested")]


def test_suggestions_never_repeat_a_pick(liver):
    risk = link(liver["risk"], liver["safe"])
    titles = [title for title, _source in related(risk)]
    assert titles.count("Looking after your liver") == 1
    assert related(risk)[0] == ("Looking after your liver", "editor")


def test_a_new_sibling_is_suggested_to_its_neighbours_when_published(liver):
    make_test_page(liver["hub"], RiskSectionPage, title="Liver and alcohol", slug="alcohol")
    assert ("Liver and alcohol", "suggested") in related(liver["safe"])


def test_a_hub_serves_its_own_pages_as_sections_not_as_related_articles(client, liver):
    url = f"/api/v2/pages/{liver['hub'].pk}/"
    detail = client.get(url).json()
    assert [item["id"] for item in detail["sections"]] == [liver["risk"].pk, liver["safe"].pk]
    assert not {liver["risk"].pk, liver["safe"].pk} & {item["id"] for item in detail["related_articles"]}
    liver["safe"].unpublish()
    assert [item["id"] for item in client.get(url).json()["sections"]] == [liver["risk"].pk]
    v3 = client.get(f"/api/v3/pages/{liver['hub'].pk}/").json()
    assert [item["id"] for item in v3["sections"]] == [liver["risk"].pk]


# Targets that disappear --------------------------------------------------------------------------


def outputs(client, page) -> tuple[list[str], list[int]]:
    """The related-article links in the page's HTML and the ids in its v2 API detail."""
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    links = [a["href"] for a in html.select(".kratom-related a")]
    api = client.get(f"/api/v2/pages/{page.pk}/").json()["related_articles"]
    return links, [item["id"] for item in api]


def test_unpublished_private_and_deleted_targets_vanish_from_html_and_api(client, liver):
    risk = link(liver["risk"], liver["safe"], liver["other_safe"], liver["other_hub"])
    links, ids = outputs(client, risk)
    assert liver["safe"].url in links and liver["other_safe"].pk in ids

    liver["safe"].unpublish()
    PageViewRestriction.objects.create(page=liver["other_safe"], restriction_type="password", password="x")
    Page.objects.get(pk=liver["other_hub"].pk).delete()

    links, ids = outputs(client, risk)
    gone = {liver["safe"].pk, liver["other_safe"].pk, liver["other_hub"].pk}
    assert not gone & set(ids)
    assert ids == [liver["hub"].pk]
    assert links == [liver["hub"].url]
    for href in links:
        assert client.get(href).status_code == 200


def test_a_moved_target_is_linked_at_its_new_address(client, liver, home):
    risk = link(liver["risk"], liver["other_safe"])
    liver["other_safe"].move(liver["hub"], pos="last-child")
    moved = Page.objects.get(pk=liver["other_safe"].pk)
    links, ids = outputs(client, risk)
    assert moved.url in links and moved.pk in ids
    served = client.get(f"/api/v2/pages/{risk.pk}/").json()["related_articles"]
    assert [item["url"] for item in served if item["id"] == moved.pk] == [moved.full_url]
    assert client.get(moved.url).status_code == 200


# Cost ------------------------------------------------------------------------------------------


def add_articles(parent, count: int, start: int = 0) -> list:
    """Add ``count`` bare live risk pages quickly."""
    return add_live_risk_pages(parent, count, start, summary="s", intro="<p>i</p>", body=[])


def link_all(pages: list, targets: list) -> None:
    RelatedArticle.objects.filter(page__in=pages).delete()
    RelatedArticle.objects.bulk_create(
        RelatedArticle(page=page, target=target, sort_order=order)
        for page in pages
        for order, target in enumerate(targets)
        if target.pk != page.pk
    )


def test_query_counts_do_not_grow_with_site_size_or_links(client, home, settings):
    hub = make_test_page(home, TopicOverviewPage, title="Hub", slug="hub")
    measured = make_test_page(hub, RiskSectionPage, title="Measured", slug="measured")
    pages = add_articles(hub, 10)
    urls = [
        measured.url,
        f"/api/v2/pages/{measured.pk}/",
        "/api/v2/pages/?type=wagtail_kratom.RiskSectionPage&fields=*&limit=20",
        "/api/v2/pages/?type=wagtail_kratom.TopicOverviewPage&fields=*",
        hub.url,
    ]
    link_all([measured, *pages], pages[:1])
    small = [count_queries(client, url) for url in urls]

    pages += add_articles(hub, 490, start=10)
    link_all([measured, *pages[:20]], pages[:20])
    assert len(RelatedArticle.objects.filter(page=measured)) == 20
    large = [count_queries(client, url) for url in urls]
    assert large == small


def test_refresh_command_ranks_pages_made_live_outside_publishing(home):
    hub = make_test_page(home, TopicOverviewPage, title="Hub", slug="hub")
    guide = make_test_page(hub, SafeUseGuidePage, title="Guide", slug="guide")
    (risk,) = add_articles(hub, 1)
    assert not SuggestedArticle.objects.filter(page_id=risk.pk).exists()
    assert ("Risk 0", "suggested") not in related(guide)
    out = StringIO()
    call_command("kratom_refresh_related", stdout=out)
    assert "Re-ranked suggestions for 3 live article pages." in out.getvalue()
    assert related(risk)[0] == ("Guide", "suggested")
    assert ("Risk 0", "suggested") in related(guide)
