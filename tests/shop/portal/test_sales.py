"""The producer's sales report (with CSV) and settlement statements in the portal, on known numbers."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from payments import settlements
from shop.jobs.models import FileJob
from tests import factories
from tests.payments.settlement_orders import cancel, place_order, vn
from tests.shop import file_jobs

pytestmark = pytest.mark.django_db
Partner = get_model("partner", "Partner")

SALES_URL = reverse("dashboard:portal-sales")
CSV_URL = reverse("dashboard:portal-sales-csv")
MARCH = {"date_from": "2024-03-01", "date_to": "2024-03-31"}


@pytest.fixture(autouse=True)
def standard_rates(settings):
    settings.OCOP_PLATFORM_COMMISSION_RATE = Decimal("0.05")  # withholding: payments/tax_rates.py (goods)


@pytest.fixture
def march(product_b):
    """A new household's March 2024: tea 2 orders (3 + 1 units), honey 1 order, one honey line cancelled;
    and another producer's sale (B's product) in the same order (never shown to this one)."""
    producer = factories.producer("Hộ kinh doanh Thử Nghiệm", kind=Partner.Kind.HOUSEHOLD)
    tea = factories.product(producer, title="Chè Shan tuyết thử nghiệm hộp 100g", on_sale=False)
    honey = factories.product(producer, title="Mật ong bạc hà thử nghiệm chai 500ml", on_sale=False)
    other = product_b
    # Paid when placed (the statement counts money received); the cancelled line's money went back.
    place_order(
        vn(2024, 3, 5), [(producer, tea, 3, "450000"), (other.producer, other, 1, "999000")], paid_at=vn(2024, 3, 5)
    )
    place_order(
        vn(2024, 3, 20), [(producer, tea, 1, "150000"), (producer, honey, 2, "380000")], paid_at=vn(2024, 3, 20)
    )
    _order, (cancelled,) = place_order(vn(2024, 3, 21), [(producer, honey, 1, "190000")], paid_at=vn(2024, 3, 21))
    cancel(cancelled, vn(2024, 3, 22), refund_money=True)
    place_order(vn(2024, 4, 1, 8), [(producer, tea, 9, "1350000")], paid_at=vn(2024, 4, 1, 8))  # April
    return {"producer": producer, "director": producer.director, "tea": tea, "honey": honey, "other": other}


def test_sales_report_by_product_leaves_out_cancelled_lines_and_other_producers(client, march):
    client.force_login(march["director"])
    response = client.get(SALES_URL, MARCH)
    assert response.status_code == 200
    report = response.context["report"]
    rows = {row.sku: (row.orders, row.units, row.revenue) for row in report.rows}
    assert rows == {march["tea"].upc: (2, 4, 600000), march["honey"].upc: (1, 2, 380000)}
    assert (report.orders, report.units, report.revenue) == (2, 6, 980000)
    html = response.content.decode()
    assert "980.000\u00a0₫" in html and march["other"].title not in html


def test_sales_csv_opens_in_excel_with_vietnamese_header_and_plain_numbers(
    client, march, django_capture_on_commit_callbacks
):
    client.force_login(march["director"])
    asked, job = file_jobs.submit(client, CSV_URL, MARCH, django_capture_on_commit_callbacks)
    assert asked.status_code == 302 and asked["Location"] == reverse("dashboard:ocop-files")
    job.refresh_from_db()
    assert (job.status, job.partner, job.user) == (FileJob.Status.DONE, march["producer"], march["director"])
    response, body = file_jobs.download(client, job)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "doanh-so_2024-03-01_2024-03-31.csv" in response["Content-Disposition"]
    body = body.decode("utf-8")
    assert body.startswith("\ufeff")  # the BOM Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert rows[0] == ["Mã sản phẩm", "Sản phẩm", "Số đơn hàng", "Số lượng", "Doanh thu (đồng)"]
    assert rows[1] == [march["tea"].upc, march["tea"].title, "2", "4", "600000"]
    assert rows[-1] == ["", "Tổng cộng", "2", "6", "980000"]


@pytest.mark.parametrize(
    "query, error",
    [
        ({"date_from": "2024-03-31", "date_to": "2024-03-01"}, "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."),
        ({"date_from": "2023-01-01", "date_to": "2024-03-01"}, "Chỉ xem được tối đa 366 ngày một lần."),
        ({"date_from": "ngày mai", "date_to": "2024-03-01"}, "Ngày không hợp lệ"),
    ],
)
def test_bad_ranges_are_explained_in_vietnamese(client, producer_user, query, error):
    client.force_login(producer_user)
    response = client.get(SALES_URL, query)
    assert error in response.content.decode()
    assert response.context["report"] is None


def test_statement_in_the_portal_shows_every_figure_of_a_household(client, march):
    statement = settlements.statement_for(march["producer"], 2024, 3)
    # gross 450.000 + 150.000 + 380.000 + 190.000 = 1.170.000; refunds 190.000; base 980.000
    assert (
        statement.gross_sales,
        statement.refunds,
        statement.commission,
        statement.vat_withheld,
        statement.pit_withheld,
        statement.net_amount,
    ) == (1170000, 190000, 49000, 9800, 4900, 916300)
    client.force_login(march["director"])
    listing = client.get(reverse("dashboard:portal-settlements")).content.decode()
    assert reverse("dashboard:portal-settlement", kwargs={"pk": statement.pk}) in listing
    page = client.get(reverse("dashboard:portal-settlement", kwargs={"pk": statement.pk}))
    html = page.content.decode()
    for amount in (
        "1.170.000\u00a0₫",
        "190.000\u00a0₫",
        "49.000\u00a0₫",
        "9.800\u00a0₫",
        "4.900\u00a0₫",
        "916.300\u00a0₫",
    ):
        assert amount in html, amount


def test_statement_of_another_producer_is_404(client, march):
    other_statement = settlements.statement_for(march["other"].producer, 2024, 3)
    client.force_login(march["director"])
    assert client.get(reverse("dashboard:portal-settlement", kwargs={"pk": other_statement.pk})).status_code == 404
