"""A decoupled front end previews the editor's unsaved draft through a short-lived token."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from tests.utils import admin_form_data, make_disclaimer, make_test_page
from wagtail_kratom.models import RiskSectionPage, TopicOverviewPage

pytestmark = pytest.mark.django_db


def preview_form(title: str) -> dict:
    paragraph = ("paragraph", rich_text("<p>Draft words only the editor has seen.</p>"))
    return admin_form_data([("What is known", [paragraph])], title=title, slug="draft")


def front_end_preview(admin_client, preview_url: str, data: dict) -> str:
    """Preview ``data`` in the "Front end" mode, as the preview panel does; return the token it hands out."""
    assert admin_client.post(preview_url, data).json()["is_valid"]
    response = admin_client.get(preview_url, {"mode": "headless"})
    assert response.status_code == 200
    src = re.search(r'<iframe src="([^"]+)"', response.content.decode()).group(1)
    assert src.startswith("/headless-preview/?content_type=wagtail_kratom.")
    return re.search(r"token=([\w-]+)", src).group(1)


def test_the_front_end_reads_the_unsaved_draft_of_a_live_page(admin_client, client, home):
    page = make_test_page(home, RiskSectionPage, title="Live title", slug="live")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    token = front_end_preview(admin_client, url, preview_form("Unsaved draft title"))

    draft = client.get("/api/v2/page_preview/", {"token": token}).json()
    assert draft["id"] == page.pk
    assert draft["title"] == "Unsaved draft title"
    assert "Draft words only the editor has seen." in str(draft["body"])
    assert [item["kind"] for item in draft["disclaimers"]] == ["medical", "emergency"]
    assert draft["meta"]["type"] == "wagtail_kratom.RiskSectionPage"
    # Nothing was saved, and readers still get the live page.
    assert client.get(f"/api/v2/pages/{page.pk}/").json()["title"] == "Live title"
    assert RiskSectionPage.objects.get(pk=page.pk).get_latest_revision_as_object().title == "Live title"


def test_a_page_not_yet_created_can_be_previewed(admin_client, client, home):
    hub = make_test_page(home, TopicOverviewPage, title="Hub", slug="hub")
    url = reverse("wagtailadmin_pages:preview_on_add", args=["wagtail_kratom", "risksectionpage", hub.pk])
    token = front_end_preview(admin_client, url, preview_form("A page to come"))
    draft = client.get("/api/v2/page_preview/", {"token": token}).json()
    assert (draft["id"], draft["title"]) == (0, "A page to come")
    assert not RiskSectionPage.objects.filter(title="A page to come").exists()


def test_unknown_and_expired_tokens_find_nothing(admin_client, client, home):
    page = make_test_page(home, RiskSectionPage, title="Live title", slug="live")
    token = front_end_preview(
        admin_client, reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]), preview_form("Draft")
    )
    assert client.get("/api/v2/page_preview/", {"token": "not-a-token"}).status_code == 404
    assert client.get("/api/v2/page_preview/").status_code == 404
    cache.clear()
    assert client.get("/api/v2/page_preview/", {"token": token}).status_code == 404


def test_the_front_end_mode_is_offered_only_when_configured(home, settings):
    page = make_test_page(home, RiskSectionPage, title="Live", slug="live")
    assert [mode for mode, _label in page.preview_modes] == ["", "headless"]
    settings.WAGTAIL_KRATOM = {}
    assert [mode for mode, _label in page.preview_modes] == [""]


def test_the_demo_front_end_reads_the_preview_endpoint(client, home):
    response = client.get("/headless-preview/?token=x")
    assert response.status_code == 200
    assert "/api/v2/page_preview/?token=" in response.content.decode()


def test_the_preview_shows_the_drafts_own_disclaimer_and_related_choices(admin_client, client, home):
    hub = make_test_page(home, TopicOverviewPage, title="Hub", slug="hub")
    page = make_test_page(hub, RiskSectionPage, title="Live title", slug="live")
    chosen = make_disclaimer("emergency", title="Call 999 in the UK")
    data = preview_form("Draft")
    data.update(nested_form_data({"kratom_disclaimers": inline_formset([{"disclaimer": chosen.pk}])}))
    data.update(
        nested_form_data({"kratom_related_articles": inline_formset([{"target": hub.pk, "label": "Start here"}])})
    )
    token = front_end_preview(admin_client, reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]), data)
    draft = client.get("/api/v2/page_preview/", {"token": token}).json()
    assert "Call 999 in the UK" in [item["title"] for item in draft["disclaimers"]]
    assert draft["related_articles"][0]["title"] == "Start here"
    html = admin_client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])).content.decode()
    assert "Call 999 in the UK" in html and "Start here" in html


def test_a_token_ends_when_the_editor_logs_out(admin_client, client, home):
    page = make_test_page(home, RiskSectionPage, title="Live title", slug="live")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    token = front_end_preview(admin_client, url, preview_form("Unsaved draft title"))
    assert client.get("/api/v2/page_preview/", {"token": token}).status_code == 200
    assert admin_client.post(reverse("wagtailadmin_logout")).status_code == 302
    assert client.get("/api/v2/page_preview/", {"token": token}).status_code == 404


def test_a_token_ends_when_the_page_is_published(admin_client, client, home):
    page = make_test_page(home, RiskSectionPage, title="Live title", slug="live")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    token = front_end_preview(admin_client, url, preview_form("Unsaved draft title"))
    assert client.get("/api/v2/page_preview/", {"token": token}).status_code == 200
    page.refresh_from_db()
    page.title = "Published since"
    page.save_revision().publish()
    assert client.get("/api/v2/page_preview/", {"token": token}).status_code == 404
