"""VNPay: the IPN — the only thing that marks a VNPay payment paid — the return page that only shows
the result, and "pay again" (a new attempt with a new transaction reference)."""

import logging
from functools import partial

from django.conf import settings
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from oscar.core.loading import get_model

from payments import states
from payments.events import act_once
from payments.models import Payment
from payments.providers.vnpay import signing
from payments.providers.vnpay.gateway import can_pay_again, paid_during_attempt, payment_for_txn_ref
from payments.registry import get_provider, is_available
from shop.core.buyer_session import is_buyer
from shop.core.money import format_vnd

logger = logging.getLogger("payments")
Order = get_model("order", "Order")

# What the IPN answers (VNPay's documented codes), by what we did with the notice.
FAILED = "failed"
NOT_PENDING = "not-pending"
CONFIRMED = ("00", "Confirm Success")
ALREADY_CONFIRMED = ("02", "Order already confirmed")
INVALID_AMOUNT = ("04", "Invalid amount")
ANSWERS = {
    states.PAID: CONFIRMED,
    states.REFUNDED_UNKEPT: CONFIRMED,  # received; we give it back (an administrator is told)
    FAILED: CONFIRMED,
    states.ALREADY_PAID: ALREADY_CONFIRMED,
    states.NOT_PAYABLE: ALREADY_CONFIRMED,
    NOT_PENDING: ALREADY_CONFIRMED,
    states.AMOUNT_MISMATCH: INVALID_AMOUNT,
}


def _answer(code, message):
    return JsonResponse({"RspCode": code, "Message": message})


def _configured():
    """VNPay's merchant code and secret are set. Without them nothing from "VNPay" is believed: a
    notice signed with an empty key is anyone's."""
    return get_provider("vnpay").is_configured()


def _event_id(params):
    return ":".join(
        (params.get("vnp_TxnRef", ""), params.get("vnp_TransactionNo", ""), params.get("vnp_ResponseCode", ""))
    )


@csrf_exempt
@require_GET
def ipn(request):
    """VNPay's server-to-server notice, always HTTP 200 with VNPay's codes: 97 bad signature or VNPay
    not configured (our "400": nothing changes), 01 unknown order, 04 wrong amount (flagged, not paid),
    02 already confirmed, 00 received. Each notice is acted on once (``payments.events.act_once``):
    copies — even concurrent ones — wait for the first and then only repeat its answer."""
    params = request.GET.dict()
    if not _configured():
        logger.warning("VNPay IPN for %s refused: VNPay is not configured", params.get("vnp_TxnRef", "?"))
        return _answer("97", "Invalid signature")
    if not signing.signature_is_valid(params, settings.VNPAY_HASH_SECRET):
        logger.warning("VNPay IPN with an invalid signature for %s", params.get("vnp_TxnRef", "?"))
        return _answer("97", "Invalid signature")
    payment = payment_for_txn_ref(params.get("vnp_TxnRef", ""))
    if payment is None:
        return _answer("01", "Order not found")
    if not paid_during_attempt(payment, params.get("vnp_PayDate", "")):
        logger.warning(
            "VNPay IPN for %s paid at %s, before the attempt was created: not this attempt",
            params.get("vnp_TxnRef"),
            params.get("vnp_PayDate"),
        )
        return _answer("01", "Order not found")
    acted = act_once(
        "vnpay", _event_id(params), partial(_act, payment, params), payment=payment, event_type="ipn", payload=params
    )
    if acted.duplicate:
        return _answer(*(INVALID_AMOUNT if acted.outcome == states.AMOUNT_MISMATCH else ALREADY_CONFIRMED))
    return _answer(*ANSWERS[acted.outcome])


def _paid(payment, amount, params):
    return states.record_payment(payment, amount, reference=params.get("vnp_TransactionNo", ""))


def _failed(payment, amount, params):
    reason = f"VNPay {params.get('vnp_ResponseCode')}/{params.get('vnp_TransactionStatus')}"
    return FAILED if states.record_failure(payment, reason) else NOT_PENDING


# What a notice does by VNPay's (vnp_ResponseCode, vnp_TransactionStatus): paid only when both are "00"
# (``signing.succeeded``); every other pair is a failed attempt.
HANDLERS = {
    (signing.SUCCESS, signing.SUCCESS): _paid,
}


def _act(payment, params):
    try:
        amount = signing.amount_from_field(params.get("vnp_Amount", ""))
    except ValueError:
        amount = None
    if amount != payment.amount:
        states.flag(
            payment,
            f"VNPay báo số tiền {params.get('vnp_Amount', '—')} (đồng × 100) khác số tiền "
            f"{format_vnd(payment.amount)} (giao dịch {params.get('vnp_TransactionNo', '—')}); "
            f"chưa ghi nhận đã thanh toán.",
        )
        return states.AMOUNT_MISMATCH
    handler = HANDLERS.get((params.get("vnp_ResponseCode"), params.get("vnp_TransactionStatus")), _failed)
    return handler(payment, amount, params)


# A few of VNPay's response codes worth telling the buyer apart from "did not go through".
FAILURE_MESSAGES = {
    "24": "cancelled",
    "11": "expired",
    "51": "insufficient",
}


@require_GET
def return_page(request):
    """Where VNPay sends the buyer back. Shows the result; never marks anything paid (the IPN does).
    A stranger holding the link sees the result without the order's details."""
    params = request.GET.dict()
    if not _configured() or not signing.signature_is_valid(params, settings.VNPAY_HASH_SECRET):
        return render(request, "payments/vnpay/return.html", {"verified": False}, status=400)
    payment = payment_for_txn_ref(params.get("vnp_TxnRef", ""))
    if payment is None or payment.order is None:
        raise Http404
    order = payment.order
    may_see = is_buyer(request, order)
    return render(
        request,
        "payments/vnpay/return.html",
        {
            "verified": True,
            "order": order,
            "payment": payment,
            "may_see": may_see,
            "succeeded": signing.succeeded(params),
            "failure": FAILURE_MESSAGES.get(params.get("vnp_ResponseCode", ""), "other"),
            "can_retry": may_see and is_available("vnpay") and can_pay_again(order),
        },
    )


@require_POST
def retry(request, order_number):
    """Pay again through VNPay after a failed or abandoned attempt: a new attempt, a new reference.
    Only the order's buyer (its account, or the session that placed or looked up the order)."""
    order = get_object_or_404(Order, number=order_number)
    if not is_buyer(request, order) or not is_available("vnpay"):
        raise Http404
    if not can_pay_again(order):
        return redirect("order-lookup-detail", number=order.number)
    current = states.payment_for_order(order)
    provider = get_provider("vnpay")
    payment = states.create_payment(order.number, provider, current.amount)
    provider.start(payment, request)
    payment.order = order  # the order's ledger Source already exists (one per method)
    payment.save(update_fields=["order"])
    if current.status == Payment.Status.PENDING:
        # Superseded. Should the old VNPay page still be paid, record_payment keeps that money and
        # refunds a second payment: never kept twice.
        states.void(current)
    return redirect(provider.next_url(payment, request))
