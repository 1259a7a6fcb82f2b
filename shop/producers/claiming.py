"""Claiming a producer known from the province's OCOP registry — the one place for who may take over a stub.

A registry import (``shop.registry.importer``) creates producers nobody manages yet (``Partner.Verification.
UNCLAIMED``: no account, no portal). Their owner takes one over here:

1. ``invite_to_claim`` — after an import, one invitation (email if the registry gave one, else an SMS) with the
   claim link; recorded in ``users.ClaimInvitation``, so never sent twice.
2. ``find_claimable`` — the owner, signed in, finds the stub by province and name or registration number. Only
   unclaimed stubs are listed, with no more than the public registry shows (name, commune, province).
3. ``request_code`` — they type the registration number (it must match the registry's; when the registry had
   none the office checks the claimant by other means, and the claim says so) and pick the phone or email on
   record (shown masked). A 6-digit code goes out through the outbox (``OCOP_SMS_BACKEND`` for SMS); it is kept
   only as a keyed hash, expires after ``CODE_VALIDITY`` and allows ``MAX_ATTEMPTS`` tries. Codes are limited
   per account and per stub (``settings.OCOP_THROTTLES`` "claim-account", "claim-producer").
4. ``confirm_code`` — the right code makes the account the producer's director and member, and the producer
   **PENDING**: a code proves control of the phone or email the registry lists, not who runs the business
   today (numbers change hands, registries are out of date), so the provincial office still verifies it on its
   usual page (``shop.producers.verification.verify_producer``), reading the proven ``ProducerClaim`` as
   evidence. Verification then opens the portal (``shop.partner.access``, unchanged).

A stub can also be listed without its owner: the office grants assisted entry (``shop.producers.communes``).
"""

from __future__ import annotations

import datetime
import hmac
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.core.text import fold
from shop.core.throttle import Throttle
from shop.notifications import channels, outbox
from shop.producers.onboarding import normalise_registration_number

Partner = get_model("partner", "Partner")
ProducerClaim = get_model("users", "ProducerClaim")
ClaimInvitation = get_model("users", "ClaimInvitation")

CODE_VALIDITY = datetime.timedelta(minutes=15)
MAX_ATTEMPTS = 5
MAX_RESULTS = 20
INVITATION_EVENT = "OCOP_CLAIM_INVITATION"
CODE_EVENT = "OCOP_CLAIM_CODE"
SMS, EMAIL = ProducerClaim.Channel.SMS, ProducerClaim.Channel.EMAIL
CODES_PER_ACCOUNT = Throttle("claim-account")
CODES_PER_PRODUCER = Throttle("claim-producer")


class ClaimRefused(Exception):
    """The claim step cannot go on; the message (Vietnamese) says why and what to do."""


# --- What may be shown --------------------------------------------------------------------------


def mask_phone(phone: str) -> str:
    """ "0912 345 123" → "09****123": enough for the owner to recognise, not to call."""
    digits = "".join(char for char in phone or "" if char.isdigit())
    return f"{digits[:2]}****{digits[-3:]}" if len(digits) >= 6 else "****"


def mask_email(email: str) -> str:
    """ "hoa.nguyen@example.vn" → "h***@example.vn"."""
    local, _at, domain = (email or "").partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


def contact_options(producer) -> list[tuple[str, str]]:
    """(channel, masked address) for each way of sending a code that the registry has on record."""
    options = []
    if producer.phone and channels.sms_available():
        options.append((SMS, _("Tin nhắn tới số %(phone)s") % {"phone": mask_phone(producer.phone)}))
    if producer.email:
        options.append((EMAIL, _("Email tới %(email)s") % {"email": mask_email(producer.email)}))
    return options


def is_claimable(producer) -> bool:
    return producer is not None and producer.verification_status == Partner.Verification.UNCLAIMED


def find_claimable(province_code, query, limit=MAX_RESULTS):
    """Unclaimed stubs of the province whose registration number is ``query`` or whose name contains it
    (accents and case ignored)."""
    query = (query or "").strip()
    if not province_code or len(query) < 3:
        return []
    stubs = Partner.objects.filter(province_code=province_code, verification_status=Partner.Verification.UNCLAIMED)
    number = normalise_registration_number(query)
    by_number = list(stubs.filter(registration_number__iexact=number)[:limit])
    if by_number:
        return by_number
    wanted = fold(query)
    rows = stubs.only("pk", "name", "ward_code", "province_code").order_by("name")
    return [stub for stub in rows if wanted in fold(stub.name)][:limit]


def claim_url(producer) -> str:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override(settings.LANGUAGE_CODE):
        return base + reverse("selling:claim", kwargs={"pk": producer.pk})


# --- 1. The invitation -----------------------------------------------------------------------------


def invite_to_claim(producer):
    """Queue the one invitation to claim ``producer`` (an unclaimed stub) to the email or, without one, the phone
    the registry gives; returns the ``ClaimInvitation``, or None when nothing was sent (already invited, not a
    stub, no address, or notifications paused for a bulk import — then a later call sends it)."""
    if outbox.is_paused() or not is_claimable(producer) or not (producer.email or producer.phone):
        return None
    if ClaimInvitation.objects.filter(partner=producer).exists():
        return None
    channel, recipient = (EMAIL, producer.email) if producer.email else (SMS, producer.phone)
    if channel == SMS and not channels.sms_available():
        return None  # no SMS provider: the office tells the owner (the per-commune page lists unclaimed stubs)
    context = {"name": producer.name, "url": claim_url(producer), "site": settings.OSCAR_SHOP_NAME}
    body = _(
        "%(site)s: cơ sở %(name)s có trong danh sách sản phẩm OCOP của tỉnh. Để tự quản lý và bán sản phẩm trên "
        "sàn, hãy nhận quản lý cơ sở tại %(url)s (cần mã số đăng ký kinh doanh)."
    )
    with translation.override(settings.LANGUAGE_CODE):
        messages = {
            "subject": _("[%(site)s] Mời nhận quản lý %(name)s") % context,
            "body": body % context,
        }
    try:
        with transaction.atomic():
            invitation = ClaimInvitation.objects.create(partner=producer, channel=channel, recipient=recipient)
            outbox.queue(
                recipient, INVITATION_EVENT, messages, language=settings.LANGUAGE_CODE, about=producer, channel=channel
            )
    except IntegrityError:  # invited by a concurrent call
        return None
    return invitation


# --- 2. The code -----------------------------------------------------------------------------------


def _hash(claim_pk, code) -> str:
    return salted_hmac("ocop-producer-claim", f"{claim_pk}:{code}").hexdigest()


def _check_registration_number(producer, typed) -> bool:
    """True when the registry's number was typed; False when the registry has none (the office checks)."""
    on_record = normalise_registration_number(producer.registration_number)
    if not on_record:
        return False
    if normalise_registration_number(typed) != on_record:
        raise ClaimRefused(
            _(
                "Mã số đăng ký kinh doanh không khớp với danh sách OCOP của tỉnh. Hãy kiểm tra giấy chứng nhận đăng "
                "ký kinh doanh (hoặc mã số thuế) của cơ sở."
            )
        )
    return True


def _check_throttles(user, producer):
    if CODES_PER_ACCOUNT.exceeded(user.pk) or CODES_PER_PRODUCER.exceeded(producer.pk):
        minutes = max(CODES_PER_ACCOUNT.window, CODES_PER_PRODUCER.window) // 60
        raise ClaimRefused(
            _("Đã gửi quá nhiều mã hoặc nhập sai quá nhiều lần. Vui lòng thử lại sau %(minutes)s phút.")
            % {"minutes": minutes}
        )


def request_code(producer, user, *, registration_number, channel):
    """Check the registration number and send a new 6-digit code to the chosen address on record; returns the
    open ``ProducerClaim`` (one per account and stub: a new code replaces the old and resets the attempts)."""
    _check_throttles(user, producer)
    if not is_claimable(producer):
        raise ClaimRefused(_("Chủ thể này đã có người nhận quản lý hoặc không có trong danh sách chờ nhận."))
    try:
        matched = _check_registration_number(producer, registration_number)
    except ClaimRefused:
        CODES_PER_ACCOUNT.hit(user.pk)
        raise
    if channel not in dict(contact_options(producer)):  # on record, and SMS only with a provider
        raise ClaimRefused(_("Hãy chọn số điện thoại hoặc email có trong danh sách để nhận mã."))
    recipient = {SMS: producer.phone, EMAIL: producer.email}[channel]
    code = f"{secrets.randbelow(10**6):06d}"
    now = timezone.now()
    with transaction.atomic():
        claim = ProducerClaim.objects.filter(user=user, partner=producer, proven_at__isnull=True).first()
        if claim is None:
            claim = ProducerClaim(user=user, partner=producer)
        claim.channel = channel
        claim.destination = mask_phone(recipient) if channel == SMS else mask_email(recipient)
        claim.registration_number_matched = matched
        claim.code_sent_at, claim.code_expires_at, claim.attempts = now, now + CODE_VALIDITY, 0
        claim.save()
        claim.code_hash = _hash(claim.pk, code)
        claim.save(update_fields=["code_hash"])
        _send_code(producer, recipient, channel, code)
    CODES_PER_ACCOUNT.hit(user.pk)
    CODES_PER_PRODUCER.hit(producer.pk)
    return claim


def _send_code(producer, recipient, channel, code):
    context = {"code": code, "name": producer.name, "minutes": int(CODE_VALIDITY.total_seconds() // 60)}
    with translation.override(settings.LANGUAGE_CODE):
        messages = {
            "subject": _("Mã xác nhận nhận quản lý %(name)s") % context,
            "body": _(
                "Mã xác nhận nhận quản lý %(name)s trên OCOP Market: %(code)s (hiệu lực %(minutes)s phút). "
                "Không đưa mã này cho ai. Nếu bạn không yêu cầu, hãy bỏ qua."
            )
            % context,
        }
    outbox.queue(recipient, CODE_EVENT, messages, language=settings.LANGUAGE_CODE, about=producer, channel=channel)


def open_claim(producer, user):
    """The account's claim on the producer waiting for its code, or None."""
    if user is None or not user.is_authenticated:
        return None
    return ProducerClaim.objects.filter(user=user, partner=producer, proven_at__isnull=True).first()


# --- 3. Proving it ---------------------------------------------------------------------------------


def confirm_code(producer, user, code):
    """Check the code of the account's open claim. Right: the account becomes the producer's director and
    member and the producer goes to PENDING for the office to verify; returns the proven claim. Wrong, expired or
    too many attempts: ``ClaimRefused`` (a wrong try is counted even so)."""
    refusal = None
    with transaction.atomic():
        producer = Partner.objects.select_for_update().get(pk=producer.pk)
        claim = (
            ProducerClaim.objects.select_for_update()
            .filter(user=user, partner=producer, proven_at__isnull=True)
            .first()
        )
        if not is_claimable(producer):
            raise ClaimRefused(_("Chủ thể này đã có người nhận quản lý hoặc không có trong danh sách chờ nhận."))
        if claim is None or not claim.code_hash:
            raise ClaimRefused(_("Chưa có mã xác nhận nào được gửi. Hãy yêu cầu mã trước."))
        if claim.attempts >= MAX_ATTEMPTS:
            raise ClaimRefused(_("Đã nhập sai mã %(count)s lần. Hãy yêu cầu mã mới.") % {"count": MAX_ATTEMPTS})
        if claim.code_expires_at <= timezone.now():
            raise ClaimRefused(_("Mã đã hết hạn (sau 15 phút). Hãy yêu cầu mã mới."))
        typed = "".join((code or "").split())
        if not hmac.compare_digest(claim.code_hash, _hash(claim.pk, typed)):
            claim.attempts += 1
            claim.save(update_fields=["attempts"])  # committed: the refusal is raised after the block
            left = MAX_ATTEMPTS - claim.attempts
            refusal = (
                _("Mã không đúng. Còn %(left)s lần thử.") % {"left": left}
                if left
                else _("Mã không đúng. Đã nhập sai %(count)s lần: hãy yêu cầu mã mới.") % {"count": MAX_ATTEMPTS}
            )
        else:
            _take_over(producer, user, claim)
    if refusal:
        raise ClaimRefused(refusal)
    return claim


def _take_over(producer, user, claim):
    now = timezone.now()
    claim.proven_at, claim.code_hash = now, ""
    claim.save(update_fields=["proven_at", "code_hash"])
    producer.verification_status = Partner.Verification.PENDING
    producer.verification_reason = _("Nhận quản lý từ danh sách OCOP của tỉnh (mã xác nhận gửi qua %(channel)s).") % {
        "channel": claim.get_channel_display()
    }
    producer.applied_at = now
    fields = ["verification_status", "verification_reason", "applied_at"]
    if producer.director_id is None:
        producer.director = user
        fields.append("director")
    producer.save(update_fields=fields)
    producer.users.add(user)
