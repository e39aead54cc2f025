"""Search indexing of article pages: once per page and transaction, with the topics saved after the page row.

Wagtail's post_save handler indexes a page as its row is saved, before its topics are; the mixin
indexes it again once they are. Inside ``index_article_pages_on_commit()`` both wait for the commit.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import models, transaction
from django.db.models.signals import post_save
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.search.tasks import insert_or_update_object_task

from .article_types import get_article_page_models

#: The article pages saved inside ``index_article_pages_on_commit()``, as the index task's arguments.
_pages_to_index_on_commit: ContextVar[set[tuple[str, str, str]] | None] = ContextVar(
    "wagtail_kratom_pages_to_index_on_commit", default=None
)


@contextmanager
def index_article_pages_on_commit() -> Iterator[None]:
    """Index each article page saved in the block once, when the transaction commits, instead of on every save.

    A page the importer writes is saved two to four times (created, revision, published), and each
    save would index it twice: Wagtail's post_save handler, then ``ArticleIndexingMixin.save()`` for
    its topics. In the block the pages are only noted; the same index task is enqueued once per
    page when the surrounding transaction commits, and never for one that rolls back. A block
    inside another joins it.

    Wagtail's post_save index handler is disconnected from the article page models meanwhile. An
    article page saved in another thread is still indexed, by ``ArticleIndexingMixin.save()`` itself.
    """
    if _pages_to_index_on_commit.get() is not None:
        yield
        return
    pages_to_index: set[tuple[str, str, str]] = set()
    token = _pages_to_index_on_commit.set(pages_to_index)
    paused_models = [
        model for model in get_article_page_models() if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        yield
    finally:
        for model in paused_models:
            post_save.connect(post_save_signal_handler, sender=model)
        _pages_to_index_on_commit.reset(token)
        if pages_to_index:
            # Robust: the pages are committed by then; a failing task backend is logged, not raised as a failed write.
            transaction.on_commit(lambda: enqueue_index_updates(sorted(pages_to_index)), robust=True)


def enqueue_index_updates(pages_to_index: list[tuple[str, str, str]]) -> None:
    """Enqueue Wagtail's index task for each (app label, model name, pk).

    In one transaction: the immediate task backend runs the tasks here, and SQLite would commit each write alone.
    """
    with transaction.atomic():
        for index_key in pages_to_index:
            insert_or_update_object_task.enqueue(*index_key)


class ArticleIndexingMixin(models.Model):
    """Indexes the page again once its topics are saved, or notes it for ``index_article_pages_on_commit()``."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        index_key = (self._meta.app_label, self._meta.model_name, str(self.pk))
        if (pages_to_index := _pages_to_index_on_commit.get()) is not None:
            pages_to_index.add(index_key)
        else:
            # Topics are committed after the page row, so the post_save index update missed any new ones.
            # Enqueue the same task Wagtail's post_save handler uses, so the project's task backend decides when.
            insert_or_update_object_task.enqueue(*index_key)
        return result
