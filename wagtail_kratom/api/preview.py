"""Headless previews: the editor's unsaved draft, handed to a decoupled front end through a short-lived token.

Wagtail's preview panel builds the draft page from the editing form; the page's
"Front end" preview mode stores it in the cache under a random token and shows
the front end's preview page (``HEADLESS_PREVIEW_URL``) with that token. The
front end exchanges the token for the draft at the v2 endpoint
``ArticlePagePreviewAPIViewSet``, serialized exactly like a live page.

A token reads nothing once the editor who made it has logged out, or once the page has been
published since: the draft it shows is then either gone from the editor's hands or out of date.
"""

import json
import secrets
from urllib.parse import urlencode

import swapper
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.template.response import TemplateResponse

from ..conf import get_setting

#: The preview mode the article page types add when ``HEADLESS_PREVIEW_URL`` is set.
HEADLESS_PREVIEW_MODE = "headless"

CACHE_KEY_PREFIX = "wagtail_kratom:headless_preview:"

#: Marks an editor's session as logged out, for the tokens made in it.
ENDED_SESSION_KEY_PREFIX = CACHE_KEY_PREFIX + "ended-session:"


def store_preview(page, session_key: str | None = None) -> str:
    """Keep the previewed draft for ``HEADLESS_PREVIEW_SECONDS`` and return the token that reads it.

    ``session_key`` names the editor's session, whose logout ends the token.
    """
    token = secrets.token_urlsafe(24)
    content = {
        "type": page._meta.label_lower,
        "content": page.serializable_data(),
        "session": session_key,
        # The live version the draft was made over; publishing another ends the token.
        "live_revision": page.live_revision_id,
    }
    cache.set(
        CACHE_KEY_PREFIX + token,
        json.dumps(content, cls=DjangoJSONEncoder),
        timeout=get_setting("HEADLESS_PREVIEW_SECONDS"),
    )
    return token


def end_previews_of_session(sender, request, **kwargs) -> None:
    """On ``user_logged_out``: end the tokens made in the session, for as long as any of them could last."""
    session_key = getattr(getattr(request, "session", None), "session_key", None)
    if session_key:
        cache.set(ENDED_SESSION_KEY_PREFIX + session_key, True, timeout=get_setting("HEADLESS_PREVIEW_SECONDS"))


def get_preview_page(token: str):
    """The draft page stored under ``token``, or None when the token is unknown, has expired or was ended."""
    stored = cache.get(CACHE_KEY_PREFIX + token) if token else None
    if stored is None:
        return None
    data = json.loads(stored)
    if data.get("session") and cache.get(ENDED_SESSION_KEY_PREFIX + data["session"]):
        return None
    model = swapper.load_model(*data["type"].split("."))
    content = data["content"]
    existing = model.objects.filter(pk=content.get("pk")).first() if content.get("pk") else None
    if existing is not None and existing.live_revision_id != data.get("live_revision"):
        return None
    if existing is not None:
        # Keep the tree position, site and revisions of the page being edited.
        return existing.with_content_json(content)
    page = model.from_serializable_data(content)
    # A page not yet created has no id; the API's detail fields need one.
    page.pk = page.id = 0
    return page


def serve_headless_preview(page, request) -> TemplateResponse:
    """Show the front end's preview page for ``page``, in Wagtail's preview panel."""
    token = store_preview(page, request.session.session_key)
    query = urlencode({"content_type": page._meta.label_lower, "token": token})
    return TemplateResponse(
        request,
        "wagtail_kratom/headless_preview.html",
        {"page": page, "preview_url": f"{get_setting('HEADLESS_PREVIEW_URL')}?{query}"},
    )
