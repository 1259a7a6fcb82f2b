"""The order e-mails (issue 21): the buyer's confirmation — in the order's language, linking to the real site's
page where the buyer follows the order, signed with the shop's name, with the bank details of a VietQR transfer
— and the producer's new-order mail, which shows each line's discount."""

import html
import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from payments.providers.vietqr.gateway import transfer_reference
from shop.core.money import format_vnd as vnd
from tests import factories
from tests.shop.checkout.journey import add_to_basket, buyable_products, place_order, reach_preview

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")
Range = get_model("offer", "Range")
Condition = get_model("offer", "Condition")
Benefit = get_model("offer", "Benefit")
ConditionalOffer = get_model("offer", "ConditionalOffer")

GUEST = "khach.thu.email@example.vn"
# Phrases of Oscar's English templates that must not reach a Vietnamese buyer.
ENGLISH = ["Thank you", "Order number", "Your order", "Dear", "View", "Total", "Shipping", "Hello", "Best regards"]
ENGLISH += ["Payment", "Confirmation", "team"]
LINK = re.compile(r"https?://[^\s\"'<>]+")


def _visible(part):
    """The text a mail reader shows of an HTML part (tags dropped, entities decoded)."""
    part = re.sub(r"<style.*?</style>", " ", part, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", part))


def _parts(message):
    """The subject, the text part and the HTML part's visible text of a delivered mail."""
    (html_part,) = [content for content, kind in message.alternatives if kind == "text/html"]
    return message.subject, message.body, html_part


def _mail_to(address):
    found = [m for m in mail.outbox if m.to == [address]]
    assert len(found) == 1, [m.to for m in mail.outbox]
    return found[0]


def _place(client, django_capture_on_commit_callbacks, method, email=GUEST, guest=True):
    preview = reach_preview(client, method=method, email=email, guest=guest)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert place_order(client, preview).status_code == 302


def _assert_vietnamese_and_ours(message):
    subject, text, html_part = _parts(message)
    for part in (subject, text, _visible(html_part)):
        assert [phrase for phrase in ENGLISH if phrase in part] == []
        assert "Nhóm" not in part and settings.OSCAR_SHOP_NAME in part
    for part in (subject, text, html_part):
        assert "example.com" not in part


def _links(message):
    """The absolute links of the text part and of the HTML part."""
    _subject, text, html_part = _parts(message)
    return LINK.findall(text), [html.unescape(url) for url in re.findall(r'href="([^"]+)"', html_part)]


@pytest.fixture
def discounted_product():
    """A product at 450.000 ₫ with an open offer of 10 % off: one unit costs 405.000 ₫."""
    product = factories.product(price=450_000, stock=20)
    product_range = Range.objects.create(name="Sản phẩm giảm giá thư đơn hàng")
    product_range.included_products.add(product)
    factories.percentage_offer(product_range, "Giảm 10 % thử nghiệm thư đơn hàng")
    return product


def test_guest_transfer_confirmation_is_vietnamese_with_bank_details_and_the_lookup_link(
    client, discounted_product, django_capture_on_commit_callbacks
):
    add_to_basket(client, discounted_product, 1)
    _place(client, django_capture_on_commit_callbacks, "vietqr")
    order = Order.objects.get(guest_email=GUEST)
    message = _mail_to(GUEST)
    _assert_vietnamese_and_ours(message)

    _subject, text, html_part = _parts(message)
    for part in (text, _visible(html_part)):
        assert order.number in part
        assert settings.VIETQR_BANK_NAME in part and settings.VIETQR_ACCOUNT_NUMBER in part
        assert settings.VIETQR_ACCOUNT_NAME in part and transfer_reference(order.number) in part
        assert vnd(order.total_incl_tax) in part
        assert "Giảm giá (Giảm 10 % thử nghiệm thư đơn hàng): -45.000\u00a0₫" in part  # with the offer's name

    lookup = f"http://testserver{reverse('order-lookup')}?number={order.number}"
    text_links, html_links = _links(message)
    assert lookup in text_links and lookup in html_links
    page = type(client)().get(lookup)
    assert page.status_code == 200 and f'value="{order.number}"' in page.content.decode()


def test_signed_in_cash_confirmation_links_to_the_account_order_page(client, django_capture_on_commit_callbacks):
    buyer = factories.customer()
    client.force_login(buyer)
    (product,) = buyable_products(1)
    add_to_basket(client, product, 1)
    _place(client, django_capture_on_commit_callbacks, "cod", guest=False)
    order = Order.objects.get(user=buyer)
    message = _mail_to(buyer.email)
    _assert_vietnamese_and_ours(message)
    _subject, text, html_part = _parts(message)
    for part in (text, _visible(html_part)):
        assert "khi nhận hàng" in part and vnd(order.total_incl_tax) in part
        assert settings.VIETQR_ACCOUNT_NUMBER not in part

    path = reverse("customer:order", kwargs={"order_number": order.number})
    text_links, html_links = _links(message)
    assert f"http://testserver{path}" in text_links and f"http://testserver{path}" in html_links
    page = client.get(path)
    assert page.status_code == 200 and order.number in page.content.decode()


def test_producer_new_order_mail_shows_the_discount_of_a_line(
    client, discounted_product, django_capture_on_commit_callbacks
):
    add_to_basket(client, discounted_product, 1)
    _place(client, django_capture_on_commit_callbacks, "cod")
    producer = discounted_product.stockrecords.get().partner
    message = _mail_to(producer.email)
    _subject, text, html_part = _parts(message)
    for part in (text, _visible(html_part)):
        assert "450.000\u00a0₫" in part and "405.000\u00a0₫" in part
        assert "Giảm giá (Giảm 10 % thử nghiệm thư đơn hàng): -45.000\u00a0₫" in part  # with the offer's name
    assert "1 × 450.000\u00a0₫ = 405.000\u00a0₫" not in text
    assert "example.com" not in text + html_part


def test_english_order_confirmation_links_to_the_english_site(
    client, discounted_product, django_capture_on_commit_callbacks
):
    """An order placed on /en/ gets its confirmation in English, linking to the English lookup page."""
    client.get("/en/")
    client.cookies["django_language"] = "en"
    add_to_basket(client, discounted_product, 1)
    with translation.override("en"):
        _place(client, django_capture_on_commit_callbacks, "vietqr", email="english.email@example.vn")
        lookup = reverse("order-lookup")
    order = Order.objects.get(guest_email="english.email@example.vn")
    assert order.language_code == "en" and lookup.startswith("/en/")
    message = _mail_to("english.email@example.vn")
    text_links, html_links = _links(message)
    url = f"http://testserver{lookup}?number={order.number}"
    assert url in text_links and url in html_links
    subject, text, html_part = _parts(message)
    assert "example.com" not in text + html_part
    vietnamese = ["Kính gửi", "Xác nhận đơn hàng", "Cảm ơn quý khách", "Giảm giá", "Tổng cộng", "Quý khách vui lòng"]
    vietnamese += ["Xem đơn hàng", "Tra cứu đơn hàng", "Trân trọng"]
    for part in (subject, text, _visible(html_part)):
        assert [phrase for phrase in vietnamese if phrase in part] == []


def test_placing_an_order_reads_its_parts_once_for_every_email(client, django_capture_on_commit_callbacks, monkeypatch):
    """The producers' mails (text and HTML each) and the buyer's confirmation all show the parts: placing the
    order reads them once (shop.order.parts.parts_kept), and every mail still shows its part's lines."""
    from catalogue.ocop.notifications import producer_recipients
    from shop.order import parts

    products = buyable_products(2)
    assert len({product.stockrecords.first().partner_id for product in products}) == 2
    for product in products:
        add_to_basket(client, product, 1)
    readings = []
    read = parts._read_parts
    monkeypatch.setattr(parts, "_read_parts", lambda order: readings.append(order.pk) or read(order))
    _place(client, django_capture_on_commit_callbacks, "cod")
    order = Order.objects.get(guest_email=GUEST)
    assert readings == [order.pk]
    for product in products:
        producer = product.stockrecords.first().partner
        sent = [m for m in mail.outbox if set(m.to) & set(producer_recipients(producer))]
        assert sent and product.get_title() in sent[0].body
    assert all(product.get_title() in _mail_to(GUEST).body for product in products)
    assert parts.producer_parts(order) is not parts.producer_parts(order)  # outside placement: read afresh


def test_the_place_order_request_renders_no_mail_and_the_worker_tells_everyone_once(
    client, django_capture_on_commit_callbacks, monkeypatch
):
    """Issue 19: the request only queues the announcement in the order's transaction; the worker renders the
    producers' notices and the buyer's confirmation, and a second run (a retried task) tells nobody again."""
    from unittest import mock

    from shop.checkout import views as checkout_views
    from shop.order import fulfilment

    OutboxMessage = get_model("notifications", "OutboxMessage")
    add_to_basket(client, buyable_products(1)[0], 1)
    queue = mock.Mock()
    monkeypatch.setattr(checkout_views, "announce_placed_order", queue)
    rendered = []
    monkeypatch.setattr(fulfilment, "order_placed", lambda order: rendered.append(order))
    before = OutboxMessage.objects.count()
    _place(client, django_capture_on_commit_callbacks, "cod")
    order = Order.objects.get(guest_email=GUEST)
    queue.enqueue.assert_called_once_with(order.pk, "http://testserver/")
    assert OutboxMessage.objects.count() == before and rendered == [] and mail.outbox == []

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        assert fulfilment.announce_placed_order(order.pk, "http://testserver/")
    assert _mail_to(GUEST) and len(mail.outbox) >= 2  # the buyer and the producer
    written = OutboxMessage.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        assert not fulfilment.announce_placed_order(order.pk, "http://testserver/")
    assert OutboxMessage.objects.count() == written
