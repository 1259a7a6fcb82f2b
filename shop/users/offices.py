"""Which provinces an administrator works for — the one place for the provincial offices' scope.

Since July 2025 Vietnam has 34 provinces, each with its OCOP office. An officer (``OfficerProvince`` rows)
sees and acts on the producers of their provinces only, and on those producers' products, certificates,
applications, registry rows and figures; the national role (``users.see_all_provinces``, or a superuser)
sees all and compares provinces. An administrator with no province and no national role sees no producer:
the scope is closed by default.

A product's province is its producer's (``Partner.province_code``; Oscar links them through the stock
record). Every back-office view and service that lists or acts on producers' data filters through
``scope_producers`` / ``scope_products`` / ``scope_by_province`` and checks single objects with
``check_producer`` (404, so a foreign producer's id reveals nothing); services acting for a reviewer
(``catalogue.ocop.workflow``, ``shop.producers.verification``) refuse through ``may_act_in`` too. Only the
national role assigns officers to provinces (``assign``/``unassign``: who and when, logged).
"""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.core import addresses

logger = logging.getLogger(__name__)

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
    return products_in(queryset, provinces_of(user))


def products_in(queryset, provinces, product: str = "pk"):
    """Rows of ``queryset`` whose product (``product``: the path to it) has a producer in ``provinces``
    (``ALL``: no filter)."""
    if provinces is ALL:
        return queryset
    return queryset.filter(Exists(_stock_in(provinces, OuterRef(product))))


def scope_certificates(queryset, user):
    """OCOP certificates whose product's producer is in the user's provinces."""
    return products_in(queryset, provinces_of(user), "product")


def _stock_in(provinces, product):
    """Stock records of ``product`` held by a producer of ``provinces`` (an EXISTS, so no row is doubled)."""
    return get_model("partner", "StockRecord").objects.filter(product=product, partner__province_code__in=provinces)


def check_producer(user, producer) -> None:
    """Raise Http404 unless ``user`` may act on ``producer`` (a Partner)."""
    if producer is None or not may_act_in(user, producer.province_code):
        raise Http404(_("Chủ thể này không thuộc tỉnh bạn phụ trách."))


def shown_province(user, requested):
    """The one province whose figures a page shows: ``requested`` if the user may see it; otherwise, for an
    officer, their first province; for the national role without a choice, None (the national table)."""
    provinces = provinces_of(user)
    if requested is not None and may_act_in(user, requested):
        return requested
    if provinces is ALL or not provinces:
        return None
    return min(provinces)


def province_choices(user):
    """(code, name) of the provinces ``user`` may see, by name: the 34 for the national role."""
    provinces = provinces_of(user)
    return [(code, name) for code, name in addresses.province_choices() if provinces is ALL or code in provinces]


def province_param(value):
    """A province code from a query string, or None when absent or not a number."""
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


# --- Assigning officers to provinces (the national role, page ``ocop-officers``) ---------------------


ASSIGN_OFFICERS = "users.add_officerprovince"


def may_assign(user) -> bool:
    """Only the national role assigns officers to provinces."""
    return is_national(user) and user.has_perm(ASSIGN_OFFICERS)


def officers():
    """Staff accounts that work or may work for an office (the review permission, or a province already),
    with their provinces and who assigned them; by email."""
    OfficerProvince = get_model("users", "OfficerProvince")
    reviewer = Q(user_permissions__codename="review_ocop_product") | Q(
        groups__permissions__codename="review_ocop_product"
    )
    assigned = OfficerProvince.objects.select_related("assigned_by").order_by("province_code")
    staff = get_user_model().objects.filter(is_staff=True, is_active=True)
    return (
        staff.filter(pk__in=staff.filter(reviewer | Q(officer_provinces__isnull=False)).values("pk"))
        .prefetch_related(Prefetch("officer_provinces", queryset=assigned))
        .order_by("email")
    )


def assign(officer, province_code, by):
    """``officer`` works for ``province_code`` from now on; recorded with who assigned them and when."""
    if not may_assign(by):
        raise PermissionDenied(_("Chỉ cán bộ cấp trung ương mới phân công cán bộ theo tỉnh."))
    OfficerProvince = get_model("users", "OfficerProvince")
    if not addresses.province_name(province_code):
        raise ValidationError(_("Mã tỉnh/thành phố %(code)s không có trong danh mục 2025.") % {"code": province_code})
    if not officer.is_staff:
        raise ValidationError(_("Chỉ tài khoản quản trị mới được phân công phụ trách một tỉnh."))
    try:
        with transaction.atomic():
            row = OfficerProvince.objects.create(user=officer, province_code=province_code, assigned_by=by)
    except IntegrityError:
        raise ValidationError(
            _("%(email)s đã phụ trách %(province)s.")
            % {"email": officer.email, "province": addresses.province_name(province_code)}
        )
    _log("assigned", row, by)
    return row


def unassign(row, by):
    """End an officer's work for a province (the row goes; the log keeps who ended it and when)."""
    if not may_assign(by):
        raise PermissionDenied(_("Chỉ cán bộ cấp trung ương mới phân công cán bộ theo tỉnh."))
    _log("unassigned", row, by)
    row.delete()


def _log(event, row, by):
    logger.info(
        "officer province %s",
        event,
        extra={"officer": row.user_id, "province_code": row.province_code, "by": getattr(by, "pk", None)},
    )
