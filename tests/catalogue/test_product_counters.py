"""Oscar's product counters are kept behind the request (catalogue/analytics.py): a product page or an add to
basket writes nothing to PostgreSQL, and the minute's flush folds the buffered events into Oscar's tables —
once, for the right product and account."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from catalogue import analytics, listing
from tests.shop.checkout.journey import add_to_basket

pytestmark = pytest.mark.django_db

ProductRecord = get_model("analytics", "ProductRecord")
UserRecord = get_model("analytics", "UserRecord")
UserProductView = get_model("analytics", "UserProductView")


def _views(product):
    record = ProductRecord.objects.filter(product=product).first()
    return record.num_views if record else 0


@pytest.fixture
def buyer(client, django_user_model):
    user = django_user_model.objects.create_user(email="xem.hang@example.vn", password="mk-2026-xyz")
    client.force_login(user)
    return user


@pytest.fixture
def product():
    return listing.for_sale().filter(stockrecords__num_in_stock__gte=2).order_by("pk").first()


def test_a_product_page_writes_no_analytics_row_in_the_request(client, buyer, product, settings):
    settings.OCOP_PAGE_CACHE_SECONDS = 0
    client.get(product.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        assert client.get(product.get_absolute_url()).status_code == 200
    writes = [q["sql"] for q in queries.captured_queries if q["sql"].split()[0] in ("INSERT", "UPDATE")]
    assert not [sql for sql in writes if "analytics_" in sql], writes


def test_the_flush_counts_each_view_once_for_the_product_and_the_buyer(client, buyer, product):
    analytics.flush_events()
    before = _views(product)
    client.get(product.get_absolute_url())
    client.get(product.get_absolute_url())
    client.logout()
    client.get(product.get_absolute_url())  # anonymous: counted for the product only

    assert analytics.flush_events() == 3
    assert _views(product) == before + 3
    assert UserRecord.objects.get(user=buyer).num_product_views == 2
    assert UserProductView.objects.filter(user=buyer, product=product).count() == 2

    assert analytics.flush_events() == 0  # nothing counted twice
    assert _views(product) == before + 3


def test_adding_to_the_basket_is_counted_by_the_flush(client, buyer, product):
    analytics.flush_events()
    before = ProductRecord.objects.filter(product=product).values_list("num_basket_additions", flat=True).first() or 0
    add_to_basket(client, product)
    analytics.flush_events()
    assert ProductRecord.objects.get(product=product).num_basket_additions == before + 1
    assert UserRecord.objects.get(user=buyer).num_basket_additions == 1


def test_an_event_numbered_but_not_yet_written_is_taken_by_the_next_flush(product):
    analytics.flush_events()
    before = _views(product)
    analytics.record_event(analytics.VIEW, product.pk, None)
    in_flight = cache.incr(analytics.SEQUENCE)  # a web process numbered its event and has not written it yet
    analytics.record_event(analytics.VIEW, product.pk, None)

    assert analytics.flush_events() == 1  # stops before the gap
    cache.set(analytics._key(in_flight), (analytics.VIEW, product.pk, None))
    assert analytics.flush_events() == 2
    assert _views(product) == before + 3


def test_events_of_a_deleted_account_or_product_are_dropped_and_the_rest_counted(product, django_user_model):
    gone = django_user_model.objects.create_user(email="da.xoa@example.vn", password="mk-2026-xyz")
    analytics.flush_events()
    before = _views(product)
    analytics.record_event(analytics.VIEW, product.pk, gone.pk)
    analytics.record_event(analytics.VIEW, 987654, None)
    gone.delete()

    assert analytics.flush_events() == 1
    assert _views(product) == before + 1
    assert not UserProductView.objects.filter(user_id=gone.pk).exists()


def test_counting_goes_on_after_the_shared_cache_was_emptied(product):
    for _ in range(3):
        analytics.record_event(analytics.VIEW, product.pk, None)
    analytics.flush_events()
    before = _views(product)
    cache.clear()  # Redis restarted empty: the sequence starts again below the last number folded in
    cache.set(analytics.FLUSHED, 3, None)
    analytics.record_event(analytics.VIEW, product.pk, None)
    analytics.flush_events()
    assert _views(product) == before + 1


def test_counts_are_added_in_batches_to_existing_and_new_records(monkeypatch):
    """One insert-or-add statement per batch of products, in product order (PostgreSQL's parameter limit), each
    product's counts added to what its record had, a record created for a product counted the first time."""
    from collections import Counter

    Product = get_model("catalogue", "Product")
    ids = list(Product.objects.order_by("pk").values_list("pk", flat=True)[:5])
    ProductRecord.objects.filter(product_id__in=ids).delete()
    ProductRecord.objects.create(product_id=ids[1], num_views=10, num_purchases=3)
    monkeypatch.setattr(analytics, "UPSERT_ROWS", 2)

    with CaptureQueriesContext(connection) as queries:
        analytics.add_counts(
            ProductRecord,
            "product",
            {"num_views": Counter({pk: 2 for pk in ids}), "num_purchases": Counter({ids[1]: 1})},
        )

    assert len(queries) == 3
    records = {r.product_id: (r.num_views, r.num_purchases) for r in ProductRecord.objects.filter(product_id__in=ids)}
    assert records == {pk: (12, 4) if pk == ids[1] else (2, 0) for pk in ids}


def test_an_accounts_counts_are_added_with_its_order_counters_kept(buyer, django_user_model):
    """The accounts' counters are written the same way (``add_counts``): an account's record keeps what placements
    counted (orders, amount spent), a record is created for an account counted the first time."""
    from collections import Counter
    from decimal import Decimal

    other = django_user_model.objects.create_user(email="lan.dau@example.vn", password="mk-2026-xyz")
    UserRecord.objects.filter(user__in=[buyer, other]).delete()
    UserRecord.objects.create(user=buyer, num_product_views=4, num_orders=2, total_spent=Decimal("350000"))

    analytics.add_counts(
        UserRecord,
        "user",
        {"num_product_views": Counter({buyer.pk: 3, other.pk: 1}), "num_basket_additions": Counter({other.pk: 2})},
    )

    mine, theirs = UserRecord.objects.get(user=buyer), UserRecord.objects.get(user=other)
    assert (mine.num_product_views, mine.num_basket_additions, mine.num_orders) == (7, 0, 2)
    assert mine.total_spent == Decimal("350000")
    assert (theirs.num_product_views, theirs.num_basket_additions, theirs.num_orders) == (1, 2, 0)
    assert theirs.total_spent == 0 and theirs.date_last_order is None
