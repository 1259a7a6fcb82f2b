"""Background tasks of the catalogue (django-tasks; the TASKS setting picks the backend)."""

import datetime

from django_tasks import task

from catalogue import analytics
from catalogue.ocop.expiry import run_certificate_expiry
from catalogue.ocop.thumbnails import warm_thumbnails


class CertificateExpiryFailed(RuntimeError):
    """Some certificates could not be handled; the others were. Re-running is safe."""


@task()
def certificate_expiry_task(date=None):
    """The daily certificate expiry pass: warns producers 30 days before a
    certificate expires and records expired certificates (catalogue/ocop/expiry.py).

    The scheduler (``shop.jobs.schedule``) enqueues it daily at 00:15 Vietnam time for the worker;
    ``manage.py ocop_certificate_expiry`` runs the same code by hand and prints a report. A failure is
    retried by ``shop.jobs.retries``.

    Running it twice the same day, or for a past day (``date="2026-11-23"``,
    ISO format, as tasks take JSON arguments), sends nothing twice.

    Returns the counts: ``{"warned": …, "expired": …, "not_notified": …, "failed": 0}``.
    If a certificate failed, the others are still handled and the task fails
    with CertificateExpiryFailed (the traceback is in the log), so the
    worker's result shows it.
    """
    report = run_certificate_expiry(today=datetime.date.fromisoformat(date) if date else None)
    if report.failed:
        raise CertificateExpiryFailed(
            f"{len(report.failed)} certificate(s) failed: "
            + ", ".join(f"#{failure.certificate_id} {failure.error!r}" for failure in report.failed)
            + f"; counts {report.counts}"
        )
    return report.counts


class ThumbnailsFailed(RuntimeError):
    """Some thumbnails could not be made (the log has each error); the task is retried."""


@task()
def make_thumbnails(image_ids):
    """Make the portal's and the storefront's thumbnails of these product images (``thumbnails.THUMBNAILS``),
    enqueued after an upload commits (``editing.add_images``).

    Idempotent: an image deleted meanwhile is skipped, a thumbnail made already is only looked up. If one
    fails the others are still made and the task fails with ThumbnailsFailed, so ``shop.jobs.retries`` runs it
    again after its back-off. Returns how many images were handled.
    """
    from oscar.core.loading import get_model

    images = list(get_model("catalogue", "ProductImage").objects.filter(pk__in=image_ids).order_by("pk"))
    failed = warm_thumbnails(images)
    if failed:
        raise ThumbnailsFailed(
            f"{len(failed)} thumbnail(s) failed: " + ", ".join(f"image #{pk} {size}" for pk, size in failed)
        )
    return len(images)


@task()
def flush_product_counters():
    """Folds the buffered product views and basket additions into Oscar's analytics tables
    (catalogue/analytics.py); the scheduler runs it every minute. Returns how many events were folded in."""
    return analytics.flush_events()
