"""Administrators' payment desk: payments by status and method (flagged ones first), recording cash or
a transfer as received, clearing a flag, and importing the bank statement.

Access: staff with ``payments.change_payment`` (``FinanceDashboardConfig.permissions_map``). Thin views
over ``payments.states`` (the only code that changes a payment) and ``payments.providers.vietqr.statements`` (the
statement's rows are applied by the worker: ``shop.dashboard.files.kinds``).
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from payments import states
from payments.models import Payment
from payments.providers.vietqr import statements
from payments.registry import PROVIDER_CLASSES, get_provider
from shop.core.money import format_vnd
from shop.dashboard.files import kinds
from shop.dashboard.finance.forms import ReceivedForm, StatementForm
from shop.jobs import files
from shop.order import fulfilment

CONFIRMABLE_BY_HAND = ("cod", "vietqr")


class PaymentDeskView(TemplateView):
    template_name = "oscar/dashboard/ocop/payments.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        status, method = self.request.GET.get("status", ""), self.request.GET.get("method", "")
        payments = Payment.objects.exclude(order=None).select_related("order", "confirmed_by")
        if status in Payment.Status.values:
            payments = payments.filter(status=status)
        if method in PROVIDER_CLASSES:
            payments = payments.filter(method=method)
        ctx.update(
            payments=payments.order_by("-needs_attention", "-created_at")[:200],
            statuses=Payment.Status.choices,
            methods=[(c, get_provider(c).label) for c in PROVIDER_CLASSES],
            status=status,
            method=method,
            statement_form=kwargs.get("statement_form") or StatementForm(),
            confirmable=CONFIRMABLE_BY_HAND,
        )
        return ctx

    # POST "action" → method; each may refuse the payment it is given.
    actions = {"received": "action_received", "cancel_refund": "action_cancel_refund", "reviewed": "action_reviewed"}

    def post(self, request, *args, **kwargs):
        payment = get_object_or_404(Payment, pk=request.POST.get("payment") or 0)
        method = self.actions.get(request.POST.get("action"))
        if method is None or not getattr(self, method)(request, payment):
            messages.error(request, _("Thao tác không hợp lệ cho thanh toán này."))
        return redirect("dashboard:ocop-payments")

    # --- Actions: each returns False when it does not apply to this payment ----------------

    def action_received(self, request, payment):
        """Cash or a transfer received, recorded by hand (COD and VietQR only)."""
        if payment.method not in CONFIRMABLE_BY_HAND:
            return False
        form = ReceivedForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Số tiền đã nhận không hợp lệ."))
            return True
        outcome = states.record_payment(
            payment, form.cleaned_data["amount"], form.cleaned_data["reference"], confirmed_by=request.user
        )
        text = {
            states.PAID: _("Đã ghi nhận thanh toán %(amount)s cho đơn hàng %(number)s."),
            states.ALREADY_PAID: _("Đơn hàng %(number)s đã được ghi nhận thanh toán trước đó."),
            states.AMOUNT_MISMATCH: _(
                "Số tiền %(amount)s khác số tiền của đơn hàng %(number)s: chưa ghi nhận, đã đánh dấu để kiểm tra."
            ),
            states.REFUNDED_UNKEPT: _("Đơn hàng %(number)s không còn hiệu lực: cần hoàn lại %(amount)s cho khách."),
        }.get(outcome, _("Không ghi nhận được thanh toán cho đơn hàng %(number)s."))
        level = messages.success if outcome == states.PAID else messages.warning
        level(request, text % {"amount": format_vnd(form.cleaned_data["amount"]), "number": payment.order_number})
        return True

    def action_cancel_refund(self, request, payment):
        """Cancel the lines not yet shipped and refund what was collected for them."""
        if payment.order is None:
            return False
        reason = (request.POST.get("reason") or "").strip()
        if not reason:
            messages.error(request, _("Hãy ghi lý do huỷ đơn để báo cho khách hàng."))
            return True
        cancelled = fulfilment.cancel_open_lines(payment.order, reason)
        if cancelled:
            messages.success(
                request,
                _("Đã huỷ %(n)s sản phẩm chưa gửi của đơn hàng %(number)s và hoàn tiền đã thu cho các sản phẩm đó.")
                % {"n": cancelled, "number": payment.order_number},
            )
        else:
            messages.warning(
                request,
                _("Đơn hàng %(number)s không còn sản phẩm nào chưa gửi để huỷ.") % {"number": payment.order_number},
            )
        return True

    def action_reviewed(self, request, payment):
        """Clear the payment's flag."""
        Payment.objects.filter(pk=payment.pk).update(needs_attention=False)
        messages.success(
            request, _("Đã đánh dấu đã xem thanh toán của đơn hàng %(number)s.") % {"number": payment.order_number}
        )
        return True


class StatementImportView(View):
    """Upload a bank statement: what can be checked at once (a CSV file, UTF-8, at most 2 MB) is refused here with
    its reason; the rows are applied by the worker (``shop.dashboard.files.kinds``), whose page shows each row's result."""

    def get(self, request, *args, **kwargs):
        return redirect("dashboard:ocop-payments")

    def post(self, request, *args, **kwargs):
        form = StatementForm(request.POST, request.FILES)
        if not form.is_valid():
            for error in form.errors.get("statement", [_("Hãy chọn tệp sao kê CSV.")]):
                messages.error(request, error)
            return redirect("dashboard:ocop-payments")
        upload = form.cleaned_data["statement"]
        data = upload.read(statements.MAX_BYTES + 1)
        try:
            statements.decode(data)
        except statements.StatementError as error:
            messages.error(request, str(error))
            return redirect("dashboard:ocop-payments")
        job = files.start(kinds.STATEMENT_IMPORT, request.user, upload=data, upload_name=upload.name)
        messages.success(request, _("Đã nhận tệp sao kê; kết quả từng dòng sẽ có ở trang này khi xử lý xong."))
        return redirect("dashboard:ocop-file", pk=job.pk)
