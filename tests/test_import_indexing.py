"""Imported pages are indexed for search once per article, when its transaction commits, however full the parent."""

from collections import Counter

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks.signals import task_enqueued
from wagtail.models import Page

from bench.import_speed import generated_article
from tests.test_import import CLEAN_ARTICLE
from tests.utils import (
    admin_form_data,
    go_live_without_review,
    make_reviewer,
    make_test_page,
    refuse_child_pages,
    rich_text,
)
from wagtail_kratom import importer
from wagtail_kratom.importer import import_article
from wagtail_kratom.indexing import index_article_pages_on_commit
from wagtail_kratom.models import RiskSectionPage
from wagtail_kratom.publishing import parse

pytestmark = pytest.mark.django_db

SEARCH_TASK = "insert_or_update_object_task"
REFERENCE_TASK = "update_reference_index_task"


def article(number: int):
    """A parsed article, as the import benchmark generates them: a hub with a risk page and a safe-use guide."""
    return parse(generated_article(number), format="text")


def search(query, queryset=None) -> set[int]:
    return {page.pk for page in (queryset or Page.objects.all()).search(query)}


@pytest.fixture
def enqueued():
    """The names of the tasks enqueued during the test, in order."""
    names = []

    def record(sender, task_result, **kwargs):
        names.append(task_result.task.name)

    task_enqueued.connect(record)
    yield names
    task_enqueued.disconnect(record)


def test_imported_pages_are_found_by_words_in_their_text(home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = import_article(article(1), home)
    hub, risk, guide = (outcome.page.pk for outcome in result.pages)
    assert search("mitragynine") == {hub}
    assert search("urine") == {risk}
    assert search("respondents") == {guide}


def test_published_pages_are_found_among_live_pages(home, django_capture_on_commit_callbacks, settings):
    go_live_without_review(settings)
    with django_capture_on_commit_callbacks(execute=True):
        result = import_article(parse(CLEAN_ARTICLE, format="text"), home, publish=True)
    assert all(outcome.published for outcome in result.pages)
    assert search("laboratory", Page.objects.live()) == {result.pages[1].page.pk}


def test_each_page_is_indexed_once_when_the_article_commits(home, enqueued, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        import_article(article(1), home)
        assert Counter(enqueued) == {REFERENCE_TASK: 3}
    assert search("mitragynine") == set()

    for callback in callbacks:
        callback()
    assert Counter(enqueued) == {REFERENCE_TASK: 3, SEARCH_TASK: 3}
    assert search("mitragynine") != set()


def test_a_dry_run_or_a_failed_article_is_not_indexed(home, enqueued, monkeypatch, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        import_article(article(1), home, dry_run=True)
    assert callbacks == []

    refuse_child_pages(monkeypatch)
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(importer.ImportRefused):
        import_article(article(2), home)
    assert callbacks == []
    assert SEARCH_TASK not in enqueued
    assert search("mitragynine") == set()


def test_an_article_costs_the_same_queries_and_index_tasks_however_many_siblings(
    home, enqueued, django_capture_on_commit_callbacks
):
    def import_counted(number: int) -> tuple[int, Counter]:
        enqueued.clear()
        with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
            import_article(article(number), home)
        return len(queries), Counter(enqueued)

    import_counted(0)
    next_to_one_sibling = import_counted(1)
    for number in range(2, 30):
        import_article(article(number), home)
    next_to_thirty_siblings = import_counted(30)

    assert home.get_children().count() == 31
    assert next_to_thirty_siblings == next_to_one_sibling
    assert next_to_one_sibling[1] == {SEARCH_TASK: 3, REFERENCE_TASK: 3}


def test_topics_saved_in_the_block_are_indexed_when_it_commits(home, django_capture_on_commit_callbacks):
    page = make_test_page(home, RiskSectionPage, title="Liver injury", slug="liver")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic(), index_article_pages_on_commit():
        page.topics.add("hepatotoxicity")
        page.save_revision().publish()
    assert search("hepatotoxicity", Page.objects.live()) == {page.pk}


def test_after_an_import_a_save_is_indexed_as_before(home, enqueued, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        import_article(article(1), home)
    page = RiskSectionPage.objects.get()
    enqueued.clear()
    page.save()
    # Wagtail's post_save handler is connected again, and the page's own save indexes its topics.
    assert Counter(enqueued) == {SEARCH_TASK: 2, REFERENCE_TASK: 1}


def test_an_admin_save_after_an_import_indexes_the_topics(admin_client, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        import_article(article(1), home)
    url = reverse("wagtailadmin_pages:add", args=("wagtail_kratom", "risksectionpage", home.pk))
    data = admin_form_data(
        [("What is known", [("paragraph", rich_text("<p>Case reports.</p>"))])],
        medical_reviewer=str(make_reviewer().pk),
    )
    data.update({"topics": "hepatotoxicity", "action-publish": "action-publish"})
    assert admin_client.post(url, data).status_code == 302
    page = RiskSectionPage.objects.get(slug="kratom-and-the-liver")
    assert search("hepatotoxicity", Page.objects.live()) == {page.pk}
