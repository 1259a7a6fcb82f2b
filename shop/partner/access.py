"""Who may work in a producer's portal, and in what capacity — the one place for that rule.

- A **member** (``Partner.users``) works for the producer itself: the director (``Partner.director``,
  the representative's account, who invites and removes the others) and the users they invited.
- An **assistant** (``Partner.assistants``, granted by an administrator: a commune official, a
  post-office agent) acts *on behalf of* the named producer only; every change is recorded with both
  names. Being ``is_staff`` grants nothing here: staff must be named like anyone else.
- Reaching the portal at all needs Oscar's ``partner.dashboard_access`` permission, granted when an
  administrator verifies the producer (``shop.partner.verification``) or grants assisted entry.

Every portal view gets its producer through ``producer_for_request`` / ``manageable_producers`` and
every service checks ``capacity`` — so one producer's user can never reach another's data.
"""
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

Partner = get_model("partner", "Partner")

MEMBER = "member"
ASSISTANT = "assistant"


def manageable_producers(user):
    """The producers the user may work for (as member or assistant), as a queryset."""
    if not (user and user.is_authenticated and user.is_active):
        return Partner.objects.none()
    return Partner.objects.filter(Q(users=user) | Q(assistants=user)).distinct().order_by("name")


def capacity(user, producer):
    """MEMBER, ASSISTANT or None: how the user may act for this producer."""
    if producer is None or not (user and user.is_authenticated and user.is_active):
        return None
    if producer.users.filter(pk=user.pk).exists():
        return MEMBER
    if producer.assistants.filter(pk=user.pk).exists():
        return ASSISTANT
    return None


def on_behalf_of(user, producer):
    """The producer to record as "on behalf of" when the user acts for it, or None for its members.

    Raises PermissionDenied when the user may not act for the producer at all.
    """
    role = capacity(user, producer)
    if role is None:
        raise PermissionDenied(_("Bạn không có quyền thao tác cho chủ thể này."))
    return producer if role == ASSISTANT else None


def is_director(user, producer):
    return producer is not None and user.is_authenticated and producer.director_id == user.pk


def producer_for_request(request, producer_id=None):
    """The producer a portal request works for: the one chosen (``producer_id``, e.g. from the URL
    or the session) if the user may manage it, else their only one. 404 for anything else, so
    guessing ids reveals nothing."""
    producers = manageable_producers(request.user)
    if producer_id is None:
        producer_id = request.session.get("portal_producer_id")
    if producer_id is not None:
        producer = producers.filter(pk=producer_id).first()
        if producer is not None:
            return producer
    producer = producers.first()
    if producer is None:
        raise Http404(_("Tài khoản này chưa quản lý chủ thể nào."))
    return producer
