"""Where a producer is paid: the producer asks for a new bank account or e-wallet, an officer of its province
decides — the one writer of a producer's account fields after onboarding.

The account in use (``Partner.bank_bin``/``bank_name``/``bank_account_number``/``bank_account_holder``,
``ewallet_provider``/``ewallet_phone``, ``has_epayment_account``) is what payouts read; it changes only when
``approve`` copies a ``PayoutAccountChange`` into it. A change waits meanwhile (one per producer: a new request
replaces the pending one) and counts for nothing — neither for payouts nor for the e-payment indicator
(``shop.dashboard.review.figures.epayment_accounts``). Four eyes: the officer who approves is never the one who
asked, nor one of the producer's own people. Every step is in the producer's activity log, and the director is
emailed the decision (a bank change is what a fraudster would try).
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalogue.ocop import workflow
from shop.core import banks, text
from shop.core.phones import national_phone
from shop.notifications import outbox
from shop.partner import access, activity
from shop.users import offices

Partner = get_model("partner", "Partner")
PayoutAccountChange = get_model("partner", "PayoutAccountChange")
ProducerActivity = get_model("portal_dashboard", "ProducerActivity")

DECIDED = "OCOP_PAYOUT_ACCOUNT"  # email to the director: approved, or rejected with the reason
# Vietnamese account numbers are 6 to 19 digits (NAPAS routes up to 19).
ACCOUNT_NUMBER = re.compile(r"^\d{6,19}$")


def _folded_name(name):
    """ "Hợp tác xã  Chè Séng" and "HOP TAC XA CHE SENG" (as banks print holders) compare equal."""
    return " ".join(text.fold(name).split())


def holder_names(producer):
    """The names an account of this producer may be held in: its legal name (or shop name) and its
    representative."""
    return [name for name in (producer.legal_name or producer.name, producer.representative) if name]


def check_bank_account(producer, bank_bin, account_number, holder):
    """The bank account cleaned (BIN, digits, holder), or a ValidationError {field: message} in Vietnamese."""
    account_number = re.sub(r"[\s.-]", "", account_number or "")
    holder = " ".join((holder or "").split())
    errors = {}
    if banks.bank(bank_bin) is None:
        errors["bank_bin"] = _("Chọn ngân hàng trong danh sách.")
    if not ACCOUNT_NUMBER.match(account_number):
        errors["bank_account_number"] = _("Số tài khoản chỉ gồm chữ số, từ 6 đến 19 chữ số.")
    if not holder:
        errors["bank_account_holder"] = _("Nhập tên chủ tài khoản như ngân hàng ghi.")
    elif _folded_name(holder) not in {_folded_name(name) for name in holder_names(producer)}:
        errors["bank_account_holder"] = _(
            "Tên chủ tài khoản phải là tên của cơ sở theo đăng ký (%(names)s) hoặc của người đại diện. "
            "Tài khoản của người khác không được nhận tiền thay cơ sở."
        ) % {"names": " / ".join(holder_names(producer))}
    if errors:
        raise ValidationError(errors)
    return bank_bin, account_number, holder


def check_ewallet(provider, phone):
    """The e-wallet cleaned (provider, phone as written in Vietnam), or a ValidationError {field: message}."""
    errors = {}
    if provider not in dict(Partner._meta.get_field("ewallet_provider").choices):
        errors["ewallet_provider"] = _("Chọn ví điện tử trong danh sách.")
    try:
        phone = national_phone(phone)
    except ValidationError as error:
        errors["ewallet_phone"] = error.messages[0]
    if errors:
        raise ValidationError(errors)
    return provider, phone


def pending_change(producer):
    return PayoutAccountChange.objects.filter(partner=producer, status=PayoutAccountChange.Status.PENDING).first()


def request_change(producer, user, *, kind, **account):
    """Record the producer's request to be paid into another account (checked again here); the account in
    use stays until an officer approves. A pending request is replaced (and logged as such)."""
    Kind = PayoutAccountChange.Kind
    change = PayoutAccountChange(partner=producer, kind=kind, requested_by=user)
    if kind == Kind.BANK:
        change.bank_bin, change.bank_account_number, change.bank_account_holder = check_bank_account(
            producer, account.get("bank_bin"), account.get("bank_account_number"), account.get("bank_account_holder")
        )
    elif kind == Kind.EWALLET:
        change.ewallet_provider, change.ewallet_phone = check_ewallet(
            account.get("ewallet_provider"), account.get("ewallet_phone")
        )
    else:
        raise ValidationError(_("Chọn tài khoản ngân hàng hoặc ví điện tử."))
    with transaction.atomic():
        producer = Partner.objects.select_for_update().get(pk=producer.pk)
        access.on_behalf_of(user, producer)  # SELL, checked before anything changes
        replaced = pending_change(producer)
        if replaced is not None:
            replaced.status = PayoutAccountChange.Status.REPLACED
            replaced.decided_at = timezone.now()
            replaced.save(update_fields=["status", "decided_at"])
            activity.record(
                user,
                producer,
                "payout_account_replaced",
                _("Yêu cầu đổi tài khoản nhận tiền sang %(old)s được thay bằng yêu cầu mới.") % {"old": replaced},
                obj=replaced,
            )
        change.partner = producer
        change.save()
        activity.record(
            user,
            producer,
            "payout_account_requested",
            _("Gửi yêu cầu nhận tiền vào %(new)s (đang dùng: %(old)s); chờ ban quản lý xác minh.")
            % {"new": change, "old": account_in_use(producer) or _("chưa có")},
            obj=change,
        )
    return change


def account_in_use(producer):
    """The verified accounts in use, as a short text ("" when none)."""
    parts = []
    if producer.has_epayment_account and producer.bank_account_number:
        parts.append(f"{producer.bank_display_name} {producer.bank_account_number} ({producer.bank_account_holder})")
    if producer.has_epayment_account and producer.ewallet_phone:
        parts.append(f"{producer.get_ewallet_provider_display()} {producer.ewallet_phone}")
    return "; ".join(parts)


# --- The office's decisions ---------------------------------------------------------------------------------


def changes_to_decide(user):
    """Pending requests of the producers of the user's provinces, oldest first."""
    pending = PayoutAccountChange.objects.filter(status=PayoutAccountChange.Status.PENDING)
    return (
        offices.scope_producers(pending, user, "partner")
        .select_related("partner", "requested_by")
        .order_by("requested_at", "pk")
    )


def _locked_pending(change, user):
    """The change, locked, after the checks every decision needs (404 outside the officer's provinces)."""
    change = PayoutAccountChange.objects.select_for_update().select_related("partner").get(pk=change.pk)
    offices.check_producer(user, change.partner)
    if not workflow.is_reviewer(user):
        raise workflow.TransitionRefused(_("Chỉ cán bộ ban quản lý OCOP mới được xác minh tài khoản nhận tiền."))
    if change.status != PayoutAccountChange.Status.PENDING:
        raise workflow.TransitionRefused(_("Yêu cầu này đã được xử lý."))
    if change.requested_by_id == user.pk or workflow.belongs_to(user, change.partner):
        raise workflow.TransitionRefused(
            _("Người gửi yêu cầu hoặc người của chủ thể không được tự duyệt tài khoản nhận tiền: cần cán bộ khác.")
        )
    return change


def approve(change, user):
    """The officer accepts the account: it becomes the one in use, logged, and the director is told."""
    with transaction.atomic():
        change = _locked_pending(change, user)
        producer = Partner.objects.select_for_update().get(pk=change.partner_id)
        old = account_in_use(producer) or _("chưa có")
        if change.kind == PayoutAccountChange.Kind.BANK:
            producer.bank_bin = change.bank_bin
            producer.bank_name = banks.bank(change.bank_bin).name
            producer.bank_account_number = change.bank_account_number
            producer.bank_account_holder = change.bank_account_holder
        else:
            producer.ewallet_provider, producer.ewallet_phone = change.ewallet_provider, change.ewallet_phone
        producer.has_epayment_account = True
        producer.save(
            update_fields=[
                "bank_bin",
                "bank_name",
                "bank_account_number",
                "bank_account_holder",
                "ewallet_provider",
                "ewallet_phone",
                "has_epayment_account",
            ]
        )
        _decide(change, user, PayoutAccountChange.Status.APPROVED, "")
        _log_decision(
            user,
            producer,
            change,
            "payout_account_approved",
            _("Ban quản lý duyệt tài khoản nhận tiền: %(old)s → %(new)s.") % {"old": old, "new": change},
        )
        _notify(producer, change, _("Tài khoản nhận tiền mới đã được duyệt"), "")
    return change


def reject(change, user, reason):
    """The officer refuses the account with a reason the director is emailed; the account in use stays."""
    reason = (reason or "").strip()
    if not reason:
        raise workflow.TransitionRefused(_("Hãy nêu lý do từ chối để chủ thể biết cần sửa gì."))
    with transaction.atomic():
        change = _locked_pending(change, user)
        _decide(change, user, PayoutAccountChange.Status.REJECTED, reason)
        _log_decision(
            user,
            change.partner,
            change,
            "payout_account_rejected",
            _("Ban quản lý từ chối tài khoản nhận tiền %(new)s: %(reason)s") % {"new": change, "reason": reason},
        )
        _notify(change.partner, change, _("Tài khoản nhận tiền mới bị từ chối"), reason)
    return change


def _decide(change, user, status, reason):
    change.status, change.decided_by, change.decided_at, change.reason = status, user, timezone.now(), reason
    change.save(update_fields=["status", "decided_by", "decided_at", "reason"])


def _log_decision(user, producer, change, action, summary):
    """The office's decision in the producer's activity log (an officer does not act *for* the producer, so
    ``activity.record``'s check does not apply)."""
    ProducerActivity.objects.create(
        partner=producer,
        actor=user,
        action=action,
        summary=str(summary)[:500],
        object_type=change._meta.label_lower,
        object_id=str(change.pk),
    )


def _notify(producer, change, decision_label, reason):
    """Email the director (and the producer's own address) after commit, through the outbox."""
    context = {"producer": producer, "change": change, "decision_label": decision_label, "reason": reason}
    director_email = producer.director.email if producer.director_id else ""
    for email in dict.fromkeys(e for e in (director_email, producer.email) if e):
        outbox.send(email, DECIDED, context, about=producer)
