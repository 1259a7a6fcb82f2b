"""Changing an account's email (issue 17, finding 11; shop/customer/accounts.py): the current password,
then a link to the new address opened by the signed-in account; the rest of the profile needs neither."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db
User = get_user_model()
PASSWORD = "Mat-khau-cu-2026"
LINK = re.compile(r"https?://[^\s\"<]+/accounts/profile/email/confirm/[^\s\"<]+/")


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def account():
    return User.objects.create_user(
        email="lan.tran@example.vn", password=PASSWORD, last_name="Trần Thị", first_name="Lan"
    )


@pytest.fixture
def client(account):
    client = Client()
    client.force_login(account)
    return client


def _update(client, capture, email, password="", **names):
    data = {"last_name": "Trần Thị", "first_name": "Lan", "email": email, "current_password": password, **names}
    with capture(execute=True):
        return client.post(reverse("customer:profile-update"), data)


def test_names_change_without_a_password(client, account, django_capture_on_commit_callbacks):
    response = _update(client, django_capture_on_commit_callbacks, account.email, first_name="Mai")
    assert response.status_code == 302
    account.refresh_from_db()
    assert account.first_name == "Mai" and mail.outbox == []


def test_a_new_email_needs_the_current_password(client, account, django_capture_on_commit_callbacks):
    response = _update(client, django_capture_on_commit_callbacks, "lan.moi@example.vn")
    assert response.status_code == 200 and "hãy nhập mật khẩu hiện tại" in response.content.decode()
    response = _update(client, django_capture_on_commit_callbacks, "lan.moi@example.vn", "doan-sai")
    assert response.status_code == 200 and "Mật khẩu hiện tại không đúng" in response.content.decode()
    account.refresh_from_db()
    assert account.email == "lan.tran@example.vn" and mail.outbox == []


def test_the_email_changes_only_by_the_link_to_the_new_address(client, account, django_capture_on_commit_callbacks):
    response = _update(client, django_capture_on_commit_callbacks, "Lan.Moi@example.vn", PASSWORD)
    assert response.status_code == 302
    account.refresh_from_db()
    assert account.email == "lan.tran@example.vn"
    [message] = mail.outbox
    assert message.to == ["Lan.Moi@example.vn"]
    link = LINK.search(message.body).group(0)
    assert client.get(link).status_code == 200
    account.refresh_from_db()
    assert account.email == "lan.tran@example.vn"  # a GET changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(link).status_code == 302
    account.refresh_from_db()
    assert account.email == "Lan.Moi@example.vn"
    assert mail.outbox[-1].to == ["lan.tran@example.vn"]  # the old address is told
    assert client.post(link).status_code == 400  # used: the account's email is no longer the one it names


def test_the_link_works_only_for_the_account_that_asked(client, account, django_capture_on_commit_callbacks):
    _update(client, django_capture_on_commit_callbacks, "lan.moi@example.vn", PASSWORD)
    link = LINK.search(mail.outbox[0].body).group(0)
    anonymous = Client().post(link)
    assert anonymous.status_code == 302 and reverse("customer:login") in anonymous["Location"]
    other = Client()
    other.force_login(User.objects.create_user(email="ke.khac@example.vn", password="Mat-khau-khac-2026"))
    assert other.post(link).status_code == 400
    account.refresh_from_db()
    assert account.email == "lan.tran@example.vn"
    assert not User.objects.filter(email__iexact="lan.moi@example.vn").exists()


def test_an_address_of_another_account_gets_the_same_answer_and_no_link(
    client, account, django_capture_on_commit_callbacks
):
    User.objects.create_user(email="da.co@example.vn", password="Mat-khau-khac-2026")
    taken = _update(client, django_capture_on_commit_callbacks, "DA.CO@example.vn", PASSWORD)
    free = _update(client, django_capture_on_commit_callbacks, "con.trong@example.vn", PASSWORD)
    assert taken.status_code == free.status_code == 302 and taken["Location"] == free["Location"]
    notice, link = mail.outbox
    assert notice.to == ["DA.CO@example.vn"] and not LINK.search(notice.body) and "đã có tài khoản" in notice.body
    assert LINK.search(link.body)
    account.refresh_from_db()
    assert account.email == "lan.tran@example.vn"


def test_wrong_passwords_here_count_in_the_login_throttle(
    settings, client, account, django_capture_on_commit_callbacks
):
    settings.OCOP_THROTTLES = {**settings.OCOP_THROTTLES, "login-account": (3, 900)}
    for _ in range(3):
        _update(client, django_capture_on_commit_callbacks, "lan.moi@example.vn", "doan-sai")
    response = _update(client, django_capture_on_commit_callbacks, "lan.moi@example.vn", PASSWORD)
    assert response.status_code == 200 and mail.outbox == []  # the right password no longer opens it
    login = Client().post(
        reverse("customer:login"), {"login-username": account.email, "login-password": PASSWORD, "login_submit": "1"}
    )
    assert login.status_code == 429  # and the account's login is locked like after wrong logins
