"""Paying producers (payments/payouts.py): the VietQR on a statement, the bank batch file, batch marking paid,
the producer's email and portal, and who may do what.

Producers are fresh (factories, Lào Cai), selling in March 2024 with money received in March, commission 5 %;
cooperatives are not withheld, so a 1.000.000 ₫ sale nets 950.000 ₫.
"""

import binascii
import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from payments import payouts, settlements
from payments.models import Settlement
from shop.core import addresses
from shop.core import vietqr as payload
from shop.notifications.models import OutboxMessage
from shop.users.models import OfficerProvince
from tests import factories
from tests.payments.settlement_orders import place_order, vn

pytestmark = pytest.mark.django_db

VCB = "970436"
LAO_CAI = 15
OTHER_PROVINCE = next(code for code, _name in addresses.province_choices() if code != LAO_CAI)


@pytest.fixture(autouse=True)
def standard_rates(settings):
    settings.OCOP_PLATFORM_COMMISSION_RATE = Decimal("0.05")


def seller(name, *, account="0011001234567", bin_code=VCB, holder=None, **fields):
    """A producer with a verified account (unless ``account=""``) that sold ``fields.pop('sold')`` in March 2024."""
    sold = fields.pop("sold", 1_000_000)
    producer = factories.producer(
        name,
        bank_bin=bin_code,
        bank_name="Vietcombank" if bin_code else "",
        bank_account_number=account,
        bank_account_holder=name if holder is None else holder,
        has_epayment_account=bool(account),
        **fields,
    )
    place_order(vn(2024, 3, 5), [(producer, None, 1, str(sold))], paid_at=vn(2024, 3, 5))
    return producer


def march(producer):
    return settlements.statement_for(producer, 2024, 3)


def finance_officer(province_code=None):
    """Staff allowed to pay producers; national (all provinces) unless given a province."""
    user = factories.user()
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.user_permissions.add(Permission.objects.get(codename="change_settlement", content_type__app_label="payments"))
    if province_code is None:
        user.user_permissions.add(Permission.objects.get(codename="see_all_provinces", content_type__app_label="users"))
    else:
        OfficerProvince.objects.create(user=user, province_code=province_code)
    return type(user).objects.get(pk=user.pk)


# --- the QR payload ---------------------------------------------------------------------------------


def test_crc_is_ccitt_false_check_value():
    assert payload.crc16_ccitt_false("123456789") == "29B1"


def test_payout_qr_payload_for_a_known_account_and_amount():
    producer = factories.producer("Hợp tác xã Chè Suối Giàng", bank_bin=VCB, bank_account_number="0011001234567")
    statement = Settlement.objects.create(
        pk=987654,
        partner=producer,
        period_start=datetime.date(2024, 3, 1),
        period_end=datetime.date(2024, 3, 31),
        commission_rate=Decimal("0.05"),
        vat_rate=Decimal(0),
        pit_rate=Decimal(0),
        net_amount=1_154_320,
    )
    found = payouts.payout(statement)
    assert found.refused == ""
    assert found.text == "OCOP TT 987654 T03 2024"
    # By hand: ID, two-digit length, value.
    body = (
        "000201"  # payload format 01
        "010212"  # dynamic: with an amount
        "3857"  # merchant account, 57 characters:
        "0010A000000727"  # NAPAS GUID
        "0127"
        "0006970436"
        "0113"
        "0011001234567"  # beneficiary: BIN, account
        "0208QRIBFTTA"  # transfer to an account
        "5303704"  # VND
        "54071154320"  # 1.154.320 đồng
        "5802VN"
        "6227"
        "0823OCOP TT 987654 T03 2024"  # purpose of transaction
        "6304"
    )
    crc = f"{binascii.crc_hqx(body.encode(), 0xFFFF):04X}"  # an independent CRC-16/CCITT-FALSE
    assert found.qr_payload == body + crc


# --- refusals: one rule for the QR, the file and mark_paid ----------------------------------------


def test_refusal_reasons():
    good = march(seller("Hợp tác xã Mật Ong Mù Cang Chải"))
    assert payouts.refusal(good) == ""

    no_account = march(seller("Hợp tác xã Không Tài Khoản", account="", bin_code=""))
    assert "chưa có tài khoản ngân hàng đã được xác minh" in payouts.refusal(no_account)
    assert payouts.payout(no_account).qr_payload == ""

    unknown_bin = march(seller("Hợp tác xã Ngân Hàng Lạ", bin_code="999999"))
    assert "999999" in payouts.refusal(unknown_bin) and "không có trong danh sách" in payouts.refusal(unknown_bin)

    household = march(seller("Hộ Lò Văn Páo", kind="household", tax_code="", citizen_id=""))
    assert "mã số thuế" in payouts.refusal(household)
    with pytest.raises(settlements.SettlementRefused) as refused:
        settlements.mark_paid(household, finance_officer(), "FT1")
    assert refused.value.message == payouts.refusal(household)  # the same rule, the same words

    nothing = march(seller("Hợp tác xã Chưa Bán", sold=0))
    assert nothing.net_amount == 0 and "không có gì để chuyển" in payouts.refusal(nothing)

    today = settlements.local_today()
    running = settlements.statement_for(good.partner, today.year, today.month)
    assert "chưa kết thúc" in payouts.refusal(running)

    paid = settlements.mark_paid(good, finance_officer(), "FT24040001")
    assert payouts.refusal(paid) == "Bảng đối soát này đã được thanh toán."


# --- the batch file -----------------------------------------------------------------------------------


def test_batch_csv_rows_and_encoding():
    tea = march(seller("Hợp tác xã Chè Shan Tuyết Suối Giàng", account="0011009876543"))
    honey = march(seller("=HTX Mật Ong", account="102938475", bin_code="970405", sold=2_000_000))
    data = payouts.batch_csv(payouts.batch([tea, honey]))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == [
        "STT",
        "Số tài khoản hưởng",
        "Tên người hưởng",
        "Mã ngân hàng hưởng",
        "Tên ngân hàng",
        "Số tiền",
        "Nội dung",
    ]
    # Ordered by producer name: "=HTX…" sorts first; its formula-like name is made safe.
    assert rows[1] == [
        "1",
        "102938475",
        "'=HTX MAT ONG",
        "970405",
        "Agribank",
        "1900000",
        f"OCOP TT {honey.pk} T03 2024",
    ]
    assert rows[2] == [
        "2",
        "0011009876543",
        "HOP TAC XA CHE SHAN TUYET SUOI GIANG",
        VCB,
        "Vietcombank",
        "950000",
        f"OCOP TT {tea.pk} T03 2024",
    ]
    assert len(rows) == 3


def test_batch_xlsx_has_the_same_columns():
    tea = march(seller("Hợp tác xã Chè Shan Tuyết", account="0011009876543"))
    sheet = load_workbook(io.BytesIO(payouts.batch_xlsx(payouts.batch([tea])))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][0] == "STT" and values[1][1] == "0011009876543" and values[1][5] == 950000


def test_month_page_lists_unpayable_statements_with_why(client):
    payable = march(seller("Hợp tác xã Có Tài Khoản"))
    unpaid = march(seller("Hợp tác xã Không Tài Khoản", account="", bin_code=""))
    client.force_login(finance_officer())
    page = client.get(reverse("dashboard:ocop-settlements"), {"month": "2024-03"}).content.decode()
    assert f'name="statements" value="{payable.pk}"' in page
    assert f'name="statements" value="{unpaid.pk}"' not in page
    assert "Hợp tác xã Không Tài Khoản" in page and "chưa có tài khoản ngân hàng đã được xác minh" in page

    # Forcing it into a batch downloads nothing and says why.
    response = client.post(
        reverse("dashboard:ocop-settlement-batch"),
        {"month": "2024-03", "statements": [payable.pk, unpaid.pk], "action": "csv"},
    )
    assert response.status_code == 400
    assert "Hợp tác xã Không Tài Khoản: Chủ thể chưa có tài khoản" in response.content.decode()

    download = client.post(
        reverse("dashboard:ocop-settlement-batch"), {"month": "2024-03", "statements": [payable.pk], "action": "csv"}
    )
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="chuyen-tien-theo-lo-2024-03.csv"'
    assert download.content.decode("utf-8-sig").count("\r\n") == 2


def test_statement_page_shows_the_qr_and_transfer_text(client):
    statement = march(seller("Hợp tác xã Chè Shan Tuyết"))
    client.force_login(finance_officer())
    page = client.get(reverse("dashboard:ocop-settlement", kwargs={"pk": statement.pk})).content.decode()
    assert 'id="payout_qr"' in page and "<svg" in page
    assert f"OCOP TT {statement.pk} T03 2024" in page and "950.000\u00a0₫" in page and "Vietcombank" in page

    household = march(seller("Hộ Lò Văn Páo", kind="household", tax_code="", citizen_id=""))
    page = client.get(reverse("dashboard:ocop-settlement", kwargs={"pk": household.pk})).content.decode()
    assert 'id="payout_qr"' not in page and "Chưa có mã QR chuyển khoản" in page and "mã số thuế" in page


# --- marking paid -------------------------------------------------------------------------------------


def test_batch_mark_paid_records_reference_per_line_and_emails_directors(client):
    tea = march(seller("Hợp tác xã Chè", account="0011009876543"))
    honey = march(seller("Hợp tác xã Mật Ong", account="102938475", bin_code="970405"))
    officer = finance_officer()
    client.force_login(officer)
    url = reverse("dashboard:ocop-settlement-batch")
    missing = client.post(url, {"month": "2024-03", "statements": [tea.pk, honey.pk], "action": "paid"})
    assert missing.status_code == 400 and "Hãy nhập mã giao dịch của lô" in missing.content.decode()

    response = client.post(
        url, {"month": "2024-03", "statements": [tea.pk, honey.pk], "action": "paid", "batch_reference": "LO2404"}
    )
    assert response.status_code == 302
    tea.refresh_from_db()
    honey.refresh_from_db()
    assert (tea.payment_reference, honey.payment_reference) == ("LO2404 #1", "LO2404 #2")  # STT of the file
    assert tea.is_paid and tea.paid_by == officer
    assert (tea.paid_bank_bin, tea.paid_account_number) == (VCB, "0011009876543")

    mail = OutboxMessage.objects.get(event_code=payouts.SETTLEMENT_PAID, recipient=tea.partner.director.email)
    assert "đã thanh toán" in mail.subject.lower() and "950.000\u00a0₫" in mail.body_text
    assert "LO2404 #1" in mail.body_text and "•••• 6543" in mail.body_text and "0011009876543" not in mail.body_text

    again = client.post(
        url, {"month": "2024-03", "statements": [tea.pk], "action": "paid", "batch_reference": "LO-LAN-2"}
    )
    assert again.status_code == 400 and "đã được thanh toán" in again.content.decode()
    assert Settlement.objects.get(pk=tea.pk).payment_reference == "LO2404 #1"  # frozen


def test_batch_mark_paid_is_all_or_nothing():
    good = march(seller("Hợp tác xã Tốt"))
    bad = march(seller("Hợp tác xã Không Tài Khoản", account="", bin_code=""))
    with pytest.raises(settlements.SettlementRefused) as refused:
        payouts.pay_batch([good, bad], finance_officer(), "LO1")
    assert "Hợp tác xã Không Tài Khoản" in refused.value.message
    assert not Settlement.objects.filter(pk__in=[good.pk, bad.pk], status=Settlement.Status.PAID).exists()


def test_single_payment_from_the_statement_page_emails_the_director(client):
    statement = march(seller("Hợp tác xã Chè"))
    client.force_login(finance_officer())
    url = reverse("dashboard:ocop-settlement", kwargs={"pk": statement.pk})
    assert client.post(url, {"payment_reference": "FT24040555"}).status_code == 302
    assert OutboxMessage.objects.filter(
        event_code=payouts.SETTLEMENT_PAID, recipient=statement.partner.director.email
    ).exists()


# --- permissions --------------------------------------------------------------------------------------


def test_only_settlement_staff_of_the_province_may_pay(client, producer_user):
    statement = march(seller("Hợp tác xã Chè"))
    batch_url = reverse("dashboard:ocop-settlement-batch")
    post = {"month": "2024-03", "statements": [statement.pk], "action": "paid", "batch_reference": "LO9"}

    client.force_login(producer_user)
    assert client.post(batch_url, post).status_code == 403

    reviewer = factories.user()
    reviewer.is_staff = True
    reviewer.save(update_fields=["is_staff"])
    reviewer.user_permissions.add(Permission.objects.get(codename="review_ocop_product"))
    client.force_login(reviewer)
    assert client.post(batch_url, post).status_code == 403

    elsewhere = finance_officer(OTHER_PROVINCE)
    client.force_login(elsewhere)
    assert client.post(batch_url, post).status_code == 404
    assert client.get(reverse("dashboard:ocop-settlement", kwargs={"pk": statement.pk})).status_code == 404
    month = client.get(reverse("dashboard:ocop-settlements"), {"month": "2024-03"}).content.decode()
    assert "Hợp tác xã Chè" not in month
    assert not Settlement.objects.get(pk=statement.pk).is_paid

    client.force_login(finance_officer(LAO_CAI))
    assert client.post(batch_url, post).status_code == 302
    assert Settlement.objects.get(pk=statement.pk).is_paid


def test_producer_sees_own_payment_and_not_others(client):
    own = march(seller("Hợp tác xã Chè", account="0011009876543"))
    other = march(seller("Hợp tác xã Khác"))
    payouts.pay(own, finance_officer(), "FT24040777")
    client.force_login(own.partner.director)

    listing = client.get(reverse("dashboard:portal-settlements")).content.decode()
    assert "FT24040777" in listing and "•••• 6543" in listing and "Vietcombank" in listing
    assert "950.000\u00a0₫" in listing and "0011009876543" not in listing

    page = client.get(reverse("dashboard:portal-settlement", kwargs={"pk": own.pk})).content.decode()
    paid_on = timezone.localtime(Settlement.objects.get(pk=own.pk).paid_at)
    assert 'id="settlement_payment"' in page and "FT24040777" in page and "•••• 6543" in page
    assert f"Nền tảng đã chuyển 950.000\u00a0₫ cho bạn ngày {paid_on:%d/%m/%Y}" in page

    assert client.get(reverse("dashboard:portal-settlement", kwargs={"pk": other.pk})).status_code == 404
