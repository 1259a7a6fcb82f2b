"""VNPay: the IPN — the only thing that marks a VNPay payment paid — the return page that only shows
the result, and "pay again" (a new attempt with a new transaction reference)."""
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from oscar.core.loading import get_model

from payments import states, vnpay
from payments.models import Payment, ProviderEvent
from payments.providers import get_provider, is_available
from shop.order.views import buyer_may_see

logger = logging.getLogger("payments")
Order = get_model("order", "Order")


def _answer(code, message):
    return JsonResponse({"RspCode": code, "Message": message})


@csrf_exempt
@require_GET
def ipn(request):
    """VNPay's server-to-server notice, answered in VNPay's codes: 97 bad signature, 01 unknown order,
    04 wrong amount, 02 already confirmed, 00 received. A duplicate notice (also concurrent copies)
    changes nothing: the unique ProviderEvent row lets only the first through."""
    params = request.GET.dict()
    if not vnpay.signature_is_valid(params, settings.VNPAY_HASH_SECRET):
        return _answer("97", "Invalid signature")
    payment = Payment.objects.filter(method="vnpay", provider_reference=params.get("vnp_TxnRef", "")).first()
    if payment is None:
        return _answer("01", "Order not found")
    try:
        amount = vnpay.amount_from_field(params.get("vnp_Amount", "0"))
    except ValueError:
        amount = -1
    if amount != payment.amount:
        states.flag(payment, f"VNPay báo số tiền {params.get('vnp_Amount')} (×100) khác đơn hàng; chưa ghi nhận.")
        return _answer("04", "Invalid amount")
    if payment.status == Payment.Status.PAID:
        return _answer("02", "Order already confirmed")
    succeeded = params.get("vnp_ResponseCode") == vnpay.SUCCESS and params.get("vnp_TransactionStatus") == vnpay.SUCCESS
    event_id = ":".join((params.get("vnp_TxnRef", ""), params.get("vnp_TransactionNo", ""),
                         params.get("vnp_ResponseCode", "")))
    try:
        with transaction.atomic():
            record = ProviderEvent.objects.create(provider="vnpay", event_id=event_id, payment=payment,
                                                  event_type="ipn", payload=params)
            if succeeded:
                # The payment keeps its vnp_TxnRef as reference (VNPay's later notices name it);
                # VNPay's own transaction number stays in the event's payload.
                outcome = states.record_payment(payment, amount)
            else:
                states.record_failure(payment, f"VNPay {params.get('vnp_ResponseCode')}")
                outcome = "failed"
            record.outcome = outcome
            record.save(update_fields=["outcome"])
    except IntegrityError:
        return _answer("02", "Order already confirmed")
    if outcome == states.ALREADY_PAID:
        return _answer("02", "Order already confirmed")
    return _answer("00", "Confirm Success")


@require_GET
def return_page(request):
    """Where VNPay sends the buyer back. Shows the result; never marks anything paid."""
    params = request.GET.dict()
    payment = Payment.objects.filter(method="vnpay", provider_reference=params.get("vnp_TxnRef", "")).select_related(
        "order").first()
    if payment is None or payment.order is None or not vnpay.signature_is_valid(params, settings.VNPAY_HASH_SECRET):
        raise Http404
    if not buyer_may_see(request, payment.order):
        raise Http404
    succeeded = params.get("vnp_ResponseCode") == vnpay.SUCCESS
    return render(request, "payments/vnpay/return.html", {"order": payment.order, "payment": payment,
                                                          "succeeded": succeeded})


@require_POST
def retry(request, order_number):
    """Pay again through VNPay after a failed or abandoned attempt: a new attempt, a new reference."""
    order = get_object_or_404(Order, number=order_number)
    if not buyer_may_see(request, order) or not is_available("vnpay"):
        raise Http404
    current = states.payment_for_order(order)
    if current is None or current.method != "vnpay" or current.status not in (Payment.Status.PENDING,
                                                                              Payment.Status.FAILED):
        return redirect("order-lookup-detail", number=order.number)
    provider = get_provider("vnpay")
    payment = states.create_payment(order.number, provider, order.total_incl_tax)
    provider.start(payment, request)
    payment.order = order
    payment.save(update_fields=["order"])
    if current.status == Payment.Status.PENDING:
        states.void(current)
    return redirect(provider.next_url(payment, request))
