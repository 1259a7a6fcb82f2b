"""The queue's own housekeeping, scheduled like any job (``shop.jobs.schedule``)."""

from django_tasks import task

from shop.jobs import retries


@task()
def requeue_lost_tasks():
    """Put back the tasks a dead worker left running (``retries.requeue_lost``). Every few minutes."""
    return retries.requeue_lost()
