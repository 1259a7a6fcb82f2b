"""The task queue and the scheduler (issue 19, items 1–2, 6): the database backend run by the real worker
(``manage.py db_worker``), retries with back-off on the same row, a failed task shown to administrators and run
again, a task a killed worker left behind, one run per scheduled slot even with two schedulers, and no mail or
indexing inside the request that places an order."""

import datetime
import os
import signal
import subprocess
import sys
import threading
import time
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import Task, TaskResultStatus
from django_tasks_db.models import DBTaskResult
from oscar.core.loading import get_model

from shop.jobs import retries, schedule
from shop.jobs.models import ScheduledRun
from tests.shop import job_tasks

DATABASE_QUEUE = override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")


def run_worker():
    """The real worker, in this process, until the queue has nothing ready."""
    call_command("db_worker", "--batch", "--interval", "0", "--no-startup-delay")


def make_due(row):
    """Time passes: the row's back-off is over."""
    DBTaskResult.objects.filter(pk=row.pk).update(run_after=timezone.now())


# --- the worker, retries, administrators -------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@DATABASE_QUEUE
def test_a_queued_task_waits_for_the_worker_and_runs_once(tmp_path):
    log = tmp_path / "runs"
    result = job_tasks.record.enqueue(str(log))
    assert job_tasks.runs(log) == []  # enqueuing runs nothing
    run_worker()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.SUCCESSFUL and job_tasks.runs(log) == ["ran"]
    run_worker()
    assert job_tasks.runs(log) == ["ran"]


@pytest.mark.django_db(transaction=True)
@DATABASE_QUEUE
def test_a_failed_task_runs_again_on_the_same_row_after_its_back_off(tmp_path):
    log = tmp_path / "runs"
    result = job_tasks.fail_until.enqueue(str(log), 2)
    before = timezone.now()
    run_worker()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.READY and len(row.worker_ids) == 1
    assert before + retries.BACKOFF[0] <= row.run_after <= timezone.now() + retries.BACKOFF[0]
    assert "planned failure 1" in row.traceback
    run_worker()  # not due yet: nothing runs
    assert len(job_tasks.runs(log)) == 1

    make_due(row)
    run_worker()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.READY and len(row.worker_ids) == 2
    assert row.run_after >= timezone.now() + retries.BACKOFF[1] - datetime.timedelta(seconds=30)

    make_due(row)
    run_worker()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL and row.return_value == "done" and len(job_tasks.runs(log)) == 3


@pytest.mark.django_db(transaction=True)
@DATABASE_QUEUE
def test_a_task_failing_every_attempt_stays_failed_and_an_administrator_runs_it_again(tmp_path, client):
    log = tmp_path / "runs"
    result = job_tasks.fail_until.enqueue(str(log), retries.MAX_ATTEMPTS)
    row = DBTaskResult.objects.get(pk=result.id)
    for _attempt in range(retries.MAX_ATTEMPTS):
        make_due(row)
        run_worker()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.FAILED and len(row.worker_ids) == retries.MAX_ATTEMPTS
    assert len(job_tasks.runs(log)) == retries.MAX_ATTEMPTS

    admin = get_user_model().objects.filter(is_superuser=True).first()
    client.force_login(admin)
    listing = client.get(reverse("jobs_tasks:index"), {"status": "FAILED"})
    assert listing.status_code == 200
    assert "fail_until" in listing.content.decode() and reverse("jobs_tasks:run_again", args=[row.pk]) in (
        listing.content.decode()
    )
    assert client.post(reverse("jobs_tasks:run_again", args=[row.pk])).status_code == 302
    run_worker()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL and row.return_value == "done"


@pytest.mark.django_db
def test_only_administrators_with_the_permission_see_the_tasks(client):
    reviewer = get_user_model().objects.get(email="canbo@ocop.example.vn")  # staff, no task permission
    client.force_login(reviewer)
    assert client.get(reverse("jobs_tasks:index")).status_code in (302, 403)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
@DATABASE_QUEUE
def test_a_task_whose_worker_was_killed_is_requeued_and_finished_by_another(tmp_path):
    log = tmp_path / "runs"
    result = job_tasks.slow_record.enqueue(str(log), 60)
    database = connection.settings_dict
    url = (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    )
    env = {**os.environ, "DATABASE_URL": url, "OCOP_TASKS_BACKEND": "database"}
    connections.close_all()
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
        cwd=settings.BASE_DIR,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while job_tasks.runs(log) != ["started"]:
            assert time.monotonic() < deadline and worker.poll() is None, "the worker never started the task"
            time.sleep(0.2)
        worker.send_signal(signal.SIGKILL)  # no goodbye: the row stays RUNNING
        worker.wait(10)
    finally:
        if worker.poll() is None:
            worker.kill()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.RUNNING

    assert retries.requeue_lost() == 0  # still within OCOP_TASK_LOST_AFTER_SECONDS
    with override_settings(OCOP_TASK_LOST_AFTER_SECONDS=0):
        assert retries.requeue_lost() == 1
    row.refresh_from_db()
    assert row.status == TaskResultStatus.READY
    DBTaskResult.objects.filter(pk=row.pk).update(args_kwargs={"args": [str(log), 0], "kwargs": {}})
    run_worker()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL and job_tasks.runs(log) == ["started", "started", "finished"]


@pytest.mark.django_db
def test_a_task_lost_on_its_last_attempt_is_failed_for_administrators():
    row = DBTaskResult.objects.create(
        task_path="tests.shop.job_tasks.record",
        args_kwargs={"args": ["/nonexistent"], "kwargs": {}},
        backend_name="default",
        run_after=timezone.now(),
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - datetime.timedelta(hours=3),
        worker_ids=[f"w{i}" for i in range(retries.MAX_ATTEMPTS)],
    )
    assert retries.requeue_lost() == 0
    row.refresh_from_db()
    assert row.status == TaskResultStatus.FAILED and "stopped" in row.traceback


# --- the scheduler ----------------------------------------------------------------------------------------------


def at(*args):
    return datetime.datetime(*args, tzinfo=LOCAL)


def test_each_job_is_due_at_its_slot_in_vietnam_time():
    every5 = schedule.Job("x", "t", every=datetime.timedelta(minutes=5))
    assert every5.last_slot(at(2026, 12, 5, 10, 7, 30)) == at(2026, 12, 5, 10, 5)
    daily = schedule.Job("x", "t", at=datetime.time(0, 15))
    assert daily.last_slot(at(2026, 12, 5, 0, 10)) == at(2026, 12, 4, 0, 15)
    assert daily.last_slot(at(2026, 12, 5, 0, 15)) == at(2026, 12, 5, 0, 15)
    # 17:00 UTC on the 4th is already 00:00 on the 5th in Vietnam
    utc = datetime.datetime(2026, 12, 4, 17, 20, tzinfo=datetime.UTC)
    assert daily.last_slot(utc) == at(2026, 12, 5, 0, 15)
    monthly = schedule.Job("x", "t", at=datetime.time(1, 0), day=1)
    assert monthly.last_slot(at(2026, 12, 1, 0, 59)) == at(2026, 11, 1, 1, 0)
    assert monthly.last_slot(at(2026, 12, 1, 1, 0)) == at(2026, 12, 1, 1, 0)
    assert monthly.last_slot(at(2027, 1, 1, 0, 0)) == at(2026, 12, 1, 1, 0)


def test_every_scheduled_job_names_a_task_once():
    names = [job.name for job in schedule.SCHEDULE]
    assert len(names) == len(set(names))
    for job in schedule.SCHEDULE:
        assert isinstance(import_string(job.task), Task), job.task
        assert bool(job.every) != bool(job.at), job.name
    assert {job.name for job in schedule.SCHEDULE} >= {
        "certificate-expiry",
        "release-unpaid-orders",
        "search-index-sweep",
        "prepare-settlements",
        "deliver-notifications",
        "flush-product-counters",
        "expire-kept-orders",
    }


RECORD_EVERY_5_MINUTES = schedule.Job(
    "test-record", "tests.shop.job_tasks.record_scheduled", every=datetime.timedelta(minutes=5)
)


@pytest.mark.django_db
def test_a_slot_runs_once_however_often_the_scheduler_ticks(tmp_path, settings):
    settings.OCOP_TEST_JOB_LOG = str(tmp_path / "runs")
    now = at(2026, 12, 5, 10, 7)
    jobs = [RECORD_EVERY_5_MINUTES]
    assert schedule.tick(now, jobs=jobs) == ["test-record"]
    assert schedule.tick(now + datetime.timedelta(minutes=2), jobs=jobs) == []  # same slot (10:05)
    assert schedule.tick(now + datetime.timedelta(minutes=3), jobs=jobs) == ["test-record"]  # 10:10
    assert job_tasks.runs(settings.OCOP_TEST_JOB_LOG) == ["ran", "ran"]
    assert list(ScheduledRun.objects.filter(job="test-record").values_list("slot", flat=True)) == [
        at(2026, 12, 5, 10, 10),
        at(2026, 12, 5, 10, 5),
    ]


@pytest.mark.django_db(transaction=True)
@DATABASE_QUEUE
def test_two_schedulers_ticking_together_enqueue_a_slot_once(tmp_path, settings):
    settings.OCOP_TEST_JOB_LOG = str(tmp_path / "runs")
    now = at(2026, 12, 5, 10, 7)
    start, results, errors = threading.Barrier(4), [], []

    def scheduler():
        try:
            start.wait()
            results.append(schedule.tick(now, jobs=[RECORD_EVERY_5_MINUTES]))
        except Exception as error:  # pragma: no cover — shown by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=scheduler) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors
    assert sorted(map(len, results)) == [0, 0, 0, 1]
    assert ScheduledRun.objects.filter(job="test-record").count() == 1
    assert DBTaskResult.objects.filter(task_path="tests.shop.job_tasks.record_scheduled").count() == 1
    run_worker()
    assert job_tasks.runs(settings.OCOP_TEST_JOB_LOG) == ["ran"]


@pytest.mark.django_db(transaction=True)
def test_the_scheduler_command_ticks_once(settings, tmp_path, monkeypatch):
    settings.OCOP_TEST_JOB_LOG = str(tmp_path / "runs")
    monkeypatch.setattr(schedule, "SCHEDULE", [RECORD_EVERY_5_MINUTES])
    call_command("run_scheduler", "--once")
    call_command("run_scheduler", "--once")
    assert job_tasks.runs(settings.OCOP_TEST_JOB_LOG) == ["ran"]


# --- nothing slow inside the request ------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@DATABASE_QUEUE
def test_placing_an_order_sends_no_mail_and_indexes_nothing_until_the_worker_runs():
    from django.test import Client

    from tests.shop.checkout.journey import add_to_basket, buyable_products, place_order, reach_preview

    client = Client()
    product = buyable_products()[0]
    add_to_basket(client, product, 1)
    preview = reach_preview(client, method="cod", email="nguoi.mua@example.vn")
    mail.outbox.clear()
    OutboxMessage = get_model("notifications", "OutboxMessage")
    queued_before = set(DBTaskResult.objects.values_list("pk", flat=True))
    messages_before = OutboxMessage.objects.count()
    response = place_order(client, preview)
    assert response.status_code == 302
    queued = DBTaskResult.objects.exclude(pk__in=queued_before)
    assert mail.outbox == []
    # The mails are not even rendered in the request: the worker announces the order (producers and buyer).
    assert OutboxMessage.objects.count() == messages_before
    assert {row.task_path for row in queued} == {
        "shop.order.tasks.announce_placed_order",
        "shop.search.tasks.reindex_products",
    }
    assert all(row.status == TaskResultStatus.READY for row in queued)
    run_worker()  # the announcement queues the delivery of what it wrote; the worker runs that too
    assert all(row.status == TaskResultStatus.SUCCESSFUL for row in queued.all())
    assert any("nguoi.mua@example.vn" in message.to for message in mail.outbox)


@pytest.mark.django_db
@DATABASE_QUEUE
def test_old_task_results_and_scheduled_runs_are_pruned_failed_ones_kept_longer():
    from shop.jobs.tasks import prune_task_results

    def finished(status, days_ago):
        return DBTaskResult.objects.create(
            task_path="tests.shop.job_tasks.record",
            args_kwargs={"args": ["/nonexistent"], "kwargs": {}},
            backend_name="default",
            run_after=timezone.now(),
            status=status,
            finished_at=timezone.now() - datetime.timedelta(days=days_ago),
        )

    old_success, recent_success = finished(TaskResultStatus.SUCCESSFUL, 20), finished(TaskResultStatus.SUCCESSFUL, 2)
    failed_a_month_ago, failed_long_ago = finished(TaskResultStatus.FAILED, 30), finished(TaskResultStatus.FAILED, 100)
    ScheduledRun.objects.create(job="old", slot=timezone.now() - datetime.timedelta(days=100))
    ScheduledRun.objects.create(job="recent", slot=timezone.now() - datetime.timedelta(days=1))
    prune_task_results.call()
    kept = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert recent_success.pk in kept and failed_a_month_ago.pk in kept
    assert old_success.pk not in kept and failed_long_ago.pk not in kept
    assert set(ScheduledRun.objects.values_list("job", flat=True)) >= {"recent"}
    assert not ScheduledRun.objects.filter(job="old").exists()
