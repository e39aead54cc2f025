"""Keep derived data current when pages change, and cached pages fresh when what they show changes."""

from django.contrib.auth.signals import user_logged_out
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from . import frontend_cache
from .api.preview import end_previews_of_session
from .disclaimers import Disclaimer
from .gate import require_pages_stay_live_on_site
from .pages import ArticlePageMixin
from .related import refresh_suggestions
from .site_settings import KratomSiteSettings
from .snippets import Contributor


def refresh_suggestions_near(sender, instance, **kwargs):
    """Rank suggestions for a published article and for the pages around it (parent, siblings, children),
    which may now suggest it."""
    if not isinstance(instance, ArticlePageMixin):
        return
    refresh_suggestions(instance)
    neighbours = (
        instance.get_siblings(inclusive=False)
        | instance.get_ancestors().filter(depth=instance.depth - 1)
        | instance.get_children()
    )
    for page in neighbours.live().specific():
        if isinstance(page, ArticlePageMixin):
            refresh_suggestions(page)


def refuse_moves_that_strip_disclaimers(sender, instance, parent_page_after, **kwargs):
    """Every move (admin, bulk, v3, code) asks the gate before Wagtail writes anything."""
    require_pages_stay_live_on_site(instance, parent_page_after.get_site())


def register_purge_handlers() -> None:
    """Purge the pages a change shows on: their cached parts, and through Wagtail's frontend cache backends
    when the app is installed (see ``frontend_cache``)."""
    page_published.connect(
        frontend_cache.purge_pages_around_published_article, dispatch_uid="wagtail_kratom_purge_published"
    )
    page_unpublished.connect(
        frontend_cache.purge_pages_showing_unpublished_article, dispatch_uid="wagtail_kratom_purge_unpublished"
    )
    post_page_move.connect(frontend_cache.purge_pages_around_moved_page, dispatch_uid="wagtail_kratom_purge_moved")
    for signal in (post_save, post_delete):
        signal.connect(
            frontend_cache.purge_restricted_pages,
            sender=PageViewRestriction,
            dispatch_uid="wagtail_kratom_purge_restricted",
        )
    post_save.connect(
        frontend_cache.purge_pages_showing_disclaimer, sender=Disclaimer, dispatch_uid="wagtail_kratom_purge_disclaimer"
    )
    post_save.connect(
        frontend_cache.purge_article_pages_of_site,
        sender=KratomSiteSettings,
        dispatch_uid="wagtail_kratom_purge_site_settings",
    )
    post_save.connect(frontend_cache.purge_pages_of_changed_site, sender=Site, dispatch_uid="wagtail_kratom_purge_site")
    post_save.connect(
        frontend_cache.purge_pages_crediting_contributor,
        sender=Contributor,
        dispatch_uid="wagtail_kratom_purge_contributor",
    )


def register_signal_handlers() -> None:
    user_logged_out.connect(end_previews_of_session, dispatch_uid="wagtail_kratom_end_previews")
    pre_page_move.connect(refuse_moves_that_strip_disclaimers, dispatch_uid="wagtail_kratom_refuse_moves")
    # Suggestions are ranked before pages are purged, so that purges see the new rankings.
    page_published.connect(refresh_suggestions_near, dispatch_uid="wagtail_kratom_refresh_suggestions")
    register_purge_handlers()
