"""Email addresses proven by a link: opening an account and changing an account's email (finding 11).

Neither door says whether an email already has an account: the requester always sees "we sent a link
to that address", and only the mailbox learns the truth.

- Registration (``register``): a new email gets an *unconfirmed* account (``is_active`` False, never
  logged in) and a confirmation link; an email that has an account gets no new account and its owner
  is told that someone tried to register with it. The account opens (``confirm_registration``) when
  the link is used; signing in before that says "confirm your email first" (``is_unconfirmed``).
  Registering an unconfirmed email again sets the new password and sends a new link; the link binds the
  password, so a link sent for an earlier password (maybe chosen by someone else) no longer opens it.
  Unconfirmed is ``is_active`` False and never logged in (no migration): an account an administrator
  deactivates before it ever logged in counts as unconfirmed too.
- Email change (``request_email_change``): asked with the current password (checked by the views
  through ``authenticate()``, so the login throttle counts wrong ones); the link goes to the NEW
  address and changes the email only when the signed-in account it names opens it, while its email
  is still the one it had when asking (``confirm_email_change``). A new address that already has an
  account gets a notice instead of a link. The old address is told once the change is made (Oscar's
  ``EMAIL_CHANGED`` email, with a password reset link).

Links are ``TimestampSigner`` tokens (one salt per purpose) valid ``LINK_VALIDITY``; they bind the
account's id and its current email, so a link used once, or outdated by another change, fails.
Emails go out after commit, in Vietnamese (templates oscar/communication/emails/commtype_ocop_*).
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.http import urlencode

from shop.core.throttle import Throttle
from shop.notifications import outbox

LINK_VALIDITY = datetime.timedelta(days=3)
REGISTRATION_SALT = "ocop.customer.registration"
EMAIL_CHANGE_SALT = "ocop.customer.email-change"
REGISTRATION_CONFIRM = "OCOP_REGISTRATION_CONFIRM"
REGISTRATION_EXISTS = "OCOP_REGISTRATION_EXISTS"
EMAIL_CHANGE_CONFIRM = "OCOP_EMAIL_CHANGE_CONFIRM"
EMAIL_CHANGE_TAKEN = "OCOP_EMAIL_CHANGE_TAKEN"
REGISTRATION_PER_IP = Throttle("registration-ip")


class LinkUnusable(Exception):
    """The link is expired, altered, already used or outdated."""


def _users():
    return get_user_model()._default_manager


def clean(email):
    """The email as it is stored: trimmed, its domain in lower case."""
    return get_user_model().objects.normalize_email((email or "").strip())


def normalise(email):
    """The email as it is compared: case does not matter."""
    return clean(email).lower()


def email_taken(email, exclude=None):
    users = _users().filter(email__iexact=normalise(email))
    if exclude is not None:
        users = users.exclude(pk=exclude.pk)
    return users.exists()


def _absolute(request, path):
    return request.build_absolute_uri(path) if request is not None else path


def _send(email, event_code, context):
    """Queued in the outbox with the change (sent after commit; a mail server down fails nothing)."""
    outbox.send(email, event_code, context, language=settings.LANGUAGE_CODE)


def _path(name, token):
    with translation.override(settings.LANGUAGE_CODE):
        return reverse(name, kwargs={"token": token})


def _unsign(token, salt):
    try:
        return signing.TimestampSigner(salt=salt).unsign_object(token, max_age=LINK_VALIDITY)
    except signing.BadSignature:  # SignatureExpired included
        raise LinkUnusable from None


# --- Registration ----------------------------------------------------------------------------


def is_unconfirmed(user):
    """An account opened by registration whose email link was never used."""
    return user is not None and not user.is_active and user.last_login is None


def _password_mark(user):
    """Changes with the password: a link sent before the account's password was chosen again fails."""
    return salted_hmac(REGISTRATION_SALT, user.password).hexdigest()[:20]


def registration_token(user):
    return signing.TimestampSigner(salt=REGISTRATION_SALT).sign_object(
        {"u": user.pk, "e": normalise(user.email), "p": _password_mark(user)}
    )


def send_registration_link(user, request=None, *, event_code=REGISTRATION_CONFIRM, next_url=None, context=None):
    """Mails the account's confirmation link. Other doors (the producers' application) give their own
    email text (``event_code``, ``context``) and where the link lands after signing in (``next_url``)."""
    link = _absolute(request, _path("customer:registration-confirm", registration_token(user)))
    if next_url:
        link += "?" + urlencode({"next": next_url})
    _send(
        user.email, event_code, {"user": user, "confirm_url": link, "valid_days": LINK_VALIDITY.days, **(context or {})}
    )


def awaiting_confirmation(email):
    """The unconfirmed account with this email, or None."""
    return _users().filter(email__iexact=normalise(email), is_active=False, last_login__isnull=True).first()


def send_notice(email, event_code, context):
    """Mails ``email`` (after commit) what happened, e.g. that someone used it to open an account."""
    _send(email, event_code, context)


def register(form, request=None):
    """Opens an unconfirmed account for a new email and sends its link; for an email that has an account,
    emails its owner instead. Returns the new account or None; the caller answers the same either way."""
    email = clean(form.cleaned_data["email"])
    waiting = _users().filter(email__iexact=email, is_active=False, last_login__isnull=True).first()
    if waiting is not None:
        # Registered again before confirming (or someone else registered this email first): the new
        # password replaces the old one, and only the new link works; it still goes to the mailbox.
        waiting.set_password(form.cleaned_data["password1"])
        waiting.save(update_fields=["password"])
        send_registration_link(waiting, request)
        return waiting
    if email_taken(email):
        _send(
            email,
            REGISTRATION_EXISTS,
            {
                "email": email,
                "login_url": _absolute(request, _path_plain("customer:login")),
                "reset_url": _absolute(request, _path_plain("password-reset")),
            },
        )
        return None
    user = form.save(commit=False)
    user.email = email
    user.is_active = False
    user.save()
    send_registration_link(user, request)
    return user


def _path_plain(name):
    with translation.override(settings.LANGUAGE_CODE):
        return reverse(name)


def resend_registration_link(email, request=None):
    """Sends the link again when ``email`` has an account awaiting confirmation; silent otherwise."""
    for user in _users().filter(email__iexact=normalise(email), is_active=False, last_login__isnull=True):
        send_registration_link(user, request)


def confirm_registration(token):
    """Opens the account the link names; returns it. Raises ``LinkUnusable``."""
    data = _unsign(token, REGISTRATION_SALT)
    with transaction.atomic():
        user = _users().select_for_update().filter(pk=data.get("u")).first()
        if not is_unconfirmed(user) or normalise(user.email) != data.get("e") or data.get("p") != _password_mark(user):
            raise LinkUnusable
        user.is_active = True
        user.save(update_fields=["is_active"])
    return user


# --- Email change ----------------------------------------------------------------------------


def email_change_token(user, new_email):
    return signing.TimestampSigner(salt=EMAIL_CHANGE_SALT).sign_object(
        {"u": user.pk, "new": clean(new_email), "old": normalise(user.email)}
    )


def request_email_change(user, new_email, request=None):
    """Mails the new address a confirmation link (or, if another account uses it, a notice that says so
    to that mailbox only). The account's email does not change here. The password was checked by the caller."""
    new_email = clean(new_email)
    if email_taken(new_email, exclude=user):
        _send(
            new_email,
            EMAIL_CHANGE_TAKEN,
            {"email": new_email, "reset_url": _absolute(request, _path_plain("password-reset"))},
        )
        return
    link = _absolute(request, _path("customer:email-change-confirm", email_change_token(user, new_email)))
    _send(
        new_email,
        EMAIL_CHANGE_CONFIRM,
        {"user": user, "new_email": new_email, "confirm_url": link, "valid_days": LINK_VALIDITY.days},
    )


def confirm_email_change(user, token):
    """Changes the signed-in ``user``'s email to the one the link carries; returns the old email.
    Raises ``LinkUnusable`` for another account's link, an outdated one, or an address taken meanwhile."""
    data = _unsign(token, EMAIL_CHANGE_SALT)
    with transaction.atomic():
        user = _users().select_for_update().get(pk=user.pk)
        if data.get("u") != user.pk or data.get("old") != normalise(user.email):
            raise LinkUnusable
        new_email = data.get("new")
        if not new_email or email_taken(new_email, exclude=user):
            raise LinkUnusable
        old_email = user.email
        user.email = new_email
        user.save(update_fields=["email"])
    return user, old_email
