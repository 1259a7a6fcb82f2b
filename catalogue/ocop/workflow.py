"""The OCOP approval workflow: the only code that makes a product public.

States (catalogue.programme.review.ReviewStatus):

    draft ──submit──▶ submitted ──approve──▶ approved (public) ──suspend──▶ suspended
      ▲                  │  │                                     ◀─reinstate─┘
      └─(edit)─ changes_requested ◀─request_changes─┘  └─reject─▶ rejected

Each transition checks who may do it, locks the product row inside a
transaction, writes an append-only ReviewLogEntry, and notifies the producer
once the transaction commits. Certificates have their own review: a new
certificate for an approved product (re-certification) waits in the queue
until a reviewer approves it, and revocation takes the OCOP mark off at once.

A reviewer decides on the version of the product the review page showed
(``catalogue/ocop/review_version.py``): approving, reinstating and approving a
certificate require it (``seen=``, the page's token), the other decisions check
it when given; anything changed since refuses the decision with
``ProductChangedSinceShown``. Approval also needs a certificate the reviewer saw
that is valid on the day and breaks no OCOP rule (``approval_problems``).
A producer's content edit takes a waiting product back to draft
(``withdraw_after_edit``) and an approved one back to the queue, off sale
(``resubmit_after_edit``): the editing service runs them.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from catalogue.ocop import notifications, review_version
from catalogue.programme import rules
from catalogue.programme.review import ReviewStatus
from shop.core import changes
from shop.partner import access
from shop.users import offices

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from catalogue.models import OcopCertificate as OcopCertificateModel
    from catalogue.models import Product as ProductModel
    from catalogue.ocop.review_version import Change
    from shop.partner.models import Partner

Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")
ReviewLogEntry = get_model("catalogue", "ReviewLogEntry")
StockRecord = get_model("partner", "StockRecord")

REVIEW_PERMISSION = "catalogue.review_ocop_product"


class TransitionRefused(PermissionDenied):
    """The user may not make this change, or the product is not in a state that allows it.

    ``str(error)`` is a Vietnamese message fit to show the user.
    """


class ProductChangedSinceShown(TransitionRefused):
    """The product changed after the reviewer opened the review page: nothing was decided.

    ``changes`` lists the differences (``review_version.Change``: what, before, after).
    """

    def __init__(self, changes: Sequence[Change]) -> None:
        self.changes = changes
        super().__init__(
            _(
                "Sản phẩm đã thay đổi từ khi bạn mở trang (%(fields)s): chưa lưu quyết định. "
                "Hãy xem lại phiên bản mới rồi quyết định."
            )
            % {"fields": ", ".join(change.label for change in changes)}
        )


@dataclass(frozen=True)
class Transition:
    action: str
    # ReviewStatus members; without django-stubs mypy reads a TextChoices member as its (value, label) tuple.
    sources: frozenset[Any]
    target: Any
    label: str  # what happened, as told to the producer (a lazy translation)
    button: str  # what the button does (a lazy translation)
    by_reviewer: bool
    reason_required: bool


TRANSITIONS = {
    t.action: t
    for t in (
        Transition(
            "submit",
            frozenset({ReviewStatus.DRAFT, ReviewStatus.CHANGES_REQUESTED}),
            ReviewStatus.SUBMITTED,
            gettext_lazy("Đã gửi duyệt"),
            gettext_lazy("Gửi duyệt"),
            by_reviewer=False,
            reason_required=False,
        ),
        Transition(
            "approve",
            frozenset({ReviewStatus.SUBMITTED}),
            ReviewStatus.APPROVED,
            gettext_lazy("Đã được duyệt và mở bán"),
            gettext_lazy("Duyệt và mở bán"),
            by_reviewer=True,
            reason_required=False,
        ),
        Transition(
            "request_changes",
            frozenset({ReviewStatus.SUBMITTED}),
            ReviewStatus.CHANGES_REQUESTED,
            gettext_lazy("Cần chỉnh sửa"),
            gettext_lazy("Yêu cầu chỉnh sửa"),
            by_reviewer=True,
            reason_required=True,
        ),
        Transition(
            "reject",
            frozenset({ReviewStatus.SUBMITTED}),
            ReviewStatus.REJECTED,
            gettext_lazy("Bị từ chối"),
            gettext_lazy("Từ chối"),
            by_reviewer=True,
            reason_required=True,
        ),
        Transition(
            "suspend",
            frozenset({ReviewStatus.APPROVED}),
            ReviewStatus.SUSPENDED,
            gettext_lazy("Tạm ngừng bán"),
            gettext_lazy("Tạm ngừng bán"),
            by_reviewer=True,
            reason_required=True,
        ),
        Transition(
            "reinstate",
            frozenset({ReviewStatus.SUSPENDED}),
            ReviewStatus.APPROVED,
            gettext_lazy("Được mở bán trở lại"),
            gettext_lazy("Mở bán trở lại"),
            by_reviewer=True,
            reason_required=False,
        ),
    )
}


# --- Who may act ----------------------------------------------------------------


def is_reviewer(user: AbstractBaseUser | None) -> bool:
    return bool(user and user.is_active and user.has_perm(REVIEW_PERMISSION))


def belongs_to(user: AbstractBaseUser, producer: Partner | None) -> bool:
    return producer is not None and producer.users.filter(pk=user.pk).exists()


def check_in_province(user: AbstractBaseUser, producer: Partner | None) -> None:
    """Refuses a reviewer's decision on a producer outside the provinces the reviewer works for
    (``shop.users.offices``: a provincial office decides for its own producers only)."""
    if not offices.may_act_in(user, producer.province_code if producer is not None else None):
        raise TransitionRefused(_("Chủ thể này không thuộc tỉnh bạn phụ trách."))


def _check_actor(
    transition: Transition, product: ProductModel, producer: Partner | None, user: AbstractBaseUser
) -> Partner | None:
    """Returns the producer the user acts on behalf of (staff entering data for it), or None."""
    if transition.by_reviewer:
        if not is_reviewer(user):
            raise TransitionRefused(_("Chỉ cán bộ duyệt OCOP mới được thực hiện thao tác này."))
        check_in_province(user, producer)
        if belongs_to(user, producer):
            raise TransitionRefused(_("Cán bộ duyệt không được duyệt sản phẩm của chủ thể mà mình là thành viên."))
        return None
    role = access.capacity(user, producer)
    if role == access.MEMBER:
        return None
    if role == access.ASSISTANT:
        return producer  # an assisting account acting for the producer: recorded with both names
    raise TransitionRefused(_("Bạn không quản lý sản phẩm này."))


def _check_publishable(
    product: ProductModel,
    producer: Partner | None,
    action: str,
    certificates: Iterable[OcopCertificateModel],
    today: datetime.date,
) -> None:
    """Refuses putting the product on sale (approve, reinstate) unless its producer is verified and a
    certificate among ``certificates`` (those the reviewer saw) allows it (``approval_problems``)."""
    if producer is None:
        raise TransitionRefused(_("Sản phẩm chưa có giá và tồn kho của chủ thể nào."))
    if not producer.is_verified:
        raise TransitionRefused(
            _("Chủ thể %(name)s chưa được xác minh: chưa thể mở bán sản phẩm.") % {"name": producer.name}
        )
    problems = approval_problems(product, action, today, certificates)
    if problems:
        raise TransitionRefused(refusal_message(action, problems))


# --- Certificates an approval may rest on --------------------------------------------------


def certificate_problems(certificate: OcopCertificateModel, today: datetime.date) -> list[str]:
    """Why ``certificate`` cannot back an approval on ``today`` (Vietnamese messages naming it), empty
    when it can: rejected, revoked, outside its dates (``OcopCertificate.is_valid_on``) or breaking an
    OCOP rule (``OcopCertificate.rule_violations``)."""
    number = certificate.decision_number
    problems = []
    if certificate.review == OcopCertificate.Review.REJECTED:
        problems.append(_("Giấy chứng nhận %(number)s đã bị từ chối") % {"number": number})
    if not certificate.is_valid_on(today):
        if certificate.revoked_at is not None:
            problems.append(_("Giấy chứng nhận %(number)s đã bị thu hồi") % {"number": number})
        elif certificate.expires_on < today:
            problems.append(
                _("Giấy chứng nhận %(number)s đã hết hạn ngày %(day)s")
                % {"number": number, "day": certificate.expires_on.strftime("%d/%m/%Y")}
            )
        else:
            problems.append(
                _("Giấy chứng nhận %(number)s chưa có hiệu lực (quyết định ngày %(day)s)")
                % {"number": number, "day": certificate.decision_date.strftime("%d/%m/%Y")}
            )
    problems += [
        _("Giấy chứng nhận %(number)s: %(rule)s") % {"number": number, "rule": violation}
        for violation in certificate.rule_violations(today)
    ]
    return problems


def approval_problems(
    product: ProductModel,
    action: str,
    today: datetime.date | None = None,
    certificates: Iterable[OcopCertificateModel] | None = None,
) -> list[str]:
    """Why ``action`` ("approve" or "reinstate") cannot put the product on sale on ``today``: empty
    when one of ``certificates`` (default: all the product's) has no ``certificate_problems`` — for
    reinstating it must also be approved already, or an administrator's decision keeps the product on
    sale (``Product.kept_on_sale_on``)."""
    today = today or timezone.localdate()
    certificates = list(product.ocop_certificates.all()) if certificates is None else list(certificates)
    if action == "reinstate" and product.kept_on_sale_on(today):
        return []
    problems = []
    for certificate in certificates:
        found = certificate_problems(certificate, today)
        if not found and (action != "reinstate" or certificate.review == OcopCertificate.Review.APPROVED):
            return []
        problems += found or [
            _("Giấy chứng nhận %(number)s còn chờ duyệt: hãy duyệt giấy chứng nhận trước")
            % {"number": certificate.decision_number}
        ]
    return problems or [_("Sản phẩm chưa có giấy chứng nhận OCOP")]


def refusal_message(action: str, problems: Iterable[str]) -> str:
    """One message for ``approval_problems``: "<problems>: chưa thể duyệt mở bán." """
    ending = _("chưa thể mở bán trở lại.") if action == "reinstate" else _("chưa thể duyệt mở bán.")
    return f"{joined(problems)}: {ending}"


def joined(problems: Iterable[str]) -> str:
    """Messages in one sentence: "A; B" (their own full stops dropped)."""
    return "; ".join(str(problem).rstrip(".") for problem in problems)


def _approvable_pending(certificates: Iterable[OcopCertificateModel], today: datetime.date) -> list[int]:
    """The pending certificates an approval marks approved: those without problems."""
    return [
        certificate.pk
        for certificate in certificates
        if certificate.review == OcopCertificate.Review.PENDING and not certificate_problems(certificate, today)
    ]


# --- The version the reviewer saw ---------------------------------------------------------


def _check_seen(product: ProductModel, seen: str | None, *, required: bool) -> set[int] | None:
    """Inside the transaction, with the product row locked: compares the version the reviewer saw (the
    review page's token) with the stored one. Returns the ids of the certificates shown (None when no
    version was given and none is required); raises ``ProductChangedSinceShown`` with the differences."""
    if seen is None:
        if required:
            raise TransitionRefused(_("Thiếu phiên bản sản phẩm mà bạn đã xem: hãy mở lại trang duyệt rồi quyết định."))
        return None
    try:
        shown = review_version.load(seen, product)
    except review_version.InvalidToken:
        raise TransitionRefused(_("Phiên bản sản phẩm gửi kèm không hợp lệ: hãy tải lại trang duyệt."))
    list(
        StockRecord.objects.select_for_update().filter(product=product).order_by("pk")
    )  # a price edit waits or is seen
    changes = review_version.differences(shown, review_version.snapshot(product))
    if changes:
        raise ProductChangedSinceShown(changes)
    return review_version.shown_certificate_ids(shown)


def available_actions(product: ProductModel, user: AbstractBaseUser) -> list[Transition]:
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

# Decisions that put a product on sale: they must name the version the reviewer saw.
BOUND_TO_VERSION = frozenset({"approve", "reinstate"})


def transition(
    product: ProductModel, action: str, user: AbstractBaseUser, reason: str | None = "", *, seen: str | None = None
) -> ProductModel:
    """Run one workflow action on a product; returns the product, refreshed.

    ``seen``: the review page's token (``review_version.token``) of the version the reviewer decided
    on; required to approve or reinstate, checked when given for the other decisions.
    """
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
        shown = None
        if step.by_reviewer:
            shown = _check_seen(product, seen, required=step.action in BOUND_TO_VERSION)
        if product.review_status not in step.sources:
            raise TransitionRefused(
                _("Không thể “%(action)s” khi sản phẩm đang ở trạng thái “%(status)s”.")
                % {"action": step.label, "status": product.get_review_status_display()}
            )
        today = timezone.localdate()
        certificates = [
            certificate
            for certificate in product.ocop_certificates.order_by("pk")
            if shown is None or certificate.pk in shown
        ]
        if step.action == "submit":
            _check_submittable(certificates, today)
        if step.target == ReviewStatus.APPROVED:
            _check_publishable(product, producer, step.action, certificates, today)

        previous = product.review_status
        product.review_status = step.target
        product.is_public = step.target == ReviewStatus.APPROVED
        update_fields = ["review_status", "is_public", "date_updated"]
        if step.action == "submit":
            product.submitted_at = timezone.now()
            update_fields.append("submitted_at")
        product.save(update_fields=update_fields)

        if step.action == "approve":  # only the certificates the reviewer saw, and may approve
            _review_pending_certificates(
                product, OcopCertificate.Review.APPROVED, _approvable_pending(certificates, today)
            )
        elif step.action == "reject":
            _review_pending_certificates(
                product, OcopCertificate.Review.REJECTED, [certificate.pk for certificate in certificates]
            )

        ReviewLogEntry.objects.create(
            product=product,
            action=step.action,
            from_status=previous,
            to_status=step.target,
            reason=reason,
            actor=user,
            on_behalf_of=on_behalf_of,
        )
        changes.product_changed(product.pk)
        if producer is not None and step.by_reviewer:
            notifications.notify_producer(
                producer,
                notifications.PRODUCT_REVIEWED,
                {"product": product, "decision_label": str(step.label), "reason": reason},
            )
    return product


def _check_submittable(certificates: Sequence[OcopCertificateModel], today: datetime.date) -> None:
    """The producer learns at once, not after days in the queue, that no certificate can be approved."""
    if not certificates:
        raise TransitionRefused(_("Hãy thêm giấy chứng nhận OCOP trước khi gửi duyệt."))
    problems = []
    for certificate in certificates:
        found = certificate_problems(certificate, today)
        if not found:
            return
        problems += found
    raise TransitionRefused(
        _("%(problems)s: hãy thêm giấy chứng nhận còn hiệu lực rồi gửi duyệt.") % {"problems": joined(problems)}
    )


def _review_pending_certificates(product: ProductModel, outcome: str, ids: Iterable[int]) -> None:
    product.ocop_certificates.filter(review=OcopCertificate.Review.PENDING, pk__in=ids).update(review=outcome)


def submit(product: ProductModel, user: AbstractBaseUser) -> ProductModel:
    return transition(product, "submit", user)


def approve(
    product: ProductModel, user: AbstractBaseUser, reason: str | None = "", *, seen: str | None = None
) -> ProductModel:
    return transition(product, "approve", user, reason, seen=seen)


def request_changes(
    product: ProductModel, user: AbstractBaseUser, reason: str | None, *, seen: str | None = None
) -> ProductModel:
    return transition(product, "request_changes", user, reason, seen=seen)


def reject(
    product: ProductModel, user: AbstractBaseUser, reason: str | None, *, seen: str | None = None
) -> ProductModel:
    return transition(product, "reject", user, reason, seen=seen)


def suspend(
    product: ProductModel, user: AbstractBaseUser, reason: str | None, *, seen: str | None = None
) -> ProductModel:
    return transition(product, "suspend", user, reason, seen=seen)


def reinstate(
    product: ProductModel, user: AbstractBaseUser, reason: str | None = "", *, seen: str | None = None
) -> ProductModel:
    return transition(product, "reinstate", user, reason, seen=seen)


# --- Certificates ------------------------------------------------------------------


def _lock_for_reviewer(
    certificate: OcopCertificateModel, user: AbstractBaseUser
) -> tuple[OcopCertificateModel, ProductModel, Partner | None]:
    """Inside a transaction: lock the certificate and its product for a reviewer's decision.

    Returns (certificate, product, producer), refreshed; refuses non-reviewers
    and reviewers who belong to the producer.
    """
    if not is_reviewer(user):
        raise TransitionRefused(_("Chỉ cán bộ duyệt OCOP mới được thực hiện thao tác này."))
    certificate = OcopCertificate.objects.select_for_update().get(pk=certificate.pk)
    product = Product.objects.select_for_update().get(pk=certificate.product_id)
    producer = product.producer
    check_in_province(user, producer)
    if belongs_to(user, producer):
        raise TransitionRefused(_("Cán bộ duyệt không được duyệt sản phẩm của chủ thể mà mình là thành viên."))
    return certificate, product, producer


def _certificate_action(
    certificate: OcopCertificateModel,
    user: AbstractBaseUser,
    action: str,
    reason: str | None,
    outcome: str,
    seen: str | None,
    *,
    required: bool,
) -> OcopCertificateModel:
    with transaction.atomic():
        certificate, product, producer = _lock_for_reviewer(certificate, user)
        shown = _check_seen(product, seen, required=required)
        if shown is not None and certificate.pk not in shown:
            raise TransitionRefused(_("Giấy chứng nhận này không có trên trang bạn đã xem: hãy tải lại trang."))
        if certificate.review != OcopCertificate.Review.PENDING:
            raise TransitionRefused(_("Giấy chứng nhận này không còn chờ duyệt."))
        if outcome == OcopCertificate.Review.APPROVED:
            problems = certificate_problems(certificate, timezone.localdate())
            if problems:
                raise TransitionRefused(
                    _("%(problems)s: chưa thể duyệt giấy chứng nhận này.") % {"problems": joined(problems)}
                )
        certificate.review = outcome
        certificate.save(update_fields=["review"])
        ReviewLogEntry.objects.create(
            product=product,
            certificate=certificate,
            action=action,
            reason=reason,
            actor=user,
            from_status=product.review_status,
            to_status=product.review_status,
        )
        changes.product_changed(product.pk)
        if producer is not None:
            label = _("Giấy chứng nhận %(number)s: %(outcome)s") % {
                "number": certificate.decision_number,
                "outcome": certificate.get_review_display(),
            }
            notifications.notify_producer(
                producer,
                notifications.PRODUCT_REVIEWED,
                {"product": product, "decision_label": label, "reason": reason},
            )
    return certificate


def approve_certificate(
    certificate: OcopCertificateModel, user: AbstractBaseUser, reason: str | None = "", *, seen: str | None = None
) -> OcopCertificateModel:
    """Re-certification: a new certificate for a product already on sale. ``seen`` (required) is the
    review page's token: the certificate must be one shown, and nothing of the product changed since."""
    return _certificate_action(
        certificate, user, "approve_certificate", reason, OcopCertificate.Review.APPROVED, seen, required=True
    )


def reject_certificate(
    certificate: OcopCertificateModel, user: AbstractBaseUser, reason: str | None, *, seen: str | None = None
) -> OcopCertificateModel:
    if not (reason or "").strip():
        raise TransitionRefused(_("Hãy nêu lý do."))
    return _certificate_action(
        certificate, user, "reject_certificate", reason, OcopCertificate.Review.REJECTED, seen, required=False
    )


def revoke_certificate(
    certificate: OcopCertificateModel,
    user: AbstractBaseUser,
    reason: str | None,
    keep_on_sale_until: datetime.date | None = None,
) -> OcopCertificateModel:
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
            raise TransitionRefused(
                _("Giấy chứng nhận %(number)s đã bị thu hồi.") % {"number": certificate.decision_number}
            )
        if keep_on_sale_until is not None:
            check_keep_on_sale_until(keep_on_sale_until)
        certificate.revoked_at = timezone.now()
        certificate.revocation_reason = reason
        certificate.status = OcopCertificate.Status.REVOKED
        certificate.save(update_fields=["revoked_at", "revocation_reason", "status"])

        previous = product.review_status
        today = timezone.localdate()
        still_backed = product.ocop_certificates.backing_mark_on(today).exists()
        # The decision concerns only a product this revocation takes off sale: one that is not approved
        # is not on sale anyway (a decision recorded on it would sell it without a certificate the day
        # it is reinstated), and one still backed by another certificate keeps selling under it.
        loses_sale = previous == ReviewStatus.APPROVED and not still_backed
        if still_backed:
            decision = _("vẫn bán theo giấy chứng nhận khác còn hiệu lực")
        elif not loses_sale:
            decision = _("không đổi")
        elif keep_on_sale_until is not None:
            _record_keep_on_sale(product, user, reason, keep_on_sale_until)
            decision = _("vẫn bán như sản phẩm địa phương, không dấu OCOP, đến %(day)s") % {
                "day": keep_on_sale_until.strftime("%d/%m/%Y")
            }
        elif product.kept_on_sale_on(today):
            decision = _("vẫn bán như sản phẩm địa phương theo quyết định đã có, đến %(day)s") % {
                "day": product.kept_on_sale_until.strftime("%d/%m/%Y")
            }
        else:
            product.review_status, product.is_public = ReviewStatus.SUSPENDED, False
            product.save(update_fields=["review_status", "is_public", "date_updated"])
            decision = _("ngừng bán")
        ReviewLogEntry.objects.create(
            product=product,
            certificate=certificate,
            action="revoke_certificate",
            from_status=previous,
            to_status=product.review_status,
            reason=f"{reason} ({decision})",
            actor=user,
        )
        changes.product_changed(product.pk)
        if producer is not None:
            label = _("Giấy chứng nhận %(number)s bị thu hồi; sản phẩm %(decision)s") % {
                "number": certificate.decision_number,
                "decision": decision,
            }
            notifications.notify_producer(
                producer,
                notifications.PRODUCT_REVIEWED,
                {"product": product, "decision_label": label, "reason": reason},
            )
    return certificate


def revoke_certificates(
    certificates: Iterable[OcopCertificateModel],
    user: AbstractBaseUser,
    reason: str | None,
    keep_on_sale_until: datetime.date | None = None,
) -> list[OcopCertificateModel]:
    """One revocation decision naming many certificates (a province revoking 47 products at once):
    all revoked with the same reason, or none (a certificate already revoked refuses the whole list).
    A certificate named twice is revoked once."""
    unique = {certificate.pk: certificate for certificate in certificates}
    with transaction.atomic():
        return [revoke_certificate(unique[pk], user, reason, keep_on_sale_until) for pk in sorted(unique)]


# --- Keeping a product on sale without a valid certificate ------------------------------


def check_keep_on_sale_until(until: datetime.date) -> None:
    """Refuses an end date of a decision to keep a product on sale that the rules do not allow (before
    today, or more than ``rules.KEPT_ON_SALE_MAX_MONTHS`` ahead); forms call it to say so early."""
    today = timezone.localdate()
    latest = rules.add_months(today, rules.KEPT_ON_SALE_MAX_MONTHS)
    if until < today:
        raise TransitionRefused(_("Ngày kết thúc quyết định vẫn bán phải từ hôm nay trở đi."))
    if until > latest:
        raise TransitionRefused(
            _("Chỉ được quyết định vẫn bán tối đa %(months)s tháng một lần (đến %(day)s).")
            % {"months": rules.KEPT_ON_SALE_MAX_MONTHS, "day": latest.strftime("%d/%m/%Y")}
        )


def _record_keep_on_sale(product: ProductModel, user: AbstractBaseUser, reason: str, until: datetime.date) -> None:
    product.kept_on_sale_until, product.kept_on_sale_at = until, timezone.now()
    product.kept_on_sale_by, product.kept_on_sale_reason = user, reason
    product.save(
        update_fields=[
            "kept_on_sale_until",
            "kept_on_sale_at",
            "kept_on_sale_by",
            "kept_on_sale_reason",
            "date_updated",
        ]
    )


def keep_on_sale(
    product: ProductModel, user: AbstractBaseUser, reason: str | None, until: datetime.date
) -> ProductModel:
    """An administrator decides that an approved product without a valid certificate stays on sale,
    as a plain local product (no OCOP mark, no stars), until ``until`` (at most
    ``rules.KEPT_ON_SALE_MAX_MONTHS`` ahead). Recorded on the product and in the review log."""
    reason = (reason or "").strip()
    if not reason:
        raise TransitionRefused(_("Hãy nêu lý do."))
    check_keep_on_sale_until(until)
    with transaction.atomic():
        product, producer = _lock_product_for_reviewer(product, user)
        if product.review_status != ReviewStatus.APPROVED:
            raise TransitionRefused(_("Chỉ sản phẩm đã duyệt mở bán mới có thể được quyết định vẫn bán."))
        _record_keep_on_sale(product, user, reason, until)
        label = _("Vẫn bán như sản phẩm địa phương, không dấu OCOP, đến %(day)s") % {"day": until.strftime("%d/%m/%Y")}
        _log_and_tell(product, producer, user, "keep_on_sale", reason, label)
    return product


def end_keep_on_sale(product: ProductModel, user: AbstractBaseUser, reason: str | None) -> ProductModel:
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


def _lock_product_for_reviewer(product: ProductModel, user: AbstractBaseUser) -> tuple[ProductModel, Partner | None]:
    if not is_reviewer(user):
        raise TransitionRefused(_("Chỉ cán bộ duyệt OCOP mới được thực hiện thao tác này."))
    product = Product.objects.select_for_update().get(pk=product.pk)
    producer = product.producer
    check_in_province(user, producer)
    if belongs_to(user, producer):
        raise TransitionRefused(_("Cán bộ duyệt không được duyệt sản phẩm của chủ thể mà mình là thành viên."))
    return product, producer


def _log_and_tell(
    product: ProductModel, producer: Partner | None, user: AbstractBaseUser, action: str, reason: str, label: str
) -> None:
    ReviewLogEntry.objects.create(
        product=product,
        action=action,
        from_status=product.review_status,
        to_status=product.review_status,
        reason=reason,
        actor=user,
    )
    changes.product_changed(product.pk)
    if producer is not None:
        notifications.notify_producer(
            producer,
            notifications.PRODUCT_REVIEWED,
            {"product": product, "decision_label": str(label), "reason": reason},
        )


# --- Producers' edits (catalogue/ocop/editing.py) -------------------------------------

# Not in TRANSITIONS: nobody picks it from a menu; the editing service runs it when a producer
# changes what reviewers approved (title, description, images) of a product on sale.
RESUBMIT_AFTER_EDIT = Transition(
    "resubmit_after_edit",
    frozenset({ReviewStatus.APPROVED}),
    ReviewStatus.SUBMITTED,
    gettext_lazy("Nội dung đã sửa: tạm ngừng bán và gửi duyệt lại"),
    gettext_lazy("Gửi duyệt lại"),
    by_reviewer=False,
    reason_required=False,
)


def resubmit_after_edit(product: ProductModel, user: AbstractBaseUser, reason: str) -> bool:
    """An approved product whose content the producer changed goes back to the reviewers, off sale.

    Returns True if the product was sent back, False when it was not on sale as approved (drafts,
    products already waiting, products sent back for changes keep their state). Runs inside the
    caller's transaction when there is one (the edit and the resubmission commit together).
    """
    return _after_edit(RESUBMIT_AFTER_EDIT, product, user, reason)


# The same for a product waiting for review: the reviewer must not approve what they have not seen,
# so content edits take it out of the queue, back to draft, until the producer submits it again.
WITHDRAW_AFTER_EDIT = Transition(
    "withdraw_after_edit",
    frozenset({ReviewStatus.SUBMITTED}),
    ReviewStatus.DRAFT,
    gettext_lazy("Sản phẩm đã được rút khỏi hàng chờ duyệt vì nội dung thay đổi; hãy gửi duyệt lại"),
    gettext_lazy("Rút khỏi hàng chờ duyệt"),
    by_reviewer=False,
    reason_required=False,
)


def withdraw_after_edit(product: ProductModel, user: AbstractBaseUser, reason: str) -> bool:
    """A product waiting for review whose content the producer changed (title, description, images,
    attributes, group, a certificate added) goes back to draft: logged, and the producer is told to
    submit it again. Returns True if it was withdrawn, False when it was not waiting. Runs inside the
    caller's transaction when there is one."""
    return _after_edit(WITHDRAW_AFTER_EDIT, product, user, reason)


def _after_edit(step: Transition, product: ProductModel, user: AbstractBaseUser, reason: str) -> bool:
    with transaction.atomic():
        product = Product.objects.select_for_update().get(pk=product.pk)
        producer = product.producer
        on_behalf_of = _check_actor(step, product, producer, user)
        if product.review_status not in step.sources:
            return False
        previous = product.review_status
        product.review_status, product.is_public = step.target, False
        update_fields = ["review_status", "is_public", "date_updated"]
        if step.target == ReviewStatus.SUBMITTED:
            product.submitted_at = timezone.now()
            update_fields.append("submitted_at")
        product.save(update_fields=update_fields)
        ReviewLogEntry.objects.create(
            product=product,
            action=step.action,
            from_status=previous,
            to_status=step.target,
            reason=reason,
            actor=user,
            on_behalf_of=on_behalf_of,
        )
        changes.product_changed(product.pk)
        notifications.notify_producer(
            producer,
            notifications.PRODUCT_REVIEWED,
            {"product": product, "decision_label": f"{step.label} ({reason})", "reason": ""},
        )
    return True
