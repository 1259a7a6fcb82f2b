"""The public application to sell, and the reviewer's decision on it: verify (portal opens) or reject."""

import io
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from oscar.core.loading import get_model
from PIL import Image

from catalogue.ocop import workflow
from catalogue.ocop.editing import GOODS_CLASS
from cms.demo import loader
from shop.producers import onboarding, verification
from tests import factories

pytestmark = pytest.mark.django_db
Partner = get_model("partner", "Partner")
Consent = get_model("users", "Consent")
User = get_user_model()

APPLY_URL = "/ban-hang/dang-ky/"
LAO_CAI, CAM_DUONG = 15, 2674
HANOI_BA_DINH = 4


def png_scan(name="dang-ky-kinh-doanh.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), "white").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def application_data(**overrides):
    data = {
        "name": "Hợp tác xã Mật ong Bắc Hà",
        "kind": "cooperative",
        "legal_name": "",
        "registration_number": "5300 123 456",
        "representative": "Vàng Seo Páo",
        "phone": "0912345678",
        "email": "",
        "province_code": LAO_CAI,
        "ward_code": CAM_DUONG,
        "street": "Thôn Na Hối",
        "story": "Mật ong bạc hà thu hoạch mùa đông.",
        "has_epayment_account": "on",
        "bank_name": "Agribank Lào Cai",
        "bank_account_number": "8800123456",
        "bank_account_holder": "HTX MAT ONG BAC HA",
        "last_name": "Vàng Seo",
        "first_name": "Páo",
        "account_email": "pao.mathong@example.vn",
        "account_phone": "0987654321",
        "password1": "Ong-bac-ha-2026",
        "password2": "Ong-bac-ha-2026",
        "terms": "on",
        "personal_data": "on",
        "business_registration_scan": png_scan(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def apply(client, django_capture_on_commit_callbacks, **overrides):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(APPLY_URL, application_data(**overrides), REMOTE_ADDR="203.0.113.7")


CONFIRM_LINK = re.compile(r"https?://[^\s\"<]+/accounts/register/confirm/[^\s\"<]+")


def confirm(client, email="pao.mathong@example.vn"):
    """Opens the confirmation link the applicant was mailed (a new applicant's account is unconfirmed
    until then); returns the answer to the link's button."""
    message = next(m for m in reversed(mail.outbox) if m.to == [email] and CONFIRM_LINK.search(m.body))
    return client.post(CONFIRM_LINK.search(message.body).group(0))


def apply_and_confirm(client, django_capture_on_commit_callbacks, **overrides):
    response = apply(client, django_capture_on_commit_callbacks, **overrides)
    assert confirm(client).status_code == 302
    return response


def test_the_form_is_public_and_linked_from_the_footer(client):
    response = client.get("/")
    assert APPLY_URL.encode() in response.content
    response = client.get(APPLY_URL)
    assert response.status_code == 200
    content = response.content.decode()
    for label in (
        "Mã số đăng ký kinh doanh hoặc mã số thuế",
        "Tỉnh/thành phố",
        "Xã/phường",
        "Mật khẩu",
        "Điều khoản sử dụng nền tảng OCOP Market (phiên bản 2026-01)",
        "Xử lý dữ liệu cá nhân",
    ):
        assert label.lower() in content.lower()


@override_settings(OCOP_TERMS_VERSION="2026-03")
def test_an_application_creates_a_pending_producer_with_consents_and_no_portal_access(
    client, django_capture_on_commit_callbacks
):
    from shop.customer import privacy

    notice = privacy.notice_page()  # the privacy notice's version is the page's (shop/customer/privacy.py)
    notice.version = "2026-02"
    notice.save()
    response = apply(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response["Location"].endswith("/ban-hang/dang-ky/da-gui/")

    producer = Partner.objects.get(registration_number="5300123456")
    user = User.objects.get(email="pao.mathong@example.vn")
    assert producer.verification_status == Partner.Verification.PENDING and producer.applied_at
    assert producer.director == user and list(producer.users.all()) == [user]
    assert producer.legal_name == "Hợp tác xã Mật ong Bắc Hà" and producer.email == user.email
    assert (user.last_name, user.first_name, user.phone_number) == ("Vàng Seo", "Páo", "0987 654 321")
    assert user.check_password("Ong-bac-ha-2026")
    assert not user.is_active and user.last_login is None  # unconfirmed until the emailed link is opened
    assert not user.has_perm("partner.dashboard_access")
    scan_name = producer.business_registration_scan.name
    assert scan_name.startswith("producers/registration/") and scan_name.endswith(".png")
    assert "dang-ky-kinh-doanh" not in scan_name and len(scan_name.rsplit("/", 1)[1]) >= 24  # unguessable
    assert producer.business_registration_scan.read().startswith(b"\x89PNG")
    consents = {c.document: c for c in Consent.objects.filter(user=user)}
    assert consents.keys() == {"terms", "personal_data"}
    assert consents["terms"].version == "2026-03" and consents["personal_data"].version == "2026-02"
    assert all(
        c.given and c.ip_address == "203.0.113.7" and c.context == "producer_application" for c in consents.values()
    )

    # One email, to the applicant only: the application arrived, confirm the address by the link.
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [user.email]
    assert "hồ sơ đăng ký bán hàng" in mail.outbox[0].subject
    assert "Hợp tác xã Mật ong Bắc Hà" in mail.outbox[0].subject and CONFIRM_LINK.search(mail.outbox[0].body)

    # Not signed in: the page says what happens next; after the link the account signs in, sees its
    # application pending, and the portal stays closed.
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"]).content.decode()
    assert "Các bước tiếp theo" in page
    assert "Hãy mở thư chúng tôi vừa gửi tới pao.mathong@example.vn để xác nhận địa chỉ email" in page
    confirmed = confirm(client)
    assert confirmed.status_code == 302 and confirmed["Location"].startswith(reverse("customer:login"))
    assert client.login(username=user.email, password="Ong-bac-ha-2026")
    status = client.get(APPLY_URL).content.decode()
    assert "Hợp tác xã Mật ong Bắc Hà" in status and "Chờ xác minh" in status
    assert client.get(reverse("dashboard:portal-team")).status_code == 403


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("0214 3812 345", "0214 3812 345"),  # a cooperative's landline in Lào Cai, as printed on its papers
        ("+84 912.345.678", "0912 345 678"),
        ("0912345678", "0912 345 678"),
    ],
)
def test_the_contact_phone_follows_the_address_rule_and_is_stored_as_written_in_vietnam(
    client, django_capture_on_commit_callbacks, typed, stored
):
    response = apply(client, django_capture_on_commit_callbacks, phone=typed, account_phone=typed)
    assert response.status_code == 302, response.context["form"].errors
    producer = Partner.objects.get(registration_number="5300123456")
    assert producer.phone == stored and producer.director.phone_number == stored


@pytest.mark.parametrize("typed", ["1900 1234", "+1 415 555 0100", "0123456789"])
def test_service_and_foreign_numbers_are_refused_for_producers_too(client, typed):
    response = client.post(APPLY_URL, application_data(phone=typed, account_phone=typed))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "Nhập số điện thoại Việt Nam" in errors["phone"][0]
    assert "Nhập số điện thoại Việt Nam" in errors["account_phone"][0]
    assert not Partner.objects.filter(registration_number="5300123456").exists()


def test_a_logged_in_visitor_applies_with_their_account(client, customer, django_capture_on_commit_callbacks):
    client.force_login(customer)
    page = client.get(APPLY_URL).content.decode()
    assert "khach@example.vn" in page and 'name="password1"' not in page
    data = {
        key: value
        for key, value in application_data().items()
        if key not in ("last_name", "first_name", "account_email", "account_phone", "password1", "password2")
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(APPLY_URL, data)
    assert response.status_code == 302
    producer = Partner.objects.get(director=customer)
    assert producer.is_verified is False and Consent.objects.filter(user=customer).count() == 2
    # A second application by the same account is refused.
    response = client.post(
        APPLY_URL, {**application_data(), "registration_number": "5300999999", "business_registration_scan": png_scan()}
    )
    assert response.status_code == 200
    assert "mỗi tài khoản chỉ gửi một hồ sơ" in response.content.decode()
    assert Partner.objects.filter(director=customer).count() == 1


def test_invalid_applications_show_vietnamese_errors_and_create_nothing(client):
    producers, users = Partner.objects.count(), User.objects.count()
    response = client.post(
        APPLY_URL,
        application_data(
            name="",
            phone="12345",
            ward_code=HANOI_BA_DINH,
            password2="khac-han",
            terms=None,
            personal_data=None,
            business_registration_scan=None,
            account_email=loader.PRODUCER_EMAIL,
        ),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) >= {
        "name",
        "phone",
        "ward_code",
        "password2",
        "terms",
        "personal_data",
        "business_registration_scan",
    }
    assert "account_email" not in errors  # whether an email has an account is never shown (finding 11)
    content = response.content.decode()
    assert "Hãy điền mục này." in content
    assert "Nhập số điện thoại Việt Nam" in content
    assert "Hai mật khẩu không giống nhau." in content
    assert "Bạn cần đồng ý với điều khoản sử dụng" in content
    assert "Hãy tải lên ảnh chụp hoặc bản PDF giấy đăng ký kinh doanh." in content
    assert "đã có tài khoản" not in content
    assert (Partner.objects.count(), User.objects.count()) == (producers, users)
    assert not mail.outbox


def test_weak_passwords_and_taken_registration_numbers_are_refused(client):
    taken = factories.producer().registration_number
    response = client.post(
        APPLY_URL, application_data(password1="12345678", password2="12345678", registration_number=taken)
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "password1" in errors and "registration_number" in errors
    assert "đã được một chủ thể khác đăng ký" in response.content.decode()
    assert not User.objects.filter(email="pao.mathong@example.vn").exists()


def test_a_scan_is_checked_by_content(client):
    fake = SimpleUploadedFile(
        "giay-phep.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf"
    )
    response = client.post(APPLY_URL, application_data(business_registration_scan=fake))
    assert response.status_code == 200
    assert "business_registration_scan" in response.context["form"].errors
    assert not Partner.objects.filter(registration_number="5300123456").exists()
    renamed = png_scan(name="giay-phep.html")
    response = client.post(APPLY_URL, application_data(business_registration_scan=renamed))
    assert "business_registration_scan" in response.context["form"].errors


def test_the_commune_list_follows_the_province(client):
    response = client.post(APPLY_URL, {**application_data(business_registration_scan=None), "pick_province": "1"})
    assert response.status_code == 200
    assert "Phường Cam Đường" in response.content.decode() and not response.context["form"].is_bound
    # With JavaScript the form fetches the same list as the address forms do.
    ward_select = response.context["form"]["ward_code"].field.widget.attrs["data-wards-url"]
    assert ward_select == reverse("address-wards", args=[0]).replace("/0/", "/{code}/")


def test_reviewers_see_the_application_and_verifying_opens_the_portal(
    client, reviewer, django_capture_on_commit_callbacks
):
    apply(client, django_capture_on_commit_callbacks)
    producer = Partner.objects.get(registration_number="5300123456")
    detail_url = reverse("dashboard:ocop-application", kwargs={"pk": producer.pk})
    client.force_login(reviewer)
    assert "Người đại diện chưa xác nhận email" in client.get(detail_url).content.decode()
    client.logout()
    assert confirm(client).status_code == 302
    applicant = User.objects.get(pk=producer.director_id)
    client.force_login(applicant)
    assert client.get(reverse("dashboard:portal-team")).status_code == 403

    client.force_login(reviewer)
    listing = client.get(reverse("dashboard:ocop-producers"), {"status": "pending"}).content.decode()
    assert reverse("dashboard:ocop-application", kwargs={"pk": producer.pk}) in listing
    detail = client.get(reverse("dashboard:ocop-application", kwargs={"pk": producer.pk}))
    content = detail.content.decode()
    assert detail.status_code == 200
    scan_url = reverse("dashboard:ocop-application-scan", kwargs={"pk": producer.pk})
    assert scan_url in content and "5300123456" in content
    assert "203.0.113.7" in content and "2026-01" in content and "Xử lý dữ liệu cá nhân" in content
    assert "Người đại diện chưa xác nhận email" not in content

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("dashboard:ocop-application", kwargs={"pk": producer.pk}),
            {"action": "verify", "reason": "Hồ sơ đầy đủ."},
        )
    assert response.status_code == 302
    producer.refresh_from_db()
    assert producer.is_verified and producer.verification_reason == "Hồ sơ đầy đủ."
    assert producer.verification_decided_at is not None
    assert applicant.email in mail.outbox[-1].to and "xác minh" in mail.outbox[-1].subject
    assert User.objects.get(pk=applicant.pk).has_perm("partner.dashboard_access")

    client.force_login(applicant)
    page = client.get(reverse("dashboard:portal-team"))
    assert page.status_code == 200 and "Hợp tác xã Mật ong Bắc Hà" in page.content.decode()


def test_rejecting_an_application_needs_a_reason_and_emails_it(client, reviewer, django_capture_on_commit_callbacks):
    apply_and_confirm(client, django_capture_on_commit_callbacks)
    producer = Partner.objects.get(registration_number="5300123456")
    url = reverse("dashboard:ocop-application", kwargs={"pk": producer.pk})
    client.force_login(reviewer)
    response = client.post(url, {"action": "reject", "reason": "  "})
    assert response.status_code == 400 and "Hãy nêu lý do từ chối" in response.content.decode()
    assert Partner.objects.get(pk=producer.pk).verification_status == Partner.Verification.PENDING

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "reject", "reason": "Bản chụp giấy đăng ký bị mờ, không đọc được."})
    assert response.status_code == 302
    producer.refresh_from_db()
    assert producer.verification_status == Partner.Verification.REJECTED
    assert producer.verification_reason == "Bản chụp giấy đăng ký bị mờ, không đọc được."
    message = mail.outbox[-1]
    assert producer.director.email in message.to and "chưa được chấp thuận" in message.subject
    assert "Bản chụp giấy đăng ký bị mờ" in message.body
    assert not User.objects.get(pk=producer.director_id).has_perm("partner.dashboard_access")
    client.force_login(producer.director)
    assert client.get(reverse("dashboard:portal-team")).status_code == 403
    # Only pending applications are rejected; the rejected applicant may apply again with the same number.
    with pytest.raises(workflow.TransitionRefused):
        verification.reject_application(producer, reviewer, "Lần nữa")
    assert onboarding.open_application_of(producer.director) is None
    assert not onboarding.registration_number_taken("5300123456")


def test_the_producers_page_rejects_pending_applications_too(client, reviewer, django_capture_on_commit_callbacks):
    producer = factories.producer(verified=False)  # a pending applicant
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("dashboard:ocop-producers"),
            {"producer": producer.pk, "action": "reject", "reason": "Thiếu giấy đăng ký."},
        )
    assert response.status_code == 302
    assert Partner.objects.get(pk=producer.pk).verification_status == Partner.Verification.REJECTED
    assert producer.director.email in mail.outbox[-1].to  # the applicant who filed it


def test_producer_users_cannot_see_applications(client, producer_user):
    producer = factories.producer(verified=False)  # a pending applicant
    client.force_login(producer_user)
    assert client.get(reverse("dashboard:ocop-application", kwargs={"pk": producer.pk})).status_code == 403
    response = client.post(reverse("dashboard:ocop-application", kwargs={"pk": producer.pk}), {"action": "verify"})
    assert response.status_code == 403
    assert not Partner.objects.get(pk=producer.pk).is_verified


def test_from_application_to_the_first_approved_product(client, reviewer, django_capture_on_commit_callbacks):
    """The whole path: apply, get verified, list a product with its certificate, submit, get approved."""
    from tests.shop.test_producer_ocop_pages import _certificate_post

    apply_and_confirm(client, django_capture_on_commit_callbacks)
    producer = Partner.objects.get(registration_number="5300123456")
    applicant = producer.director
    client.force_login(reviewer)
    client.post(reverse("dashboard:ocop-application", kwargs={"pk": producer.pk}), {"action": "verify"})

    Product = get_model("catalogue", "Product")
    product = Product.objects.create(
        title="Mật ong bạc hà Bắc Hà 500 ml",
        product_class=get_model("catalogue", "ProductClass").objects.get(name=GOODS_CLASS),
        ocop_group="food",
        ocop_subgroup="processed-food",
    )
    get_model("partner", "StockRecord").objects.create(
        product=product, partner=producer, partner_sku="MO-500", price=250000, num_in_stock=30
    )
    assert not product.is_public

    client.force_login(applicant)
    url = reverse("dashboard:ocop-product", kwargs={"pk": product.pk})
    assert client.post(url, _certificate_post(decision_number="88/QĐ-UBND")).status_code == 302
    assert client.post(url, {"action": "submit"}).status_code == 302

    client.force_login(reviewer)
    from tests.shop.review_page import decide

    response = decide(client, product, {"action": "approve", "reason": ""})
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.is_public and product.review_status == "approved"
    client.logout()
    assert client.get(product.get_absolute_url()).status_code == 200


def test_registration_scan_is_private_and_streamed_to_reviewers_only(
    client, reviewer, producer_user, django_capture_on_commit_callbacks
):
    from django.conf import settings

    apply(client, django_capture_on_commit_callbacks)
    producer = Partner.objects.get(registration_number="5300123456")
    scan_path = Path(producer.business_registration_scan.path)
    assert Path(settings.PRIVATE_MEDIA_ROOT) in scan_path.parents
    assert Path(settings.MEDIA_ROOT) not in scan_path.parents  # never published under /media/
    with pytest.raises(ValueError):
        producer.business_registration_scan.url  # noqa: B018 — private files have no URL

    url = reverse("dashboard:ocop-application-scan", kwargs={"pk": producer.pk})
    client.force_login(reviewer)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert response["Cache-Control"] == "private, no-store"

    client.force_login(producer_user)
    assert client.get(url).status_code in (302, 403)
    client.logout()
    assert client.get(url).status_code == 302
