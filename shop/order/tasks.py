"""Order jobs run by a worker (Django Tasks)."""

from django_tasks import task

from shop.order.expiry import release_expired_orders


@task()
def release_unpaid_orders_task():
    """Give back the stock of orders whose online payment did not arrive in time, and of cash-on-delivery
    lines no producer confirmed in time (shop.order.expiry). Schedule hourly."""
    return release_expired_orders()
