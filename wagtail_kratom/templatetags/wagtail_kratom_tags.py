"""Template tags for article pages, usable in a site's own templates too."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from ..breadcrumbs import breadcrumbs
from ..disclaimers import DISCLAIMERS_CONTEXT_KEY, SHOWN_CONTEXT_KEY
from ..fragment_cache import cached_fragment
from ..json_ld import article_json_ld
from ..pages import RiskSectionPageMixin, SafeUseGuidePageMixin, TopicOverviewPageMixin
from ..seo import page_meta

register = template.Library()

# Characters escaped so that JSON cannot close the <script> element it sits in.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


class CachedFragmentNode(template.Node):
    """A part of the page's template, rendered once and then served from the cache (``fragment_cache``)."""

    child_nodelists = ("nodelist",)

    def __init__(self, name: str, nodelist: template.NodeList) -> None:
        self.name, self.nodelist = name, nodelist

    def render(self, context) -> str:
        page = context.get("page")

        def render_part() -> str:
            # What the part shows, read in a fixed number of queries; a cached part needs none of it.
            if hasattr(page, "read_article_data"):
                page.read_article_data()
            return self.nodelist.render(context)

        return cached_fragment(self.name, page, context.get("request"), render_part)


@register.tag
def kratom_cache(parser, token) -> CachedFragmentNode:
    """``{% kratom_cache "article" %}…{% endkratom_cache %}``: keep a part of a live article page in the cache.

    The part is rendered again when the page is published, when the day changes and whenever
    something it shows changes (see ``wagtail_kratom.fragment_cache``). Put nothing in it that
    differs between readers of the same page.
    """
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(
            '{% kratom_cache %} takes the part\'s name in quotes: {% kratom_cache "article" %}'
        )
    nodelist = parser.parse(("endkratom_cache",))
    parser.delete_first_token()
    return CachedFragmentNode(bits[1][1:-1], nodelist)


@register.simple_tag(takes_context=True)
def kratom_json_ld(context, page) -> str:
    """Render the page's schema.org JSON-LD as a ``<script type="application/ld+json">`` element."""
    data = json.dumps(article_json_ld(page, context.get("request")), cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(f'<script type="application/ld+json">{data.translate(JSON_SCRIPT_ESCAPES)}</script>')


@register.inclusion_tag("wagtail_kratom/includes/meta_tags.html", takes_context=True)
def kratom_meta_tags(context, page) -> dict:
    """Render a page's description, canonical link and Open Graph and Twitter card tags; nothing without a page."""
    return {"meta": page_meta(page, context.get("request")) if page else None}


@register.inclusion_tag("wagtail_kratom/includes/breadcrumbs.html", takes_context=True)
def kratom_breadcrumbs(context, page) -> dict:
    """Render the trail from the site's home page to ``page`` (the page's JSON-LD carries it too)."""
    return {"crumbs": breadcrumbs(page, context.get("request"))}


@register.filter
def kratom_reader_label(page) -> str:
    """What a reader calls the kind of article ``page`` is ("Risks"), rather than its model's name."""
    page_class = page.specific_class
    for mixin, label in (
        (TopicOverviewPageMixin, _("Overview")),
        (RiskSectionPageMixin, _("Risks")),
        (SafeUseGuidePageMixin, _("Safer use")),
    ):
        if issubclass(page_class, mixin):
            return label
    return ""


@register.filter
def kratom_full_stop(text: str) -> str:
    """The full stop that ends ``text`` as a sentence: none when it already ends in one ("et al.", "?", "!")."""
    return "" if str(text).rstrip().endswith((".", "?", "!")) else "."


def _disclaimer_state(context) -> tuple[list, set]:
    disclaimers = context.get(DISCLAIMERS_CONTEXT_KEY)
    if disclaimers is None:
        disclaimers = context[DISCLAIMERS_CONTEXT_KEY] = context["page"].get_disclaimers()
    shown = context.get(SHOWN_CONTEXT_KEY)
    if shown is None:
        shown = context[SHOWN_CONTEXT_KEY] = set()
    return disclaimers, shown


def _render(disclaimers: list) -> str:
    return render_to_string("wagtail_kratom/includes/disclaimer.html", {"disclaimers": disclaimers})


@register.simple_tag(takes_context=True)
def kratom_disclaimer(context, kind: str) -> str:
    """Render the page's disclaimers of ``kind``, unless this page render has shown them already."""
    disclaimers, shown = _disclaimer_state(context)
    if kind in shown:
        return ""
    shown.add(kind)
    return _render([disclaimer for disclaimer in disclaimers if disclaimer.kind == kind])


@register.simple_tag(takes_context=True)
def kratom_disclaimers(context) -> str:
    """Render every disclaimer of the page not yet shown in its fixed place."""
    disclaimers, shown = _disclaimer_state(context)
    remaining = [disclaimer for disclaimer in disclaimers if disclaimer.kind not in shown]
    shown.update(disclaimer.kind for disclaimer in remaining)
    return _render(remaining)
