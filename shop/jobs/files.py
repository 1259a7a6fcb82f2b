"""Exports and imports run by the worker: one facility for every kind of file job.

A view calls ``start`` (the job row, the uploaded file in private storage, the task enqueued after commit) and sends
the user to the list of their jobs ("Tệp xuất và nhập"). The worker's ``run_file_job`` task calls ``run``, which
hands the job to its kind's handler — a ``Kind`` registered in code under a name (``register``); the job stores only
that name, never a path from the user. A handler writes its result file (``Run.save_result``), applies an import's
rows in batches (``Run.apply_rows``: each batch, its ``FileJobRow`` records and the progress commit together, so a
re-run skips the rows already applied and reports their first outcome), and raises ``JobFailed`` with a Vietnamese
message for a file it cannot use (the job fails at once, no retry). Any other error fails the attempt: on the
database queue the task is retried (``shop.jobs.retries``) and the job waits again, saying so, until the last
attempt. A done job is never run again. Who may see a job and download its file: ``may_see``.
"""

import datetime
import io
import logging
from dataclasses import dataclass
from typing import Callable

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_tasks import task

from shop.jobs.models import FileJob, FileJobRow

logger = logging.getLogger(__name__)

# How many import rows commit together (with their records and the progress).
BATCH_SIZE = 100
# How long jobs and their files are kept (``prune``, daily).
KEEP_DAYS = 14


class JobFailed(Exception):
    """The job cannot be done with what the user gave (an unreadable file…): it fails with this message, shown to
    its owner, and is not retried."""


@dataclass(frozen=True)
class Kind:
    name: str  # stored on the job
    label: str | Promise  # what the list shows
    handler: str  # dotted path of ``handler(job, run)``
    # Producer-scoped kinds need the job's producer and a user who still works for it; others may need permissions.
    producer_scoped: bool = False
    permissions: tuple[str, ...] = ()
    # The job's own page (imports: the per-row results); empty: the generic one.
    page_template: str = ""
    describe: Callable[[FileJob], str] | None = None  # one line saying what the job covers
    outcome_labels: Callable[[], dict] | None = None  # imports: what each row's outcome means, to show and export
    # Listed in the back office's "Tệp xuất và nhập"; a customer's own data export is on their data-rights page.
    back_office: bool = True

    def description(self, job):
        return self.describe(job) if self.describe else ""


KINDS: dict[str, Kind] = {}


def register(kind):
    KINDS[kind.name] = kind
    return kind


def get_kind(name):
    return KINDS.get(name)


# --- Who sees what -------------------------------------------------------------------------------------------------


def may_see(user, job):
    """The job is the user's, of a known kind, and the user still may: works for its producer (producer-scoped
    kinds) or holds the kind's permissions."""
    from shop.partner import access

    kind = get_kind(job.kind)
    if kind is None or not user.is_authenticated or job.user_id != user.pk:
        return False
    if kind.producer_scoped and access.capacity(user, job.partner, access.VIEW) is None:
        return False
    return not kind.permissions or user.is_superuser or user.has_perms(kind.permissions)


def jobs_of(user):
    """The user's back-office jobs (the list of "Tệp xuất và nhập")."""
    kinds = [name for name, kind in KINDS.items() if kind.back_office]
    return FileJob.objects.filter(user=user, kind__in=kinds).select_related("partner")


# --- Starting a job ------------------------------------------------------------------------------------------------


def start(kind_name, user, *, params=None, partner=None, upload=None, upload_name=""):
    """Create the job (with the uploaded bytes, if any) and enqueue it after the transaction commits."""
    kind = KINDS[kind_name]
    if kind.producer_scoped and partner is None:
        raise ValueError(f"{kind_name} needs a producer")
    job = FileJob(
        user=user,
        partner=partner,
        kind=kind.name,
        params={"language": translation.get_language() or "", **(params or {})},
        input_name=upload_name[:255],
    )
    if upload is not None:
        job.input.save("input.csv", ContentFile(upload), save=False)
    job.save()
    transaction.on_commit(lambda: run_file_job.enqueue(job.pk))
    return job


# --- Running a job (the worker) ------------------------------------------------------------------------------------


class Run:
    """What a handler is given besides its job."""

    def __init__(self, job):
        self.job = job

    def read_input(self):
        with self.job.input.open("rb") as file:
            return file.read()

    def progress(self, done, total=None):
        self.job.progress_done = done
        fields = {"progress_done": done}
        if total is not None:
            self.job.progress_total = fields["progress_total"] = total
        FileJob.objects.filter(pk=self.job.pk).update(**fields)

    def save_result(self, filename, content, summary=None):
        """The job's result file (bytes) under the name the user downloads it as."""
        if self.job.result:
            self.job.result.delete(save=False)
        self.job.result.save("result.csv", ContentFile(content), save=False)
        self.job.result_name = filename
        if summary is not None:
            self.job.summary = summary
        self.job.save(update_fields=["result", "result_name", "summary"])

    def apply_rows(self, rows, apply, *, line=lambda row: row["line"]):
        """Apply an import's rows in batches: ``apply(row)`` returns (outcome, data), recorded as a ``FileJobRow``
        in the transaction that applied it. Rows recorded by an earlier attempt are skipped. Returns the counts
        per outcome."""
        job = self.job
        applied = set(job.rows.values_list("line", flat=True))
        self.progress(len(applied), total=len(rows))
        for start in range(0, len(rows), BATCH_SIZE):
            batch = rows[start : start + BATCH_SIZE]
            with transaction.atomic():
                records = []
                for row in batch:
                    if line(row) in applied:
                        continue
                    outcome, data = apply(row)
                    records.append(FileJobRow(job=job, line=line(row), outcome=outcome, data=data))
                FileJobRow.objects.bulk_create(records)
                self.progress(start + len(batch))
        return dict(job.rows.values_list("outcome").annotate(n=Count("pk")).order_by())


def run(job_id):
    """Run the job once (the ``run_file_job`` task). A done job is left alone; returns its status."""
    from shop.jobs import retries

    with transaction.atomic():
        job = FileJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status == FileJob.Status.DONE:
            return job.status if job else None
        job.status, job.started_at = FileJob.Status.RUNNING, timezone.now()
        job.attempts += 1
        job.save(update_fields=["status", "started_at", "attempts"])
    kind = get_kind(job.kind)
    try:
        if kind is None:
            raise JobFailed(_("Loại tệp này không còn được hỗ trợ."))
        with translation.override(job.params.get("language") or None):
            import_string(kind.handler)(job, Run(job))
    except JobFailed as error:
        _finish(job, FileJob.Status.FAILED, str(error))
        return job.status
    except Exception:
        will_retry = _queue_retries() and job.attempts < retries.MAX_ATTEMPTS
        if will_retry:
            _finish(job, FileJob.Status.QUEUED, _("Lần xử lý trước gặp lỗi; hệ thống sẽ tự thử lại sau ít phút."))
        else:
            _finish(
                job,
                FileJob.Status.FAILED,
                _("Không xử lý được tệp do lỗi hệ thống (đã thử %(n)s lần). Hãy thử lại sau hoặc báo quản trị viên.")
                % {"n": job.attempts},
            )
        logger.exception("File job %s (%s) failed on attempt %d.", job.pk, job.kind, job.attempts)
        raise  # the worker records the failure and retries the task (shop.jobs.retries)
    _finish(job, FileJob.Status.DONE, "")
    return job.status


def _queue_retries():
    """Whether a failed task is retried: on the database queue, not with the immediate backend."""
    from django_tasks import task_backends
    from django_tasks_db import DatabaseBackend

    return isinstance(task_backends["default"], DatabaseBackend)


def _finish(job, status, error):
    job.status, job.error = status, error
    job.finished_at = timezone.now() if status != FileJob.Status.QUEUED else None
    job.save(update_fields=["status", "error", "finished_at"])


# --- Jobs whose task was lost --------------------------------------------------------------------------------------

# A queued job with no task waiting for it this long after it was asked for lost its enqueue (the process died
# between the commit and the enqueue, or the queue refused it): the lost-task job enqueues it again.
STRANDED_AFTER = datetime.timedelta(minutes=10)


def requeue_stranded(now=None):
    """Enqueue again the queued jobs older than ``STRANDED_AFTER`` that no task is waiting for (the database
    queue only: the immediate backend runs the job when it is asked for). Returns how many."""
    if not _queue_retries():
        return 0
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    waiting = {
        args_kwargs["args"][0]
        for args_kwargs in DBTaskResult.objects.filter(
            task_path=run_file_job.module_path, status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
        ).values_list("args_kwargs", flat=True)
        if args_kwargs.get("args")
    }
    stranded = FileJob.objects.filter(status=FileJob.Status.QUEUED, created_at__lt=now - STRANDED_AFTER).exclude(
        pk__in=waiting
    )
    requeued = 0
    for job_id in stranded.values_list("pk", flat=True):
        run_file_job.enqueue(job_id)
        requeued += 1
        logger.warning("File job %s was waiting without a task; enqueued again.", job_id)
    return requeued


# --- Pruning -------------------------------------------------------------------------------------------------------


def prune(now=None):
    """Delete jobs older than ``KEEP_DAYS`` and their files. Returns how many jobs were deleted."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=KEEP_DAYS)
    old = FileJob.objects.filter(created_at__lt=cutoff)
    deleted = 0
    for job in old.iterator():
        for field in (job.input, job.result):
            if field:
                field.delete(save=False)
        job.delete()
        deleted += 1
    return deleted


# --- CSV -----------------------------------------------------------------------------------------------------------


def csv_bytes(write):
    """UTF-8 CSV with a BOM (Excel reads it as UTF-8) from ``write(text_stream)``."""
    out = io.StringIO()
    out.write("\ufeff")
    write(out)
    return out.getvalue().encode("utf-8")


# --- The worker's tasks -------------------------------------------------------------------------------------------


@task()
def run_file_job(job_id):
    """Run an export or import (``run``); a done job is not run again."""
    return run(job_id)


@task()
def prune_file_jobs():
    """Delete exports and imports older than 14 days, with their files (``prune``). Daily."""
    return prune()
