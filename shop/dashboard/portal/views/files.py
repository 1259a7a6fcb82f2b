"""The user's own exports and imports ("Tệp xuất và nhập"): the list, one job's page and its download.

Shared by producers (portal) and administrators: the list holds only ``request.user``'s jobs, and a job's page
and file are a 404 to anyone ``shop.jobs.files.may_see`` refuses (another user; a producer's job once the user no
longer works for that producer; a kind whose permission the user lost). Thin views over ``shop.jobs.files``.
"""

from django.db.models import Count
from django.http import FileResponse, Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView, View

from shop.jobs import files
from shop.jobs.models import FileJob

# While a job is queued or running, its pages reload themselves this often (seconds).
REFRESH_SECONDS = 3


def _entry(job):
    kind = files.get_kind(job.kind)
    return {"job": job, "label": kind.label, "description": kind.description(job), "has_page": bool(kind.page_template)}


class FileJobListView(ListView):
    template_name = "oscar/dashboard/ocop/files.html"
    paginate_by = 25
    context_object_name = "jobs"

    def get_queryset(self):
        return files.jobs_of(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entries = [_entry(job) for job in context["jobs"]]
        context.update(
            entries=entries,
            refresh_seconds=REFRESH_SECONDS if any(entry["job"].is_pending for entry in entries) else None,
        )
        return context


class OwnJobMixin:
    @cached_property
    def job(self):
        job = FileJob.objects.select_related("partner").filter(pk=self.kwargs["pk"]).first()
        # 404, not 403: guessing ids must not tell which jobs exist.
        if job is None or not files.may_see(self.request.user, job):
            raise Http404(_("Không tìm thấy tệp này."))
        return job


class FileJobView(OwnJobMixin, TemplateView):
    """One job: its status and progress, its download, and for imports the rows and what became of each."""

    def get_template_names(self):
        return [files.get_kind(self.job.kind).page_template or "oscar/dashboard/ocop/file.html"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        job = self.job
        rows = job.rows.all() if job.status == FileJob.Status.DONE else job.rows.none()
        kind = files.get_kind(job.kind)
        labels = kind.outcome_labels() if kind.outcome_labels else {}
        context.update(
            entry=_entry(job),
            job=job,
            results=[{**row.data, "outcome_label": labels.get(row.outcome, row.outcome)} for row in rows],
            # Per outcome, keyed for templates ("amount-mismatch" → counts.amount_mismatch).
            counts={
                outcome.replace("-", "_"): n
                for outcome, n in job.rows.values_list("outcome").annotate(n=Count("pk")).order_by()
            },
            refresh_seconds=REFRESH_SECONDS if job.is_pending else None,
        )
        return context


class FileJobDownloadView(OwnJobMixin, View):
    def get(self, request, pk):
        job = self.job
        if job.status != FileJob.Status.DONE or not job.result:
            raise Http404(_("Tệp chưa sẵn sàng."))
        try:
            stored = job.result.open("rb")
        except FileNotFoundError:
            raise Http404(_("Không tìm thấy tệp này.")) from None
        response = FileResponse(
            stored, as_attachment=True, filename=job.result_name, content_type="text/csv; charset=utf-8"
        )
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response
