"""The benchmark's content: the demo's pages, their plain twins, and generated copies for the scale runs.

The three measured pages are the demo's liver topic hub, its risk page and its safe-use guide,
each set up to show three disclaimers and five related articles. Each has a twin ``PlainPage``
holding the same text in one rich-text field. Growing the site to 1,000 or 10,000 article pages
copies the measured pages (and their twins) with a bulk insert, as ``loaddata`` would write them,
so building the largest site takes seconds rather than the hours the admin's path would.
"""

import io
import uuid
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import models, transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Page

from bench.baseline.models import PlainPage
from wagtail_kratom.disclaimers import ArticlePageDisclaimer, Disclaimer
from wagtail_kratom.models import RiskSectionPage, SafeUseGuidePage, TopicOverviewPage
from wagtail_kratom.related import RelatedArticle

#: The demo topic whose pages are measured.
MEASURED_HUB_SLUG = "kratom-and-liver-health"

#: What each measured page shows, as the issue asks: three disclaimers, five related articles.
DISCLAIMERS_SHOWN = 3
RELATED_SHOWN = 5

#: Disclaimer kinds each measured page chooses, on top of its type's required kinds from the site defaults.
CHOSEN_DISCLAIMER_KINDS = {
    TopicOverviewPage: ["evidence", "emergency"],
    RiskSectionPage: ["evidence"],
    SafeUseGuidePage: [],
}

ROLES = {TopicOverviewPage: "overview", RiskSectionPage: "risk", SafeUseGuidePage: "safe_use"}


@dataclass
class MeasuredPages:
    """The pages every case reads, by role ("overview", "risk", "safe_use")."""

    articles: dict[str, Page]
    twins: dict[str, PlainPage]
    plain_parent: Page


def article_text_html(page) -> str:
    """The article's own text as HTML for one rich-text field: what the plain twin shows."""
    parts = [f"<p>{escape(page.summary)}</p>", page.intro]
    for section in page.sections:
        parts.append(f"<h2>{escape(section['heading'])}</h2>")
        for child in section["content"]:
            if child.block_type == "paragraph":
                parts.append(child.value.source)
            else:
                parts.extend(f"<p>{escape(text)}</p>" for text in child.block.get_searchable_content(child.value))
    parts.append(page.conclusion)
    parts.append("<h2>Sources</h2>")
    parts.extend(
        f"<p>{escape(text)}</p>"
        for citation in page.citations
        for text in citation.block.get_searchable_content(citation.value)
    )
    return "".join(parts)


def build_site() -> MeasuredPages:
    """Migrate a fresh database, load the demo content and set up the measured pages and their twins."""
    call_command("migrate", verbosity=0)
    call_command("load_initial_data", verbosity=0, stdout=io.StringIO())
    hub = TopicOverviewPage.objects.get(slug=MEASURED_HUB_SLUG)
    articles = {"overview": hub}
    for child in hub.get_children().specific():
        articles.setdefault(ROLES[type(child)], child)
    disclaimers = {disclaimer.kind: disclaimer for disclaimer in Disclaimer.objects.filter(live=True)}
    others = [page for page in _live_articles() if page.pk not in {article.pk for article in articles.values()}]
    for page in articles.values():
        page.kratom_disclaimers = [
            ArticlePageDisclaimer(disclaimer=disclaimers[kind]) for kind in CHOSEN_DISCLAIMER_KINDS[type(page)]
        ]
        _pick_related_until(page, others + [article for article in articles.values() if article != page])
    plain_parent = Page(title="Plain pages", slug="plain-pages")
    articles["overview"].get_parent().add_child(instance=plain_parent)
    twins = {}
    for role, page in articles.items():
        twin = PlainPage(title=page.title, slug=f"plain-{page.slug}", body=article_text_html(page))
        plain_parent.add_child(instance=twin)
        twin.save_revision().publish()
        twins[role] = twin
    measured = MeasuredPages(
        articles={role: type(page).objects.get(pk=page.pk) for role, page in articles.items()},
        twins=twins,
        plain_parent=plain_parent,
    )
    check_measured_pages(measured)
    return measured


def _live_articles() -> list:
    return [page for model in ROLES for page in model.objects.live().order_by("pk")]


def _pick_related_until(page, candidates: list) -> None:
    """Pick related articles for ``page`` until its picks and suggestions together show ``RELATED_SHOWN``.

    Publishing ranks the page's suggestions afresh, so the count is read back after each publish.
    """
    picks = []
    while True:
        page.kratom_related_articles = [RelatedArticle(target=target) for target in picks]
        page.save_revision().publish()
        page = type(page).objects.get(pk=page.pk)
        shown = [item.page.pk for item in page.get_related_articles()]
        if len(shown) >= RELATED_SHOWN:
            return
        picks.append(next(candidate for candidate in candidates if candidate.pk not in shown))


def check_measured_pages(measured: MeasuredPages) -> None:
    """Refuse to measure pages that do not carry what the benchmark says they carry."""
    for role, page in measured.articles.items():
        disclaimers, related = len(page.get_disclaimers()), len(page.get_related_articles())
        if (disclaimers, related) != (DISCLAIMERS_SHOWN, RELATED_SHOWN):
            raise RuntimeError(
                f"The measured {role} page shows {disclaimers} disclaimers and {related} related articles; "
                f"the benchmark needs {DISCLAIMERS_SHOWN} and {RELATED_SHOWN}."
            )


def article_page_count() -> int:
    return sum(model.objects.count() for model in ROLES)


@transaction.atomic
def grow_to(measured: MeasuredPages, target: int) -> int:
    """Add copies of the measured pages (hub, risk page, guide) until the site has ``target`` article
    pages, and as many plain pages; return the article page count reached."""
    groups = -(-(target - article_page_count()) // len(ROLES))
    if groups <= 0:
        return article_page_count()
    hub, risk, guide = (measured.articles[role] for role in ("overview", "risk", "safe_use"))
    suffix = uuid.uuid4().hex[:8]
    hubs = [_copy(hub, f"{hub.slug}-{suffix}-{number}") for number in range(groups)]
    _insert_children([(hub.get_parent(), hubs)])
    risks = [_copy(risk, f"{risk.slug}-{number}") for number in range(groups)]
    guides = [_copy(guide, f"{guide.slug}-{number}") for number in range(groups)]
    _insert_children([(new_hub, [*pair]) for new_hub, *pair in zip(hubs, risks, guides, strict=True)])
    _copy_relations({hub.pk: hubs, risk.pk: risks, guide.pk: guides})
    twins = list(measured.twins.values())
    plain_pages = [_copy(twins[number % len(twins)], f"plain-{suffix}-{number}") for number in range(groups * 3)]
    _insert_children([(measured.plain_parent, plain_pages)])
    return article_page_count()


def _copy(page, slug: str):
    """An unsaved copy of ``page`` with the same content under a new slug."""
    model = type(page)
    copy = model(**{field.attname: getattr(page, field.attname) for field in model._meta.concrete_fields})
    copy.pk = copy.id = None
    copy.slug = slug
    copy.live_revision_id = copy.latest_revision_id = None
    return copy


def _insert_children(placements: list[tuple[Page, list]]) -> None:
    """Write each ``(parent, pages)`` placement's pages as the parent's last children.

    One bulk insert writes every ``Page`` row; each type's own row follows as a raw save,
    which skips the search index just as ``loaddata`` does. Each page is set as the
    tree would set it (path, depth, URL path, locale, published state).
    """
    now = timezone.now()
    rows, pages = [], []
    for parent, children in placements:
        last_child = parent.get_last_child() if parent.numchild else None
        first_step = Page._str2int(last_child.path[-Page.steplen :]) + 1 if last_child else 1
        for offset, page in enumerate(children):
            page.depth, page.numchild = parent.depth + 1, 0
            page.path = parent.path + Page._int2str(first_step + offset).rjust(Page.steplen, "0")
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.content_type = ContentType.objects.get_for_model(type(page))
            page.locale_id = parent.locale_id
            page.translation_key = uuid.uuid4()
            page.live, page.has_unpublished_changes = True, False
            page.first_published_at = page.last_published_at = page.latest_revision_created_at = now
            page.draft_title = page.title
            rows.append(Page(**{field.attname: getattr(page, field.attname) for field in Page._meta.concrete_fields}))
            pages.append(page)
        parent.numchild += len(children)
    Page.objects.bulk_create(rows, batch_size=500)
    for page, row in zip(pages, rows, strict=True):
        page.pk = row.pk
        page.save_base(raw=True, force_insert=True)
    by_count = {}
    for parent, children in placements:
        by_count.setdefault(len(children), []).append(parent.pk)
    for count, parent_ids in by_count.items():
        Page.objects.filter(pk__in=parent_ids).update(numchild=models.F("numchild") + count)


def _copy_relations(copies: dict[int, list], *, topics: bool = True) -> None:
    """Give every copy its original's chosen disclaimers and related picks, and its topics unless ``topics`` is off."""
    for original_id, pages in copies.items():
        original = Page.objects.get(pk=original_id).specific
        through = type(original).topics.through
        tag_ids = list(through.objects.filter(content_object_id=original_id).values_list("tag_id", flat=True))
        through.objects.bulk_create(
            [through(content_object_id=page.pk, tag_id=tag_id) for page in pages for tag_id in tag_ids if topics],
            batch_size=1000,
        )
        for model, fields in ((ArticlePageDisclaimer, ("disclaimer_id",)), (RelatedArticle, ("target_id", "label"))):
            links = list(model.objects.filter(page_id=original_id).values("sort_order", *fields))
            model.objects.bulk_create(
                [model(page_id=page.pk, **link) for page in pages for link in links], batch_size=1000
            )


@dataclass
class PublishedPages:
    """A page to publish under a parent with so many siblings, and its plain twin under a plain parent with as many."""

    siblings: int
    page: Page
    twin: PlainPage


@transaction.atomic
def add_page_with_siblings(measured: MeasuredPages, siblings: int) -> PublishedPages:
    """A new copy of the measured hub holding a copy of the risk page and ``siblings`` more article pages, and a
    new plain parent holding a plain page and as many plain siblings; the copies are written as ``grow_to`` writes.
    """
    hub, risk, guide = (measured.articles[role] for role in ("overview", "risk", "safe_use"))
    suffix = uuid.uuid4().hex[:8]
    new_hub = _copy(hub, f"{hub.slug}-with-{siblings}-{suffix}")
    _insert_children([(hub.get_parent(), [new_hub])])
    page = _copy(risk, f"{risk.slug}-published")
    others = [_copy(guide if number % 2 else risk, f"sibling-{number}") for number in range(siblings)]
    _insert_children([(new_hub, [page, *others])])
    # The hub's pages carry no topics: with the measured pages' topics, each would count every copy on the
    # grown site among its candidates, and the figure would grow with the site rather than with the siblings.
    _copy_relations(
        {
            hub.pk: [new_hub],
            risk.pk: [page, *(other for other in others if isinstance(other, type(risk)))],
            guide.pk: [other for other in others if isinstance(other, type(guide))],
        },
        topics=False,
    )
    plain_parent = Page(title=f"Plain pages with {siblings} siblings", slug=f"plain-with-{siblings}-{suffix}")
    measured.plain_parent.get_parent().add_child(instance=plain_parent)
    twin = measured.twins["risk"]
    plain_page = _copy(twin, "plain-published")
    _insert_children([(plain_parent, [plain_page, *(_copy(twin, f"plain-sibling-{n}") for n in range(siblings))])])
    return PublishedPages(siblings, type(risk).objects.get(pk=page.pk), PlainPage.objects.get(pk=plain_page.pk))
