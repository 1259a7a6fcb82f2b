"""Order jobs run by a worker (Django Tasks)."""

from django_tasks import task

from shop.order import fulfilment
from shop.order.expiry import release_expired_orders


@task()
def announce_placed_order(order_id, base_url=""):
    """The producers' new-order mails and the buyer's confirmation of a placed order
    (``fulfilment.announce_placed_order``; idempotent)."""
    return fulfilment.announce_placed_order(order_id, base_url)


@task()
def release_unpaid_orders_task():
    """Give back the stock of orders whose online payment did not arrive in time, and of cash-on-delivery
    lines no producer confirmed in time (shop.order.expiry). Schedule hourly."""
    return release_expired_orders()
