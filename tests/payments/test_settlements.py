"""Settlement statements on known numbers (payments/settlements.py), the command and the
administrators' pages.

Two fresh producers (no demo orders): a household (tax withheld by the platform, Decree 117/2025)
and a cooperative (not withheld), selling goods. Months are of 2024, in Vietnam time. The rules by
business category, refunds and month boundaries are in test_withholding.py.
"""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from oscar.core.loading import get_model

from payments import settlements
from payments.models import Settlement
from shop.core import order_statuses as statuses
from shop.core.money import to_dong
from tests import factories
from tests.payments.settlement_orders import cancel, place_order, record_event, vn

pytestmark = pytest.mark.django_db
Partner = get_model("partner", "Partner")
User = get_user_model()

RATES_HOUSEHOLD = {"commission_rate": Decimal("0.05"), "withholding_applies": True, "partner_kind": "household"}
MARCH_2024 = datetime.date(2024, 3, 1)  # goods: 1 % VAT, 0,5 % PIT (Circular 40/2021 rates)


def goods(base):
    """A statement's amounts of goods only: received ``base`` (or refunded, when negative)."""
    return {"goods": (base, 0) if base >= 0 else (0, -base)}


@pytest.fixture(autouse=True)
def standard_rates(settings):
    settings.OCOP_PLATFORM_COMMISSION_RATE = Decimal("0.05")


@pytest.fixture
def household(db):
    return Partner.objects.create(name="Hộ kinh doanh Thử Nghiệm", kind=Partner.Kind.HOUSEHOLD, tax_code="5300000001")


@pytest.fixture
def cooperative(db):
    return Partner.objects.create(name="Hợp tác xã Thử Nghiệm", kind=Partner.Kind.COOPERATIVE)


@pytest.fixture
def market(household, cooperative):
    """Orders around March 2024 with known values (comments: Vietnam time), each paid when placed (the
    statement counts money received) and each cancellation refunded then; all goods (1 % + 0,5 %).

    Household: March gross 1.734.567 (1.000.000 + 434.567 placed 1 March 00:30 — still 29 Feb in
    UTC — and 300.000 placed 31 March 23:59), March refunds 500.000 (a February sale cancelled on
    2 March), so the March base is 1.234.567. The 300.000 is cancelled on 1 April 00:00:30 and an
    order of 77.900 is placed on 1 April 06:00 (31 March in UTC): April base −222.100.
    Cooperative: March gross 2.100.000 (2.000.001 + 99.999), the 99.999 cancelled in March too.
    """
    h_goods = factories.product(household, on_sale=False, certified=False)
    c_goods = factories.product(cooperative, on_sale=False, certified=False)
    feb_order, (feb_line,) = place_order(
        vn(2024, 2, 28, 23, 30), [(household, h_goods, 1, "500000")], paid_at=vn(2024, 2, 28, 23, 30)
    )
    cancel(feb_line, vn(2024, 3, 2, 8), refund_money=True)
    march_order, (big, small, coop_big) = place_order(
        vn(2024, 3, 1, 0, 30),
        [
            (household, h_goods, 2, "1000000", statuses.LINE_SHIPPED),
            (household, h_goods, 1, "434567"),
            (cooperative, c_goods, 3, "2000001"),
        ],
        paid_at=vn(2024, 3, 1, 0, 30),
    )
    record_event(big, statuses.EVENT_SHIPPED, vn(2024, 3, 3))  # not a cancellation
    late_order, (late_line,) = place_order(
        vn(2024, 3, 31, 23, 59), [(household, h_goods, 1, "300000")], paid_at=vn(2024, 3, 31, 23, 59)
    )
    cancel(late_line, vn(2024, 4, 1, 0, 0, 30), refund_money=True)
    place_order(vn(2024, 4, 1, 6), [(household, h_goods, 1, "77900")], paid_at=vn(2024, 4, 1, 6))
    coop_order, (coop_small,) = place_order(
        vn(2024, 3, 10), [(cooperative, c_goods, 1, "99999")], paid_at=vn(2024, 3, 10)
    )
    cancel(coop_small, vn(2024, 3, 11), refund_money=True)
    return {"feb_line": feb_line, "late_line": late_line, "small": small}


def amounts(settlement):
    return {
        name: getattr(settlement, name)
        for name in ("gross_sales", "refunds", "commission", "vat_withheld", "pit_withheld", "net_amount")
    }


# --- arithmetic ----------------------------------------------------------------------------------


def test_rounding_rule_each_amount_half_up_then_net_adds_up():
    result = settlements.figures(goods(1_234_567), RATES_HOUSEHOLD, MARCH_2024)
    assert result["commission"] == 61_728  # 61.728,35
    assert result["vat_withheld"] == 12_346  # 12.345,67
    assert result["pit_withheld"] == 6_173  # 6.172,835 rounds up
    assert result["net_amount"] == 1_234_567 - 61_728 - 12_346 - 6_173 == 1_154_320


def test_halves_round_away_from_zero_both_signs():
    assert settlements.figures(goods(10), RATES_HOUSEHOLD, MARCH_2024)["commission"] == 1  # 0,5
    assert settlements.figures(goods(-10), RATES_HOUSEHOLD, MARCH_2024)["commission"] == -1  # −0,5
    assert settlements.figures(goods(100), RATES_HOUSEHOLD, MARCH_2024)["pit_withheld"] == 1  # 0,5
    assert settlements.figures(goods(-100), RATES_HOUSEHOLD, MARCH_2024)["pit_withheld"] == -1
    assert to_dong(Decimal("2.4999")) == 2
    assert settlements.period_bounds(2024, 2) == (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))


# --- statements on known numbers -----------------------------------------------------------------


def test_household_march_statement_known_numbers(market, household):
    statement = settlements.statement_for(household, 2024, 3)
    assert statement.pk and statement.status == Settlement.Status.OPEN
    assert (statement.period_start, statement.period_end) == (datetime.date(2024, 3, 1), datetime.date(2024, 3, 31))
    assert amounts(statement) == {
        "gross_sales": 1_734_567,
        "refunds": 500_000,
        "commission": 61_728,
        "vat_withheld": 12_346,
        "pit_withheld": 6_173,
        "net_amount": 1_154_320,
    }
    assert statement.taxable_base == 1_234_567
    assert (statement.commission_rate, statement.vat_rate, statement.pit_rate) == (
        Decimal("0.05"),
        Decimal("0.01"),
        Decimal("0.005"),
    )
    assert statement.withholding_applies and statement.partner_kind == "household"


def test_earlier_sale_cancelled_later_counts_in_both_months(market, household):
    february = settlements.statement_for(household, 2024, 2)
    assert amounts(february) == {
        "gross_sales": 500_000,
        "refunds": 0,
        "commission": 25_000,
        "vat_withheld": 5_000,
        "pit_withheld": 2_500,
        "net_amount": 467_500,
    }


def test_negative_base_in_april(market, household):
    april = settlements.statement_for(household, 2024, 4)
    # base 77.900 − 300.000 = −222.100; PIT −1.110,5 rounds away from zero
    assert amounts(april) == {
        "gross_sales": 77_900,
        "refunds": 300_000,
        "commission": -11_105,
        "vat_withheld": -2_221,
        "pit_withheld": -1_111,
        "net_amount": -207_663,
    }
    assert april.taxable_base == -222_100


def test_cooperative_has_no_withholding(market, cooperative):
    statement = settlements.statement_for(cooperative, 2024, 3)
    assert amounts(statement) == {
        "gross_sales": 2_100_000,
        "refunds": 99_999,
        "commission": 100_000,
        "vat_withheld": 0,
        "pit_withheld": 0,
        "net_amount": 1_900_001,
    }
    assert (statement.vat_rate, statement.pit_rate) == (0, 0)
    assert not statement.withholding_applies and statement.partner_kind == "cooperative"


def test_prepare_period_covers_producers_with_sales_or_refunds_only(market, household, cooperative):
    prepared = settlements.prepare_period(2024, 3)
    mine = {s.partner_id: s for s in prepared if s.partner_id in (household.pk, cooperative.pk)}
    assert set(mine) == {household.pk, cooperative.pk}
    assert mine[household.pk].net_amount == 1_154_320
    assert mine[cooperative.pk].net_amount == 1_900_001
    # statement_for stores the same row (update, not a second statement)
    settlements.statement_for(household, 2024, 3)
    assert Settlement.objects.filter(partner=household, period_start=datetime.date(2024, 3, 1)).count() == 1
    # a month without activity for these producers stores nothing for them
    settlements.prepare_period(2024, 6)
    assert not Settlement.objects.filter(
        partner__in=[household, cooperative], period_start=datetime.date(2024, 6, 1)
    ).exists()
    assert settlements.statement_for(household, 2024, 6, only_if_active=True) is None


def test_open_statement_follows_new_cancellations(market, household):
    statement = settlements.statement_for(household, 2024, 3)
    cancel(market["small"], vn(2024, 3, 20), refund_money=True)
    again = settlements.statement_for(household, 2024, 3)
    assert again.pk == statement.pk
    assert (again.gross_sales, again.refunds) == (1_734_567, 934_567)


# --- payment -------------------------------------------------------------------------------------


def test_paid_statement_is_frozen(market, household, staff_user, settings):
    statement = settlements.statement_for(household, 2024, 3)
    paid = settlements.mark_paid(statement, staff_user, "  FT24092123456  ")
    assert paid.status == Settlement.Status.PAID and paid.paid_by == staff_user and paid.paid_at
    assert paid.payment_reference == "FT24092123456"
    assert paid.net_amount == 1_154_320

    # the commission rate changes and a March sale is cancelled after payment (in April): March stays as paid…
    settings.OCOP_PLATFORM_COMMISSION_RATE = Decimal("0.08")
    cancel(market["small"], vn(2024, 4, 15), refund_money=True)
    for recomputed in (
        settlements.statement_for(household, 2024, 3),
        next(s for s in settlements.prepare_period(2024, 3) if s.partner_id == household.pk),
    ):
        assert amounts(recomputed) == amounts(paid)
        assert recomputed.commission_rate == Decimal("0.05")
    stored = Settlement.objects.get(pk=paid.pk)
    assert amounts(stored) == amounts(paid) and stored.commission_rate == Decimal("0.05")
    # …and the cancellation goes to April, at the new rate
    april = settlements.statement_for(household, 2024, 4)
    assert april.refunds == 300_000 + 434_567
    assert april.commission_rate == Decimal("0.08")
    assert april.commission == -52_533  # −656.667 × 8 % = −52.533,36

    with pytest.raises(settlements.SettlementRefused):
        settlements.mark_paid(stored, staff_user, "FT-AGAIN")
    assert Settlement.objects.get(pk=paid.pk).payment_reference == "FT24092123456"


def test_mark_paid_recomputes_one_last_time(market, household, staff_user):
    statement = settlements.statement_for(household, 2024, 3)
    cancel(market["small"], vn(2024, 3, 25), refund_money=True)
    paid = settlements.mark_paid(statement, staff_user, "FT1")
    assert paid.refunds == 934_567 and paid.net_amount == 800_000 - 40_000 - 8_000 - 4_000 == 748_000


def test_mark_paid_refused_for_users_without_permission(market, household, producer_user):
    statement = settlements.statement_for(household, 2024, 3)
    clerk = User.objects.create_user(email="ketoan@example.vn", password="x-2026-abc")
    clerk.is_staff = True
    clerk.save()
    for user in (producer_user, clerk):
        with pytest.raises(PermissionDenied):
            settlements.mark_paid(statement, user, "FT1")
    clerk.user_permissions.add(Permission.objects.get(codename="change_settlement", content_type__app_label="payments"))
    clerk = User.objects.get(pk=clerk.pk)  # fresh permission cache
    assert settlements.mark_paid(statement, clerk, "FT1").is_paid


def test_mark_paid_refused_for_running_month_and_without_reference(household, staff_user):
    today = settlements.local_today()
    running = settlements.statement_for(household, today.year, today.month)
    with pytest.raises(settlements.SettlementRefused):
        settlements.mark_paid(running, staff_user, "FT1")
    previous = settlements.statement_for(household, *settlements.previous_month(today.year, today.month))
    with pytest.raises(settlements.SettlementRefused):
        settlements.mark_paid(previous, staff_user, "   ")
    assert not Settlement.objects.filter(pk__in=[running.pk, previous.pk], status=Settlement.Status.PAID).exists()


# --- command -------------------------------------------------------------------------------------


def test_prepare_settlements_command(market, household, cooperative):
    out = StringIO()
    call_command("prepare_settlements", "--month", "2024-03", stdout=out)
    assert "2024-03" in out.getvalue()
    assert Settlement.objects.get(partner=household, period_start=datetime.date(2024, 3, 1)).net_amount == 1_154_320
    assert Settlement.objects.get(partner=cooperative, period_start=datetime.date(2024, 3, 1)).net_amount == 1_900_001


def test_prepare_settlements_command_defaults_to_previous_month(household):
    today = settlements.local_today()
    year, month = settlements.previous_month(today.year, today.month)
    moment = datetime.datetime.combine(datetime.date(year, month, 15), datetime.time(10), tzinfo=settlements.PERIOD_TZ)
    place_order(moment, [(household, None, 1, "120000")], paid_at=moment)
    call_command("prepare_settlements", stdout=StringIO())
    statement = Settlement.objects.get(partner=household)
    assert statement.period_start == datetime.date(year, month, 1)
    assert statement.gross_sales == 120_000


# --- administrators' pages -----------------------------------------------------------------------


def test_admin_month_page_lists_all_producers_with_totals(
    client, staff_user, market, household, cooperative, django_assert_max_num_queries
):
    client.force_login(staff_user)
    url = reverse("dashboard:ocop-settlements")
    response = client.post(url, {"month": "2024-03"})
    assert response.status_code == 302
    with django_assert_max_num_queries(25):
        response = client.get(url, {"month": "2024-03"})
    assert response.status_code == 200
    html = response.content.decode()
    assert household.name in html and cooperative.name in html
    assert "1.154.320\u00a0₫" in html and "1.900.001\u00a0₫" in html
    totals = response.context["totals"]
    expected_net = sum(
        Settlement.objects.filter(period_start=datetime.date(2024, 3, 1)).values_list("net_amount", flat=True)
    )
    assert totals["net_amount"] == expected_net
    assert "không khấu trừ" in html


def test_admin_month_page_rejects_bad_month(client, staff_user):
    client.force_login(staff_user)
    response = client.get(reverse("dashboard:ocop-settlements"), {"month": "2024-13"})
    assert response.status_code == 200
    assert "Tháng không hợp lệ" in response.content.decode()
    assert client.post(reverse("dashboard:ocop-settlements"), {"month": "abc"}).status_code == 400


def test_admin_marks_statement_paid(client, staff_user, market, household):
    statement = settlements.statement_for(household, 2024, 3)
    client.force_login(staff_user)
    url = reverse("dashboard:ocop-settlement", kwargs={"pk": statement.pk})
    page = client.get(url)
    assert page.status_code == 200 and "1.154.320\u00a0₫" in page.content.decode()
    assert "mark_paid_form" in page.content.decode()

    refused = client.post(url, {"payment_reference": ""})
    assert refused.status_code == 400
    assert "Hãy nhập mã giao dịch chuyển khoản." in refused.content.decode()
    assert not Settlement.objects.get(pk=statement.pk).is_paid

    response = client.post(url, {"payment_reference": "FT24100555"})
    assert response.status_code == 302
    stored = Settlement.objects.get(pk=statement.pk)
    assert stored.is_paid and stored.payment_reference == "FT24100555" and stored.paid_by == staff_user

    again = client.post(url, {"payment_reference": "FT-AGAIN"})
    assert again.status_code == 400
    assert "đã được thanh toán" in again.content.decode()
    assert Settlement.objects.get(pk=statement.pk).payment_reference == "FT24100555"


def test_admin_cannot_pay_running_month(client, staff_user, household):
    today = settlements.local_today()
    running = settlements.statement_for(household, today.year, today.month)
    client.force_login(staff_user)
    url = reverse("dashboard:ocop-settlement", kwargs={"pk": running.pk})
    assert "mark_paid_form" not in client.get(url).content.decode()
    assert client.post(url, {"payment_reference": "FT1"}).status_code == 400
    assert not Settlement.objects.get(pk=running.pk).is_paid


def test_producer_cannot_reach_admin_settlement_pages(client, producer_user, market, household):
    statement = settlements.statement_for(household, 2024, 3)
    client.force_login(producer_user)
    assert client.get(reverse("dashboard:ocop-settlements")).status_code == 403
    assert client.post(reverse("dashboard:ocop-settlements"), {"month": "2024-03"}).status_code == 403
    url = reverse("dashboard:ocop-settlement", kwargs={"pk": statement.pk})
    assert client.get(url).status_code == 403
    assert client.post(url, {"payment_reference": "FT-HACK"}).status_code == 403
    assert not Settlement.objects.get(pk=statement.pk).is_paid


def test_staff_without_settlement_permission_is_refused(client, market, household):
    statement = settlements.statement_for(household, 2024, 3)
    reviewer = User.objects.create_user(email="canbo@example.vn", password="x-2026-abc")
    reviewer.is_staff = True
    reviewer.save()
    reviewer.user_permissions.add(Permission.objects.get(codename="review_ocop_product"))
    client.force_login(reviewer)
    assert client.get(reverse("dashboard:ocop-settlements")).status_code == 403
    url = reverse("dashboard:ocop-settlement", kwargs={"pk": statement.pk})
    assert client.post(url, {"payment_reference": "FT1"}).status_code == 403
    assert not Settlement.objects.get(pk=statement.pk).is_paid


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("dashboard:ocop-settlements"))
    assert response.status_code == 302 and "login" in response["Location"]
