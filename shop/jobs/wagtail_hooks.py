"""Administrators' view of the background tasks (Wagtail admin, Settings → "Tác vụ nền"): every task on the
database queue with its status, attempts and error, filtered by status; a failed one (all its retries used) can
be run again. Read-only otherwise. Shown to superusers and to users with ``django_tasks_db.view_dbtaskresult``."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.permissions import register_permission_policy

from shop.core.wagtail_admin import ReadOnlyPolicy, RowActionView
from shop.jobs import retries

VIEW_PERMISSION = "django_tasks_db.view_dbtaskresult"


class TaskIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status == TaskResultStatus.FAILED:
            buttons.append(
                ListingButton(_("Chạy lại"), url=reverse("jobs_tasks:run_again", args=[instance.pk]), icon_name="redo")
            )
        return buttons


class RunAgainView(RowActionView):
    """Puts a failed task back in the queue with fresh attempts."""

    template_name = "jobs/run_again.html"
    page_title = gettext_lazy("Chạy lại tác vụ")
    header_icon = "cogs"
    model = DBTaskResult
    permission = VIEW_PERMISSION
    index_url_name = "jobs_tasks:index"
    context_object_name = "task"

    def act(self, request):
        if retries.run_again(self.row):
            messages.success(request, _("Đã đưa tác vụ %(name)s vào hàng đợi.") % {"name": self.row.task_path})
        else:
            messages.error(request, _("Tác vụ này không ở trạng thái lỗi; không chạy lại."))


class TaskViewSet(ModelViewSet):
    model = DBTaskResult
    icon = "cogs"
    add_to_reference_index = False  # task rows are not referenced from content (see OutboxViewSet)
    menu_label = gettext_lazy("Tác vụ nền")
    add_to_settings_menu = True
    index_view_class = TaskIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["task_path", "status", "worker_ids", "enqueued_at", "run_after", "finished_at"]
    list_filter = ["status", "queue_name"]
    inspect_view_fields = [
        "task_path",
        "status",
        "args_kwargs",
        "worker_ids",
        "enqueued_at",
        "started_at",
        "run_after",
        "finished_at",
        "exception_class_path",
        "traceback",
    ]
    form_fields = ["status"]  # required by ModelViewSet; the policy allows no edit view

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("run-again/<uuid:pk>/", RunAgainView.as_view(), name="run_again")]


register_permission_policy(DBTaskResult, ReadOnlyPolicy(DBTaskResult))
task_viewset = TaskViewSet("jobs_tasks")


@hooks.register("register_admin_viewset")
def register_tasks():
    return task_viewset
