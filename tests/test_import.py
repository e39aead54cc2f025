"""Importing articles as pages, and auditing pages, through the management commands."""

import csv
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError
from django.urls import reverse
from wagtail.models import Revision

from tests.utils import (
    go_live_without_review,
    make_admin_group,
    make_legacy_live_page,
    make_test_page,
    refuse_child_pages,
)
from wagtail_kratom import importer
from wagtail_kratom.base_page import BasePage
from wagtail_kratom.import_sources import ImportedSource
from wagtail_kratom.models import RelatedArticle, RiskSectionPage, SafeUseGuidePage, TopicOverviewPage
from wagtail_kratom.page_audit import audit_page
from wagtail_kratom.publishing import parse
from wagtail_kratom.snippets import Contributor

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"
# Invented articles in the shape of the sample articles (tests/fixtures/README.md).
SEEDS = FIXTURES

CLEAN_ARTICLE = (
    "Kratom products vary, and labels rarely say what a batch contains (FDA, 2024).\n"
    "Kratom is sold as powder, capsules and drinks (FDA, 2024).\n"
    "- What labels show\n- Buying more safely\n"
    "What labels show\nLabels give a name and a weight (FDA, 2024).\nFew give the alkaloid content (FDA, 2024).\n"
    "Buying more safely\nAsk sellers for a recent laboratory report (FDA, 2024).\nCheck the batch number (FDA, 2024).\n"
    "Speak to a pharmacist about any product you use (FDA, 2024).\n"
)


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def tree(parent) -> list[tuple[str, str, bool]]:
    return [
        (page.specific_class.__name__, page.title, page.live)
        for page in BasePage.objects.filter(path__startswith=parent.path, depth__gt=parent.depth).order_by("path")
    ]


def test_the_seeds_import_as_hubs_with_their_children(home):
    out, _err = run("kratom_import", *sorted(map(str, SEEDS.glob("article-*.txt"))), "--parent", "/")
    assert "7 created, 0 updated, 0 unchanged" in out
    a = parse((SEEDS / "article-a.txt").read_text())
    hub = TopicOverviewPage.objects.get(title=a.title)
    assert (hub.summary, hub.live) == (a.summary.text, False)
    assert hub.intro == f"<p>{a.intro[0].text}</p>"
    assert hub.conclusion == f"<p>{a.conclusion[0].text}</p>"
    assert [section["heading"] for section in hub.sections] == [a.contents[0]]
    risk, guide = (child.specific for child in hub.get_children())
    assert (type(risk), risk.title) == (RiskSectionPage, a.contents[1])
    assert (type(guide), guide.title) == (SafeUseGuidePage, a.contents[2])
    assert [block.block_type for block in guide.sections[0]["content"]] == ["paragraph", "monitoring"]
    # The reasons for each placement are reported.
    assert f"“{a.contents[1]}”: heading mentions “liver health”" in out
    # And the audit flags the unsupported claims, with the line they are on.
    assert "error claim.liver-benefit (line 1, summary)" in out


def test_reimporting_updates_in_place_and_changes_nothing_when_the_file_has_not(home):
    path = str(SEEDS / "article-c.txt")
    run("kratom_import", path, "--parent", "/")
    before = (tree(home), Revision.objects.count())
    out, _err = run("kratom_import", path, "--parent", "/")
    assert "0 created, 0 updated, 2 unchanged" in out
    assert (tree(home), Revision.objects.count()) == before


def test_reimporting_an_edited_file_updates_the_same_pages(home, tmp_path):
    source = tmp_path / "labels.txt"
    source.write_text(CLEAN_ARTICLE)
    run("kratom_import", str(source), "--parent", "/", "--title", "Product labels")
    source.write_text(CLEAN_ARTICLE.replace("Check the batch number", "Check the batch code"))
    out, _err = run("kratom_import", str(source), "--parent", "/", "--title", "Product labels")
    assert "0 created, 1 updated, 1 unchanged" in out
    guide = SafeUseGuidePage.objects.get().get_latest_revision_as_object()
    assert "Check the batch code" in str(guide.body.raw_data)
    assert len(tree(home)) == 2


def test_dry_run_writes_nothing(home, tmp_path):
    source = tmp_path / "labels.txt"
    source.write_text(CLEAN_ARTICLE)
    out, _err = run("kratom_import", str(source), "--parent", "/", "--dry-run")
    assert "would be created: topic overview page" in out
    assert tree(home) == []


def test_publish_leaves_unreviewed_pages_drafts(home, tmp_path):
    clean = tmp_path / "labels.txt"
    clean.write_text(CLEAN_ARTICLE)
    out, _err = run("kratom_import", str(clean), "--parent", "/", "--publish")
    assert "0 published, 2 not published" in out
    assert "No medical reviewer is named" in out
    assert not TopicOverviewPage.objects.get(slug="what-labels-show").live


def test_publish_makes_live_only_what_passes_and_says_why_not(home, tmp_path, settings):
    go_live_without_review(settings)
    clean = tmp_path / "labels.txt"
    clean.write_text(CLEAN_ARTICLE)
    claims = tmp_path / "claims.txt"
    claims.write_text(
        CLEAN_ARTICLE.replace("What labels show", "What sellers claim").replace(
            "Labels give a name and a weight (FDA, 2024).", "Kratom is completely safe."
        )
    )
    out, _err = run("kratom_import", str(clean), str(claims), "--parent", "/", "--publish")
    assert "2 published, 2 not published" in out
    assert "not published: The editorial checks found 1 error that blocks publishing" in out
    assert "not published: its topic hub was not published" in out
    hub = TopicOverviewPage.objects.get(slug="what-labels-show")
    assert hub.live and hub.get_children().live().count() == 1
    assert not TopicOverviewPage.objects.get(slug="what-sellers-claim").live


def test_a_broken_file_fails_alone_with_nothing_written_for_it(home, tmp_path):
    good, broken = tmp_path / "good.txt", tmp_path / "broken.txt"
    good.write_text(CLEAN_ARTICLE)
    broken.write_bytes(b"\x00\x01binary")
    with pytest.raises(CommandError, match="1 of 2 files could not be imported") as failure:
        run("kratom_import", str(broken), str(good), "--parent", "/")
    assert failure.value.returncode == 1
    assert len(tree(home)) == 2


def test_a_failure_mid_import_leaves_the_database_as_it_was(home, tmp_path, monkeypatch):
    source = tmp_path / "labels.txt"
    source.write_text(CLEAN_ARTICLE)
    refuse_child_pages(monkeypatch)
    before = (BasePage.objects.count(), Revision.objects.count())
    with pytest.raises(CommandError):
        run("kratom_import", str(source), "--parent", "/")
    assert (BasePage.objects.count(), Revision.objects.count()) == before


def test_hostile_html_is_cleaned_on_the_way_in(client, home, tmp_path):
    source = tmp_path / "page.html"
    source.write_text(
        "<h1>Product labels</h1><p>Labels vary (FDA, 2024).</p>"
        '<p onclick="steal()">Read <a href="javascript:alert(1)">this</a> and '
        '<a href="https://www.fda.gov/">the FDA</a>.</p>'
        "<script>alert('x')</script><h2>Safer buying</h2><p style='color:red'>Ask for a report.</p>"
        "<p>Check batch numbers.</p><p>The end.</p>"
    )
    run("kratom_import", str(source), "--parent", "/", "--format", "html")
    stored = json.dumps([page.specific.intro for page in BasePage.objects.filter(depth__gt=2)])
    stored += json.dumps([str(page.specific.body.raw_data) for page in BasePage.objects.filter(depth__gt=2)])
    for hostile in ("script", "onclick", "javascript:", "style=", "alert"):
        assert hostile not in stored
    assert "https://www.fda.gov/" in stored


def test_the_parent_must_exist_and_accept_the_hub(home):
    with pytest.raises(CommandError, match="No page is served at /nowhere/"):
        run("kratom_import", str(FIXTURES / "product-label.txt"), "--parent", "/nowhere/")
    risk = make_test_page(home, RiskSectionPage, title="Risks", slug="risks")
    with pytest.raises(CommandError):
        run("kratom_import", str(FIXTURES / "product-label.txt"), "--parent", risk.url)
    assert risk.get_children().count() == 0


# Auditing pages -------------------------------------------------------------------------


@pytest.fixture
def reviewer() -> Contributor:
    return Contributor.objects.create(name="Dr A Reviewer", credentials="MBBS")


def test_kratom_audit_exits_non_zero_on_errors_and_speaks_json(home, settings, reviewer):
    page = make_legacy_live_page(
        home, RiskSectionPage, title="Risks", slug="risks", summary="Kratom is harmless.", medical_reviewer=reviewer
    )
    with pytest.raises(CommandError) as failure:
        run("kratom_audit")
    assert failure.value.returncode == 1
    out, _err = run("kratom_audit", "--format", "json", "--fail-on", "never")
    [entry] = json.loads(out)
    assert (entry["id"], entry["findings"][0]["rule"]) == (page.pk, "claim.safe")
    settings.WAGTAIL_KRATOM = {"AUDIT_DISABLED_RULES": ["claim.safe"]}
    out, _err = run("kratom_audit")
    assert "1 pages audited: 0 errors" in out


def test_kratom_audit_reads_drafts_when_asked(home, reviewer):
    page = make_test_page(home, RiskSectionPage, title="Risks", slug="risks", medical_reviewer=reviewer)
    page.summary = "Kratom cures pain."
    page.save_revision()
    run("kratom_audit")
    with pytest.raises(CommandError):
        run("kratom_audit", "--drafts")


def test_page_audit_sees_structured_items_review_and_related_links(home):
    hub = make_test_page(home, TopicOverviewPage, title="Hub", slug="hub")
    draft = make_test_page(home, RiskSectionPage, title="Draft", slug="draft", publish=False)
    page = make_test_page(
        home, RiskSectionPage, title="Risks", slug="risks", last_reviewed=None, medical_reviewer=None, publish=False
    )
    page.kratom_related_articles = [RelatedArticle(target=hub), RelatedArticle(target=draft)]
    found = {(f.rule, f.location) for f in audit_page(page)}
    assert ("related.not-live", "related article 2") in found
    assert ("review.no-reviewer", "review") in found
    assert ("review.no-date", "review") in found


def test_the_editor_shows_the_audit_and_the_report_lists_and_exports_findings(admin_client, home, reviewer):
    page = make_legacy_live_page(
        home, RiskSectionPage, title="Risks", slug="risks", summary="Kratom is harmless.", medical_reviewer=reviewer
    )
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "claim.safe" in edit and "The editorial audit found 1 thing to fix" in edit

    report = admin_client.get(reverse("wagtail_kratom:audit_report"))
    assert report.status_code == 200
    assert "claim.safe" in report.content.decode() and "Risks" in report.content.decode()
    export = admin_client.get(reverse("wagtail_kratom:audit_report"), {"export": "csv"})
    rows = list(csv.reader(StringIO(b"".join(export.streaming_content).decode())))
    assert rows[0] == ["Page", "Status", "Severity", "Rule", "Where", "Finding", "Publishing", "Accepted by", "Reason"]
    assert rows[1][:5] == ["Risks", "live", "error", "claim.safe", "summary"]


def test_the_report_is_for_page_editors_only(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="reader-pass-123")
    client.force_login(user)
    assert client.get(reverse("wagtail_kratom:audit_report")).status_code in (302, 403)


def test_an_article_naming_strains_imports_them_as_other_names(home, tmp_path):
    source = tmp_path / "strains.txt"
    source.write_text(CLEAN_ARTICLE.replace("Few give the alkaloid content", "Some name Red Bali or green vein"))
    run("kratom_import", str(source), "--parent", "/")
    facts = TopicOverviewPage.objects.get().at_a_glance_facts
    assert list(facts["other_names"]) == ["Red Bali", "Green Vein"]


def test_the_report_lists_only_pages_the_user_may_edit(client, home, django_user_model, reviewer):
    hub = make_test_page(home, TopicOverviewPage, title="Hub", slug="hub", summary="Kratom cures pain.", publish=False)
    other = make_test_page(
        home, TopicOverviewPage, title="Other", slug="other", summary="Kratom is harmless.", publish=False
    )
    group = make_admin_group("Hub editors", hub, [BasePage.PERMISSION_CODENAMES.CHANGE])
    user = django_user_model.objects.create_user("hub-editor", password="hub-editor-pass-123")
    user.groups.add(group)
    client.force_login(user)
    text = client.get(reverse("wagtail_kratom:audit_report")).content.decode()
    assert "claim.cure" in text and "claim.safe" not in text and other.title not in text


def test_a_database_error_fails_that_file_alone_and_the_rest_are_imported(home, tmp_path, monkeypatch):
    paths = []
    for number in range(1, 6):
        path = tmp_path / f"article-{number}.txt"
        path.write_text(CLEAN_ARTICLE.replace("What labels show", f"Labels in batch {number}"), encoding="utf-8")
        paths.append(path)
    write_page = importer.write_page

    def fail_on_the_third_file(parent, draft, user=None):
        if draft.role == "overview" and draft.title == "Labels in batch 3":
            raise OperationalError("server closed the connection unexpectedly")
        return write_page(parent, draft, user)

    monkeypatch.setattr(importer, "write_page", fail_on_the_third_file)
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="1 of 5 files could not be imported") as failure:
        call_command("kratom_import", *[str(path) for path in paths], "--parent", "/", stdout=out, stderr=err)
    assert failure.value.returncode == 1
    assert "article-3.txt: not imported, nothing written: the database refused it (OperationalError" in err.getvalue()
    assert "Traceback" not in err.getvalue()
    hubs = {page.title for page in TopicOverviewPage.objects.all()}
    assert hubs == {f"Labels in batch {number}" for number in (1, 2, 4, 5)}
    assert "1 file failed" in out.getvalue()


@pytest.mark.parametrize("source", ["/dev/zero", "big"])
def test_a_file_over_the_size_limit_is_refused_before_it_is_read_whole(home, tmp_path, settings, source):
    settings.WAGTAIL_KRATOM = {"IMPORT_MAX_FILE_SIZE": 1000}
    if source == "big":
        source = tmp_path / "big.txt"
        source.write_text(CLEAN_ARTICLE * 10)
    good = tmp_path / "good.txt"
    good.write_text(CLEAN_ARTICLE)
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="1 of 2 files could not be imported"):
        call_command("kratom_import", str(source), str(good), "--parent", "/", stdout=out, stderr=err)
    assert "the file is larger than 1,000 bytes" in err.getvalue()
    assert len(tree(home)) == 2


def test_the_command_records_each_pages_source_as_the_admin_does(home, tmp_path):
    """The command goes through the admin's import service: each page knows the file it came from."""
    source = tmp_path / "labels.txt"
    source.write_text(CLEAN_ARTICLE)
    run("kratom_import", str(source), "--parent", "/", "--title", "Product labels")
    pages = list(BasePage.objects.filter(depth__gt=home.depth).order_by("path"))
    records = {record.page_id: record for record in ImportedSource.objects.all()}
    assert set(records) == {page.pk for page in pages}
    first = records[pages[0].pk]
    assert (first.file_name, first.source_format, first.imported_by) == ("labels.txt", "text", None)
    assert first.source_text == CLEAN_ARTICLE

    source.write_text(CLEAN_ARTICLE.replace("Check the batch number", "Check the batch code"))
    run("kratom_import", str(source), "--parent", "/", "--title", "Product labels")
    changed = ImportedSource.objects.get(page=pages[0])
    assert changed.checksum != first.checksum and "batch code" in changed.source_text


def test_a_dry_run_records_no_source(home, tmp_path):
    source = tmp_path / "labels.txt"
    source.write_text(CLEAN_ARTICLE)
    run("kratom_import", str(source), "--parent", "/", "--dry-run")
    assert not ImportedSource.objects.exists()


def test_the_command_reads_files_by_extension_and_names_the_ones_it_cannot(home, tmp_path):
    notes = tmp_path / "labels.rtf"
    notes.write_text(CLEAN_ARTICLE)
    with pytest.raises(CommandError):
        run("kratom_import", str(notes), "--parent", "/")
    assert tree(home) == []
    run("kratom_import", str(notes), "--parent", "/", "--format", "text")
    assert ImportedSource.objects.get(page__depth=home.depth + 1).source_format == "text"
