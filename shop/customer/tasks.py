"""Customer-data jobs run by a worker (Django Tasks)."""

from django_tasks import task

from shop.customer import privacy


@task()
def expire_kept_orders_task():
    """The buyer's identity left on erased accounts' and guests' orders once their 10-year accounting retention has
    ended (``privacy.expire_kept_orders``; idempotent). Scheduled monthly."""
    return privacy.expire_kept_orders()
