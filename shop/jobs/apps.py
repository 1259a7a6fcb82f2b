from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "shop.jobs"
    label = "jobs"
    verbose_name = _("Tác vụ nền")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django_tasks.signals import task_finished

        from shop.jobs import retries

        # A failed task on the database queue is put back with a back-off (retries.after_failure).
        task_finished.connect(retries.after_failure, dispatch_uid="ocop_task_retry")
