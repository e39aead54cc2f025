"""The plain publishing library: classification, extraction, page planning and every audit rule."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from wagtail_kratom.publishing import Paragraph, parse
from wagtail_kratom.publishing.audit import (
    CLAIM_CATEGORIES,
    RULE_IDS,
    AuditSubject,
    ClaimRule,
    DoseRow,
    Heading,
    Passage,
    RelatedLink,
    audit,
    audit_article,
)
from wagtail_kratom.publishing.classify import OVERVIEW, RISK, SAFE_USE, classify
from wagtail_kratom.publishing.extract import extract
from wagtail_kratom.publishing.plan import EXTRACTED_NOTE_PREFIX, plan_import

# Invented articles in the shape of the sample articles (tests/fixtures/README.md).
SEEDS = Path(__file__).resolve().parent / "fixtures" / "articles"
TODAY = datetime.date(2026, 11, 21)


def seed(name: str):
    return parse((SEEDS / f"article-{name}.txt").read_text(encoding="utf-8"))


def subject(*texts, cited=False, **fields) -> AuditSubject:
    """A page-like subject that passes every rule but the ones ``texts`` and ``fields`` set off."""
    values = {
        "title": "A page",
        "passages": tuple(Passage(text, f"paragraph {n}", cited=cited) for n, text in enumerate(texts, start=1)),
        "missing_disclaimers": (),
        "reviewer": "Dr A Reviewer",
        "last_reviewed": datetime.date(2026, 6, 1),
        "next_review_due": datetime.date(2027, 6, 1),
        "today": TODAY,
    }
    return AuditSubject(**{**values, **fields})


def rules(found) -> list[str]:
    return [finding.rule for finding in found]


# Classification --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "roles"),
    [("a", [OVERVIEW, RISK, SAFE_USE]), ("b", [OVERVIEW, OVERVIEW, SAFE_USE]), ("c", [OVERVIEW, OVERVIEW, RISK])],
)
def test_seed_sections_are_classified_with_reasons(name, roles):
    decided = classify(seed(name))
    assert [item.role for item in decided] == roles
    for item in decided:
        assert item.reason and "scores:" in item.reason


def test_a_heading_cue_outweighs_text_and_ties_go_to_the_practical_reading():
    article = parse(
        "Summary line.\nIntro line.\n- Dosing and timing\n- Background\n"
        "Dosing and timing\nThe history of the plant is long.\nBackground\nRead about the background here.\n"
        "A closing line.",
        format="text",
    )
    decided = classify(article)
    assert [item.role for item in decided] == [SAFE_USE, OVERVIEW]
    assert "heading mentions “dosing”" in decided[0].reason


# Extraction ------------------------------------------------------------------------------


def facts(text: str):
    return extract([Paragraph(text, "", 3)])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Most took 1-3 grams a day.", [("1", "3", "g")]),
        ("Some took 2 to 4 g.", [("2", "4", "g")]),
        ("A tea held 50–100 mg.", [("50", "100", "mg")]),
        ("Take 1.5g to 3g.", [("1.5", "3", "g")]),
        ("Between 5 mg and 10 g.", []),
        ("Pages 1-3 of the report.", []),
    ],
)
def test_dose_ranges_with_a_unit_are_extracted(text, expected):
    assert [(str(d.min), str(d.max), d.unit) for d in facts(text).doses] == expected


def test_monitoring_strains_and_interactions_are_extracted_with_their_sentence():
    found = facts(
        "Ask your doctor for ALT and AST tests. Sellers offer Red Maeng Da and green vein powders. "
        "Never mix kratom with alcohol or benzodiazepines. Kratom acts on opioid receptors."
    )
    assert [fact.test for fact in found.monitoring] == [
        "ALT (alanine aminotransferase)",
        "AST (aspartate aminotransferase)",
    ]
    assert [fact.name for fact in found.strains] == ["Red Maeng Da", "Green Vein"]
    assert [fact.substance for fact in found.interactions] == ["Alcohol", "Benzodiazepines"]
    assert found.interactions[0].quote == "Never mix kratom with alcohol or benzodiazepines."
    assert found.interactions[0].line == 3


def test_receptors_salt_and_conditions_are_not_facts():
    found = facts("Opioids bind receptors; kratom interacts with opioid receptors. Add salt. Opioid withdrawal hurts.")
    assert not found.interactions and not found.monitoring


# Planning pages --------------------------------------------------------------------------


def test_a_seed_becomes_a_hub_with_risk_and_safe_use_children():
    article = seed("a")
    hub = plan_import(article)
    assert hub.title == article.sections[0].heading
    assert hub.summary == article.summary.text
    assert [section["value"]["heading"] for section in hub.body] == [article.sections[0].heading]
    assert [(child.role, child.slug, child.title) for child in hub.children] == [
        (RISK, "risks", article.sections[1].heading),
        (SAFE_USE, "safer-use", article.sections[2].heading),
    ]
    guide = hub.children[1]
    # The section's first paragraph opens the page, once.
    assert guide.intro == f"<p>{article.sections[2].paragraphs[0].html}</p>"
    content = guide.body[0]["value"]["content"]
    assert article.sections[2].paragraphs[0].html not in content[0]["value"]
    assert [block["type"] for block in content] == ["paragraph", "monitoring"]
    assert content[1]["value"]["rows"][0]["reason"].startswith(EXTRACTED_NOTE_PREFIX)


def test_doses_found_in_a_safe_use_section_become_a_dosage_table_to_confirm():
    article = parse(
        "Summary.\nIntro.\n- About\n- Safer dosing\nAbout\nSome background.\n"
        "Safer dosing\nSurvey respondents took 1-3 grams of powder.\nMix it with alcohol and risk more harm.\nEnd.",
        format="text",
    )
    guide = plan_import(article).children[0]
    [dosage, interactions] = guide.body[0]["value"]["content"][1:]
    row = dosage["value"]["rows"][0]
    assert (row["form"], row["min"], row["max"], row["unit"]) == ("powder", "1", "3", "g")
    assert row["note"].startswith(EXTRACTED_NOTE_PREFIX)
    assert interactions["value"]["rows"][0]["risk"] == "unknown"


# Every audit rule ------------------------------------------------------------------------


CLAIMS = {
    "claim.cure": ("Kratom cures anxiety.", "Nothing cures withdrawal quickly, and kratom does not either."),
    "claim.safe": ("Kratom is completely safe.", "Testing does not make kratom risk-free."),
    "claim.no-dependence": ("There is no risk of dependence with kratom.", "Regular use can cause dependence."),
    "claim.liver-benefit": ("Kratom protects your liver.", "Kratom can injure the liver."),
    "claim.natural-means-safe": ("It is natural, so it is safe.", "The plant grows naturally in Thailand."),
    "claim.proven": ("Studies show kratom sharpens focus.", "Few studies of kratom exist."),
    "claim.safe-combination": ("Kratom is fine with a beer or two.", "Kratom with a beer or two is risky."),
    "claim.replaces-treatment": ("Kratom is a safer alternative to methadone.", "Methadone saves lives."),
    "claim.dosing-as-safe": ("Take 4 g twice a day.", "People report taking 4 g twice a day."),
}


def test_every_claim_category_has_examples():
    assert set(CLAIMS) == {category.rule for category in CLAIM_CATEGORIES.values()}


@pytest.mark.parametrize("rule_id", sorted(CLAIMS))
def test_each_claim_is_flagged_unless_denied_or_switched_off(rule_id):
    claim, plain = CLAIMS[rule_id]
    assert rule_id in rules(audit(subject(claim)))
    assert rule_id not in rules(audit(subject(plain)))
    assert rule_id not in rules(audit(subject(claim), disabled=[rule_id]))


@pytest.mark.parametrize(
    "cited", ["Kratom is safe (Smith et al., 2021).", "Kratom is safe [2].", "Kratom is perfectly harmless [2]."]
)
def test_a_citation_does_not_silence_a_claim_but_says_what_to_check(cited):
    [finding] = audit(subject(cited))
    assert (finding.rule, finding.severity, finding.quote) == ("claim.safe", "error", cited)
    assert "check that it says this" in finding.message


def test_a_citation_in_the_paragraph_does_not_vouch_for_its_other_sentences():
    found = audit(subject("Kratom can injure the liver [1]. Kratom is completely safe."))
    assert [(f.rule, f.quote) for f in found] == [("claim.safe", "Kratom is completely safe.")]
    assert "no source beside it" in found[0].message


def test_research_with_a_source_beside_it_is_not_unsourced():
    assert audit(subject("Studies show kratom sharpens focus [3].")) == []


def test_a_project_can_add_its_own_claim():
    extra = ClaimRule("claim.miracle", r"\bmiracle\b", "calls kratom a miracle.", "warning")
    found = audit(subject("A miracle leaf."), claim_rules=[extra])
    assert [(f.rule, f.severity, f.quote) for f in found] == [("claim.miracle", "warning", "A miracle leaf.")]


@pytest.mark.parametrize(
    ("rule_id", "fields"),
    [
        ("disclaimers.missing", {"missing_disclaimers": ("medical", "legal")}),
        ("review.no-reviewer", {"reviewer": None}),
        ("review.no-date", {"last_reviewed": None}),
        ("review.overdue", {"next_review_due": datetime.date(2026, 11, 20)}),
        ("dosage.invalid", {"doses": (DoseRow(Decimal(3), Decimal(1), "g", "dosage 1 › row 1"),)}),
        ("dosage.invalid", {"doses": (DoseRow(Decimal(0), Decimal(1), "g", "dosage 1 › row 1"),)}),
        ("dosage.invalid", {"doses": (DoseRow(Decimal(1), Decimal(2), "handfuls", "dosage 1 › row 1"),)}),
        ("related.not-live", {"related": (RelatedLink("Draft page", False, "related article 1"),)}),
        ("headings.skipped-level", {"headings": (Heading("A", 2, "s1"), Heading("B", 4, "s1"))}),
        ("intro.mid-sentence", {"intro": Passage("and then it spread.", "introduction")}),
        ("facts.unconfirmed", {"passages": (Passage(f"{EXTRACTED_NOTE_PREFIX} “1-3 g”", "dosage 1 › row 1"),)}),
    ],
)
def test_each_rule_reports_its_problem(rule_id, fields):
    found = audit(subject(**fields))
    assert rules(found) == [rule_id]
    assert found[0].message


def test_a_clean_subject_has_no_findings_and_the_rule_list_is_complete():
    assert audit(subject("Kratom can cause liver injury (LiverTox).")) == []
    claim_rules = {category.rule for category in CLAIM_CATEGORIES.values()}
    assert set(RULE_IDS) >= claim_rules | {"dosage.invalid", "intro.mid-sentence", "summary.too-long"}


def test_due_today_is_not_overdue_and_an_intro_in_quotes_is_fine():
    found = audit(subject(next_review_due=TODAY, intro=Passage("“Kratom is a tree.”", "introduction")))
    assert found == []


def test_the_seeds_unsupported_claims_are_flagged_where_they_are():
    a = [(f.rule, f.line) for f in audit_article(seed("a"))]
    assert ("claim.liver-benefit", 1) in a
    c = [(f.rule, f.severity, f.line) for f in audit_article(seed("c"))]
    assert ("claim.safe", "error", 11) in c
    b = {f.rule for f in audit_article(seed("b"))}
    assert {"claim.replaces-treatment", "claim.cure"} <= b
    # An article fresh from parsing has no reviewer yet; that is the page's to report.
    assert not {"review.no-reviewer", "review.no-date"} & {f.rule for f in audit_article(seed("a"))}


def test_markdown_findings_point_at_the_markdown_lines():
    source = "\n".join(
        [
            "# Kratom and the liver",  # 1
            "",
            "A summary of what is known.",  # 3
            "",
            "An introduction to the topic.",  # 5
            "",
            "## What people report",  # 7
            "",
            '<div class="note">',  # 9
            "  Sellers' claims vary.",
            "</div>",
            "",
            "```",  # 13
            "a code sample",
            "```",
            "",
            "- Some take it in the evening.",  # 17
            "- Kratom protects the liver.",  # 18
            "",
            "Readers also ask about *mixing*,",  # 20
            "and it is completely safe to mix kratom with alcohol.",
            "",
            "Liver injury has been reported.",  # 23
        ]
    )
    article = parse(source)
    assert [p.line for p in article.sections[0].paragraphs] == [9, 13, 17, 18, 20]
    assert [(f.rule, f.line) for f in audit_article(article)] == [
        ("claim.liver-benefit", 18),
        ("claim.safe-combination", 20),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Treat medical promises on a package with care.",
        "Doctors can treat kratom withdrawal with licensed medicines.",
        "It is safe to say that labels vary.",
        "Natural does not mean harmless.",
        "Kratom is natural, but that does not make it harmless.",
    ],
)
def test_sentences_that_make_no_claim_are_left_alone(sentence):
    assert audit(subject(sentence)) == []


@pytest.mark.parametrize(("text", "cited"), [("(who knows)", False), ("(since 2020)", False), ("(Smith, 2020)", True)])
def test_only_a_named_source_counts_as_a_citation(text, cited):
    from wagtail_kratom.publishing.audit import is_cited

    assert is_cited(f"Kratom is harmless {text}.") is cited


def test_doses_a_dosage_table_cannot_hold_are_not_extracted_and_thousands_are_read_as_such():
    found = facts("Take 1,000-2,000 mg. Not 0-2 g, nor 5-2 g, nor 1.125 to 2 g.")
    assert [(str(d.min), str(d.max), d.unit) for d in found.doses] == [("1000", "2000", "mg")]


def test_a_place_or_leaf_shape_alone_is_not_a_strain():
    found = facts("Thai farmers grow it; elephant leaves are large. Sellers offer Red Horn and White Maeng Da.")
    assert [fact.name for fact in found.strains] == ["Red Horn", "White Maeng Da"]
