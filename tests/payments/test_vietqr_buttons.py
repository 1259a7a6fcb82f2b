"""The VietQR page on the phone that shows it (issue 21): it cannot scan its own screen, so the thank-you page
and the order page of an unpaid transfer offer "Lưu ảnh QR" (the QR as a PNG attachment), "Sao chép số tài
khoản" / "Sao chép nội dung chuyển khoản" (copy.js, with the text selectable in a read-only input), and links
opening banking apps with the transfer filled in (VietQR.io's deeplink scheme)."""

import io
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model
from PIL import Image

from payments.providers.vietqr import deeplink
from payments.providers.vietqr.gateway import transfer_reference
from tests import factories
from tests.shop.checkout import journey

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")
Payment = get_model("payments", "Payment")
COPY_JS = Path(settings.BASE_DIR) / "themes/default/static/default/js/copy.js"


@pytest.fixture
def buyer():
    return factories.customer()


@pytest.fixture
def buyer_client(buyer):
    client = Client()
    client.force_login(buyer, backend="oscar.apps.customer.auth_backends.EmailBackend")
    return client


@pytest.fixture
def thank_you(buyer, buyer_client):
    """The thank-you page of a VietQR order the buyer just placed, and the order."""
    journey.add_to_basket(buyer_client, factories.product())
    preview = journey.reach_preview(buyer_client, method="vietqr", guest=False)
    response = journey.place_order(buyer_client, preview)
    assert response.status_code == 302
    page = buyer_client.get(response["Location"], follow=True)
    return page.content.decode(), Order.objects.filter(user=buyer).latest("date_placed")


def qr_url(order):
    return reverse("order-vietqr-png", kwargs={"number": order.number})


def test_the_thank_you_page_has_the_save_and_copy_buttons(thank_you):
    page, order = thank_you
    assert f'href="{qr_url(order)}" download="vietqr-{order.number}.png"' in page and "Lưu ảnh QR" in page
    assert "Sao chép số tài khoản" in page and "Sao chép nội dung chuyển khoản" in page
    # The fallback: both texts sit in read-only inputs the buyer can select by hand.
    assert f'readonly value="{settings.VIETQR_ACCOUNT_NUMBER}"' in page
    assert f'readonly value="{transfer_reference(order.number)}"' in page
    assert 'src="/static/default/js/copy.js' in page or "default/js/copy.js" in page
    assert "<script>" not in page.split("vietqr", 1)[1]  # no inline script (the CSP)


def test_the_deeplinks_follow_the_published_scheme(thank_you):
    page, order = thank_you
    payment = Payment.objects.get(order=order)
    link = deeplink.deeplink("mb", payment.amount, transfer_reference(order.number))
    assert link.replace("&", "&amp;") in page and "MB Bank" in page
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "dl.vietqr.io", "/pay")
    assert "ba=0011004299999@vcb" in parts.query  # the @ stays unencoded; Vietcombank (BIN 970436) is "vcb"
    query = parse_qs(parts.query)
    assert query["app"] == ["mb"] and query["am"] == [str(payment.amount)]
    assert query["tn"] == [f"OCOP {order.number}"] and query["bn"] == [settings.VIETQR_ACCOUNT_NAME]


def test_no_deeplink_when_the_bank_code_is_unknown(settings):
    settings.VIETQR_BANK_BIN = "999999"
    assert deeplink.app_links(100_000, "OCOP 1") == []


def test_the_qr_image_is_a_png_attachment_for_the_buyer_only(thank_you, buyer_client):
    _page, order = thank_you
    response = buyer_client.get(qr_url(order))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == f'attachment; filename="vietqr-{order.number}.png"'
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG" and image.size[0] >= 250
    assert Client().get(qr_url(order)).status_code == 404  # a stranger
    stranger = Client()
    stranger.force_login(factories.customer(), backend="oscar.apps.customer.auth_backends.EmailBackend")
    assert stranger.get(qr_url(order)).status_code == 404


def test_the_order_page_of_an_unpaid_transfer_has_the_buttons_and_a_paid_one_not(thank_you, buyer_client):
    _page, order = thank_you
    url = reverse("customer:order", kwargs={"order_number": order.number})
    page = buyer_client.get(url).content.decode()
    assert "Lưu ảnh QR" in page and "Sao chép nội dung chuyển khoản" in page and "dl.vietqr.io/pay" in page
    Payment.objects.filter(order=order).update(status=Payment.Status.PAID)
    page = buyer_client.get(url).content.decode()
    assert "Lưu ảnh QR" not in page
    assert buyer_client.get(qr_url(order)).status_code == 404


def test_copy_js_uses_the_clipboard_and_falls_back_to_selecting_the_text():
    source = COPY_JS.read_text()
    assert "navigator.clipboard.writeText" in source and "input.select()" in source
