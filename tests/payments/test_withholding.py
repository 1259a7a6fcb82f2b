"""Withholding by line type (Decree 117/2025/NĐ-CP) on known numbers: the dated rate table, each business
category, a mixed order, refunds (whole and partial), month boundaries in Vietnam time, enterprises, the
sellers' tax identity, the voucher PDF, the declaration export and who may download what.

Months of 2026 unless said (Decree 117 rates: goods 1 % + 0,5 %, services 5 % + 2 %, production/transport
3 % + 1,5 %, other: the highest, 5 % + 2 %). Commission 5 %.
"""

import csv
import datetime
import io
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from oscar.core.loading import get_model

from payments import declaration, settlements, tax_rates, vouchers
from payments.models import Settlement
from payments.tax_rates import RateRow, TaxCategory
from tests import factories
from tests.payments.settlement_orders import cancel, pay, place_order, refund, vn
from tests.pdf import pdf_text

pytestmark = pytest.mark.django_db
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")


@pytest.fixture(autouse=True)
def standard_commission(settings):
    settings.OCOP_PLATFORM_COMMISSION_RATE = Decimal("0.05")


@pytest.fixture
def household():
    return factories.producer("Hộ kinh doanh Khấu Trừ", kind=Partner.Kind.HOUSEHOLD, tax_code="5300111222")


@pytest.fixture
def enterprise():
    return factories.producer("Công ty Khấu Trừ Thử", kind=Partner.Kind.ENTERPRISE)


def product_of(producer, category):
    """A product of ``producer`` whose own tax category is ``category``."""
    return factories.product(producer, on_sale=False, certified=False, tax_category=category)


def figures_of(statement):
    return (
        statement.gross_sales,
        statement.refunds,
        statement.commission,
        statement.vat_withheld,
        statement.pit_withheld,
        statement.net_amount,
    )


def tax_lines_of(statement):
    return {
        line.category: (
            line.gross_sales,
            line.refunds,
            line.vat_rate,
            line.vat_withheld,
            line.pit_rate,
            line.pit_withheld,
        )
        for line in statement.tax_lines.all()
    }


# --- the dated rate table ------------------------------------------------------------------------


def test_rates_change_on_their_effective_date():
    # "other": Circular 40/2021's 2 % + 1 % until 30 June 2025; Decree 117's highest rate from 1 July 2025.
    june, july = (
        tax_rates.rates_on("other", datetime.date(2025, 6, 30)),
        tax_rates.rates_on("other", datetime.date(2025, 7, 1)),
    )
    assert (june.vat_rate, june.pit_rate) == (Decimal("0.02"), Decimal("0.01"))
    assert (july.vat_rate, july.pit_rate) == (Decimal("0.05"), Decimal("0.02"))
    assert "117/2025" in july.source and "40/2021" in june.source
    # a second dated row takes over on its day, not before
    table = (
        *tax_rates.RATE_TABLE,
        RateRow("goods", datetime.date(2027, 1, 1), Decimal("0.02"), Decimal("0.01"), "thử nghiệm"),
    )
    assert tax_rates.rates_on("goods", datetime.date(2026, 12, 31), table).vat_rate == Decimal("0.01")
    assert tax_rates.rates_on("goods", datetime.date(2027, 1, 1), table).vat_rate == Decimal("0.02")
    with pytest.raises(tax_rates.NoRate):
        tax_rates.rates_on("goods", datetime.date(2020, 1, 1))


def test_a_rate_change_in_the_middle_of_a_month_is_refused():
    """Monthly statements take the rates of the month's first day: a row that would start mid-month cannot be
    written into the table (its month's lines would need splitting by payment day)."""
    with pytest.raises(ValueError, match="first day"):
        RateRow("goods", datetime.date(2027, 1, 15), Decimal("0.02"), Decimal("0.01"), "thử nghiệm")
    assert all(row.effective_from.day == 1 for row in tax_rates.RATE_TABLE)


def test_statement_takes_the_rates_of_its_month(household):
    other = product_of(household, "other")
    place_order(vn(2025, 6, 10), [(household, other, 1, "1000000")], paid_at=vn(2025, 6, 10))
    place_order(vn(2025, 7, 10), [(household, other, 1, "1000000")], paid_at=vn(2025, 7, 10))
    june = settlements.statement_for(household, 2025, 6)
    july = settlements.statement_for(household, 2025, 7)
    assert (june.vat_withheld, june.pit_withheld) == (20_000, 10_000)
    assert (july.vat_withheld, july.pit_withheld) == (50_000, 20_000)


# --- a product's category ------------------------------------------------------------------------


def test_category_is_the_products_else_its_class(household):
    services_class = ProductClass.objects.create(name="Lưu trú thử", tax_category=TaxCategory.SERVICES)
    homestay = factories.product(household, on_sale=False, certified=False)
    Product.objects.filter(pk=homestay.pk).update(product_class=services_class)
    homestay.refresh_from_db()
    assert tax_rates.tax_category_of(homestay) == "services"
    homestay.tax_category = "production"
    assert tax_rates.tax_category_of(homestay) == "production"
    assert tax_rates.tax_category_of(None) == "services"  # no product any more: the highest rate


def test_demo_service_class_withholds_homestays_as_services():
    homestay = Product.objects.get(upc="LC-004")
    honey = Product.objects.get(upc="LC-001")
    assert tax_rates.tax_category_of(homestay) == "services"
    assert tax_rates.tax_category_of(honey) == "goods"


# --- known numbers for every category ------------------------------------------------------------


@pytest.mark.parametrize(
    "category, vat, pit",
    [
        ("goods", 12_346, 6_173),  # 1 %: 12.345,67; 0,5 %: 6.172,835
        ("services", 61_728, 24_691),  # 5 %: 61.728,35; 2 %: 24.691,34
        ("production", 37_037, 18_519),  # 3 %: 37.037,01; 1,5 %: 18.518,505
        ("other", 61_728, 24_691),  # the highest rate (Decree 117)
    ],
)
def test_each_category_withheld_at_its_rates(household, category, vat, pit):
    product = product_of(household, category)
    place_order(vn(2026, 3, 5), [(household, product, 1, "1234567")], paid_at=vn(2026, 3, 5))
    statement = settlements.statement_for(household, 2026, 3)
    assert figures_of(statement) == (1_234_567, 0, 61_728, vat, pit, 1_234_567 - 61_728 - vat - pit)
    assert list(tax_lines_of(statement)) == [category]


def test_mixed_order_is_withheld_line_by_line(household):
    lines = [
        (household, product_of(household, "goods"), 2, "1000000"),
        (household, product_of(household, "services"), 1, "650000"),
        (household, product_of(household, "production"), 1, "200000"),
        (household, product_of(household, "other"), 1, "100000"),
    ]
    place_order(vn(2026, 3, 5), lines, paid_at=vn(2026, 3, 5, 10, 5))
    statement = settlements.statement_for(household, 2026, 3)
    # VAT 10.000 + 32.500 + 6.000 + 5.000; PIT 5.000 + 13.000 + 3.000 + 2.000
    assert figures_of(statement) == (1_950_000, 0, 97_500, 53_500, 23_000, 1_776_000)
    assert tax_lines_of(statement) == {
        "goods": (1_000_000, 0, Decimal("0.01"), 10_000, Decimal("0.005"), 5_000),
        "other": (100_000, 0, Decimal("0.05"), 5_000, Decimal("0.02"), 2_000),
        "production": (200_000, 0, Decimal("0.03"), 6_000, Decimal("0.015"), 3_000),
        "services": (650_000, 0, Decimal("0.05"), 32_500, Decimal("0.02"), 13_000),
    }
    assert (statement.vat_rate, statement.pit_rate) == (0, 0)  # several categories: see the lines


def test_line_of_a_deleted_product_is_withheld_at_the_highest_rate(household):
    place_order(vn(2026, 3, 5), [(household, None, 1, "100000")], paid_at=vn(2026, 3, 5))
    statement = settlements.statement_for(household, 2026, 3)
    assert (statement.vat_withheld, statement.pit_withheld) == (5_000, 2_000)


# --- amounts received, refunds, month boundaries --------------------------------------------------


def test_unpaid_order_withholds_nothing_and_counts_when_paid(household):
    goods = product_of(household, "goods")
    order, _lines = place_order(vn(2026, 3, 28), [(household, goods, 1, "400000")])
    assert settlements.statement_for(household, 2026, 3, only_if_active=True) is None
    pay(order, vn(2026, 4, 2))  # cash collected on delivery in April
    assert settlements.statement_for(household, 2026, 3, only_if_active=True) is None
    april = settlements.statement_for(household, 2026, 4)
    assert figures_of(april) == (400_000, 0, 20_000, 4_000, 2_000, 374_000)


def test_month_boundary_is_vietnam_time(household):
    goods = product_of(household, "goods")
    place_order(vn(2026, 3, 31, 23), [(household, goods, 1, "100000")], paid_at=vn(2026, 3, 31, 23, 30))
    # 1 April 00:10 in Vietnam is still 31 March in UTC: April's
    place_order(vn(2026, 3, 31, 23, 50), [(household, goods, 1, "300000")], paid_at=vn(2026, 4, 1, 0, 10))
    assert settlements.statement_for(household, 2026, 3).gross_sales == 100_000
    assert settlements.statement_for(household, 2026, 4).gross_sales == 300_000


def test_refund_in_the_same_month_cancels_the_withholding(household):
    services = product_of(household, "services")
    _order, (line,) = place_order(vn(2026, 3, 5), [(household, services, 1, "650000")], paid_at=vn(2026, 3, 5))
    cancel(line, vn(2026, 3, 6), refund_money=True)
    statement = settlements.statement_for(household, 2026, 3)
    assert figures_of(statement) == (650_000, 650_000, 0, 0, 0, 0)


def test_partial_refund_one_line_of_two(household):
    goods, services = product_of(household, "goods"), product_of(household, "services")
    _order, (honey, night) = place_order(
        vn(2026, 3, 5), [(household, goods, 1, "1000000"), (household, services, 1, "650000")], paid_at=vn(2026, 3, 5)
    )
    cancel(night, vn(2026, 4, 3), refund_money=True)  # the homestay night refunded in April
    march = settlements.statement_for(household, 2026, 3)
    assert figures_of(march) == (1_650_000, 0, 82_500, 42_500, 18_000, 1_507_000)
    april = settlements.statement_for(household, 2026, 4)
    # services base −650.000: VAT −32.500, PIT −13.000 given back in April
    assert figures_of(april) == (0, 650_000, -32_500, -32_500, -13_000, -572_000)
    assert tax_lines_of(april) == {"services": (0, 650_000, Decimal("0.05"), -32_500, Decimal("0.02"), -13_000)}


def test_line_cancelled_before_payment_was_never_received(household):
    goods = product_of(household, "goods")
    order, (kept, dropped) = place_order(
        vn(2026, 3, 5), [(household, goods, 1, "200000"), (household, goods, 1, "50000")]
    )
    cancel(dropped, vn(2026, 3, 6))  # cash on delivery: nothing taken, nothing refunded
    pay(order, vn(2026, 3, 8))
    statement = settlements.statement_for(household, 2026, 3)
    assert (statement.gross_sales, statement.refunds) == (200_000, 0)


def test_enterprise_is_not_withheld(enterprise):
    place_order(
        vn(2026, 3, 5),
        [
            (enterprise, product_of(enterprise, "services"), 1, "650000"),
            (enterprise, product_of(enterprise, "goods"), 1, "1000000"),
        ],
        paid_at=vn(2026, 3, 5),
    )
    statement = settlements.statement_for(enterprise, 2026, 3)
    assert figures_of(statement) == (1_650_000, 0, 82_500, 0, 0, 1_567_500)
    assert not statement.withholding_applies
    assert all(line.vat_rate == 0 and line.pit_rate == 0 for line in statement.tax_lines.all())


def test_paid_statement_keeps_its_tax_lines(household, staff_user):
    services = product_of(household, "services")
    _order, (line,) = place_order(vn(2026, 3, 5), [(household, services, 1, "650000")], paid_at=vn(2026, 3, 5))
    paid = settlements.mark_paid(settlements.statement_for(household, 2026, 3), staff_user, "FT26040001")
    Product.objects.filter(pk=services.pk).update(tax_category="goods")
    refund([line], vn(2026, 3, 20))  # recorded after payment, dated in March: March stays as paid
    again = settlements.statement_for(household, 2026, 3)
    assert figures_of(again) == figures_of(paid)
    assert tax_lines_of(again) == {"services": (650_000, 0, Decimal("0.05"), 32_500, Decimal("0.02"), 13_000)}


# --- the seller's tax identity --------------------------------------------------------------------


def test_tax_code_and_citizen_id_are_validated():
    partner = Partner(name="Hộ thử", tax_code="123", citizen_id="0011")
    with pytest.raises(ValidationError) as error:
        partner.full_clean(exclude=["code"])
    assert "tax_code" in error.value.message_dict and "citizen_id" in error.value.message_dict
    for tax_code in ("0101234567", "0101234567-001", "0101234567001"):
        Partner(name="Hộ thử", tax_code=tax_code, citizen_id="001085012345").clean_fields(exclude=["code"])


def test_household_without_tax_identity_cannot_be_paid(staff_user):
    producer = factories.producer("Hộ chưa có mã số thuế", kind=Partner.Kind.HOUSEHOLD)
    goods = product_of(producer, "goods")
    place_order(vn(2026, 3, 5), [(producer, goods, 1, "100000")], paid_at=vn(2026, 3, 5))
    statement = settlements.statement_for(producer, 2026, 3)
    with pytest.raises(settlements.SettlementRefused) as refusal:
        settlements.mark_paid(statement, staff_user, "FT1")
    assert "mã số thuế hoặc số căn cước công dân" in refusal.value.message
    assert not Settlement.objects.get(pk=statement.pk).is_paid
    Partner.objects.filter(pk=producer.pk).update(citizen_id="001085012345")
    statement.partner.refresh_from_db()
    assert settlements.mark_paid(statement, staff_user, "FT1").is_paid


# --- voucher, declaration, commands ---------------------------------------------------------------


@pytest.fixture
def march_sellers(household, enterprise):
    """March 2026: the household's mixed order, an individual's homestay night and the enterprise's goods."""
    individual = factories.producer("Cá nhân Bán Homestay", kind=Partner.Kind.INDIVIDUAL, citizen_id="001085012345")
    place_order(
        vn(2026, 3, 5),
        [
            (household, product_of(household, "goods"), 1, "1000000"),
            (household, product_of(household, "services"), 1, "650000"),
        ],
        paid_at=vn(2026, 3, 5),
    )
    place_order(vn(2026, 3, 9), [(individual, product_of(individual, "services"), 1, "480000")], paid_at=vn(2026, 3, 9))
    place_order(vn(2026, 3, 9), [(enterprise, product_of(enterprise, "goods"), 1, "2000000")], paid_at=vn(2026, 3, 9))
    return {"household": household, "individual": individual, "enterprise": enterprise}


def test_voucher_pdf_states_seller_categories_and_tax(march_sellers):
    statement = settlements.statement_for(march_sellers["household"], 2026, 3)
    text = pdf_text(vouchers.voucher_pdf(statement))
    assert "CHỨNG TỪ KHẤU TRỪ THUẾ" in text
    assert "Hộ kinh doanh Khấu Trừ" in text and "5300111222" in text
    assert "03/2026" in text
    for amount in (
        "1.650.000\u00a0₫",
        "10.000\u00a0₫",
        "32.500\u00a0₫",
        "42.500\u00a0₫",
        "18.000\u00a0₫",
        "60.500\u00a0₫",
    ):
        assert amount in text, amount
    assert "123/2020" in text


def test_declaration_rows_sum_to_the_statements(march_sellers):
    result = declaration.declaration_for(2026, 3)
    mine = [row for row in result.rows if row.name in ("Hộ kinh doanh Khấu Trừ", "Cá nhân Bán Homestay")]
    assert [(row.name, row.category, row.revenue, row.vat_withheld, row.pit_withheld) for row in mine] == [
        ("Cá nhân Bán Homestay", "Dịch vụ (kể cả lưu trú, homestay)", 480_000, 24_000, 9_600),
        ("Hộ kinh doanh Khấu Trừ", "Phân phối, cung cấp hàng hoá", 1_000_000, 10_000, 5_000),
        ("Hộ kinh doanh Khấu Trừ", "Dịch vụ (kể cả lưu trú, homestay)", 650_000, 32_500, 13_000),
    ]
    assert all(row.name != "Công ty Khấu Trừ Thử" for row in result.rows)  # enterprises are not listed
    withheld = Settlement.objects.filter(period_start=datetime.date(2026, 3, 1), withholding_applies=True)
    assert result.vat_withheld == sum(withheld.values_list("vat_withheld", flat=True))
    assert result.pit_withheld == sum(withheld.values_list("pit_withheld", flat=True))
    assert result.revenue == sum(s.taxable_base for s in withheld)


def test_declaration_csv_and_xlsx(march_sellers):
    from openpyxl import load_workbook

    Partner.objects.filter(pk=march_sellers["individual"].pk).update(legal_name="=HYPERLINK(1)")
    result = declaration.declaration_for(2026, 3)
    data = declaration.as_csv(result)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["STT", "Tên hộ, cá nhân kinh doanh", "Mã số thuế"]
    assert "'=HYPERLINK(1)" in [row[1] for row in rows]
    assert rows[-1][1] == "Tổng cộng" and int(rows[-1][8]) == result.vat_withheld
    sheet = load_workbook(io.BytesIO(declaration.as_xlsx(result))).active
    values = list(sheet.values)
    assert values[-1][1] == "Tổng cộng" and values[-1][10] == result.pit_withheld
    assert all(not str(cell).startswith("=") for row in values for cell in row if cell is not None)


def test_declaration_and_voucher_commands(march_sellers, tmp_path):
    out = StringIO()
    call_command("withholding_declaration", "--year", "2026", "--month", "3", stdout=out)
    assert "Hộ kinh doanh Khấu Trừ" in out.getvalue() and "Công ty Khấu Trừ Thử" not in out.getvalue()
    target = tmp_path / "k.xlsx"
    call_command(
        "withholding_declaration",
        "--year",
        "2026",
        "--month",
        "3",
        "--format",
        "xlsx",
        "--output",
        str(target),
        stderr=StringIO(),
    )
    assert target.stat().st_size > 0
    call_command(
        "withholding_vouchers", "--year", "2026", "--month", "3", "--output", str(tmp_path / "v"), stdout=StringIO()
    )
    names = sorted(path.name for path in (tmp_path / "v").iterdir())
    assert f"chung-tu-khau-tru-{march_sellers['household'].code}-2026-03.pdf" in names
    assert not any(march_sellers["enterprise"].code in name for name in names)


# --- who may download --------------------------------------------------------------------------


def test_producer_downloads_own_voucher_only(client, march_sellers):
    own = settlements.statement_for(march_sellers["household"], 2026, 3)
    other = settlements.statement_for(march_sellers["individual"], 2026, 3)
    client.force_login(march_sellers["household"].director)
    page = client.get(reverse("dashboard:portal-settlement", kwargs={"pk": own.pk}))
    assert reverse("dashboard:portal-settlement-voucher", kwargs={"pk": own.pk}) in page.content.decode()
    response = client.get(reverse("dashboard:portal-settlement-voucher", kwargs={"pk": own.pk}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert client.get(reverse("dashboard:portal-settlement-voucher", kwargs={"pk": other.pk})).status_code == 404
    assert client.get(reverse("dashboard:ocop-settlement-voucher", kwargs={"pk": own.pk})).status_code == 403
    assert client.get(reverse("dashboard:ocop-withholding-declaration"), {"month": "2026-03"}).status_code == 403


def test_staff_download_voucher_and_declaration(client, staff_user, march_sellers):
    statement = settlements.statement_for(march_sellers["individual"], 2026, 3)
    client.force_login(staff_user)
    page = client.get(reverse("dashboard:ocop-settlement", kwargs={"pk": statement.pk})).content.decode()
    assert reverse("dashboard:ocop-settlement-voucher", kwargs={"pk": statement.pk}) in page
    assert "24.000\u00a0₫" in page and "Dịch vụ (kể cả lưu trú, homestay)" in page
    voucher = client.get(reverse("dashboard:ocop-settlement-voucher", kwargs={"pk": statement.pk}))
    assert voucher.status_code == 200 and "Cá nhân Bán Homestay" in pdf_text(voucher.content)
    url = reverse("dashboard:ocop-withholding-declaration")
    csv_response = client.get(url, {"month": "2026-03", "format": "csv"})
    assert csv_response.status_code == 200 and "khau-tru-thue-2026-03.csv" in csv_response["Content-Disposition"]
    assert "Cá nhân Bán Homestay" in csv_response.content.decode("utf-8-sig")
    assert client.get(url, {"month": "2026-03", "format": "xlsx"}).status_code == 200
    assert client.get(url, {"month": "nope"}).status_code == 400


# --- the demo month ----------------------------------------------------------------------------


def test_demo_month_has_a_homestay_service_an_enterprise_and_a_refund():
    year, month = settlements.previous_month(*settlements.month_of(settlements.local_today()))
    statements = {s.partner.code: s for s in settlements.prepare_period(year, month)}
    household = statements["hkd-ly-thi-mai"]
    assert household.withholding_applies and household.refunds > 0
    services = household.tax_lines.get(category="services")
    assert services.vat_rate == Decimal("0.05") and services.vat_withheld > 0
    enterprise = statements["cty-ca-nuoc-lanh-hoang-lien"]
    assert enterprise.gross_sales > 0 and enterprise.vat_withheld == 0 and not enterprise.withholding_applies
