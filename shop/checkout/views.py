"""Checkout: Oscar's flow with our payment methods and an order placement that cannot oversell.

- ``PaymentMethodView`` lets the buyer choose among ``payments.registry.available_providers()`` and
  keeps the choice in the checkout session.
- ``PaymentDetailsView.handle_payment`` — Oscar's seam into checkout — starts a ``payments.Payment``
  with the chosen provider before the order is written.
- Placement writes the order, its address and its payment link in one transaction; stock is locked and
  checked there (``order.utils.OrderCreator``). When placement fails the payment is voided and Oscar
  restores the frozen basket, so the buyer loses nothing. Once the order has committed, a failure after it (closing
  the basket, the session) leaves the order, its payment and its closed basket as they are, and the buyer is
  shown the order (``PaymentDetailsView.handle_order_placement``).
- After placement the buyer goes where the provider says (VNPay, the card page) or to the thank-you page.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.apps.checkout import views as oscar_views
from oscar.apps.checkout.exceptions import FailedPreCondition, PassedSkipCondition
from oscar.apps.payment.exceptions import UnableToTakePayment
from oscar.core.loading import get_model

from payments import cod_limits, states
from payments.registry import available_providers, get_provider, is_available
from shop.address.forms import REFRESH_WARDS
from shop.checkout import confirmation
from shop.checkout.gateway import IndexView  # noqa: F401 — Oscar's, and the guest step records consent
from shop.checkout.payment_forms import PaymentMethodForm
from shop.core.throttle import client_ip
from shop.einvoice import checkout as einvoice_checkout
from shop.einvoice.forms import InvoiceRequestForm
from shop.notifications import outbox
from shop.order.parts import producer_parts
from shop.order.tasks import announce_placed_order

UserAddress = get_model("address", "UserAddress")
logger = logging.getLogger(__name__)

UserAddressUpdateView = oscar_views.UserAddressUpdateView
UserAddressDeleteView = oscar_views.UserAddressDeleteView
ShippingMethodView = oscar_views.ShippingMethodView


class ThankYouView(oscar_views.ThankYouView):
    def get_context_data(self, *args, **kwargs):
        ctx = super().get_context_data(*args, **kwargs)
        ctx["parts"] = producer_parts(ctx["order"])
        ctx["invoice_url_name"] = "order-invoice"
        ctx["homepage_url"] = settings.OSCAR_HOMEPAGE
        return ctx


class ShippingAddressView(oscar_views.ShippingAddressView):
    """Oscar's address step with the Vietnamese form: "refresh the communes" re-renders the form for
    the province chosen (the dependent select without JavaScript), and a saved address that is not the
    buyer's is a 404, not a crash."""

    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated and "address_id" in request.POST:
            address_id = request.POST.get("address_id", "")
            get_object_or_404(UserAddress, pk=int(address_id) if address_id.isdigit() else 0, user=request.user)
        if REFRESH_WARDS in request.POST:
            form = self.get_form()
            form.errors.clear()  # the buyer has not finished: no errors yet, just the new list
            return self.render_to_response(self.get_context_data(form=form))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        form.instance.fill_display_fields()  # province and commune names for the preview and emails
        return super().form_valid(form)


class PaymentMethodView(oscar_views.PaymentMethodView):
    template_name = "oscar/checkout/payment_method.html"
    success_url = reverse_lazy("checkout:preview")

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self._form(), invoice_form=self._invoice_form()))

    def post(self, request, *args, **kwargs):
        form = self._form(data=request.POST)
        invoice_form = self._invoice_form(data=request.POST)  # a VAT invoice for a business buyer (shop.einvoice)
        if form.is_valid() and form.cleaned_data["method"] == cod_limits.COD:
            refusal = cod_limits.order_refusal(*cod_limits.basket_units_and_value(request.basket))
            if refusal:  # the basket alone is too much to hold unpaid: pay online or buy less
                form.add_error("method", refusal)
        if not all([form.is_valid(), invoice_form.is_valid()]):  # both, so both show their errors
            return self.render_to_response(self.get_context_data(form=form, invoice_form=invoice_form))
        self.checkout_session.pay_by(form.cleaned_data["method"])
        einvoice_checkout.keep(self.checkout_session, invoice_form.request_fields())
        return self.get_success_response()

    def _invoice_form(self, data=None):
        kept = einvoice_checkout.requested(self.checkout_session)
        return InvoiceRequestForm(data=data, initial={"wanted": True, **kept} if kept else None)

    def _form(self, data=None):
        return PaymentMethodForm(
            available_providers(), data=data, initial={"method": self.checkout_session.payment_method()}
        )


class PaymentDetailsView(oscar_views.PaymentDetailsView):
    """``payment-details`` only forwards to the method choice; ``preview`` shows the order and
    places it."""

    _payment = None
    _placed = None  # the order, once its transaction committed

    def dispatch(self, request, *args, **kwargs):
        # "Đặt hàng" again for a basket already placed (the node that placed it died before answering and the
        # browser retried on another, or a double click): show that order instead of an empty basket.
        if self.preview and request.method == "POST" and request.POST.get("action") == "place_order":
            order = confirmation.order_placed_from(request.POST.get(confirmation.FIELD), request)
            if order is not None:
                request.session["checkout_order_id"] = order.pk
                return redirect("checkout:thank-you")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if not self.preview:
            return redirect("checkout:payment-method")
        return super().get(request, *args, **kwargs)

    def check_payment_data_is_captured(self, request):
        if self._payment_required(request) and not is_available(self.checkout_session.payment_method() or ""):
            raise FailedPreCondition(
                url=reverse("checkout:payment-method"), message=_("Hãy chọn phương thức thanh toán.")
            )

    def _payment_required(self, request):
        try:
            self.skip_unless_payment_is_required(request)
        except PassedSkipCondition:  # nothing to pay
            return False
        return True

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        method = self.checkout_session.payment_method()
        ctx["payment_provider"] = get_provider(method) if method and is_available(method) else None
        ctx["invoice_request"] = einvoice_checkout.requested(self.checkout_session)
        if self.preview and ctx.get("order_total") is not None:
            ctx["confirmed_quote"] = confirmation.sign(
                confirmation.quote(self.request.basket, ctx.get("shipping_charge"), ctx["order_total"])
            )
        return ctx

    def handle_place_order_submission(self, request):
        """Place the order only at what the buyer confirmed: when a price, an offer or the shipping charge
        changed since the preview (or the preview's quote is missing), show the preview again with the
        changes, to be confirmed."""
        submission = self.build_submission()
        current = confirmation.quote(submission["basket"], submission["shipping_charge"], submission["order_total"])
        shown = confirmation.confirmed(request.POST.get(confirmation.FIELD))
        differences = confirmation.changes(shown, current)
        if differences:
            if shown is not None:
                messages.warning(
                    request, _("Đơn hàng đã thay đổi kể từ khi bạn xem. Hãy xem lại và bấm “Đặt hàng” nếu bạn đồng ý.")
                )
            return self.render_preview(request, quote_changes=differences)
        return self.submit(**submission)

    def build_submission(self, **kwargs):
        submission = super().build_submission(**kwargs)
        submission["payment_kwargs"]["method"] = self.checkout_session.payment_method()
        return submission

    def handle_payment(self, order_number, total, method=None, **kwargs):
        # Stock hoarding (payments.cod_limits): guests' order rate, and what unpaid COD may hold.
        user = self.request.user
        email = user.email if user.is_authenticated else self.checkout_session.get_guest_email()
        refusal = None if user.is_authenticated else cod_limits.guest_refusal(email, client_ip(self.request))
        if refusal:
            raise UnableToTakePayment(refusal)
        if total.incl_tax <= 0:
            return
        if not method or not is_available(method):
            raise UnableToTakePayment(_("Phương thức thanh toán này hiện không dùng được; hãy chọn cách khác."))
        if method == cod_limits.COD:
            refusal = cod_limits.cod_refusal(
                self.request.basket, email, self.get_shipping_address(self.request.basket), client_ip(self.request)
            )
            if refusal:
                raise UnableToTakePayment(refusal)
        provider = get_provider(method)
        payment = states.create_payment(order_number, provider, total.incl_tax)
        try:
            provider.start(payment, self.request)
        except Exception:
            states.void(payment)
            raise
        self._payment = payment

    def render_payment_details(self, request, **kwargs):
        # A payment the provider refused (UnableToTakePayment): back to the method choice with the reason.
        messages.error(request, kwargs.get("error") or _("Không thực hiện được thanh toán."))
        return redirect("checkout:payment-method")

    def handle_order_placement(self, *args, **kwargs):
        self._placed = None
        try:
            return super().handle_order_placement(*args, **kwargs)
        except Exception:
            if self._placed is None:
                # Stock gone or a crash before the order committed: nothing may stay held with the provider, and
                # Oscar's submit() restores the frozen basket and shows the reason.
                if self._payment is not None:
                    states.void(self._payment)
                raise
            # The order committed; what failed came after it (closing the basket, the session, a signal). The order
            # stands with its payment: the buyer is shown it, not Oscar's apology beside their basket reopened,
            # where ordering the same lines again would make a second order.
            logger.exception("Order %s placed; the checkout failed after it", self._placed.number)
            return self.show_placed_order(self._placed)

    def show_placed_order(self, order):
        """What a placement answers (Oscar's ``handle_successful_order``), for an order that committed: its basket
        closed, the checkout's data flushed, the buyer sent on to the order (the thank-you or the payment page)."""
        Basket = get_model("basket", "Basket")
        Basket.objects.filter(pk=order.basket_id).exclude(status=Basket.SUBMITTED).update(
            status=Basket.SUBMITTED, date_submitted=timezone.now()
        )
        self.checkout_session.flush()
        self.request.session["checkout_order_id"] = order.pk
        response = redirect(self.get_success_url())
        # The guest order throttle and the COD limits' client memory count it (payments.apps); robust, as a receiver
        # may be what failed.
        self.view_signal.send_robust(
            sender=self, order=order, user=self.request.user, request=self.request, response=response
        )
        return response

    def restore_frozen_basket(self):
        """Oscar reopens the frozen basket after any failure; a basket whose order committed stays closed (even if
        showing the order failed too: "Đặt hàng" again then shows it, ``dispatch``)."""
        if self._placed is None:
            super().restore_frozen_basket()

    def place_order(self, *args, **kwargs):
        # The address, the order, its stock reservations and its payment link stand or fall together.
        with transaction.atomic():
            order = super().place_order(*args, **kwargs)
            einvoice_checkout.record(order, self.checkout_session)
            if self._payment is not None:
                states.attach_order(self._payment, order)
            # The producers' mails and the buyer's confirmation: rendered and sent by the worker, queued in the
            # order's transaction once the order is whole (its payment attached), links on this request's site.
            if not outbox.is_paused():
                announce_placed_order.enqueue(order.pk, self.request.build_absolute_uri("/"))
        self._placed = order  # committed
        return order

    def send_order_placed_email(self, order):
        """Nothing here: the worker sends the confirmation with the producers' mails (``place_order`` queues
        ``shop.order.tasks.announce_placed_order``)."""

    def get_success_url(self):
        if self._payment is not None:
            url = self._payment.provider.next_url(self._payment, self.request)
            if url:
                return url
        return super().get_success_url()
