"""Oscar's reports page, whose CSV downloads are prepared by the worker (``shop.dashboard.files.kinds``).

A report is shown as a page by a GET, as in Oscar. Its file is asked for with the page's "Tải tệp CSV" button, a
POST: it creates the job and sends the user to their files. A GET never starts one — a link followed, a page
prefetched or reloaded, or an old bookmark with Oscar's ``download=on`` shows the report instead."""

from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from oscar.apps.dashboard.reports import views as oscar_views

from shop.dashboard.files import kinds
from shop.jobs import files


class IndexView(oscar_views.IndexView):
    def get(self, request, *args, **kwargs):
        if "download" in request.GET:
            request.GET = request.GET.copy()
            del request.GET["download"]
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        form = self.report_form_class(request.POST)
        if not form.is_valid():
            return TemplateResponse(request, self.template_name, {"form": form}, status=400)
        if not self._get_generator(form).is_available_to(request.user):
            return HttpResponseForbidden(_("Bạn không có quyền xem báo cáo này."))
        dates = {name: form.cleaned_data[name] for name in ("date_from", "date_to")}
        files.start(
            kinds.OSCAR_REPORT_CSV,
            request.user,
            params={
                "report_type": form.cleaned_data["report_type"],
                **{name: day.isoformat() if day else "" for name, day in dates.items()},
            },
        )
        messages.success(request, _("Đang chuẩn bị tệp CSV báo cáo; tệp sẽ có ở đây khi xong."))
        return redirect("dashboard:ocop-files")
