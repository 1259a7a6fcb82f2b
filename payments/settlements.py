"""Settlement statements: what the platform owes each producer for one calendar month.

Definitions (a product decision; the tests in ``tests/payments/test_settlements.py`` check them on
known numbers):

- **Period** = a calendar month in Asia/Ho_Chi_Minh: ``period_start`` is its first day and
  ``period_end`` its last day, both inclusive. A moment belongs to the period when its local date
  (Vietnam time) falls between them.
- **A producer's lines** = Oscar order ``Line`` rows with ``partner = producer``; a line's value is
  ``line_price_incl_tax`` (whole đồng).
- **Amounts received** (Decree 117/2025/NĐ-CP, Article 5 clause 1: tax is withheld when the
  transaction succeeds and the payment is accepted): a line counts in the period its money was
  received — the first order ``PaymentEvent`` "paid" naming it (written by ``payments.states`` when a
  gateway confirms, a transfer is matched, or an administrator records the cash of a COD order on
  delivery), by its ``date_created``. A line cancelled *before* its order was paid was never received
  (the paid event names every line of the order) and does not count. Orders never paid count nothing.
- **Refunds** of a period = value of the producer's lines named by a "refund" ``PaymentEvent``
  (``payments.refunds``) dated in the period, whichever period the money came in; a line cancelled
  before any money was taken has no refund and was never received. A refund of a sale received in an
  earlier month reduces the later statement (Decree 117 lets cancelled/returned transactions be set off
  in the period); paid statements never change.
- **Gross sales** (on the statement) = amounts received; **taxable base** = received − refunds (may be
  negative). Both per tax business category (``payments.tax_rates.line_category_expression``: the
  product's own, its parent's, its class's; a deleted product's line at the highest rates).
- **Commission** = base × ``settings.OCOP_PLATFORM_COMMISSION_RATE``.
- **Withholding** only for producers with ``partner.tax_withheld_by_platform`` (households,
  individuals): per category, VAT = category base × its VAT rate, PIT = category base × its PIT rate,
  rates from ``payments.tax_rates.rates_on(category, period_start)`` (rates in force on the period's
  first day: ``RateRow`` refuses a change that is not on a month start). 0 for cooperatives, cooperative groups and
  enterprises, which invoice and declare their own taxes. Each category's part is stored as a
  ``SettlementTaxLine``; the statement's VAT and PIT are their sums, its ``vat_rate``/``pit_rate`` the
  rates when the base is of one category only (else 0: see the lines).
- A household or individual needs a tax code or a citizen ID before its statement is paid.
- **Rounding rule**: commission and each category's VAT and PIT are computed in ``Decimal`` and rounded
  to a whole đồng separately with ``shop.core.money.to_dong`` (half up, away from zero: 61.728,5 →
  61.729; −0,5 → −1); **net** = base − commission − VAT − PIT, so the statement adds up exactly.
- **Rates are copied** onto the statement and its lines when computed, with whether withholding
  applied and the producer's kind: changing the table (or the producer's kind) later never changes a
  paid statement.

Services:

- ``statement_for(producer, year, month)`` computes and stores the statement (update or create)
  unless it is paid — a paid statement is returned unchanged.
- ``prepare_period(year, month)`` does it for every producer with gross sales or refunds in the
  period (and every open statement of the period).
- ``mark_paid(settlement, user, payment_reference)`` — staff with ``payments.change_settlement``
  only, only for a period that has ended, reference required; recomputes one last time, then
  freezes the statement (status paid, ``paid_at``, ``paid_by``, the producer's account it was paid
  into). A paid statement cannot be paid again. ``payment_refusal`` is its one rule of what cannot be
  paid; ``payments.payouts`` builds the QR, the bank batch file and batch marking on top of it.

Every sum is one aggregate query (grouped by producer and category), never a Python loop over lines.
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
from django.db.models import F, OuterRef, Q, Subquery, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from payments import tax_rates
from payments.models import Settlement, SettlementTaxLine
from payments.states import PAID_EVENT_CODE
from shop.core import order_statuses as statuses
from shop.core.money import to_dong

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser
    from django.db.models.query import QuerySet

    from shop.partner.models import Partner as PartnerModel

Line = get_model("order", "Line")
Partner = get_model("partner", "Partner")
ShippingEventQuantity = get_model("order", "ShippingEventQuantity")
PaymentEventQuantity = get_model("order", "PaymentEventQuantity")

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

# {category: (received, refunded)} in whole đồng.
Amounts = dict[str, tuple[int, int]]


# A statement's rates and figures mix Decimal rates, whole-đồng ints, a bool and the partner kind: Any values.
def current_rates(producer: PartnerModel) -> dict[str, Any]:
    """What applies to this producer now (copied onto the statement): commission rate, whether tax is
    withheld, the producer's kind."""
    return {
        "commission_rate": Decimal(settings.OCOP_PLATFORM_COMMISSION_RATE),
        "withholding_applies": producer.tax_withheld_by_platform,
        "partner_kind": producer.kind,
    }


def tax_lines(amounts: Amounts, withheld: bool, day: datetime.date) -> list[dict[str, Any]]:
    """One dict per category with received, refunds, the rates on ``day`` and the tax withheld."""
    lines = []
    for category in sorted(amounts):
        gross, refunds = amounts[category]
        base = gross - refunds
        if withheld:
            row = tax_rates.rates_on(category, day)
            vat_rate, pit_rate, source = row.vat_rate, row.pit_rate, row.source
        else:
            vat_rate, pit_rate, source = Decimal(0), Decimal(0), ""
        lines.append(
            {
                "category": category,
                "gross_sales": gross,
                "refunds": refunds,
                "vat_rate": vat_rate,
                "pit_rate": pit_rate,
                "vat_withheld": to_dong(Decimal(base) * vat_rate),
                "pit_withheld": to_dong(Decimal(base) * pit_rate),
                "rate_source": source,
            }
        )
    return lines


def figures(amounts: Amounts, rates: dict[str, Any], day: datetime.date) -> dict[str, Any]:
    """Every amount of a statement from the received/refunded amounts per category (whole đồng), the
    producer's rates and the day whose withholding rates apply. ``tax_lines`` holds the categories."""
    lines = tax_lines(amounts, rates["withholding_applies"], day)
    gross = sum(line["gross_sales"] for line in lines)
    refunds = sum(line["refunds"] for line in lines)
    base = gross - refunds
    commission = to_dong(Decimal(base) * rates["commission_rate"])
    vat = sum(line["vat_withheld"] for line in lines)
    pit = sum(line["pit_withheld"] for line in lines)
    single = lines[0] if len(lines) == 1 else None
    return {
        **rates,
        "vat_rate": single["vat_rate"] if single else Decimal(0),
        "pit_rate": single["pit_rate"] if single else Decimal(0),
        "gross_sales": gross,
        "refunds": refunds,
        "commission": commission,
        "vat_withheld": vat,
        "pit_withheld": pit,
        "net_amount": base - commission - vat - pit,
        "tax_lines": lines,
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


def payment_moment(code: str) -> Subquery:
    """Subquery: the first order payment event of type ``code`` naming the line."""
    return Subquery(
        PaymentEventQuantity.objects.filter(line=OuterRef("pk"), event__event_type__code=code)
        .order_by("event__date_created", "event__pk")
        .values("event__date_created")[:1]
    )


def received_lines(period_start: datetime.date, period_end: datetime.date) -> QuerySet:
    """Producers' lines whose money was received in the period (and not cancelled before that)."""
    start, end = date_range_bounds(period_start, period_end)
    return (
        Line.objects.filter(partner__isnull=False)
        .annotate(received_at=payment_moment(PAID_EVENT_CODE), cancelled_at=cancellation_moment())
        .filter(received_at__gte=start, received_at__lt=end)
        .filter(Q(cancelled_at__isnull=True) | Q(cancelled_at__gte=F("received_at")))
    )


def refunded_lines(period_start: datetime.date, period_end: datetime.date) -> QuerySet:
    """Producers' lines whose money went back to the buyer in the period."""
    start, end = date_range_bounds(period_start, period_end)
    return (
        Line.objects.filter(partner__isnull=False)
        .annotate(refunded_at=payment_moment(statuses.PAYMENT_EVENT_REFUND))
        .filter(refunded_at__gte=start, refunded_at__lt=end)
    )


def _by_producer_category(lines: QuerySet, producers: Iterable[int] | None) -> dict[int, dict[str, int]]:
    if producers is not None:
        lines = lines.filter(partner__in=producers)
    rows = (
        lines.annotate(tax_category=tax_rates.line_category_expression())
        .values("partner_id", "tax_category")
        .annotate(total=Sum("line_price_incl_tax"))
        .order_by()
    )
    result: dict[int, dict[str, int]] = {}
    for row in rows:
        result.setdefault(row["partner_id"], {})[row["tax_category"]] = _whole(row["total"])
    return result


def amounts_by_producer(
    period_start: datetime.date, period_end: datetime.date, producers: Iterable[int] | None = None
) -> dict[int, Amounts]:
    """{partner id: {category: (received, refunded)}} for the period (two grouped queries)."""
    producers = list(producers) if producers is not None else None
    received = _by_producer_category(received_lines(period_start, period_end), producers)
    refunded = _by_producer_category(refunded_lines(period_start, period_end), producers)
    result: dict[int, Amounts] = {}
    for partner_id in set(received) | set(refunded):
        got, back = received.get(partner_id, {}), refunded.get(partner_id, {})
        result[partner_id] = {category: (got.get(category, 0), back.get(category, 0)) for category in {*got, *back}}
    return result


# --- statements ------------------------------------------------------------------------------------


def _apply(settlement: Settlement, amounts: Amounts) -> Settlement:
    """Write the figures onto the (locked, open) statement and replace its category lines."""
    values = figures(amounts, current_rates(settlement.partner), settlement.period_start)
    lines = values.pop("tax_lines")
    for name, value in values.items():
        setattr(settlement, name, value)
    settlement.save()
    settlement.tax_lines.all().delete()
    SettlementTaxLine.objects.bulk_create([SettlementTaxLine(settlement=settlement, **line) for line in lines])
    return settlement


def _store(
    producer: PartnerModel, period_start: datetime.date, period_end: datetime.date, amounts: Amounts
) -> Settlement:
    """Update or create the open statement (caller holds the transaction). Paid → unchanged."""
    existing = Settlement.objects.select_for_update().filter(partner=producer, period_start=period_start).first()
    if existing is not None and existing.is_paid:
        return existing
    if existing is None:
        rates = current_rates(producer)
        existing, _created = Settlement.objects.get_or_create(
            partner=producer,
            period_start=period_start,
            defaults={
                "period_end": period_end,
                "commission_rate": rates["commission_rate"],
                "vat_rate": Decimal(0),
                "pit_rate": Decimal(0),
            },
        )
    existing.partner = producer
    existing.period_end = period_end
    return _apply(existing, amounts)


def statement_for(producer: PartnerModel, year: int, month: int, *, only_if_active: bool = False) -> Settlement | None:
    """The producer's statement for the month, computed now and stored — unless it is paid, in
    which case it is returned unchanged. With ``only_if_active``, a month without money received,
    refunds or a stored statement returns None and stores nothing."""
    period_start, period_end = period_bounds(year, month)
    amounts = amounts_by_producer(period_start, period_end, [producer.pk]).get(producer.pk, {})
    with transaction.atomic():
        if (
            only_if_active
            and not amounts
            and not Settlement.objects.filter(partner=producer, period_start=period_start).exists()
        ):
            return None
        return _store(producer, period_start, period_end, amounts)


def prepare_period(year: int, month: int) -> list[Settlement]:
    """Compute and store every producer's statement for the month: producers with money received or
    refunded in it, and those with an open statement for it. Paid statements stay as they are.
    Returns the statements, by producer name."""
    period_start, period_end = period_bounds(year, month)
    amounts = amounts_by_producer(period_start, period_end)
    ids = set(amounts) | set(Settlement.objects.filter(period_start=period_start).values_list("partner_id", flat=True))
    settlements = []
    with transaction.atomic():
        for producer in Partner.objects.filter(pk__in=ids).order_by("name", "pk"):
            settlements.append(_store(producer, period_start, period_end, amounts.get(producer.pk, {})))
    return settlements


def refresh_recent(producer: PartnerModel, today: datetime.date | None = None) -> None:
    """Recompute the producer's statements of the running month and the previous one (when they
    have anything to show), so the portal's list is up to date."""
    year, month = month_of(today or local_today())
    for y, m in (previous_month(year, month), (year, month)):
        statement_for(producer, y, m, only_if_active=True)


def missing_tax_identity(producer: PartnerModel) -> bool:
    """A household or individual without a tax code or citizen ID (needed to declare what was withheld)."""
    return producer.tax_withheld_by_platform and not (producer.tax_code or producer.citizen_id)


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
    when the statement is already paid, or for a household/individual without tax code or citizen ID."""
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
        refusal = payment_refusal(locked, today)
        if refusal:
            raise SettlementRefused(refusal)
        amounts = amounts_by_producer(locked.period_start, locked.period_end, [locked.partner_id])
        _apply(locked, amounts.get(locked.partner_id, {}))
        locked.status = Settlement.Status.PAID
        locked.paid_at = timezone.now()
        locked.paid_by = user
        locked.payment_reference = reference
        # The account in use when paid (payments.payouts pays into it), kept: it may change later.
        locked.paid_bank_bin = locked.partner.bank_bin
        locked.paid_account_number = locked.partner.bank_account_number
        locked.paid_account_holder = locked.partner.bank_account_holder
        locked.save()
    return locked


def payment_refusal(settlement: Settlement, today: datetime.date | None = None) -> str:
    """Why this statement cannot be paid now ("" when it can): already paid, period not ended, or a
    household/individual without tax identity. ``mark_paid`` and the payout QR and bank file
    (``payments.payouts``) all ask here."""
    if settlement.is_paid:
        return _("Bảng đối soát này đã được thanh toán.")
    if not period_has_ended(settlement, today):
        return _("Kỳ đối soát chưa kết thúc: chỉ thanh toán sau ngày %(day)s.") % {
            "day": settlement.period_end.strftime("%d/%m/%Y")
        }
    if missing_tax_identity(settlement.partner):
        return _(
            "Chưa thể thanh toán: %(name)s là hộ kinh doanh, cá nhân kinh doanh nên phải có mã số thuế "
            "hoặc số căn cước công dân để nền tảng kê khai số thuế đã khấu trừ (Nghị định 117/2025/NĐ-CP). "
            "Hãy bổ sung trong hồ sơ chủ thể."
        ) % {"name": settlement.partner.name}
    return ""


def month_totals(settlements_queryset: QuerySet[Settlement]) -> dict[str, int]:
    """Sums of a set of statements (one aggregate query)."""
    names = ["gross_sales", "refunds", "commission", "vat_withheld", "pit_withheld", "net_amount"]
    totals = settlements_queryset.aggregate(**{name: Sum(name) for name in names})
    totals = {name: totals[name] or 0 for name in names}
    totals["taxable_base"] = totals["gross_sales"] - totals["refunds"]
    totals["count"] = settlements_queryset.count()
    totals["paid"] = settlements_queryset.filter(status=Settlement.Status.PAID).count()
    return totals
