"""The storefront's province filter (issue 23): a product's province is its producer's; the facet lists the
provinces with products for sale, counted alike by both search backends; the choice is in the URL."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue import listing
from cms.demo import provinces as demo_provinces
from shop.core import addresses
from shop.search.backends import DatabaseProductSearch, ElasticsearchProductSearch
from tests import factories

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
LAO_CAI, SON_LA, CA_MAU = 15, demo_provinces.SON_LA, 96
BACKENDS = [DatabaseProductSearch, ElasticsearchProductSearch]


def _province_counts(results):
    facet = next((facet for facet in results.facets if facet.key == "province"), None)
    return {bucket["value"]: bucket["count"] for bucket in facet.buckets} if facet else {}


def _listed_by_province():
    """{province code as in the URL: products for sale} straight from the one rule of what is for sale."""
    counts = {}
    for code in listing.for_sale().values_list("stockrecords__partner__province_code", flat=True):
        counts[str(code)] = counts.get(str(code), 0) + 1
    return counts


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_province_facet_counts_the_products_for_sale_of_each_province(backend):
    counts = _province_counts(backend().search(""))
    assert counts == _listed_by_province()
    # The demo has Lào Cai and four more provinces (cms/demo/provinces.py).
    assert {str(LAO_CAI), *(str(code) for code in demo_provinces.OFFICES)} <= set(counts)


@pytest.mark.parametrize("backend", BACKENDS)
def test_choosing_a_province_lists_only_its_producers_products(backend):
    results = backend().search("", selections={"province": [str(SON_LA)]})
    listed = list(results[0:100])
    assert listed and {product.producer.province_code for product in listed} == {SON_LA}
    assert results.count() == _listed_by_province()[str(SON_LA)]
    # The province facet ignores its own choice (multi-select): the other provinces keep their counts…
    assert _province_counts(results) == _province_counts(backend().search(""))
    # …and two provinces together list both.
    both = backend().search("", selections={"province": [str(SON_LA), str(LAO_CAI)]})
    assert {p.producer.province_code for p in both[0:200]} == {SON_LA, LAO_CAI}


@pytest.mark.parametrize("backend", BACKENDS)
def test_province_combines_with_the_query_and_other_facets(backend):
    results = backend().search("cà phê", selections={"province": [str(SON_LA)], "group": ["drinks"]})
    titles = [product.title for product in results[0:50]]
    assert titles and all("Cà phê" in title for title in titles)
    assert all(product.producer.province_code == SON_LA for product in results[0:50])


def test_both_backends_count_the_province_facet_identically():
    selections = {"province": [str(SON_LA), str(demo_provinces.LAM_DONG)], "stars": ["3", "4"]}
    database = DatabaseProductSearch().search("", selections=selections)
    elastic = ElasticsearchProductSearch().search("", selections=selections)
    assert _province_counts(database) == _province_counts(elastic)
    assert {p.pk for p in database[0:100]} == {p.pk for p in elastic[0:100]}


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_province_whose_products_are_not_on_sale_is_not_offered(backend):
    producer = factories.producer(province_code=CA_MAU, ward_code=addresses.ward_choices(CA_MAU)[0][0])
    factories.submitted_product(of=producer)  # waiting in the review queue, not for sale
    assert str(CA_MAU) not in _province_counts(backend().search(""))


def test_the_filter_is_a_plain_link_in_the_url(client):
    response = client.get(reverse("catalogue:index"), {"province": str(SON_LA)})
    assert response.status_code == 200
    assert response.context["selections"] == {"province": [str(SON_LA)]}
    facet = next(facet for facet in response.context["facets"] if facet.key == "province")
    son_la = next(bucket for bucket in facet.buckets if bucket["value"] == str(SON_LA))
    lao_cai = next(bucket for bucket in facet.buckets if bucket["value"] == str(LAO_CAI))
    assert son_la["selected"] and son_la["label"] == "Sơn La" and f"province={SON_LA}" not in son_la["url"]
    assert f"province={SON_LA}" in lao_cai["url"] and f"province={LAO_CAI}" in lao_cai["url"]
    page = response.content.decode()
    assert 'data-facet="province"' in page and "Tỉnh/thành phố" in page
    assert {product.producer.province_code for product in response.context["products"]} == {SON_LA}


def test_the_filter_works_on_search_and_category_pages_and_in_english(client):
    search = client.get(reverse("search:search"), {"q": "chè", "province": str(SON_LA)})
    assert {p.producer.province_code for p in search.context["products"]} == {SON_LA}
    category = Product.objects.get(upc="SL-001").categories.first()
    browse = client.get(category.get_absolute_url(), {"province": str(SON_LA)})
    assert [p.upc for p in browse.context["products"]] and all(
        p.producer.province_code == SON_LA for p in browse.context["products"]
    )
    english = client.get("/en" + reverse("catalogue:index"), {"province": str(SON_LA)}, HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 200
    assert "Province/city" in english.content.decode()
    assert {p.producer.province_code for p in english.context["products"]} == {SON_LA}


def test_malformed_province_values_are_ignored(client):
    response = client.get(reverse("catalogue:index"), {"province": ["abc", "٣", "99999999999"]})
    assert response.status_code == 200
    assert response.context["selections"] == {}


def test_product_and_producer_pages_show_the_province_with_a_link_to_its_products(client):
    product = Product.objects.get(upc="SL-003")
    filtered = f"{reverse('catalogue:index')}?province={SON_LA}"
    for page in (product.get_absolute_url(), reverse("producer-shop", kwargs={"code": product.producer.code})):
        html = client.get(page).content.decode()
        assert "Sơn La" in html and filtered in html
