"""Related articles: the ones editors pick for a page, and the ones the package suggests.

Suggestions are ranked when a page is published (``refresh_suggestions``) and kept
as ``SuggestedArticle`` rows; pages are read in batches (``resolve_related_articles``) that fetch
every target of every page at once and keep only live, public ones. A target that
is unpublished, made private, moved away or deleted therefore drops out at once,
and the number of queries does not depend on how many pages or links there are.
"""

from collections.abc import Iterable
from dataclasses import dataclass

import swapper
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import Orderable, Site

from .article_types import ArticlePageBase, get_article_page_models
from .conf import get_setting

swapper.set_app_prefix("wagtailcore", "wagtail")

#: Article roles (``related_role`` on each page type) that readers of one should see next.
COMPLEMENTARY_ROLES = {"risk": "safe_use", "safe_use": "risk"}

#: Points a candidate earns; see docs/related-articles.md.
COMPLEMENT_IN_HUB_SCORE = 8
HUB_SCORE = 4
SAME_HUB_SCORE = 2
SHARED_TOPIC_SCORE = 1
COMPLEMENT_ELSEWHERE_SCORE = 1

#: How many ranked candidates a page keeps for each suggestion it shows, so that
#: suggestions that later disappear leave others to take their place.
CANDIDATES_PER_SUGGESTION = 3

ARTICLE_PAGE_TYPES = [
    "wagtail_kratom.TopicOverviewPage",
    "wagtail_kratom.RiskSectionPage",
    "wagtail_kratom.SafeUseGuidePage",
]


class RelatedArticle(Orderable):
    """One editor-picked link from an article page to another article page."""

    page = ParentalKey(
        swapper.get_model_name("wagtailcore", "Page"),
        on_delete=models.CASCADE,
        related_name="kratom_related_articles",
    )
    target = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("article"),
        help_text=_("A topic overview, risk section or safe-use guide readers should see next."),
    )
    label = models.CharField(
        _("label"),
        max_length=200,
        blank=True,
        help_text=_("Optional text to show instead of the article’s title."),
    )

    panels = [
        PageChooserPanel("target", page_type=ARTICLE_PAGE_TYPES),
        FieldPanel("label"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")
        verbose_name_plural = _("related articles")


class SuggestedArticle(models.Model):
    """One page ranked as a suggestion for an article page, when that page was last published.

    A child of the page, like its picks: page copies and revisions carry the page's suggestions with it.
    """

    page = ParentalKey(
        swapper.get_model_name("wagtailcore", "Page"),
        on_delete=models.CASCADE,
        related_name="kratom_suggested_articles",
    )
    target = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("article"),
        help_text=_("A page to suggest as a related article."),
    )
    # Computed, not written by an editor: Wagtail's usage counts and delete warnings leave it out.
    target.wagtail_reference_index_ignore = True
    rank = models.PositiveSmallIntegerField(
        _("rank"),
        help_text=_("The suggestion’s place in the ranking, from 0; places of pages deleted since stay empty."),
    )

    class Meta:
        ordering = ["rank"]
        verbose_name = _("suggested article")
        verbose_name_plural = _("suggested articles")

    def __str__(self):
        return f"{self.rank + 1}. page {self.target_id}"


def check_related_picks(page, targets: list) -> list[str]:
    """Plain-words problems with an editor's picks: the page itself, a page twice, a non-article, too many."""
    problems = []
    seen = set()
    for target in targets:
        if page.pk is not None and target.pk == page.pk:
            problem = _("A page cannot be related to itself; remove “%(title)s” from Related articles.")
        elif target.pk in seen:
            problem = _("“%(title)s” is picked twice under Related articles; keep one.")
        elif not issubclass(target.specific_class, ArticlePageBase):
            problem = _("“%(title)s” is not a topic overview, risk section or safe-use guide page.")
        else:
            problem = None
        if problem:
            problems.append(problem % {"title": target.get_admin_display_title()})
        seen.add(target.pk)
    max_picks = get_setting("RELATED_ARTICLES_MAX_PICKS")
    if len(targets) > max_picks:
        problems.append(
            _("Pick at most %(max)d related articles; there are %(count)d. Suggestions fill the rest.")
            % {"max": max_picks, "count": len(targets)}
        )
    return problems


# Ranking: plain Python over small records ---------------------------------------------


#: Characters per tree level in a page's materialised path (Wagtail's treebeard ``steplen``).
PAGE_STEPLEN = 4


@dataclass(frozen=True)
class ArticleRef:
    """What ranking needs to know of an article page."""

    id: int
    path: str
    role: str
    title: str
    topics: frozenset[str] = frozenset()

    @property
    def parent_path(self) -> str:
        return self.path[:-PAGE_STEPLEN]


def score_candidate(page: ArticleRef, candidate: ArticleRef) -> int:
    """How relevant ``candidate`` is to readers of ``page``; 0 means not at all."""
    score = SHARED_TOPIC_SCORE * len(page.topics & candidate.topics)
    complementary = COMPLEMENTARY_ROLES.get(page.role) == candidate.role
    if candidate.path == page.parent_path:
        score += HUB_SCORE
    elif candidate.parent_path == page.parent_path:
        score += SAME_HUB_SCORE + (COMPLEMENT_IN_HUB_SCORE if complementary else 0)
    elif complementary and score:
        score += COMPLEMENT_ELSEWHERE_SCORE
    return score


def rank_suggestions(page: ArticleRef, candidates: Iterable[ArticleRef], limit: int) -> list[ArticleRef]:
    """The ``limit`` most relevant candidates, best first; ties go by title, then id, so the order is stable.

    A topic hub lists its own risk and safe-use pages as sections, so they are not suggested to it.
    """
    scored = []
    for candidate in candidates:
        if candidate.id == page.id or (page.role == "overview" and candidate.parent_path == page.path):
            continue
        if score := score_candidate(page, candidate):
            scored.append((-score, candidate.title.casefold(), candidate.id, candidate))
    return [candidate for *_key, candidate in sorted(scored, key=lambda item: item[:3])[:limit]]


# Wagtail side: gather candidates when a page is published, resolve when pages are read ------------


def article_ref(page, topics: Iterable[str] = ()) -> ArticleRef:
    return ArticleRef(
        id=page.pk,
        path=page.path,
        role=page.specific_class.related_role,
        title=page.title,
        topics=frozenset(name.casefold() for name in topics),
    )


def get_site_root_path(page) -> str | None:
    """The ``url_path`` of the root of the site ``page`` is served on (the deepest one), from Wagtail's cache."""
    roots = [root.root_path for root in Site.get_site_root_paths() if (page.url_path or "").startswith(root.root_path)]
    return max(roots, key=len, default=None)


def gather_candidates(page, topics: list[str]) -> list[ArticleRef]:
    """Live, public article pages that could be suggested for ``page``: its hub, its hub's pages, shared topics."""
    base_page_model = swapper.load_model("wagtailcore", "Page")
    neighbours = base_page_model.objects.filter(
        models.Q(path=page.path[:-PAGE_STEPLEN])
        | models.Q(path__startswith=page.path[:-PAGE_STEPLEN], depth=page.depth)
    )
    candidate_ids = set(neighbours.values_list("pk", flat=True))
    for model in get_article_page_models():
        if topics:
            candidate_ids.update(model.objects.filter(topics__name__in=topics).values_list("pk", flat=True))
    site_root_path = get_site_root_path(page)
    return [
        article_ref(candidate, (tag.name for tag in candidate.topics.all()))
        for model in get_article_page_models()
        for candidate in model.objects.filter(pk__in=candidate_ids, url_path__startswith=site_root_path or "/")
        .live()
        .public()
        .defer_streamfields()
        .prefetch_related("topics")
    ]


def refresh_suggestions(page) -> list[int]:
    """Rank and store the pages to suggest on ``page``; called when it is published. Returns their ids."""
    limit = get_setting("RELATED_ARTICLES_SUGGESTIONS") * CANDIDATES_PER_SUGGESTION
    topics = [tag.name for tag in page.topics.all()]
    ranked = rank_suggestions(article_ref(page, topics), gather_candidates(page, topics), limit)
    ids = [candidate.id for candidate in ranked]
    SuggestedArticle.objects.filter(page_id=page.pk).delete()
    suggestions = SuggestedArticle.objects.bulk_create(
        [SuggestedArticle(page_id=page.pk, target_id=target_id, rank=rank) for rank, target_id in enumerate(ids)]
    )
    # The page in memory holds them too, so that saving it again keeps them.
    page.kratom_suggested_articles = suggestions
    return ids


#: Where a related article comes from: the editor's picks, or the suggestions after them.
EDITOR_PICK, SUGGESTION = "editor", "suggested"
RELATED_SOURCES = (EDITOR_PICK, SUGGESTION)


@dataclass
class RelatedArticleItem:
    """One related article as readers see it."""

    page: models.Model
    label: str
    #: ``EDITOR_PICK`` or ``SUGGESTION``.
    source: str

    @property
    def title(self) -> str:
        return self.label or self.page.title


def resolve_related_articles(pages: list) -> None:
    """Work out the related articles of every page in ``pages`` together, in a fixed number of queries.

    Each page gets its editor's picks first, then suggestions not already picked,
    keeping only targets that are live, public article pages on the page's own site.
    """
    base_page_model = swapper.load_model("wagtailcore", "Page")
    prefetch_related_objects(
        [page for page in pages if page.pk], "kratom_related_articles", "kratom_suggested_articles"
    )
    count = get_setting("RELATED_ARTICLES_SUGGESTIONS")
    picks = {id(page): [(link.target_id, link.label) for link in page.kratom_related_articles.all()] for page in pages}
    suggested = {
        id(page): [
            suggestion.target_id
            for suggestion in page.kratom_suggested_articles.all()
            if suggestion.rank < count * CANDIDATES_PER_SUGGESTION
        ]
        for page in pages
    }
    wanted = {target for items in picks.values() for target, _label in items}
    wanted.update(target for ids in suggested.values() for target in ids)
    visible = {}
    if wanted:
        for target in base_page_model.objects.filter(pk__in=wanted).live().public().defer_streamfields().specific():
            if isinstance(target, ArticlePageBase):
                visible[target.pk] = target
    site_root_paths = {target.pk: get_site_root_path(target) for target in visible.values()}
    for page in pages:
        site_root_path = get_site_root_path(page)
        shown = {target for target in visible if site_root_paths[target] == site_root_path}
        items = [
            RelatedArticleItem(visible[target], label, EDITOR_PICK)
            for target, label in picks[id(page)]
            if target in shown
        ]
        taken = {target for target, _label in picks[id(page)]} | {page.pk}
        fresh = [target for target in suggested[id(page)] if target in shown and target not in taken]
        items += [RelatedArticleItem(visible[target], "", SUGGESTION) for target in fresh[:count]]
        page.related_article_items = items


class RelatedArticlesMixin(models.Model):
    """The related articles a page shows readers: its picks (``RelatedArticle``), then ``SuggestedArticle``."""

    #: What the page is to readers, for ranking related-article suggestions: overview, risk or safe_use.
    related_role = "overview"

    class Meta:
        abstract = True

    def get_related_articles(self) -> list:
        """Related articles readers may see: the editor's picks, then suggestions; only live, public pages."""
        if not hasattr(self, "related_article_items"):
            resolve_related_articles([self])
        return self.related_article_items
