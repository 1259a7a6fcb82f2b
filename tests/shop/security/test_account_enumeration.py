"""No door tells whether an email has an account (issue 17, finding 11; shop/customer/accounts.py).

Registration answers an email that has an account exactly as a new one (same redirect, same page) and
only the mailbox learns which it was; a new account opens by its email link; password reset answers the
same for an existing and a missing email.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from .conftest import CUSTOMER

pytestmark = pytest.mark.django_db
User = get_user_model()
NEW = "khach.moi.dangky@example.vn"
PASSWORD = "Mat-khau-moi-2026"
LINK = re.compile(r"https?://[^\s\"<]+/accounts/register/confirm/[^\s\"<]+/")


def _register(client, email, capture, door="login", address="203.0.113.20"):
    if door == "login":
        data = {
            "registration-email": email,
            "registration-password1": PASSWORD,
            "registration-password2": PASSWORD,
            "registration-personal_data_consent": "on",
            "registration_submit": "1",
        }
        url = reverse("customer:login")
    else:
        data = {"email": email, "password1": PASSWORD, "password2": PASSWORD, "personal_data_consent": "on"}
        url = reverse("customer:register")
    with capture(execute=True):
        return client.post(url, data, REMOTE_ADDR=address)


def _login(client, email, password):
    return client.post(
        reverse("customer:login"), {"login-username": email, "login-password": password, "login_submit": "1"}
    )


def _page(client, response):
    """The page the answer leads to, with the varying parts (CSRF token) taken out."""
    html = client.get(response["Location"]).content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


@pytest.mark.parametrize("door", ["login", "register"])
def test_registration_answers_the_same_for_an_email_that_has_an_account(door, django_capture_on_commit_callbacks):
    new_client, existing_client = Client(), Client()
    new = _register(new_client, NEW, django_capture_on_commit_callbacks, door)
    existing = _register(existing_client, CUSTOMER[0].upper(), django_capture_on_commit_callbacks, door)
    assert new.status_code == existing.status_code == 302
    assert new["Location"] == existing["Location"] == reverse("customer:registration-sent")
    assert _page(new_client, new) == _page(existing_client, existing)
    assert "_auth_user_id" not in new_client.session and "_auth_user_id" not in existing_client.session
    assert User.objects.filter(email__iexact=CUSTOMER[0]).count() == 1
    # only the mailboxes differ: a link for the new address, a notice for the owner
    to_new, to_owner = mail.outbox
    assert to_new.to == [NEW] and LINK.search(to_new.body)
    assert to_owner.to[0].lower() == CUSTOMER[0] and not LINK.search(to_owner.body)
    assert "đã có tài khoản" in to_owner.body and "/password-reset/" in to_owner.body


def test_a_new_account_signs_in_only_after_its_link(django_capture_on_commit_callbacks):
    client = Client()
    _register(client, NEW, django_capture_on_commit_callbacks)
    account = User.objects.get(email=NEW)
    assert not account.is_active
    early = _login(client, NEW, PASSWORD)
    assert early.status_code == 200 and "chưa được xác nhận" in early.content.decode()
    assert "_auth_user_id" not in client.session
    link = LINK.search(mail.outbox[0].body).group(0)
    assert client.get(link).status_code == 200  # a GET only shows the button
    account.refresh_from_db()
    assert not account.is_active
    confirmed = client.post(link)
    assert confirmed.status_code == 302 and confirmed["Location"] == reverse("customer:login")
    assert client.post(link).status_code == 400  # used once
    response = _login(client, NEW, PASSWORD)
    assert response.status_code == 302 and "_auth_user_id" in client.session


def test_an_unconfirmed_account_with_a_wrong_password_is_not_revealed(django_capture_on_commit_callbacks):
    _register(Client(), NEW, django_capture_on_commit_callbacks)
    response = _login(Client(), NEW, "doan-sai-mat-khau")
    assert "chưa được xác nhận" not in response.content.decode()


def test_resending_the_link_answers_the_same_for_any_email(django_capture_on_commit_callbacks):
    _register(Client(), NEW, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    answers = []
    for email in (NEW, CUSTOMER[0], "khong.co.ai@example.vn"):
        with django_capture_on_commit_callbacks(execute=True):
            answers.append(Client().post(reverse("customer:registration-resend"), {"email": email}))
    assert {(a.status_code, a["Location"]) for a in answers} == {(302, reverse("customer:registration-sent"))}
    assert [m.to for m in mail.outbox] == [[NEW]]  # only the account awaiting its link


def test_an_altered_link_opens_nothing(django_capture_on_commit_callbacks):
    client = Client()
    _register(client, NEW, django_capture_on_commit_callbacks)
    link = LINK.search(mail.outbox[0].body).group(0)
    assert client.post(link.replace("/confirm/", "/confirm/x")).status_code == 400
    assert not User.objects.get(email=NEW).is_active


def test_registration_is_limited_per_address(settings, django_capture_on_commit_callbacks):
    settings.OCOP_THROTTLES = {**settings.OCOP_THROTTLES, "registration-ip": (2, 3600)}
    answers = [
        _register(Client(), f"spam{n}@example.vn", django_capture_on_commit_callbacks, address="198.51.100.30")
        for n in range(3)
    ]
    assert [a.status_code for a in answers] == [302, 302, 429]
    assert len(mail.outbox) == 2
    assert (
        _register(Client(), "khac@example.vn", django_capture_on_commit_callbacks, address="198.51.100.31").status_code
        == 302
    )


@pytest.mark.parametrize("url_name", ["password-reset"])
def test_password_reset_answers_the_same_for_an_existing_and_a_missing_email(
    url_name, django_capture_on_commit_callbacks
):
    existing_client, missing_client = Client(), Client()
    with django_capture_on_commit_callbacks(execute=True):  # the email goes out from the outbox after commit
        existing = existing_client.post(reverse(url_name), {"email": CUSTOMER[0]}, REMOTE_ADDR="198.51.100.40")
        missing = missing_client.post(
            reverse(url_name), {"email": "khong.co.ai@example.vn"}, REMOTE_ADDR="198.51.100.41"
        )
    assert existing.status_code == missing.status_code == 302
    assert existing["Location"] == missing["Location"]
    assert _page(existing_client, existing) == _page(missing_client, missing)
    assert [m.to for m in mail.outbox] == [[CUSTOMER[0]]]


def test_registering_an_unconfirmed_email_again_takes_the_new_password(django_capture_on_commit_callbacks):
    """Someone registered the email first: the mailbox owner registers, and only their link and password work."""
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(
            reverse("customer:register"),
            {"email": NEW, "password1": "Ke-gian-2026-x", "password2": "Ke-gian-2026-x", "personal_data_consent": "on"},
        )
    client = Client()
    assert _register(client, NEW, django_capture_on_commit_callbacks)["Location"] == reverse(
        "customer:registration-sent"
    )
    first, second = (LINK.search(m.body).group(0) for m in mail.outbox)
    assert client.post(first).status_code == 400
    assert client.post(second).status_code == 302
    assert _login(Client(), NEW, "Ke-gian-2026-x").status_code == 200
    assert _login(client, NEW, PASSWORD).status_code == 302
