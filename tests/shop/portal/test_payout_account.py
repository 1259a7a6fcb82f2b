"""Payout accounts re-verified by the producer's office (shop.producers.payout): a request leaves the account in
use alone; an officer of the producer's province approves (the account changes, logged, the director emailed) or
rejects with a reason; another province's officer gets a 404; the requester never approves their own; the
e-payment indicator counts only accounts in use."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from oscar.core.loading import get_model

from shop.dashboard.review import figures
from shop.producers import payout
from tests import factories

pytestmark = pytest.mark.django_db
Partner = get_model("partner", "Partner")
PayoutAccountChange = get_model("partner", "PayoutAccountChange")
ProducerActivity = get_model("portal_dashboard", "ProducerActivity")
OutboxMessage = get_model("notifications", "OutboxMessage")
ACCOUNT_URL = reverse("dashboard:portal-payout-account")
QUEUE_URL = reverse("dashboard:ocop-payout-accounts")
VIETCOMBANK, AGRIBANK = "970436", "970405"
HA_NOI = 1
OfficerProvince = get_model("users", "OfficerProvince")


def make_officer(province_code=factories.LAO_CAI, *, national=False):
    """A staff account of a provincial OCOP office (review permission), or of the national role."""
    made = factories.user()
    get_user_model().objects.filter(pk=made.pk).update(is_staff=True)
    codenames = [("catalogue", "review_ocop_product")] + ([("users", "see_all_provinces")] if national else [])
    for app_label, codename in codenames:
        made.user_permissions.add(Permission.objects.get(codename=codename, content_type__app_label=app_label))
    if not national:
        OfficerProvince.objects.create(user=made, province_code=province_code)
    return get_user_model().objects.get(pk=made.pk)


@pytest.fixture
def producer(db):
    """A verified cooperative paid into Agribank since its onboarding."""
    return factories.producer(
        "Hợp tác xã Quế Văn Bàn",
        legal_name="Hợp tác xã Quế Văn Bàn",
        has_epayment_account=True,
        bank_bin=AGRIBANK,
        bank_name="Agribank",
        bank_account_number="1234567890",
        bank_account_holder="HOP TAC XA QUE VAN BAN",
    )


@pytest.fixture
def director_client(client, producer):
    client.force_login(producer.director)
    return client


def bank_request(number="0011002233445", holder="HỢP TÁC XÃ QUẾ VĂN BÀN", bank=VIETCOMBANK):
    return {"kind": "bank", "bank_bin": bank, "bank_account_number": number, "bank_account_holder": holder}


def request_change(client, **kwargs):
    response = client.post(ACCOUNT_URL, bank_request(**kwargs))
    assert response.status_code == 302, response.content.decode()[:3000]
    return PayoutAccountChange.objects.latest("pk")


def in_use(producer):
    producer.refresh_from_db()
    return (producer.bank_bin, producer.bank_account_number, producer.bank_account_holder)


def decide(client, officer, change, action, reason=""):
    client.force_login(officer)
    return client.post(QUEUE_URL, {"change": change.pk, "action": action, "reason": reason})


def test_a_request_waits_and_the_account_in_use_stays(director_client, producer):
    change = request_change(director_client)
    assert change.status == PayoutAccountChange.Status.PENDING
    assert in_use(producer) == (AGRIBANK, "1234567890", "HOP TAC XA QUE VAN BAN")
    page = director_client.get(ACCOUNT_URL).content.decode()
    assert "Agribank 1234567890" in page and "đang chờ ban quản lý xác minh" in page
    assert ProducerActivity.objects.filter(partner=producer, action="payout_account_requested").exists()


@pytest.mark.parametrize(
    "data, message",
    [
        (bank_request(number="12AB34"), "Số tài khoản chỉ gồm chữ số, từ 6 đến 19 chữ số"),
        (bank_request(number="123"), "Số tài khoản chỉ gồm chữ số, từ 6 đến 19 chữ số"),
        (bank_request(holder="NGUYEN VAN LA"), "Tên chủ tài khoản phải là tên của cơ sở"),
        (bank_request(bank="999999"), "Chọn ngân hàng trong danh sách"),
        ({"kind": "ewallet", "ewallet_provider": "momo", "ewallet_phone": "123"}, "Nhập số điện thoại Việt Nam"),
        ({"kind": "ewallet", "ewallet_provider": "", "ewallet_phone": "0912345678"}, "Chọn ví điện tử"),
    ],
)
def test_bad_accounts_are_refused_in_vietnamese(director_client, producer, data, message):
    response = director_client.post(ACCOUNT_URL, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PayoutAccountChange.objects.filter(partner=producer).exists()


def test_the_holder_may_be_the_representative_written_as_banks_print_it(director_client, producer):
    change = request_change(director_client, holder="vang  seo DINH")  # representative "Vàng Seo Dính"
    assert change.bank_account_holder == "vang seo DINH"


def test_an_officer_of_the_province_approves_it(director_client, client, producer):
    change = request_change(director_client, number="0011-0022-33")
    officer = make_officer()
    page = decide(client, officer, change, "approve")
    assert page.status_code == 302
    assert in_use(producer) == (VIETCOMBANK, "0011002233", "HỢP TÁC XÃ QUẾ VĂN BÀN")
    assert producer.bank_name == "Vietcombank" and producer.has_epayment_account
    change.refresh_from_db()
    assert (change.status, change.decided_by) == (PayoutAccountChange.Status.APPROVED, officer)
    entry = ProducerActivity.objects.get(partner=producer, action="payout_account_approved")
    assert (
        entry.actor == officer and "Agribank 1234567890" in entry.summary and "Vietcombank 0011002233" in entry.summary
    )
    mail = OutboxMessage.objects.get(event_code=payout.DECIDED, recipient=producer.director.email)
    assert "đã được duyệt" in mail.subject
    assert not PayoutAccountChange.objects.filter(partner=producer, status="pending").exists()


def test_an_officer_of_another_province_gets_a_404(director_client, client, producer):
    change = request_change(director_client)
    stranger = make_officer(HA_NOI)
    client.force_login(stranger)
    assert producer.name not in client.get(QUEUE_URL).content.decode()
    assert decide(client, stranger, change, "approve").status_code == 404
    change.refresh_from_db()
    assert change.status == PayoutAccountChange.Status.PENDING
    assert in_use(producer)[0] == AGRIBANK
    national = make_officer(national=True)
    client.force_login(national)
    assert producer.name in client.get(QUEUE_URL).content.decode()


def test_the_requester_cannot_approve_their_own(client, producer):
    officer = make_officer()
    factories.assistant(producer, officer)  # an officer who also enters data for the producer
    officer.user_permissions.add(Permission.objects.get(codename="dashboard_access", content_type__app_label="partner"))
    officer = get_user_model().objects.get(pk=officer.pk)
    client.force_login(officer)
    change = request_change(client)
    response = decide(client, officer, change, "approve")
    assert response.status_code == 302
    change.refresh_from_db()
    assert change.status == PayoutAccountChange.Status.PENDING
    assert in_use(producer)[0] == AGRIBANK
    messages = [str(m) for m in client.get(QUEUE_URL).context["messages"]]
    assert any("không được tự duyệt" in m for m in messages)


def test_a_rejection_keeps_the_old_account_and_tells_why(director_client, client, producer):
    change = request_change(director_client)
    officer = make_officer()
    decide(client, officer, change, "reject")  # no reason: refused
    change.refresh_from_db()
    assert change.status == PayoutAccountChange.Status.PENDING
    decide(client, officer, change, "reject", "Sao kê không khớp tên hợp tác xã.")
    change.refresh_from_db()
    assert (change.status, change.reason) == (PayoutAccountChange.Status.REJECTED, "Sao kê không khớp tên hợp tác xã.")
    assert in_use(producer) == (AGRIBANK, "1234567890", "HOP TAC XA QUE VAN BAN")
    mail = OutboxMessage.objects.get(event_code=payout.DECIDED, recipient=producer.director.email)
    assert "Sao kê không khớp" in mail.body_text
    director_client.force_login(producer.director)
    assert "Sao kê không khớp" in director_client.get(ACCOUNT_URL).content.decode()


def test_a_new_request_replaces_the_pending_one(director_client, producer):
    first = request_change(director_client)
    response = director_client.post(
        ACCOUNT_URL, {"kind": "ewallet", "ewallet_provider": "momo", "ewallet_phone": "0912345678"}
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == PayoutAccountChange.Status.REPLACED
    pending = PayoutAccountChange.objects.get(partner=producer, status="pending")
    assert pending.describe() == "MoMo 0912 345 678"
    assert ProducerActivity.objects.filter(partner=producer, action="payout_account_replaced").exists()


def test_the_e_payment_indicator_counts_accounts_in_use_only(client):
    newcomer = factories.producer("Hộ kinh doanh Miến Dong", representative="Lý Thị Hoa")
    before = figures.epayment_accounts()
    client.force_login(newcomer.director)
    change = request_change(client, holder="LY THI HOA")
    assert figures.epayment_accounts().with_account == before.with_account  # pending: not counted
    decide(client, make_officer(), change, "approve")
    assert figures.epayment_accounts().with_account == before.with_account + 1
    client.force_login(newcomer.director)
    change = request_change(client, number="99887766", holder="LY THI HOA")
    decide(client, make_officer(), change, "reject", "Sai số tài khoản.")
    assert figures.epayment_accounts().with_account == before.with_account + 1  # the approved account stays in use


def test_only_members_who_may_sell_ask_for_a_change(client, producer):
    Partner.objects.filter(pk=producer.pk).update(verification_status=Partner.Verification.SUSPENDED)
    client.force_login(producer.director)
    response = client.post(ACCOUNT_URL, bank_request())
    assert response.status_code == 403
    assert not PayoutAccountChange.objects.exists()
