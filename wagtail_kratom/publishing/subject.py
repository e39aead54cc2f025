"""What the audit reads: an ``AuditSubject`` of passages, headings and what is known of the page.

A parsed article becomes one here (``subject_from_article``); the Wagtail adapter builds one from a page.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from .article import MAX_SUMMARY_CHARS, Article
from .claims import is_cited


@dataclass(frozen=True, slots=True)
class Passage:
    """A run of text readers see, where it is, and whether a source is cited in or beside it."""

    text: str
    location: str
    line: int | None = None
    cited: bool = False


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int
    location: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class DoseRow:
    min: Decimal | None
    max: Decimal | None
    unit: str
    location: str


@dataclass(frozen=True, slots=True)
class RelatedLink:
    title: str
    is_live: bool
    location: str


@dataclass(frozen=True)
class AuditSubject:
    """What the rules read; ``None`` for a piece of information the source cannot have."""

    title: str
    passages: tuple[Passage, ...]
    headings: tuple[Heading, ...] = ()
    intro: Passage | None = None
    #: Required disclaimer kinds nothing resolves, or None when the source has no page type yet.
    missing_disclaimers: tuple[str, ...] | None = None
    reviewer: str | None = None
    last_reviewed: datetime.date | None = None
    next_review_due: datetime.date | None = None
    doses: tuple[DoseRow, ...] = ()
    related: tuple[RelatedLink, ...] = ()
    today: datetime.date = field(default_factory=datetime.date.today)
    #: The summary (also among ``passages``) and the longest it may be, for the summary rule.
    summary: Passage | None = None
    summary_limit: int | None = None


def subject_from_article(article: Article, *, summary_limit: int | None = MAX_SUMMARY_CHARS) -> AuditSubject:
    """Describe a parsed article for the audit: its text, headings and intro; no page, so no review yet."""
    summary = Passage(article.summary.text, "summary", article.summary.line, is_cited(article.summary.html))
    passages = [summary]
    passages += [
        Passage(p.text, f"introduction › paragraph {index}", p.line, is_cited(p.html))
        for index, p in enumerate(article.intro, start=1)
    ]
    for section in article.sections:
        passages += [
            Passage(p.text, f"section “{section.heading}” › paragraph {index}", p.line, is_cited(p.html))
            for index, p in enumerate(section.paragraphs, start=1)
        ]
    passages += [
        Passage(p.text, f"conclusion › paragraph {index}", p.line, is_cited(p.html))
        for index, p in enumerate(article.conclusion, start=1)
    ]
    headings = tuple(
        Heading(section.heading, section.level, f"section “{section.heading}”", section.line)
        for section in article.sections
    )
    intro = article.intro[0] if article.intro else None
    return AuditSubject(
        title=article.title,
        passages=tuple(passages),
        headings=headings,
        intro=Passage(intro.text, "introduction", intro.line) if intro else None,
        summary=summary,
        summary_limit=summary_limit,
    )
