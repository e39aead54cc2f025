"""Each validation rule rejects bad input with a message an editor understands, in code and in the admin."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import rich_text

from tests.testapp.models import OrdinaryPage
from tests.utils import admin_form_data, dosage, dosage_row, list_block, make_test_page, risk, section
from wagtail_kratom.blocks import CitationRefsBlock, describe_block_errors
from wagtail_kratom.models import KratomSiteSettings, RiskSectionPage, SafeUseGuidePage, TopicOverviewPage

pytestmark = pytest.mark.django_db


def validation_errors(parent, model, **fields) -> dict[str, list[str]]:
    """Create the page in code and return the messages it is refused with."""
    with pytest.raises(ValidationError) as caught:
        make_test_page(parent, model, **fields)
    return caught.value.message_dict


def dosage_errors(home, *rows) -> list[str]:
    errors = validation_errors(home, SafeUseGuidePage, body=[section("Amounts", dosage(*rows))])
    return errors["body"]


class TestDosage:
    def test_min_above_max_is_refused(self, home):
        (message,) = dosage_errors(home, dosage_row(min_amount="5", max_amount="2"))
        assert "row 1 › max" in message
        assert "The highest amount (2) is lower than the lowest amount (5)" in message

    @pytest.mark.parametrize("amount", ["0", "-1"])
    def test_zero_or_negative_amounts_are_refused(self, home, amount):
        (message,) = dosage_errors(home, dosage_row(min_amount=amount, max_amount="3"))
        assert message.endswith("min: Amounts must be greater than zero.")

    def test_unknown_unit_is_refused_with_the_known_units(self, home):
        (message,) = dosage_errors(home, dosage_row(unit="teaspoons"))
        assert "“teaspoons” is not a unit this table knows" in message
        assert "grams (g), milligrams (mg) or millilitres (ml)" in message

    def test_equal_min_and_max_is_a_valid_single_amount(self, home):
        page = make_test_page(home, SafeUseGuidePage, body=[section("Amounts", dosage(dosage_row("2", "2")))])
        assert page.live


class TestReviewDates:
    def test_next_review_due_must_follow_last_reviewed(self, home):
        for due in (datetime.date(2026, 5, 31), datetime.date(2026, 6, 1)):
            errors = validation_errors(
                home, RiskSectionPage, last_reviewed=datetime.date(2026, 6, 1), next_review_due=due
            )
            assert errors["next_review_due"] == ["The next review must fall after the last review (2026-06-01)."]

    def test_next_review_due_defaults_to_the_sites_review_cycle(self, home):
        settings = KratomSiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.review_cycle_months = 6
        settings.save()
        page = make_test_page(home, RiskSectionPage, publish=False, last_reviewed=datetime.date(2026, 8, 31))
        assert page.next_review_due == datetime.date(2027, 2, 28)

    def test_review_cycle_defaults_to_twelve_months(self, home):
        page = make_test_page(home, TopicOverviewPage, publish=False, last_reviewed=datetime.date(2024, 2, 29))
        assert page.next_review_due == datetime.date(2025, 2, 28)


class TestSections:
    def test_duplicate_headings_are_refused(self, home):
        body = [section("Liver injury", risk()), section("Liver injury", risk(name="Other"))]
        (message,) = validation_errors(home, RiskSectionPage, body=body)["body"]
        assert message == (
            "section 2 “Liver injury” › heading: Another section is already headed “Liver injury”. "
            "Give each section its own heading."
        )

    def test_headings_that_give_the_same_anchor_are_refused(self, home):
        body = [section("Dose", risk()), section("Dose!", risk())]
        (message,) = validation_errors(home, RiskSectionPage, body=body)["body"]
        assert "Another section is already headed “Dose”" in message

    def test_heading_without_letters_is_refused(self, home):
        (message,) = validation_errors(home, RiskSectionPage, body=[section("???", risk())])["body"]
        assert "no letters or numbers to make a link anchor" in message


def test_validation_sees_a_body_reassigned_after_it_was_read(home):
    page = make_test_page(home, RiskSectionPage)
    assert page.table_of_contents == [{"heading": "What is known", "anchor": "what-is-known"}]
    page.body = [section("Liver injury", risk(citations=[5]))]
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    assert "“Liver injury” cites 5" in caught.value.message_dict["body"][0]


class TestSummary:
    def test_summary_over_the_limit_is_refused(self, home):
        errors = validation_errors(home, TopicOverviewPage, summary="x" * 601)
        assert errors["summary"] == [
            "The summary is 601 characters long; keep it to 600 so readers can take it in at a glance."
        ]

    def test_limit_follows_the_setting(self, home, settings):
        settings.WAGTAIL_KRATOM = {"SUMMARY_MAX_LENGTH": 100}
        assert "summary" in validation_errors(home, TopicOverviewPage, summary="x" * 101)
        assert make_test_page(home, TopicOverviewPage, summary="x" * 100).live


class TestCitations:
    def test_cited_number_missing_from_the_citation_list_is_refused(self, home):
        body = [section("Liver injury", risk(citations=[1, 2]))]
        (message,) = validation_errors(home, RiskSectionPage, body=body)["body"]
        assert message.startswith("“Liver injury” cites 2, but the page lists 1 citations.")

    def test_interaction_rows_are_checked_too(self, home):
        interactions = ("interactions", {"rows": [{"substance": "Alcohol", "risk": "dangerous", "citations": [4]}]})
        (message,) = validation_errors(home, SafeUseGuidePage, body=[section("Mixing", interactions)])["body"]
        assert message.startswith("“Alcohol” cites 4")

    def test_citation_numbers_must_be_a_comma_separated_list(self):
        block = CitationRefsBlock()
        assert block.clean(block.value_from_form("1, 3")) == [1, 3]
        with pytest.raises(ValidationError) as caught:
            block.clean(block.value_from_form("1, three"))
        assert caught.value.messages == ["Enter citation numbers separated by commas, for example “1, 3”."]
        with pytest.raises(ValidationError):
            block.clean([0])


def test_unknown_health_aspect_is_refused(home):
    errors = validation_errors(home, TopicOverviewPage, health_aspects=["CuresEverythingHealthAspect"])
    assert errors["health_aspects"] == ["Unknown health aspect: CuresEverythingHealthAspect."]


class TestAdminValidation(WagtailPageTestCase):
    """The same rules, as an editor meets them in the page editor."""

    @classmethod
    def setUpTestData(cls):
        cls.home = OrdinaryPage(title="Home", slug="test-home")
        Page.get_first_root_node().add_child(instance=cls.home)

    def setUp(self):
        self.login()

    def post_create(self, model, data, action="action-publish"):
        url = reverse("wagtailadmin_pages:add", args=["wagtail_kratom", model._meta.model_name, self.home.pk])
        return self.client.post(url, {**data, action: action})

    def form_errors(self, response) -> dict[str, list[str]]:
        form = response.context["form"]
        return {name: describe_block_errors(errors.as_data()[0]) for name, errors in form.errors.items()}

    def dosage_form_data(self, min_amount, max_amount, unit="g"):
        row = {"form": "powder", "route": "oral", "min": min_amount, "max": max_amount, "unit": unit, "note": ""}
        return admin_form_data([("Amounts", [("dosage", {"rows": list_block([row]), "citations": ""})])])

    def test_dosage_min_above_max_is_shown_on_the_field(self):
        response = self.post_create(SafeUseGuidePage, self.dosage_form_data("5", "2"))
        self.assertEqual(response.status_code, 200)
        (message,) = self.form_errors(response)["body"]
        self.assertIn("max: The highest amount (2) is lower than the lowest amount (5)", message)
        self.assertFalse(SafeUseGuidePage.objects.exists())

    def test_dosage_zero_amount_is_shown_on_the_field(self):
        response = self.post_create(SafeUseGuidePage, self.dosage_form_data("0", "2"))
        self.assertIn("min: Amounts must be greater than zero.", self.form_errors(response)["body"][0])

    def test_duplicate_headings_are_shown_on_the_heading(self):
        paragraph = ("paragraph", rich_text("<p>Text.</p>"))
        data = admin_form_data([("Liver injury", [paragraph]), ("Liver injury", [paragraph])])
        response = self.post_create(RiskSectionPage, data)
        (message,) = self.form_errors(response)["body"]
        self.assertIn("heading: Another section is already headed “Liver injury”", message)

    def test_review_dates_and_summary_errors_are_shown_on_their_fields(self):
        data = admin_form_data(
            [("Intro", [("paragraph", rich_text("<p>Text.</p>"))])],
            summary="x" * 700,
            last_reviewed="2026-06-01",
            next_review_due="2026-01-01",
        )
        errors = self.form_errors(self.post_create(TopicOverviewPage, data))
        self.assertEqual(errors["next_review_due"], ["The next review must fall after the last review (2026-06-01)."])
        self.assertIn("700 characters long", errors["summary"][0])

    def test_draft_with_empty_dosage_amount_and_heading_can_be_saved(self):
        row = {"form": "powder", "route": "oral", "min": "", "max": "3", "unit": "g", "note": ""}
        data = admin_form_data([("", [("dosage", {"rows": list_block([row]), "citations": ""})])])
        response = self.post_create(SafeUseGuidePage, data, action="action-save")
        self.assertEqual(response.status_code, 302)
        self.assertFalse(SafeUseGuidePage.objects.get(slug="kratom-and-the-liver").live)

    def test_draft_with_unfinished_structured_block_can_be_saved(self):
        unfinished_risk = {
            "name": "",
            "severity": "high",
            "evidence_level": "case_reports",
            "description": rich_text(""),
            "warning_signs": list_block([]),
            "higher_risk_groups": list_block([]),
            "what_to_do": rich_text(""),
            "citations": "",
        }
        data = admin_form_data([("Liver injury", [("risk", unfinished_risk)])])
        response = self.post_create(RiskSectionPage, data, action="action-save")
        self.assertEqual(response.status_code, 302)
        page = RiskSectionPage.objects.get(slug="kratom-and-the-liver")
        self.assertFalse(page.live)
        # Publishing the same content is refused until the risk has a name.
        response = self.post_create(RiskSectionPage, {**data, "slug": "second"})
        self.assertIn("name: This field is required.", self.form_errors(response)["body"][0])
