"""Where each page type may live, and that editors can create, view and preview it."""

from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import rich_text

from demo_site.home.models import HomePage
from tests.testapp.models import OrdinaryPage
from tests.utils import admin_form_data, list_block, make_disclaimer, make_reviewer, make_test_page, set_site_defaults
from wagtail_kratom.base_page import BasePage
from wagtail_kratom.models import RiskSectionPage, SafeUseGuidePage, TopicOverviewPage

ARTICLE_TYPES = [TopicOverviewPage, RiskSectionPage, SafeUseGuidePage]


class TestParentChildRules(WagtailPageTestCase):
    def test_hub_takes_risk_and_safe_use_children_only(self):
        self.assertAllowedSubpageTypes(TopicOverviewPage, {RiskSectionPage, SafeUseGuidePage})

    def test_child_types_take_no_children(self):
        self.assertAllowedSubpageTypes(RiskSectionPage, set())
        self.assertAllowedSubpageTypes(SafeUseGuidePage, set())

    def test_every_type_can_sit_under_the_sites_ordinary_pages(self):
        for model in ARTICLE_TYPES:
            with self.subTest(model=model.__name__):
                self.assertCanCreateAt(OrdinaryPage, model)
                self.assertCanCreateAt(HomePage, model)

    def test_children_can_sit_under_a_hub(self):
        self.assertCanCreateAt(TopicOverviewPage, RiskSectionPage)
        self.assertCanCreateAt(TopicOverviewPage, SafeUseGuidePage)

    def test_hubs_do_not_nest_and_articles_take_no_articles(self):
        self.assertCanNotCreateAt(TopicOverviewPage, TopicOverviewPage)
        for parent in (RiskSectionPage, SafeUseGuidePage):
            for child in ARTICLE_TYPES:
                with self.subTest(parent=parent.__name__, child=child.__name__):
                    self.assertCanNotCreateAt(parent, child)


class TestCreateInAdmin(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = BasePage.get_first_root_node()
        cls.home = OrdinaryPage(title="Home", slug="test-home")
        root.add_child(instance=cls.home)
        site, _created = Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": cls.home}
        )
        set_site_defaults(site, *(make_disclaimer(kind) for kind in ("medical", "emergency", "dosage", "legal")))
        cls.reviewer = make_reviewer()

    def setUp(self):
        self.login()

    def test_create_topic_overview_with_at_a_glance(self):
        glance = {
            "scientific_name": "Mitragyna speciosa",
            "other_names": list_block(["ketum"]),
            "main_alkaloids": list_block(["mitragynine"]),
            "legal_status_summary": "Varies by country.",
        }
        data = admin_form_data(
            [("What kratom is", [("paragraph", rich_text("<p>A tree.</p>"))])],
            at_a_glance={"count": "1", "0": {"type": "at_a_glance", "value": glance, "deleted": "", "order": "0"}},
            medical_reviewer=str(self.reviewer.pk),
        )
        self.assertCanCreate(self.home, TopicOverviewPage, data)
        page = TopicOverviewPage.objects.get(slug="kratom-and-the-liver")
        self.assertTrue(page.live)
        self.assertEqual(list(page.at_a_glance_facts["other_names"]), ["ketum"])
        self.assertEqual([tag.name for tag in page.topics.all()], ["liver"])

    def test_create_risk_section_with_risk_and_care_card(self):
        risk = {
            "name": "Liver injury",
            "severity": "high",
            "evidence_level": "case_reports",
            "description": rich_text("<p>Rare but serious.</p>"),
            "warning_signs": list_block(["Dark urine"]),
            "higher_risk_groups": list_block([]),
            "what_to_do": rich_text(""),
            "citations": "1",
        }
        card = {"urgency": "emergency", "heading": "", "symptoms": list_block(["Confusion"]), "action": rich_text("")}
        data = admin_form_data(
            [("Liver injury", [("risk", risk), ("care_card", card)])], medical_reviewer=str(self.reviewer.pk)
        )
        self.assertCanCreate(self.home, RiskSectionPage, data)
        page = RiskSectionPage.objects.get(slug="kratom-and-the-liver")
        self.assertEqual(page.structured_blocks("risk")[0]["citations"], [1])
        card = page.structured_blocks("care_card")[0]
        self.assertEqual(card.display_heading(), "Call your local emergency number now if")

    def test_create_safe_use_guide_with_dosage_and_interactions(self):
        dosage = {
            "rows": list_block(
                [{"form": "powder", "route": "oral", "min": "1", "max": "3", "unit": "g", "note": "Reported range"}]
            ),
            "citations": "",
        }
        interactions = {
            "rows": list_block([{"substance": "Alcohol", "risk": "dangerous", "note": "", "citations": "1"}]),
        }
        data = admin_form_data(
            [("Amounts", [("dosage", dosage), ("interactions", interactions)])], medical_reviewer=str(self.reviewer.pk)
        )
        self.assertCanCreate(self.home, SafeUseGuidePage, data)
        page = SafeUseGuidePage.objects.get(slug="kratom-and-the-liver")
        row = page.structured_blocks("dosage")[0]["rows"][0]
        self.assertEqual((row["min"], row["max"], row["unit"]), (1, 3, "g"))
        self.assertEqual(page.structured_blocks("interactions")[0]["rows"][0].labels["risk"], "Dangerous")

    def test_routable_renderable_editable_and_previewable(self):
        # StreamField editors keep their state in JavaScript, so the preview's POST data is built here
        # rather than scraped from the edit page's HTML.
        preview_data = admin_form_data([("What is known", [("paragraph", rich_text("<p>Case reports.</p>"))])])
        for model in ARTICLE_TYPES:
            with self.subTest(model=model.__name__):
                page = make_test_page(self.home, model, title=f"A {model.__name__}", slug=model.__name__.lower())
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)
                self.assertPageIsEditable(page, post_data=preview_data)
                self.assertPageIsPreviewable(page, post_data=preview_data)
