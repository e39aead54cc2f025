"""Take the screenshots of the Wagtail admin that docs/editor-guide.md shows (docs/images/editor-*.png).

Run it from the repository, with the virtual environment that has the test dependencies (Playwright) and
Debian's Chromium (``apt-get install chromium``; ``CHROMIUM_PATH`` to choose another)::

    .venv/bin/python docs/images/take_editor_screenshots.py
    .venv/bin/python docs/images/take_editor_screenshots.py --port 8142 --only editor-dashboard-medical-review

It never touches the demo's own database. It:

1. makes a throwaway SQLite database in a temporary folder (``migrate``, ``load_initial_data``), and sets
   the scene: one page overdue for review and one due soon, and a draft of a live safe-use guide whose
   summary makes unsupported claims;
2. serves the demo with ``runserver`` on 127.0.0.1 (port 8141 unless ``--port``) and stops it at the end;
3. in headless Chromium, 1280×800 (the section with the dosage table 1280×1400), as the demo users
   ``editor`` and ``reviewer``: opens the draft with claims, writes a new safe-use guide, has publishing
   refused while the site has no default legal disclaimer and then for want of a medical reviewer,
   submits the guide to the medical review, accepts a claim with a reason, and opens the dashboard and
   the reports, taking a screenshot at each step;
4. writes each screenshot as an optimised PNG (256 colours, with Pillow; then ``optipng`` if it is
   installed) to docs/images/ (``--out`` to choose another folder).

The whole run takes under a minute. Dates in the screenshots (review dates, "Just now") are those of the
day it runs. The screenshots, in the order taken, are listed in ``SCREENSHOTS``.
"""

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from PIL import Image
from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.browser.admin_ui import fill_dosage_row, insert_content_block, open_more_actions  # noqa: E402
from tests.browser.admin_ui import sign_in as sign_in_with  # noqa: E402
from tests.browser.conftest import CHROMIUM_ARGS, find_chromium  # noqa: E402

PASSWORD = "screenshots-only-password"
VIEWPORT = {"width": 1280, "height": 800}
SCREENSHOTS = [
    "editor-content-tab-editorial-checks",
    "editor-sources-and-review-tab",
    "editor-review-fields",
    "editor-preview-panel",
    "editor-section-dosage-table",
    "editor-disclaimers-tab",
    "editor-publish-refused",
    "editor-publish-refused-review",
    "editor-workflow-submit",
    "editor-dashboard-medical-review",
    "editor-reviewer-approve",
    "editor-review-due-report",
    "editor-accept-finding",
    "editor-editorial-audit-report",
    "editor-import-upload",
    "editor-import-preview",
    "editor-import-result",
]
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
HUB = "Kratom and liver health"
NEW_TITLE = "Kratom and alcohol: a short safer-use guide"

#: Run in ``manage.py shell`` after the demo content is loaded: review dates that fall due, and a draft
#: with unsupported claims for the Editorial checks panel and the Editorial audit report.
SET_THE_SCENE = """
import datetime
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail_kratom.models import RiskSectionPage, SafeUseGuidePage, TopicOverviewPage

today = timezone.localdate()
days = datetime.timedelta
# Reviews age on live pages (the go-live gate would refuse to publish an overdue review, and rightly).
for page, last, due in [
    (RiskSectionPage.objects.live().order_by("path").first(), today - days(400), today - days(35)),
    (TopicOverviewPage.objects.live().order_by("path").last(), today - days(353), today + days(12)),
]:
    type(page).objects.filter(pk=page.pk).update(last_reviewed=last, next_review_due=due)

guide = SafeUseGuidePage.objects.live().order_by("path").last()
draft = guide.get_latest_revision_as_object()
draft.summary = "Kratom is completely safe in small amounts. Studies show it helps with opioid withdrawal."
draft.save_revision(user=get_user_model().objects.get(username="editor"))
print(guide.pk)
"""

REMOVE_LEGAL_DEFAULT = """
from wagtail_kratom.models import SiteDefaultDisclaimer
SiteDefaultDisclaimer.objects.filter(disclaimer__kind="legal").delete()
"""

RESTORE_LEGAL_DEFAULT = """
from wagtail.models import Site
from wagtail_kratom.models import Disclaimer, KratomSiteSettings, SiteDefaultDisclaimer
settings = KratomSiteSettings.for_site(Site.objects.get(is_default_site=True))
SiteDefaultDisclaimer.objects.get_or_create(settings=settings, disclaimer=Disclaimer.objects.get(kind="legal"))
"""


class Demo:
    """The demo site on a throwaway database, served by runserver until ``stop``."""

    def __init__(self, port: int):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.folder = Path(tempfile.mkdtemp(prefix="kratom-editor-screenshots-"))
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "demo_site.settings.dev",
            "DATABASE_URL": f"sqlite:///{self.folder / 'db.sqlite3'}",
            "WAGTAILADMIN_BASE_URL": self.url,
            "DEMO_ADMIN_PASSWORD": PASSWORD,
            "PYTHONUNBUFFERED": "1",
        }
        self.server = None

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "demo_site/manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
        return result.stdout

    def shell(self, code: str) -> str:
        return self.manage("shell", "--no-imports", "-c", code).strip()

    def start(self) -> None:
        if answers(self.url):
            raise SystemExit(f"Something already answers on {self.url}; choose another --port.")
        self.manage("migrate", "--no-input", "-v0")
        self.manage("load_initial_data")
        log = open(self.folder / "runserver.log", "w")  # noqa: SIM115 (closed with the server)
        self.server = subprocess.Popen(
            [sys.executable, "demo_site/manage.py", "runserver", f"127.0.0.1:{self.port}", "--noreload"],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while not answers(self.url + "/admin/login/"):
            if self.server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"The demo did not start; see {self.folder / 'runserver.log'}")
            time.sleep(0.2)

    def stop(self) -> None:
        if self.server is not None and self.server.poll() is None:
            self.server.terminate()
            self.server.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False


def save_png(png: bytes, path: Path) -> None:
    """Write a screenshot with at most 256 colours, which the admin's flat colours and text survive."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)
    if shutil.which("optipng"):
        subprocess.run(["optipng", "-quiet", "-o2", str(path)], check=True)
    print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {path.stat().st_size // 1024} KiB")


class Shooter:
    def __init__(self, out: Path, only: set[str]):
        self.out = out
        self.only = only

    def __call__(self, page, name: str, locator=None) -> None:
        assert name in SCREENSHOTS, name
        if self.only and name not in self.only:
            return
        # Let fonts, icons and transitions settle: the admin fades menus and messages in.
        page.evaluate("document.fonts.ready")
        page.wait_for_timeout(400)
        save_png((locator or page).screenshot(animations="disabled", caret="hide"), self.out / f"{name}.png")


def sign_in(browser, base_url: str, username: str):
    """A browser page of its own, signed in as ``username``."""
    page = browser.new_context(viewport=VIEWPORT, device_scale_factor=1).new_page()
    page.set_default_timeout(20_000)
    sign_in_with(page, base_url, username, PASSWORD)
    return page


def scroll_to_top_of(locator, offset: int = 70) -> None:
    """Scroll the admin's content so that ``locator`` sits just under the sticky header."""
    locator.evaluate(
        "(element, offset) => { element.scrollIntoView({block: 'start'}); "
        "const box = element.getBoundingClientRect(); window.scrollBy(0, box.top - offset); }",
        offset,
    )


def write_new_guide(editor, base_url: str, shoot: Shooter) -> str:
    """The editor adds a safe-use guide under the liver hub, with a dosage table and interactions."""
    editor.goto(f"{base_url}/admin/pages/")
    editor.get_by_role("link", name="Explore child pages of 'Kratom facts'").click()
    editor.get_by_role("link", name=f"Explore child pages of '{HUB}'").click()
    editor.get_by_role("link", name="Add child page").click()
    editor.get_by_role("link", name="Safe-use guide page", exact=True).click()
    editor.get_by_placeholder("Page title*").fill(NEW_TITLE)
    editor.get_by_role("textbox", name="Summary").fill(
        "Kratom and alcohol both slow breathing (NIDA). Avoid taking them together and keep amounts low."
    )
    editor.locator("#panel-child-content-intro-section [role=textbox]").click()
    editor.keyboard.type("This guide is for adults who use kratom and sometimes drink alcohol.")
    editor.locator("#panel-child-content-body-section").get_by_role("button", name="Insert a block").click()
    editor.locator("#body-0-value-heading").fill("Amounts people report")
    insert_content_block(editor, 0, "Dosage table")
    fill_dosage_row(editor, 0, note="Reported by survey respondents in the US")
    insert_content_block(editor, 0, "Interactions")
    row = "#body-0-value-content-1-value-rows-0-value-"
    editor.fill(f"{row}substance", "Alcohol")
    editor.select_option(f"{row}risk", label="Dangerous")
    editor.fill(f"{row}note", "Both slow breathing.")
    # A taller window for this one, so that the section, its dosage row and the interactions block fit.
    editor.set_viewport_size({"width": VIEWPORT["width"], "height": 1400})
    scroll_to_top_of(editor.locator("#panel-child-content-body-heading"))
    shoot(editor, "editor-section-dosage-table")
    editor.set_viewport_size(VIEWPORT)
    editor.get_by_role("button", name="Save draft").click()
    expect(editor.locator(".messages")).to_contain_text("created")
    return editor.url


def take_screenshots(base_url: str, claims_page_id: str, demo: Demo, shoot: Shooter) -> None:
    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("Chromium is not installed: apt-get install chromium, or set CHROMIUM_PATH.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        editor = sign_in(browser, base_url, "editor")

        # The editing screen: the Content tab of a draft with unsupported claims.
        editor.goto(f"{base_url}/admin/pages/{claims_page_id}/edit/")
        expect(editor.locator("[data-kratom-audit]")).to_contain_text("claim.safe")
        shoot(editor, "editor-content-tab-editorial-checks")

        # The Sources and review tab: numbered citations, then the review fields.
        editor.get_by_role("tab", name="Sources and review").click()
        expect(editor.get_by_role("heading", name="Citations")).to_be_visible()
        shoot(editor, "editor-sources-and-review-tab")
        # Citations folded away, the review fields show.
        editor.locator('button.w-panel__toggle[aria-controls$="-citations-content"]').click()
        expect(editor.get_by_label("Last reviewed")).to_be_visible()
        shoot(editor, "editor-review-fields")

        # The preview panel, with its preview modes.
        editor.get_by_role("tab", name="Content").click()
        editor.get_by_role("button", name="Toggle preview").click()
        expect(editor.locator("#id_preview_mode")).to_be_visible()
        expect(editor.frame_locator(".w-preview__iframe").first.get_by_role("heading", level=1)).to_be_visible()
        shoot(editor, "editor-preview-panel")
        editor.get_by_role("button", name="Toggle preview").click()

        new_guide_url = write_new_guide(editor, base_url, shoot)

        # The Disclaimers and related tab, with the Required disclaimers panel.
        editor.goto(new_guide_url)
        editor.get_by_role("tab", name="Disclaimers and related").click()
        expect(editor.get_by_text("This page cannot be published until each kind below")).to_be_visible()
        shoot(editor, "editor-disclaimers-tab")

        # Publishing refused: the site has no default legal disclaimer for a moment.
        demo.shell(REMOVE_LEGAL_DEFAULT)
        reviewer = sign_in(browser, base_url, "reviewer")
        reviewer.goto(new_guide_url)
        open_more_actions(reviewer).get_by_role("button", name="Publish", exact=True).click()
        expect(reviewer.locator(".messages")).to_contain_text("cannot go live yet. It needs its legal disclaimer")
        # Wagtail autosaves the refused form as a draft at once; wait, so that the editor loads that draft.
        expect(reviewer.locator("#w-autosave-indicator")).to_have_attribute("data-w-autosave-state-value", "saved")
        shoot(reviewer, "editor-publish-refused")
        demo.shell(RESTORE_LEGAL_DEFAULT)

        # Publishing refused again, now for the medical review: no reviewer is named yet.
        reviewer.goto(new_guide_url)
        with reviewer.expect_navigation():
            open_more_actions(reviewer).get_by_role("button", name="Publish", exact=True).click()
        expect(reviewer.locator(".messages")).to_contain_text("No medical reviewer is named.")
        shoot(reviewer, "editor-publish-refused-review")

        # The editor cannot publish; the footer menu offers the medical review.
        editor.goto(new_guide_url)
        footer = open_more_actions(editor)
        expect(footer.get_by_role("button", name="Submit to Medical review")).to_be_visible()
        shoot(editor, "editor-workflow-submit")
        footer.get_by_role("button", name="Submit to Medical review").click()
        expect(editor.locator(".messages")).to_contain_text("submitted for moderation")

        # The reviewer's dashboard: the page awaiting review, and the Medical review panel.
        reviewer.goto(f"{base_url}/admin/")
        expect(reviewer.get_by_role("heading", name="Awaiting your review")).to_be_visible()
        shoot(reviewer, "editor-dashboard-medical-review")

        # The reviewer's actions on the page in review.
        reviewer.goto(new_guide_url)
        footer = open_more_actions(reviewer)
        expect(footer.get_by_role("button", name="Approve and Publish", exact=True)).to_be_visible()
        shoot(reviewer, "editor-reviewer-approve")

        # The reviewer accepts one of the claims in the draft with claims, with a reason.
        reviewer.goto(f"{base_url}/admin/pages/{claims_page_id}/edit/")
        reviewer.locator("[data-kratom-audit]").get_by_role("link", name="Accept with a reason…").first.click()
        reviewer.get_by_label("Reason").fill(
            "Quoted in the section on marketing claims, which explains why the claim is wrong."
        )
        shoot(reviewer, "editor-accept-finding")
        reviewer.get_by_role("button", name="Accept finding").click()
        expect(reviewer.locator(".messages")).to_contain_text("accepted")

        # The reports, as the reviewer sees them.
        reviewer.goto(f"{base_url}/admin/")
        reviewer.get_by_role("button", name="Reports").click()
        reviewer.get_by_role("link", name="Review due").click()
        expect(reviewer.get_by_role("heading", name="Review due")).to_be_visible()
        shoot(reviewer, "editor-review-due-report")
        reviewer.get_by_role("button", name="Reports").click()
        reviewer.get_by_role("link", name="Editorial audit").click()
        expect(reviewer.locator("tr", has_text="claim.safe")).to_be_visible()
        shoot(reviewer, "editor-editorial-audit-report")

        import_articles(editor, base_url, shoot)
        browser.close()


def import_articles(editor, base_url: str, shoot: Shooter) -> None:
    """Import articles in the admin: the upload form, the preview with a section moved, the batch's result."""
    editor.goto(f"{base_url}/admin/kratom/import/")
    editor.get_by_label("Files").set_input_files([ARTICLES / "article-b.txt", ARTICLES / "product-label.md"])
    editor.get_by_role("button", name="Choose a page").click()
    chooser = editor.get_by_role("dialog")
    chooser.get_by_role("link", name="Kratom facts").first.click()
    expect(chooser).to_be_hidden()
    scroll_to_top_of(editor.locator("#main"), offset=0)
    shoot(editor, "editor-import-upload")
    editor.get_by_role("button", name="Preview").click()
    label_file = editor.locator('[data-kratom-import-file="product-label.md"]')
    label_file.get_by_label("Where “Details That Are Often Missing” goes").select_option("risk")
    editor.get_by_role("button", name="Update preview").click()
    findings = editor.locator(".kratom-source__line--finding").first
    expect(findings).to_be_visible()
    scroll_to_top_of(editor.locator('[data-kratom-import-file="article-b.txt"] .kratom-import__sections'))
    shoot(editor, "editor-import-preview")
    editor.get_by_role("button", name="Create drafts").click()
    expect(editor.locator("[data-kratom-import-status]")).to_have_text("All 2 done.")
    shoot(editor, "editor-import-result")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8141, help="where to serve the demo (default 8141)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent, help="where to write PNGs")
    parser.add_argument(
        "--only", nargs="*", default=[], choices=SCREENSHOTS, metavar="NAME", help="screenshots to take (default all)"
    )
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    demo = Demo(options.port)
    try:
        demo.start()
        claims_page_id = demo.shell(SET_THE_SCENE).splitlines()[-1]
        take_screenshots(demo.url, claims_page_id, demo, Shooter(options.out, set(options.only)))
    finally:
        demo.stop()


if __name__ == "__main__":
    main()
