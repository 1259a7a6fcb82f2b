"""Editorial pages (Wagtail) are found by search beside products, with the same Vietnamese folding,
on both backends, and leave the index when unpublished."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from cms.models import PolicyPage
from shop.search import indexing, pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def return_policy():
    return PolicyPage.objects.live().get(locale__language_code="vi", slug="chinh-sach-doi-tra")


def _titles(found):
    return [page.title for page in found]


@pytest.mark.parametrize("elasticsearch_url", ["from-settings", ""])
@pytest.mark.parametrize("query", ["chính sách đổi trả", "chinh sach doi tra", "hoan tien"])
def test_policy_pages_are_found_with_or_without_diacritics(settings, elasticsearch_url, query, return_policy):
    if elasticsearch_url == "":
        settings.ELASTICSEARCH_URL = ""  # the database backend of `make run`
    assert return_policy.title in _titles(pages.search(query))


def test_words_not_in_any_page_find_nothing():
    assert pages.search("xyzzy khong co") == []
    assert pages.search("") == []


def test_pages_are_searched_in_the_language_being_browsed(return_policy):
    with translation.override("en"):
        titles = _titles(pages.search("returns exchanges"))
    assert "Returns and exchanges" in titles and return_policy.title not in titles


def test_the_home_page_itself_is_not_a_search_result():
    home_titles = set(Page.objects.filter(depth=2).values_list("title", flat=True))
    assert not home_titles & set(_titles(pages.search("OCOP")))


def test_unpublishing_removes_the_page_and_publishing_brings_it_back(return_policy, django_capture_on_commit_callbacks):
    try:
        with django_capture_on_commit_callbacks(execute=True):
            return_policy.unpublish()
        assert return_policy.title not in _titles(pages._search_elasticsearch("chinh sach doi tra"))
        with django_capture_on_commit_callbacks(execute=True):
            return_policy.save_revision().publish()
        assert return_policy.title in _titles(pages._search_elasticsearch("chinh sach doi tra"))
    finally:
        pages.update_page(return_policy.pk)


def test_results_page_shows_articles_and_products_separately(client, return_policy):
    response = client.get(reverse("search:search"), {"q": "doi tra"})
    html = response.content.decode()
    assert response.status_code == 200
    # The return policy first; the privacy notice, which names the right to return goods too, may follow.
    assert response.context["articles"][0]["title"] == return_policy.title
    assert html.index('id="search-articles-heading"') < html.index('id="search-products-heading"')
    assert return_policy.url in html


def test_the_search_page_keeps_its_articles_until_a_page_changes(
    client, return_policy, monkeypatch, django_capture_on_commit_callbacks
):
    """The articles a query finds are read once per content version: the next searches ask no index for them,
    and unpublishing a page (announced) takes it off the results page at once."""
    asked = []
    real_search = pages.search
    monkeypatch.setattr(pages, "search", lambda query: asked.append(query) or real_search(query))

    def titles():
        response = client.get(reverse("search:search"), {"q": "doi tra"})
        return [article["title"] for article in response.context["articles"]]

    assert return_policy.title in titles()
    assert return_policy.title in titles()
    assert asked == ["doi tra"]
    try:
        with django_capture_on_commit_callbacks(execute=True):
            return_policy.unpublish()
        assert return_policy.title not in titles()
        assert len(asked) == 2
    finally:
        with django_capture_on_commit_callbacks(execute=True):
            return_policy.save_revision().publish()
        pages.update_page(return_policy.pk)


def test_content_search_falls_back_to_the_database_when_elasticsearch_is_down(return_policy, caplog):
    with override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9"):
        found = pages.search("chinh sach doi tra")
    assert return_policy.title in _titles(found)
    assert "Elasticsearch unavailable for content search" in caplog.text


def test_rebuild_indexes_every_searchable_page():
    _index, count = pages.rebuild()
    assert count == pages.searchable_pages().count() >= 2
    assert indexing.client().count(index=pages.index_name())["count"] == count


def test_a_page_change_hands_its_document_to_the_worker_once_after_commit(
    return_policy, monkeypatch, django_capture_on_commit_callbacks
):
    """Publishing in the editor must not wait for Elasticsearch (during an outage each publish waited for the
    client's retries): the request enqueues one task per page and transaction; the worker updates the index."""
    from django_tasks.signals import task_enqueued

    from shop.search import listeners

    updated, queued = [], []
    monkeypatch.setattr(pages, "update_page", updated.append)

    def record(sender, task_result, **kwargs):
        queued.append((task_result.task.module_path, task_result.args))

    task_enqueued.connect(record)
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            listeners.page_changed(return_policy.pk)
            listeners.page_changed(return_policy.pk)  # a second change in the same transaction
            assert updated == [] and queued == []  # nothing before the commit
        for callback in callbacks:
            callback()
    finally:
        task_enqueued.disconnect(record)
    assert queued == [("shop.search.tasks.update_page_document", [return_policy.pk])]
    assert updated == [return_policy.pk]  # the immediate backend of the tests ran it
