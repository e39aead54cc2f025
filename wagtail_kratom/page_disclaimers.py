"""The disclaimers an article page shows: its own choices, resolved with its site's defaults.

The rule itself (``disclaimers.resolve_disclaimers``) knows nothing of sites; this mixin finds the
page's site and its defaults, which live in the site settings above the disclaimer snippets.
"""

from django.db import models
from wagtail.models import Site

from .disclaimers import DisclaimerResolution, get_site_for_page, resolve_disclaimers
from .site_settings import KratomSiteSettings, get_site_default_disclaimers


class ArticleDisclaimersMixin(models.Model):
    """Resolves the page's disclaimers; the page's chosen ones are ``ArticlePageDisclaimer`` rows."""

    class Meta:
        abstract = True

    def resolve_disclaimers(self, *, chosen=None, site=None, request=None, site_defaults=None) -> DisclaimerResolution:
        """Resolve the page's disclaimers: its own choices (``chosen`` overrides them) and its site's defaults.

        The defaults are ``site_defaults`` when given (a move checks another site's, or none outside any
        site), else ``site``'s, else the page's own site's: the site the go-live gate checked, whichever
        host name the request came in on (an alias Site with fewer defaults must not strip them). The
        request only lends its cached settings when it is for that site.
        """
        if chosen is None:
            links = self.kratom_disclaimers.all()
            if "kratom_disclaimers" not in getattr(self, "_prefetched_objects_cache", {}):
                links = links.select_related("disclaimer")
            chosen = [link.disclaimer for link in links]
        if site_defaults is None and site is None and request is not None:
            # Wagtail's URL parts name the page's own site (not the request's, on an alias host) from the cached
            # site root paths, without a query.
            request_site = Site.find_for_request(request)
            url_parts = self.get_url_parts() if self.pk else None
            if request_site is not None and url_parts is not None and url_parts[0] == request_site.pk:
                site_defaults = KratomSiteSettings.for_request(request).get_default_disclaimers()
        if site_defaults is None:
            site_defaults = get_site_default_disclaimers(site or get_site_for_page(self))
        return resolve_disclaimers(type(self), chosen, site_defaults)

    def get_unresolved_disclaimer_kinds(self) -> list[str]:
        """The required disclaimer kinds nothing resolves for this page; it may go live only when empty."""
        return self.resolve_disclaimers().missing

    def get_disclaimers(self, request=None) -> list:
        """The disclaimers the page shows, in kind order."""
        return self.resolve_disclaimers(request=request).disclaimers
