"""What the audit reports: severities, the ids of its rules besides claims, and the finding itself."""

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
SEVERITIES = (ERROR, WARNING)

#: The ids of the findings besides claims (``CLAIM_CATEGORIES`` has those), listed in ``RULE_IDS``.
SUMMARY_TOO_LONG = "summary.too-long"
DISCLAIMERS_MISSING = "disclaimers.missing"
REVIEW_NO_REVIEWER = "review.no-reviewer"
REVIEW_NO_DATE = "review.no-date"
REVIEW_OVERDUE = "review.overdue"
DOSAGE_INVALID = "dosage.invalid"
RELATED_NOT_LIVE = "related.not-live"
HEADINGS_SKIPPED_LEVEL = "headings.skipped-level"
INTRO_MID_SENTENCE = "intro.mid-sentence"
FACTS_UNCONFIRMED = "facts.unconfirmed"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing an editor should fix or check.

    ``quote`` is the exact sentence a claim finding is about, without its location, so that a
    medical reviewer's acceptance (keyed on rule and quote) survives edits elsewhere on the page.
    """

    rule: str
    severity: str
    location: str
    message: str
    line: int | None = None
    quote: str = ""
    category: str = ""

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "location": self.location,
            "line": self.line,
            "quote": self.quote,
            "message": self.message,
        }
