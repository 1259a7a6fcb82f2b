"""Which provinces an administrator works for — the one place for the provincial offices' scope.

Since July 2025 Vietnam has 34 provinces, each with its OCOP office. An officer (``OfficerProvince`` rows)
sees and acts on the producers of their provinces only, and on those producers' products, certificates,
applications, registry rows and figures; the national role (``users.see_all_provinces``, or a superuser)
sees all and compares provinces. An administrator with no province and no national role sees no producer:
the scope is closed by default.

A product's province is its producer's (``Partner.province_code``; Oscar links them through the stock
record). Every back-office view and service that lists or acts on producers' data filters through
``scope_producers`` / ``scope_products`` / ``scope_by_province`` and checks single objects with
``check_producer`` (404, so a foreign producer's id reveals nothing).
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _

SEE_ALL_PROVINCES = "users.see_all_provinces"
ALL = None  # provinces_of(user) for the national role: no filter
_MEMO = "_ocop_officer_provinces"


def is_national(user) -> bool:
    return bool(user and user.is_active and (user.is_superuser or user.has_perm(SEE_ALL_PROVINCES)))


def provinces_of(user) -> frozenset[int] | None:
    """The province codes ``user`` works for, or ``ALL`` (None) for the national role; read once per user
    object (one query)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    if is_national(user):
        return ALL
    memo = getattr(user, _MEMO, None)
    if memo is None:
        memo = frozenset(user.officer_provinces.values_list("province_code", flat=True))
        setattr(user, _MEMO, memo)
    return memo


def may_act_in(user, province_code) -> bool:
    """Whether ``user`` may see and act on data of ``province_code`` (None: a producer without a province,
    which only the national role reaches)."""
    provinces = provinces_of(user)
    return provinces is ALL or (province_code is not None and province_code in provinces)


def scope_by_province(queryset, user, field: str = "province_code"):
    """``queryset`` restricted to the rows whose ``field`` (a province code path) is one of the user's."""
    provinces = provinces_of(user)
    if provinces is ALL:
        return queryset
    return queryset.filter(**{f"{field}__in": provinces})


def scope_producers(queryset, user, field: str = ""):
    """Producers (or rows reaching a producer through ``field``, e.g. ``"partner"``) of the user's provinces."""
    return scope_by_province(queryset, user, f"{field}__province_code" if field else "province_code")


def scope_products(queryset, user):
    """Products whose producer (through the stock record) is in the user's provinces."""
    provinces = provinces_of(user)
    if provinces is ALL:
        return queryset
    return queryset.filter(stockrecords__partner__province_code__in=provinces).distinct()


def check_producer(user, producer) -> None:
    """Raise Http404 unless ``user`` may act on ``producer`` (a Partner)."""
    if producer is None or not may_act_in(user, producer.province_code):
        raise Http404(_("Chủ thể này không thuộc tỉnh bạn phụ trách."))
