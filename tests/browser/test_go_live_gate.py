"""The go-live gate as a medical reviewer meets it in the Wagtail admin, in a real browser.

An editor's draft of a safe-use guide awaits. The ``reviewer`` (Medical reviewers: may publish and accept
findings) opens it and presses Publish:

1. refused, because no medical reviewer is named: the draft is kept and the message says what to do;
2. the reviewer names themself and the review date, and writes an unsupported claim into the summary:
   refused again, for the claim;
3. in the Editorial checks panel the reviewer accepts that finding with a reason;
4. Publish goes through, and Reports › Editorial audit shows the finding as accepted, by whom and why.

Waits are on what a person sees, never on fixed sleeps.
"""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.admin_ui import DEMO_PASSWORD, open_more_actions, sign_in
from tests.utils import citation, section
from wagtail_kratom.models import FindingAcceptance, SafeUseGuidePage, TopicOverviewPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HUB = "Kratom and liver health"
TITLE = "Kratom and sleeping pills"
SUMMARY = "Kratom and sleeping pills both cause drowsiness; taking them together can slow breathing."
CLAIM = "Kratom is completely safe and has no side effects."
REASON = "Quoted in order to refute it; the next paragraph says what the evidence shows."


def editors_draft() -> SafeUseGuidePage:
    """The safe-use guide an editor has written and saved as a draft, with no medical review yet."""
    hub = TopicOverviewPage.objects.get(title=HUB)
    guide = SafeUseGuidePage(
        title=TITLE,
        slug="kratom-and-sleeping-pills",
        summary=SUMMARY,
        intro="<p>For adults who use kratom and have been prescribed a sleeping pill.</p>",
        body=[section("Why the combination is risky", ("paragraph", "<p>Both slow breathing.</p>"))],
        citations=[citation("Kratom", publisher="LiverTox", year=2024)],
        live=False,
    )
    hub.add_child(instance=guide)
    guide.save_revision()
    return guide


def publish(page) -> None:
    """Press Publish and wait for the page Wagtail answers with (the editor again, with its messages)."""
    with page.expect_navigation(timeout=30_000):
        open_more_actions(page).get_by_role("button", name="Publish", exact=True).click()


def test_publish_is_refused_until_the_review_is_named_and_the_claim_accepted(page, demo_site):
    guide = editors_draft()
    edit_url = f"{demo_site}/admin/pages/{guide.pk}/edit/"
    sign_in(page, demo_site, "reviewer", DEMO_PASSWORD)
    page.goto(edit_url)

    # 1. No medical reviewer: refused, the draft kept, the message says what to do.
    publish(page)
    messages = page.locator(".messages")
    expect(messages).to_contain_text(f"Your changes are saved as a draft. “{TITLE}” cannot go live yet.")
    expect(messages).to_contain_text("No medical reviewer is named.")
    expect(page).to_have_url(edit_url)
    guide.refresh_from_db()
    assert not guide.live

    # 2. The reviewer names themself and today's review, and writes a claim into the summary: refused for it.
    page.locator("#id_summary").fill(f"{CLAIM} {SUMMARY}")
    page.get_by_role("tab", name="Sources and review").click()
    page.locator('[data-contentpath="medical_reviewer"]').get_by_role("button", name="Choose contributor").click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_role("link", name="Dr Alex Morgan").click()
    expect(chooser).to_be_hidden()
    page.locator("#id_last_reviewed").fill(timezone.localdate().isoformat())
    publish(page)
    expect(messages).to_contain_text("The editorial checks found 1 error that blocks publishing")
    guide.refresh_from_db()
    assert not guide.live
    latest = guide.get_latest_revision_as_object()
    assert latest.medical_reviewer.name == "Dr Alex Morgan" and latest.summary.startswith(CLAIM)

    # 3. The Editorial checks panel offers the reviewer to accept the finding, with a reason.
    panel = page.locator("[data-kratom-audit]")
    finding = panel.locator("li", has_text="Blocks publishing")
    expect(finding).to_contain_text("Error")
    finding.get_by_role("link", name="Accept with a reason…").click()
    expect(page.get_by_role("heading", name=re.compile("Accept a finding"))).to_be_visible()
    page.get_by_role("button", name="Accept finding").click()
    expect(page.locator(".error-message")).to_contain_text("This field is required.")
    page.get_by_label("Reason").fill(REASON)
    page.get_by_role("button", name="Accept finding").click()
    expect(messages).to_contain_text("accepted. The page may go live with this text as written.")
    expect(panel).to_contain_text(f"Accepted by Alex Morgan on {timezone.localdate():%-d %B %Y}: {REASON}")
    acceptance = FindingAcceptance.objects.get(page=guide)
    assert acceptance.reason == REASON and acceptance.accepted_by.username == "reviewer"

    # 4. Publish goes through.
    publish(page)
    expect(messages).to_contain_text(f"Page '{TITLE}' has been published.")
    guide.refresh_from_db()
    assert guide.live and guide.accepted_findings == 1

    # The override shows in Reports › Editorial audit.
    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Editorial audit").click()
    row = page.locator("tr", has_text=TITLE).filter(has_text="Accepted")
    expect(row).to_contain_text("Alex Morgan")
    expect(row).to_contain_text(REASON)
