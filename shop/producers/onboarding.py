"""Becoming a seller: the public application, its consents, and the portal permission that follows.

``apply`` creates a *pending* producer whose director is the applicant; nothing here opens the portal.
Like registration (finding 11, ``shop.customer.accounts``), the public form never tells whether an email
has an account: a new applicant's account is unconfirmed until the emailed link is opened; for an email
that has an account nothing is created and its owner is told by email. The caller answers the same.
The portal permission (Oscar's ``partner.dashboard_access``) is granted only when an administrator
verifies the producer (``shop.producers.verification``), when a verified producer's invitation is
accepted, or when assisted entry is granted (``shop.producers.team``), and taken away again when the
account no longer works for any producer.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalogue.ocop import notifications
from shop.customer import accounts

Partner = get_model("partner", "Partner")
Consent = get_model("users", "Consent")

# Email templates: oscar/communication/emails/commtype_<code lower>_{subject.txt,body.txt,body.html}.
APPLICATION_RECEIVED = "OCOP_APPLICATION"
APPLICATION_REJECTED = "OCOP_APPLICATION_REJECTED"
APPLICATION_CONFIRM = "OCOP_APPLICATION_CONFIRM"  # received + confirm your email (a new account)
APPLICATION_EXISTS = "OCOP_APPLICATION_EXISTS"  # someone applied with your email: sign in and apply

CONSENT_CONTEXT = "producer_application"
# Statuses that keep a registration number (and an applicant) taken: a rejected applicant may apply again.
ACTIVE_STATUSES = (Partner.Verification.PENDING, Partner.Verification.VERIFIED, Partner.Verification.SUSPENDED)


def consent_versions():
    """{document: version} of the documents an applicant agrees to now: the terms' version (settings) and the
    privacy notice's, from the notice page as customers' consents (``shop.customer.privacy.notice_version``)."""
    from shop.customer import privacy

    return {
        Consent.Document.TERMS: settings.OCOP_TERMS_VERSION,
        Consent.Document.PERSONAL_DATA: privacy.notice_version(),
    }


def normalise_registration_number(number):
    return "".join((number or "").split()).upper()


def registration_number_taken(number, exclude_pk=None):
    number = normalise_registration_number(number)
    producers = Partner.objects.filter(registration_number__iexact=number, verification_status__in=ACTIVE_STATUSES)
    if exclude_pk:
        producers = producers.exclude(pk=exclude_pk)
    return bool(number) and producers.exists()


def open_application_of(user):
    """The pending or verified (or suspended) producer this account already represents, or None."""
    if user is None or not user.pk:
        return None
    return Partner.objects.filter(director=user, verification_status__in=ACTIVE_STATUSES).first()


def record_consents(user, ip_address=None, context=CONSENT_CONTEXT):
    """One append-only ``Consent`` row per document, at the versions in force now."""
    return [
        Consent.objects.create(
            user=user, document=document, version=version, given=True, ip_address=ip_address or None, context=context
        )
        for document, version in consent_versions().items()
    ]


def apply(producer, *, user=None, account=None, ip_address=None, request=None):
    """Submit an application to sell: ``producer`` is an unsaved ``Partner`` holding the form's data
    (its business registration scan included).

    Either ``user`` (the logged-in applicant) or ``account`` (a dict with email, password, last_name,
    first_name, phone_number: the representative's new account) is given. In one transaction: the
    account (if new: unconfirmed), the producer (pending, applied now, the account as its director and
    user) and the consents (terms and personal-data notice, with versions, time and IP). The applicant
    gets no portal access yet. After commit a logged-in applicant gets the "application received"
    email; a new one gets the confirmation link instead (the same email says the application arrived).

    With ``account`` whose email already has a confirmed account, nothing is created and the owner is
    emailed (sign in and apply from the account); an unconfirmed one gets the new password and a new
    link, as registering again would (and the application, unless it already sent one). Returns the
    producer, or None when nothing was created: the caller answers the same either way.

    Raises ValidationError (field → message) when the logged-in account already represents a producer
    that is not rejected, or the registration number belongs to another producer.
    """
    User = get_user_model()
    if (user is None) == (account is None):
        raise ValueError("Give either user or account.")
    new_account = user is None
    with transaction.atomic():
        if new_account:
            account = dict(account)
            email = accounts.clean(account.pop("email"))
            password = account.pop("password")
            user = accounts.awaiting_confirmation(email)
            if user is not None:
                # Applied (or registered) before and never confirmed: as registering again, the new
                # password replaces the old one and only the new link opens the account.
                user = User.objects.select_for_update().get(pk=user.pk)
                user.set_password(password)
                user.save(update_fields=["password"])
                earlier = open_application_of(user)
                if earlier is not None:  # its first application stands; only a new link goes out
                    _send_confirmation(user, earlier, request)
                    return None
            elif accounts.email_taken(email):
                accounts.send_notice(
                    email,
                    APPLICATION_EXISTS,
                    {
                        "email": email,
                        "producer_name": producer.name,
                        "apply_url": _absolute(request, "selling:apply"),
                        "login_url": _absolute(request, "customer:login"),
                        "reset_url": _absolute(request, "password-reset"),
                    },
                )
                return None
            else:
                user = User.objects.create_user(email=email, password=password, **account)
                user.is_active, user.last_login = False, None  # unconfirmed until the link is opened
                user.save(update_fields=["is_active", "last_login"])
        else:
            # Serialise two submissions by the same account (a double click).
            user = User.objects.select_for_update().get(pk=user.pk)
            existing = open_application_of(user)
            if existing is not None:
                raise ValidationError(
                    _("Tài khoản này đã là người đại diện của %(name)s (%(status)s): mỗi tài khoản chỉ gửi một hồ sơ.")
                    % {"name": existing.name, "status": existing.get_verification_status_display()}
                )
        producer.registration_number = normalise_registration_number(producer.registration_number)
        if registration_number_taken(producer.registration_number):
            raise ValidationError(
                {
                    "registration_number": _(
                        "Mã số %(number)s đã được một chủ thể khác đăng ký trên sàn. Nếu đây là cơ sở của bạn, "
                        "hãy liên hệ ban quản lý."
                    )
                    % {"number": producer.registration_number}
                }
            )
        producer.verification_status = Partner.Verification.PENDING
        producer.applied_at = timezone.now()
        producer.director = user
        producer.legal_name = producer.legal_name or producer.name
        producer.email = producer.email or user.email
        scan = producer.business_registration_scan
        if scan and not scan._committed:
            # Identity papers: stored under an unguessable name, never the one the applicant's phone gave.
            scan.name = secrets.token_urlsafe(16) + os.path.splitext(scan.name)[1].lower()
        producer.full_clean(exclude=["code"])
        producer.save()
        producer.users.add(user)
        record_consents(user, ip_address)
        if new_account:
            # Only the applicant's mailbox hears of it: mailing the producer's address (typed by anyone)
            # now would tell whoever typed it that the account email was new.
            _send_confirmation(user, producer, request)
        else:
            notifications.notify_producer(producer, APPLICATION_RECEIVED, {"applicant": user})
    return producer


def _absolute(request, name):
    return accounts._absolute(request, accounts._path_plain(name))


def _send_confirmation(user, producer, request):
    accounts.send_registration_link(
        user,
        request,
        event_code=APPLICATION_CONFIRM,
        next_url=accounts._path_plain("selling:apply"),
        context={"producer": producer},
    )


def director_unconfirmed(producer):
    """The producer's director never opened the email confirmation link (for reviewers)."""
    return producer.director_id is not None and accounts.is_unconfirmed(producer.director)


# --- The portal permission ------------------------------------------------------------------


def _portal_permission():
    return Permission.objects.get(codename="dashboard_access", content_type__app_label="partner")


def grant_portal_access(users):
    permission = _portal_permission()
    for user in users:
        user.user_permissions.add(permission)


def drop_portal_access_if_unused(user):
    """Take ``partner.dashboard_access`` away from an account that no longer belongs to or assists
    any producer. Administrators keep theirs (it may have been given for other reasons)."""
    if user.is_superuser:
        return False
    if Partner.objects.filter(Q(users=user) | Q(assistants=user)).exists():
        return False
    user.user_permissions.remove(_portal_permission())
    return True
