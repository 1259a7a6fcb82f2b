"""Claiming a producer from the province's OCOP registry: the invitation, the registration number, the code
(hashed, 15 minutes, 5 attempts) and the office's verification that opens the portal."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from shop.notifications.models import OutboxMessage
from shop.partner import access
from shop.producers import claiming, verification
from tests import factories
from tests.shop.claims.helpers import last_code, officer, registry_product, stub

pytestmark = pytest.mark.django_db
Partner = get_model("partner", "Partner")
ProducerClaim = get_model("users", "ProducerClaim")


@pytest.fixture
def owner(db):
    return factories.customer()


def ask_code(client, producer, number=None, channel="sms"):
    data = {"channel": channel}
    if number is not None:
        data["registration_number"] = number
    return client.post(reverse("selling:claim", kwargs={"pk": producer.pk}), data)


def type_code(client, producer, code):
    return client.post(reverse("selling:claim-verify", kwargs={"pk": producer.pk}), {"code": code})


def test_the_invitation_is_queued_once_with_the_claim_link():
    producer = stub()
    invitation = claiming.invite_to_claim(producer)
    assert invitation is not None and invitation.recipient == producer.email
    assert claiming.invite_to_claim(producer) is None  # never twice
    messages = OutboxMessage.objects.filter(event_code=claiming.INVITATION_EVENT, recipient=producer.email)
    assert messages.count() == 1
    assert reverse("selling:claim", kwargs={"pk": producer.pk}) in messages.get().body_text
    assert "nhận quản lý" in messages.get().body_text


def test_a_stub_with_only_a_phone_is_invited_by_sms_and_one_without_an_address_not_at_all():
    by_phone = stub(email="")
    assert claiming.invite_to_claim(by_phone).channel == "sms"
    assert OutboxMessage.objects.get(recipient=by_phone.phone, event_code=claiming.INVITATION_EVENT).channel == "sms"
    assert claiming.invite_to_claim(stub(email="", phone="")) is None
    assert claiming.invite_to_claim(factories.producer()) is None  # not a stub


def test_without_an_sms_provider_nothing_is_offered_or_sent_by_text(settings, owner):
    """Production without OCOP_SMS_BACKEND: a code or invitation "sent" by SMS would never arrive, so neither is."""
    settings.OCOP_SMS_BACKEND = ""
    phone_only = stub(email="")
    assert claiming.invite_to_claim(phone_only) is None
    assert not OutboxMessage.objects.filter(recipient=phone_only.phone).exists()
    both = stub()
    assert [channel for channel, _label in claiming.contact_options(both)] == ["email"]
    with pytest.raises(claiming.ClaimRefused):
        claiming.request_code(both, owner, registration_number=both.registration_number, channel="sms")
    assert not OutboxMessage.objects.filter(recipient=both.phone).exists()


def test_finding_shows_only_unclaimed_stubs_of_the_province(client, owner):
    mine = stub("Hộ kinh doanh Lò Thị Mai")
    factories.producer("Hợp tác xã Lò Thị Mai")  # verified: not claimable
    client.force_login(owner)
    response = client.get(reverse("selling:claim-find"), {"province": mine.province_code, "q": "lo thi mai"})
    assert [stub.pk for stub in response.context["results"]] == [mine.pk]
    by_number = client.get(
        reverse("selling:claim-find"), {"province": mine.province_code, "q": mine.registration_number}
    )
    assert [stub.pk for stub in by_number.context["results"]] == [mine.pk]
    assert mine.email not in by_number.content.decode()  # no more than the registry's public list


def test_claim_pages_need_an_account(client):
    producer = stub()
    response = client.get(reverse("selling:claim", kwargs={"pk": producer.pk}))
    assert response.status_code == 302 and "next=" in response["Location"]


def test_the_addresses_on_record_are_shown_masked(client, owner):
    producer = stub(phone="0912 345 123", email="hoa.nguyen@example.vn")
    client.force_login(owner)
    page = client.get(reverse("selling:claim", kwargs={"pk": producer.pk})).content.decode()
    assert "09****123" in page and "h***@example.vn" in page
    assert "0912 345 123" not in page and "hoa.nguyen@example.vn" not in page


def test_the_right_number_and_code_make_the_account_director_and_the_producer_pending(client, owner):
    producer = stub()
    client.force_login(owner)
    response = ask_code(client, producer, producer.registration_number.lower())
    assert response.status_code == 302
    claim = ProducerClaim.objects.get(partner=producer, user=owner)
    code = last_code(producer.phone)
    assert code not in claim.code_hash and len(claim.code_hash) >= 32  # hashed at rest
    assert claim.code_expires_at - claim.code_sent_at == datetime.timedelta(minutes=15)
    response = type_code(client, producer, code)
    assert response.status_code == 200
    assert "chờ xác minh" in response.content.decode()
    producer.refresh_from_db()
    assert producer.verification_status == Partner.Verification.PENDING
    assert producer.director == owner and producer.users.filter(pk=owner.pk).exists()
    claim.refresh_from_db()
    assert claim.proven_at is not None and claim.registration_number_matched and claim.code_hash == ""
    assert access.capacity(owner, producer, access.VIEW) is None  # nothing before the office verifies


def test_the_claimant_reaches_the_portal_once_the_office_verifies(client, owner):
    producer = stub()
    registry_product(producer)
    client.force_login(owner)
    ask_code(client, producer, producer.registration_number, channel="email")
    type_code(client, producer, last_code(producer.email))
    page = client.get(reverse("dashboard:ocop-application", kwargs={"pk": producer.pk}))  # not for the claimant
    assert page.status_code in (302, 403, 404)
    verification.verify_producer(producer, officer(), "Đã đối chiếu mã số và gọi điện xác nhận.")
    producer.refresh_from_db()
    client.force_login(type(owner).objects.get(pk=owner.pk))
    assert access.capacity(owner, producer, access.SELL) == access.MEMBER
    assert client.get(reverse("dashboard:portal-team")).status_code == 200


def test_a_wrong_registration_number_is_refused_and_no_code_sent(client, owner):
    producer = stub()
    client.force_login(owner)
    response = ask_code(client, producer, "0101234567")
    assert response.status_code == 400
    assert "Mã số đăng ký kinh doanh không khớp" in response.content.decode()
    assert not OutboxMessage.objects.filter(event_code=claiming.CODE_EVENT, recipient=producer.phone).exists()


def test_a_stub_without_a_registration_number_says_the_office_checks_by_other_means(client, owner):
    producer = stub(registration_number="")
    client.force_login(owner)
    page = client.get(reverse("selling:claim", kwargs={"pk": producer.pk})).content.decode()
    assert 'id="claim_no_number"' in page and "registration_number" not in page
    assert ask_code(client, producer).status_code == 302
    type_code(client, producer, last_code(producer.phone))
    assert not ProducerClaim.objects.get(partner=producer).registration_number_matched


def test_five_wrong_codes_then_a_new_code_is_needed(client, owner):
    producer = stub()
    client.force_login(owner)
    ask_code(client, producer, producer.registration_number)
    right = last_code(producer.phone)
    wrong = "000000" if right != "000000" else "111111"
    first = type_code(client, producer, wrong)
    assert first.status_code == 400 and "Còn 4 lần thử" in first.content.decode()
    for _attempt in range(4):
        type_code(client, producer, wrong)
    response = type_code(client, producer, right)  # even the right code: the attempts are used up
    assert response.status_code == 400 and "Hãy yêu cầu mã mới" in response.content.decode()
    assert Partner.objects.get(pk=producer.pk).verification_status == Partner.Verification.UNCLAIMED
    ask_code(client, producer, producer.registration_number)  # a new code resets the attempts
    assert type_code(client, producer, last_code(producer.phone)).status_code == 200


def test_an_expired_code_is_refused(client, owner):
    producer = stub()
    client.force_login(owner)
    ask_code(client, producer, producer.registration_number)
    ProducerClaim.objects.filter(partner=producer).update(
        code_expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    response = type_code(client, producer, last_code(producer.phone))
    assert response.status_code == 400 and "Mã đã hết hạn" in response.content.decode()
    assert Partner.objects.get(pk=producer.pk).verification_status == Partner.Verification.UNCLAIMED


def test_an_already_claimed_producer_cannot_be_claimed_again(client, owner):
    producer = stub()
    client.force_login(owner)
    ask_code(client, producer, producer.registration_number)
    other = factories.customer()
    other_client = type(client)()
    other_client.force_login(other)
    ask_code(other_client, producer, producer.registration_number)
    other_code = last_code(producer.phone)
    assert type_code(other_client, producer, other_code).status_code == 200  # the other one proves it first
    assert client.get(reverse("selling:claim", kwargs={"pk": producer.pk})).status_code == 404
    with pytest.raises(claiming.ClaimRefused):
        claiming.confirm_code(producer, owner, "123456")
    assert Partner.objects.get(pk=producer.pk).director == other


def test_a_producer_that_is_not_a_stub_cannot_be_claimed(client, owner):
    producer = factories.producer()
    client.force_login(owner)
    assert client.get(reverse("selling:claim", kwargs={"pk": producer.pk})).status_code == 404
    assert ask_code(client, producer, producer.registration_number).status_code == 404
    with pytest.raises(claiming.ClaimRefused):
        claiming.request_code(producer, owner, registration_number=producer.registration_number, channel="sms")


def test_codes_are_limited_per_stub(client):
    producer = stub()
    for _attempt in range(3):
        claimant = factories.customer()
        claiming.request_code(producer, claimant, registration_number=producer.registration_number, channel="sms")
    with pytest.raises(claiming.ClaimRefused, match="quá nhiều"):
        claiming.request_code(
            producer, factories.customer(), registration_number=producer.registration_number, channel="sms"
        )


def test_the_office_sees_the_proven_claim_on_the_application(client, owner):
    producer = stub()
    claiming.request_code(producer, owner, registration_number=producer.registration_number, channel="sms")
    claiming.confirm_code(producer, owner, last_code(producer.phone))
    client.force_login(officer())
    page = client.get(reverse("dashboard:ocop-application", kwargs={"pk": producer.pk})).content.decode()
    assert 'id="claim_evidence"' in page and "09****123" in page
