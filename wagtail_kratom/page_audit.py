"""Run the publishing library's editorial audit on article pages.

``subject_from_page`` describes a page the way ``publishing.audit`` reads an article:
its text in located passages (rich text and structured blocks alike), its headings,
and what the page knows of disclaimers, review, dosage and related links. The page
editor's panel, the site-wide report, ``kratom_audit`` and the importer all call
``audit_page``.
"""

import datetime

import swapper
from bs4 import BeautifulSoup
from django.utils import timezone

from .conf import get_setting
from .publishing.audit import (
    AuditSubject,
    ClaimRule,
    DoseRow,
    Finding,
    Heading,
    Passage,
    RelatedLink,
    audit,
    audit_article,
    is_cited,
)

#: Rich-text tags that are headings, and their levels.
HEADING_LEVELS = {"h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


def get_claim_rules() -> list[ClaimRule]:
    """The project's own phrase rules (``AUDIT_EXTRA_CLAIM_RULES``), run besides the package's claim detector."""
    return [ClaimRule(**rule) for rule in get_setting("AUDIT_EXTRA_CLAIM_RULES")]


def audit_page(page, *, today: datetime.date | None = None) -> list[Finding]:
    """Every finding for ``page`` as it stands (pass the latest revision's object to audit a draft)."""
    return audit(
        subject_from_page(page, today=today),
        claim_rules=get_claim_rules(),
        disabled=get_setting("AUDIT_DISABLED_RULES"),
    )


def audit_parsed_article(article) -> list[Finding]:
    """Audit an article fresh from parsing, with the project's audit settings, as the importer reports it."""
    return audit_article(
        article,
        claim_rules=get_claim_rules(),
        disabled=get_setting("AUDIT_DISABLED_RULES"),
        summary_limit=get_setting("SUMMARY_MAX_LENGTH"),
    )


def _text(html: str) -> str:
    return BeautifulSoup(html or "", "html.parser").get_text(" ", strip=True)


def _source(value) -> str:
    return getattr(value, "source", value) or ""


class _SubjectBuilder:
    def __init__(self):
        self.passages: list[Passage] = []
        self.headings: list[Heading] = []
        self.doses: list[DoseRow] = []

    def rich_text(self, html: str, location: str, cited: bool = False) -> None:
        """One passage per paragraph or list item, so a source cited in one does not vouch for its neighbours."""
        soup = BeautifulSoup(_source(html), "html.parser")
        for tag in soup.find_all(list(HEADING_LEVELS)):
            self.headings.append(Heading(tag.get_text(" ", strip=True), HEADING_LEVELS[tag.name], location))
        units = soup.find_all(["p", "li"]) or [soup]
        for number, unit in enumerate(units, start=1):
            text = unit.get_text(" ", strip=True)
            where = f"{location} › paragraph {number}" if len(units) > 1 else location
            if text:
                self.passages.append(Passage(text, where, cited=cited or is_cited(str(unit))))

    def plain(self, text: str, location: str, cited: bool = False) -> None:
        if text:
            self.passages.append(Passage(text, location, cited=cited or is_cited(text)))

    def block(self, block_type: str, value, location: str) -> None:
        if block_type == "paragraph":
            self.rich_text(value, location)
        elif block_type == "risk":
            cited = bool(value["citations"])
            self.rich_text(value["description"], f"{location} › description", cited)
            self.rich_text(value["what_to_do"], f"{location} › what to do", cited)
        elif block_type == "care_card":
            self.rich_text(value["action"], f"{location} › action")
        elif block_type == "dosage":
            for number, row in enumerate(value["rows"], start=1):
                where = f"{location} › row {number}"
                self.doses.append(DoseRow(row["min"], row["max"], row["unit"] or "", where))
                self.plain(row["note"], f"{where} › note", bool(value["citations"]))
        elif block_type == "practices":
            for number, step in enumerate(value["steps"], start=1):
                self.plain(step["detail"], f"{location} › step {number}")
        elif block_type in ("monitoring", "interactions", "legal_status"):
            for number, row in enumerate(value["rows"], start=1):
                text = row.get("reason") if block_type == "monitoring" else row.get("note")
                self.plain(text, f"{location} › row {number}", bool(row.get("citations")))


def subject_from_page(page, *, today: datetime.date | None = None) -> AuditSubject:
    """Describe ``page`` for the audit."""
    builder = _SubjectBuilder()
    builder.plain(page.summary, "summary")
    summary = builder.passages[-1] if page.summary else None
    builder.rich_text(page.intro, "introduction")
    for number, section in enumerate(page.sections, start=1):
        place = f"section {number} “{section['heading']}”"
        builder.headings.append(Heading(section["heading"], 2, place))
        counts: dict[str, int] = {}
        for child in section["content"]:
            counts[child.block_type] = counts.get(child.block_type, 0) + 1
            label = "text" if child.block_type == "paragraph" else child.block_type.replace("_", " ")
            builder.block(child.block_type, child.value, f"{place} › {label} {counts[child.block_type]}")
    builder.rich_text(page.conclusion, "conclusion")
    intro_text = _text(_source(page.intro))
    return AuditSubject(
        title=page.title,
        passages=tuple(builder.passages),
        headings=tuple(builder.headings),
        intro=Passage(intro_text, "introduction") if intro_text else None,
        missing_disclaimers=tuple(page.get_unresolved_disclaimer_kinds()),
        reviewer=page.medical_reviewer.name if page.medical_reviewer else None,
        last_reviewed=page.last_reviewed,
        next_review_due=page.next_review_due,
        doses=tuple(builder.doses),
        related=_related_links(page),
        today=today or timezone.localdate(),
        summary=summary,
        summary_limit=get_setting("SUMMARY_MAX_LENGTH"),
    )


def _related_links(page) -> tuple[RelatedLink, ...]:
    links = [link for link in page.kratom_related_articles.all() if link.target_id]
    if not links:
        return ()
    base_page_model = swapper.load_model("wagtailcore", "Page")
    visible = set(
        base_page_model.objects.filter(pk__in=[link.target_id for link in links])
        .live()
        .public()
        .values_list("pk", flat=True)
    )
    return tuple(
        RelatedLink(link.label or link.target.title, link.target_id in visible, f"related article {number}")
        for number, link in enumerate(links, start=1)
    )
