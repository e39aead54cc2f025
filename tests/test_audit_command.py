"""``kratom_audit --files`` before import, and what the importer does with claims and long summaries."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.utils import make_test_page
from wagtail_kratom.acceptances import finding_fingerprint
from wagtail_kratom.models import RiskSectionPage, TopicOverviewPage
from wagtail_kratom.page_audit import audit_page

pytestmark = pytest.mark.django_db

#: An article in the plain-text shape, written for these tests: two unsafe claims, one careful warning.
ARTICLE = "\n".join(
    [
        "Kratom is a leaf sold as powder and capsules (FDA, 2024).",
        "This page is about kratom and opioid withdrawal.",
        "- What kratom is",
        "- Withdrawal",
        "What kratom is",
        "Kratom comes from a tree in the coffee family (FDA, 2024).",
        "Withdrawal",
        "Kratom carries no risk of dependence, unlike opioids.",
        "For anyone coming off heroin, kratom is the safer choice.",
        "Stopping kratom after daily use can cause withdrawal (NIDA).",
        "Ask a doctor about treatment that works.",
    ]
)


def run(*args) -> str:
    out = StringIO()
    call_command("kratom_audit", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "withdrawal.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_claims_in_a_file_fail_the_audit_so_ci_can_run_it(article):
    with pytest.raises(CommandError) as failed:
        run("--files", str(article), "--format", "json")
    assert failed.value.returncode == 1


def test_the_json_report_lists_each_claim_sentence_once(article):
    out = run("--files", str(article), "--format", "json", "--fail-on", "never")
    [result] = json.loads(out)
    claims = [f for f in result["findings"] if f["rule"].startswith("claim.")]
    assert [(f["rule"], f["category"], f["severity"], f["line"], f["quote"]) for f in claims] == [
        (
            "claim.no-dependence",
            "no-dependence",
            "error",
            8,
            "Kratom carries no risk of dependence, unlike opioids.",
        ),
        (
            "claim.replaces-treatment",
            "replaces-treatment",
            "error",
            9,
            "For anyone coming off heroin, kratom is the safer choice.",
        ),
    ]
    assert result["file"] == str(article)


def test_the_text_report_quotes_the_sentence(article):
    out = run("--files", str(article), "--fail-on", "never")
    assert "error claim.no-dependence at line 8" in out
    assert "“For anyone coming off heroin, kratom is the safer choice.”" in out
    assert "1 file audited: 2 errors, 0 warnings." in out


def test_a_file_that_cannot_be_read_or_parsed_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="cannot be read") as missing:
        run("--files", str(tmp_path / "missing.txt"))
    assert missing.value.returncode == 2
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(CommandError, match="not an article the importer can read") as unusable:
        run("--files", str(empty))
    assert unusable.value.returncode == 2


def test_a_careful_article_passes(tmp_path):
    path = tmp_path / "careful.txt"
    path.write_text(
        ARTICLE.replace("Kratom carries no risk", "Kratom carries a risk").replace(
            "For anyone coming off heroin, kratom is the safer choice.", "Kratom is no substitute for treatment."
        ),
        encoding="utf-8",
    )
    assert "0 errors" in run("--files", str(path))


def test_an_imported_article_with_claims_stays_a_draft_when_published(home, article, settings):
    call_command("kratom_import", str(article), "--parent", "/", "--publish", stdout=StringIO(), stderr=StringIO())
    pages = list(TopicOverviewPage.objects.all()) + [p.specific for p in TopicOverviewPage.objects.get().get_children()]
    assert pages and not any(page.live for page in pages)


def test_a_long_summary_is_imported_whole_and_blocks_until_shortened(home, tmp_path, settings):
    settings.WAGTAIL_KRATOM = {"SUMMARY_MAX_LENGTH": 80}
    summary = "Kratom is a leaf sold as powder and capsules. Regular use can cause dependence (NIDA)."
    path = tmp_path / "long.txt"
    path.write_text(ARTICLE.replace(ARTICLE.splitlines()[0], summary), encoding="utf-8")
    call_command("kratom_import", str(path), "--parent", "/", stdout=StringIO(), stderr=StringIO())
    hub = TopicOverviewPage.objects.get().get_latest_revision_as_object()
    assert hub.summary == summary
    findings = [f for f in audit_page(hub) if f.rule == "summary.too-long"]
    assert [f.severity for f in findings] == ["error"]


def test_a_claim_finding_keeps_its_fingerprint_when_the_page_changes_elsewhere(home):
    page = make_test_page(home, RiskSectionPage, publish=False, summary="Kratom is perfectly harmless.")
    before = [f for f in audit_page(page) if f.rule == "claim.safe"]
    page.intro = "<p>Another introduction.</p><p>Kratom is perfectly harmless.</p>"
    after = [f for f in audit_page(page) if f.rule == "claim.safe"]
    assert [f.quote for f in before] == ["Kratom is perfectly harmless."]
    assert {finding_fingerprint(f) for f in after} == {finding_fingerprint(before[0])}
    assert {f.location for f in after} == {"summary", "introduction › paragraph 2"}
