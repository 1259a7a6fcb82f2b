"""Programme figures for administrators: numbers on a known market, period form, CSV, access.

The figures are of the whole market, so each test takes them before it builds its own producers, products
and orders (tests/factories.py) and checks what these add: the demo rows are never changed, except where a
figure is truly global (the e-payment basis when no producer at all is verified).
"""

import csv
import datetime
import io
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone, translation
from oscar.core.loading import get_class, get_model
from oscar.test.factories import create_order

from catalogue.programme.review import ReviewStatus
from shop.core.addresses import ward_choices
from shop.dashboard.review import figures as service
from shop.dashboard.review.forms import PeriodForm
from shop.jobs.models import FileJob
from shop.order import fulfilment
from shop.registry import counts
from shop.registry.models import ProvinceRegistry
from tests import factories
from tests.shop import file_jobs

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


def certify(product, *, decision=-100, expires=500, stars=None, review=OcopCertificate.Review.APPROVED, **fields):
    """Gives the built product's certificate known dates and review state."""
    certificate = product.ocop_certificates.get()
    changes = {"decision_date": days(decision), "expires_on": days(expires), "review": review, **fields}
    if stars:
        changes["star_rating"] = stars
    OcopCertificate.objects.filter(pk=certificate.pk).update(**changes)
    return certificate


def list_on_sale(product):
    Product.objects.filter(pk=product.pk).update(review_status=ReviewStatus.APPROVED, is_public=True)


def build(of, group, subgroup, stars, price):
    """A draft product of ``of`` with a certificate (pending review until ``certify``)."""
    return factories.product(of, on_sale=False, stars=stars, price=price, ocop_group=group, ocop_subgroup=subgroup)


def added(after, before):
    """{key: (certified, listed)} that the built rows add to the rows ``before``."""
    earlier = {row.key: (row.certified, row.listed) for row in before}
    return {
        row.key: (row.certified - earlier.get(row.key, (0, 0))[0], row.listed - earlier.get(row.key, (0, 0))[1])
        for row in after
    }


def percent(value):
    """A share as the page prints it (Vietnamese decimal comma)."""
    return f"{value}".replace(".", ",") + " %"


def vnd(amount):
    return f"{int(amount):,}".replace(",", ".") + "\u00a0₫"


@pytest.fixture
def known_market(db):
    """The figures of the market as loaded (``before``; the demo records Lào Cai's 600 certified products in
    its registry), then what the test adds to them, built new (tests/factories.py): five products with a
    current valid certificate, three of them for sale, in two provinces; three listed ones whose certificates
    do not count; four producers, three of them verified."""
    before = service.programme_figures()
    accounts_before = Partner.objects.filter(Partner.with_verified_payout_account()).count()
    # An account the office accepted (shop.producers.payout): the flag with a bank account in use.
    account = {"has_epayment_account": True, "bank_name": "Agribank", "bank_account_number": "8800123456"}

    tea = factories.producer("Hợp tác xã Chè Thử Nghiệm", **account)
    honey = factories.producer("Hợp tác xã Mật Ong Thử Nghiệm", has_epayment_account=False)
    household = factories.producer("Hộ kinh doanh Thử Nghiệm", verified=False, **account)
    # A cinnamon cooperative in Hà Nội: a second province.
    cinnamon = factories.producer(
        "Hợp tác xã Quế Thử Nghiệm",
        province_code=HANOI,
        ward_code=ward_choices(HANOI)[0][0],
        **account,
    )
    products = {
        "green_tea": build(tea, "drinks", "tea", 5, 450_000),
        "black_tea": build(tea, "drinks", "tea", 4, 300_000),
        "honey": build(honey, "food", "honey", 4, 350_000),
        "herbs": build(household, "herbal", "herbs", 3, 95_000),
        "cinnamon": build(cinnamon, "herbal", "essential-oils", 5, 220_000),
        "revoked": build(honey, "food", "honey", 4, 120_000),
        "expired": build(honey, "food", "honey", 4, 130_000),
        "unreviewed": build(honey, "food", "honey", 4, 140_000),
    }
    p = products
    # Counted: valid, approved certificates.
    certify(p["green_tea"])  # drinks ★5, on sale
    list_on_sale(p["green_tea"])
    certify(p["black_tea"], expires=10)  # drinks ★4, on sale, expires in 10 days
    list_on_sale(p["black_tea"])
    certify(p["honey"], expires=60)  # food ★4, not on sale, expires in 60 days
    certify(p["herbs"])  # herbal ★3, approved, its producer not verified:
    list_on_sale(p["herbs"])  # not for sale (catalogue.listing), not listed
    certify(p["cinnamon"], decision=-10)  # herbal ★5, re-certified (below), on sale
    factories.certificate(
        p["cinnamon"],
        number="OLD-QUE",
        stars=3,
        decided=days(-400),
        expires_on=days(20),
        review=OcopCertificate.Review.APPROVED,
    )
    list_on_sale(p["cinnamon"])
    # Not counted: revoked, expired, still pending review — even when on sale.
    certify(p["revoked"], revoked_at=timezone.now())
    list_on_sale(p["revoked"])
    certify(p["expired"], decision=-1200, expires=-1)
    list_on_sale(p["expired"])
    certify(p["unreviewed"], review=OcopCertificate.Review.PENDING)
    list_on_sale(p["unreviewed"])
    products = {key: Product.objects.get(pk=product.pk) for key, product in products.items()}
    return SimpleNamespace(
        before=before,
        accounts_before=accounts_before,
        products=products,
        upcs={product.upc for product in products.values()},
        tea=Partner.objects.get(pk=tea.pk),
    )


def place_order(customer, *items, placed=None):
    """An order placed while its products were for sale (their state and their producers' put back after:
    the order stays, as an order of a product taken off sale since would). ``items``: (product, quantity)."""
    products = [Product.objects.get(pk=product.pk) for product, _quantity in items]
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
        list_on_sale(product)
        Partner.objects.filter(pk=product.producer.pk).update(verification_status=Partner.Verification.VERIFIED)
    basket = Basket.objects.create(owner=customer)
    basket.strategy = Selector().strategy()
    for product, quantity in items:
        basket.add_product(Product.objects.get(pk=product.pk), quantity=quantity)
    order = create_order(basket=basket, user=customer)
    for pk, review_status, is_public, producer, verification in saved:
        Product.objects.filter(pk=pk).update(review_status=review_status, is_public=is_public)
        Partner.objects.filter(pk=producer).update(verification_status=verification)
    if placed is not None:
        Order.objects.filter(pk=order.pk).update(date_placed=placed)
    return order


def cancel(order, *products):
    """The producer cancels the lines of ``products`` (the order is cancelled once every line is)."""
    lines = list(order.lines.filter(product__in=products))
    fulfilment.cancel_lines(order, lines[0].partner, None, lines, "Hết hàng, xin lỗi quý khách.", system=True)


LAST_30_DAYS = (-29, 0)
LAST_45_DAYS = (-45, 0)


def sales_of(span):
    return service.programme_figures(period=service.Period(days(span[0]), days(span[1]))).sales


@pytest.fixture
def known_sales(known_market, customer):
    """In the last 30 days: 1.120.000 ₫ (one order); a cancelled order; an older order (and the sales before
    them: ``sales_before[span]``)."""
    known_market.sales_before = {span: sales_of(span) for span in (LAST_30_DAYS, LAST_45_DAYS)}
    p = known_market.products
    place_order(customer, (p["green_tea"], 2), (p["cinnamon"], 1))  # 2 × 450.000 + 220.000, now
    cancel(place_order(customer, (p["honey"], 3)), p["honey"])  # 3 × 350.000, cancelled
    place_order(customer, (p["herbs"], 1), placed=timezone.now() - datetime.timedelta(days=40))  # 95.000
    return known_market


def sales_added(after, before):
    """(revenue, quantity, orders), {group: (revenue, quantity)}, {province: (revenue, quantity)} that the
    built orders add to the sales ``before``."""

    def rows(sales, name):
        return {row.key: (row.revenue, row.quantity) for row in getattr(sales, name)}

    def difference(name):
        earlier = rows(before, name)
        return {
            key: (revenue - earlier.get(key, (0, 0))[0], quantity - earlier.get(key, (0, 0))[1])
            for key, (revenue, quantity) in rows(after, name).items()
            if (revenue, quantity) != earlier.get(key, (0, 0))
        }

    totals = (after.revenue - before.revenue, after.quantity - before.quantity, after.orders - before.orders)
    return totals, difference("by_group"), difference("by_province")


def _by_key(rows):
    return {row.key: row for row in rows}


# --- The figures ------------------------------------------------------------------


def test_products_are_counted_by_star_and_group_from_their_current_valid_certificate(known_market):
    figures, before = service.programme_figures(), known_market.before

    assert added(figures.by_stars, before.by_stars) == {3: (1, 0), 4: (2, 1), 5: (2, 2)}
    assert added(figures.by_group, before.by_group) == {
        "food": (1, 0),
        "drinks": (2, 2),
        "herbal": (2, 1),
        "handicraft": (0, 0),
        "ornamental": (0, 0),
        "tourism": (0, 0),
    }
    assert [row.label for row in figures.by_group][:2] == ["Thực phẩm", "Đồ uống"]
    assert (figures.total_certified - before.total_certified, figures.total_listed - before.total_listed) == (5, 3)


def test_group_labels_follow_the_language(known_market):
    with translation.override("en"):
        labels = [row.label for row in service.programme_figures().by_group]
    assert labels[:3] == ["Food", "Drinks", "Medicinal herbs and herbal products"]


def test_listed_share_uses_the_province_registrys_count(known_market):
    rows = service.programme_figures().listing
    counted = [row.programme_total is not None for row in rows]
    assert counted[0] and counted == sorted(counted, reverse=True)  # the provinces with a registry count first
    listing = {row.province_code: row for row in rows}
    before = {row.province_code: row.listed for row in known_market.before.listing}
    lao_cai = listing[LAO_CAI]
    # The demo's count comes from the import of Lào Cai's list (cms/demo/registry.py).
    imported = counts.latest_by_province()[LAO_CAI].certified_products
    assert (lao_cai.province_name, lao_cai.listed - before.get(LAO_CAI, 0), lao_cai.programme_total) == (
        "Lào Cai",
        2,
        imported,
    )
    assert lao_cai.share == (Decimal(lao_cai.listed) * 100 / imported).quantize(Decimal("0.1"))
    assert lao_cai.registry.as_of == datetime.date(2025, 10, 31)
    hanoi = listing[HANOI]
    assert (hanoi.listed - before.get(HANOI, 0), hanoi.programme_total, hanoi.share) == (1, None, None)
    assert [row.province_code for row in rows].index(HANOI) > 0


def test_listed_share_has_no_figure_without_a_registry_count(known_market, staff_user, client):
    ProvinceRegistry.objects.all().delete()
    assert all(row.share is None for row in service.programme_figures().listing)

    client.force_login(staff_user)
    assert "chưa có số liệu" in client.get(URL).content.decode()


def test_epayment_share_is_of_verified_producers(known_market):
    epayment, before = service.programme_figures().epayment, known_market.before.epayment
    assert before.basis == epayment.basis == "verified"
    assert (epayment.with_account - before.with_account, epayment.base - before.base) == (2, 3)
    assert epayment.share == (Decimal(epayment.with_account) * 100 / epayment.base).quantize(Decimal("0.1"))
    assert (
        epayment.total_producers - before.total_producers,
        epayment.verified_producers - before.verified_producers,
    ) == (4, 3)


def test_epayment_share_is_of_all_producers_when_none_is_verified(known_market):
    # Truly global: the basis changes only when no producer of the market is verified, so every one is
    # set pending here (rolled back with the test).
    Partner.objects.update(verification_status=Partner.Verification.PENDING)
    epayment, before = service.programme_figures().epayment, known_market.before.epayment
    assert epayment.basis == "all"
    assert (epayment.with_account, epayment.base) == (known_market.accounts_before + 3, before.total_producers + 4)
    assert epayment.share == (Decimal(epayment.with_account) * 100 / epayment.base).quantize(Decimal("0.1"))
    assert "chưa có chủ thể nào được xác minh" in epayment.basis_label


def test_expiring_certificates_within_30_and_90_days(known_market):
    figures, built, p = service.programme_figures(), known_market.upcs, known_market.products

    def ours(products):
        return [(product.upc, product.days_left) for product in products if product.upc in built]

    # The cinnamon's old certificate expires in 20 days, but its current one does not: not listed.
    assert ours(figures.expiring[30]) == [(p["black_tea"].upc, 10)]
    assert ours(figures.expiring[90]) == [(p["black_tea"].upc, 10), (p["honey"].upc, 60)]
    (soon,) = [product for product in figures.expiring[30] if product.upc in built]
    assert (soon.producer, soon.stars, soon.review_status) == (known_market.tea.name, 4, ReviewStatus.APPROVED)
    # The page lists each product once, under the shortest horizon it falls in.
    assert [[p.upc for p in section["products"] if p.upc in built] for section in figures.expiry_sections] == [
        [known_market.products["black_tea"].upc],
        [known_market.products["honey"].upc],
    ]


def test_the_page_shows_the_soonest_expiring_and_counts_the_rest(known_market, monkeypatch):
    """At national size thousands of certificates expire within 90 days: the page lists the soonest of each
    horizon and says how many more the CSV has, instead of rendering them all."""
    monkeypatch.setattr(service, "EXPIRING_SHOWN", 1)
    figures = service.programme_figures()
    for section, days in zip(figures.expiry_sections, service.EXPIRY_HORIZONS, strict=True):
        own = len(figures.expiring[days]) - (section["earlier"] or 0)
        assert len(section["products"]) == min(own, 1)
        assert section["not_shown"] == max(own - 1, 0)
    assert any(section["not_shown"] for section in figures.expiry_sections)


def test_sales_by_group_and_province_exclude_cancelled_orders(known_sales):
    totals, by_group, by_province = sales_added(sales_of(LAST_30_DAYS), known_sales.sales_before[LAST_30_DAYS])

    assert totals == (Decimal("1120000"), 3, 1)
    assert by_group == {"drinks": (Decimal("900000"), 2), "herbal": (Decimal("220000"), 1)}
    assert by_province == {LAO_CAI: (Decimal("900000"), 2), HANOI: (Decimal("220000"), 1)}
    labels = {row.key: row.label for row in sales_of(LAST_30_DAYS).by_province}
    assert (labels[LAO_CAI], labels[HANOI]) == ("Lào Cai", "Thành phố Hà Nội")


def test_a_longer_period_includes_older_orders(known_sales):
    totals, by_group, _by_province = sales_added(sales_of(LAST_45_DAYS), known_sales.sales_before[LAST_45_DAYS])
    assert totals == (Decimal("1215000"), 4, 2)
    assert by_group["herbal"] == (Decimal("315000"), 2)


def test_a_cancelled_line_of_a_live_order_is_not_a_sale(known_sales, customer):
    p = known_sales.products
    order = place_order(customer, (p["green_tea"], 1), (p["black_tea"], 1))
    assert service.counted_order_lines().filter(order=order).count() == 2
    cancel(order, p["black_tea"])
    assert Order.objects.get(pk=order.pk).status != "cancelled"
    assert list(service.counted_order_lines().filter(order=order).values_list("product", flat=True)) == [
        p["green_tea"].pk
    ]


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

    figures = response.context["figures"]
    assert figures.sales.revenue == known_sales.sales_before[LAST_30_DAYS].revenue + 1120000
    assert vnd(figures.sales.revenue) in html
    drinks = next(row for row in figures.sales.by_group if row.key == "drinks")
    assert vnd(drinks.revenue) in html
    lao_cai = next(row for row in figures.listing if row.province_code == LAO_CAI)
    assert percent(lao_cai.share) in html  # Lào Cai's listed products of its 600
    assert "theo danh sách ngày 31/10/2025" in html  # the date of the imported list (cms/demo/registry.py)
    assert percent(figures.epayment.share) in html  # e-payment: of the verified producers
    black_tea = known_sales.products["black_tea"]  # its certificate expires in 10 days
    # Linked to its review page, which reviewers may open (Oscar's product page needs catalogue.view_product).
    assert reverse("dashboard:ocop-review-detail", kwargs={"pk": black_tea.pk}) in html
    assert f'action="{CSV_URL}"' in html  # the CSV of the same period, asked for by POST
    assert f'name="date_from" value="{days(-29).isoformat()}"' in html
    assert f'name="date_to" value="{days(0).isoformat()}"' in html
    assert 'style="width: 100%"' in html and "," not in html.split('style="width: ')[1].split("%")[0]


def test_page_shows_period_errors_and_keeps_the_other_figures(known_market, staff_user, client):
    client.force_login(staff_user)
    response = client.get(URL, {"date_from": "2026-05-02", "date_to": "2026-05-01"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ngày bắt đầu phải trước hoặc trùng ngày kết thúc." in html
    assert response.context["figures"].sales is None
    assert response.context["figures"].total_certified == known_market.before.total_certified + 5


def test_page_query_count_is_bounded(known_sales, staff_user, client, django_assert_max_num_queries):
    client.force_login(staff_user)
    client.get(URL)  # warm caches (site, content types)
    with django_assert_max_num_queries(QUERIES_MEASURED):
        assert client.get(URL).status_code == 200


# Measured (15): session, user, the figures (one query each: stars × groups, listing, the registry's
# latest counts, e-payment, expiring, sales total / by group / by province), the national table the
# administrator sees (stars × provinces, expiring by province, sales by province), unread notifications, and
# whether the user works for a producer (the portal menu, shop.navigation.portal_access).
QUERIES_MEASURED = 15


# --- CSV --------------------------------------------------------------------------


def test_csv_export_of_the_same_period(known_sales, staff_user, client, django_capture_on_commit_callbacks):
    client.force_login(staff_user)
    query = {"date_from": days(-45).isoformat(), "date_to": days(0).isoformat()}
    asked, job = file_jobs.submit(client, CSV_URL, query, django_capture_on_commit_callbacks)
    assert asked.status_code == 302 and asked["Location"] == reverse("dashboard:ocop-files")
    job.refresh_from_db()
    assert job.status == FileJob.Status.DONE and job.user == staff_user and job.partner is None
    response, body = file_jobs.download(client, job)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="so-lieu-ocop_{query["date_from"]}_{query["date_to"]}.csv"'
    )
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0] == ["Chỉ tiêu", "Phân loại", "Giá trị", "Đơn vị"]
    before, sales_before = known_sales.before, known_sales.sales_before[LAST_45_DAYS]
    figures = service.programme_figures()
    lao_cai = next(row for row in figures.listing if row.province_code == LAO_CAI)

    def before_of(rows, key, attribute):
        return next((getattr(row, attribute) for row in rows if row.key == key), 0)

    for row in (
        ["Từ ngày", "", query["date_from"], ""],
        [
            "Sản phẩm OCOP có chứng nhận còn hiệu lực, theo hạng sao",
            "4 sao",
            str(before_of(before.by_stars, 4, "certified") + 2),
            "sản phẩm",
        ],
        [
            "Sản phẩm OCOP đã duyệt và đang bán, theo nhóm",
            "Đồ uống",
            str(before_of(before.by_group, "drinks", "listed") + 2),
            "sản phẩm",
        ],
        ["Tỷ lệ sản phẩm OCOP của tỉnh đang bán trên sàn", "Lào Cai", f"{lao_cai.share:.1f}", "%"],
        ["Tổng số sản phẩm OCOP của tỉnh (theo danh sách của tỉnh)", "Thành phố Hà Nội", "", "sản phẩm"],
        ["Ngày của danh sách sản phẩm OCOP của tỉnh", "Lào Cai", "2025-10-31", ""],
        [
            "Tỷ lệ chủ thể có tài khoản thanh toán điện tử",
            "chủ thể đã xác minh",
            f"{figures.epayment.share:.1f}",
            "%",
        ],
        ["Chứng nhận hết hạn trong 30 ngày tới", "Tổng", str(len(before.expiring[30]) + 1), "sản phẩm"],
        ["Doanh số", "Tổng", f"{sales_before.revenue + 1215000:.0f}", "VND"],
        [
            "Doanh số theo nhóm",
            "Dược liệu và sản phẩm từ dược liệu",
            f"{before_of(sales_before.by_group, 'herbal', 'revenue') + 315000:.0f}",
            "VND",
        ],
        [
            "Số lượng bán theo tỉnh của chủ thể",
            "Lào Cai",
            str(before_of(sales_before.by_province, LAO_CAI, "quantity") + 3),
            "đơn vị sản phẩm",
        ],
        ["Số đơn hàng", "Tổng", str(sales_before.orders + 2), "đơn hàng"],
    ):
        assert row in rows, row


def test_csv_cells_never_start_a_formula():
    assert service.csv_safe('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert service.csv_safe("@SUM(A1)") == "'@SUM(A1)"
    assert service.csv_safe("LC-006 Hồng trà") == "LC-006 Hồng trà"
    assert service.csv_safe(12) == 12


def test_csv_refuses_an_invalid_period(known_market, staff_user, client):
    client.force_login(staff_user)
    response = client.post(CSV_URL, {"date_from": "2020-01-01", "date_to": "2026-01-01"})
    assert response.status_code == 400
    assert "Khoảng thời gian dài nhất là 3 năm." in response.content.decode()
    assert not FileJob.objects.filter(user=staff_user).exists()


def test_the_page_asks_for_the_csv_by_post_with_its_period(known_market, staff_user, client):
    client.force_login(staff_user)
    query = {"date_from": days(-10).isoformat(), "date_to": days(0).isoformat()}
    html = client.get(URL, query).content.decode()
    assert f'action="{CSV_URL}"' in html and f'name="date_from" value="{query["date_from"]}"' in html
    assert client.get(CSV_URL, query).status_code == 405  # a GET asks for nothing


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


@pytest.mark.parametrize("who", ["reviewer", "staff_user"])
def test_reviewers_and_superusers_are_allowed(client, request, who, django_capture_on_commit_callbacks):
    user = request.getfixturevalue(who)
    client.force_login(user)
    assert client.get(URL).status_code == 200
    query = {"date_from": days(-10).isoformat(), "date_to": days(0).isoformat()}
    asked, job = file_jobs.submit(client, CSV_URL, query, django_capture_on_commit_callbacks)
    assert asked.status_code == 302 and job.user == user
    assert file_jobs.download(client, job)[0].status_code == 200
