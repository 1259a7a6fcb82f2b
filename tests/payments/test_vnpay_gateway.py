"""VNPay end to end: the signed redirect after checkout, the IPN as the only thing that marks paid
(VNPay's answer codes), duplicates also at the same moment, the return page that only shows, and
paying again after a failure."""

import datetime
import threading
from urllib.parse import parse_qs, urlparse

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone, translation
from oscar.core.loading import get_model

from payments import states
from payments.models import Payment, ProviderEvent
from payments.providers.vnpay import signing as vnpay
from payments.registry import get_provider
from shop.order import expiry
from tests.shop.checkout.journey import add_to_basket, buyable_products, place_order, reach_preview

Order = get_model("order", "Order")
Source = get_model("payment", "Source")
EMAIL = "vi.dien.tu@example.vn"


def _vnpay_order(client):
    (product,) = buyable_products(1)
    add_to_basket(client, product, 2)
    reach_preview(client, method="vnpay", email=EMAIL)
    response = place_order(client)
    order = Order.objects.get(guest_email=EMAIL)
    return order, Payment.objects.get(order=order), response


def _signed(payment, response_code="00", amount=None, transaction_no="14123456", paid_at=None, **extra):
    """What VNPay sends (IPN or return) about ``payment``, signed with the merchant's secret."""
    params = {
        "vnp_TmnCode": settings.VNPAY_TMN_CODE,
        "vnp_TxnRef": f"{payment.order_number}-{payment.attempt}",
        "vnp_Amount": vnpay.amount_field(payment.amount if amount is None else amount),
        "vnp_ResponseCode": response_code,
        "vnp_TransactionStatus": response_code,
        "vnp_TransactionNo": transaction_no,
        "vnp_BankCode": "NCB",
        "vnp_PayDate": vnpay.format_time(paid_at or timezone.now()),
        "vnp_OrderInfo": f"Thanh toan don hang {payment.order_number}",
        **extra,
    }
    params["vnp_SecureHash"] = vnpay.sign(params, settings.VNPAY_HASH_SECRET)
    return params


def _ipn(params):
    response = Client().get(reverse("payments:vnpay-ipn"), params)
    assert response.status_code == 200  # VNPay reads the JSON answer, whatever it says
    return response.json()["RspCode"]


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
    assert params["vnp_OrderInfo"] == f"Thanh toan don hang {order.number}"
    assert params["vnp_ReturnUrl"] == "http://testserver" + reverse("payments:vnpay-return")
    assert params["vnp_Locale"] == "vn" and params["vnp_IpAddr"] == "127.0.0.1"
    assert vnpay.signature_is_valid(params, settings.VNPAY_HASH_SECRET)
    assert payment.status == Payment.Status.PENDING


@pytest.mark.django_db
def test_the_vnpay_url_follows_the_buyers_language_address_and_vietnam_time():
    provider = get_provider("vnpay")
    payment = states.create_payment("900001", provider, 250000)
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.9")
    provider.start(payment, request)
    with translation.override("en"):
        url = provider.next_url(payment, request)
    params = {k: v[0] for k, v in parse_qs(urlparse(url).query).items()}
    assert params["vnp_Locale"] == "en" and params["vnp_IpAddr"] == "203.0.113.9"
    assert params["vnp_Amount"] == "25000000" and params["vnp_TxnRef"] == "900001-1"
    created, expires = vnpay.parse_time(params["vnp_CreateDate"]), vnpay.parse_time(params["vnp_ExpireDate"])
    assert abs(created - timezone.now()) < datetime.timedelta(minutes=1)
    assert expires - created == datetime.timedelta(minutes=15)
    assert vnpay.format_time(datetime.datetime(2026, 11, 23, 17, 0, tzinfo=datetime.timezone.utc)) == "20261124000000"


@pytest.mark.django_db
def test_the_ipn_marks_paid_once_and_answers_in_vnpays_codes(client, django_capture_on_commit_callbacks):
    order, payment, _response = _vnpay_order(client)
    with django_capture_on_commit_callbacks(execute=True):
        codes = [_ipn(_signed(payment)) for _ in range(3)]
    assert codes == ["00", "02", "02"]
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID and payment.amount_received == payment.amount
    # VNPay's transaction number is the payment's reference from now on (in Oscar's ledger too).
    assert payment.provider_reference == "14123456"
    assert Source.objects.get(order=order, source_type__code="vnpay").amount_debited == payment.amount
    assert payment.events.get().outcome == "paid"
    assert len(_received_emails()) == 1


@pytest.mark.django_db
def test_a_tampered_signature_changes_nothing(client):
    _order, payment, _response = _vnpay_order(client)
    tampered = _signed(payment)
    tampered["vnp_Amount"] = vnpay.amount_field(1000)
    assert _ipn(tampered) == "97"
    assert _ipn({**_signed(payment), "vnp_SecureHash": "0" * 128}) == "97"
    unsigned = _signed(payment)
    del unsigned["vnp_SecureHash"]
    assert _ipn(unsigned) == "97"
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING and not payment.needs_attention
    assert not ProviderEvent.objects.filter(provider="vnpay").exists()


@pytest.mark.django_db
def test_unknown_order_and_a_notice_older_than_the_attempt_are_not_found(client):
    _order, payment, _response = _vnpay_order(client)
    assert _ipn(_signed(payment, vnp_TxnRef="999999-1")) == "01"
    assert _ipn(_signed(payment, vnp_TxnRef=f"{payment.order_number}-2")) == "01"
    assert _ipn(_signed(payment, vnp_TxnRef="no-attempt")) == "01"
    # Paid an hour before this attempt existed: an older transaction under the same reference.
    assert _ipn(_signed(payment, paid_at=payment.created_at - datetime.timedelta(hours=1))) == "01"
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING
    assert not ProviderEvent.objects.filter(provider="vnpay").exists()
    # A few minutes of clock difference with VNPay is tolerated.
    assert _ipn(_signed(payment, paid_at=payment.created_at - datetime.timedelta(minutes=2))) == "00"


@pytest.mark.django_db
def test_a_wrong_amount_is_flagged_once_and_not_paid(client):
    _order, payment, _response = _vnpay_order(client)
    wrong = _signed(payment, amount=payment.amount - 1000)
    assert [_ipn(wrong) for _ in range(3)] == ["04", "04", "04"]
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING and payment.needs_attention
    assert len(payment.attention_note.splitlines()) == 1 and "khác số tiền" in payment.attention_note
    assert not _received_emails()


@pytest.mark.django_db
def test_a_failure_after_success_never_unpays(client):
    _order, payment, _response = _vnpay_order(client)
    assert _ipn(_signed(payment)) == "00"
    assert _ipn(_signed(payment, response_code="24", transaction_no="0")) == "02"
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID


@pytest.mark.django_db
def test_a_failure_is_received_once(client):
    _order, payment, _response = _vnpay_order(client)
    failure = _signed(payment, response_code="24", transaction_no="0")
    assert [_ipn(failure) for _ in range(2)] == ["00", "02"]
    payment.refresh_from_db()
    assert payment.status == Payment.Status.FAILED


@pytest.mark.django_db
def test_the_return_page_only_shows_and_paying_again_makes_a_new_attempt(client):
    order, payment, _response = _vnpay_order(client)
    page = client.get(reverse("payments:vnpay-return"), _signed(payment))
    assert page.status_code == 200 and "đang xác nhận thanh toán" in page.content.decode()
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING  # the buyer's redirect is not proof of payment
    assert not ProviderEvent.objects.filter(provider="vnpay").exists()

    failed = client.get(reverse("payments:vnpay-return"), _signed(payment, response_code="24"))
    assert "Quý khách đã huỷ giao dịch" in failed.content.decode()
    assert "Thanh toán lại qua VNPay" in failed.content.decode()
    assert _ipn(_signed(payment, response_code="24", transaction_no="0")) == "00"
    again = client.post(reverse("payments:vnpay-retry", kwargs={"order_number": order.number}))
    assert again.status_code == 302 and f"vnp_TxnRef={order.number}-2" in again["Location"]
    second = Payment.objects.get(order=order, attempt=2)
    assert second.provider_reference == f"{order.number}-2" and second.status == Payment.Status.PENDING
    assert second.amount == payment.amount
    assert Client().post(reverse("payments:vnpay-retry", kwargs={"order_number": order.number})).status_code == 404

    assert _ipn(_signed(second)) == "00"
    paid = client.get(reverse("payments:vnpay-return"), _signed(second))
    assert "Đã nhận thanh toán" in paid.content.decode()
    # Paid: no more attempts.
    refused = client.post(reverse("payments:vnpay-retry", kwargs={"order_number": order.number}))
    assert refused.status_code == 302 and "vnpayment" not in refused["Location"]
    assert not Payment.objects.filter(order=order, attempt=3).exists()


@pytest.mark.django_db
def test_the_return_page_refuses_a_tampered_result_and_tells_strangers_little(client):
    order, payment, _response = _vnpay_order(client)
    tampered = {**_signed(payment), "vnp_ResponseCode": "00", "vnp_Amount": "100"}
    page = client.get(reverse("payments:vnpay-return"), tampered)
    assert page.status_code == 400 and "Không xác minh được" in page.content.decode()

    stranger = Client().get(reverse("payments:vnpay-return"), _signed(payment, response_code="24")).content.decode()
    assert "Thanh toán lại qua VNPay" not in stranger
    assert reverse("order-lookup-detail", kwargs={"number": order.number}) not in stranger
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING


@pytest.mark.django_db
def test_an_older_vnpay_page_paid_after_paying_again_is_kept_once(client):
    order, first, _response = _vnpay_order(client)
    client.post(reverse("payments:vnpay-retry", kwargs={"order_number": order.number}))
    second = Payment.objects.get(order=order, attempt=2)
    first.refresh_from_db()
    assert first.status == Payment.Status.VOIDED

    # The buyer still pays on the first VNPay page: the money is real, so it is kept.
    assert _ipn(_signed(first)) == "00"
    first.refresh_from_db()
    assert first.status == Payment.Status.PAID and states.payment_for_order(order) == first
    # The order is paid: it is not released for non-payment, even though attempt 2 never was.
    assert expiry.release_unpaid_orders(now=timezone.now() + datetime.timedelta(hours=3)) == []
    # Paying the second page too is money we must not keep twice: refunded, flagged for an administrator.
    assert _ipn(_signed(second, transaction_no="14123999")) == "00"
    second.refresh_from_db()
    assert second.status == Payment.Status.REFUNDED and second.needs_attention
    assert "Cần chuyển trả" in second.attention_note


@pytest.mark.django_db
def test_money_for_an_order_released_for_non_payment_goes_to_an_administrator_to_refund(client):
    order, payment, _response = _vnpay_order(client)
    assert expiry.release_unpaid_orders(now=timezone.now() + datetime.timedelta(hours=3)) == [order.number]
    mail.outbox.clear()
    assert _ipn(_signed(payment)) == "00"
    payment.refresh_from_db()
    # VNPay's refund API is not part of the redirect protocol: an administrator refunds by hand.
    assert payment.status == Payment.Status.REFUNDED and payment.needs_attention
    assert "Cần chuyển trả" in payment.attention_note
    assert not _received_emails()


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
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID
    assert ProviderEvent.objects.filter(provider="vnpay").count() == 1
    assert len(_received_emails()) == 1
