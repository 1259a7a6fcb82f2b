"""Login and password-reset throttling at every door (shop/users/throttling.py, shop/core/throttle.py):
5 failures lock an account, 20 an address, for 15 minutes; a locked attempt is answered 429 without the
password being checked; a success forgets the account's failures; reset emails are limited per email and
per address the same way for existing and unknown emails."""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from shop.core.throttle import client_ip
from tests.shop.checkout.journey import add_to_basket, buyable_products

from .conftest import ADMIN, CUSTOMER

pytestmark = pytest.mark.django_db
LOCKED = "Đăng nhập sai quá nhiều lần"
RESET_LOCKED = "quá nhiều yêu cầu đặt lại mật khẩu"


@dataclass
class LoginDoor:
    url_name: str
    user: tuple
    fields: callable
    needs_basket: bool = False

    def post(self, client, email, password, ip="203.0.113.7"):
        if self.needs_basket:  # the checkout's first step asks for a basket
            add_to_basket(client, buyable_products(1)[0])
        return client.post(reverse(self.url_name), self.fields(email, password), REMOTE_ADDR=ip)

    def logged_in(self, client):
        return "_auth_user_id" in client.session


DOORS = {
    "storefront": LoginDoor(
        "customer:login", CUSTOMER, lambda e, p: {"login-username": e, "login-password": p, "login_submit": "1"}
    ),
    "checkout": LoginDoor(
        "checkout:index",
        CUSTOMER,
        lambda e, p: {"username": e, "password": p, "options": "existing"},
        needs_basket=True,
    ),
    "dashboard": LoginDoor("dashboard:login", ADMIN, lambda e, p: {"username": e, "password": p}),
    "wagtail": LoginDoor("wagtailadmin_login", ADMIN, lambda e, p: {"username": e, "password": p}),
}


@pytest.fixture(params=list(DOORS))
def door(request):
    return DOORS[request.param]


def _fail(door, times, email=None, ip="203.0.113.7"):
    for _ in range(times):
        client = Client()
        response = door.post(client, email or door.user[0], "wrong-password", ip=ip)
        assert response.status_code == 200 and not door.logged_in(client)  # the form again, with its error


def test_the_right_password_works_before_the_limit(door):
    _fail(door, 4)
    client = Client()
    assert door.post(client, *door.user).status_code == 302
    assert door.logged_in(client)


def test_five_failures_lock_the_account_even_with_the_right_password(door):
    _fail(door, 5)
    client = Client()
    response = door.post(client, door.user[0].upper(), door.user[1], ip="198.51.100.20")  # any case, any address
    assert response.status_code == 429
    assert LOCKED in response.content.decode() and "15 phút" in response.content.decode()
    assert response["Retry-After"] == "900"
    assert not door.logged_in(client)


def test_a_locked_attempt_does_not_check_the_password(door, monkeypatch):
    _fail(door, 5)
    checked = []
    monkeypatch.setattr(get_user_model(), "check_password", lambda self, raw: checked.append(raw) or True)
    assert door.post(Client(), *door.user).status_code == 429
    assert checked == []


def test_another_account_from_the_same_address_is_not_locked(door):
    _fail(door, 5)
    other = ("quan.tri.hai@ocop.example.vn", "mat-khau-khac-2026")
    get_user_model().objects.create_superuser(email=other[0], password=other[1])
    client = Client()
    assert door.post(client, *other).status_code == 302
    assert door.logged_in(client)


def test_an_address_guessing_many_accounts_is_locked_and_another_address_is_not(door):
    for number in range(20):
        _fail(door, 1, email=f"doan{number}@example.vn", ip="192.0.2.66")
    locked = door.post(Client(), *door.user, ip="192.0.2.66")
    assert locked.status_code == 429 and LOCKED in locked.content.decode()
    client = Client()
    assert door.post(client, *door.user, ip="192.0.2.67").status_code == 302
    assert door.logged_in(client)


def test_a_successful_login_forgets_the_accounts_failures():
    door = DOORS["storefront"]
    _fail(door, 4)
    assert door.post(Client(), *door.user).status_code == 302
    _fail(door, 4)
    client = Client()
    assert door.post(client, *door.user).status_code == 302 and door.logged_in(client)


def test_failures_count_across_doors():
    """One account, one counter: guessing at the storefront locks the checkout and the back offices."""
    _fail(DOORS["storefront"], 3, email=ADMIN[0])
    _fail(DOORS["wagtail"], 2)
    assert DOORS["dashboard"].post(Client(), *ADMIN).status_code == 429


def test_registration_and_guest_checkout_are_not_login_attempts():
    """A locked address may still check out as a guest or open an account."""
    for number in range(20):
        _fail(DOORS["storefront"], 1, email=f"doan{number}@example.vn")
    client = Client()
    add_to_basket(client, buyable_products(1)[0])
    response = client.post(
        reverse("checkout:index"),
        {"username": "khach.moi@example.vn", "options": "anonymous", "personal_data_consent": "on"},
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.status_code == 302  # on to the delivery address
    registration = Client().post(
        reverse("customer:login"),
        {
            "registration-email": "khach.moi@example.vn",
            "registration-password1": "mat-khau-moi-2026",
            "registration-password2": "mat-khau-moi-2026",
            "registration-personal_data_consent": "on",
            "registration_submit": "1",
        },
        REMOTE_ADDR="203.0.113.7",
    )
    assert registration.status_code == 302


RESET_DOORS = {"storefront": "password-reset", "wagtail": "wagtailadmin_password_reset"}


@pytest.mark.parametrize("url_name", list(RESET_DOORS.values()), ids=list(RESET_DOORS))
@pytest.mark.parametrize("email", [CUSTOMER[0], "chua.co.tai.khoan@example.vn"], ids=["existing", "unknown"])
def test_password_reset_is_limited_per_email_the_same_way_for_unknown_emails(
    url_name, email, django_capture_on_commit_callbacks
):
    if url_name == "wagtailadmin_password_reset" and email == CUSTOMER[0]:
        email = ADMIN[0]  # Wagtail sends resets to staff only
    with django_capture_on_commit_callbacks(execute=True):  # the storefront's emails leave the outbox after commit
        answers = [Client().post(reverse(url_name), {"email": email}, REMOTE_ADDR=f"198.51.100.{n}") for n in range(4)]
    assert [a.status_code for a in answers] == [302, 302, 302, 429]
    assert RESET_LOCKED in answers[-1].content.decode()
    if "chua.co" not in email:
        assert len(mail.outbox) == 3  # the three accepted requests sent their email, the fourth none


@pytest.mark.parametrize("url_name", list(RESET_DOORS.values()), ids=list(RESET_DOORS))
def test_password_reset_is_limited_per_address_and_another_address_is_not(url_name):
    for n in range(10):
        assert (
            Client().post(reverse(url_name), {"email": f"ai{n}@example.vn"}, REMOTE_ADDR="192.0.2.80").status_code
            == 302
        )
    assert Client().post(reverse(url_name), {"email": "ai-nua@example.vn"}, REMOTE_ADDR="192.0.2.80").status_code == 429
    assert Client().post(reverse(url_name), {"email": "ai-nua@example.vn"}, REMOTE_ADDR="192.0.2.81").status_code == 302


def test_limits_come_from_settings(settings):
    settings.OCOP_THROTTLES = {**settings.OCOP_THROTTLES, "login-account": (2, 60)}
    _fail(DOORS["storefront"], 2)
    response = DOORS["storefront"].post(Client(), *CUSTOMER)
    assert response.status_code == 429 and "1 phút" in response.content.decode()


def test_the_english_site_explains_in_english():
    _fail(DOORS["storefront"], 5)
    with translation.override("en"):
        url = reverse("customer:login")
    response = Client().post(
        url,
        {"login-username": CUSTOMER[0], "login-password": CUSTOMER[1], "login_submit": "1"},
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.status_code == 429 and "Too many failed sign-in attempts" in response.content.decode()


@pytest.mark.parametrize(
    "proxies, forwarded, remote, expected",
    [
        ([], "1.2.3.4", "10.0.0.1", "10.0.0.1"),  # no proxy trusted: a forged header changes nothing
        (["10.0.0.1"], "1.2.3.4, 5.6.7.8", "10.0.0.1", "5.6.7.8"),  # the load balancer appended the client's address
        (["10.0.0.0/8"], "1.2.3.4, 5.6.7.8, 10.0.0.7", "10.0.0.1", "5.6.7.8"),  # two trusted proxies in a row
        (["10.0.0.1"], "1.2.3.4", "203.0.113.9", "203.0.113.9"),  # a client reaching the site directly: ignored
        (["10.0.0.1"], "", "10.0.0.1", "10.0.0.1"),
        ([], "", "2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),  # one IPv6 subscriber, one counter
        ([], "", "::ffff:192.0.2.1", "192.0.2.1"),
    ],
)
def test_client_address(settings, proxies, forwarded, remote, expected):
    settings.OCOP_TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_production_trusts_no_forwarded_header_unless_told():
    """Finding 14 of the attack: production trusted one X-Forwarded-For hop by default, so a client reaching
    it directly could pick a new address per request and never be throttled."""
    from tests.shop.test_settings_and_checks import PRODUCTION_ENV, _manage

    code = "from django.conf import settings; print(settings.OCOP_TRUSTED_PROXIES)"
    assert _manage("shell", "-c", code, **PRODUCTION_ENV).stdout.strip().endswith("[]")
    told = _manage("shell", "-c", code, **PRODUCTION_ENV, OCOP_TRUSTED_PROXIES="10.0.0.5, 10.1.0.0/16")
    assert told.stdout.strip().endswith("['10.0.0.5', '10.1.0.0/16']"), told.stderr
