"""The demo loader builds a complete, valid site and is safe to run twice."""

import json
import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Site

from demo_site.home.models import HomePage
from wagtail_kratom.disclaimers import get_required_kinds
from wagtail_kratom.models import (
    ArticlePageDisclaimer,
    Contributor,
    Disclaimer,
    RelatedArticle,
    RiskSectionPage,
    SafeUseGuidePage,
    TopicOverviewPage,
)

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parent.parent
STRUCTURED_BLOCKS = {"risk", "care_card", "dosage", "practices", "monitoring", "interactions", "legal_status"}


def load(monkeypatch, password="demo-password-123") -> str:
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", password)
    out = StringIO()
    call_command("load_initial_data", stdout=out)
    return out.getvalue()


def counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            TopicOverviewPage,
            RiskSectionPage,
            SafeUseGuidePage,
            Disclaimer,
            Contributor,
            RelatedArticle,
            ArticlePageDisclaimer,
        )
    }


def test_loader_runs_twice_without_duplicates(monkeypatch):
    load(monkeypatch)
    first = counts()
    output = load(monkeypatch)
    assert counts() == first
    assert first["TopicOverviewPage"] >= 2
    assert first["RiskSectionPage"] >= 2 and first["SafeUseGuidePage"] >= 2
    assert "Admin login: http://testserver/admin/  user: admin  password: demo-password-123" in output


def test_each_hub_has_a_risk_section_and_a_safe_use_guide(monkeypatch):
    load(monkeypatch)
    for hub in TopicOverviewPage.objects.live():
        child_types = {type(child) for child in hub.get_children().specific()}
        assert child_types == {RiskSectionPage, SafeUseGuidePage}, hub.title


def test_content_is_valid_sourced_and_uses_every_block(monkeypatch):
    load(monkeypatch)
    used = set()
    for model in (TopicOverviewPage, RiskSectionPage, SafeUseGuidePage):
        for page in model.objects.live():
            page.full_clean()
            assert page.citations, page.title
            assert page.medical_reviewer and page.last_reviewed and page.next_review_due, page.title
            assert page.get_disclaimers(), page.title
            used |= {child.block_type for section in page.sections for child in section["content"]}
            used |= {"at_a_glance"} if getattr(page, "at_a_glance", None) else set()
    assert used >= STRUCTURED_BLOCKS | {"paragraph", "at_a_glance"}
    assert {d.kind for d in Disclaimer.objects.filter(live=True)} == {
        "medical",
        "dosage",
        "legal",
        "emergency",
        "evidence",
    }


def test_home_page_lists_the_topics_and_every_page_renders(monkeypatch):
    load(monkeypatch)
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    client = Client()
    html = client.get("/").content.decode()
    for hub in TopicOverviewPage.objects.live():
        assert hub.title in html
    for page in Page.objects.live().exclude(depth=1).specific():
        assert client.get(page.url).status_code == 200, page.url


def test_every_live_demo_page_carries_its_required_disclaimers_in_html_and_both_apis(monkeypatch):
    load(monkeypatch)
    client = Client()
    pages = [page for model in (TopicOverviewPage, RiskSectionPage, SafeUseGuidePage) for page in model.objects.live()]
    assert len(pages) == 6
    for page in pages:
        required = set(get_required_kinds(type(page)))
        html = BeautifulSoup(client.get(page.url).content, "html.parser")
        shown = {aside["class"][1].removeprefix("kratom-disclaimer--") for aside in html.select(".kratom-disclaimer")}
        assert required <= shown, page.url
        for url in (f"/api/v2/pages/{page.pk}/", f"/api/v3/pages/{page.pk}/"):
            served = client.get(url).json()["disclaimers"]
            assert required <= {item["kind"] for item in served}, url
            assert all(item["title"] and item["body"].startswith("<") for item in served), url


def test_demo_topics_link_to_each_other_both_ways(monkeypatch):
    load(monkeypatch)
    first, second = TopicOverviewPage.objects.live()
    for hub, other in ((first, second), (second, first)):
        picks = [(item.page.pk, item.source) for item in hub.get_related_articles()]
        assert (other.pk, "editor") in picks
        for child in hub.get_child_articles():
            related = {item.page.pk for item in child.get_related_articles()}
            assert hub.pk in related
            assert {sibling.pk for sibling in hub.get_child_articles()} - {child.pk} <= related


def test_only_medical_reviewers_may_edit_disclaimers(monkeypatch, django_user_model):
    load(monkeypatch)
    disclaimer = Disclaimer.objects.get(kind="medical")
    edit_url = reverse("wagtailsnippets_wagtail_kratom_disclaimer:edit", args=(disclaimer.pk,))
    site = Site.objects.get(is_default_site=True)
    settings_url = reverse("wagtailsettings:edit", args=("wagtail_kratom", "kratomsitesettings", site.pk))
    client = Client()
    editor = django_user_model.objects.get(username="editor")
    assert list(editor.groups.values_list("name", flat=True)) == ["Editors"]
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    assert client.get(edit_url).status_code == 302  # refused: back to the dashboard with a message
    assert client.get(settings_url).status_code == 302

    reviewer = django_user_model.objects.get(username="reviewer")
    assert list(reviewer.groups.values_list("name", flat=True)) == ["Medical reviewers"]
    client.force_login(reviewer)
    assert client.get(edit_url).status_code == 200
    assert reviewer.has_perm("wagtail_kratom.publish_disclaimer")
    assert client.get(settings_url).status_code == 200


def test_admin_login_works_with_the_printed_password(monkeypatch):
    load(monkeypatch, password="printed-password-456")
    client = Client()
    assert client.login(username="admin", password="printed-password-456")
    assert client.get("/admin/").status_code == 200


def test_production_settings_refuse_to_start_without_secret_key():
    env = {key: value for key, value in os.environ.items() if key != "SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "demo_site.settings.production"
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_production_settings_read_secrets_from_the_environment():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "demo_site.settings.production"}
    env.update({"SECRET_KEY": "from-env", "ALLOWED_HOSTS": "example.org, www.example.org"})
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECRET_KEY, s.ALLOWED_HOSTS, s.DEBUG)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True)
    assert result.stdout.strip() == "from-env ['example.org', 'www.example.org'] False"


def test_every_demo_page_says_its_reviewer_is_fictional(monkeypatch):
    load(monkeypatch)
    client = Client()
    for model in (TopicOverviewPage, RiskSectionPage, SafeUseGuidePage):
        for page in model.objects.live():
            html = BeautifulSoup(client.get(page.url).content, "html.parser")
            credit = html.select_one(".kratom-review").get_text(" ", strip=True)
            assert f"{page.medical_reviewer.name}" in credit, page.url
            assert "(fictional reviewer for this demo site)" in credit, page.url
            review = client.get(f"/api/v2/pages/{page.pk}/").json()["review"]
            assert review["reviewed_by"]["note"] == "fictional reviewer for this demo site"


def live_demo_articles() -> list:
    return [page for model in (TopicOverviewPage, RiskSectionPage, SafeUseGuidePage) for page in model.objects.live()]


def cited_sources(page, block_value) -> list[dict]:
    return [page.citations[number - 1].value for number in block_value["citations"]]


def test_demo_citations_are_complete(monkeypatch):
    """A medical editor's reading: journal articles with volume, pages and DOI, web pages with the date read."""
    load(monkeypatch)
    for page in live_demo_articles():
        for citation in page.citations:
            source = citation.value
            journal = re.search(r"doi\.org|pubmed|/pmc/|pmc\.ncbi", source["url"]) or source["doi"]
            if journal:
                assert re.search(r", \d+(\(\d+\))?:\d+(-\d+)?$", source["publisher"]), source["title"]
                assert source["doi"], source["title"]
            else:
                assert source["url"] and source["accessed"], source["title"]
            assert "et al" not in source["authors"], source["title"]
            assert "/ucm" not in source["url"], f"{source['title']}: an FDA address that no longer exists"


def test_demo_dosage_tables_never_mix_leaf_weight_with_alkaloid_amounts(monkeypatch):
    load(monkeypatch)
    tables = [table for page in live_demo_articles() for table in page.structured_blocks("dosage")]
    assert tables
    for table in tables:
        assert len({row["unit"] for row in table["rows"]}) == 1, [row["unit"] for row in table["rows"]]


def test_demo_pages_describe_7_hydroxymitragynine_as_a_minor_alkaloid(monkeypatch):
    load(monkeypatch)
    for page in live_demo_articles():
        for block in getattr(page, "at_a_glance", None) or []:
            assert "7-hydroxymitragynine" not in block.value["main_alkaloids"], page.title
        text = " ".join([page.summary, page.intro, json.dumps(page.body.get_prep_value()), page.conclusion])
        if "7-OH" in text or "7-hydroxymitragynine" in text:
            assert "minor alkaloid" in text or "only in small amounts" in text, page.title


def test_demo_alcohol_rows_cite_a_source_about_the_liver(monkeypatch):
    load(monkeypatch)
    rows = [
        (page, row)
        for page in live_demo_articles()
        for table in page.structured_blocks("interactions")
        for row in table["rows"]
        if row["substance"].startswith("Alcohol")
    ]
    assert rows
    for page, row in rows:
        sources = cited_sources(page, row)
        assert any("liver" in f"{s['title']} {s['publisher']}".lower() for s in sources), page.title


def test_demo_liver_pages_say_that_severe_cases_are_published(monkeypatch):
    load(monkeypatch)
    hub = TopicOverviewPage.objects.live().get(slug="kratom-and-liver-health")
    text = BeautifulSoup(Client().get(hub.url).content, "html.parser").get_text(" ", strip=True)
    assert "liver transplant" in text
    assert "All 11 people developed jaundice" in text and "median of 14 days" in text
