"""VNPay end to end: the signed redirect after checkout, the IPN as the only thing that marks paid
(VNPay's answer codes), duplicates also at the same moment, the return page that only shows, and
paying again after a failure."""
import threading
from urllib.parse import parse_qs, urlparse

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from payments import vnpay
from payments.models import Payment
from tests.shop.checkout.journey import add_to_basket, buyable_products, place_order, reach_preview

Order = get_model("order", "Order")
EMAIL = "vi.dien.tu@example.vn"


def _vnpay_order(client):
    (product,) = buyable_products(1)
    add_to_basket(client, product, 2)
    reach_preview(client, method="vnpay", email=EMAIL)
    response = place_order(client)
    order = Order.objects.get(guest_email=EMAIL)
    return order, Payment.objects.get(order=order), response


def _signed(payment, response_code="00", amount=None, transaction_no="14123456", **extra):
    params = {"vnp_TmnCode": settings.VNPAY_TMN_CODE, "vnp_TxnRef": payment.provider_reference,
              "vnp_Amount": vnpay.amount_field(payment.amount if amount is None else amount),
              "vnp_ResponseCode": response_code, "vnp_TransactionStatus": response_code,
              "vnp_TransactionNo": transaction_no, "vnp_BankCode": "NCB", "vnp_PayDate": "20261124103000",
              "vnp_OrderInfo": f"Thanh toan don hang {payment.order_number}", **extra}
    params["vnp_SecureHash"] = vnpay.sign(params, settings.VNPAY_HASH_SECRET)
    return params


def _ipn(params):
    return Client().get(reverse("payments:vnpay-ipn"), params).json()["RspCode"]


def _received_emails():
    return [m for m in mail.outbox if m.to == [EMAIL] and "Đã nhận thanh toán" in m.subject]


@pytest.mark.django_db
def test_checkout_sends_the_buyer_to_a_signed_vnpay_url_for_the_amount_times_100(client):
    order, payment, response = _vnpay_order(client)
    assert response.status_code == 302
    url = urlparse(response["Location"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == settings.VNPAY_PAYMENT_URL
    params = {k: v[0] for k, v in parse_qs(url.query).items()}
    assert params["vnp_Amount"] == str(int(order.total_incl_tax) * 100)
    assert params["vnp_TxnRef"] == f"{order.number}-1" == payment.provider_reference
    assert params["vnp_CurrCode"] == "VND" and params["vnp_Version"] == "2.1.0"
    assert vnpay.signature_is_valid(params, settings.VNPAY_HASH_SECRET)


@pytest.mark.django_db
def test_the_ipn_marks_paid_once_and_answers_in_vnpays_codes(client, django_capture_on_commit_callbacks):
    _order, payment, _response = _vnpay_order(client)
    with django_capture_on_commit_callbacks(execute=True):
        codes = [_ipn(_signed(payment)) for _ in range(3)]
    assert codes == ["00", "02", "02"]
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID
    assert payment.events.get(outcome="paid").payload["vnp_TransactionNo"] == "14123456"
    assert len(_received_emails()) == 1


@pytest.mark.django_db
def test_bad_signature_unknown_order_and_wrong_amount(client):
    _order, payment, _response = _vnpay_order(client)
    tampered = _signed(payment)
    tampered["vnp_Amount"] = vnpay.amount_field(1000)
    assert _ipn(tampered) == "97"
    assert _ipn(_signed(payment, vnp_TxnRef="999999-1")) == "01"
    assert _ipn(_signed(payment, amount=payment.amount - 1000)) == "04"
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING and payment.needs_attention


@pytest.mark.django_db
def test_a_failure_after_success_never_unpays(client):
    _order, payment, _response = _vnpay_order(client)
    assert _ipn(_signed(payment)) == "00"
    assert _ipn(_signed(payment, response_code="24", transaction_no="0")) == "02"
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID


@pytest.mark.django_db
def test_the_return_page_only_shows_and_paying_again_makes_a_new_attempt(client):
    order, payment, _response = _vnpay_order(client)
    page = client.get(reverse("payments:vnpay-return"), _signed(payment))
    assert page.status_code == 200 and "đang xác nhận" in page.content.decode()
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING  # the buyer's redirect is not proof of payment

    failed = client.get(reverse("payments:vnpay-return"), _signed(payment, response_code="24"))
    assert "Thanh toán lại qua VNPay" in failed.content.decode()
    assert _ipn(_signed(payment, response_code="24", transaction_no="0")) == "00"
    again = client.post(reverse("payments:vnpay-retry", kwargs={"order_number": order.number}))
    assert again.status_code == 302 and f"vnp_TxnRef={order.number}-2" in again["Location"]
    second = Payment.objects.get(order=order, attempt=2)
    assert second.provider_reference == f"{order.number}-2"
    assert Client().post(reverse("payments:vnpay-retry", kwargs={"order_number": order.number})).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_three_ipn_copies_at_the_same_moment_change_the_state_once(client):
    _order, payment, _response = _vnpay_order(client)
    mail.outbox.clear()
    params, barrier, codes = _signed(payment), threading.Barrier(3), []

    def deliver():
        try:
            barrier.wait()
            codes.append(_ipn(params))
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(codes) == ["00", "02", "02"]
    assert len(_received_emails()) == 1
