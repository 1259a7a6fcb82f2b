"""Payment jobs run by a worker (Django Tasks), scheduled in ``shop.jobs.schedule``."""

from django_tasks import task

from payments import settlements


@task()
def prepare_settlements_task():
    """Every producer's settlement statement for the previous month (Vietnam time); paid statements stay as they
    are, so running it again is safe (``manage.py prepare_settlements`` is the same code). Monthly, on the 1st."""
    year, number = settlements.previous_month(*settlements.month_of(settlements.local_today()))
    return len(settlements.prepare_period(year, number))
