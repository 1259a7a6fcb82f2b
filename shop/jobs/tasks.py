"""The queue's own housekeeping, scheduled like any job (``shop.jobs.schedule``), and the exports and imports
(``shop.jobs.files``)."""

import datetime

from django.core.management import call_command
from django.utils import timezone
from django_tasks import task, task_backends
from django_tasks_db import DatabaseBackend

from shop.jobs import files, retries
from shop.jobs.models import ScheduledRun


@task()
def requeue_lost_tasks():
    """Put back the tasks a dead worker left running (``retries.requeue_lost``), and enqueue again the exports and
    imports whose task never reached the queue (``files.requeue_stranded``). Every few minutes."""
    return retries.requeue_lost() + files.requeue_stranded()


# How long finished tasks and scheduled-run records are kept: a failed task stays listed for administrators longer.
KEEP_SUCCESSFUL_DAYS = 14
KEEP_FAILED_DAYS = 90


@task()
def prune_task_results():
    """Delete what the queue no longer needs: tasks that succeeded more than 14 days ago, failed ones after 90
    days (django-tasks-db's ``prune_db_task_results``), and scheduled-run records after 90 days. Daily."""
    if isinstance(task_backends["default"], DatabaseBackend):  # the immediate backend keeps no results
        call_command(
            "prune_db_task_results",
            "--queue-name=*",
            f"--min-age-days={KEEP_SUCCESSFUL_DAYS}",
            f"--failed-min-age-days={KEEP_FAILED_DAYS}",
            verbosity=0,
        )
    cutoff = timezone.now() - datetime.timedelta(days=KEEP_FAILED_DAYS)
    return ScheduledRun.objects.filter(slot__lt=cutoff).delete()[0]
