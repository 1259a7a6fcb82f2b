"""Who may work in a producer's portal, for which producer, and what they may do — the one place for that rule.

Access is per (account, producer), never per account: working for one verified producer gives nothing
for another producer the same account belongs to.

- A **member** (``Partner.users``) works for the producer itself: the director (``Partner.director``,
  the representative's account, who invites and removes the others) and the users they invited.
- An **assistant** (``Partner.assistants``, an ``AssistedEntryGrant`` by an administrator: a commune
  official, a post-office agent) acts *on behalf of* the named producer only, while the grant exists
  (removing it ends the access); every change is recorded with both names. Being ``is_staff`` grants
  nothing here: staff must be named like anyone else.
- What a member or assistant may do depends on **the producer's verification status**:

  ============  ======================================================================================
  verified      everything: ``VIEW`` its pages, ``FULFIL`` orders (and keep its team), ``SELL``
                (create and edit products, images, stock and prices, certificates, submit for review)
  suspended     ``VIEW`` and ``FULFIL`` only: orders already placed must still be confirmed, shipped or
                cancelled (its products are off sale, ``verification.suspend_producer``), the team kept;
                no catalogue change (``SELL``) until an administrator verifies it again
  pending,      nothing in the portal: the applicant follows the application on the "sell with us"
  rejected      page (``shop.producers.views``, ``onboarding.open_application_of``)
  ============  ======================================================================================

- Oscar's ``partner.dashboard_access`` permission (granted on verification or assisted entry) is only the
  gate into Oscar's dashboard; it is not the authority for any producer.

Every portal view gets its producer through ``producer_for_request`` / ``manageable_producers`` (producers
the user may ``VIEW``), POSTs need ``SELL`` unless the view says otherwise (``PortalMixin``), and every
service checks ``capacity`` / ``on_behalf_of`` with what it needs — ``SELL`` unless it names less — so one
producer's user can never reach another's data, nor act for a producer that may not act.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
    from django.db.models.query import QuerySet
    from django.http import HttpRequest

    from shop.partner.models import Partner as PartnerModel

    User: TypeAlias = AbstractBaseUser | AnonymousUser  # the request's user: signed in or not

Partner = get_model("partner", "Partner")

MEMBER = "member"
ASSISTANT = "assistant"

# What a user needs to do, from least to most.
VIEW = "view"  # read the producer's portal pages, previews, certificate scans, order invoices
FULFIL = "fulfil"  # confirm, ship, cancel order lines already placed; manage the team
SELL = "sell"  # products, images, stock and prices, certificates, submissions for review

_STATUS = Partner.Verification
ALLOWED = {
    _STATUS.VERIFIED: {VIEW, FULFIL, SELL},
    _STATUS.SUSPENDED: {VIEW, FULFIL},
    _STATUS.PENDING: set(),
    _STATUS.REJECTED: set(),
    _STATUS.UNCLAIMED: set(),  # a registry stub: nobody acts for it until it is claimed (shop.registry)
}


def statuses_allowing(need: str) -> list[str]:
    """The verification statuses under which a producer's people may do ``need``."""
    return [status for status, allowed in ALLOWED.items() if need in allowed]


def allows(producer: PartnerModel | None, need: str) -> bool:
    """Whether the producer's status lets its people do ``need`` at all."""
    return producer is not None and need in ALLOWED.get(producer.verification_status, set())


def refusal(producer: PartnerModel | None, need: str) -> str:
    """A Vietnamese sentence saying why the producer's people may not do ``need`` now."""
    if producer is not None and producer.verification_status == _STATUS.SUSPENDED:
        return _(
            "Chủ thể %(name)s đang bị tạm ngừng: chỉ được xem và xử lý các đơn hàng đã đặt, không được "
            "thay đổi sản phẩm, giá, tồn kho hay giấy chứng nhận."
        ) % {"name": producer.name}
    if producer is not None and producer.verification_status in (_STATUS.PENDING, _STATUS.REJECTED):
        return _("Chủ thể %(name)s chưa được xác minh: chưa được thao tác trên cổng chủ thể.") % {"name": producer.name}
    return _("Bạn không có quyền thao tác cho chủ thể này.")


def manageable_producers(user: User | None, need: str = VIEW) -> QuerySet[PartnerModel]:
    """The producers the user may work for (as member or assistant) with ``need``, as a queryset."""
    if not (user and user.is_authenticated and user.is_active):
        return Partner.objects.none()
    return (
        Partner.objects.filter(Q(users=user) | Q(assistants=user))
        .filter(verification_status__in=statuses_allowing(need))
        .distinct()
        .order_by("name")
    )


def capacity(user: User | None, producer: PartnerModel | None, need: str = SELL) -> str | None:
    """MEMBER, ASSISTANT or None: how the user may do ``need`` for this producer (None when the user
    is not its member or assistant, or the producer's status does not allow ``need``)."""
    if producer is None or not (user and user.is_authenticated and user.is_active):
        return None
    if not allows(producer, need):
        return None
    if producer.users.filter(pk=user.pk).exists():
        return MEMBER
    if producer.assistants.filter(pk=user.pk).exists():
        return ASSISTANT
    return None


def on_behalf_of(user: User | None, producer: PartnerModel | None, need: str = SELL) -> PartnerModel | None:
    """The producer to record as "on behalf of" when the user acts for it, or None for its members.

    Raises PermissionDenied (saying which rule) when the user may not do ``need`` for the producer.
    """
    role = capacity(user, producer, need)
    if role is None:
        # Its own people learn which rule refuses them; anyone else only that they may not.
        raise PermissionDenied(
            refusal(producer, need) if _works_for(user, producer) else _("Bạn không có quyền thao tác cho chủ thể này.")
        )
    return producer if role == ASSISTANT else None


def _works_for(user: User | None, producer: PartnerModel | None) -> bool:
    """Member or assistant of the producer, whatever its status."""
    return (
        producer is not None
        and user is not None
        and user.is_authenticated
        and Partner.objects.filter(Q(users=user) | Q(assistants=user), pk=producer.pk).exists()
    )


def is_director(user: User, producer: PartnerModel | None) -> bool:
    return producer is not None and user.is_authenticated and producer.director_id == user.pk


def producer_for_request(request: HttpRequest, producer_id: int | str | None = None) -> PartnerModel:
    """The producer a portal request works for: the one chosen (``producer_id``, e.g. from the URL
    or the session) if the user may manage it (``manageable_producers``: never a pending or rejected
    one), else their first one. 404 for anything else, so guessing ids reveals nothing."""
    producers = manageable_producers(request.user)
    if producer_id is None:
        producer_id = request.session.get("portal_producer_id")
    if producer_id is not None:
        producer = producers.filter(pk=producer_id).first()
        if producer is not None:
            return producer
    producer = producers.first()
    if producer is None:
        raise Http404(_("Tài khoản này chưa quản lý chủ thể nào đang hoạt động."))
    return producer
