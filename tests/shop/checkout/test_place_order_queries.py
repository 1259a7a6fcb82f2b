"""Placing an order costs the same number of SQL queries for 1 line as for 10 (same producer, same
method): lines, prices, stock and purchase counters are written in bulk.

The product is in the demo campaign's offer (10 % off): Oscar asks each offer's range about every line,
which our ``offer.Range`` answers from one query per range (``shop/offer/models.py``)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from catalogue.listing import for_sale
from tests.shop.checkout.journey import add_to_basket, buyable_products, place_order, reach_preview

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Order = get_model("order", "Order")


def _copies_of(product, count):
    """``count`` more listed products of the same producer (the demo has at most six per producer)."""
    record = product.stockrecords.get()
    certificate = product.ocop_certificates.first()
    copies = []
    for number in range(count):
        copy = Product.objects.get(pk=product.pk)
        copy.pk = copy.id = None
        copy.upc = f"{product.upc}-Q{number}"
        copy.slug = f"{product.slug}-q{number}"
        copy.title = f"{product.title} ({number})"
        copy.save()
        StockRecord.objects.create(
            product=copy,
            partner=record.partner,
            partner_sku=f"{record.partner_sku}-Q{number}",
            price=record.price,
            num_in_stock=50,
            price_currency=record.price_currency,
        )
        if certificate is not None:
            cert = OcopCertificate.objects.get(pk=certificate.pk)
            cert.pk = cert.id = None
            cert.product = copy
            cert.decision_number = f"{certificate.decision_number}-{number}"
            cert.save()
        copies.append(copy)
    return copies


def _place_order_queries(client, products, email):
    for product in products:
        add_to_basket(client, product, 1)
    preview = reach_preview(client, method="cod", email=email)
    with CaptureQueriesContext(connection) as queries:
        response = place_order(client, preview)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Order.objects.get(guest_email=email).lines.count() == len(products)
    # Read once per request (shop.core.request_memo), though Oscar asks for them three or four times.
    sqls = [query["sql"] for query in queries.captured_queries]
    tariff_tables = ('"shipping_zonerate"', '"shipping_rateband"', '"shipping_shippingsettings"')
    assert sum(any(table in sql for table in tariff_tables) for sql in sqls) == 1, "the tariff, in one query"
    assert sum('FROM "offer_range_classes"' in sql for sql in sqls) <= 1, "each offer range's products"
    return len(queries)


def test_place_order_queries_do_not_grow_with_the_number_of_lines():
    Range = get_model("offer", "Range")
    in_offers = Range.objects.values_list("included_products", flat=True)
    product = (
        for_sale(Product.objects.filter(pk__in=in_offers, stockrecords__num_in_stock__gte=5)).order_by("upc").first()
    )
    assert product is not None, "the demo campaign's offer covers products in stock"
    ten = [product, *_copies_of(product, 9)]
    # A first order creates the one-off rows (ledger source type, each product's counters…) that later orders reuse.
    _place_order_queries(Client(), ten, "don.dau.tien@example.vn")
    one_line = _place_order_queries(Client(), [product], "mot.dong@example.vn")
    ten_lines = _place_order_queries(Client(), ten, "muoi.dong@example.vn")
    assert ten_lines == one_line, f"1 line: {one_line} queries, 10 lines: {ten_lines}"
    # The request as a whole, for a guest paying COD under the campaign: basket and offers, the COD limits, the
    # payment, the order and its lines, stock, parcels, counters, consent, the session, and here (the suite runs
    # tasks in the request) the announcement's and the delivery's. 5 fewer since 78c7d17: purchase counters,
    # consent, sold-out and parcels in one statement each, or none; 2 fewer since: the tariff in one query.
    assert one_line <= 76, f"{one_line} queries"


def test_placing_an_order_queues_one_task_per_kind_of_work(django_capture_on_commit_callbacks):
    """The request hands the worker the order's announcement (which renders the producers' notices and the buyer's
    confirmation, then queues one delivery task for all of them: here the immediate backend runs it at once) and
    one reindex, and nothing else. Before, each outbox row got its own delivery task and Wagtail's reference index
    queued one more per row; until the announcement task, the mails were rendered in the request."""
    from django_tasks.signals import task_enqueued

    OutboxMessage = get_model("notifications", "OutboxMessage")
    product = buyable_products(1)[0]
    client = Client()
    add_to_basket(client, product, 1)
    preview = reach_preview(client, method="cod", email="mot.lan.xep.hang@example.vn")
    queued = []

    def record(sender, task_result, **kwargs):
        queued.append((task_result.task.module_path, task_result.args))

    before = set(OutboxMessage.objects.values_list("pk", flat=True))
    task_enqueued.connect(record)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = place_order(client, preview)
    finally:
        task_enqueued.disconnect(record)
    assert response.status_code == 302
    assert Order.objects.filter(guest_email="mot.lan.xep.hang@example.vn").exists()
    written = sorted(set(OutboxMessage.objects.values_list("pk", flat=True)) - before)
    assert len(written) >= 2, "the producer's notice and the buyer's confirmation"
    assert sorted(path for path, _args in queued) == [
        "shop.notifications.tasks.deliver_messages",
        "shop.order.tasks.announce_placed_order",
        "shop.search.tasks.reindex_products",
    ], queued
    (delivered,) = [args[0] for path, args in queued if path.endswith("deliver_messages")]
    assert sorted(delivered) == written


def test_an_order_adds_its_units_to_each_products_purchase_counter():
    """Oscar's purchase counters (the dashboard's product analytics): created for a product sold for the first
    time, added to (not overwritten) for one sold before, its other counters untouched."""
    ProductRecord = get_model("analytics", "ProductRecord")
    first, second = buyable_products(2)
    ProductRecord.objects.filter(product=first).delete()
    ProductRecord.objects.update_or_create(product=second, defaults={"num_purchases": 7, "num_views": 40})
    client = Client()
    add_to_basket(client, first, 2)
    add_to_basket(client, second, 3)
    preview = reach_preview(client, method="cod", email="dem.luot.mua@example.vn")
    assert place_order(client, preview).status_code == 302
    assert Order.objects.filter(guest_email="dem.luot.mua@example.vn").exists()
    assert ProductRecord.objects.get(product=first).num_purchases == 2
    record = ProductRecord.objects.get(product=second)
    assert (record.num_purchases, record.num_views) == (10, 40)
