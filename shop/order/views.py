"""The buyer's side of an order outside checkout: guest lookup by number and email, the invoice
PDF of each producer's part, "đã nhận hàng" (``shop.order.receipt``) and the VietQR image to save; and
the producer's packing slip of its parcel (``shop.order.packing_slip``).

Who may see an order or a part of it is ``shop.order.access`` (one rule for every order page and the
invoices); anyone else gets a 404, never a hint that the number exists.
"""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST
from oscar.core.loading import get_model

from shop.core.buyer_session import remember_order
from shop.core.throttle import Throttle, client_ip
from shop.order import fulfilment, receipt
from shop.order.access import may_manage_orders, may_view_order, may_view_part
from shop.order.invoices import invoice_pdf
from shop.order.packing_slip import packing_slip_pdf
from shop.order.parts import producer_parts
from shop.partner import access

Order = get_model("order", "Order")
Partner = get_model("partner", "Partner")

# Failed lookups per client address and per session (settings.OCOP_THROTTLES["order-lookup"]).
LOOKUP_THROTTLE = Throttle("order-lookup")


class OrderLookupForm(forms.Form):
    number = forms.CharField(label=_("Mã đơn hàng"), max_length=128)
    email = forms.EmailField(label=_("Email đã dùng khi đặt hàng"))

    def find(self):
        number = self.cleaned_data["number"].strip().lstrip("#")
        email = self.cleaned_data["email"].strip()
        order = Order.objects.filter(number=number).select_related("user").first()
        if order is None:
            return None
        owner_email = order.guest_email or (order.user.email if order.user else "")
        return order if owner_email and owner_email.lower() == email.lower() else None


def _lookup_keys(request):
    return [f"ip:{client_ip(request)}", f"session:{request.session.session_key or ''}"]


def _too_many_attempts(request):
    return any(LOOKUP_THROTTLE.exceeded(key) for key in _lookup_keys(request))


def _count_failure(request):
    for key in _lookup_keys(request):
        LOOKUP_THROTTLE.hit(key)


def order_lookup(request):
    # The confirmation email links here with the order number filled in (``dispatch.follow_path``).
    form = OrderLookupForm(request.POST or None, initial={"number": request.GET.get("number", "")[:128]})
    error = ""
    if request.method == "POST":
        if not request.session.session_key:
            request.session.save()
        if _too_many_attempts(request):
            error = _("Quý khách đã tra cứu sai quá nhiều lần. Vui lòng thử lại sau 15 phút.")
        elif form.is_valid():
            order = form.find()
            if order is not None:
                remember_order(request, order)
                return redirect("order-lookup-detail", number=order.number)
            _count_failure(request)
            error = _("Không tìm thấy đơn hàng với mã và email này. Hãy kiểm tra lại email xác nhận đơn hàng.")
    return render(
        request,
        "oscar/order/lookup.html",
        {"form": form, "error": error},
        status=429 if (error and _too_many_attempts(request)) else 200,
    )


@require_GET
def order_lookup_detail(request, number):
    order = get_object_or_404(Order.objects.select_related("shipping_address"), number=number)
    if not may_view_order(request, order):
        raise Http404
    return render(
        request,
        "oscar/order/lookup_detail.html",
        {
            "order": order,
            "parts": producer_parts(order),
            "invoice_url_name": "order-invoice",
            "receipt_url_name": "order-receipt" if receipt.may_confirm_receipt(request, order) else "",
        },
    )


@require_GET
def order_invoice(request, number, partner_id):
    order = get_object_or_404(Order.objects.select_related("shipping_address", "user"), number=number)
    partner = get_object_or_404(Partner, pk=partner_id)
    if not may_view_part(request, order, partner):
        raise Http404
    pdf = invoice_pdf(order, partner)
    if pdf is None:
        raise Http404
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="xac-nhan-don-hang-{order.number}-{partner.pk}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _pdf_response(pdf, filename, disposition="inline"):
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def order_receipt(request, number, partner_id):
    """The buyer confirms that this producer's parcel arrived (``shop.order.receipt``); anyone else: 404."""
    order = get_object_or_404(Order, number=number)
    partner = get_object_or_404(Partner, pk=partner_id)
    if not receipt.may_confirm_receipt(request, order):
        raise Http404
    try:
        receipt.confirm_receipt(request, order, partner)
    except fulfilment.FulfilmentRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Cảm ơn quý khách đã xác nhận nhận hàng. Quý khách có thể đánh giá sản phẩm ngay."))
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = ""
    if back:
        return redirect(back)
    if request.user.is_authenticated and order.user_id == request.user.pk:
        return redirect("customer:order", order_number=order.number)
    return redirect("order-lookup-detail", number=order.number)


@require_GET
def order_vietqr_png(request, number):
    """The VietQR of an order still waiting for its transfer, as a PNG to save ("Lưu ảnh QR"): the phone
    showing the page cannot scan it, its banking app can read it from the gallery."""
    from payments.providers.vietqr.deeplink import qr_png
    from payments.states import payment_for_order

    order = get_object_or_404(Order, number=number)
    if not may_view_order(request, order):
        raise Http404
    payment = payment_for_order(order)
    if payment is None or payment.method != "vietqr" or payment.is_paid:
        raise Http404
    response = HttpResponse(qr_png(payment.provider.qr_payload(payment)), content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="vietqr-{order.number}.png"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def order_packing_slip(request, number, partner_id):
    """The address label and packing list of one producer's parcel: that producer's people and staff with
    the order permission; everyone else (the buyer and other producers included) gets a 404."""
    order = get_object_or_404(Order.objects.select_related("shipping_address", "user"), number=number)
    partner = get_object_or_404(Partner, pk=partner_id)
    allowed = may_manage_orders(request.user) or access.capacity(request.user, partner, access.VIEW) is not None
    if not allowed:
        raise Http404
    pdf = packing_slip_pdf(order, partner)
    if pdf is None:
        raise Http404
    return _pdf_response(pdf, f"phieu-giao-hang-{order.number}-{partner.pk}.pdf", "attachment")
