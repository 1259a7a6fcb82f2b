"""Login and password-reset throttling, per account and per client address, at every door.

The doors are the views that take a password or send a reset email (``DOORS``, by URL name): the
storefront login, the checkout's "I have an account" step, the Oscar dashboard login, the Wagtail
admin login and both password-reset forms.

- Failed logins are counted from Django's ``user_login_failed`` signal, which ``authenticate()`` sends
  for every form that calls it (Oscar's, Wagtail's and Django's all do), per normalised account and
  per client address. A successful login (``user_logged_in``) forgets the account's failures; the
  address keeps its count, so one good account does not reopen an address that guesses others.
- ``LockoutBackend``, first in ``AUTHENTICATION_BACKENDS``, enforces the lock where credentials are
  checked: ``authenticate()`` for a locked account or from a locked address raises
  ``PermissionDenied``, which stops Django before any other backend checks the password. Every door
  that authenticates is covered without being listed here, Wagtail's front-end login
  (``/_util/login/``) and any door a library adds included; such a door answers as for a wrong password.
- ``LoginThrottleMiddleware`` runs before a listed door's view: a login attempt for a locked account or
  from a locked address is answered 429 with the reason, without the password being checked. A
  reset request is counted as it arrives and refused beyond the limit, whether the email has an
  account or not, so the answer says nothing about which emails exist.
- Wagtail's page and document privacy forms compare one shared password, not an account's: wrong
  passwords are counted per client address (a POST not answered by the redirect of success) and a
  locked address is answered 429 before the password is compared.

The sweep in tests/shop/security/test_password_doors.py finds every form with a password field and
fails when one is not limited.

Limits: ``settings.OCOP_THROTTLES`` (``login-account``, ``login-ip``, ``password-reset-account``,
``password-reset-ip``, ``view-password-ip``); counters: shop/core/throttle.py.
"""

from contextvars import ContextVar
from dataclasses import dataclass

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.shortcuts import render
from django.utils.translation import gettext as _

from shop.core.throttle import Throttle, client_ip, normalise_account

LOGIN_PER_ACCOUNT = Throttle("login-account")
LOGIN_PER_IP = Throttle("login-ip")
RESET_PER_ACCOUNT = Throttle("password-reset-account")
RESET_PER_IP = Throttle("password-reset-ip")
VIEW_PASSWORD_PER_IP = Throttle("view-password-ip")
# The request being answered, for failures reported without it: Oscar's checkout gateway form calls
# authenticate() without the request.
_current_request = ContextVar("ocop_login_request", default=None)


@dataclass(frozen=True)
class Door:
    kind: str  # "login", "reset" or "shared" (a page's or document's privacy password)
    field: str  # the POST field naming the account
    when: tuple = ()  # (field, value): the POST is an attempt only then (forms sharing a view)

    def attempted(self, post):
        if not self.when:
            return True
        field, value = self.when
        return field in post if value is None else post.get(field) == value


DOORS = {
    "customer:login": Door("login", "login-username", ("login_submit", None)),  # also registers
    "checkout:index": Door("login", "username", ("options", "existing")),  # also guest checkout
    "dashboard:login": Door("login", "username"),
    "wagtailadmin_login": Door("login", "username"),
    "wagtailcore_login": Door("login", "username"),  # Wagtail's front-end login, for private pages
    "wagtailcore_authenticate_with_password": Door("shared", "password"),
    "wagtaildocs_authenticate_with_password": Door("shared", "password"),
    "password-reset": Door("reset", "email"),
    "wagtailadmin_password_reset": Door("reset", "email"),
}


def _refuse(request, door, message, throttle):
    minutes = max(1, throttle.window // 60)
    response = render(
        request, "security/throttled.html", {"kind": door.kind, "message": message % {"minutes": minutes}}, status=429
    )
    response["Retry-After"] = str(throttle.window)
    return response


class LoginThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            _current_request.reset(token)
        if getattr(request, "_ocop_shared_password_tried", False) and not 300 <= response.status_code < 400:
            VIEW_PASSWORD_PER_IP.hit(client_ip(request))  # success redirects; anything else failed
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.resolver_match is None:
            return None
        door = DOORS.get(request.resolver_match.view_name)
        if door is None or not door.attempted(request.POST):
            return None
        account, address = normalise_account(request.POST.get(door.field)), client_ip(request)
        if door.kind == "shared":
            if VIEW_PASSWORD_PER_IP.exceeded(address):
                return _refuse(
                    request,
                    door,
                    _("Nhập sai mật khẩu quá nhiều lần. Vui lòng thử lại sau %(minutes)s phút."),
                    VIEW_PASSWORD_PER_IP,
                )
            request._ocop_shared_password_tried = True
            return None
        if door.kind == "login":
            if LOGIN_PER_IP.exceeded(address) or (account and LOGIN_PER_ACCOUNT.exceeded(account)):
                if LOGIN_PER_IP.unavailable():  # fails closed while the shared cache is down (shop/core/throttle.py)
                    return _refuse(
                        request,
                        door,
                        _(
                            "Tạm thời chưa đăng nhập được: bộ đếm chống dò mật khẩu đang gặp sự cố nên mọi lần "
                            "đăng nhập mới đều tạm dừng. Vui lòng thử lại sau vài phút."
                        ),
                        LOGIN_PER_IP,
                    )
                return _refuse(
                    request,
                    door,
                    _(
                        "Đăng nhập sai quá nhiều lần. Vì an toàn, tài khoản này tạm thời không đăng nhập được "
                        "từ đây; vui lòng thử lại sau %(minutes)s phút hoặc đặt lại mật khẩu."
                    ),
                    LOGIN_PER_ACCOUNT,
                )
            return None
        if RESET_PER_IP.exceeded(address) or (account and RESET_PER_ACCOUNT.exceeded(account)):
            return _refuse(
                request,
                door,
                _(
                    "Đã gửi quá nhiều yêu cầu đặt lại mật khẩu. Vui lòng kiểm tra hộp thư (cả thư rác) "
                    "hoặc thử lại sau %(minutes)s phút."
                ),
                RESET_PER_ACCOUNT,
            )
        RESET_PER_IP.hit(address)
        if account:
            RESET_PER_ACCOUNT.hit(account)
        return None


class LockoutBackend:
    """First in ``AUTHENTICATION_BACKENDS``: refuses to authenticate a locked account (the email or
    username given, normalised) or from a locked client address, whatever the door. It never logs
    anyone in itself; when nothing is locked it returns None and the next backend checks the password.
    ``PermissionDenied`` makes ``authenticate()`` stop and send ``user_login_failed``."""

    def authenticate(self, request=None, **credentials):
        account = normalise_account(credentials.get("username") or credentials.get("email"))
        if account and LOGIN_PER_ACCOUNT.exceeded(account):
            raise PermissionDenied("account locked")
        request = request if request is not None else _current_request.get()
        if request is not None and LOGIN_PER_IP.exceeded(client_ip(request)):
            raise PermissionDenied("address locked")
        return None

    def get_user(self, user_id):
        # Sessions record the backend that logged the user in; test clients' force_login and logins that
        # name no backend record the first one, this one: load the user as Django's model backend does.
        return ModelBackend().get_user(user_id)


@receiver(user_login_failed, dispatch_uid="ocop-count-login-failure")
def count_login_failure(sender, credentials, request=None, **kwargs):
    account = normalise_account(credentials.get("username") or credentials.get("email"))
    if account:
        LOGIN_PER_ACCOUNT.hit(account)
    request = request if request is not None else _current_request.get()
    if request is not None:
        LOGIN_PER_IP.hit(client_ip(request))


@receiver(user_logged_in, dispatch_uid="ocop-clear-login-failures")
def clear_login_failures(sender, request, user, **kwargs):
    LOGIN_PER_ACCOUNT.clear(normalise_account(user.get_username()))
    if user.email:
        LOGIN_PER_ACCOUNT.clear(normalise_account(user.email))
