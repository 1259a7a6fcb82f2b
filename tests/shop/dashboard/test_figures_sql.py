"""Every figure of the programme figures page equals a count written independently in SQL.

Each figure (products by star and by group, the listed share per province, the e-payment share, the expiring
certificates, sales by group and by province over a period) is computed here by a raw query joining the real
tables, on the demo data plus a market built by the test: a line cancelled inside a live order, a paid line
cancelled and refunded, a cancelled order, an older order. ``programme_figures`` and the rendered page must both
show what the SQL says. The SQL restates the rules on purpose (a certificate backs the mark when approved, not
revoked and within its dates; a line is a sale unless cancelled or refunded) so that a change of the code's rule
is caught here.
"""

import datetime
import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_class, get_model
from oscar.test.factories import create_order

from catalogue.programme import taxonomy
from catalogue.programme.review import ReviewStatus
from shop.core import order_statuses as statuses
from shop.core.addresses import ward_choices
from shop.core.money import format_vnd
from shop.dashboard.review import figures as service
from shop.order import fulfilment
from shop.registry.counts import record_count
from tests import factories

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Partner = get_model("partner", "Partner")
Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Line = get_model("order", "Line")
PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventType = get_model("order", "PaymentEventType")
PaymentEventQuantity = get_model("order", "PaymentEventQuantity")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")
Selector = get_class("partner.strategy", "Selector")

HANOI, LAO_CAI = 1, 15
URL = reverse("dashboard:ocop-figures")
GROUPS = tuple(group.key for group in taxonomy.GROUPS_148)


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def rows(sql, **params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# --- The independent SQL ----------------------------------------------------------

# Certificates backing the mark today, the product's current one ranked first; products for sale today.
PRODUCTS_CTE = """
WITH valid AS (
    SELECT c.product_id, c.star_rating, c.expires_on,
           ROW_NUMBER() OVER (PARTITION BY c.product_id ORDER BY c.decision_date DESC, c.id DESC) AS rank
    FROM catalogue_ocopcertificate c
    WHERE c.review = 'approved' AND c.revoked_at IS NULL
      AND c.decision_date <= %(today)s AND c.expires_on >= %(today)s
),
current_certificate AS (SELECT product_id, star_rating, expires_on FROM valid WHERE rank = 1),
for_sale AS (
    SELECT p.id FROM catalogue_product p
    WHERE p.is_public AND p.review_status = %(approved)s AND p.parent_id IS NULL
      AND (SELECT pa.verification_status FROM partner_stockrecord s JOIN partner_partner pa ON pa.id = s.partner_id
           WHERE s.product_id = p.id ORDER BY s.id LIMIT 1) = 'verified'
      AND (EXISTS (SELECT 1 FROM valid v WHERE v.product_id = p.id) OR p.kept_on_sale_until >= %(today)s)
)
"""


def sql_by_stars(today):
    found = rows(
        PRODUCTS_CTE
        + """
        SELECT cc.star_rating, COUNT(*), COUNT(fs.id)
        FROM current_certificate cc LEFT JOIN for_sale fs ON fs.id = cc.product_id
        GROUP BY cc.star_rating""",
        today=today,
        approved=ReviewStatus.APPROVED,
    )
    return {stars: (certified, listed) for stars, certified, listed in found}


def sql_by_group(today):
    found = rows(
        PRODUCTS_CTE
        + """
        SELECT CASE WHEN p.ocop_group = ANY(%(groups)s) THEN p.ocop_group ELSE '' END AS grp, COUNT(*), COUNT(fs.id)
        FROM current_certificate cc JOIN catalogue_product p ON p.id = cc.product_id
        LEFT JOIN for_sale fs ON fs.id = cc.product_id
        GROUP BY grp""",
        today=today,
        approved=ReviewStatus.APPROVED,
        groups=list(GROUPS),
    )
    return {group: (certified, listed) for group, certified, listed in found}


def sql_listing(today):
    """{province: (listed, registry total or None, as_of or None, share or None)}: listed products by the province
    of their producer against the latest registry row of the province."""
    listed = rows(
        PRODUCTS_CTE
        + """
        SELECT pa.province_code, COUNT(DISTINCT cc.product_id) FILTER (WHERE fs.id IS NOT NULL)
        FROM current_certificate cc
        LEFT JOIN partner_stockrecord s ON s.product_id = cc.product_id
        LEFT JOIN partner_partner pa ON pa.id = s.partner_id
        LEFT JOIN for_sale fs ON fs.id = cc.product_id
        GROUP BY pa.province_code""",
        today=today,
        approved=ReviewStatus.APPROVED,
    )
    latest = rows(
        """
        SELECT DISTINCT ON (province_code) province_code, certified_products, as_of
        FROM registry_provinceregistry ORDER BY province_code, as_of DESC, imported_at DESC, id DESC"""
    )
    counts = dict(listed)
    totals = {code: (total, as_of) for code, total, as_of in latest}
    result = {}
    for code in set(counts) | set(totals):
        number = counts.get(code, 0)
        total, as_of = totals.get(code, (None, None))
        share = None
        if total:
            (share,) = rows("SELECT ROUND(%(n)s * 100.0 / %(total)s, 1)", n=number, total=total)[0]
        result[code] = (number, total, as_of, share)
    return result


def sql_epayment():
    ((verified, with_account),) = rows(
        """
        SELECT COUNT(*) FILTER (WHERE verification_status = 'verified'),
               COUNT(*) FILTER (WHERE verification_status = 'verified' AND has_epayment_account
                                AND (bank_account_number <> '' OR ewallet_phone <> ''))
        FROM partner_partner"""
    )
    (share,) = rows("SELECT ROUND(%(a)s * 100.0 / %(b)s, 1)", a=with_account, b=verified)[0]
    return with_account, verified, share


def sql_expiring(today, within):
    return [
        product_id
        for (product_id,) in rows(
            PRODUCTS_CTE
            + """
            SELECT cc.product_id FROM current_certificate cc
            WHERE cc.expires_on BETWEEN %(today)s AND %(today)s + %(within)s
            ORDER BY cc.product_id""",
            today=today,
            approved=ReviewStatus.APPROVED,
            within=within,
        )
    ]


# Lines of orders placed in the period (Vietnam's days), neither cancelled nor refunded.
SALES_LINES = """
    FROM order_line l
    JOIN order_order o ON o.id = l.order_id
    LEFT JOIN catalogue_product p ON p.id = l.product_id
    LEFT JOIN partner_partner pa ON pa.id = l.partner_id
    WHERE o.date_placed >= (%(date_from)s::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
      AND o.date_placed < ((%(date_to)s::date) + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
      AND l.status <> 'cancelled'
      AND NOT EXISTS (
          SELECT 1 FROM order_paymenteventquantity q
          JOIN order_paymentevent e ON e.id = q.event_id
          JOIN order_paymenteventtype t ON t.id = e.event_type_id
          WHERE q.line_id = l.id AND t.code = 'refund')
"""


def sql_sales(date_from, date_to):
    params = {"date_from": date_from, "date_to": date_to, "groups": list(GROUPS)}
    ((revenue, quantity, orders),) = rows(
        "SELECT COALESCE(SUM(l.line_price_incl_tax), 0), COALESCE(SUM(l.quantity), 0), COUNT(DISTINCT l.order_id)"
        + SALES_LINES,
        **params,
    )
    by_group = rows(
        "SELECT CASE WHEN p.ocop_group = ANY(%(groups)s) THEN p.ocop_group ELSE '' END AS grp,"
        " SUM(l.line_price_incl_tax), SUM(l.quantity)" + SALES_LINES + " GROUP BY grp",
        **params,
    )
    by_province = rows(
        "SELECT pa.province_code, SUM(l.line_price_incl_tax), SUM(l.quantity)"
        + SALES_LINES
        + " GROUP BY pa.province_code",
        **params,
    )
    return (
        (revenue, quantity, orders),
        {group: (money, units) for group, money, units in by_group},
        {province: (money, units) for province, money, units in by_province},
    )


# --- The market -------------------------------------------------------------------


def place_order(customer, *items, placed=None):
    """An order of ``items`` ((product, quantity)) through Oscar's order creator, placed ``placed`` (default now)."""
    basket = Basket.objects.create(owner=customer)
    basket.strategy = Selector().strategy()
    for product, quantity in items:
        basket.add_product(Product.objects.get(pk=product.pk), quantity=quantity)
    order = create_order(basket=basket, user=customer)
    if placed is not None:
        Order.objects.filter(pk=order.pk).update(date_placed=placed)
    return Order.objects.get(pk=order.pk)


def line_of(order, product):
    return order.lines.get(product=product)


def cancel(order, product, reason="Hết hàng, xin lỗi quý khách."):
    line = line_of(order, product)
    fulfilment.cancel_lines(order, line.partner, None, [line], reason, system=True)
    return Line.objects.get(pk=line.pk)


def paid_by_transfer(order):
    """The order's total was taken (a bank transfer), so a cancellation refunds it (payments.refunds)."""
    source_type, _created = SourceType.objects.get_or_create(code="bank_transfer", defaults={"name": "Chuyển khoản"})
    Source.objects.create(
        order=order, source_type=source_type, amount_allocated=order.total_incl_tax, amount_debited=order.total_incl_tax
    )


@pytest.fixture
def market(customer):
    """Two producers (Lào Cai, Hà Nội), four certified products (one not on sale, one expiring in 10 days), and:
    a live order with a cancelled line, a paid order whose line in Hà Nội was cancelled and refunded, a cancelled
    order, an order placed 40 days ago."""
    tea = factories.producer(
        "Hợp tác xã Chè Đối Chiếu", has_epayment_account=True, bank_name="Agribank", bank_account_number="8800654321"
    )
    hanoi = factories.producer(
        "Hợp tác xã Quế Đối Chiếu", province_code=HANOI, ward_code=ward_choices(HANOI)[0][0], has_epayment_account=False
    )
    green = factories.product(tea, price=450_000, stars=5, ocop_group="drinks", ocop_subgroup="tea")
    black = factories.product(tea, price=300_000, stars=4, ocop_group="drinks", ocop_subgroup="tea")
    cinnamon = factories.product(hanoi, price=220_000, stars=3, ocop_group="herbal", ocop_subgroup="essential-oils")
    honey = factories.product(
        tea, price=350_000, stars=4, on_sale=False, certificate_fields={"review": OcopCertificate.Review.APPROVED}
    )
    OcopCertificate.objects.filter(product=black).update(expires_on=days(10))

    live = place_order(customer, (green, 2), (black, 1))
    cancelled_line = cancel(live, black)
    paid = place_order(customer, (green, 1), (cinnamon, 1))
    paid_by_transfer(paid)
    refunded_line = cancel(paid, cinnamon, "Hết tinh dầu quế.")
    cancelled_order = place_order(customer, (black, 3))
    cancel(cancelled_order, black)
    older = place_order(customer, (cinnamon, 2), placed=timezone.now() - datetime.timedelta(days=40))
    return {
        "products": (green, black, cinnamon, honey),
        "live": Order.objects.get(pk=live.pk),
        "paid": paid,
        "cancelled_line": cancelled_line,
        "refunded_line": refunded_line,
        "cancelled_order": Order.objects.get(pk=cancelled_order.pk),
        "older": older,
    }


# --- Figures against SQL ----------------------------------------------------------


def test_the_market_holds_each_case(market):
    """The cases the sales figures must leave out are really there, as the order code records them."""
    assert market["live"].status != statuses.ORDER_CANCELLED
    assert market["cancelled_line"].status == statuses.LINE_CANCELLED
    assert market["cancelled_order"].status == statuses.ORDER_CANCELLED
    # A refund follows a cancellation (payments.refunds is called by fulfilment.cancel_lines): the refunded line
    # is cancelled too, and its order lives on.
    refunded = market["refunded_line"]
    assert refunded.status == statuses.LINE_CANCELLED
    assert PaymentEventQuantity.objects.filter(
        line=refunded, event__event_type__code=statuses.PAYMENT_EVENT_REFUND
    ).exists()
    assert market["paid"].status != statuses.ORDER_CANCELLED


def test_products_by_star_and_group_equal_sql(market):
    today = timezone.localdate()
    figures = service.programme_figures(today=today)

    stars = sql_by_stars(today)
    assert {row.key: (row.certified, row.listed) for row in figures.by_stars} == {
        star: stars.get(star, (0, 0)) for star in (3, 4, 5)
    } | stars
    groups = sql_by_group(today)
    assert {row.key: (row.certified, row.listed) for row in figures.by_group} == {
        group: groups.get(group, (0, 0)) for group in GROUPS
    } | groups
    assert (figures.total_certified, figures.total_listed) == tuple(
        sum(pair[i] for pair in stars.values()) for i in (0, 1)
    )


def test_listed_share_uses_the_latest_registry_row_and_equals_sql(market):
    record_count(LAO_CAI, 640, days(-400), "Danh sách cũ hơn")  # older than the demo's row: not the latest
    record_count(LAO_CAI, 612, days(-5), "Quyết định 1234/QĐ-UBND tỉnh Lào Cai")
    today = timezone.localdate()
    figures = service.programme_figures(today=today)

    expected = sql_listing(today)
    assert {
        row.province_code: (
            row.listed,
            row.programme_total,
            row.registry.as_of if row.registry else None,
            row.share,
        )
        for row in figures.listing
    } == expected
    assert expected[LAO_CAI][1:3] == (612, days(-5))
    assert expected[HANOI][1] is None  # no registry row: no share


def test_epayment_share_equals_sql(market):
    epayment = service.programme_figures().epayment
    assert (epayment.with_account, epayment.base, epayment.share) == sql_epayment()


def test_expiring_certificates_equal_sql(market):
    today = timezone.localdate()
    figures = service.programme_figures(today=today)
    for within in service.EXPIRY_HORIZONS:
        assert sorted(product.product_id for product in figures.expiring[within]) == sql_expiring(today, within)
    assert market["products"][1].pk in sql_expiring(today, 30)  # the black tea, in 10 days


@pytest.mark.parametrize("span", [(-29, 0), (-45, 0), (-45, -35)])
def test_sales_by_group_and_province_equal_sql(market, span):
    period = service.Period(days(span[0]), days(span[1]))
    sales = service.programme_figures(period=period).sales

    totals, by_group, by_province = sql_sales(period.date_from, period.date_to)
    assert (sales.revenue, sales.quantity, sales.orders) == totals
    assert {row.key: (row.revenue, row.quantity) for row in sales.by_group if row.quantity} == by_group
    assert {row.key: (row.revenue, row.quantity) for row in sales.by_province} == by_province


def test_cancelled_and_refunded_lines_are_not_sales(market):
    """Known numbers: of the market's orders in the last 30 days only 3 × 450.000 ₫ of green tea count — not the
    black tea cancelled in the live order (300.000 ₫), the refunded cinnamon (220.000 ₫) nor the cancelled order."""
    period = service.Period(days(-29), days(0))
    ours = [market["live"].pk, market["paid"].pk, market["cancelled_order"].pk]
    counted = service.counted_order_lines().filter(order__in=ours)
    assert sorted(counted.values_list("line_price_incl_tax", "quantity")) == [
        (Decimal("450000.00"), 1),
        (Decimal("900000.00"), 2),
    ]
    totals, _by_group, _by_province = sql_sales(period.date_from, period.date_to)
    assert service.programme_figures(period=period).sales.revenue == totals[0]


def test_a_refund_recorded_for_a_live_line_takes_it_out_of_sales(market):
    """The rule's guard: should money go back for a line that is not cancelled, the line is no sale either."""
    line = line_of(market["live"], market["products"][0])
    event_type, _created = PaymentEventType.objects.get_or_create(
        code=statuses.PAYMENT_EVENT_REFUND, defaults={"name": "Hoàn tiền"}
    )
    event = PaymentEvent.objects.create(order=market["live"], amount=line.line_price_incl_tax, event_type=event_type)
    PaymentEventQuantity.objects.create(event=event, line=line, quantity=line.quantity)

    assert not service.counted_order_lines().filter(pk=line.pk).exists()
    period = service.Period(days(-29), days(0))
    assert service.programme_figures(period=period).sales.revenue == sql_sales(days(-29), days(0))[0][0]


# --- The page shows the same numbers ----------------------------------------------


def _numbers(element):
    return [
        int(value) for value in re.findall(r"\d+", " ".join(span.text for span in element.select(".ocop-chart__value")))
    ]


def test_the_page_renders_the_sql_figures(market, staff_user, client):
    record_count(LAO_CAI, 612, days(-5), "Quyết định 1234/QĐ-UBND tỉnh Lào Cai")
    client.force_login(staff_user)
    date_from, date_to = days(-45), days(0)
    response = client.get(URL, {"date_from": date_from.isoformat(), "date_to": date_to.isoformat()})
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    today = timezone.localdate()

    for stars, (certified, listed) in sql_by_stars(today).items():
        assert _numbers(page.select_one(f'[data-stars="{stars}"]')) == [certified, listed]
    for group, (certified, listed) in sql_by_group(today).items():
        assert _numbers(page.select_one(f'[data-group="{group}"]')) == [certified, listed]

    for province, (listed, total, as_of, share) in sql_listing(today).items():
        row = page.select_one(f'tr[data-province="{province if province is not None else ""}"]')
        cells = [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        assert cells[1] == str(listed)
        if total is None:
            assert cells[2] == cells[3] == "chưa có số liệu"
        else:
            assert cells[2].startswith(f"{total} theo danh sách ngày {as_of:%d/%m/%Y}")
            assert cells[3] == f"{share} %".replace(".", ",")
    lao_cai = page.select_one(f'tr[data-province="{LAO_CAI}"]').get_text(" ", strip=True)
    assert "Quyết định 1234/QĐ-UBND tỉnh Lào Cai" in lao_cai

    with_account, verified, share = sql_epayment()
    assert page.select_one("#ocop-epayment-share").text.strip() == f"{share} %".replace(".", ",")
    assert f"{with_account} trên {verified} chủ thể" in page.select_one("#ocop-epayment").find_parent("section").text

    for within in service.EXPIRY_HORIZONS:
        heading = page.select_one(f"#ocop-expiring-{within}").get_text(" ", strip=True)
        assert f"{len(sql_expiring(today, within))} sản phẩm" in heading

    (revenue, quantity, orders), by_group, by_province = sql_sales(date_from, date_to)
    assert page.select_one("#ocop-sales-revenue").text.strip() == format_vnd(revenue)
    summary = page.select_one("#ocop-sales-revenue").find_parent("dl").get_text(" ", strip=True)
    assert f"Số lượng bán {quantity}" in summary and f"Số đơn hàng {orders}" in summary
    for dimension, expected in (("group", by_group), ("province", by_province)):
        for key, (money, units) in expected.items():
            row = page.select_one(f'[data-sales-{dimension}="{key if key is not None else ""}"]')
            text = row.select_one(".ocop-chart__value").get_text(" ", strip=True)
            assert text.startswith(format_vnd(money)) and f"({units} đơn vị)" in text
