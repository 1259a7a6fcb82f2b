from django_tasks import task

from payments.expiry import release_unpaid_orders


@task()
def release_unpaid_orders_task():
    """Give back the stock of orders whose online payment did not arrive in time. Schedule hourly."""
    return release_unpaid_orders()
