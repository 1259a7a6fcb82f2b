"""Programme figures for administrators: the page, its CSV export, and the form recording a province's count of
certified OCOP products (the listed share's denominator, ``shop.registry``).

Thin views: the period comes from PeriodForm, the province from ``?province=`` and every number from
shop/dashboard/review/figures.py (``figures_for``: an officer sees their province, the national role the country
with its national table, or one province it picks); the CSV is written by the worker (shop/dashboard/files/kinds.py)
with the same scope. Access (reviewers and superusers) is checked by ReviewDashboardConfig's default permissions.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from shop.core import addresses
from shop.dashboard.files import kinds
from shop.dashboard.review import figures as service
from shop.dashboard.review.forms import PeriodForm, RegistryCountForm
from shop.jobs import files
from shop.registry import counts as registry
from shop.registry.models import ProvinceRegistry
from shop.users import offices


class FiguresView(TemplateView):
    template_name = "oscar/dashboard/ocop/figures.html"

    def get(self, request, *args, **kwargs):
        self.form = PeriodForm.from_query(request.GET)
        self.period = self.form.period() if self.form.is_valid() else None
        self.figures = self.figures_of(request.GET.get("province"), self.period)
        return self.respond()

    def figures_of(self, province, period=None):
        return service.figures_for(self.request.user, offices.province_param(province), period)

    def respond(self):
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            form=self.form,
            figures=self.figures,
            period=self.period,
            period_query=self.form.query_string() if self.period else "",
            expiry_horizons=service.EXPIRY_HORIZONS,
            can_record_registry=user.has_perm("registry.add_provinceregistry"),
            is_national=offices.is_national(user),
            province_choices=offices.province_choices(user),
        )
        return context


class FiguresCsvView(FiguresView):
    """POST: the same figures as a CSV file for the same period and province, prepared by the worker
    (``shop.dashboard.files.kinds``, which applies the requester's scope again); the user is sent to their
    files, where it appears when ready. An invalid period shows the page with its errors."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        self.form = PeriodForm(request.POST)
        province = offices.province_param(request.POST.get("province"))
        if not self.form.is_valid():
            self.period, self.figures = None, self.figures_of(province)
            return self.render_to_response(self.get_context_data(), status=400)
        period = self.form.period()
        params = {"date_from": period.date_from.isoformat(), "date_to": period.date_to.isoformat()}
        if province is not None and offices.may_act_in(request.user, province):
            params["province"] = str(province)
        files.start(kinds.FIGURES_CSV, request.user, params=params)
        messages.success(request, _("Đang chuẩn bị tệp CSV số liệu; tệp sẽ có ở đây khi xong."))
        return redirect("dashboard:ocop-files")


class RegistryCountView(FormView):
    """Record a province's count of certified OCOP products (the denominator of the listed share), and list the
    counts recorded. Access: staff who may add registry rows (``ReviewDashboardConfig.permissions_map``), for the
    provinces they work for (``shop.users.offices``)."""

    template_name = "oscar/dashboard/ocop/registry_count.html"
    form_class = RegistryCountForm

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["province_code"].choices = offices.province_choices(self.request.user)  # type: ignore[attr-defined]
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        recorded = offices.scope_by_province(ProvinceRegistry.objects.all(), self.request.user)
        context["recorded"] = recorded.select_related("imported_by")[:100]
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        if not offices.may_act_in(self.request.user, data["province_code"]):  # the choices say so too
            form.add_error("province_code", _("Bạn chỉ ghi nhận số liệu của tỉnh mình phụ trách."))
            return self.form_invalid(form)
        try:
            row = registry.record_count(
                data["province_code"], data["certified_products"], data["as_of"], data["source"], user=self.request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Đã ghi nhận %(count)s sản phẩm OCOP của %(province)s theo danh sách ngày %(day)s.")
            % {
                "count": row.certified_products,
                "province": addresses.province_name(row.province_code),
                "day": row.as_of.strftime("%d/%m/%Y"),
            },
        )
        return redirect("dashboard:ocop-figures")
