"""Isolation sweep (issue #4): producer B's user, guessing producer A's ids, by GET and by POST, on every
portal and OCOP dashboard URL we add, gets 404/403 or a page without A's data — and nothing of A's
changes. A producer's user cannot reach administrators' pages; a customer cannot reach the portal.

``test_every_url_of_ours_is_in_the_sweep`` fails when a new portal or OCOP URL is added without a
place here, so the sweep stays complete.
"""

import datetime

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from oscar.core.loading import get_model

from payments import settlements

pytestmark = pytest.mark.django_db

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
Order = get_model("order", "Order")
Line = get_model("order", "Line")

# URL name → which of A's objects goes in the URL (producer pages that take an id).
A_OBJECT_URLS = {
    "portal-product-edit": lambda a: {"pk": a["product"].pk},
    "portal-product-images": lambda a: {"pk": a["product"].pk},
    "portal-order": lambda a: {"number": a["order"].number},
    "portal-settlement": lambda a: {"pk": a["settlement"].pk},
    "portal-settlement-voucher": lambda a: {"pk": a["settlement"].pk},
    "portal-order-einvoice": lambda a: {"number": a["order"].number},
    "portal-order-einvoice-action": lambda a: {"number": a["order"].number},
    "ocop-product": lambda a: {"pk": a["product"].pk},
    "ocop-certificate-scan": lambda a: {"pk": a["product"].ocop_certificates.exclude(scan="").first().pk},
    "ocop-file": lambda a: {"pk": _a_file_job(a).pk},
    "ocop-file-download": lambda a: {"pk": _a_file_job(a).pk},
}
# Producer pages without an id: B gets its own data, nothing of A's.
PRODUCER_PAGES = {
    "portal-home",
    "portal-products",
    "portal-product-create",
    "portal-stock-prices",
    "portal-orders",
    "portal-sales",
    "portal-sales-csv",
    "portal-settlements",
    "portal-team",
    "portal-switch",
    "portal-profile",
    "portal-payout-account",
    "ocop-my-products",
    "ocop-files",
}
# Administrators' pages (reviewers, programme staff).
ADMIN_URLS = {
    "ocop-review-queue": lambda a: {},
    "ocop-review-detail": lambda a: {"pk": a["product"].pk},
    "ocop-producers": lambda a: {},
    "ocop-application": lambda a: {"pk": a["producer"].pk},
    "ocop-application-scan": lambda a: {"pk": a["producer"].pk},
    "ocop-assistants": lambda a: {},
    "ocop-figures": lambda a: {},
    "ocop-figures-csv": lambda a: {},
    "ocop-settlements": lambda a: {},
    "ocop-settlement": lambda a: {"pk": a["settlement"].pk},
    "ocop-settlement-voucher": lambda a: {"pk": a["settlement"].pk},
    "ocop-settlement-batch": lambda a: {},
    "ocop-withholding-declaration": lambda a: {},
    "ocop-einvoice-xml": lambda a: {"number": a["order"].number, "partner_id": a["producer"].pk},
    "ocop-registry-count": lambda a: {},
    "ocop-registry-import": lambda a: {},
    "ocop-registry-import-detail": lambda a: {"pk": _a_registry_import(a).pk},
    "ocop-registry-import-progress": lambda a: {"pk": _a_registry_import(a).pk},
    "ocop-registry-import-report": lambda a: {"pk": _a_registry_import(a).pk},
    "ocop-shipping": lambda a: {},
    "ocop-shipping-zone": lambda a: {"zone": "province"},
    "ocop-payments": lambda a: {},
    "ocop-payment-statement": lambda a: {},
    "ocop-uncertified": lambda a: {},
    "ocop-revocations": lambda a: {},
    "ocop-certificate-checks": lambda a: {},
    "ocop-payout-accounts": lambda a: {},
    "ocop-officers": lambda a: {},
    "ocop-communes": lambda a: {},
    "ocop-commune": lambda a: {"province": a["producer"].province_code, "ward": a["producer"].ward_code or 0},
    # Oscar's own commerce pages, staff-only in our forks
    "catalogue-product-list": lambda a: {},
    "catalogue-product": lambda a: {"pk": a["product"].pk},
    "order-list": lambda a: {},
    "order-detail": lambda a: {"number": a["order"].number},
}
ACTIONS = [
    "confirm",
    "ship",
    "cancel",
    "remove",
    "revoke",
    "invite",
    "delete",
    "up",
    "down",
    "submit",
    "mark_paid",
    "prepare",
    "verify",
    "suspend",
    "reject",
    "grant",
    "received",
    "reviewed",
    "keep_on_sale",
    "extend_decision",
    "end_decision",
    "approve",
    "contact",
    "remove_picture",
]


def _a_registry_import(a):
    """A dry run of A's province's OCOP list (shop.registry)."""
    from shop.registry.models import RegistryImport

    return RegistryImport.objects.create(
        province_code=a["producer"].province_code or 15, as_of=datetime.date(2025, 7, 1), source="QĐ 1"
    )


def _a_file_job(a):
    """A's sales CSV, done, in A's user's files."""
    from django.core.files.base import ContentFile

    from shop.dashboard.files import kinds
    from shop.jobs.models import FileJob

    job = FileJob(user=a["user"], partner=a["producer"], kind=kinds.SALES_CSV, status=FileJob.Status.DONE)
    job.params = {"date_from": "2026-01-01", "date_to": "2026-01-31"}
    job.result.save("result.csv", ContentFile(f"\ufeff{a['producer'].name}".encode()), save=False)
    job.result_name = "doanh-so_2026-01-01_2026-01-31.csv"
    job.save()
    return job


def _our_dashboard_url_names():
    names = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif (
                isinstance(pattern, URLPattern)
                and namespace == "dashboard"
                and pattern.name
                and pattern.name.startswith(("portal-", "ocop-"))
            ):
                names.add(pattern.name)

    walk(get_resolver().url_patterns, None)
    return names


@pytest.fixture
def producer_a(producer_user):
    producer = producer_user.partners.get()
    product = Product.objects.get(upc="LC-001")
    order = (
        Order.objects.filter(lines__partner=producer)
        .exclude(lines__partner__in=Partner.objects.exclude(pk=producer.pk))
        .distinct()
        .first()
    )
    last_month = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
    settlement = settlements.statement_for(producer, last_month.year, last_month.month)
    assert order is not None and settlement is not None
    return {"producer": producer, "product": product, "order": order, "settlement": settlement, "user": producer_user}


def _fingerprint(a):
    """Everything of A's that a request by B must not change."""
    producer = Partner.objects.get(pk=a["producer"].pk)
    products = Product.objects.filter(stockrecords__partner=producer).order_by("pk")
    lines = Line.objects.filter(partner=producer).order_by("pk")
    return {
        "producer": (producer.name, producer.phone, producer.verification_status, producer.director_id),
        "users": sorted(producer.users.values_list("pk", flat=True)),
        "assistants": sorted(producer.assistants.values_list("pk", flat=True)),
        "invitations": list(producer.invitations.values_list("pk", "revoked_at", "accepted_at")),
        "products": list(products.values_list("pk", "title", "description", "review_status", "is_public")),
        "stock": list(producer.stockrecords.order_by("pk").values_list("pk", "price", "num_in_stock", "num_allocated")),
        "images": list(
            get_model("catalogue", "ProductImage")
            .objects.filter(product__in=products)
            .order_by("pk")
            .values_list("pk", "display_order")
        ),
        "certificates": list(
            get_model("catalogue", "OcopCertificate")
            .objects.filter(product__in=products)
            .order_by("pk")
            .values_list("pk", "review")
        ),
        "lines": list(lines.values_list("pk", "status")),
        "orders": list(
            Order.objects.filter(lines__partner=producer).distinct().order_by("pk").values_list("pk", "status")
        ),
        "shipping_events": get_model("order", "ShippingEvent").objects.filter(order__lines__partner=producer).count(),
        "settlements": list(producer.settlements.order_by("pk").values_list("pk", "status", "net_amount")),
    }


def _hostile_posts(a):
    """POST bodies naming A's objects in every field name our forms use."""
    product, order = a["product"], a["order"]
    line_ids = list(order.lines.filter(partner=a["producer"]).values_list("pk", flat=True))
    stockrecord = product.stockrecords.get()
    image = product.images.first()
    common = {
        "lines": line_ids,
        "line": line_ids[0],
        "carrier": "Giao Hàng Nhanh",
        "tracking_number": "GHN123",
        "reason": "Thử truy cập trái phép",
        "pk": product.pk,
        "id": product.pk,
        "product": product.pk,
        "image": image.pk if image else "",
        "user": a["user"].pk,
        "producer": a["producer"].pk,
        "invitation": "1",
        "settlement": a["settlement"].pk,
        "payment_reference": "CK-HACK",
        "email": "ke-gian@example.vn",
        "title": "Đổi tên trái phép",
        "grant": "1",
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "form-0-id": stockrecord.pk,
        "form-0-price": "1",
        "form-0-num_in_stock": "0",
    }
    return [{**common, "action": action} for action in ACTIONS]


def test_every_url_of_ours_is_in_the_sweep():
    covered = set(A_OBJECT_URLS) | PRODUCER_PAGES | {name for name in ADMIN_URLS if name.startswith("ocop-")}
    assert _our_dashboard_url_names() == covered


@pytest.mark.parametrize("url_name", sorted(A_OBJECT_URLS))
def test_b_gets_404_for_a_objects_by_get_and_post_and_nothing_changes(client, producer_a, user_b, url_name):
    url = reverse(f"dashboard:{url_name}", kwargs=A_OBJECT_URLS[url_name](producer_a))
    before = _fingerprint(producer_a)
    client.force_login(user_b)
    assert client.get(url).status_code in (403, 404)
    for body in _hostile_posts(producer_a):
        assert client.post(url, body).status_code in (403, 404, 405), body["action"]  # 405: read-only page
    assert _fingerprint(producer_a) == before


@pytest.mark.parametrize("url_name", sorted(PRODUCER_PAGES))
def test_b_pages_show_nothing_of_a_and_posts_naming_a_change_nothing(client, producer_a, user_b, url_name):
    url = reverse(f"dashboard:{url_name}")
    before = _fingerprint(producer_a)
    client.force_login(user_b)
    response = client.get(url)
    assert response.status_code in (200, 405)  # the switcher only takes POSTs
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8-sig")
    for product in Product.objects.filter(stockrecords__partner=producer_a["producer"]):
        assert product.title not in text, f"{url_name} shows A's product {product.upc}"
    assert producer_a["order"].number not in text
    assert producer_a["producer"].name not in text
    for body in _hostile_posts(producer_a):
        client.post(url, body)
    assert _fingerprint(producer_a) == before


def _refused(response):
    """403, or a redirect to the login page (Oscar's answer to a user without the permission)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"].startswith(reverse("customer:login"))
    )


@pytest.mark.parametrize("url_name", sorted(ADMIN_URLS))
def test_a_producers_user_cannot_reach_administrators_pages(client, producer_a, url_name):
    url = reverse(f"dashboard:{url_name}", kwargs=ADMIN_URLS[url_name](producer_a))
    before = _fingerprint(producer_a)
    client.force_login(producer_a["user"])
    assert _refused(client.get(url))
    for body in _hostile_posts(producer_a):
        assert _refused(client.post(url, body)), body["action"]
    assert _fingerprint(producer_a) == before


@pytest.mark.parametrize("url_name", sorted(set(A_OBJECT_URLS) | PRODUCER_PAGES))
def test_a_customer_cannot_reach_the_portal(client, customer, producer_a, url_name):
    kwargs = A_OBJECT_URLS[url_name](producer_a) if url_name in A_OBJECT_URLS else {}
    client.force_login(customer)
    assert _refused(client.get(reverse(f"dashboard:{url_name}", kwargs=kwargs)))
