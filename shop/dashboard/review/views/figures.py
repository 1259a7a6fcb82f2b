"""Programme figures for administrators: the page and its CSV export.

Thin views: the period comes from PeriodForm, every number from
shop/dashboard/review/figures.py. Access (reviewers and superusers) is checked by
ReviewDashboardConfig's default permissions.
"""

import csv

from django.http import HttpResponse
from django.views.generic import TemplateView

from shop.dashboard.review import figures as service
from shop.dashboard.review.forms import PeriodForm


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
            period_query=self.form.query_string() if self.period else "",
            expiry_horizons=service.EXPIRY_HORIZONS,
            province_totals_setting=service.PROVINCE_TOTALS_SETTING,
        )
        return context


class FiguresCsvView(FiguresView):
    """The same figures as a CSV file for the same period (UTF-8 with BOM, for Excel)."""

    def respond(self):
        if self.period is None:  # the page shows the period's errors
            return self.render_to_response(self.get_context_data(), status=400)
        filename = f"so-lieu-ocop_{self.period.date_from.isoformat()}_{self.period.date_to.isoformat()}.csv"
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow(service.csv_header())
        writer.writerows(service.csv_rows(self.figures))
        return response
