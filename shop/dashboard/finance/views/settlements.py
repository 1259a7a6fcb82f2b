"""Administrators' settlement pages: every producer's statements for a month (with the bank batch file and
batch payment), and one statement with its payout VietQR and the form that records its payment; the
withholding voucher PDF and the month's declaration export.

Access: staff with ``payments.change_settlement`` (``FinanceDashboardConfig.permissions_map``);
``payments.settlements.mark_paid`` checks it again. Statements are those of the officer's provinces
(``shop.users.offices``; another province's statement is a 404). Thin views over ``payments.settlements``
and ``payments.payouts``.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from payments import declaration, payouts, settlements, vouchers
from payments.models import Settlement
from shop.core.money import format_vnd
from shop.dashboard.finance.forms import BatchForm, MarkPaidForm, MonthForm
from shop.users import offices


def default_month():
    """The previous month: the one to settle now."""
    return settlements.previous_month(*settlements.month_of(settlements.local_today()))


class SettlementMonthView(TemplateView):
    """All producers' statements for a month with their totals; POST prepares (recomputes) them."""

    template_name = "oscar/dashboard/ocop/settlements.html"

    def get_month(self, data):
        form = MonthForm(data if "month" in data else {"month": "%04d-%02d" % default_month()})
        month = form.cleaned_data["month"] if form.is_valid() else None
        return form, month

    def get(self, request, *args, **kwargs):
        form, month = self.get_month(request.GET)
        return self.render_to_response(self.get_context_data(form=form, month=month))

    def post(self, request, *args, **kwargs):
        form, month = self.get_month(request.POST)
        if month is None:
            return self.render_to_response(self.get_context_data(form=form, month=None), status=400)
        prepared = settlements.prepare_period(*month)
        mine = [s for s in prepared if offices.may_act_in(request.user, s.partner.province_code)]
        messages.success(
            request,
            _("Đã lập/tính lại %(n)s bảng đối soát của tháng %(month)s.")
            % {"n": len(mine), "month": "%02d/%04d" % (month[1], month[0])},
        )
        return redirect(reverse("dashboard:ocop-settlements") + "?month=%04d-%02d" % month)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        month = kwargs.get("month")
        if month is not None:
            period_start, period_end = settlements.period_bounds(*month)
            statements = month_statements(self.request.user, month)
            rows = list(statements.select_related("partner").order_by("partner__name", "pk"))
            context.update(
                period_start=period_start,
                period_end=period_end,
                month_value="%04d-%02d" % month,
                settlements=rows,
                payouts=[payouts.payout(statement) for statement in rows],
                totals=settlements.month_totals(statements),
                period_ended=period_end < settlements.local_today(),
                batch_form=kwargs.get("batch_form") or BatchForm(None),
            )
        return context


def month_statements(user, month):
    """The month's statements of the producers in ``user``'s provinces."""
    period_start, _period_end = settlements.period_bounds(*month)
    return offices.scope_producers(Settlement.objects.filter(period_start=period_start), user, "partner")


def statement_or_404(user, pk, *related):
    """The statement ``pk`` when its producer is in ``user``'s provinces, else 404."""
    settlement = Settlement.objects.select_related("partner", *related).filter(pk=pk).first()
    if settlement is None:
        raise Http404(_("Không tìm thấy bảng đối soát."))
    offices.check_producer(user, settlement.partner)
    return settlement


class SettlementBatchView(View):
    """POST from the month page: the chosen statements as a bank batch file (CSV or XLSX), or recorded paid
    with the bank's batch reference. A chosen statement that cannot be paid stops both, with its reason."""

    def post(self, request, *args, **kwargs):
        form = BatchForm(request.POST)
        if not form.is_valid():
            return self.back(request, form, status=400)
        month = form.cleaned_data["month"]
        ids = set(form.cleaned_data["statements"])
        chosen = list(month_statements(request.user, month).filter(pk__in=ids).select_related("partner"))
        if len(chosen) != len(ids):
            raise Http404(_("Không tìm thấy bảng đối soát."))
        action = form.cleaned_data["action"]
        if action == "paid":
            return self.pay(request, form, chosen)
        batch = payouts.batch(chosen)
        if batch.refused:
            for refused in batch.refused:
                form.add_error(None, f"{refused.partner.name}: {refused.refused}")
            return self.back(request, form, status=400)
        data = payouts.batch_xlsx(batch) if action == "xlsx" else payouts.batch_csv(batch)
        content_type = (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            if action == "xlsx"
            else "text/csv; charset=utf-8"
        )
        response = HttpResponse(data, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{payouts.batch_filename(*month, action)}"'
        return response

    def pay(self, request, form, chosen):
        try:
            paid = payouts.pay_batch(chosen, request.user, form.cleaned_data["batch_reference"])
        except settlements.SettlementRefused as refusal:
            form.add_error(None, refusal.message)
            return self.back(request, form, status=400)
        messages.success(
            request,
            _("Đã ghi nhận thanh toán %(n)s bảng đối soát, tổng %(amount)s.")
            % {"n": len(paid), "amount": format_vnd(sum(s.net_amount for s in paid))},
        )
        month = form.cleaned_data["month"]
        return redirect(reverse("dashboard:ocop-settlements") + "?month=%04d-%02d" % month)

    def back(self, request, form, status):
        """The month page again, showing the batch form's errors."""
        page = SettlementMonthView(request=request, args=(), kwargs={})
        month_form, month = page.get_month(request.POST)
        context = page.get_context_data(form=month_form, month=month, batch_form=form)
        return page.render_to_response(context, status=status)


class SettlementDetailView(TemplateView):
    """One statement with its payout VietQR; the form records its payment (period ended, reference required)."""

    template_name = "oscar/dashboard/ocop/settlement.html"

    @cached_property
    def settlement(self):
        return statement_or_404(self.request.user, self.kwargs["pk"], "paid_by")

    def get(self, request, *args, **kwargs):
        settlement = self.settlement
        if not settlement.is_paid:  # show today's figures
            settlement = settlements.statement_for(
                settlement.partner, settlement.period_start.year, settlement.period_start.month
            )
        return self.render_to_response(self.get_context_data(settlement=settlement, form=MarkPaidForm()))

    def post(self, request, *args, **kwargs):
        form = MarkPaidForm(request.POST)
        settlement = self.settlement
        if form.is_valid():
            try:
                settlement = payouts.pay(settlement, request.user, form.cleaned_data["payment_reference"])
            except settlements.SettlementRefused as refusal:
                form.add_error(None, refusal.message)
                messages.error(request, refusal.message)  # also when the form is not shown (paid)
            else:
                messages.success(
                    request,
                    _("Đã ghi nhận thanh toán %(amount)s cho %(name)s.")
                    % {"amount": format_vnd(settlement.net_amount), "name": settlement.partner.name},
                )
                return redirect("dashboard:ocop-settlement", pk=settlement.pk)
        return self.render_to_response(self.get_context_data(settlement=settlement, form=form), status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        settlement = kwargs["settlement"]
        context.update(
            period_ended=settlements.period_has_ended(settlement),
            month_value="%04d-%02d" % (settlement.period_start.year, settlement.period_start.month),
            payout=payouts.payout(settlement),
        )
        return context


class SettlementVoucherView(View):
    """The withholding voucher PDF of one statement (``payments.vouchers``), for administrators."""

    def get(self, request, *args, **kwargs):
        return vouchers.voucher_response(statement_or_404(request.user, kwargs["pk"]))


class DeclarationView(View):
    """The month's withholding declaration as CSV or XLSX (``payments.declaration``); the month's open
    statements are recomputed first."""

    def get(self, request, *args, **kwargs):
        form = MonthForm(request.GET)
        fmt = request.GET.get("format", "csv")
        if not form.is_valid() or fmt not in ("csv", "xlsx"):
            return HttpResponseBadRequest(_("Hãy chọn tháng (YYYY-MM) và định dạng csv hoặc xlsx."))
        result = declaration.declaration_for(*form.cleaned_data["month"])
        if fmt == "xlsx":
            data = declaration.as_xlsx(result)
            content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        else:
            data, content_type = declaration.as_csv(result), "text/csv; charset=utf-8"
        response = HttpResponse(data, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{declaration.filename(result, fmt)}"'
        return response
