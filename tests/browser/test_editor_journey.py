"""An editor's and a medical reviewer's journey through the Wagtail admin, in a real browser.

The demo content is loaded (``demo_site``), then, as people would in Chromium:

1. the ``editor`` signs in, finds the “Kratom and liver health” hub in the page explorer and adds a
   safe-use guide with a summary, an introduction, and a section holding a dosage table and an
   interactions table, and saves a draft; the editor is not offered “Publish” (Wagtail's Editors group
   cannot publish), only “Submit to Medical review”;
2. the ``reviewer``, who may publish, tries “Publish” while the site has no default legal disclaimer
   (removed in the database before the journey, as on a site that never set one: Settings › Kratom
   content settings refuses to remove a default that live pages show): the page is refused with a
   message that names the legal disclaimer, and stays a draft;
3. the editor's “Submit to Medical review” is refused for the same reason (a reviewer could never
   approve it as it stands);
4. the reviewer puts the legal default back under Settings › Kratom content settings (the Medical
   reviewers group may change it); the editor submits the page to the “Medical review” workflow;
5. the reviewer finds it awaiting review and approves it, which records the review, and the page goes
   live: its public page shows the title, the dosage table and the disclaimers, and the v2 API credits
   Dr Alex Morgan, today.

A second test checks the Editorial checks panel: an editor who writes an unsupported claim into a
summary sees the ``claim.safe`` finding in the page editor and in Reports › Editorial audit.

Waits are on what a person sees (text, roles, the autosave indicator), never on fixed sleeps.
"""

import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.admin_ui import DEMO_PASSWORD, fill_dosage_row, insert_content_block, open_more_actions
from tests.browser.admin_ui import sign_in as sign_in_with
from wagtail_kratom.models import SafeUseGuidePage, SiteDefaultDisclaimer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HUB = "Kratom and liver health"
TITLE = "Kratom and alcohol: a short safer-use guide"
SUMMARY = "Kratom and alcohol both slow breathing; avoid taking them together and keep amounts low."
INTRO = "This guide is for adults who use kratom and sometimes drink alcohol."
HEADING = "Amounts people report"
LEGAL_DEFAULT = "Laws differ and change"
#: The demo's site default disclaimers a safe-use guide shows (medical, dosage and legal kinds).
SAFE_USE_DISCLAIMERS = ["General information, not medical advice", "About the amounts on this page", LEGAL_DEFAULT]


def sign_in(page, base_url: str, username: str) -> None:
    sign_in_with(page, base_url, username, DEMO_PASSWORD)


def wait_for_autosave(page) -> None:
    """Wait until Wagtail 8's autosave has saved the form as a draft.

    Wagtail autosaves an edit form half a second after it notices a change (it takes the form's starting
    state two seconds after loading), and at once when the form comes back with errors.
    """
    expect(page.locator("#w-autosave-indicator")).to_have_attribute("data-w-autosave-state-value", "saved")


def add_safe_use_guide(page) -> None:
    """From the dashboard, through the explorer, fill in and save a new safe-use guide as a draft."""
    # The sidebar's page explorer, then the home page's children, then the hub's.
    page.get_by_role("button", name="Pages").click()
    page.get_by_role("dialog").get_by_role("link", name="Kratom facts", exact=True).click()
    page.get_by_role("link", name=f"Explore child pages of '{HUB}'").click()
    expect(page.get_by_role("heading", name=HUB)).to_be_visible()
    page.get_by_role("link", name="Add child page").click()
    page.get_by_role("link", name="Safe-use guide page", exact=True).click()
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_contain_text("New: Safe-use guide page")
    expect(page.locator("[data-kratom-audit]")).to_contain_text("Save a draft to check the page")

    page.get_by_placeholder("Page title*").fill(TITLE)
    page.get_by_role("textbox", name="Summary").fill(SUMMARY)
    # The introduction is a Draftail rich text editor: a contenteditable box, typed into.
    page.locator("#panel-child-content-intro-section [role=textbox]").click()
    page.keyboard.type(INTRO)

    # Sections hold only sections, so “Insert a block” adds one at once.
    page.locator("#panel-child-content-body-section").get_by_role("button", name="Insert a block").click()
    page.locator("#body-0-value-heading").fill(HEADING)

    insert_content_block(page, 0, "Dosage table")
    fill_dosage_row(page, 0)

    insert_content_block(page, 0, "Interactions")
    row = "#body-0-value-content-1-value-rows-0-value-"
    page.fill(f"{row}substance", "Alcohol")
    page.select_option(f"{row}risk", label="Dangerous")

    page.get_by_role("button", name="Save draft").click()
    # Wagtail 8 autosaves a new page too, once it has been open a couple of seconds: the page may already
    # exist (autosaved) when “Save draft” is pressed, and the message then says “updated”, not “created”.
    expect(page.locator(".messages")).to_contain_text(
        re.compile(rf"Page '{re.escape(TITLE)}' (created|has been updated)\.")
    )
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))


def test_editor_writes_a_guide_and_a_reviewer_approves_it(page, second_page, demo_site):
    # The site has no default legal disclaimer. (Settings › Kratom content settings refuses to remove one
    # that live pages show, so the test removes it in the database, as on a site that never set one.)
    removed, _counts = SiteDefaultDisclaimer.objects.filter(disclaimer__kind="legal").delete()
    assert removed == 1

    # a. The editor writes the guide and saves a draft.
    editor = page
    sign_in(editor, demo_site, "editor")
    add_safe_use_guide(editor)
    guide = SafeUseGuidePage.objects.get(title=TITLE)
    edit_url = f"{demo_site}/admin/pages/{guide.pk}/edit/"
    assert not guide.live
    draft = guide.get_latest_revision_as_object()
    rows = draft.structured_blocks("dosage")[0]["rows"]
    assert [(r["form"], r["route"], r["min"], r["max"], r["unit"]) for r in rows] == [
        ("powder", "oral", Decimal(1), Decimal(5), "g")
    ]
    assert [(r["substance"], r["risk"]) for r in draft.structured_blocks("interactions")[0]["rows"]] == [
        ("Alcohol", "dangerous")
    ]
    # The saved draft is audited: the missing legal disclaimer is among the findings.
    expect(editor.locator("[data-kratom-audit]")).to_contain_text("disclaimers.missing")

    # Wagtail's Editors group cannot publish: the editor is offered the workflow instead.
    footer = open_more_actions(editor)
    expect(footer.get_by_role("button", name="Submit to Medical review")).to_be_visible()
    expect(footer.get_by_role("button", name="Publish", exact=True)).to_have_count(0)

    # b. The reviewer, who may publish, tries to publish: refused, naming the legal disclaimer.
    reviewer = second_page
    sign_in(reviewer, demo_site, "reviewer")
    reviewer.goto(edit_url)
    open_more_actions(reviewer).get_by_role("button", name="Publish", exact=True).click()
    messages = reviewer.locator(".messages")
    expect(messages).to_contain_text("The page could not be saved due to validation errors.")
    expect(messages).to_contain_text(f"“{TITLE}” cannot go live yet. It needs its legal disclaimer.")
    guide.refresh_from_db()
    assert not guide.live and guide.first_published_at is None
    # Wagtail keeps what the refused form held as a draft: it autosaves, as the reviewer, straight away.
    wait_for_autosave(reviewer)

    # c. Submitting for review is refused too while a required disclaimer is missing: the reviewer could
    # never approve the page as it stands.
    editor.goto(edit_url)
    open_more_actions(editor).get_by_role("button", name="Submit to Medical review").click()
    expect(editor.locator(".messages")).to_contain_text(f"“{TITLE}” cannot go live yet. It needs its legal disclaimer.")
    guide.refresh_from_db()
    assert guide.current_workflow_state is None

    # d. The reviewer puts the legal default back under Settings › Kratom content settings.
    reviewer.goto(f"{demo_site}/admin/")
    reviewer.get_by_role("button", name="Settings").click()
    reviewer.get_by_role("link", name="Kratom content settings").click()
    reviewer.get_by_role("button", name="Add default disclaimer").click()
    reviewer.get_by_role("button", name="Choose disclaimer").click()
    chooser = reviewer.get_by_role("dialog")
    chooser.get_by_role("link", name=f"Legal: {LEGAL_DEFAULT}").click()
    expect(chooser).to_be_hidden()
    reviewer.get_by_role("button", name="Save", exact=True).click()
    expect(reviewer.locator(".messages")).to_contain_text("Kratom content settings updated.")

    # e. The editor submits the page to the medical review workflow.
    editor.goto(edit_url)
    open_more_actions(editor).get_by_role("button", name="Submit to Medical review").click()
    expect(editor.locator(".messages")).to_contain_text(f"Page '{TITLE}' has been submitted for moderation.")
    guide.refresh_from_db()
    assert guide.current_workflow_state is not None and guide.current_workflow_state.status == "in_progress"

    # f. The reviewer finds it awaiting review and approves it, which records the review and publishes the page.
    reviewer.goto(f"{demo_site}/admin/")
    awaiting = reviewer.locator("section", has=reviewer.get_by_role("heading", name="Awaiting your review"))
    awaiting.get_by_role("link", name=TITLE).first.click()
    expect(reviewer).to_have_url(edit_url)
    footer = open_more_actions(reviewer)
    footer.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(reviewer.locator(".messages")).to_contain_text(f"Page '{TITLE}' has been updated.")
    guide.refresh_from_db()
    assert guide.live

    # The public page shows the title, the dosage table and the disclaimers.
    reviewer.goto(demo_site + guide.url)
    expect(reviewer.get_by_role("heading", level=1)).to_have_text(TITLE)
    dosage = reviewer.locator("table", has_text="Powdered leaf")
    expect(dosage).to_contain_text("Oral (swallowed)")
    expect(dosage).to_contain_text("1–5 g")
    for title in SAFE_USE_DISCLAIMERS:
        expect(reviewer.get_by_text(title, exact=True).first).to_be_visible()

    # The API records who reviewed it, and when.
    response = reviewer.request.get(f"{demo_site}/api/v2/pages/{guide.pk}/")
    assert response.ok, response.status
    review = response.json()["review"]
    assert review["reviewed_by"]["name"] == "Dr Alex Morgan"
    assert review["last_reviewed"] == timezone.localdate().isoformat()


def test_editorial_checks_show_an_unsupported_claim(page, demo_site):
    article = SafeUseGuidePage.objects.live().order_by("path").first()
    sign_in(page, demo_site, "editor")
    page.goto(f"{demo_site}/admin/pages/{article.pk}/edit/")
    panel = page.locator("[data-kratom-audit]")
    # The demo's pages cite their sources; whatever else the audit finds (reviews fall due), no claim.
    expect(panel).to_contain_text("The editorial audit found")
    expect(panel).not_to_contain_text("claim.safe")

    page.get_by_role("textbox", name="Summary").fill("Kratom is completely safe.")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text(f"Page '{article.title}' has been updated.")

    expect(panel).to_contain_text(re.compile(r"The editorial audit found \d+ things? to fix or check"))
    finding = panel.locator("li", has_text="claim.safe")
    expect(finding).to_contain_text("Error")
    expect(finding).to_contain_text("summary")
    expect(finding.locator("q")).to_have_text("Kratom is completely safe.")
    expect(finding).to_contain_text("Blocks publishing until the text is changed or a medical reviewer accepts it.")

    # The same finding in Reports › Editorial audit.
    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Editorial audit").click()
    row = page.locator("tr", has_text="claim.safe")
    expect(row).to_contain_text(article.title)
    expect(row).to_contain_text("summary")
