"""Retrying failed tasks on the database queue, and finding the ones a dead worker left behind.

The worker (``manage.py db_worker``) marks a task that raised as FAILED and sends ``task_finished``;
``after_failure`` (connected in ``shop.jobs.apps``) then puts the same row back in the queue to run after a
back-off — the attempts so far are the workers that claimed it (``worker_ids``). After ``MAX_ATTEMPTS`` the row
stays FAILED with its traceback: administrators see it (``shop.jobs.wagtail_hooks``) and may run it again
(``run_again``). Tasks are idempotent (reindex, deliver the outbox, release orders, certificate expiry,
settlements), so a second run of a half-done one is safe.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

# Wait before the 2nd, 3rd… attempt; after the last one fails the task stays failed.
BACKOFF = [
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
]
MAX_ATTEMPTS = len(BACKOFF) + 1


def attempts(row):
    return len(row.worker_ids)


def after_failure(sender, task_result, **kwargs):
    """``task_finished`` receiver: a failed task on the database queue runs again after its back-off."""
    if task_result.status != TaskResultStatus.FAILED or not issubclass(sender, DatabaseBackend):
        return  # another backend (the immediate one in tests and benchmarks) keeps no row to retry
    row = DBTaskResult.objects.filter(pk=task_result.id, status=TaskResultStatus.FAILED).first()
    if row is None:
        return
    if attempts(row) >= MAX_ATTEMPTS:
        logger.error("Task %s (%s) failed %d times; it stays failed.", row.pk, row.task_path, attempts(row))
        return
    wait = BACKOFF[attempts(row) - 1]
    DBTaskResult.objects.filter(pk=row.pk, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, run_after=timezone.now() + wait, finished_at=None
    )
    logger.warning("Task %s (%s) failed (attempt %d); retrying in %s.", row.pk, row.task_path, attempts(row), wait)


def lost_after():
    """How long a task may stay RUNNING before its worker is presumed dead (``OCOP_TASK_LOST_AFTER_SECONDS``)."""
    return datetime.timedelta(seconds=getattr(settings, "OCOP_TASK_LOST_AFTER_SECONDS", 30 * 60))


def requeue_lost(now=None):
    """Put back in the queue the tasks a dead worker left RUNNING; one that has used all its attempts is failed
    instead. Returns how many were put back."""
    now = now or timezone.now()
    requeued = 0
    with transaction.atomic():
        stale = DBTaskResult.objects.select_for_update(skip_locked=True).filter(
            status=TaskResultStatus.RUNNING, started_at__lt=now - lost_after()
        )
        for row in stale:
            same_row = DBTaskResult.objects.filter(pk=row.pk)
            if attempts(row) >= MAX_ATTEMPTS:
                same_row.update(
                    status=TaskResultStatus.FAILED,
                    finished_at=now,
                    exception_class_path="shop.jobs.retries.WorkerLost",
                    traceback=f"The worker running it stopped (started at {row.started_at:%Y-%m-%d %H:%M:%S %Z}).",
                )
                logger.error(
                    "Task %s (%s) was lost by its worker %d times; it is failed.", row.pk, row.task_path, attempts(row)
                )
                continue
            same_row.update(status=TaskResultStatus.READY, run_after=now)
            requeued += 1
            logger.warning("Task %s (%s) was left running by a dead worker; requeued.", row.pk, row.task_path)
    return requeued


def run_again(row):
    """An administrator's "run again" on a failed task: the same row, fresh attempts, at once."""
    updated = DBTaskResult.objects.filter(pk=row.pk, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, run_after=timezone.now(), finished_at=None, worker_ids=[]
    )
    return bool(updated)


def waiting_in_queue(task) -> bool:
    """Whether a run of ``task`` sits in the database queue, due and not yet taken by a worker. False for a backend
    without a queue (the immediate one runs the task at once)."""
    if not isinstance(task.get_backend(), DatabaseBackend):
        return False
    return DBTaskResult.objects.ready().filter(task_path=task.module_path, backend_name=task.backend).exists()
