"""The daily certificate expiry pass (catalogue/ocop/tasks.py, `manage.py ocop_certificate_expiry`).

One pass does two things, each at most once per certificate:

- warns the producer of every certificate that expires within
  ``rules.EXPIRY_WARNING_DAYS`` (status "expiring", ``expiry_warning_sent_at``);
- records every certificate past its expiry date as "expired" and tells the producer.

The OCOP mark already follows the dates (``Product.current_certificate``), so
an expired certificate loses the mark on the day after ``expires_on`` whether
or not this pass has run; the pass records it and tells people. It never takes
a product off sale: that is an administrator's decision (../shared/OCOP.md).

Revoked and rejected certificates are left alone. A certificate already
replaced by a newer one (approved or waiting for review) has its status
recorded, but its producer is not told to renew what it has renewed.

Each certificate is handled in its own transaction with its row locked, so
two passes running at once, or a re-run of the same day, change nothing twice.
A certificate that fails is logged with its traceback and listed in the
report (``failed``); the others are still handled.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalogue.ocop import notifications
from catalogue.programme import rules
from shop.core import changes

OcopCertificate = get_model("catalogue", "OcopCertificate")

logger = logging.getLogger(__name__)


@dataclass
class NotNotified:
    """A certificate whose status was recorded without telling anyone, and why."""

    certificate: object
    reason: str


@dataclass
class Failure:
    certificate_id: int
    error: Exception


@dataclass
class ExpiryReport:
    today: datetime.date
    warned: list = field(default_factory=list)  # certificates whose producer was warned
    expired: list = field(default_factory=list)  # certificates recorded as expired, producer told
    not_notified: list = field(default_factory=list)  # NotNotified: recorded, nobody told
    failed: list = field(default_factory=list)  # Failure: left as they were, to retry

    @property
    def counts(self):
        return {
            "warned": len(self.warned),
            "expired": len(self.expired),
            "not_notified": len(self.not_notified),
            "failed": len(self.failed),
        }


def run_certificate_expiry(today=None):
    """Run one pass for ``today`` (default: the local date); returns an ExpiryReport."""
    today = today or timezone.localdate()
    report = ExpiryReport(today=today)
    first, last = rules.expiry_warning_window(today)
    to_expire = _live().filter(expires_on__lt=today).exclude(status=OcopCertificate.Status.EXPIRED)
    to_warn = (
        _live()
        .filter(expires_on__range=(first, last), expiry_warning_sent_at__isnull=True)
        .exclude(status=OcopCertificate.Status.EXPIRED)
    )
    for pk in to_expire.order_by("expires_on", "pk").values_list("pk", flat=True):
        _handle(pk, _expire, today, report)
    for pk in to_warn.order_by("expires_on", "pk").values_list("pk", flat=True):
        _handle(pk, _warn, today, report)
    logger.info("Certificate expiry pass for %s: %s", today.isoformat(), report.counts)
    return report


def _live():
    """Certificates the pass looks after: neither revoked nor rejected."""
    return (
        OcopCertificate.objects.filter(revoked_at__isnull=True)
        .exclude(status=OcopCertificate.Status.REVOKED)
        .exclude(review=OcopCertificate.Review.REJECTED)
    )


def _is_live(certificate):
    return (
        certificate.revoked_at is None
        and certificate.status != OcopCertificate.Status.REVOKED
        and certificate.review != OcopCertificate.Review.REJECTED
    )


def _handle(pk, step, today, report):
    try:
        with transaction.atomic():
            certificate = OcopCertificate.objects.select_for_update().filter(pk=pk).first()
            outcome = step(certificate, today) if certificate is not None else None
    except Exception as error:  # noqa: BLE001 — logged and reported, the pass goes on
        logger.exception("Certificate expiry pass: certificate %s failed", pk)
        report.failed.append(Failure(certificate_id=pk, error=error))
        return
    if outcome is None:
        return  # deleted, or another pass got there first
    kind, detail = outcome
    if kind == "warned":
        report.warned.append(detail)
    elif kind == "expired":
        report.expired.append(detail)
    else:
        report.not_notified.append(detail)


def _warn(certificate, today):
    # Checked again under the lock: the list was read without it.
    if not (
        _is_live(certificate)
        and certificate.expiry_warning_sent_at is None
        and certificate.status != OcopCertificate.Status.EXPIRED
        and rules.is_expiring(certificate.expires_on, today)
    ):
        return None
    certificate.status = OcopCertificate.Status.EXPIRING
    certificate.expiry_warning_sent_at = timezone.now()
    certificate.save(update_fields=["status", "expiry_warning_sent_at"])
    return _tell(certificate, today, notifications.CERTIFICATE_EXPIRING, "warned")


def _expire(certificate, today):
    if not (
        _is_live(certificate)
        and certificate.status != OcopCertificate.Status.EXPIRED
        and rules.is_expired(certificate.expires_on, today)
    ):
        return None
    certificate.status = OcopCertificate.Status.EXPIRED
    certificate.save(update_fields=["status"])
    changes.product_changed(certificate.product_id)  # the mark and stars leave search results too
    return _tell(certificate, today, notifications.CERTIFICATE_EXPIRED, "expired")


def _tell(certificate, today, event_code, kind):
    product = certificate.product
    producer = product.producer
    replacement = _replacement(certificate)
    if replacement is not None:
        reason = _("đã có giấy chứng nhận mới số %(number)s") % {"number": replacement.decision_number}
    elif producer is None:
        reason = _("sản phẩm chưa gắn với chủ thể nào")
    else:
        notifications.notify_producer(
            producer,
            event_code,
            {"product": product, "certificate": certificate, "days_left": (certificate.expires_on - today).days},
        )
        logger.info("Certificate %s (%s) %s; producer %s told", certificate.pk, product.upc, kind, producer.pk)
        return kind, certificate
    logger.info("Certificate %s (%s) %s; nobody told: %s", certificate.pk, product.upc, kind, reason)
    return "not_notified", NotNotified(certificate, reason)


def _replacement(certificate):
    """A newer certificate of the same product, approved or waiting for review, if any."""
    return (
        OcopCertificate.objects.filter(
            product_id=certificate.product_id, revoked_at__isnull=True, expires_on__gt=certificate.expires_on
        )
        .exclude(pk=certificate.pk)
        .exclude(status=OcopCertificate.Status.REVOKED)
        .exclude(review=OcopCertificate.Review.REJECTED)
        .order_by("-expires_on")
        .first()
    )
