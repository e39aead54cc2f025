"""Write parsed articles into Wagtail as draft pages: a topic hub with its risk and safe-use pages.

The plain publishing library decides what goes where (``publishing.plan``); this module
cleans the HTML through Wagtail's own rich-text sanitiser, writes the pages in one
transaction per article, updates the same pages on a re-import (matched by slug under
the parent) and publishes only on request and only what passes validation.
"""

import json
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.admin.rich_text.converters.db_html import DbHTMLConverter
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

from .blocks import INLINE_RICH_TEXT_FEATURES, SECTION_RICH_TEXT_FEATURES
from .conf import get_setting
from .gate import GoLiveRefused, require_go_live
from .indexing import index_article_pages_on_commit
from .models import RiskSectionPage, SafeUseGuidePage, TopicOverviewPage
from .publishing import Article
from .publishing.classify import OVERVIEW, RISK, SAFE_USE
from .publishing.plan import PageDraft, PlanChoices, plan_import

ROLE_MODELS = {OVERVIEW: TopicOverviewPage, RISK: RiskSectionPage, SAFE_USE: SafeUseGuidePage}

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"

#: Fields Wagtail's page tree sets from the parent (``add_child``), never from the article: validating an
#: imported draft leaves them out rather than reading back the locale, content type and unique tree values.
TREE_FIELDS = ["path", "depth", "numchild", "url_path", "locale", "translation_key", "content_type"]


class ImportRefused(Exception):
    """An article that cannot be written where it was asked to go; nothing of it was written."""


@dataclass
class PageOutcome:
    """What happened to one page of an imported article."""

    page: object
    action: str
    reasons: tuple[str, ...] = ()
    published: bool = False
    #: Why ``--publish`` left the page a draft, in plain words.
    not_published: str = ""


@dataclass
class ArticleImport:
    plan: PageDraft
    pages: list[PageOutcome] = field(default_factory=list)


def clean_rich_text(html: str, features: list[str]) -> str:
    """Imported HTML through Wagtail's own sanitiser: only the features the field allows survive."""
    return DbHTMLConverter(features).clean(html)[0] if html else ""


def clean_body(body: list[dict]) -> list[dict]:
    """Sanitise every paragraph of a planned body."""
    return [
        {
            **section,
            "value": {
                **section["value"],
                "content": [
                    {**block, "value": clean_rich_text(block["value"], SECTION_RICH_TEXT_FEATURES)}
                    if block["type"] == "paragraph"
                    else block
                    for block in section["value"]["content"]
                ],
            },
        }
        for section in body
    ]


def page_values(draft: PageDraft) -> dict:
    values = {
        "title": draft.title,
        "summary": draft.summary,
        "intro": clean_rich_text(draft.intro, INLINE_RICH_TEXT_FEATURES),
        "conclusion": clean_rich_text(draft.conclusion, INLINE_RICH_TEXT_FEATURES),
        "body": clean_body(draft.body),
    }
    if draft.role == OVERVIEW:
        values["at_a_glance"] = draft.at_a_glance
    return values


def _without_ids(value):
    """Stream data without block ids, and list items as plain values, as the planner writes them."""
    if isinstance(value, dict):
        if value.get("type") == "item" and set(value) <= {"type", "value", "id"}:
            return _without_ids(value["value"])
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    return value


def content_of(page, names) -> str:
    """The page's values for ``names``, as JSON without block ids, to tell whether a re-import changes them."""
    data = {}
    for name in names:
        value = getattr(page, name)
        if hasattr(value, "raw_data"):
            value = page._meta.get_field(name).get_prep_value(value)
        data[name] = _without_ids(value)
    return json.dumps(data, sort_keys=True, default=str)


def write_page(parent, draft: PageDraft, user=None) -> PageOutcome:
    """Create ``draft`` under ``parent``, or update the page of its slug there, as a new draft revision."""
    model = ROLE_MODELS[draft.role]
    values = page_values(draft)
    existing = parent.get_children().filter(slug=draft.slug).first()
    if existing is None:
        if not model.can_create_at(parent):
            raise ImportRefused(
                _("A %(type)s cannot be added under “%(parent)s”.")
                % {"type": model._meta.verbose_name, "parent": parent.title}
            )
        # The parent's locale is Wagtail's default for a new page; given here, it is not read again.
        page = model(slug=draft.slug, live=False, owner=user, locale_id=parent.locale_id, **values)
        parent.add_child(instance=page)
        validate_draft(page)
        page.save_revision(user=user, log_action=True, clean=False)
        return PageOutcome(page, CREATED, draft.reasons)
    if existing.specific_class is not model:
        raise ImportRefused(
            _("“%(parent)s” already has a page at “%(slug)s” that is not a %(type)s; rename one of them.")
            % {"parent": parent.title, "slug": draft.slug, "type": model._meta.verbose_name}
        )
    page = existing.specific.get_latest_revision_as_object()
    before = content_of(page, values)
    for name, value in values.items():
        setattr(page, name, value)
    if content_of(page, values) == before:
        return PageOutcome(existing.specific, UNCHANGED, draft.reasons)
    validate_draft(page)
    page.save_revision(user=user, log_action=True, clean=False)
    return PageOutcome(page, UPDATED, draft.reasons)


def validate_draft(page) -> None:
    """Validate an imported draft as a page, except that a summary over the limit is kept whole.

    The audit reports it (``summary.too-long``, an error), so the page cannot go live until an
    editor shortens it; cutting it here would silently drop what it says last, often the caution.
    """
    try:
        page.full_clean(exclude=TREE_FIELDS)
    except ValidationError as error:
        if set(getattr(error, "error_dict", {})) != {"summary"}:
            raise


def publish_refusal(page) -> str:
    """Why an imported page may not go live yet, or "" when it may: validation, then the go-live gate."""
    try:
        page.full_clean()
        require_go_live(page)
    except GoLiveRefused as refusal:
        return " ".join(str(reason.message) for reason in refusal.reasons)
    except ValidationError as error:
        return " ".join(error.messages)
    return ""


def import_article(
    article: Article,
    parent,
    *,
    publish: bool = False,
    dry_run: bool = False,
    user=None,
    choices: PlanChoices | None = None,
) -> ArticleImport:
    """Write ``article`` under ``parent`` in one transaction; roll it back for a dry run.

    Raises ``ImportRefused`` or ``ValidationError`` with nothing written when the
    article cannot go there; a page that may not be published stays a draft, with
    the reason in its outcome. ``choices`` are an editor's changes from the admin's
    preview (``PlanChoices``). Each page written is indexed once, not on each of its
    saves: Wagtail's reference index at the end of the transaction, search when it commits.
    """
    plan = plan_import(article, summary_limit=get_setting("SUMMARY_MAX_LENGTH"), choices=choices)
    result = ArticleImport(plan)
    with transaction.atomic(), index_article_pages_on_commit():
        # Wagtail updates the reference index on every save of a page; once, after its last, gives the same index.
        with disable_reference_index_auto_update():
            hub = write_page(parent, plan, user)
            result.pages.append(hub)
            result.pages += [write_page(hub.page, child, user) for child in plan.children]
            if publish:
                for outcome in result.pages:
                    publish_page(outcome, user, parent_live=outcome is hub or hub.published)
        update_reference_index(result.pages)
        if dry_run:
            transaction.set_rollback(True)
    return result


def update_reference_index(outcomes: list[PageOutcome]) -> None:
    """Update Wagtail's reference index for each page the import saved, with the task its post_save handler uses.

    The importer saves nothing else the reference index tracks: revisions and log entries are not.
    """
    for outcome in outcomes:
        if outcome.action != UNCHANGED or outcome.published:
            meta = outcome.page._meta
            update_reference_index_task.enqueue(meta.app_label, meta.model_name, str(outcome.page.pk))


def publish_page(outcome: PageOutcome, user, parent_live: bool) -> None:
    """Publish the page's latest draft if it passes validation; otherwise record why not."""
    page = type(outcome.page).objects.get(pk=outcome.page.pk)
    if not parent_live:
        outcome.not_published = _("its topic hub was not published")
    elif refusal := publish_refusal(page.get_latest_revision_as_object()):
        outcome.not_published = refusal
    else:
        if not page.live or page.has_unpublished_changes:
            page.get_latest_revision().publish(user=user)
        outcome.published = True
