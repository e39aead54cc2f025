"""Steps in Wagtail's admin that the browser tests and the editor guide's screenshot script both take."""

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

#: The password the ``demo_site`` fixture gives the demo users.
DEMO_PASSWORD = "browser-tests-only"


def sign_in(page, base_url: str, username: str, password: str) -> None:
    """Sign in through Wagtail's login form and wait for the dashboard."""
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base_url}/admin/")


def open_more_actions(page):
    """Open the footer's action menu (the arrow beside “Save draft”) and give the footer."""
    footer = page.locator("footer")
    footer.get_by_role("button", name="More actions").click()
    return footer


def insert_content_block(page, section: int, block_label: str) -> None:
    """Press the last “Insert a block” button of a section's content stream and choose ``block_label``.

    On a loaded machine the button can be pressed before Wagtail's script has bound it, and nothing opens;
    the press is repeated until the block menu shows (up to three times), waiting on the menu each time.
    """
    stream = page.locator(f'input[name="body-{section}-value-content-count"] + [data-streamfield-stream-container]')
    button = stream.locator(":scope > div > button.c-sf-add-button").last
    option = page.get_by_role("option", name=block_label, exact=True)
    for attempt in range(3):
        button.click()
        try:
            option.wait_for(state="visible", timeout=10_000)
            break
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise
    option.click()


def fill_dosage_row(page, section: int, note: str = "") -> None:
    """Fill the first row of the section's first dosage table: 1–5 g of powdered leaf, taken by mouth."""
    row = f"#body-{section}-value-content-0-value-rows-0-value-"
    page.select_option(f"{row}form", label="Powdered leaf")
    page.select_option(f"{row}route", label="Oral (swallowed)")
    page.fill(f"{row}min", "1")
    page.fill(f"{row}max", "5")
    page.select_option(f"{row}unit", label="grams (g)")
    if note:
        page.fill(f"{row}note", note)
