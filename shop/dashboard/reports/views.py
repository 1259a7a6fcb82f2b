"""Oscar's reports page, whose CSV downloads are prepared by the worker (``shop.dashboard.files.kinds``): asking for one
("Download" ticked) creates the job and sends the user to their files; the HTML reports are as Oscar shows them."""

from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from oscar.apps.dashboard.reports import views as oscar_views

from shop.dashboard.files import kinds
from shop.jobs import files


class IndexView(oscar_views.IndexView):
    def get(self, request, *args, **kwargs):
        if "report_type" in request.GET:
            form = self.report_form_class(request.GET)
            if form.is_valid() and form.cleaned_data["download"]:
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
        return super().get(request, *args, **kwargs)
