"""An editor imports a Word file and a Markdown file in the Wagtail admin, in a real browser.

The ``editor`` (Editors: may import, and add pages under the demo's home page) uploads both files,
chooses the home page with the page chooser, moves one section of the Markdown article to a risk
page, creates the drafts, follows the batch to its result and opens a created draft and its Source
tab. axe-core finds no serious or critical violation on the upload, preview and result views.
Waits are on what a person sees, never on fixed sleeps.
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.admin_ui import DEMO_PASSWORD, sign_in
from tests.browser.test_accessibility import assert_axe_passes
from tests.test_admin_import import docx_of_text_article
from wagtail_kratom.import_sources import ImportedSource
from wagtail_kratom.models import RiskSectionPage, TopicOverviewPage
from wagtail_kratom.publishing import parse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
MOVED = "Details That Are Often Missing"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_an_editor_imports_a_docx_and_a_markdown_file(page, demo_site):
    text = (FIXTURES / "article-a.txt").read_text()
    docx_title = parse(text).title
    markdown = (FIXTURES / "product-label.md").read_bytes()
    sign_in(page, demo_site, "editor", DEMO_PASSWORD)

    page.goto(f"{demo_site}/admin/")
    page.get_by_role("link", name="Import articles").click()
    expect(page.locator("#header-title")).to_have_text("Import articles")
    assert_axe_passes(page, "the upload form")
    page.get_by_label("Files").set_input_files(
        [
            {"name": "article-a.docx", "mimeType": DOCX, "buffer": docx_of_text_article(text)},
            {"name": "product-label.md", "mimeType": "text/markdown", "buffer": markdown},
        ]
    )
    page.get_by_role("button", name="Choose a page").click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_role("link", name="Kratom facts").first.click()
    expect(chooser).to_be_hidden()
    page.get_by_role("button", name="Preview").click()

    # The preview: one section of the Markdown article moves to a risk page.
    markdown_file = page.locator('[data-kratom-import-file="product-label.md"]')
    expect(markdown_file).to_be_visible()
    assert_axe_passes(page, "the preview")
    markdown_file.get_by_label(f"Where “{MOVED}” goes").select_option("risk")
    page.get_by_role("button", name="Update preview").click()
    row = page.locator('[data-kratom-import-file="product-label.md"]').locator(f'[data-kratom-section="{MOVED}"]')
    expect(row).to_contain_text("chosen by you")
    expect(page.locator('[data-kratom-import-file="product-label.md"]')).to_contain_text("Risk section")
    assert not ImportedSource.objects.exists()  # nothing written yet

    # Create the drafts and follow the batch to its end.
    page.get_by_role("button", name="Create drafts").click()
    expect(page.locator("[data-kratom-import-status]")).to_have_text("All 2 done.")
    expect(page.locator("progress")).to_have_attribute("value", "2")
    assert_axe_passes(page, "the result page")
    results = page.locator("[data-kratom-import-results]")
    expect(results.locator('[data-kratom-import-result="product-label.md"]')).to_contain_text("imported")
    risk = RiskSectionPage.objects.get(title=MOVED)
    assert not risk.live and risk.get_parent().specific.title == "Reading a Kratom Product Label"

    # Open the Word file's hub: a draft, with its Source tab.
    results.locator('[data-kratom-import-result="article-a.docx"]').get_by_role("link", name=docx_title).click()
    expect(page.locator("#id_title")).to_have_value(docx_title)
    hub = TopicOverviewPage.objects.get(title=docx_title)
    assert not hub.live and ImportedSource.objects.get(page=hub).source_format == "docx"
    page.get_by_role("tab", name="Source", exact=True).click()
    source = page.locator("[data-kratom-import-source]")
    expect(source).to_contain_text("Imported from article-a.docx (Word (.docx))")
    expect(source.locator(".kratom-source__line").first).to_contain_text(f"<h1>{docx_title}</h1>")
