"""What a reader sees: accessible structure, the table of contents, structured facts, disclaimers and JSON-LD."""

import datetime
import itertools
import json

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from tests.utils import citation, dosage, dosage_row, long_date, make_disclaimer, make_test_page, risk, section
from wagtail_kratom.models import (
    ArticlePageDisclaimer,
    RelatedArticle,
    RiskSectionPage,
    SafeUseGuidePage,
    TopicOverviewPage,
)

pytestmark = pytest.mark.django_db

SAFE_USE_BODY = [
    section(
        "Amounts people report",
        ("paragraph", "<p>No amount is known to be safe.</p>"),
        dosage(dosage_row("1", "3", note="Survey of US adults"), citations=[1]),
        health_aspect="UsageOrScheduleHealthAspect",
    ),
    section(
        "Mixing with other substances",
        (
            "interactions",
            {"rows": [{"substance": "Alcohol", "risk": "dangerous", "note": "Both sedate.", "citations": [2]}]},
        ),
        (
            "care_card",
            {"urgency": "emergency", "heading": "", "symptoms": ["Slow breathing"], "action": "<p>Call.</p>"},
        ),
    ),
    section(
        "The law",
        ("legal_status", {"rows": [{"jurisdiction": "Thailand", "status": "legal", "as_of": "2021-08-24"}]}),
        ("practices", {"steps": [{"title": "Start low", "detail": "Products vary."}]}),
        (
            "monitoring",
            {"rows": [{"test": "Liver function tests (ALT, AST)", "frequency": "Yearly", "reason": "Injury"}]},
        ),
    ),
]


def get_html(page) -> BeautifulSoup:
    response = Client().get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def json_ld(html: BeautifulSoup) -> dict:
    (script,) = html.find_all("script", type="application/ld+json")
    return json.loads(script.string)


@pytest.fixture
def safe_use_page(home):
    page = make_test_page(
        home,
        SafeUseGuidePage,
        title="Reducing harm",
        body=SAFE_USE_BODY,
        citations=[citation("Survey", doi="10.1016/j.drugalcdep.2019.107849"), citation("Poison centres", pmid="123")],
        health_aspects=["SelfCareHealthAspect"],
    )
    for kind in ("medical", "dosage", "legal", "emergency", "evidence"):
        ArticlePageDisclaimer.objects.create(page=page, disclaimer=make_disclaimer(kind, title=f"{kind} notice"))
    return page


class TestStructure:
    def test_one_h1_and_headings_never_skip_a_level(self, safe_use_page):
        levels = [int(heading.name[1]) for heading in get_html(safe_use_page).find_all(["h1", "h2", "h3", "h4"])]
        assert levels.count(1) == 1 and levels[0] == 1
        assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels))

    def test_table_of_contents_links_to_each_section_in_order(self, safe_use_page):
        html = get_html(safe_use_page)
        links = [(a.get_text(), a["href"]) for a in html.select("nav.kratom-toc a")]
        sections = [(s.h2.get_text(), "#" + s["id"]) for s in html.select("section.kratom-section")]
        assert (
            links
            == sections
            == [
                ("Amounts people report", "#amounts-people-report"),
                ("Mixing with other substances", "#mixing-with-other-substances"),
                ("The law", "#the-law"),
            ]
        )
        assert safe_use_page.table_of_contents[0] == {
            "heading": "Amounts people report",
            "anchor": "amounts-people-report",
        }

    def test_review_dates_at_the_bottom(self, safe_use_page):
        footer = get_html(safe_use_page).select_one("article > footer.kratom-review").get_text(" ", strip=True)
        assert f"Page last reviewed {long_date(safe_use_page.last_reviewed)}" in footer
        assert f"Next review due {long_date(safe_use_page.next_review_due)}" in footer

    def test_overdue_page_tells_readers(self, home):
        page = make_test_page(home, TopicOverviewPage)
        # The review lapses after the page went live; it stays live, and says so.
        TopicOverviewPage.objects.filter(pk=page.pk).update(
            last_reviewed=datetime.date(2020, 1, 1), next_review_due=datetime.date(2021, 1, 1)
        )
        page.refresh_from_db()
        notice = get_html(page).select_one(".kratom-notice")
        assert "was due for review on 1 January 2021" in notice.get_text()


class TestStructuredBlocks:
    def test_dosage_is_a_table_with_the_dosage_disclaimer_beside_it(self, safe_use_page):
        dosage_block = get_html(safe_use_page).select_one(".kratom-dosage")
        cells = [cell.get_text() for cell in dosage_block.select("tbody tr > *")]
        assert cells == ["Powdered leaf", "Oral (swallowed)", "1–3 g", "Survey of US adults"]
        assert (
            dosage_block.select_one(".kratom-disclaimer--dosage .kratom-disclaimer__title").get_text()
            == "dosage notice"
        )
        assert dosage_block.select_one(".kratom-refs a")["href"] == "#citation-1"

    def test_a_single_reported_amount_is_not_shown_as_a_range(self, home):
        page = make_test_page(home, SafeUseGuidePage, body=[section("Tea", dosage(dosage_row("79", "79", "mg")))])
        amounts = [td.get_text() for td in get_html(page).select('.kratom-dosage td[data-label="Amount"]')]
        assert amounts == ["79 mg"]

    def test_interaction_grade_is_written_in_words(self, safe_use_page):
        item = get_html(safe_use_page).select_one(".kratom-interaction")
        assert item.select_one(".kratom-badge").get_text() == "Dangerous"
        assert "Alcohol" in item.get_text()

    def test_emergency_disclaimer_sits_with_the_care_card(self, safe_use_page):
        card = get_html(safe_use_page).select_one(".kratom-care-card--emergency")
        assert card.h3.get_text(" ", strip=True) == "Emergency: Call your local emergency number now if"
        assert card.select_one(".kratom-disclaimer--emergency")

    def test_emergency_disclaimer_skips_non_urgent_cards(self, home):
        cards = [
            ("care_card", {"urgency": "non_urgent", "heading": "", "symptoms": ["Itching"], "action": ""}),
            ("care_card", {"urgency": "urgent", "heading": "", "symptoms": ["Dark urine"], "action": ""}),
        ]
        page = make_test_page(home, RiskSectionPage, body=[section("Getting help", *cards)])
        ArticlePageDisclaimer.objects.create(page=page, disclaimer=make_disclaimer("emergency"))
        html = get_html(page)
        assert not html.select(".kratom-care-card--non_urgent .kratom-disclaimer")
        assert html.select(".kratom-care-card--urgent .kratom-disclaimer--emergency")

    def test_legal_disclaimer_sits_with_the_legal_status_table(self, safe_use_page):
        legal = get_html(safe_use_page).select_one(".kratom-legal")
        assert legal.select_one(".kratom-disclaimer--legal")
        assert [td.get_text() for td in legal.select("tbody td")][:2] == ["Legal", "24 Aug 2021"]

    def test_citations_are_numbered_with_identifier_links(self, safe_use_page):
        items = get_html(safe_use_page).select(".kratom-citations li")
        assert [item["id"] for item in items] == ["citation-1", "citation-2"]
        assert items[0].select_one('a[href="https://doi.org/10.1016/j.drugalcdep.2019.107849"]')
        assert items[1].select_one('a[href="https://pubmed.ncbi.nlm.nih.gov/123/"]')

    def test_risk_shows_severity_and_evidence_in_words(self, home):
        page = make_test_page(home, RiskSectionPage, body=[section("Liver", risk(severity="severe", citations=[1]))])
        grades = get_html(page).select_one(".kratom-risk .kratom-grades").get_text(" ", strip=True)
        assert grades == "Severity Severe Evidence Case reports"


class TestDisclaimers:
    def test_every_chosen_disclaimer_shows_exactly_once_and_medical_comes_first(self, safe_use_page):
        html = get_html(safe_use_page)
        kinds = [
            aside["class"][1].removeprefix("kratom-disclaimer--") for aside in html.select("aside.kratom-disclaimer")
        ]
        assert sorted(kinds) == ["dosage", "emergency", "evidence", "legal", "medical"]
        assert kinds[0] == "medical"
        summary = html.select_one(".kratom-summary")
        assert summary.find_next("aside")["class"] == ["kratom-disclaimer", "kratom-disclaimer--medical"]

    def test_unpublished_or_inactive_disclaimers_are_not_shown(self, home):
        page = make_test_page(home, TopicOverviewPage)
        draft = make_disclaimer("medical", title="Draft wording")
        draft.unpublish()
        inactive = make_disclaimer("evidence", title="Old wording")
        inactive.active = False
        inactive.save()
        for disclaimer in (draft, inactive):
            ArticlePageDisclaimer.objects.create(page=page, disclaimer=disclaimer)
        assert not get_html(page).select("aside.kratom-disclaimer")


class TestListings:
    def test_hub_lists_only_its_live_children(self, home):
        hub = make_test_page(home, TopicOverviewPage, title="Liver")
        make_test_page(hub, RiskSectionPage, title="Liver injury", slug="injury")
        make_test_page(hub, SafeUseGuidePage, title="Draft guide", slug="draft", publish=False)
        titles = [a.get_text() for a in get_html(hub).select(".kratom-topic-children .kratom-card__link")]
        assert titles == ["Liver injury"]

    def test_related_articles_skip_private_pages(self, home):
        from wagtail.models import PageViewRestriction

        page = make_test_page(home, TopicOverviewPage, title="Hub", slug="hub")
        private = make_test_page(home, RiskSectionPage, title="Members only", slug="private")
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
        RelatedArticle.objects.create(page=page, target=private)
        assert not get_html(page).select(".kratom-related")

    def test_related_articles_skip_pages_that_are_not_live(self, home):
        page = make_test_page(home, TopicOverviewPage, title="Hub", slug="hub")
        live = make_test_page(home, RiskSectionPage, title="Live risk", slug="live")
        gone = make_test_page(home, SafeUseGuidePage, title="Withdrawn guide", slug="gone")
        RelatedArticle.objects.create(page=page, target=live, label="Read about the risks")
        RelatedArticle.objects.create(page=page, target=gone)
        gone.unpublish()
        cards = get_html(page).select(".kratom-related .kratom-card")
        assert [card.a.get_text() for card in cards] == ["Read about the risks"]
        assert cards[0].select_one(".kratom-card__type").get_text() == "Risks"


class TestJsonLd:
    def test_medical_web_page_with_health_topic_parts(self, safe_use_page):
        data = json_ld(get_html(safe_use_page))
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "MedicalWebPage"
        assert data["about"]["name"] == "Kratom"
        assert data["lastReviewed"] == safe_use_page.last_reviewed.isoformat()
        parts = data["hasPart"]
        assert [part["@type"] for part in parts] == ["HealthTopicContent"] * 3
        assert parts[0]["url"].endswith("/#amounts-people-report")
        assert parts[0]["hasHealthAspect"] == ["https://schema.org/UsageOrScheduleHealthAspect"]
        assert parts[1]["hasHealthAspect"] == [
            "https://schema.org/UsageOrScheduleHealthAspect",
            "https://schema.org/SafetyHealthAspect",
            "https://schema.org/SelfCareHealthAspect",
        ]

    def test_citations_and_reviewer(self, safe_use_page):
        from wagtail_kratom.models import Contributor

        safe_use_page.medical_reviewer = Contributor.objects.create(
            name="Dr A Reviewer", credentials="MBBS", role="Hepatologist"
        )
        safe_use_page.save_revision().publish()
        data = json_ld(get_html(safe_use_page))
        assert data["reviewedBy"] == {
            "@type": "Person",
            "name": "Dr A Reviewer",
            "honorificSuffix": "MBBS",
            "jobTitle": "Hepatologist",
        }
        assert data["citation"][0]["identifier"] == [
            {"@type": "PropertyValue", "propertyID": "DOI", "value": "10.1016/j.drugalcdep.2019.107849"}
        ]

    def test_each_type_carries_its_own_health_aspects(self, home):
        expected = {
            TopicOverviewPage: ["https://schema.org/OverviewHealthAspect"],
            RiskSectionPage: [
                "https://schema.org/RisksOrComplicationsHealthAspect",
                "https://schema.org/SideEffectsHealthAspect",
            ],
        }
        for model, aspects in expected.items():
            page = make_test_page(home, model, slug=model.__name__.lower())
            assert json_ld(get_html(page))["hasPart"][0]["hasHealthAspect"] == aspects

    def test_script_content_cannot_close_the_script_element(self, home):
        page = make_test_page(home, TopicOverviewPage, title="</script><script>alert(1)</script>")
        response = Client().get(page.url).content.decode()
        assert "</script><script>alert(1)" not in response
        assert json_ld(BeautifulSoup(response, "html.parser"))["name"] == "</script><script>alert(1)</script>"
