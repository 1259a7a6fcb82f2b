"""The periodic jobs, defined once (``SCHEDULE``), and the scheduler's tick.

``manage.py run_scheduler`` calls ``tick`` every few seconds in the worker deployment. For each job, ``tick``
finds the job's most recent slot (the latest moment ≤ now it was due: every N minutes on the clock, daily at a
time, monthly on a day, in Vietnam time) and claims it by inserting a ``ScheduledRun`` (unique per job and slot)
in the transaction that enqueues the task. A second scheduler running by mistake, or a restarted one, finds the
slot taken and enqueues nothing. A slot missed while no scheduler ran is run late, once (the latest slot only).
"""

import datetime
import logging
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from shop.jobs.models import ScheduledRun

logger = logging.getLogger(__name__)

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
# Interval slots are counted from this local midnight: "every 5 minutes" runs at :00, :05, :10…
EPOCH = datetime.datetime(2026, 1, 1, tzinfo=LOCAL)


@dataclass(frozen=True)
class Job:
    name: str
    task: str  # dotted path of a django-tasks task
    every: datetime.timedelta | None = None  # on the clock, from EPOCH
    at: datetime.time | None = None  # daily (or monthly, with day) at this local time
    day: int | None = None  # monthly on this day of the month

    def last_slot(self, now):
        """The most recent moment ≤ ``now`` this job was due."""
        local = now.astimezone(LOCAL)
        if self.every:
            return local - (local - EPOCH) % self.every
        today = datetime.datetime.combine(local.date(), self.at, tzinfo=LOCAL)
        if self.day is None:
            return today if today <= local else today - datetime.timedelta(days=1)
        this_month = today.replace(day=self.day)
        if this_month <= local:
            return this_month
        previous = (this_month.replace(day=1) - datetime.timedelta(days=1)).replace(day=self.day)
        return previous


SCHEDULE = [
    Job("deliver-notifications", "shop.notifications.tasks.deliver_due_messages", every=datetime.timedelta(minutes=1)),
    Job("flush-product-counters", "catalogue.ocop.tasks.flush_product_counters", every=datetime.timedelta(minutes=1)),
    Job("requeue-lost-tasks", "shop.jobs.tasks.requeue_lost_tasks", every=datetime.timedelta(minutes=5)),
    Job("search-index-sweep", "shop.search.tasks.sweep_index", every=datetime.timedelta(minutes=5)),
    Job("release-unpaid-orders", "shop.order.tasks.release_unpaid_orders_task", every=datetime.timedelta(hours=1)),
    Job("certificate-expiry", "catalogue.ocop.tasks.certificate_expiry_task", at=datetime.time(0, 15)),
    Job("prune-task-results", "shop.jobs.tasks.prune_task_results", at=datetime.time(3, 0)),
    Job("prune-file-jobs", "shop.jobs.files.prune_file_jobs", at=datetime.time(3, 10)),
    Job("prepare-settlements", "payments.tasks.prepare_settlements_task", at=datetime.time(1, 0), day=1),
    Job("expire-kept-orders", "shop.customer.tasks.expire_kept_orders_task", at=datetime.time(2, 0), day=2),
]


def tick(now=None, jobs=None):
    """Enqueue every job whose latest slot no scheduler has claimed yet. Returns the names enqueued."""
    now = now or timezone.now()
    enqueued = []
    for job in SCHEDULE if jobs is None else jobs:
        slot = job.last_slot(now)
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(job=job.name, slot=slot)
                result = import_string(job.task).enqueue()
                run.task_result_id = str(result.id)
                run.save(update_fields=["task_result_id"])
        except IntegrityError:
            continue  # another scheduler claimed this slot
        logger.info("Scheduled %s for %s (task %s).", job.name, slot, run.task_result_id)
        enqueued.append(job.name)
    return enqueued
