"""Every door that takes a password is limited (shop/users/throttling.py), listed or not.

- The lock is enforced where credentials are checked (``LockoutBackend``, first authentication
  backend): Wagtail's front-end login ``/_util/login/``, which no list named, refuses a locked account
  even with the right password, and shares the account's count with every other door.
- Wagtail's page and document privacy forms (one shared password) are limited per client address.
- The sweep GETs every URL pattern as an anonymous visitor (and the private page and document, whose
  password forms no pattern shows), finds every form with a password field, and checks that after N
  wrong passwords the right one no longer opens the door. A new door that is not limited fails it,
  unless ``NOT_DOORS`` lists it with the reason.
"""

import time
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import authenticate
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client, RequestFactory, override_settings
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from shop.users import throttling
from tests.shop.checkout.journey import add_to_basket, buyable_products

from .conftest import ADMIN, CUSTOMER
from .urlwalk import endpoints

pytestmark = pytest.mark.django_db
LOCKED = "Đăng nhập sai quá nhiều lần"
SHARED_LOCKED = "Nhập sai mật khẩu quá nhiều lần"
PAGE_PASSWORD = "mat-khau-trang-rieng"
DOCUMENT_PASSWORD = "mat-khau-tai-lieu-rieng"


def _logged_in(client):
    return "_auth_user_id" in client.session


def _frontend_login(language="vi"):
    with translation.override(language):
        return reverse("wagtailcore_login")


# --- Wagtail's front-end login, the door the attacker found ---------------------------------------


@pytest.mark.parametrize("listed", [True, False], ids=["listed", "unlisted"])
@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("user", [CUSTOMER, ADMIN], ids=["customer", "administrator"])
def test_thirty_wrong_passwords_at_the_frontend_login_lock_the_account(monkeypatch, listed, language, user):
    """Unlisted: the middleware does not know the door, the backend alone refuses (a door a library adds)."""
    if not listed:
        monkeypatch.delitem(throttling.DOORS, "wagtailcore_login")
    url = _frontend_login(language)
    for n in range(30):  # from many addresses: the account's count, not the address's
        client = Client()
        client.post(url, {"username": user[0], "password": "doan-sai"}, REMOTE_ADDR=f"198.51.100.{n}")
        assert not _logged_in(client)
    client = Client()
    response = client.post(url, {"username": user[0], "password": user[1]}, REMOTE_ADDR="203.0.113.99")
    assert not _logged_in(client)
    assert response.status_code == (429 if listed else 200)
    # the same account is locked at the storefront's door too
    with translation.override("vi"):
        storefront_url = reverse("customer:login")
    storefront = Client().post(
        storefront_url,
        {"login-username": user[0], "login-password": user[1], "login_submit": "1"},
        REMOTE_ADDR="203.0.113.98",
    )
    assert storefront.status_code == 429 and LOCKED in storefront.content.decode()


def test_the_frontend_login_works_before_the_limit():
    client = Client()
    response = client.post(_frontend_login(), {"username": ADMIN[0], "password": ADMIN[1]})
    assert response.status_code == 302 and _logged_in(client)


def test_failures_at_the_storefront_lock_the_frontend_login(monkeypatch):
    monkeypatch.delitem(throttling.DOORS, "wagtailcore_login")
    for _ in range(5):
        Client().post(
            reverse("customer:login"), {"login-username": ADMIN[0], "login-password": "doan-sai", "login_submit": "1"}
        )
    client = Client()
    client.post(_frontend_login(), {"username": ADMIN[0], "password": ADMIN[1]}, REMOTE_ADDR="192.0.2.5")
    assert not _logged_in(client)


def test_an_address_guessing_many_accounts_is_locked_at_an_unlisted_door(monkeypatch):
    monkeypatch.delitem(throttling.DOORS, "wagtailcore_login")
    for n in range(20):
        Client().post(_frontend_login(), {"username": f"doan{n}@example.vn", "password": "x"}, REMOTE_ADDR="192.0.2.66")
    locked, other = Client(), Client()
    locked.post(_frontend_login(), {"username": ADMIN[0], "password": ADMIN[1]}, REMOTE_ADDR="192.0.2.66")
    other.post(_frontend_login(), {"username": ADMIN[0], "password": ADMIN[1]}, REMOTE_ADDR="192.0.2.67")
    assert not _logged_in(locked) and _logged_in(other)


def test_the_backend_refuses_a_locked_account_without_a_request():
    """Oscar's checkout form calls authenticate() without the request."""
    assert authenticate(None, username=CUSTOMER[0], password=CUSTOMER[1]) is not None
    for _ in range(5):
        assert authenticate(None, username=CUSTOMER[0], password="doan-sai") is None
    assert authenticate(None, username=CUSTOMER[0].upper(), password=CUSTOMER[1]) is None
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.9")
    assert authenticate(request, username=CUSTOMER[0], password=CUSTOMER[1]) is None


# --- Wagtail's page and document privacy passwords ---------------------------------------------


@pytest.fixture
def private_page():
    page = Page.objects.live().filter(depth=3).exclude(url_path__contains="ban-hang").order_by("path").first()
    page = page.specific
    PageViewRestriction.objects.create(page=page, restriction_type="password", password=PAGE_PASSWORD)
    return page


@pytest.fixture
def private_document():
    collection = Collection.get_first_root_node().add_child(name="Tài liệu nội bộ")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="password", password=DOCUMENT_PASSWORD
    )
    document = get_document_model()(title="Bảng giá nội bộ", collection=collection)
    document.file.save("bang-gia.txt", ContentFile(b"gia si"), save=False)
    document.save()
    return document


def _html(response):
    """The body, also of a streamed answer (a document served is a file)."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _password_form(html):
    soup = BeautifulSoup(html, "html.parser")
    return next((form for form in soup.find_all("form") if form.find("input", type="password")), None)


def _privacy_door(client, url):
    form = _password_form(_html(client.get(url)))
    assert form is not None, f"{url} shows no password form"
    return urljoin(url, form["action"]), {
        i["name"]: i.get("value", "") for i in form.find_all("input") if i.get("name") and i.get("type") != "password"
    }


@pytest.mark.parametrize("kind", ["page", "document"])
def test_privacy_passwords_are_limited_per_address(request, kind):
    resource = request.getfixturevalue(f"private_{kind}")
    url = resource.url
    password = PAGE_PASSWORD if kind == "page" else DOCUMENT_PASSWORD
    attacker = Client(REMOTE_ADDR="192.0.2.44")
    action, fields = _privacy_door(attacker, url)
    for _ in range(10):
        assert attacker.post(action, {**fields, "password": "doan-sai"}).status_code == 200
    response = attacker.post(action, {**fields, "password": password})
    assert response.status_code == 429 and SHARED_LOCKED in response.content.decode()
    assert _password_form(_html(attacker.get(url))) is not None  # still private for this address
    visitor = Client(REMOTE_ADDR="192.0.2.45")
    assert visitor.post(action, {**fields, "password": password}).status_code == 302
    assert _password_form(_html(visitor.get(url))) is None


# --- The sweep: every password form of the site --------------------------------------------------

# Forms with a password field that are not doors, by (URL name of the form's action, password fields).
NOT_DOORS = {
    (
        "customer:login",
        ("registration-password1", "registration-password2"),
    ): "registration on the login page: the passwords are new, none is checked",
    ("customer:register", ("password1", "password2")): "registration: the passwords are new, none is checked",
    (
        "selling:apply",
        ("password1", "password2"),
    ): "a producer's application opens an account: the passwords are new, none is checked",
}
# What a door needs besides its form: the checkout asks for a basket and "I have an account".
SETUP = {"checkout:index": lambda client: add_to_basket(client, buyable_products(1)[0])}
CHOICES = {"checkout:index": {"options": "existing"}}
N = 3  # the sweep's limits, so it stays quick
SWEEP_LIMITS = {"login-account": (N, 900), "login-ip": (N, 900), "view-password-ip": (N, 900)}


def _forms(html, page):
    """(door key, action URL, form) for each form with a password field on the page."""
    for form in BeautifulSoup(html, "html.parser").find_all("form"):
        passwords = tuple(sorted(i.get("name", "") for i in form.find_all("input", type="password")))
        if not passwords:
            continue
        action = urljoin(page, form.get("action") or page)
        try:
            name = resolve(urlsplit(action).path).view_name
        except Resolver404:
            name = urlsplit(action).path
        yield (name, passwords), action, form


def _crawl(paths):
    """Every password form shown to an anonymous visitor (with a basket) on these pages and the pages
    they redirect to: {door key: (page, action, form)}."""
    client = Client(raise_request_exception=False)
    add_to_basket(client, buyable_products(1)[0])
    found, seen, queue = {}, set(), list(paths)
    while queue:
        page = queue.pop(0)
        if page in seen:
            continue
        seen.add(page)
        response = client.get(page)
        if 300 <= response.status_code < 400:
            target = urlsplit(urljoin(page, response["Location"]))
            if target.netloc in ("", "testserver"):
                queue.append(target.path)
            continue
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for key, action, form in _forms(_html(response), page):
            # prefer the page that asks for the password (a private page) to the door's own URL, which
            # shows its form again after success
            if key not in found or (found[key][0] == urlsplit(found[key][1]).path and page != urlsplit(action).path):
                found[key] = (page, action, form)
    return found


def _fill(form, name, account, password):
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        key, kind = field.get("name"), (field.get("type") or "text").lower()
        if not key or kind in ("submit", "button", "image", "reset"):
            continue
        if kind == "password":
            data[key] = password
        elif kind in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[key] = field.get("value", "on")
        elif field.name == "select":
            option = field.find("option", selected=True) or field.find("option")
            data[key] = option.get("value", option.text) if option else ""
        elif kind in ("text", "email") and not field.get("value"):
            data[key] = account
        else:
            data[key] = field.get("value", field.text if field.name == "textarea" else "")
    button = next(
        (
            b
            for b in form.find_all(["button", "input"])
            if b.get("name") and (b.get("type") or "submit").lower() == "submit"
        ),
        None,
    )
    if button is not None:
        data[button["name"]] = button.get("value", "")
    data.update(CHOICES.get(name, {}))
    return data


def _opens(client, page, key):
    """The door let the client in: it is logged in, or the page no longer asks it for that password."""
    if _logged_in(client):
        return True
    return all(found != key for found, _action, _form in _forms(_html(client.get(page)), page))


def _probe(key, page, action, form, address):
    """None when the door is limited, else why not. The right credentials: the administrator's for a
    form that names an account, else the private page's or document's password."""
    name = key[0]
    names_account = form.find("input", type=lambda t: (t or "text").lower() in ("text", "email")) is not None
    account = ADMIN[0]
    right = ADMIN[1] if names_account else (DOCUMENT_PASSWORD if "docs" in name else PAGE_PASSWORD)

    def client():
        c = Client(REMOTE_ADDR=address, raise_request_exception=False)
        SETUP.get(name, lambda c: None)(c)
        return c

    control = client()
    control.post(action, _fill(form, name, account, right))
    if not _opens(control, page, key):
        return "the right password did not open it: teach the sweep this form (SETUP, CHOICES)"
    throttling.LOGIN_PER_ACCOUNT.clear(account)
    attacker = client()
    for _ in range(N):
        attacker.post(action, _fill(form, name, account, "doan-sai"))
    attacker.post(action, _fill(form, name, account, right))
    if _opens(attacker, page, key):
        return f"the right password still opened it after {N} wrong ones"
    return None


def _sweep(paths, private_urls=()):
    found = _crawl([*paths, *private_urls])
    unlimited, tried = [], []
    for number, (key, (page, action, form)) in enumerate(sorted(found.items())):
        if key in NOT_DOORS:
            continue
        tried.append(key[0])
        cache.clear()
        problem = _probe(key, page, action, form, f"10.9.{number // 250}.{number % 250 + 1}")
        if problem:
            unlimited.append(f"{key[0]} {list(key[1])} (shown at {page}): {problem}")
    return found, tried, unlimited


@override_settings()
def test_every_password_door_is_limited(settings, private_page, private_document):
    settings.OCOP_THROTTLES = {**settings.OCOP_THROTTLES, **SWEEP_LIMITS}
    started = time.monotonic()
    walked = [e.path for e in endpoints() if e.path]
    assert len(walked) > 300
    found, tried, unlimited = _sweep(walked, [private_page.url, private_document.url])
    assert unlimited == [], "password doors without a limit: enforce one or list them in NOT_DOORS:\n" + "\n".join(
        unlimited
    )
    # the sweep saw the doors it must see, so a broken crawl cannot pass unnoticed
    assert {
        "customer:login",
        "checkout:index",
        "dashboard:login",
        "wagtailadmin_login",
        "wagtailcore_login",
        "wagtailcore_authenticate_with_password",
        "wagtaildocs_authenticate_with_password",
    } <= set(tried)
    assert set(NOT_DOORS) <= set(found), "NOT_DOORS lists a form that no longer exists"
    assert time.monotonic() - started < 60
    print("password doors limited:", sorted(tried), "not doors:", sorted(NOT_DOORS))


@override_settings(ROOT_URLCONF="tests.shop.security.urls_with_new_doors")
def test_the_sweep_catches_a_new_unlimited_door_and_covers_a_new_login(settings):
    settings.OCOP_THROTTLES = {**settings.OCOP_THROTTLES, **SWEEP_LIMITS}
    found, tried, unlimited = _sweep(["/cua-moi/", "/cua-thu-vien/"])
    assert sorted(tried) == ["library-login", "naive-door"]
    assert len(unlimited) == 1 and unlimited[0].startswith("naive-door ['mat_khau']"), unlimited
