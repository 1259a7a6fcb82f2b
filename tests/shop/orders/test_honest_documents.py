"""Honest documents (issue 22, item 2): the per-producer PDF is an order confirmation / sales record, not an
invoice; it and the emails and order pages show each line's list price, discount (with the offer's name) and net
from one set of figures (shop.order.statement_lines), and every figure printed adds up."""

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from shop.core.money import format_vnd as vnd
from shop.order.invoices import invoice_pdf
from shop.order.parts import producer_parts
from shop.order.statement_lines import _spread, buyer_name
from tests.pdf import pdf_text
from tests.shop.checkout.journey import add_to_basket, buyable_products, place_order, reach_preview

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")
ShippingAddress = get_model("order", "ShippingAddress")
Range = get_model("offer", "Range")
Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
ShippingSettings = get_model("shipping", "ShippingSettings")

OFFER = "Ưu đãi kiểm thử giảm 10%"
AMOUNT = re.compile(r"(-?)(\d{1,3}(?:\.\d{3})*)\u00a0₫")


@pytest.fixture
def discounted_order(client, customer, django_capture_on_commit_callbacks):
    """A signed-in customer's order: 10 % off everything (a site offer ahead of the demo's), two producers,
    every parcel charged for shipping."""
    everything = Range.objects.create(name="Mọi sản phẩm (kiểm thử)", includes_all_products=True)
    ConditionalOffer.objects.create(
        name=OFFER,
        offer_type=ConditionalOffer.SITE,
        priority=1000,
        condition=Condition.objects.create(range=everything, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(range=everything, type=Benefit.PERCENTAGE, value=Decimal(10)),
    )
    ShippingSettings.objects.update_or_create(pk=1, defaults={"free_shipping_threshold": None})
    first, second = buyable_products(2)
    client.force_login(customer)
    add_to_basket(client, first, 1)
    add_to_basket(client, second, 2)
    reach_preview(client, method="cod", guest=False)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert place_order(client).status_code == 302
    order = Order.objects.get(user=customer)
    assert order.lines.values("partner").distinct().count() == 2
    return order


def _amounts(text):
    return [(-1 if minus else 1) * int(digits.replace(".", "")) for minus, digits in AMOUNT.findall(text)]


def test_every_figure_on_the_sales_record_adds_up(discounted_order):
    grand_total = 0
    for part in producer_parts(discounted_order):
        text = pdf_text(invoice_pdf(discounted_order, part.partner))
        figures = _amounts(text)
        lines = [line for line in part.lines]
        # Per line: unit list price, list total, −discount, net; then list total, −offer, goods, shipping, total.
        assert len(figures) == 4 * len(lines) + 5, (figures, text)
        for index, line in enumerate(lines):
            unit, listed, discount, net = figures[4 * index : 4 * index + 4]
            assert unit * line.quantity == listed
            assert discount < 0, "every line shows its discount"
            assert listed + discount == net
        listed_total, offer, goods, shipping, total = figures[-5:]
        assert listed_total == sum(figures[1 : 4 * len(lines) : 4])
        assert offer == sum(figures[2 : 4 * len(lines) : 4]) < 0
        assert listed_total + offer == goods == sum(figures[3 : 4 * len(lines) : 4])
        assert shipping > 0 and goods + shipping == total
        assert OFFER in text
        grand_total += total
    assert grand_total == discounted_order.total_incl_tax  # the parts add up to what the buyer pays


def test_the_record_is_titled_as_what_it_is_and_names_the_buyer_in_full(discounted_order):
    part = producer_parts(discounted_order)[0]
    text = pdf_text(invoice_pdf(discounted_order, part.partner))
    assert "XÁC NHẬN ĐƠN HÀNG / BẢNG KÊ BÁN HÀNG" in text
    assert "HOÁ ĐƠN BÁN HÀNG" not in text.upper().replace("HÓA", "HOÁ")
    assert "không phải là hoá đơn" in re.sub(r"\s+", " ", text)
    assert "Người mua: Trần Thị Lan" in text
    code = part.partner.registration_number
    assert code and f"Mã số thuế: {code}" in text


def test_a_guest_whose_address_splits_the_name_is_named_in_full(discounted_order):
    discounted_order.user = None
    address = discounted_order.shipping_address
    address.last_name, address.first_name = "Trần Thị", "Hương"
    address.save()
    assert buyer_name(discounted_order) == "Trần Thị Hương"
    text = pdf_text(invoice_pdf(discounted_order, producer_parts(discounted_order)[0].partner))
    assert "Người mua: Trần Thị Hương" in text


def test_the_demo_customers_record_prints_her_full_name():
    order = Order.objects.filter(user__email="khachhang@ocop.example.vn").order_by("number").first()
    text = pdf_text(invoice_pdf(order, order.lines.first().partner))
    assert "Người mua: Trần Thị Hương" in text


def _discount_shown(text, item):
    return f"Giảm giá ({OFFER}): -{vnd(item.discount)}" in text


def test_buyer_and_producer_emails_show_each_discount_with_the_offer(discounted_order):
    parts = producer_parts(discounted_order)
    buyer = [m for m in mail.outbox if m.to == [discounted_order.user.email]]
    assert len(buyer) == 1
    html = buyer[0].alternatives[0][0] if buyer[0].alternatives else ""
    for part in parts:
        for item in part.statement.lines:
            assert _discount_shown(buyer[0].body, item)
            assert _discount_shown(html, item)
            assert vnd(item.net) in buyer[0].body
    for part in parts:
        sent = [m for m in mail.outbox if m.to != [discounted_order.user.email] and part.lines[0].title in m.body]
        assert sent, f"{part.partner_name} was emailed"
        for message in sent:
            for item in part.statement.lines:
                assert _discount_shown(message.body, item)
            assert f"Giảm giá theo ưu đãi {OFFER}: -{vnd(part.statement.discount_total)}" in message.body
            assert vnd(part.statement.goods_total) in message.body
            others = [line.title for other in parts if other is not part for line in other.lines]
            assert all(title not in message.body for title in others)  # only its own part


def test_order_pages_show_each_discount_with_the_offer(client, discounted_order):
    parts = producer_parts(discounted_order)
    thank_you = client.get(reverse("checkout:thank-you")).content.decode()
    account = client.get(reverse("customer:order", kwargs={"order_number": discounted_order.number})).content.decode()
    for page in (thank_you, account):
        assert "Tải xác nhận đơn hàng (PDF)" in page and "Tải hoá đơn" not in page
        for part in parts:
            assert vnd(part.statement.total) in page
            for item in part.statement.lines:
                assert _discount_shown(page, item) and vnd(item.net) in page


def test_the_producer_portal_shows_the_discount_of_its_lines(client, discounted_order):
    from tests.shop.checkout.journey import producer_actor

    part = producer_parts(discounted_order)[0]
    seller = type(client)()
    seller.force_login(producer_actor(part.partner))
    page = seller.get(reverse("dashboard:portal-order", kwargs={"number": discounted_order.number}))
    assert page.status_code == 200
    html = page.content.decode()
    for item in part.statement.lines:
        assert _discount_shown(html, item)
    assert vnd(part.statement.goods_total) in html


def test_rounding_is_spread_so_lines_add_up_to_the_rounded_total():
    exact = [Decimal("40999.5"), Decimal("40999.5"), Decimal("10000.4")]
    spread = _spread(exact, 91999)
    assert sum(spread) == 91999 and spread == [41000, 40999, 10000]
