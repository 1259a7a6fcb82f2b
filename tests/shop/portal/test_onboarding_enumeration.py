"""The producers' application does not tell whether an email has an account (issue 17, finding 11).

The public form at /ban-hang/dang-ky/ answers an email that has an account exactly as a new one; only
the mailbox learns which it was. A new applicant's account opens by its emailed link (the customer
registration's, shop/customer/accounts.py); applications are limited per client address.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from .test_onboarding import APPLY_URL, CONFIRM_LINK, application_data, png_scan

pytestmark = pytest.mark.django_db
Partner = get_model("partner", "Partner")
Consent = get_model("users", "Consent")
User = get_user_model()

NEW = "pao.mathong@example.vn"
PASSWORD = "Ong-bac-ha-2026"


def _apply(client, capture, email, address="203.0.113.50", **overrides):
    with capture(execute=True):
        return client.post(APPLY_URL, application_data(account_email=email, **overrides), REMOTE_ADDR=address)


def _page(client, response, email):
    """The page the answer leads to, without the parts that vary (CSRF token, the email typed)."""
    html = client.get(response["Location"]).content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html).replace(email, "EMAIL")


def _login(client, email, password):
    return client.post(
        reverse("customer:login"), {"login-username": email, "login-password": password, "login_submit": "1"}
    )


def test_the_application_answers_the_same_for_an_email_that_has_an_account(
    customer, django_capture_on_commit_callbacks
):
    new_client, existing_client = Client(), Client()
    producers, users, consents = Partner.objects.count(), User.objects.count(), Consent.objects.count()
    new = _apply(new_client, django_capture_on_commit_callbacks, NEW)
    existing = _apply(
        existing_client,
        django_capture_on_commit_callbacks,
        customer.email.upper(),
        registration_number="5300 654 321",
        business_registration_scan=png_scan(),
    )
    assert new.status_code == existing.status_code == 302
    assert new["Location"] == existing["Location"] == reverse("selling:applied")
    assert _page(new_client, new, NEW) == _page(existing_client, existing, "KHACH@example.vn")
    assert "_auth_user_id" not in new_client.session and "_auth_user_id" not in existing_client.session

    # Nothing was created for the email that has an account (and no consents recorded in its name) ...
    assert not Partner.objects.filter(registration_number="5300654321").exists()
    assert Partner.objects.count() == producers + 1 and User.objects.count() == users + 1
    assert Consent.objects.count() == consents + 2 and not Consent.objects.filter(user=customer).exists()
    # ... only the mailboxes differ: a link for the new applicant, a notice for the owner.
    to_new, to_owner = mail.outbox
    assert to_new.to == [NEW] and CONFIRM_LINK.search(to_new.body)
    assert to_owner.to[0].lower() == customer.email and not CONFIRM_LINK.search(to_owner.body)
    assert "đã có tài khoản" in to_owner.body and APPLY_URL in to_owner.body and "đăng nhập" in to_owner.body
    assert "/password-reset/" in to_owner.body and "Hợp tác xã Mật ong Bắc Hà" in to_owner.body


def test_a_new_applicant_signs_in_only_after_the_link_and_then_sees_the_application(django_capture_on_commit_callbacks):
    client = Client()
    _apply(client, django_capture_on_commit_callbacks, NEW)
    producer = Partner.objects.get(registration_number="5300123456")
    assert producer.director.email == NEW and producer.verification_status == Partner.Verification.PENDING
    early = _login(client, NEW, PASSWORD)
    assert early.status_code == 200 and "chưa được xác nhận" in early.content.decode()
    assert "_auth_user_id" not in client.session

    link = CONFIRM_LINK.search(mail.outbox[0].body).group(0)
    assert client.get(link).status_code == 200 and not User.objects.get(email=NEW).is_active  # GET changes nothing
    confirmed = client.post(link)
    # back to the application page after signing in
    assert confirmed.status_code == 302
    assert confirmed["Location"] == reverse("customer:login") + "?next=%2Fban-hang%2Fdang-ky%2F"
    assert client.post(link).status_code == 400  # used once
    login_page = client.get(confirmed["Location"]).content.decode()
    assert f'name="login-redirect_url" value="{APPLY_URL}"' in login_page
    signed_in = client.post(
        confirmed["Location"],
        {"login-username": NEW, "login-password": PASSWORD, "login-redirect_url": APPLY_URL, "login_submit": "1"},
    )
    assert signed_in.status_code == 302 and signed_in["Location"] == APPLY_URL
    page = client.get(APPLY_URL).content.decode()
    assert 'id="existing_application"' in page and "Hợp tác xã Mật ong Bắc Hà" in page and "Chờ xác minh" in page


def test_applying_again_before_confirming_takes_the_new_password_and_creates_nothing_more(
    django_capture_on_commit_callbacks,
):
    _apply(
        Client(),
        django_capture_on_commit_callbacks,
        NEW,
        **{"password1": "Ke-gian-2026-x", "password2": "Ke-gian-2026-x"},
    )
    client = Client()
    again = _apply(
        client,
        django_capture_on_commit_callbacks,
        NEW,
        registration_number="5300 654 321",
        business_registration_scan=png_scan(),
    )
    assert again["Location"] == reverse("selling:applied")
    assert Partner.objects.filter(director__email=NEW).count() == 1
    first, second = (CONFIRM_LINK.search(m.body).group(0) for m in mail.outbox)
    assert client.post(first).status_code == 400
    assert client.post(second).status_code == 302
    assert _login(Client(), NEW, "Ke-gian-2026-x").status_code == 200
    assert _login(client, NEW, PASSWORD).status_code == 302


def test_applications_by_email_are_limited_per_address(settings, django_capture_on_commit_callbacks):
    settings.OCOP_THROTTLES = {**settings.OCOP_THROTTLES, "registration-ip": (2, 3600)}
    answers = [
        _apply(
            Client(),
            django_capture_on_commit_callbacks,
            f"spam{n}@example.vn",
            address="198.51.100.60",
            registration_number=f"5300 000 00{n}",
            business_registration_scan=png_scan(),
        )
        for n in range(3)
    ]
    assert [a.status_code for a in answers] == [302, 302, 429]
    assert "quá nhiều yêu cầu" in answers[2].content.decode()
    assert Partner.objects.filter(director__email__startswith="spam").count() == 2 and len(mail.outbox) == 2
    assert (
        _apply(
            Client(),
            django_capture_on_commit_callbacks,
            "khac@example.vn",
            address="198.51.100.61",
            registration_number="5300 000 009",
        ).status_code
        == 302
    )


def test_a_signed_in_applicant_is_not_limited_and_is_told_as_before(
    client, customer, settings, django_capture_on_commit_callbacks
):
    settings.OCOP_THROTTLES = {**settings.OCOP_THROTTLES, "registration-ip": (0, 3600)}
    client.force_login(customer)
    response = _apply(client, django_capture_on_commit_callbacks, "")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Cảm ơn bạn. Hồ sơ của Hợp tác xã Mật ong Bắc Hà" in page
    assert Partner.objects.get(director=customer).verification_status == Partner.Verification.PENDING
    assert "Đã nhận hồ sơ" in mail.outbox[-1].subject
