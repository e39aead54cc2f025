"""The demo loader builds a complete, valid site and is safe to run twice."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page, Site

from demo_site.home.models import HomePage
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
