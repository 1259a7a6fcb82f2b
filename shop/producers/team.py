"""A producer's team: the director invites and removes users; administrators name assistants.

- Only the director (``Partner.director``) invites (an email with a one-time link valid 7 days),
  revokes invitations and removes users — never themself.
- Accepting an invitation needs the account with the invited email; it adds the account to the
  producer's users and opens the portal if the producer is verified.
- Assisted entry: an administrator (``partner.change_partner``) lets an existing account act on
  behalf of one named producer (``AssistedEntryGrant``), which opens the portal; revoking closes it
  again unless the account still works for another producer.
"""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.notifications import outbox
from shop.partner import access, activity
from shop.producers import onboarding

Partner = get_model("partner", "Partner")
ProducerInvitation = get_model("partner", "ProducerInvitation")
AssistedEntryGrant = get_model("partner", "AssistedEntryGrant")

INVITATION = "OCOP_INVITATION"
INVITATION_VALIDITY = datetime.timedelta(days=7)
MANAGE_GRANTS_PERMISSION = "partner.change_partner"


class InvitationUnusable(Exception):
    """The invitation link cannot be used (expired, revoked, already used): the message says why."""


def _check_director(user, producer):
    if not access.is_director(user, producer):
        raise PermissionDenied(_("Chỉ người đại diện của chủ thể mới được mời hoặc xoá người dùng."))


def pending_invitations(producer):
    return ProducerInvitation.objects.filter(
        partner=producer, accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
    )


def accept_path(token):
    with translation.override(settings.LANGUAGE_CODE):
        return reverse("selling:invitation", kwargs={"token": token})


def _send_email(email, event_code, context):
    """Email one address (not the producer's users) in Vietnamese, through the outbox (sent after commit)."""
    outbox.send(email, event_code, context, language=settings.LANGUAGE_CODE)


# --- Invitations ----------------------------------------------------------------------------


def invite(producer, user, email, site_url=None):
    """The director invites ``email``; returns the invitation. The email carries the accept link."""
    User = get_user_model()
    email = User.objects.normalize_email((email or "").strip())
    with transaction.atomic():
        producer = Partner.objects.select_for_update().get(pk=producer.pk)
        _check_director(user, producer)
        if producer.users.filter(email__iexact=email).exists():
            raise ValidationError(
                {"email": _("%(email)s đã là người dùng của %(name)s.") % {"email": email, "name": producer.name}}
            )
        if pending_invitations(producer).filter(email__iexact=email).exists():
            raise ValidationError(
                {
                    "email": _("Đã có lời mời đang chờ gửi tới %(email)s. Huỷ lời mời đó nếu muốn gửi lại.")
                    % {"email": email}
                }
            )
        now = timezone.now()
        invitation = ProducerInvitation.objects.create(
            partner=producer,
            email=email,
            token=secrets.token_urlsafe(32),
            invited_by=user,
            expires_at=now + INVITATION_VALIDITY,
        )
        activity.record(
            user,
            producer,
            "invitation_sent",
            _("Mời %(email)s làm người dùng của cơ sở") % {"email": email},
            invitation,
        )
        base = (site_url or settings.WAGTAILADMIN_BASE_URL).rstrip("/")
        _send_email(
            email,
            INVITATION,
            {
                "producer": producer,
                "invitation": invitation,
                "invited_by": user,
                "accept_url": base + accept_path(invitation.token),
            },
        )
    return invitation


def revoke_invitation(invitation, user):
    with transaction.atomic():
        invitation = ProducerInvitation.objects.select_for_update().select_related("partner").get(pk=invitation.pk)
        _check_director(user, invitation.partner)
        if invitation.accepted_at or invitation.revoked_at:
            raise ValidationError(_("Lời mời này đã được dùng hoặc đã huỷ."))
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        activity.record(
            user,
            invitation.partner,
            "invitation_revoked",
            _("Huỷ lời mời gửi tới %(email)s") % {"email": invitation.email},
            invitation,
        )
    return invitation


def check_usable(invitation):
    if invitation.revoked_at:
        raise InvitationUnusable(_("Lời mời này đã bị người đại diện huỷ. Hãy xin một lời mời mới."))
    if invitation.accepted_at:
        raise InvitationUnusable(_("Lời mời này đã được dùng. Mỗi lời mời chỉ dùng được một lần."))
    if invitation.expires_at <= timezone.now():
        raise InvitationUnusable(_("Lời mời này đã hết hạn (sau 7 ngày). Hãy xin người đại diện gửi lời mời mới."))


def email_matches(invitation, user):
    return bool(user and user.is_authenticated and user.email.lower() == invitation.email.lower())


def accept_invitation(invitation, user):
    """The invited account joins the producer; the portal opens if the producer is verified."""
    with transaction.atomic():
        invitation = ProducerInvitation.objects.select_for_update().get(pk=invitation.pk)
        check_usable(invitation)
        if not email_matches(invitation, user):
            raise PermissionDenied(
                _("Lời mời này gửi tới %(email)s. Hãy đăng nhập bằng đúng email đó.") % {"email": invitation.email}
            )
        producer = invitation.partner
        producer.users.add(user)
        if producer.is_verified:
            onboarding.grant_portal_access([user])
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        activity.record(
            user,
            producer,
            "invitation_accepted",
            _("%(email)s nhận lời mời và trở thành người dùng của cơ sở") % {"email": user.email},
            invitation,
        )
    return producer


def remove_user(producer, user, member):
    """The director removes one of the producer's users (never the director)."""
    with transaction.atomic():
        producer = Partner.objects.select_for_update().get(pk=producer.pk)
        _check_director(user, producer)
        if member.pk == producer.director_id:
            raise ValidationError(_("Không thể xoá người đại diện của chủ thể."))
        if not producer.users.filter(pk=member.pk).exists():
            raise ValidationError(_("Người này không thuộc chủ thể."))
        producer.users.remove(member)
        activity.record(
            user,
            producer,
            "user_removed",
            _("Xoá %(name)s (%(email)s) khỏi cơ sở") % {"name": member, "email": member.email},
        )
        onboarding.drop_portal_access_if_unused(member)
    return producer


# --- Assisted entry (administrators) ----------------------------------------------------------


def _check_grant_manager(user):
    if not (user and user.is_active and user.is_staff and user.has_perm(MANAGE_GRANTS_PERMISSION)):
        raise PermissionDenied(_("Chỉ quản trị viên được cấp quyền nhập liệu hỗ trợ."))


def grant_assisted_entry(producer, email, user, note=""):
    """Let the existing account ``email`` act on behalf of ``producer``; returns the grant."""
    User = get_user_model()
    _check_grant_manager(user)
    with transaction.atomic():
        producer = Partner.objects.select_for_update().get(pk=producer.pk)
        assistant = User.objects.filter(email__iexact=(email or "").strip(), is_active=True).first()
        if assistant is None:
            raise ValidationError(
                {
                    "email": _("Chưa có tài khoản nào với email %(email)s. Người đó cần đăng ký tài khoản trước.")
                    % {"email": email}
                }
            )
        if producer.users.filter(pk=assistant.pk).exists():
            raise ValidationError(
                {
                    "email": _("%(email)s đã là người dùng của %(name)s.")
                    % {"email": assistant.email, "name": producer.name}
                }
            )
        if AssistedEntryGrant.objects.filter(partner=producer, user=assistant).exists():
            raise ValidationError(
                {
                    "email": _("%(email)s đã được phép nhập liệu cho %(name)s.")
                    % {"email": assistant.email, "name": producer.name}
                }
            )
        grant = AssistedEntryGrant.objects.create(
            partner=producer, user=assistant, granted_by=user, note=(note or "").strip()
        )
        onboarding.grant_portal_access([assistant])
    return grant


def revoke_assisted_entry(grant, user):
    _check_grant_manager(user)
    with transaction.atomic():
        grant = AssistedEntryGrant.objects.select_for_update().select_related("user").get(pk=grant.pk)
        assistant = grant.user
        grant.delete()
        onboarding.drop_portal_access_if_unused(assistant)
    return assistant
