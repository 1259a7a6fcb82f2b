"""Settlement statements: what the platform owes each producer for one calendar month.

Definitions (a product decision; the tests in ``tests/payments/test_settlements.py`` check them on
known numbers):

- **Period** = a calendar month in Asia/Ho_Chi_Minh: ``period_start`` is its first day and
  ``period_end`` its last day, both inclusive. A moment belongs to the period when its local date
  (Vietnam time) falls between them.
- **A producer's lines** = Oscar order ``Line`` rows with ``partner = producer``; a line's value is
  ``line_price_incl_tax`` (whole đồng).
- **Gross sales** of a period = value of the producer's lines in orders *placed* in the period
  (``order.date_placed``), whatever their status now.
- **Refunds/cancellations** of a period = value of the producer's lines *cancelled* in the period,
  dated by the line's cancellation ``ShippingEvent`` (event type code
  ``shop.core.order_statuses.EVENT_CANCELLED``, its ``date_created``; the first such event if there were
  several), whichever period the order was placed in. Only lines whose status is "cancelled" count.
  So a sale cancelled later reduces the later statement; paid statements never change.
- **Taxable base** = gross − refunds (may be negative).
- **Commission** = base × ``settings.OCOP_PLATFORM_COMMISSION_RATE``.
- **Withholding** (Decree 117/2025) only for producers with ``partner.tax_withheld_by_platform``
  (households, individuals): VAT = base × ``OCOP_WITHHOLDING_VAT_RATE`` (1%), PIT = base ×
  ``OCOP_WITHHOLDING_PIT_RATE`` (0.5%); 0 (rates stored as 0) for cooperatives, cooperative groups
  and enterprises, which declare their own taxes.
- **Rounding rule**: commission, VAT and PIT are each computed in ``Decimal`` and rounded to a whole
  đồng separately with ``shop.core.money.to_dong`` (half up, away from zero: 61.728,5 → 61.729; −0,5 → −1);
  **net** = base − commission − VAT − PIT, so the statement adds up exactly.
- **Rates are copied** onto the statement when computed, with whether withholding applied and the
  producer's kind: changing settings (or the producer's kind) later never changes a paid statement.

Services:

- ``statement_for(producer, year, month)`` computes and stores the statement (update or create)
  unless it is paid — a paid statement is returned unchanged.
- ``prepare_period(year, month)`` does it for every producer with gross sales or refunds in the
  period (and every open statement of the period).
- ``mark_paid(settlement, user, payment_reference)`` — staff with ``payments.change_settlement``
  only, only for a period that has ended, reference required; recomputes one last time, then
  freezes the statement (status paid, ``paid_at``, ``paid_by``). A paid statement cannot be paid
  again.

Every sum is one aggregate query (grouped by producer), never a Python loop over lines.
"""

from __future__ import annotations

import calendar
import datetime
import zoneinfo
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import OuterRef, Subquery, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from payments.models import Settlement
from shop.core import order_statuses as statuses
from shop.core.money import to_dong

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser
    from django.db.models.query import QuerySet

    from shop.partner.models import Partner as PartnerModel

Line = get_model("order", "Line")
Partner = get_model("partner", "Partner")
ShippingEventQuantity = get_model("order", "ShippingEventQuantity")

# Periods are months of Vietnam's calendar, whatever the server's time zone.
PERIOD_TZ = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
CHANGE_PERMISSION = "payments.change_settlement"


class SettlementRefused(Exception):
    """The action is not allowed; ``message`` says why, in Vietnamese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- periods ---------------------------------------------------------------------------------------


def period_bounds(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    """(first day, last day) of the month, both inclusive."""
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, 1), datetime.date(year, month, last)


def local_today(now: datetime.datetime | None = None) -> datetime.date:
    """Today's date in Vietnam."""
    return (now or timezone.now()).astimezone(PERIOD_TZ).date()


def month_of(day: datetime.date) -> tuple[int, int]:
    """(year, month) of a date."""
    return day.year, day.month


def previous_month(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


def day_start(day: datetime.date) -> datetime.datetime:
    """The aware moment a Vietnamese calendar day begins."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=PERIOD_TZ)


def date_range_bounds(date_from: datetime.date, date_to: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """[start, end) aware moments covering the calendar days date_from..date_to in Vietnam time."""
    return day_start(date_from), day_start(date_to + datetime.timedelta(days=1))


def period_has_ended(settlement: Settlement, today: datetime.date | None = None) -> bool:
    return settlement.period_end < (today or local_today())


# --- arithmetic ------------------------------------------------------------------------------------


# A statement's rates and figures mix Decimal rates, whole-đồng ints, a bool and the partner kind: Any values.
def current_rates(producer: PartnerModel) -> dict[str, Any]:
    """The rates that apply to this producer now, from settings (copied onto the statement)."""
    withheld = producer.tax_withheld_by_platform
    zero = Decimal("0")
    return {
        "commission_rate": Decimal(settings.OCOP_PLATFORM_COMMISSION_RATE),
        "vat_rate": Decimal(settings.OCOP_WITHHOLDING_VAT_RATE) if withheld else zero,
        "pit_rate": Decimal(settings.OCOP_WITHHOLDING_PIT_RATE) if withheld else zero,
        "withholding_applies": withheld,
        "partner_kind": producer.kind,
    }


def figures(gross: int, refunds: int, rates: dict[str, Any]) -> dict[str, Any]:
    """Every amount of a statement from gross sales, refunds (whole đồng) and the rates."""
    base = gross - refunds
    commission = to_dong(Decimal(base) * rates["commission_rate"])
    vat = to_dong(Decimal(base) * rates["vat_rate"])
    pit = to_dong(Decimal(base) * rates["pit_rate"])
    return {
        **rates,
        "gross_sales": gross,
        "refunds": refunds,
        "commission": commission,
        "vat_withheld": vat,
        "pit_withheld": pit,
        "net_amount": base - commission - vat - pit,
    }


# --- aggregate queries -----------------------------------------------------------------------------


def _whole(value: Decimal | int | None) -> int:
    return to_dong(value or 0)


def cancellation_moment() -> Subquery:
    """Subquery: when the line was cancelled (its first cancellation shipping event)."""
    return Subquery(
        ShippingEventQuantity.objects.filter(line=OuterRef("pk"), event__event_type__code=statuses.EVENT_CANCELLED)
        .order_by("event__date_created", "event__pk")
        .values("event__date_created")[:1]
    )


def gross_by_producer(
    period_start: datetime.date, period_end: datetime.date, producers: Iterable[int] | None = None
) -> dict[int, int]:
    """{partner id: value of its lines in orders placed from period_start to period_end}."""
    start, end = date_range_bounds(period_start, period_end)
    lines = Line.objects.filter(order__date_placed__gte=start, order__date_placed__lt=end, partner__isnull=False)
    if producers is not None:
        lines = lines.filter(partner__in=producers)
    rows = lines.values("partner_id").annotate(total=Sum("line_price_incl_tax")).order_by()
    return {row["partner_id"]: _whole(row["total"]) for row in rows}


def refunds_by_producer(
    period_start: datetime.date, period_end: datetime.date, producers: Iterable[int] | None = None
) -> dict[int, int]:
    """{partner id: value of its lines cancelled from period_start to period_end}."""
    start, end = date_range_bounds(period_start, period_end)
    lines = (
        Line.objects.filter(status=statuses.LINE_CANCELLED, partner__isnull=False)
        .annotate(cancelled_at=cancellation_moment())
        .filter(cancelled_at__gte=start, cancelled_at__lt=end)
    )
    if producers is not None:
        lines = lines.filter(partner__in=producers)
    rows = lines.values("partner_id").annotate(total=Sum("line_price_incl_tax")).order_by()
    return {row["partner_id"]: _whole(row["total"]) for row in rows}


# --- statements ------------------------------------------------------------------------------------


def _store(
    producer: PartnerModel, period_start: datetime.date, period_end: datetime.date, gross: int, refunds: int
) -> Settlement:
    """Update or create the open statement (caller holds the transaction). Paid → unchanged."""
    existing = Settlement.objects.select_for_update().filter(partner=producer, period_start=period_start).first()
    if existing is not None and existing.is_paid:
        return existing
    values = figures(gross, refunds, current_rates(producer))
    values["period_end"] = period_end
    if existing is None:
        settlement, _created = Settlement.objects.update_or_create(
            partner=producer, period_start=period_start, defaults=values
        )
        return settlement
    for name, value in values.items():
        setattr(existing, name, value)
    existing.save()
    return existing


def statement_for(producer: PartnerModel, year: int, month: int, *, only_if_active: bool = False) -> Settlement | None:
    """The producer's statement for the month, computed now and stored — unless it is paid, in
    which case it is returned unchanged. With ``only_if_active``, a month without sales, refunds
    or a stored statement returns None and stores nothing."""
    period_start, period_end = period_bounds(year, month)
    producers = [producer.pk]
    gross = gross_by_producer(period_start, period_end, producers).get(producer.pk, 0)
    refunds = refunds_by_producer(period_start, period_end, producers).get(producer.pk, 0)
    with transaction.atomic():
        if (
            only_if_active
            and not (gross or refunds)
            and not Settlement.objects.filter(partner=producer, period_start=period_start).exists()
        ):
            return None
        return _store(producer, period_start, period_end, gross, refunds)


def prepare_period(year: int, month: int) -> list[Settlement]:
    """Compute and store every producer's statement for the month: producers with gross sales or
    refunds in it, and those with an open statement for it. Paid statements stay as they are.
    Returns the statements, by producer name."""
    period_start, period_end = period_bounds(year, month)
    gross = gross_by_producer(period_start, period_end)
    refunds = refunds_by_producer(period_start, period_end)
    ids = (
        set(gross)
        | set(refunds)
        | set(Settlement.objects.filter(period_start=period_start).values_list("partner_id", flat=True))
    )
    settlements = []
    with transaction.atomic():
        for producer in Partner.objects.filter(pk__in=ids).order_by("name", "pk"):
            settlements.append(
                _store(producer, period_start, period_end, gross.get(producer.pk, 0), refunds.get(producer.pk, 0))
            )
    return settlements


def refresh_recent(producer: PartnerModel, today: datetime.date | None = None) -> None:
    """Recompute the producer's statements of the running month and the previous one (when they
    have anything to show), so the portal's list is up to date."""
    year, month = month_of(today or local_today())
    for y, m in (previous_month(year, month), (year, month)):
        statement_for(producer, y, m, only_if_active=True)


def can_mark_paid(user: AbstractBaseUser | None) -> bool:
    return bool(user and user.is_active and user.is_staff and user.has_perm(CHANGE_PERMISSION))


def mark_paid(
    settlement: Settlement,
    user: AbstractBaseUser | None,
    payment_reference: str | None,
    today: datetime.date | None = None,
) -> Settlement:
    """Record that the platform paid this statement: recompute it one last time, then freeze it.

    Refused (``PermissionDenied``) for anyone but staff with ``payments.change_settlement``;
    refused (``SettlementRefused``) for a period that has not ended, without a payment reference,
    or when the statement is already paid."""
    if not can_mark_paid(user):
        raise PermissionDenied(_("Chỉ cán bộ quản lý có quyền thanh toán đối soát mới được xác nhận."))
    reference = (payment_reference or "").strip()
    if not reference:
        raise SettlementRefused(_("Hãy nhập mã giao dịch chuyển khoản."))
    max_length = Settlement._meta.get_field("payment_reference").max_length
    if len(reference) > max_length:
        raise SettlementRefused(_("Mã giao dịch dài tối đa %(n)s ký tự.") % {"n": max_length})
    with transaction.atomic():
        locked = Settlement.objects.select_for_update().select_related("partner").get(pk=settlement.pk)
        if locked.is_paid:
            raise SettlementRefused(_("Bảng đối soát này đã được thanh toán."))
        if not period_has_ended(locked, today):
            raise SettlementRefused(
                _("Kỳ đối soát chưa kết thúc: chỉ thanh toán sau ngày %(day)s.")
                % {"day": locked.period_end.strftime("%d/%m/%Y")}
            )
        producers = [locked.partner_id]
        gross = gross_by_producer(locked.period_start, locked.period_end, producers).get(locked.partner_id, 0)
        refunds = refunds_by_producer(locked.period_start, locked.period_end, producers).get(locked.partner_id, 0)
        for name, value in figures(gross, refunds, current_rates(locked.partner)).items():
            setattr(locked, name, value)
        locked.status = Settlement.Status.PAID
        locked.paid_at = timezone.now()
        locked.paid_by = user
        locked.payment_reference = reference
        locked.save()
    return locked


def month_totals(settlements_queryset: QuerySet[Settlement]) -> dict[str, int]:
    """Sums of a set of statements (one aggregate query)."""
    names = ["gross_sales", "refunds", "commission", "vat_withheld", "pit_withheld", "net_amount"]
    totals = settlements_queryset.aggregate(**{name: Sum(name) for name in names})
    totals = {name: totals[name] or 0 for name in names}
    totals["taxable_base"] = totals["gross_sales"] - totals["refunds"]
    totals["count"] = settlements_queryset.count()
    totals["paid"] = settlements_queryset.filter(status=Settlement.Status.PAID).count()
    return totals
