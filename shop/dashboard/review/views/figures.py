"""Programme figures for administrators: the page and its CSV export.

Thin views: the period comes from PeriodForm, every number from
shop/dashboard/review/figures.py; the CSV is written by the worker (shop/dashboard/files/kinds.py). Access (reviewers and superusers) is checked by
ReviewDashboardConfig's default permissions.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from shop.dashboard.files import kinds
from shop.dashboard.review import figures as service
from shop.dashboard.review.forms import PeriodForm
from shop.jobs import files


class FiguresView(TemplateView):
    template_name = "oscar/dashboard/ocop/figures.html"

    def get(self, request, *args, **kwargs):
        self.form = PeriodForm.from_query(request.GET)
        self.period = self.form.period() if self.form.is_valid() else None
        self.figures = service.programme_figures(period=self.period)
        return self.respond()

    def respond(self):
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            form=self.form,
            figures=self.figures,
            period=self.period,
            period_query=self.form.query_string() if self.period else "",
            expiry_horizons=service.EXPIRY_HORIZONS,
            province_totals_setting=service.PROVINCE_TOTALS_SETTING,
        )
        return context


class FiguresCsvView(FiguresView):
    """POST: the same figures as a CSV file for the same period, prepared by the worker (``shop.dashboard.files.kinds``); the
    user is sent to their files, where it appears when ready. An invalid period shows the page with its errors."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        self.form = PeriodForm(request.POST)
        if not self.form.is_valid():
            self.period, self.figures = None, service.programme_figures()
            return self.render_to_response(self.get_context_data(), status=400)
        period = self.form.period()
        files.start(
            kinds.FIGURES_CSV,
            request.user,
            params={"date_from": period.date_from.isoformat(), "date_to": period.date_to.isoformat()},
        )
        messages.success(request, _("Đang chuẩn bị tệp CSV số liệu; tệp sẽ có ở đây khi xong."))
        return redirect("dashboard:ocop-files")
