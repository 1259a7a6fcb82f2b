"""Verifying, rejecting and suspending producers: only verified producers' products may be on sale.

Verifying opens the portal to the producer's users (``partner.dashboard_access``); rejecting an
application gives no access and tells the applicant why.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalogue.ocop import notifications, workflow
from catalogue.programme.review import ReviewStatus
from shop.core import changes
from shop.producers import onboarding

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")


def _check_reviewer(user, producer):
    if not workflow.is_reviewer(user):
        raise workflow.TransitionRefused(_("Chỉ cán bộ duyệt OCOP mới được xác minh chủ thể."))
    workflow.check_in_province(user, producer)
    if workflow.belongs_to(user, producer):
        raise workflow.TransitionRefused(_("Cán bộ duyệt không được xác minh chủ thể mà mình là thành viên."))


def verify_producer(producer, user, reason=""):
    with transaction.atomic():
        producer = Partner.objects.select_for_update().get(pk=producer.pk)
        _check_reviewer(user, producer)
        if producer.verification_status == Partner.Verification.VERIFIED:
            raise workflow.TransitionRefused(_("Chủ thể này đã được xác minh."))
        producer.verification_status = Partner.Verification.VERIFIED
        producer.verification_reason = (reason or "").strip()
        producer.verification_decided_at = timezone.now()
        producer.save(update_fields=["verification_status", "verification_reason", "verification_decided_at"])
        users = list(producer.users.all())
        if producer.director_id and producer.director not in users:
            users.append(producer.director)
        onboarding.grant_portal_access(users)
        changes.producer_changed(producer)  # its products' listing depends on the verification
        notifications.notify_producer(
            producer,
            notifications.PRODUCER_VERIFICATION,
            {"decision_label": _("Chủ thể đã được xác minh"), "reason": reason},
        )
    return producer


def reject_application(producer, user, reason):
    """Refuse a pending application with a reason the applicant is emailed; no portal access."""
    reason = (reason or "").strip()
    if not reason:
        raise workflow.TransitionRefused(_("Hãy nêu lý do từ chối để người đăng ký biết cần bổ sung gì."))
    with transaction.atomic():
        producer = Partner.objects.select_for_update().get(pk=producer.pk)
        _check_reviewer(user, producer)
        if producer.verification_status != Partner.Verification.PENDING:
            raise workflow.TransitionRefused(_("Chỉ từ chối được hồ sơ đang chờ xác minh."))
        producer.verification_status = Partner.Verification.REJECTED
        producer.verification_reason = reason
        producer.verification_decided_at = timezone.now()
        producer.save(update_fields=["verification_status", "verification_reason", "verification_decided_at"])
        notifications.notify_producer(producer, onboarding.APPLICATION_REJECTED, {"reason": reason})
    return producer


def suspend_producer(producer, user, reason):
    """Suspend a producer and take every one of its products off sale, each through the workflow."""
    reason = (reason or "").strip()
    if not reason:
        raise workflow.TransitionRefused(_("Hãy nêu lý do."))
    with transaction.atomic():
        producer = Partner.objects.select_for_update().get(pk=producer.pk)
        _check_reviewer(user, producer)
        if producer.verification_status == Partner.Verification.SUSPENDED:
            raise workflow.TransitionRefused(_("Chủ thể này đang bị tạm ngừng."))
        producer.verification_status = Partner.Verification.SUSPENDED
        producer.verification_reason = reason
        producer.verification_decided_at = timezone.now()
        producer.save(update_fields=["verification_status", "verification_reason", "verification_decided_at"])
        on_sale = Product.objects.filter(stockrecords__partner=producer, review_status=ReviewStatus.APPROVED).distinct()
        for product in on_sale:
            workflow.suspend(product, user, reason)
        changes.producer_changed(producer)  # the others too: none may stay listed
        notifications.notify_producer(
            producer,
            notifications.PRODUCER_VERIFICATION,
            {"decision_label": _("Chủ thể bị tạm ngừng; các sản phẩm đang bán đã được tạm ngừng"), "reason": reason},
        )
    return producer
