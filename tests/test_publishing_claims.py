"""The claim detector: categories by meaning, negation, hedges, attribution, questions and citations."""

import datetime

import pytest

from wagtail_kratom.publishing.audit import CLAIM_CATEGORIES, ERROR, WARNING, AuditSubject, Passage, audit
from wagtail_kratom.publishing.claims import CATEGORIES, detect, find_claims
from wagtail_kratom.publishing.sentences import split_sentences

#: For every category, a claim and its careful twin on the same topic, worded for these tests.
TWINS = {
    "liver-benefit": (
        "A spoonful of kratom keeps the liver in good working order.",
        "A spoonful of kratom can still put strain on the liver.",
    ),
    "no-dependence": (
        "You will never get hooked on kratom, however often you take it.",
        "Taking kratom often can get you hooked.",
    ),
    "absolute-safety": ("Kratom cannot hurt anyone.", "Kratom can hurt people, even at low doses."),
    "safe-combination": (
        "Kratom is perfectly fine alongside your sleeping pills.",
        "Kratom alongside sleeping pills can stop your breathing.",
    ),
    "replaces-treatment": (
        "Ditch the methadone clinic and switch to kratom instead.",
        "Do not switch from methadone to kratom without your prescriber.",
    ),
    "cure": ("Kratom cures migraines.", "Kratom has not been shown to cure migraines."),
    "natural-means-safe": (
        "Because kratom is a natural herb, it is completely harmless.",
        "Kratom is a natural herb, but herbs can cause serious harm.",
    ),
    "dosing-as-safe": (
        "Take 3 grams every morning and increase as needed.",
        "Survey respondents described taking 3 grams in the morning.",
    ),
    "unsourced-research": (
        "Research proves that kratom sharpens your memory.",
        "Research on kratom and memory is scarce.",
    ),
}


def test_every_category_has_twins():
    assert set(TWINS) == set(CATEGORIES) == set(CLAIM_CATEGORIES)


@pytest.mark.parametrize("category", sorted(TWINS))
def test_a_claim_is_found_in_its_category_and_its_careful_twin_is_not(category):
    claim, careful = TWINS[category]
    found = detect(claim)
    assert found is not None and found.category == category, found
    assert detect(careful) is None


@pytest.mark.parametrize(
    ("claim", "careful"),
    [
        ("There is no risk of dependence with kratom.", "Kratom can cause dependence."),
        ("Kratom never causes withdrawal.", "Stopping kratom can cause withdrawal."),
        ("Kratom does not interact with antidepressants.", "Kratom may interact with antidepressants."),
        ("Overdosing on kratom is impossible.", "No dose of kratom has been shown to be safe."),
        ("Kratom carries little risk of addiction.", "The risk of addiction rises with daily use."),
    ],
)
def test_negation_and_minimisers_turn_a_harm_into_a_claim_and_back(claim, careful):
    assert detect(claim) is not None
    assert detect(careful) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Kratom is not free of side effects.",
        "No one is immune to dependence on kratom.",
        "Not everyone who takes kratom becomes dependent, but many daily users do.",
        "Kratom won't repair a damaged liver.",
    ],
)
def test_double_negation_and_partial_negation_are_not_denials(sentence):
    assert detect(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Shops claim kratom is harmless, but poison centres disagree.",
        "Kratom is often touted as a cure for anxiety.",
        "The alleged liver benefits of kratom have never been shown.",
        "Some vendors say you can mix kratom with alcohol; doctors advise against it.",
        "Claims that kratom is non-addictive are false.",
        "Some people say kratom got them off heroin.",
    ],
)
def test_attributed_and_doubted_claims_are_careful(sentence):
    assert detect(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    ["Is kratom safe for the liver?", "Can you mix kratom with alcohol?", "Does kratom cure anxiety?"],
)
def test_questions_assert_nothing(sentence):
    assert detect(sentence) is None


def test_a_hypothetical_is_not_advice_but_a_main_clause_still_is():
    assert detect("If someone tells you kratom is harmless, ask for the evidence.") is None
    assert detect("If you ask me, kratom is completely harmless.").category == "absolute-safety"


def test_hedged_treatment_claims_are_found_and_softened_to_a_warning():
    assert detect("Kratom may help with anxiety.").hedged
    [finding] = audit(subject("Kratom may help with anxiety."))
    assert (finding.rule, finding.severity) == ("claim.cure", WARNING)
    [finding] = audit(subject("Kratom treats anxiety."))
    assert (finding.rule, finding.severity) == ("claim.cure", ERROR)


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("Kratom is perfectly harmless [2].", "claim.safe"),
        ("Kratom heals the liver (Doe et al., 2022).", "claim.liver-benefit"),
        ("Kratom carries no risk of addiction (NIDA).", "claim.no-dependence"),
    ],
)
def test_a_cited_claim_stays_a_finding_that_asks_to_check_the_source(sentence, rule):
    [finding] = audit(subject(sentence, cited=True))
    assert (finding.rule, finding.severity, finding.quote) == (rule, ERROR, sentence)
    assert "check that it says this" in finding.message


def test_each_claim_sentence_gets_one_finding_quoting_it_exactly():
    text = "Kratom is a tree. It is completely safe, and it protects the liver!  Kratom cures pain."
    found = audit(subject(text))
    assert [f.quote for f in found] == ["It is completely safe, and it protects the liver!", "Kratom cures pain."]
    assert all(f.location == "paragraph 1" for f in found)
    assert {f.category for f in found} <= set(CATEGORIES)


def test_the_quote_stays_the_same_when_the_text_around_it_changes():
    before = audit(subject("Kratom is harmless."))[0]
    after = audit(subject("Kratom grows in Thailand. Kratom is harmless. Ask a pharmacist."))[0]
    assert (before.rule, before.quote) == (after.rule, after.quote)


def test_findings_carry_the_line_of_the_sentence():
    passage = Passage("Kratom is a tree.\nKratom is harmless.", "section", line=10)
    [finding] = audit(AuditSubject(title="t", passages=(passage,), missing_disclaimers=(), **REVIEWED))
    assert finding.line == 11


def test_sentences_split_where_they_end_and_keep_their_marks():
    text = 'Dr. Lee wrote it (Lee et al., 2020). Kratom is "safe" [3]. Is it? Yes, e.g. for some.'
    assert [sentence for _offset, sentence in split_sentences(text)] == [
        "Dr. Lee wrote it (Lee et al., 2020).",
        'Kratom is "safe" [3].',
        "Is it?",
        "Yes, e.g. for some.",
    ]


def test_find_claims_reads_informal_text():
    claims = find_claims("honestly kratom never gave me any withdrawal lol. stacking it with my meds is chill")
    assert [claim.category for claim in claims] == ["no-dependence", "safe-combination"]


REVIEWED = {
    "reviewer": "Dr A Reviewer",
    "last_reviewed": datetime.date(2026, 1, 1),
    "next_review_due": datetime.date(2027, 1, 1),
    "today": datetime.date(2026, 6, 1),
}


def subject(*texts, cited=False) -> AuditSubject:
    passages = tuple(Passage(text, f"paragraph {n}", cited=cited) for n, text in enumerate(texts, start=1))
    return AuditSubject(title="t", passages=passages, missing_disclaimers=(), **REVIEWED)


def test_a_schedule_for_kratom_is_dosing_advice_but_a_daily_habit_of_another_kind_is_not():
    assert detect("Keep to a routine and take kratom at the same hour every day.").category == "dosing-as-safe"
    assert detect("Keep a daily diary of how you feel.") is None


@pytest.mark.parametrize(
    ("claim", "careful"),
    [
        ("Nothing can go wrong with a leaf like this.", "Things can go wrong with kratom, even at low doses."),
        ("You cannot take too much of it.", "It is easy to take too much kratom, as product strength varies."),
        (
            "It comes straight from a tree, so your body knows exactly how to process it.",
            "It comes from a tree, but the body processes its alkaloids like any other drug.",
        ),
        (
            "Since I started kratom my liver enzymes came down.",
            "Stop kratom and see a doctor if your liver enzymes go up.",
        ),
    ],
)
def test_everyday_wordings_of_safety_and_liver_claims(claim, careful):
    assert detect(claim) is not None
    assert detect(careful) is None
