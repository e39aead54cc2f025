"""axe-core finds no serious or critical accessibility violation on the demo's pages, on a desktop and a phone.

Each page type of the package (topic overview, risk section, safe-use guide), the home page and the search
page are loaded in Chromium from the live server and checked against axe-core's WCAG 2.0, 2.1 and 2.2 A and
AA rules and its best practices.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from wagtail_kratom.models import RiskSectionPage, SafeUseGuidePage, TopicOverviewPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
BLOCKING_IMPACTS = {"serious", "critical"}
PHONE = {"width": 390, "height": 844}


def first_live(model) -> str:
    page = model.objects.live().order_by("path").first()
    assert page is not None, f"the demo content has no live {model.__name__}"
    return page.get_url()


def describe(violations: list[dict]) -> str:
    """Each violation's rule, impact and help, then the selector and axe's explanation for each failing node."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            lines.append(f"    at {', '.join(map(str, node['target']))}")
            lines.extend(f"        {message}" for message in node["failureSummary"].splitlines())
    return "\n".join(lines)


def assert_axe_passes(page, path: str) -> None:
    """axe-core finds no serious or critical violation on the page as it is shown now."""
    results = Axe().run(page, options=AXE_OPTIONS).response
    blocking = [violation for violation in results["violations"] if violation["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe-core found serious or critical violations on {path}:\n{describe(blocking)}"


def assert_no_serious_violations(page, base_url: str, path: str) -> None:
    response = page.goto(base_url + path)
    assert response is not None and response.ok, f"GET {path} answered {response and response.status}"
    page.wait_for_load_state("load")
    assert_axe_passes(page, path)


def test_home_page(page, demo_site):
    assert_no_serious_violations(page, demo_site, "/")


def test_search_page_with_results(page, demo_site):
    assert_no_serious_violations(page, demo_site, "/search/?q=liver")
    assert page.locator(".kratom-card").count() > 0, "the search for “liver” found no page"


def test_search_page_without_a_query(page, demo_site):
    assert_no_serious_violations(page, demo_site, "/search/")


@pytest.mark.parametrize("model", [TopicOverviewPage, RiskSectionPage, SafeUseGuidePage], ids=lambda m: m.__name__)
def test_article_page(page, demo_site, model):
    assert_no_serious_violations(page, demo_site, first_live(model))


def test_safe_use_guide_on_a_phone(page, demo_site):
    """On a phone the dosage table is stacked, one card a row, its header row moved off screen."""
    page.set_viewport_size(PHONE)
    assert_no_serious_violations(page, demo_site, first_live(SafeUseGuidePage))
    row = page.locator(".kratom-stack tbody tr").first
    assert row.evaluate("row => getComputedStyle(row).display") == "block", "the dosage table is not stacked"


def test_skip_link_is_the_first_tab_stop_and_readable_when_focused(page, demo_site):
    """axe checks what is shown; the skip link is shown only when focused, so focus it and check again."""
    path = first_live(TopicOverviewPage)
    page.goto(demo_site + path)
    page.keyboard.press("Tab")
    skip_link = page.locator(":focus")
    assert skip_link.get_attribute("href") == "#main"
    assert skip_link.is_visible() and skip_link.bounding_box()["x"] >= 0, "the focused skip link is off screen"
    assert_axe_passes(page, f"{path} with the skip link focused")
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
