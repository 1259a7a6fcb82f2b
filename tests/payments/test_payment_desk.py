"""The administrators' payment desk: cash and transfers recorded as received, the bank statement
import (matching, idempotent, mismatches held, bad files refused) and the release of unpaid orders."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from payments.models import Payment
from payments.providers.vietqr import statements
from shop.core import order_statuses as statuses
from shop.jobs.models import FileJob
from shop.order import expiry
from tests.shop import file_jobs
from tests.shop.checkout.journey import add_to_basket, buyable_products, place_order, reach_preview

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")
DESK = reverse("dashboard:ocop-payments")
IMPORT = reverse("dashboard:ocop-payment-statement")


def _order(client, method, email):
    (product,) = buyable_products(1)
    add_to_basket(client, product, 2)
    reach_preview(client, method=method, email=email)
    assert place_order(client).status_code == 302
    order = Order.objects.get(guest_email=email)
    return order, Payment.objects.get(order=order), product


@pytest.fixture
def cashier(db):
    user = get_user_model().objects.create_user(email="thu.quy@ocop.example.vn", password="mat-khau-2026")
    user.is_staff = True
    user.save()
    user.user_permissions.add(Permission.objects.get(codename="change_payment", content_type__app_label="payments"))
    return user


def test_only_staff_with_the_payment_permission_reach_the_desk(client, producer_user, customer):
    for user in (producer_user, customer):
        client.force_login(user)
        assert client.get(DESK).status_code in (302, 403)
    reviewer = get_user_model().objects.get(email="canbo@ocop.example.vn")
    client.force_login(reviewer)
    assert client.get(DESK).status_code in (302, 403)


def test_cash_collected_on_delivery_is_recorded_once(client, cashier, django_capture_on_commit_callbacks):
    order, payment, _product = _order(client, "cod", "tien.mat@example.vn")
    desk = type(client)()
    desk.force_login(cashier)
    assert order.number in desk.get(DESK).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        first = desk.post(
            DESK,
            {"payment": payment.pk, "action": "received", "amount": payment.amount, "reference": "PT-0001"},
            follow=True,
        )
        second = desk.post(DESK, {"payment": payment.pk, "action": "received", "amount": payment.amount}, follow=True)
    assert "Đã ghi nhận thanh toán" in first.content.decode()
    assert "đã được ghi nhận thanh toán trước đó" in second.content.decode()
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID and payment.confirmed_by == cashier
    assert order.sources.get().amount_debited == order.total_incl_tax
    assert len([m for m in mail.outbox if "Đã nhận thanh toán" in m.subject]) == 1


def _csv(*rows, header="Ngày giao dịch,Số tiền ghi có,Nội dung,Số tham chiếu"):
    return ("\ufeff" + "\n".join([header, *rows]) + "\n").encode("utf-8")


def _import(desk, content, capture, name="saoke.csv"):
    """Upload a statement; the worker applies it; returns the job and its page."""
    asked, job = file_jobs.submit(desk, IMPORT, {"statement": SimpleUploadedFile(name, content, "text/csv")}, capture)
    assert asked.status_code == 302 and asked["Location"] == reverse("dashboard:ocop-file", kwargs={"pk": job.pk})
    job.refresh_from_db()
    return job, desk.get(asked["Location"])


def test_a_bank_statement_confirms_matching_transfers_once(client, cashier, django_capture_on_commit_callbacks):
    order, payment, _product = _order(client, "vietqr", "chuyen.khoan.1@example.vn")
    content = _csv(
        f'24/11/2026,"{payment.amount:,}",CT DEN:123 ocop{order.number} chuyen tien,FT26328001',
        "24/11/2026,500.000,Nop tien mat,FT26328002",
        "24/11/2026,-20.000,Phi dich vu,FT26328003",
    )
    desk = type(client)()
    desk.force_login(cashier)

    job, page = _import(desk, content, django_capture_on_commit_callbacks)
    _again, again = _import(desk, content, django_capture_on_commit_callbacks)

    assert job.status == FileJob.Status.DONE and job.input_name == "saoke.csv"
    outcomes = [row["outcome"] for row in page.context["results"]]
    assert outcomes == [statements.MATCHED, statements.NO_ORDER, statements.IGNORED]
    html = page.content.decode()
    assert "Đã ghi nhận thanh toán" in html and "Đã ghi nhận: 1" in html and "Không khớp đơn: 1" in html
    assert [row["outcome"] for row in again.context["results"]][0] == statements.DUPLICATE_ROW
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID and payment.provider_reference == "FT26328001"
    assert order.sources.get().amount_debited == order.total_incl_tax


def test_a_statement_row_with_another_amount_is_held(client, cashier):
    order, payment, _product = _order(client, "vietqr", "chuyen.khoan.2@example.vn")
    content = _csv(f"24/11/2026,{payment.amount - 1000},OCOP {order.number},FT1")
    results = statements.import_statement(content, cashier)
    assert results[0].outcome == statements.MISMATCH
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING and payment.needs_attention


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (_csv("x,y", header="Cot A,Cot B"), "Không tìm thấy cột"),
        (_csv("24/11/2026,abc,OCOP 1,FT1"), "không đọc được"),
    ],
)
def test_a_file_that_is_not_a_statement_is_refused_and_changes_nothing(
    client, cashier, content, message, django_capture_on_commit_callbacks
):
    """What the request can check (the encoding) is refused at once; the rest fails the job with its reason."""
    client.force_login(cashier)
    paid_before = Payment.objects.filter(status=Payment.Status.PAID).count()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(IMPORT, {"statement": SimpleUploadedFile("x.csv", content, "text/csv")})
    assert message in client.get(response["Location"], follow=True).content.decode()
    assert Payment.objects.filter(status=Payment.Status.PAID).count() == paid_before


def test_a_file_that_is_not_csv_is_refused_before_it_is_queued(client, cashier):
    client.force_login(cashier)
    upload = SimpleUploadedFile("saoke.xlsx", b"PK\x03\x04", "application/vnd.ms-excel")
    response = client.post(IMPORT, {"statement": upload}, follow=True)
    assert "Tệp sao kê phải là tệp CSV (đuôi .csv)." in response.content.decode()
    assert not FileJob.objects.filter(user=cashier).exists()


def test_unpaid_transfers_give_their_stock_back_after_the_deadline(client, django_capture_on_commit_callbacks):
    order, payment, product = _order(client, "vietqr", "khong.tra@example.vn")
    cod_order, cod_payment, _ = _order(type(client)(), "cod", "tra.sau@example.vn")
    allocated = StockRecord.objects.get(product=product).num_allocated
    Payment.objects.filter(pk__in=[payment.pk, cod_payment.pk]).update(created_at=timezone.now() - timedelta(hours=49))

    with django_capture_on_commit_callbacks(execute=True):
        released = expiry.release_unpaid_orders()

    assert released == [order.number]
    order.refresh_from_db()
    assert order.status == statuses.ORDER_CANCELLED
    # Only the unpaid transfer gives its 2 units back; the cash order keeps its reservation.
    assert StockRecord.objects.get(product=product).num_allocated == allocated - 2
    payment.refresh_from_db()
    assert payment.status == Payment.Status.VOIDED
    cod_order.refresh_from_db()
    assert cod_order.status != statuses.ORDER_CANCELLED
    assert any("Quá hạn thanh toán" in m.body for m in mail.outbox if m.to == ["khong.tra@example.vn"])
