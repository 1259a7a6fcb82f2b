"""Programme figures for administrators: numbers on a known market, period form, CSV, access.

Each test starts from the demo market reset to a known state (no valid
certificate, nothing on sale, no producer verified or with an e-payment
account, no orders), then sets up the few products, producers and orders
whose figures it checks.
"""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone, translation
from oscar.core.loading import get_class, get_model
from oscar.test.factories import create_order

from catalogue.programme.review import ReviewStatus
from shop.dashboard.review import figures as service
from shop.dashboard.review.forms import PeriodForm

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Partner = get_model("partner", "Partner")
Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Selector = get_class("partner.strategy", "Selector")

HANOI = 1  # Thành phố Hà Nội
LAO_CAI = 15
URL = reverse("dashboard:ocop-figures")
CSV_URL = reverse("dashboard:ocop-figures-csv")


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def certify(upc, *, decision=-100, expires=500, stars=None, review=OcopCertificate.Review.APPROVED, **fields):
    """Gives the product's demo certificate known dates and review state."""
    certificate = Product.objects.get(upc=upc).ocop_certificates.get()
    changes = {"decision_date": days(decision), "expires_on": days(expires), "review": review, **fields}
    if stars:
        changes["star_rating"] = stars
    OcopCertificate.objects.filter(pk=certificate.pk).update(**changes)
    return certificate


def list_on_sale(upc):
    Product.objects.filter(upc=upc).update(review_status=ReviewStatus.APPROVED, is_public=True)


@pytest.fixture
def known_market(db, settings):
    """Five products with a current valid certificate, three of them for sale; two provinces."""
    Order.objects.all().delete()
    OcopCertificate.objects.update(review=OcopCertificate.Review.PENDING, revoked_at=None)
    Product.objects.update(review_status=ReviewStatus.DRAFT, is_public=False)
    Partner.objects.update(has_epayment_account=False, verification_status=Partner.Verification.PENDING)
    settings.OCOP_PROVINCE_CERTIFIED_PRODUCTS = {LAO_CAI: 600}

    # Counted: valid, approved certificates.
    certify("LC-005")  # drinks ★5, on sale
    list_on_sale("LC-005")
    certify("LC-006", expires=10)  # drinks ★4, on sale, expires in 10 days
    list_on_sale("LC-006")
    certify("LC-013", expires=60)  # food ★4, not on sale, expires in 60 days
    certify("LC-001")  # herbal ★3, approved, its producer not verified:
    list_on_sale("LC-001")  # not for sale (catalogue.listing), not listed
    certify("LC-019", decision=-10)  # herbal ★5, re-certified (below), on sale
    OcopCertificate.objects.create(
        product=Product.objects.get(upc="LC-019"),
        star_rating=3,
        decision_number="OLD-019",
        decision_date=days(-400),
        expires_on=days(20),
        issuer="UBND tỉnh Lào Cai",
        issuer_level="province",
        review=OcopCertificate.Review.APPROVED,
    )
    list_on_sale("LC-019")
    # Not counted: revoked, expired, still pending review — even when on sale.
    certify("LC-002", revoked_at=timezone.now())
    list_on_sale("LC-002")
    certify("LC-003", decision=-1200, expires=-1)
    list_on_sale("LC-003")
    certify("LC-004", review=OcopCertificate.Review.PENDING)
    list_on_sale("LC-004")

    # The Bảo Yên cinnamon cooperative (LC-019) moves to Hà Nội: a second province.
    Partner.objects.filter(code="htx-que-bao-yen").update(province_code=HANOI)
    verified = ["htx-che-shan-tuyet-suoi-giang", "htx-cam-van-chan", "htx-nong-lam-san-mu-cang-chai", "htx-que-bao-yen"]
    Partner.objects.filter(code__in=verified).update(verification_status=Partner.Verification.VERIFIED)
    Partner.objects.filter(code__in=["htx-che-shan-tuyet-suoi-giang", "htx-que-bao-yen", "hkd-ly-thi-mai"]).update(
        has_epayment_account=True
    )


def place_order(customer, *items, placed=None, status=None):
    """An order placed while its products were for sale (their state and their producers' put back after:
    the order stays, as an order of a product taken off sale since would)."""
    products = [Product.objects.get(upc=upc) for upc, _quantity in items]
    saved = [
        (
            product.pk,
            product.review_status,
            product.is_public,
            product.producer.pk,
            product.producer.verification_status,
        )
        for product in products
    ]
    for product in products:
        list_on_sale(product.upc)
        Partner.objects.filter(pk=product.producer.pk).update(verification_status=Partner.Verification.VERIFIED)
    basket = Basket.objects.create(owner=customer)
    basket.strategy = Selector().strategy()
    for upc, quantity in items:
        basket.add_product(Product.objects.get(upc=upc), quantity=quantity)
    order = create_order(basket=basket, user=customer)
    for pk, review_status, is_public, producer, verification in saved:
        Product.objects.filter(pk=pk).update(review_status=review_status, is_public=is_public)
        Partner.objects.filter(pk=producer).update(verification_status=verification)
    changes = {}
    if placed is not None:
        changes["date_placed"] = placed
    if status is not None:
        changes["status"] = status
    if changes:
        Order.objects.filter(pk=order.pk).update(**changes)
    return order


@pytest.fixture
def known_sales(known_market, customer):
    """In the last 30 days: 1.120.000 ₫ (one order); a cancelled order; an older order."""
    place_order(customer, ("LC-005", 2), ("LC-019", 1))  # 2 × 450.000 + 220.000, now
    place_order(customer, ("LC-013", 3), status="Đã hủy")  # 3 × 350.000, cancelled
    place_order(customer, ("LC-001", 1), placed=timezone.now() - datetime.timedelta(days=40))  # 95.000


def _by_key(rows):
    return {row.key: row for row in rows}


# --- The figures ------------------------------------------------------------------


def test_products_are_counted_by_star_and_group_from_their_current_valid_certificate(known_market):
    figures = service.programme_figures()

    stars = {row.key: (row.certified, row.listed) for row in figures.by_stars}
    assert stars == {3: (1, 0), 4: (2, 1), 5: (2, 2)}
    groups = {row.key: (row.certified, row.listed) for row in figures.by_group}
    assert groups == {
        "food": (1, 0),
        "drinks": (2, 2),
        "herbal": (2, 1),
        "handicraft": (0, 0),
        "ornamental": (0, 0),
        "tourism": (0, 0),
    }
    assert [row.label for row in figures.by_group][:2] == ["Thực phẩm", "Đồ uống"]
    assert (figures.total_certified, figures.total_listed) == (5, 3)


def test_group_labels_follow_the_language(known_market):
    with translation.override("en"):
        labels = [row.label for row in service.programme_figures().by_group]
    assert labels[:3] == ["Food", "Drinks", "Medicinal herbs and herbal products"]


def test_listed_share_uses_the_programmes_province_total(known_market):
    rows = service.programme_figures().listing
    assert [row.province_code for row in rows] == [LAO_CAI, HANOI]  # provinces with a total first
    listing = {row.province_code: row for row in rows}
    lao_cai = listing[LAO_CAI]
    assert (lao_cai.province_name, lao_cai.listed, lao_cai.programme_total) == ("Lào Cai", 2, 600)
    assert lao_cai.share == Decimal("0.3")
    hanoi = listing[HANOI]
    assert (hanoi.listed, hanoi.programme_total, hanoi.share) == (1, None, None)


def test_listed_share_has_no_figure_without_the_setting(known_market, settings, staff_user, client):
    del settings.OCOP_PROVINCE_CERTIFIED_PRODUCTS
    assert all(row.share is None for row in service.programme_figures().listing)

    client.force_login(staff_user)
    assert "chưa có số liệu" in client.get(URL).content.decode()


def test_epayment_share_is_of_verified_producers(known_market):
    epayment = service.programme_figures().epayment
    assert (epayment.with_account, epayment.base, epayment.basis) == (2, 4, "verified")
    assert epayment.share == Decimal("50.0")
    assert (epayment.total_producers, epayment.verified_producers) == (16, 4)


def test_epayment_share_is_of_all_producers_when_none_is_verified(known_market):
    Partner.objects.update(verification_status=Partner.Verification.PENDING)
    epayment = service.programme_figures().epayment
    assert (epayment.with_account, epayment.base, epayment.basis) == (3, 16, "all")
    assert epayment.share == Decimal("18.8")
    assert "chưa có chủ thể nào được xác minh" in epayment.basis_label


def test_expiring_certificates_within_30_and_90_days(known_market):
    figures = service.programme_figures()
    # LC-019's old certificate expires in 20 days, but its current one does not: not listed.
    assert [(p.upc, p.days_left) for p in figures.expiring[30]] == [("LC-006", 10)]
    assert [(p.upc, p.days_left) for p in figures.expiring[90]] == [("LC-006", 10), ("LC-013", 60)]
    soon = figures.expiring[30][0]
    assert (soon.producer, soon.stars, soon.review_status) == (
        "Hợp tác xã Chè Shan tuyết Suối Giàng",
        4,
        ReviewStatus.APPROVED,
    )
    # The page lists each product once, under the shortest horizon it falls in.
    assert [[p.upc for p in section["products"]] for section in figures.expiry_sections] == [["LC-006"], ["LC-013"]]


def test_sales_by_group_and_province_exclude_cancelled_orders(known_sales):
    period = service.Period(days(-29), days(0))
    sales = service.programme_figures(period=period).sales

    assert (sales.revenue, sales.quantity, sales.orders) == (Decimal("1120000"), 3, 1)
    by_group = {key: (row.revenue, row.quantity) for key, row in _by_key(sales.by_group).items()}
    assert by_group == {
        "food": (0, 0),
        "drinks": (Decimal("900000"), 2),
        "herbal": (Decimal("220000"), 1),
        "handicraft": (0, 0),
        "ornamental": (0, 0),
        "tourism": (0, 0),
    }
    assert [(row.key, row.label, row.revenue, row.quantity) for row in sales.by_province] == [
        (LAO_CAI, "Lào Cai", Decimal("900000"), 2),
        (HANOI, "Thành phố Hà Nội", Decimal("220000"), 1),
    ]


def test_a_longer_period_includes_older_orders(known_sales):
    sales = service.programme_figures(period=service.Period(days(-45), days(0))).sales
    assert (sales.revenue, sales.quantity, sales.orders) == (Decimal("1215000"), 4, 2)
    assert _by_key(sales.by_group)["herbal"].revenue == Decimal("315000")


@pytest.mark.parametrize("status", ["Cancelled", "cancelled", "Đã hủy", "Đã huỷ"])
def test_cancelled_statuses_are_not_sales(known_sales, customer, status):
    order = place_order(customer, ("LC-005", 1))
    assert service.counted_order_lines().filter(order=order).exists()
    Order.objects.filter(pk=order.pk).update(status=status)
    assert not service.counted_order_lines().filter(order=order).exists()


# --- The period form --------------------------------------------------------------


def test_period_defaults_to_the_last_30_days():
    form = PeriodForm.from_query({})
    assert form.is_valid()
    assert (form.period().date_from, form.period().date_to) == (days(-29), days(0))
    assert form.period().days == 30


@pytest.mark.parametrize(
    "query, message",
    [
        ({"date_from": "2026-05-02", "date_to": "2026-05-01"}, "Ngày bắt đầu phải trước hoặc trùng ngày kết thúc."),
        ({"date_from": "2023-01-01", "date_to": "2026-01-01"}, "Khoảng thời gian dài nhất là 3 năm."),
    ],
)
def test_period_form_refuses_reversed_or_too_long_periods(query, message):
    form = PeriodForm.from_query(query)
    assert not form.is_valid()
    assert form.non_field_errors() == [message]


def test_period_form_field_errors_are_vietnamese():
    form = PeriodForm.from_query({"date_from": "hôm qua", "date_to": ""})
    assert not form.is_valid()
    assert form.errors == {
        "date_from": ["Ngày không hợp lệ (nhập theo dạng ngày/tháng/năm)."],
        "date_to": ["Nhập ngày kết thúc."],
    }


def test_period_form_accepts_three_years_and_vietnamese_dates():
    form = PeriodForm.from_query({"date_from": "01/01/2023", "date_to": "31/12/2025"})
    assert form.is_valid(), form.errors
    assert form.period() == service.Period(datetime.date(2023, 1, 1), datetime.date(2025, 12, 31))


# --- The page ---------------------------------------------------------------------


def test_page_shows_the_figures(known_sales, staff_user, client):
    client.force_login(staff_user)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()

    assert response.context["figures"].sales.revenue == Decimal("1120000")
    assert "1.120.000 ₫" in html and "900.000 ₫" in html
    assert "0,3 %" in html  # 2 of Lào Cai's 600 OCOP products (LC-001's producer is not verified)
    assert "50,0 %" in html  # e-payment: 2 of 4 verified producers
    assert reverse("dashboard:catalogue-product", kwargs={"pk": Product.objects.get(upc="LC-006").pk}) in html
    assert f"{CSV_URL}?date_from={days(-29).isoformat()}&amp;date_to={days(0).isoformat()}" in html
    assert 'style="width: 100%"' in html and "," not in html.split('style="width: ')[1].split("%")[0]


def test_page_shows_period_errors_and_keeps_the_other_figures(known_market, staff_user, client):
    client.force_login(staff_user)
    response = client.get(URL, {"date_from": "2026-05-02", "date_to": "2026-05-01"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ngày bắt đầu phải trước hoặc trùng ngày kết thúc." in html
    assert response.context["figures"].sales is None
    assert response.context["figures"].total_certified == 5


def test_page_query_count_is_bounded(known_sales, staff_user, client, django_assert_max_num_queries):
    client.force_login(staff_user)
    client.get(URL)  # warm caches (site, content types)
    with django_assert_max_num_queries(QUERIES_MEASURED):
        assert client.get(URL).status_code == 200


# Measured (11): session, user, the figures (one query each: stars × groups, listing,
# e-payment, expiring, sales total / by group / by province), unread notifications, and whether the
# user works for a producer (the portal menu, shop.navigation.portal_access).
QUERIES_MEASURED = 11


# --- CSV --------------------------------------------------------------------------


def test_csv_export_of_the_same_period(known_sales, staff_user, client):
    client.force_login(staff_user)
    query = {"date_from": days(-45).isoformat(), "date_to": days(0).isoformat()}
    response = client.get(CSV_URL, query)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="so-lieu-ocop_{query["date_from"]}_{query["date_to"]}.csv"'
    )
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0] == ["Chỉ tiêu", "Phân loại", "Giá trị", "Đơn vị"]
    for row in (
        ["Từ ngày", "", query["date_from"], ""],
        ["Sản phẩm OCOP có chứng nhận còn hiệu lực, theo hạng sao", "4 sao", "2", "sản phẩm"],
        ["Sản phẩm OCOP đã duyệt và đang bán, theo nhóm", "Đồ uống", "2", "sản phẩm"],
        ["Tỷ lệ sản phẩm OCOP của tỉnh đang bán trên sàn", "Lào Cai", "0.3", "%"],
        ["Tổng số sản phẩm OCOP của tỉnh (theo chương trình)", "Thành phố Hà Nội", "", "sản phẩm"],
        ["Tỷ lệ chủ thể có tài khoản thanh toán điện tử", "chủ thể đã xác minh", "50.0", "%"],
        ["Chứng nhận hết hạn trong 30 ngày tới", "Tổng", "1", "sản phẩm"],
        ["Doanh số", "Tổng", "1215000", "VND"],
        ["Doanh số theo nhóm", "Dược liệu và sản phẩm từ dược liệu", "315000", "VND"],
        ["Số lượng bán theo tỉnh của chủ thể", "Lào Cai", "3", "đơn vị sản phẩm"],
        ["Số đơn hàng", "Tổng", "2", "đơn hàng"],
    ):
        assert row in rows, row


def test_csv_cells_never_start_a_formula():
    assert service.csv_safe('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert service.csv_safe("@SUM(A1)") == "'@SUM(A1)"
    assert service.csv_safe("LC-006 Hồng trà") == "LC-006 Hồng trà"
    assert service.csv_safe(12) == 12


def test_csv_refuses_an_invalid_period(known_market, staff_user, client):
    client.force_login(staff_user)
    response = client.get(CSV_URL, {"date_from": "2020-01-01", "date_to": "2026-01-01"})
    assert response.status_code == 400
    assert "Khoảng thời gian dài nhất là 3 năm." in response.content.decode()


# --- Who may see it ---------------------------------------------------------------


@pytest.fixture
def reviewer(db):
    user = get_user_model().objects.create_user(
        email="can-bo-so-lieu@example.vn", password="mat-khau-2026", last_name="Phạm Văn", first_name="Duyệt"
    )
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.user_permissions.add(
        Permission.objects.get(codename="review_ocop_product", content_type__app_label="catalogue")
    )
    return user


@pytest.mark.parametrize("url", [URL, CSV_URL])
def test_anonymous_visitors_are_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize("url", [URL, CSV_URL])
@pytest.mark.parametrize("who", ["producer_user", "customer"])
def test_producers_and_customers_are_refused(client, request, url, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(url).status_code in (302, 403)


@pytest.mark.parametrize("url", [URL, CSV_URL])
@pytest.mark.parametrize("who", ["reviewer", "staff_user"])
def test_reviewers_and_superusers_are_allowed(client, request, url, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(url).status_code == 200
