"""Tasks the queue's tests enqueue (tests/shop/test_jobs.py). Each leaves a line in a file per run, so a test — or a
worker in another process — can count the runs."""

import time
from pathlib import Path

from django_tasks import task


def runs(path):
    file = Path(path)
    return file.read_text().splitlines() if file.exists() else []


def _record(path, what):
    with open(path, "a") as file:
        file.write(what + "\n")


@task()
def record(path):
    _record(path, "ran")
    return len(runs(path))


@task()
def fail_until(path, failures):
    """Fails its first ``failures`` runs, then succeeds."""
    _record(path, "ran")
    if len(runs(path)) <= failures:
        raise RuntimeError(f"planned failure {len(runs(path))} of {failures}")
    return "done"


@task()
def slow_record(path, seconds):
    _record(path, "started")
    time.sleep(seconds)
    _record(path, "finished")


@task()
def record_scheduled():
    """A scheduled job's task takes no argument: it writes to ``settings.OCOP_TEST_JOB_LOG``."""
    from django.conf import settings

    _record(settings.OCOP_TEST_JOB_LOG, "ran")
