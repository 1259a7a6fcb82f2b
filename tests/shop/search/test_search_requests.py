"""How many requests the product lists send to Elasticsearch (issue 20): one products request carries a list's
page of hits, its total and its facet counts; a search adds one request to the pages index."""

import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from elastic_transport import Transport
from oscar.core.loading import get_model

from shop.core import changes
from shop.search.backends import ElasticsearchProductSearch

pytestmark = pytest.mark.django_db
Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")


@pytest.fixture
def es_requests(monkeypatch):
    """The targets of every request sent to Elasticsearch ("/<index>/_search")."""
    sent = []
    perform = Transport.perform_request

    def counted(transport, method, target, *args, **kwargs):
        sent.append(target)
        return perform(transport, method, target, *args, **kwargs)

    monkeypatch.setattr(Transport, "perform_request", counted)
    return sent


def _products_requests(sent):
    return [target for target in sent if "-products" in target]


def _busy_category():
    """A public category with products on sale in it (or below it)."""
    for category in Category.objects.filter(is_public=True).order_by("depth", "path"):
        if ElasticsearchProductSearch().search("", categories=category.get_descendants_and_self()).count() > 1:
            return category
    raise AssertionError("the demo has no category with products")


def test_catalogue_list_makes_one_products_request(client, es_requests):
    response = client.get(reverse("catalogue:index"))
    assert response.status_code == 200 and response.context["products"] and response.context["facets"]
    assert len(_products_requests(es_requests)) == 1, es_requests


def test_category_page_makes_one_products_request(client, es_requests):
    category = _busy_category()
    es_requests.clear()
    response = client.get(category.get_absolute_url())
    assert response.status_code == 200 and response.context["products"] and response.context["facets"]
    assert len(_products_requests(es_requests)) == 1, es_requests


def test_category_page_with_a_chosen_facet_makes_one_products_request(client, es_requests):
    category = _busy_category()
    listed = client.get(category.get_absolute_url()).context["products"]
    group = listed[0].ocop_group
    es_requests.clear()
    response = client.get(category.get_absolute_url(), {"group": group})
    assert response.status_code == 200
    assert response.context["products"] and {p.ocop_group for p in response.context["products"]} == {group}
    facet = next(f for f in response.context["facets"] if f.key == "group")
    assert any(b["selected"] and b["value"] == group for b in facet.buckets)
    assert len(_products_requests(es_requests)) == 1, es_requests


def test_search_page_makes_at_most_two_requests(client, es_requests):
    response = client.get(reverse("search:search"), {"q": "mat ong"})
    assert response.status_code == 200 and response.context["products"]
    assert len(_products_requests(es_requests)) == 1, es_requests
    assert len(es_requests) <= 2, es_requests


def test_every_page_of_a_list_shows_its_own_hits_in_one_request(client, es_requests):
    everything = list(ElasticsearchProductSearch().search("")[0:1000])
    pages = -(-len(everything) // 24)
    assert pages >= 1
    shown = []
    for number in range(1, pages + 1):
        es_requests.clear()
        response = client.get(reverse("catalogue:index"), {"page": number})
        assert response.status_code == 200
        assert len(_products_requests(es_requests)) == 1, es_requests
        shown.extend(p.pk for p in response.context["products"])
    assert shown == [p.pk for p in everything]
    assert client.get(reverse("catalogue:index"), {"page": pages + 1}).status_code == 404
    assert client.get(reverse("catalogue:index"), {"page": "last"}).context["page_obj"].number == pages


def test_producer_facet_labels_are_read_once_per_content_version(client):
    client.get(reverse("catalogue:index"))
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("catalogue:index"))
    producers = next(f for f in response.context["facets"] if f.key == "producer")
    assert all(bucket["label"] != bucket["value"] for bucket in producers.buckets)
    labels = '"partner_partner"."name" AS "name" FROM "partner_partner"'
    assert not [q["sql"] for q in queries.captured_queries if labels in q["sql"]]
    # A producer's new name shows at once: its edit announces a change (a new content version).
    partner = Partner.objects.get(pk=int(producers.buckets[0]["value"]))
    partner.name = "Hợp tác xã Tên Mới"
    partner.save()
    changes.producer_changed(partner)
    producers = next(f for f in client.get(reverse("catalogue:index")).context["facets"] if f.key == "producer")
    assert "Hợp tác xã Tên Mới" in [bucket["label"] for bucket in producers.buckets]
