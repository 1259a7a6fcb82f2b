"""The producer's sales report (with CSV) and settlement statements in the portal.

Thin views over ``payments.sales`` and ``payments.settlements``: every query is narrowed to
``self.producer`` (PortalMixin); a statement of another producer is a 404.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from payments import sales, settlements, vouchers
from payments.models import Settlement
from shop.dashboard.date_range import DateRangeForm
from shop.dashboard.files import kinds
from shop.dashboard.portal.mixins import PortalMixin
from shop.jobs import files
from shop.partner import access

# A report covers at most this many days (a year, leap day included).
MAX_RANGE_DAYS = 366


def default_range(today=None):
    """This month so far: its first day to today (Vietnam time)."""
    today = today or settlements.local_today()
    return today.replace(day=1), today


class SalesRangeForm(DateRangeForm):
    """The report's dates (GET ?date_from=…&date_to=…); it opens on this month so far."""

    @classmethod
    def default_range(cls, today=None):
        return default_range(today)

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to:
            if date_from > date_to:
                self.add_error("date_to", _("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."))
            elif (date_to - date_from).days + 1 > MAX_RANGE_DAYS:
                self.add_error("date_to", _("Chỉ xem được tối đa %(days)s ngày một lần.") % {"days": MAX_RANGE_DAYS})
        return cleaned


class SalesView(PortalMixin, TemplateView):
    """Sales by product over a date range, cancelled lines left out."""

    template_name = "oscar/dashboard/portal/sales.html"

    def get(self, request, *args, **kwargs):
        self.form = SalesRangeForm.from_query(request.GET)
        self.report = None
        if self.form.is_valid():
            self.report = sales.sales_report(
                self.producer, self.form.cleaned_data["date_from"], self.form.cleaned_data["date_to"]
            )
        return self.respond()

    def respond(self):
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(form=self.form, report=self.report, range_query=self.form.query_string() if self.report else "")
        return context


class SalesCsvView(SalesView):
    """POST: the same report as a CSV file (UTF-8 with BOM for Excel, amounts as plain integers), prepared by the
    worker (``shop.dashboard.files.kinds``); the user is sent to their files. Viewing the producer is enough to ask for it."""

    http_method_names = ["post"]
    post_needs = access.VIEW

    def post(self, request, *args, **kwargs):
        self.form = SalesRangeForm(request.POST)
        if not self.form.is_valid():  # the page shows the form's errors
            self.report = None
            return self.render_to_response(self.get_context_data(), status=400)
        files.start(
            kinds.SALES_CSV,
            request.user,
            partner=self.producer,
            params={
                "date_from": self.form.cleaned_data["date_from"].isoformat(),
                "date_to": self.form.cleaned_data["date_to"].isoformat(),
            },
        )
        messages.success(request, _("Đang chuẩn bị tệp CSV doanh số; tệp sẽ có ở đây khi xong."))
        return redirect("dashboard:ocop-files")


class SettlementListView(PortalMixin, ListView):
    """The producer's statements, newest first; the running and the previous month are
    recomputed on view (when they have anything to show)."""

    template_name = "oscar/dashboard/portal/settlements.html"
    context_object_name = "settlements"
    paginate_by = 24

    def get_queryset(self):
        settlements.refresh_recent(self.producer)
        return Settlement.objects.filter(partner=self.producer).order_by("-period_start")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = settlements.local_today()
        return context


class SettlementDetailView(PortalMixin, TemplateView):
    """One of the producer's statements; another producer's is a 404. An open statement is
    recomputed first so it shows today's figures."""

    template_name = "oscar/dashboard/portal/settlement.html"

    @cached_property
    def settlement(self):
        settlement = Settlement.objects.filter(partner=self.producer, pk=self.kwargs["pk"]).first()
        if settlement is None:
            raise Http404(_("Không tìm thấy bảng đối soát."))
        if not settlement.is_paid:
            settlement = settlements.statement_for(
                self.producer, settlement.period_start.year, settlement.period_start.month
            )
        return settlement

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            settlement=self.settlement,
            period_ended=settlements.period_has_ended(self.settlement),
            sales_query=(
                f"date_from={self.settlement.period_start.isoformat()}&date_to={self.settlement.period_end.isoformat()}"
            ),
            today=settlements.local_today(),
        )
        return context


class SettlementVoucherView(PortalMixin, View):
    """The withholding voucher PDF of one of the producer's own statements; another producer's is a 404."""

    def get(self, request, *args, **kwargs):
        settlement = Settlement.objects.select_related("partner").filter(partner=self.producer, pk=kwargs["pk"]).first()
        if settlement is None:
            raise Http404(_("Không tìm thấy bảng đối soát."))
        return vouchers.voucher_response(settlement)
