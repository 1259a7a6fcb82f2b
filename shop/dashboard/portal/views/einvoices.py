"""The e-invoice of the producer's part of an order, from the portal order page: issue it, cancel it or replace it
with a reason (``shop.einvoice.services``; the seller issues its own invoices, Decree 123/2020/NĐ-CP). Without a
provider configured, "issue" keeps a draft with its XML for the seller's own provider and replacing is refused
with the reason; the services' refusals are shown as messages on the order page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from shop.dashboard.portal.mixins import PortalMixin
from shop.einvoice import services
from shop.einvoice.models import EInvoice
from shop.order import fulfilment
from shop.partner import access


class OrderEInvoiceView(PortalMixin, View):
    post_needs = access.FULFIL

    def order(self, number):
        order = fulfilment.order_for_producer(self.producer, number)
        if order is None:
            raise Http404(_("Không tìm thấy đơn hàng."))
        return order

    def back_to(self, order):
        return redirect(reverse("dashboard:portal-order", kwargs={"number": order.number}) + "#einvoice")

    def get(self, request, number):
        """The actions live on the order page."""
        return self.back_to(self.order(number))

    def post(self, request, number):
        order = self.order(number)
        action, reason = request.POST.get("action"), request.POST.get("reason", "")
        if action not in ("issue", "cancel", "replace"):
            return HttpResponseBadRequest(_("Thao tác không hợp lệ."))
        try:
            messages.success(request, getattr(self, f"action_{action}")(order, reason))
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
        return self.back_to(order)

    def current(self, order):
        einvoice = services.current_invoice(order, self.producer)
        if einvoice is None:
            raise ValidationError(_("Phần đơn hàng này chưa có hoá đơn."))
        return einvoice

    def action_issue(self, order, reason):
        einvoice = services.issue_for_part(order, self.producer)
        if einvoice.status == EInvoice.Status.DRAFT:
            return _(
                "Đã lưu bản nháp hoá đơn. Sàn chưa kết nối nhà cung cấp hoá đơn điện tử: hãy tải dữ liệu XML và phát "
                "hành qua nhà cung cấp của cơ sở."
            )
        return _("Đã phát hành hoá đơn %(series)s số %(number)s, mã tra cứu %(code)s.") % {
            "series": einvoice.series,
            "number": einvoice.number,
            "code": einvoice.lookup_code,
        }

    def action_cancel(self, order, reason):
        einvoice = services.cancel(self.current(order), reason)
        return _("Đã huỷ hoá đơn %(number)s.") % {"number": einvoice.number or _("nháp")}

    def action_replace(self, order, reason):
        replacement = services.replace(self.current(order), reason)
        return _("Đã phát hành hoá đơn thay thế %(series)s số %(number)s.") % {
            "series": replacement.series,
            "number": replacement.number,
        }
