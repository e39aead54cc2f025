"""Laying an article out as pages: summaries kept whole, openings without claims, strains, dose forms, interactions."""

from wagtail_kratom.publishing import Paragraph, parse
from wagtail_kratom.publishing.audit import audit_article
from wagtail_kratom.publishing.claims import detect
from wagtail_kratom.publishing.extract import extract, find_doses, find_interactions, find_strains
from wagtail_kratom.publishing.plan import plan_import

CAUTION = "Regular use can cause dependence, and liver injury has been reported."


def article_text(*, summary: str = "Kratom is a tree whose leaves are sold as powder.", risk: list[str] | None = None):
    risk = risk or ["Liver injury from kratom is rare but can be serious.", "Signs include dark urine and itching."]
    return "\n".join(
        [
            summary,
            "This page explains what kratom is and what it can do to the body.",
            "- What kratom is",
            "- Risks to the liver",
            "- Safer use",
            "What kratom is",
            "Kratom comes from a tree in the coffee family.",
            "Risks to the liver",
            *risk,
            "Safer use",
            "Sellers label strains such as Maeng Da, Bali, Thai and Borneo, and red, green and white vein.",
            "People describe taking 2-4 g of powder, about four to eight capsules; this is not a recommendation.",
            "Combining kratom with support for opioid cessation is common during opioid withdrawal.",
            "Never combine kratom with alcohol.",
            "Talk to a doctor before you stop any medicine.",
        ]
    )


def child(plan, role):
    return next(draft for draft in plan.children if draft.role == role)


def test_a_summary_over_the_limit_is_kept_whole_and_reported_as_an_error():
    summary = "Kratom is a tree. " * 20 + CAUTION
    article = parse(article_text(summary=summary))
    plan = plan_import(article, summary_limit=200)
    assert plan.summary == " ".join(summary.split())
    assert plan.summary.endswith(CAUTION)
    [finding] = [f for f in audit_article(article, summary_limit=200) if f.rule == "summary.too-long"]
    assert (finding.severity, finding.location, finding.line) == ("error", "summary", 1)
    assert not [f for f in audit_article(article) if f.rule == "summary.too-long"]


def test_a_child_page_never_opens_with_a_sentence_the_audit_flags():
    risk = ["Kratom protects the liver of heavy drinkers.", "Liver injury from kratom can be serious."]
    plan = plan_import(parse(article_text(risk=risk)))
    risks = child(plan, "risk")
    assert detect(risks.summary.split(". ")[0]) is None
    assert risks.summary.startswith("Liver injury from kratom can be serious.")
    assert risks.intro == "<p>Liver injury from kratom can be serious.</p>"
    # The flagged sentence is not dropped: it stays in its section, where the audit reports it.
    assert "Kratom protects the liver" in risks.body[0]["value"]["content"][0]["value"]


def test_a_child_whose_every_sentence_is_flagged_opens_with_its_title():
    risk = ["Kratom protects the liver.", "Kratom is completely safe."]
    risks = child(plan_import(parse(article_text(risk=risk))), "risk")
    assert risks.summary == f"{risks.title}."
    assert risks.intro == f"<p>{risks.title}.</p>"


def test_every_named_strain_is_recorded_at_a_glance():
    plan = plan_import(parse(article_text()))
    [glance] = plan.at_a_glance
    assert glance["value"]["other_names"] == [
        "Maeng Da",
        "Bali",
        "Thai",
        "Borneo",
        "Red Vein",
        "Green Vein",
        "White Vein",
    ]


def test_a_place_alone_is_no_strain_but_a_place_named_as_kratom_is():
    paragraph = Paragraph("Thai farmers grow it in Thailand. Shops sell Bali kratom and a Borneo strain.", "", 1)
    assert [fact.name for fact in find_strains(paragraph)] == ["Bali", "Borneo"]


def test_a_dose_takes_its_form_from_the_words_nearest_it():
    def forms(text):
        return [fact.form for fact in find_doses(Paragraph(text, "", 1))]

    assert forms("People take 2-4 g of powder, or four to eight capsules.") == ["powder"]
    assert forms("Four to eight capsules hold 2-4 g.") == ["capsule"]
    assert forms("Some brew 1-2 g as tea.") == ["tea"]
    assert forms("Doses of 1-3 g are described.") == ["powder"]
    plan = plan_import(parse(article_text()))
    [dosage] = [b for b in child(plan, "safe_use").body[0]["value"]["content"] if b["type"] == "dosage"]
    assert dosage["value"]["rows"][0]["form"] == "powder"


def test_opioid_cessation_and_withdrawal_are_not_interactions_but_a_substance_taken_with_kratom_is():
    facts = extract(parse(article_text()).iter_paragraphs())
    assert [fact.substance for fact in facts.interactions] == ["Alcohol"]
    for sentence in (
        "Combining kratom with support for opioid cessation is common.",
        "Kratom is combined with counselling during withdrawal from opioids.",
        "Some people combine kratom with therapy to quit heroin.",
    ):
        assert find_interactions(Paragraph(sentence, "", 1)) == [], sentence
    assert [f.substance for f in find_interactions(Paragraph("Do not mix kratom with opioids.", "", 1))] == ["Opioids"]
