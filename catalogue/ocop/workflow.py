"""The OCOP approval workflow: the only code that makes a product public.

States (catalogue.models.ReviewStatus):

    draft ──submit──▶ submitted ──approve──▶ approved (public) ──suspend──▶ suspended
      ▲                  │  │                                     ◀─reinstate─┘
      └─(edit)─ changes_requested ◀─request_changes─┘  └─reject─▶ rejected

Each transition checks who may do it, locks the product row inside a
transaction, writes an append-only ReviewLogEntry, and notifies the producer
once the transaction commits. Certificates have their own review: a new
certificate for an approved product (re-certification) waits in the queue
until a reviewer approves it, and revocation takes the OCOP mark off at once.
"""
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from catalogue.models import ReviewStatus
from catalogue.ocop import notifications, rules
from shop.partner import access
from shop.search import indexing

Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")
ReviewLogEntry = get_model("catalogue", "ReviewLogEntry")

REVIEW_PERMISSION = "catalogue.review_ocop_product"


class TransitionRefused(PermissionDenied):
    """The user may not make this change, or the product is not in a state that allows it.

    ``str(error)`` is a Vietnamese message fit to show the user.
    """


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset
    target: str
    label: str  # what happened, as told to the producer
    button: str  # what the button does
    by_reviewer: bool
    reason_required: bool


TRANSITIONS = {t.action: t for t in (
    Transition("submit", frozenset({ReviewStatus.DRAFT, ReviewStatus.CHANGES_REQUESTED}),
               ReviewStatus.SUBMITTED, gettext_lazy("Đã gửi duyệt"), gettext_lazy("Gửi duyệt"), by_reviewer=False, reason_required=False),
    Transition("approve", frozenset({ReviewStatus.SUBMITTED}),
               ReviewStatus.APPROVED, gettext_lazy("Đã được duyệt và mở bán"), gettext_lazy("Duyệt và mở bán"), by_reviewer=True,
               reason_required=False),
    Transition("request_changes", frozenset({ReviewStatus.SUBMITTED}),
               ReviewStatus.CHANGES_REQUESTED, gettext_lazy("Cần chỉnh sửa"), gettext_lazy("Yêu cầu chỉnh sửa"), by_reviewer=True,
               reason_required=True),
    Transition("reject", frozenset({ReviewStatus.SUBMITTED}),
               ReviewStatus.REJECTED, gettext_lazy("Bị từ chối"), gettext_lazy("Từ chối"), by_reviewer=True, reason_required=True),
    Transition("suspend", frozenset({ReviewStatus.APPROVED}),
               ReviewStatus.SUSPENDED, gettext_lazy("Tạm ngừng bán"), gettext_lazy("Tạm ngừng bán"), by_reviewer=True, reason_required=True),
    Transition("reinstate", frozenset({ReviewStatus.SUSPENDED}),
               ReviewStatus.APPROVED, gettext_lazy("Được mở bán trở lại"), gettext_lazy("Mở bán trở lại"), by_reviewer=True,
               reason_required=False),
)}


# --- Who may act ----------------------------------------------------------------

def is_reviewer(user):
    return bool(user and user.is_active and user.has_perm(REVIEW_PERMISSION))


def belongs_to(user, producer):
    return producer is not None and producer.users.filter(pk=user.pk).exists()


def _check_actor(transition, product, producer, user):
    """Returns the producer the user acts on behalf of (staff entering data for it), or None."""
    if transition.by_reviewer:
        if not is_reviewer(user):
            raise TransitionRefused(_("Chỉ cán bộ duyệt OCOP mới được thực hiện thao tác này."))
        if belongs_to(user, producer):
            raise TransitionRefused(_("Cán bộ duyệt không được duyệt sản phẩm của chủ thể mà mình là thành viên."))
        return None
    role = access.capacity(user, producer)
    if role == access.MEMBER:
        return None
    if role == access.ASSISTANT:
        return producer  # an assisting account acting for the producer: recorded with both names
    raise TransitionRefused(_("Bạn không quản lý sản phẩm này."))


def _check_publishable(product, producer):
    if producer is None:
        raise TransitionRefused(_("Sản phẩm chưa có giá và tồn kho của chủ thể nào."))
    if not producer.is_verified:
        raise TransitionRefused(_("Chủ thể %(name)s chưa được xác minh: chưa thể mở bán sản phẩm.")
                                % {"name": producer.name})


def available_actions(product, user):
    """The transitions the user may run on the product now (for buttons)."""
    producer = product.producer
    actions = []
    for transition in TRANSITIONS.values():
        if product.review_status not in transition.sources:
            continue
        try:
            _check_actor(transition, product, producer, user)
        except TransitionRefused:
            continue
        actions.append(transition)
    return actions


# --- Transitions -----------------------------------------------------------------

def transition(product, action, user, reason=""):
    """Run one workflow action on a product; returns the product, refreshed."""
    try:
        step = TRANSITIONS[action]
    except KeyError:
        raise TransitionRefused(_("Thao tác không hợp lệ."))
    reason = (reason or "").strip()
    if step.reason_required and not reason:
        raise TransitionRefused(_("Hãy nêu lý do."))

    with transaction.atomic():
        product = Product.objects.select_for_update().get(pk=product.pk)
        producer = product.producer
        on_behalf_of = _check_actor(step, product, producer, user)
        if product.review_status not in step.sources:
            raise TransitionRefused(
                _("Không thể “%(action)s” khi sản phẩm đang ở trạng thái “%(status)s”.")
                % {"action": step.label, "status": product.get_review_status_display()})
        if step.action == "submit" and not product.ocop_certificates.exists():
            raise TransitionRefused(_("Hãy thêm giấy chứng nhận OCOP trước khi gửi duyệt."))
        if step.target == ReviewStatus.APPROVED:
            _check_publishable(product, producer)

        previous = product.review_status
        product.review_status = step.target
        product.is_public = step.target == ReviewStatus.APPROVED
        update_fields = ["review_status", "is_public", "date_updated"]
        if step.action == "submit":
            product.submitted_at = timezone.now()
            update_fields.append("submitted_at")
        product.save(update_fields=update_fields)

        if step.action == "approve":
            _review_pending_certificates(product, OcopCertificate.Review.APPROVED)
        elif step.action == "reject":
            _review_pending_certificates(product, OcopCertificate.Review.REJECTED)

        ReviewLogEntry.objects.create(
            product=product, action=step.action, from_status=previous, to_status=step.target,
            reason=reason, actor=user, on_behalf_of=on_behalf_of)
        indexing.product_changed(product.pk)
        if producer is not None and step.by_reviewer:
            notifications.notify_producer(producer, notifications.PRODUCT_REVIEWED, {
                "product": product, "decision_label": str(step.label), "reason": reason})
    return product


def _review_pending_certificates(product, outcome):
    product.ocop_certificates.filter(review=OcopCertificate.Review.PENDING).update(review=outcome)


def submit(product, user):
    return transition(product, "submit", user)


def approve(product, user, reason=""):
    return transition(product, "approve", user, reason)


def request_changes(product, user, reason):
    return transition(product, "request_changes", user, reason)


def reject(product, user, reason):
    return transition(product, "reject", user, reason)


def suspend(product, user, reason):
    return transition(product, "suspend", user, reason)


def reinstate(product, user, reason=""):
    return transition(product, "reinstate", user, reason)


# --- Certificates ------------------------------------------------------------------

def _lock_for_reviewer(certificate, user):
    """Inside a transaction: lock the certificate and its product for a reviewer's decision.

    Returns (certificate, product, producer), refreshed; refuses non-reviewers
    and reviewers who belong to the producer.
    """
    if not is_reviewer(user):
        raise TransitionRefused(_("Chỉ cán bộ duyệt OCOP mới được thực hiện thao tác này."))
    certificate = OcopCertificate.objects.select_for_update().get(pk=certificate.pk)
    product = Product.objects.select_for_update().get(pk=certificate.product_id)
    producer = product.producer
    if belongs_to(user, producer):
        raise TransitionRefused(_("Cán bộ duyệt không được duyệt sản phẩm của chủ thể mà mình là thành viên."))
    return certificate, product, producer


def _certificate_action(certificate, user, action, reason, outcome):
    with transaction.atomic():
        certificate, product, producer = _lock_for_reviewer(certificate, user)
        if certificate.review != OcopCertificate.Review.PENDING:
            raise TransitionRefused(_("Giấy chứng nhận này không còn chờ duyệt."))
        certificate.review = outcome
        certificate.save(update_fields=["review"])
        ReviewLogEntry.objects.create(
            product=product, certificate=certificate, action=action, reason=reason, actor=user,
            from_status=product.review_status, to_status=product.review_status)
        indexing.product_changed(product.pk)
        if producer is not None:
            label = _("Giấy chứng nhận %(number)s: %(outcome)s") % {
                "number": certificate.decision_number, "outcome": certificate.get_review_display()}
            notifications.notify_producer(producer, notifications.PRODUCT_REVIEWED, {
                "product": product, "decision_label": label, "reason": reason})
    return certificate


def approve_certificate(certificate, user, reason=""):
    """Re-certification: a new certificate for a product already on sale."""
    return _certificate_action(certificate, user, "approve_certificate", reason, OcopCertificate.Review.APPROVED)


def reject_certificate(certificate, user, reason):
    if not (reason or "").strip():
        raise TransitionRefused(_("Hãy nêu lý do."))
    return _certificate_action(certificate, user, "reject_certificate", reason, OcopCertificate.Review.REJECTED)


def revoke_certificate(certificate, user, reason, keep_on_sale_until=None):
    """Revoke a certificate: the OCOP mark goes at once.

    Whether the product stays on sale as a plain local product is the administrator's explicit
    decision: ``keep_on_sale_until`` (a date) records it on the product (``keep_on_sale``); without it
    a product left with no certificate backing the mark is suspended.
    """
    reason = (reason or "").strip()
    if not reason:
        raise TransitionRefused(_("Hãy nêu lý do thu hồi."))
    with transaction.atomic():
        certificate, product, producer = _lock_for_reviewer(certificate, user)
        if certificate.revoked_at is not None:
            raise TransitionRefused(_("Giấy chứng nhận %(number)s đã bị thu hồi.")
                                    % {"number": certificate.decision_number})
        if keep_on_sale_until is not None:
            _check_keep_on_sale_until(keep_on_sale_until)
        certificate.revoked_at = timezone.now()
        certificate.revocation_reason = reason
        certificate.status = OcopCertificate.Status.REVOKED
        certificate.save(update_fields=["revoked_at", "revocation_reason", "status"])

        previous = product.review_status
        today = timezone.localdate()
        still_backed = product.ocop_certificates.backing_mark_on(today).exists()
        if keep_on_sale_until is not None:
            _record_keep_on_sale(product, user, reason, keep_on_sale_until)
            decision = _("vẫn bán như sản phẩm địa phương, không dấu OCOP, đến %(day)s") % {
                "day": keep_on_sale_until.strftime("%d/%m/%Y")}
        elif previous == ReviewStatus.APPROVED and not still_backed and not product.kept_on_sale_on(today):
            product.review_status, product.is_public = ReviewStatus.SUSPENDED, False
            product.save(update_fields=["review_status", "is_public", "date_updated"])
            decision = _("ngừng bán")
        else:
            decision = _("vẫn bán theo giấy chứng nhận khác còn hiệu lực") if still_backed else _("không đổi")
        ReviewLogEntry.objects.create(
            product=product, certificate=certificate, action="revoke_certificate",
            from_status=previous, to_status=product.review_status,
            reason=f"{reason} ({decision})", actor=user)
        indexing.product_changed(product.pk)
        if producer is not None:
            label = _("Giấy chứng nhận %(number)s bị thu hồi; sản phẩm %(decision)s") % {
                "number": certificate.decision_number, "decision": decision}
            notifications.notify_producer(producer, notifications.PRODUCT_REVIEWED, {
                "product": product, "decision_label": label, "reason": reason})
    return certificate


def revoke_certificates(certificates, user, reason, keep_on_sale_until=None):
    """One revocation decision naming many certificates (a province revoking 47 products at once):
    all revoked with the same reason, or none (a certificate already revoked refuses the whole list)."""
    with transaction.atomic():
        return [revoke_certificate(certificate, user, reason, keep_on_sale_until)
                for certificate in sorted(certificates, key=lambda c: c.pk)]


# --- Keeping a product on sale without a valid certificate ------------------------------

def _check_keep_on_sale_until(until):
    today = timezone.localdate()
    latest = rules.add_months(today, rules.KEPT_ON_SALE_MAX_MONTHS)
    if until < today:
        raise TransitionRefused(_("Ngày kết thúc phải từ hôm nay trở đi."))
    if until > latest:
        raise TransitionRefused(_("Chỉ được quyết định vẫn bán tối đa %(months)s tháng một lần (đến %(day)s).")
                                % {"months": rules.KEPT_ON_SALE_MAX_MONTHS, "day": latest.strftime("%d/%m/%Y")})


def _record_keep_on_sale(product, user, reason, until):
    product.kept_on_sale_until, product.kept_on_sale_at = until, timezone.now()
    product.kept_on_sale_by, product.kept_on_sale_reason = user, reason
    product.save(update_fields=["kept_on_sale_until", "kept_on_sale_at", "kept_on_sale_by",
                                "kept_on_sale_reason", "date_updated"])


def keep_on_sale(product, user, reason, until):
    """An administrator decides that an approved product without a valid certificate stays on sale,
    as a plain local product (no OCOP mark, no stars), until ``until`` (at most
    ``rules.KEPT_ON_SALE_MAX_MONTHS`` ahead). Recorded on the product and in the review log."""
    reason = (reason or "").strip()
    if not reason:
        raise TransitionRefused(_("Hãy nêu lý do."))
    _check_keep_on_sale_until(until)
    with transaction.atomic():
        product, producer = _lock_product_for_reviewer(product, user)
        if product.review_status != ReviewStatus.APPROVED:
            raise TransitionRefused(_("Chỉ sản phẩm đã duyệt mở bán mới có thể được quyết định vẫn bán."))
        _record_keep_on_sale(product, user, reason, until)
        label = _("Vẫn bán như sản phẩm địa phương, không dấu OCOP, đến %(day)s") % {
            "day": until.strftime("%d/%m/%Y")}
        _log_and_tell(product, producer, user, "keep_on_sale", reason, label)
    return product


def end_keep_on_sale(product, user, reason):
    """End the decision today: without a valid certificate the product leaves the shop at once."""
    reason = (reason or "").strip()
    if not reason:
        raise TransitionRefused(_("Hãy nêu lý do."))
    with transaction.atomic():
        product, producer = _lock_product_for_reviewer(product, user)
        if product.kept_on_sale_until is None:
            raise TransitionRefused(_("Sản phẩm này không có quyết định vẫn bán."))
        product.kept_on_sale_until = None
        product.save(update_fields=["kept_on_sale_until", "date_updated"])
        _log_and_tell(product, producer, user, "end_keep_on_sale", reason, _("Kết thúc quyết định vẫn bán"))
    return product


def _lock_product_for_reviewer(product, user):
    if not is_reviewer(user):
        raise TransitionRefused(_("Chỉ cán bộ duyệt OCOP mới được thực hiện thao tác này."))
    product = Product.objects.select_for_update().get(pk=product.pk)
    producer = product.producer
    if belongs_to(user, producer):
        raise TransitionRefused(_("Cán bộ duyệt không được duyệt sản phẩm của chủ thể mà mình là thành viên."))
    return product, producer


def _log_and_tell(product, producer, user, action, reason, label):
    ReviewLogEntry.objects.create(product=product, action=action, from_status=product.review_status,
                                  to_status=product.review_status, reason=reason, actor=user)
    indexing.product_changed(product.pk)
    if producer is not None:
        notifications.notify_producer(producer, notifications.PRODUCT_REVIEWED, {
            "product": product, "decision_label": str(label), "reason": reason})


# --- Producers' edits (catalogue/ocop/editing.py) -------------------------------------

# Not in TRANSITIONS: nobody picks it from a menu; the editing service runs it when a producer
# changes what reviewers approved (title, description, images) of a product on sale.
RESUBMIT_AFTER_EDIT = Transition(
    "resubmit_after_edit", frozenset({ReviewStatus.APPROVED}), ReviewStatus.SUBMITTED,
    gettext_lazy("Nội dung đã sửa: tạm ngừng bán và gửi duyệt lại"), gettext_lazy("Gửi duyệt lại"),
    by_reviewer=False, reason_required=False)


def resubmit_after_edit(product, user, reason):
    """An approved product whose content the producer changed goes back to the reviewers, off sale.

    Returns True if the product was sent back, False when it was not on sale as approved (drafts,
    products already waiting, products sent back for changes keep their state). Runs inside the
    caller's transaction when there is one (the edit and the resubmission commit together).
    """
    step = RESUBMIT_AFTER_EDIT
    with transaction.atomic():
        product = Product.objects.select_for_update().get(pk=product.pk)
        producer = product.producer
        on_behalf_of = _check_actor(step, product, producer, user)
        if product.review_status not in step.sources:
            return False
        previous = product.review_status
        product.review_status, product.is_public = step.target, False
        product.submitted_at = timezone.now()
        product.save(update_fields=["review_status", "is_public", "submitted_at", "date_updated"])
        ReviewLogEntry.objects.create(
            product=product, action=step.action, from_status=previous, to_status=step.target,
            reason=reason, actor=user, on_behalf_of=on_behalf_of)
        indexing.product_changed(product.pk)
        notifications.notify_producer(producer, notifications.PRODUCT_REVIEWED, {
            "product": product, "decision_label": f"{step.label} ({reason})", "reason": ""})
    return True
