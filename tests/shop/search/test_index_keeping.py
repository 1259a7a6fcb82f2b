"""Keeping the index true beyond single workflow transitions: marks and the sweep, producer changes,
popularity (best-selling), attributes and reserved stock — against the real Elasticsearch.

Documents these tests reindex are put back afterwards by the autouse fixture in tests/conftest.py."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from oscar.core.loading import get_class, get_model
from oscar.test import factories as oscar_factories

from shop.core import changes
from shop.search import indexing
from shop.search.backends import DatabaseProductSearch, ElasticsearchProductSearch
from tests import factories

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
ReindexMark = get_model("search", "ReindexMark")
ProductAttribute = get_model("catalogue", "ProductAttribute")
Default = get_class("partner.strategy", "Default")

DOWN = "http://127.0.0.1:9"  # nothing listens there


def _document(product):
    return indexing.client().get(index=indexing.index_name(), id=product.pk)["_source"]


def _indexed(product):
    """``product`` with its document in the index, as the workflow's on-commit reindex would leave it."""
    indexing.update_products([product.pk])
    return product


def test_a_change_made_while_elasticsearch_is_down_is_swept_in_when_it_returns(django_capture_on_commit_callbacks):
    product = _indexed(factories.product())
    stockrecord = product.stockrecords.get()
    stockrecord.price = 777000
    stockrecord.save()
    with override_settings(ELASTICSEARCH_URL=DOWN), django_capture_on_commit_callbacks(execute=True):
        changes.product_changed(product.pk)  # the task runs on commit and fails
    assert ReindexMark.objects.filter(product_id=product.pk).exists(), "the missed update stays marked"
    assert _document(product)["price"] != 777000

    call_command("search_index", "sweep")  # Elasticsearch is back
    assert _document(product)["price"] == 777000
    assert not ReindexMark.objects.filter(product_id=product.pk).exists()


def test_a_successful_update_clears_its_mark(django_capture_on_commit_callbacks):
    product = factories.product()
    with django_capture_on_commit_callbacks(execute=True):
        changes.product_changed(product.pk)
    assert not ReindexMark.objects.filter(product_id=product.pk).exists()


def test_renaming_a_producer_reaches_its_products_documents(django_capture_on_commit_callbacks):
    product = _indexed(factories.product())
    producer = product.producer
    producer.name = "Hợp tác xã Chè Cổ Thụ Đổi Tên"
    producer.save()
    with django_capture_on_commit_callbacks(execute=True):
        changes.producer_changed(producer)
    assert _document(product)["producer"] == "hợp tác xã chè cổ thụ đổi tên"
    assert product.upc in [p.upc for p in ElasticsearchProductSearch().search("co thu doi ten")[0:10]]


def _units_sold(product):
    from django.db.models import Sum

    lines = get_model("order", "Line").objects.filter(product=product).exclude(status="cancelled")
    return lines.aggregate(units=Sum("quantity"))["units"] or 0


def _sell(product, quantity):
    basket = oscar_factories.create_basket(empty=True)
    basket.strategy = Default()
    basket.add_product(product, quantity)
    return oscar_factories.create_order(basket=basket)


@pytest.mark.parametrize("backend", [DatabaseProductSearch, ElasticsearchProductSearch])
def test_best_selling_sort_puts_the_most_sold_product_first(backend):
    best, second = factories.product(stock=1000), factories.product(stock=1000)
    already_sold = _units_sold(best)  # none yet: more than any demo product once these orders are placed
    _sell(best, 400)
    _sell(second, 300)
    indexing.update_products([best.pk, second.pk])
    upcs = [p.upc for p in backend().search("", sort="best-selling")[0:5]]
    assert upcs[:2] == [best.upc, second.upc]
    if backend is ElasticsearchProductSearch:
        assert _document(best)["popularity"] == already_sold + 400


@pytest.mark.parametrize("backend", [DatabaseProductSearch, ElasticsearchProductSearch])
def test_attribute_values_are_searchable_without_diacritics(backend):
    product = _indexed(factories.product())
    ProductAttribute.objects.create(
        product_class=product.get_product_class(), name="Vùng nguyên liệu", code="vung_nguyen_lieu", type="text"
    )
    product.attr.vung_nguyen_lieu = "Rừng chè Tả Xùa cổ thụ"
    product.save()  # as the product forms save attribute values
    indexing.update_products([product.pk])
    if backend is ElasticsearchProductSearch:
        assert "vùng nguyên liệu: rừng chè tả xùa cổ thụ" in _document(product)["attributes"]  # normalised
    assert product.upc in [p.upc for p in backend().search("ta xua")[0:10]]


def test_stock_reserved_by_open_orders_is_not_in_stock():
    product = _indexed(factories.product())
    stockrecord = product.stockrecords.get()
    stockrecord.num_allocated = stockrecord.num_in_stock
    stockrecord.save()
    indexing.update_products([product.pk])
    assert _document(product)["in_stock"] is False


@pytest.mark.parametrize("backend", [DatabaseProductSearch, ElasticsearchProductSearch])
def test_a_product_whose_certificate_expired_is_not_listed_without_a_decision(backend):
    import datetime

    from django.utils import timezone

    product = _indexed(factories.product(title="Măng ớt Bắc Hà thử nghiệm"))
    assert product.is_public and product.upc in [p.upc for p in backend().search(product.title)[0:10]]
    product.ocop_certificates.update(expires_on=timezone.localdate() - datetime.timedelta(days=1))
    indexing.update_products([product.pk])  # what the expiry job's product_changed does
    assert product.upc not in [p.upc for p in backend().search(product.title)[0:10]]


@pytest.mark.parametrize("backend", [DatabaseProductSearch, ElasticsearchProductSearch])
def test_a_product_kept_on_sale_by_an_administrator_after_revocation_is_listed(backend):
    from cms.demo import workflow as demo_workflow

    kept = Product.objects.get(upc=demo_workflow.REVOKED_KEPT_ON_SALE)
    assert kept.current_certificate() is None
    assert kept.upc in [p.upc for p in backend().search(kept.title)[0:10]]


# --- one reindex task for many changes (issue 19: the worker fell behind a stream of orders) --------------------

DATABASE_QUEUE = override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})


@DATABASE_QUEUE
def test_changes_while_a_reindex_task_waits_queue_no_second_task_and_the_waiting_one_indexes_them_all(
    django_capture_on_commit_callbacks,
):
    from django_tasks_db.models import DBTaskResult

    first, second, third = (factories.product() for _ in range(3))
    for product in (first, second, third):
        stockrecord = product.stockrecords.get()
        stockrecord.price = 654000
        stockrecord.save()
    for product in (first, second, third):  # three orders, one after the other, before the worker's turn
        with django_capture_on_commit_callbacks(execute=True):
            changes.product_changed(product.pk)
    queued = DBTaskResult.objects.filter(task_path="shop.search.tasks.reindex_products")
    assert queued.count() == 1, "one task waits for the three changes"
    assert queued.get().args_kwargs["args"] == [[first.pk]]

    from shop.search.tasks import reindex_products

    reindex_products.call(*queued.get().args_kwargs["args"])  # what the worker runs on its turn
    for product in (first, second, third):
        assert _document(product)["price"] == 654000, "the waiting task took every marked product"
    assert not ReindexMark.objects.filter(product_id__in=[first.pk, second.pk, third.pk]).exists()


@DATABASE_QUEUE
def test_a_change_after_the_waiting_task_was_taken_queues_a_new_one(django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    first, second = factories.product(), factories.product()
    with django_capture_on_commit_callbacks(execute=True):
        changes.product_changed(first.pk)
    DBTaskResult.objects.filter(task_path="shop.search.tasks.reindex_products").update(status="RUNNING")
    with django_capture_on_commit_callbacks(execute=True):
        changes.product_changed(second.pk)  # the running task may have read the marks already
    assert DBTaskResult.objects.filter(task_path="shop.search.tasks.reindex_products", status="READY").count() == 1


def test_a_reindex_task_takes_its_own_products_first_then_the_oldest_marks():
    products = [factories.product() for _ in range(4)]
    indexing.mark([products[1].pk])
    indexing.mark([products[2].pk])
    indexing.mark([products[3].pk])
    assert indexing.with_other_marks([products[0].pk], limit=3) == [products[0].pk, products[1].pk, products[2].pk]


@override_settings(OCOP_SEARCH_WAIT_FOR_REFRESH=False)
def test_in_production_a_write_does_not_wait_for_the_next_refresh(monkeypatch):
    """The worker's task returns once Elasticsearch has the document, not after its next refresh (≤ 1 s per
    task held the one worker in the soak); the tests' settings wait, to search right after."""
    product = factories.product()
    asked = []
    real_bulk = indexing.helpers.bulk

    def bulk(*args, **kwargs):
        asked.append(kwargs.get("refresh"))
        return real_bulk(*args, **kwargs)

    monkeypatch.setattr(indexing.helpers, "bulk", bulk)
    indexing.update_products([product.pk])
    assert asked == [False]
