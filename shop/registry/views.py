"""The reviewers' pages for importing a province's OCOP list (review dashboard, ``ocop-registry-import…``): upload
and dry run, the report (counts, lines by outcome, CSV), the real run queued for the worker with its progress, and
the history. Every import is scoped by province (``shop.users.offices``): another province's is a 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from shop.registry import report, tasks
from shop.registry.forms import RegistryUploadForm
from shop.registry.models import Outcome, RegistryImport
from shop.users import offices

LINES_PER_PAGE = 50


def scoped_imports(user):
    return offices.scope_by_province(RegistryImport.objects.select_related("created_by"), user)


def get_import(user, pk):
    return get_object_or_404(scoped_imports(user), pk=pk)


class RegistryImportView(FormView):
    """Upload a list: the dry run runs at once and its report opens; below, the province's imports."""

    template_name = "oscar/dashboard/ocop/registry_import.html"
    form_class = RegistryUploadForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["imports"] = scoped_imports(self.request.user)[:50]
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        if not offices.may_act_in(self.request.user, data["province_code"]):
            raise Http404
        upload = data["file"]
        try:
            record = tasks.queue_dry_run(
                upload,
                upload.name,
                data["province_code"],
                as_of=data["as_of"],
                source=data["source"],
                user=self.request.user,
            )
        except ValidationError as error:
            form.add_error("file" if not hasattr(error, "error_dict") else None, error)
            return self.form_invalid(form)
        messages.info(self.request, _("Đang chạy thử danh sách; báo cáo hiện ra khi xong."))
        return redirect("dashboard:ocop-registry-import-detail", pk=record.pk)


class RegistryImportDetailView(TemplateView):
    """An import's report: counts, lines (paginated, by outcome), the CSV; a dry run offers the real run."""

    template_name = "oscar/dashboard/ocop/registry_import_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = get_import(self.request.user, kwargs["pk"])
        outcome = self.request.GET.get("outcome", "")
        lines = record.lines.select_related("partner", "product").order_by("line_number")
        if outcome in Outcome.values:
            lines = lines.filter(outcome=outcome)
        page = Paginator(lines, LINES_PER_PAGE).get_page(self.request.GET.get("page"))
        context.update(
            record=record,
            outcomes=[(value, label, getattr(record, value)) for value, label in Outcome.choices],
            outcome=outcome,
            page_obj=page,
            real_run=record.real_runs.order_by("-pk").first() if record.dry_run else None,
            refresh_seconds=3 if record.is_pending else 0,
            summary=report.summary(record) if record.state == RegistryImport.State.DONE else "",
        )
        return context

    def post(self, request, pk):
        """ "Nhập chính thức": the dry run's file, imported for real by the worker (once per dry run)."""
        record = get_import(request.user, pk)
        if not record.dry_run or record.state != RegistryImport.State.DONE or not record.file:
            raise Http404
        existing = record.real_runs.order_by("-pk").first()
        if existing is not None:
            return redirect("dashboard:ocop-registry-import-detail", pk=existing.pk)
        real = tasks.queue_real_run(record, request.user)
        messages.success(request, _("Đã bắt đầu nhập chính thức danh sách; trang này hiển thị tiến độ."))
        return redirect("dashboard:ocop-registry-import-detail", pk=real.pk)


class RegistryImportProgressView(View):
    """The import's state and progress as JSON, for the page's small poll."""

    def get(self, request, pk):
        record = get_import(request.user, pk)
        return JsonResponse(
            {
                "state": record.state,
                "state_label": record.get_state_display(),
                "done": record.done,
                "total": record.total,
                "percent": record.percent,
                "counts": record.counts(),
                "error": record.error,
            }
        )


class RegistryImportReportView(View):
    """The line report as CSV (spreadsheet-safe)."""

    def get(self, request, pk):
        record = get_import(request.user, pk)
        response = HttpResponse(report.csv_bytes(record), content_type="text/csv; charset=utf-8")
        kind = "chay-thu" if record.dry_run else "nhap"
        response["Content-Disposition"] = f'attachment; filename="bao-cao-danh-sach-ocop-{record.pk}-{kind}.csv"'
        return response
