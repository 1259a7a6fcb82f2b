"""E-invoice ready (issue 22, item 3): the business buyer's request at checkout, the provider-neutral data of a
producer's part, its XML in the tax authority's format checked against the field table, the provider boundary
with its cancellation and replacement records, what the buyer sees and who may download the XML."""

import xml.etree.ElementTree as ET
from decimal import Decimal
from itertools import count

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from cms.demo import loader
from cms.demo.einvoice import DEMO_COMPANY, DEMO_INVOICE_ORDER
from shop.core.money import dong_in_words
from shop.einvoice import services
from shop.einvoice.data import invoice_data
from shop.einvoice.fields import validate
from shop.einvoice.models import EInvoice, InvoiceRequest
from shop.einvoice.providers import EInvoiceProvider, Issued
from shop.einvoice.xml import to_xml
from shop.order.parts import producer_parts
from tests import factories
from tests.shop.checkout.journey import add_to_basket, buyable_products, place_order, reach_preview

pytestmark = pytest.mark.django_db
Order = get_model("order", "Order")
Range = get_model("offer", "Range")
Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
ShippingSettings = get_model("shipping", "ShippingSettings")
User = get_user_model()

GUEST = "ke.toan@congty.example.vn"
COMPANY = {
    "invoice-wanted": "on",
    "invoice-company_name": "Công ty Cổ phần Nông sản Hoàng Liên",
    "invoice-tax_code": "5300765432-001",
    "invoice-address": "Số 3 đường Hoàng Liên, phường Lào Cai, tỉnh Lào Cai",
    "invoice-email": "hoadon@hoanglien.example.vn",
}


class RecordingProvider(EInvoiceProvider):
    """A provider for the tests: numbers invoices in order and records what it was asked."""

    name = "Nhà cung cấp kiểm thử"
    numbers = count(1)

    def __init__(self):
        self.calls = []

    def issue(self, data, xml):
        self.calls.append(("issue", data, xml))
        number = next(self.numbers)
        return Issued(series="C26TAA", number=str(number), lookup_code=f"TRACUU{number:04d}")

    def cancel(self, einvoice, reason):
        self.calls.append(("cancel", einvoice.number, reason))

    def replace(self, einvoice, data, xml, reason):
        self.calls.append(("replace", einvoice.number, reason))
        number = next(self.numbers)
        return Issued(series="C26TAA", number=str(number), lookup_code=f"TRACUU{number:04d}")


def _to_payment_step(client):
    """Through the checkout as a guest (journey.reach_preview); the payment step can then be posted again."""
    reach_preview(client, method="cod", email=GUEST)


@pytest.fixture
def business_order(client):
    """A guest company's order through the checkout pages: 10 % off everything, two producers, shipping charged,
    a VAT invoice asked for on the payment step."""
    everything = Range.objects.create(name="Mọi sản phẩm (kiểm thử)", includes_all_products=True)
    ConditionalOffer.objects.create(
        name="Ưu đãi kiểm thử giảm 10%",
        offer_type=ConditionalOffer.SITE,
        priority=1000,
        condition=Condition.objects.create(range=everything, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(range=everything, type=Benefit.PERCENTAGE, value=Decimal(10)),
    )
    ShippingSettings.objects.update_or_create(pk=1, defaults={"free_shipping_threshold": None})
    first, second = buyable_products(2)
    add_to_basket(client, first, 1)
    add_to_basket(client, second, 2)
    _to_payment_step(client)
    response = client.post(reverse("checkout:payment-method"), {"method": "cod", **COMPANY})
    assert response.status_code == 302 and response["Location"] == reverse("checkout:preview")
    preview = client.get(reverse("checkout:preview")).content.decode()
    assert "Công ty Cổ phần Nông sản Hoàng Liên" in preview and "5300765432-001" in preview
    assert place_order(client).status_code == 302
    return Order.objects.get(guest_email=GUEST)


def test_checkout_stores_the_business_buyers_request_with_the_order(business_order):
    request = InvoiceRequest.objects.get(order=business_order)
    assert (request.company_name, request.tax_code, request.address, request.email) == (
        "Công ty Cổ phần Nông sản Hoàng Liên",
        "5300765432-001",
        "Số 3 đường Hoàng Liên, phường Lào Cai, tỉnh Lào Cai",
        "hoadon@hoanglien.example.vn",
    )


def test_an_order_without_the_box_ticked_has_no_request(client):
    (product,) = buyable_products(1)
    add_to_basket(client, product, 1)
    _to_payment_step(client)
    fields = {**COMPANY, "invoice-tax_code": "không phải mã"}
    del fields["invoice-wanted"]
    assert client.post(reverse("checkout:payment-method"), {"method": "cod", **fields}).status_code == 302
    assert place_order(client).status_code == 302
    assert not InvoiceRequest.objects.filter(order__guest_email=GUEST).exists()


@pytest.mark.parametrize("tax_code", ["530076543", "53007654321", "5300765432-01", "53007654AB"])
def test_an_invalid_tax_code_is_refused_in_vietnamese(client, tax_code):
    (product,) = buyable_products(1)
    add_to_basket(client, product, 1)
    _to_payment_step(client)
    response = client.post(
        reverse("checkout:payment-method"), {"method": "cod", **COMPANY, "invoice-tax_code": tax_code}
    )
    assert response.status_code == 200
    assert "Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số" in response.content.decode()


def test_asking_for_an_invoice_needs_the_company_name(client):
    (product,) = buyable_products(1)
    add_to_basket(client, product, 1)
    _to_payment_step(client)
    response = client.post(reverse("checkout:payment-method"), {"method": "cod", **COMPANY, "invoice-company_name": ""})
    assert response.status_code == 200
    assert "Hãy nhập tên công ty để xuất hoá đơn VAT." in response.content.decode()


def test_the_data_of_a_part_has_the_buyers_company_discounts_shipping_and_totals_that_add_up(business_order):
    for part in producer_parts(business_order):
        data = invoice_data(business_order, part.partner)
        statement = part.statement
        assert data.buyer.name == "Công ty Cổ phần Nông sản Hoàng Liên" and data.buyer.tax_code == "5300765432-001"
        assert data.buyer.person == "Nguyễn Văn An"
        assert data.seller.name == (part.partner.legal_name or part.partner.name)
        assert data.seller.tax_code == (part.partner.tax_code or part.partner.registration_number)
        assert data.payment_method == "Tiền mặt"
        goods, shipping = data.lines[:-1], data.lines[-1]
        assert [line.name for line in goods] == [row.title for row in statement.lines]
        assert [line.discount for line in goods] == [row.discount for row in statement.lines]
        assert all(line.discount > 0 for line in goods)  # the 10 % offer
        for line in goods:
            assert line.unit_price * line.quantity - line.discount == line.amount
        assert shipping.name == "Phí vận chuyển" and shipping.amount == statement.shipping > 0
        assert data.total == statement.total == data.amount_total + data.vat_total


def test_the_xml_follows_the_field_table_and_says_what_the_data_says(business_order):
    part = producer_parts(business_order)[0]
    data = invoice_data(business_order, part.partner)
    document = to_xml(data)
    assert validate(document) == []
    root = ET.fromstring(document)
    assert root.tag == "HDon"
    general = root.find("DLHDon/TTChung")
    assert general.findtext("PBan") == "2.0.0" and general.findtext("DVTTe") == "VND"
    assert general.findtext("KHMSHDon") == data.form
    assert general.findtext("NLap") == data.issue_date.isoformat()
    buyer = root.find("DLHDon/NDHDon/NMua")
    assert buyer.findtext("Ten") == "Công ty Cổ phần Nông sản Hoàng Liên" and buyer.findtext("MST") == "5300765432-001"
    items = root.findall("DLHDon/NDHDon/DSHHDVu/HHDVu")
    assert [item.findtext("STCKhau") for item in items] == [str(line.discount) for line in data.lines]
    assert [item.findtext("ThTien") for item in items] == [str(line.amount) for line in data.lines]
    totals = root.find("DLHDon/NDHDon/TToan")
    assert totals.findtext("TgTTTBSo") == str(part.statement.total)
    assert totals.findtext("TgTTTBChu") == dong_in_words(part.statement.total)
    # A draft has no series or number yet; an issued invoice must.
    assert validate(document, issued=True) == [
        "DLHDon/TTChung/KHHDon: empty",
        "DLHDon/TTChung/SHDon: empty",
    ]


def _charge_vat(line, factor):
    for field in ("unit_price", "line_price", "line_price_before_discounts"):
        incl = Decimal(getattr(line, f"{field}_incl_tax"))
        setattr(line, f"{field}_excl_tax", (incl / factor).quantize(Decimal("0.01")))
    line.save()


def test_two_vat_rates_are_given_per_line_and_summed_per_rate(business_order):
    part = next(part for part in producer_parts(business_order) if len(part.lines) == 1)
    line = part.lines[0]
    # The shop records no tax today; a VAT-charging seller's lines carry it in Oscar's excl/incl fields.
    _charge_vat(line, Decimal("1.08"))
    second = get_model("order", "Line").objects.get(pk=line.pk)
    second.pk = None
    second.partner_sku = "HAI-THUE-SUAT"
    _charge_vat(second, Decimal("1.10"))
    part = next(p for p in producer_parts(business_order) if p.partner.pk == part.partner.pk)
    data = invoice_data(business_order, part.partner)
    assert [line.vat_rate for line in data.lines[:2]] == [Decimal(8), Decimal(10)]
    root = ET.fromstring(to_xml(data))
    assert [item.findtext("TSuat") for item in root.findall("DLHDon/NDHDon/DSHHDVu/HHDVu")][:2] == ["8%", "10%"]
    groups = root.findall("DLHDon/NDHDon/TToan/THTTLTSuat/LTSuat")
    assert [group.findtext("TSuat") for group in groups] == ["8%", "10%"]
    assert sum(int(group.findtext("TThue")) for group in groups) == data.vat_total > 0
    assert root.findtext("DLHDon/NDHDon/TToan/TgTTTBSo") == str(part.statement.total)
    assert validate(to_xml(data)) == []


def test_the_validator_finds_what_breaks_the_field_table():
    bad = (
        "<HDon><DLHDon><TTChung><PBan>2.0.0</PBan><THDon>HÓA ĐƠN BÁN HÀNG</THDon><KHMSHDon>2</KHMSHDon>"
        "<NLap>05/12/2026</NLap><DVTTe>VND</DVTTe></TTChung><NDHDon><NBan><Ten>A</Ten><DChi>B</DChi></NBan>"
        "<NMua><MST>" + "1" * 15 + "</MST></NMua><DSHHDVu><HHDVu><TChat>1</TChat><STT>1</STT><THHDVu>Chè</THHDVu>"
        "<TSuat>7 phần trăm</TSuat></HHDVu></DSHHDVu><TToan><TgTTTBSo>1</TgTTTBSo><TgTTTBChu>Một đồng</TgTTTBChu>"
        "<Khac>x</Khac></TToan></NDHDon></DLHDon></HDon>"
    ).encode()
    assert set(validate(bad)) == {
        "DLHDon/TTChung/NLap: '05/12/2026' is not a valid date",
        "DLHDon/NDHDon/NBan/MST: missing",
        "DLHDon/NDHDon/NMua/MST: longer than 14 characters",
        "DLHDon/NDHDon/DSHHDVu/HHDVu/TSuat: '7 phần trăm' is not a valid rate",
        "DLHDon/NDHDon/TToan/Khac: not in the field table",
    }


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "Không đồng"),
        (15, "Mười lăm đồng"),
        (105, "Một trăm linh năm đồng"),
        (85_500, "Tám mươi lăm nghìn năm trăm đồng"),
        (1_021_000, "Một triệu không trăm hai mươi mốt nghìn đồng"),
        (1_234_567, "Một triệu hai trăm ba mươi bốn nghìn năm trăm sáu mươi bảy đồng"),
    ],
)
def test_the_total_in_words(amount, words):
    assert dong_in_words(amount) == words


def test_issuing_stores_what_the_provider_returned_and_the_buyer_sees_it(client, business_order):
    provider = RecordingProvider()
    part = producer_parts(business_order)[0]
    einvoice = services.issue_for_part(business_order, part.partner, provider=provider)
    assert einvoice.status == EInvoice.Status.ISSUED and einvoice.provider == "Nhà cung cấp kiểm thử"
    assert einvoice.series == "C26TAA" and einvoice.number and einvoice.lookup_code.startswith("TRACUU")
    stored = ET.fromstring(einvoice.xml.encode())
    assert stored.findtext("DLHDon/TTChung/SHDon") == einvoice.number
    assert validate(einvoice.xml.encode(), issued=True) == []
    assert services.issue_for_part(business_order, part.partner, provider=provider).pk == einvoice.pk  # once
    assert [call[0] for call in provider.calls] == ["issue"]

    stranger = Client()
    response = stranger.post(reverse("order-lookup"), {"number": business_order.number, "email": GUEST})
    page = stranger.get(response["Location"]).content.decode()
    assert einvoice.lookup_code in page and f'class="einvoice-number">{einvoice.number}<' in page


def test_without_a_provider_the_part_keeps_a_draft_with_its_xml(business_order):
    part = producer_parts(business_order)[0]
    einvoice = services.issue_for_part(business_order, part.partner)
    assert einvoice.status == EInvoice.Status.DRAFT and einvoice.number == "" and einvoice.xml.startswith("<?xml")


def test_cancelling_twice_is_refused(business_order):
    provider = RecordingProvider()
    part = producer_parts(business_order)[0]
    einvoice = services.issue_for_part(business_order, part.partner, provider=provider)
    cancelled = services.cancel(einvoice, "Người mua trả lại hàng", provider=provider)
    assert cancelled.status == EInvoice.Status.CANCELLED and cancelled.reason == "Người mua trả lại hàng"
    with pytest.raises(ValidationError) as refused:
        services.cancel(einvoice, "Huỷ lần nữa", provider=provider)
    assert "đã bị huỷ hoặc đã được thay thế: không huỷ lại được" in refused.value.messages[0]
    assert [call[0] for call in provider.calls] == ["issue", "cancel"]
    # A cancelled invoice leaves room for a new one of the same part.
    assert services.issue_for_part(business_order, part.partner, provider=provider).pk != einvoice.pk


def test_a_replacement_points_to_the_invoice_it_replaces(business_order):
    provider = RecordingProvider()
    part = producer_parts(business_order)[0]
    first = services.issue_for_part(business_order, part.partner, provider=provider)
    with pytest.raises(ValidationError):
        services.replace(first, "  ", provider=provider)
    second = services.replace(first, "Sai địa chỉ người mua", provider=provider)
    first.refresh_from_db()
    assert first.status == EInvoice.Status.REPLACED and first.replaced_by == second
    assert second.replaces == first and second.status == EInvoice.Status.ISSUED and second.number != first.number
    related = ET.fromstring(second.xml.encode()).find("DLHDon/TTChung/TTHDLQuan")
    assert related.findtext("TCHDon") == "1" and related.findtext("SHDCLQuan") == first.number
    assert related.findtext("KHHDCLQuan") == first.series and related.findtext("GChu") == "Sai địa chỉ người mua"
    assert validate(second.xml.encode(), issued=True) == []
    with pytest.raises(ValidationError):
        services.cancel(first, "Huỷ hoá đơn đã bị thay thế", provider=provider)


def _xml_urls(order, partner):
    return (
        reverse("dashboard:portal-order-einvoice", kwargs={"number": order.number}),
        reverse("dashboard:ocop-einvoice-xml", kwargs={"number": order.number, "partner_id": partner.pk}),
    )


def test_a_producer_downloads_the_xml_of_its_own_part_only(business_order):
    own, other = [part.partner for part in producer_parts(business_order)][:2]
    portal_url, finance_url = _xml_urls(business_order, own)
    member = Client()
    member.force_login(own.users.first())
    response = member.get(portal_url)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    assert validate(response.content) == []
    assert ET.fromstring(response.content).findtext("DLHDon/NDHDon/NBan/Ten") == (own.legal_name or own.name)
    # Asking for another producer's part gives its own, or nothing: never the other's.
    response = member.get(portal_url, {"producer": other.pk})
    assert response.status_code == 200
    assert ET.fromstring(response.content).findtext("DLHDon/NDHDon/NBan/Ten") == (own.legal_name or own.name)
    assert member.get(finance_url).status_code in (302, 403)
    outsider = Client()
    outsider.force_login(factories.portal_user(factories.producer()))
    assert outsider.get(portal_url).status_code == 404


def test_finance_staff_download_any_part_and_others_may_not(business_order):
    partner = producer_parts(business_order)[1].partner
    _portal_url, finance_url = _xml_urls(business_order, partner)
    admin = Client()
    admin.force_login(User.objects.get(email=loader.STAFF_EMAIL))
    response = admin.get(finance_url)
    assert response.status_code == 200 and validate(response.content) == []
    reviewer = Client()
    reviewer.force_login(User.objects.get(email=loader.REVIEWER_EMAIL))
    assert reviewer.get(finance_url).status_code in (302, 403)
    buyer = Client()
    buyer.force_login(factories.customer())
    assert buyer.get(finance_url).status_code in (302, 403)
    desk = factories.user()
    desk.is_staff = True
    desk.save(update_fields=["is_staff"])
    desk.user_permissions.add(Permission.objects.get(codename="change_payment", content_type__app_label="payments"))
    clerk = Client()
    clerk.force_login(desk)
    assert clerk.get(finance_url).status_code == 200


def test_the_command_writes_the_demo_business_buyers_xml(tmp_path):
    call_command("einvoice_export", "--order", DEMO_INVOICE_ORDER, "--output", str(tmp_path))
    files = sorted(tmp_path.glob("*.xml"))
    assert files, "one file per producer part"
    for path in files:
        root = ET.fromstring(path.read_bytes())
        assert root.findtext("DLHDon/NDHDon/NMua/MST") == DEMO_COMPANY["tax_code"]
        assert validate(path.read_bytes()) == []


def test_the_issue_command_stores_drafts_without_a_provider(capsys):
    call_command("einvoice_issue", "--order", DEMO_INVOICE_ORDER)
    einvoices = EInvoice.objects.filter(order__number=DEMO_INVOICE_ORDER)
    assert einvoices.exists() and {e.status for e in einvoices} == {EInvoice.Status.DRAFT}
    assert "Nháp" in capsys.readouterr().out


def test_the_portal_order_page_links_to_the_parts_xml(business_order):
    own = producer_parts(business_order)[0].partner
    member = Client()
    member.force_login(own.users.first())
    page = member.get(reverse("dashboard:portal-order", kwargs={"number": business_order.number}))
    assert page.status_code == 200
    url = reverse("dashboard:portal-order-einvoice", kwargs={"number": business_order.number})
    assert f'href="{url}?producer={own.pk}"' in page.content.decode()
    assert reverse("dashboard:ocop-einvoice-xml", kwargs={"number": "1", "partner_id": 2}).startswith(
        "/dashboard/ocop/einvoices/"
    )


def _portal_member(order):
    own = producer_parts(order)[0].partner
    member = Client()
    member.force_login(own.users.first())
    return own, member


def _act(member, order, action, reason=""):
    url = reverse("dashboard:portal-order-einvoice-action", kwargs={"number": order.number})
    response = member.post(url, {"action": action, "reason": reason}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].endswith(
        reverse("dashboard:portal-order", kwargs={"number": order.number}) + "#einvoice"
    )
    return response.content.decode()


def test_the_portal_issues_cancels_and_replaces_the_parts_invoice(business_order, settings):
    settings.OCOP_EINVOICE_PROVIDER = "tests.shop.einvoice.test_einvoice.RecordingProvider"
    own, member = _portal_member(business_order)
    page = member.get(reverse("dashboard:portal-order", kwargs={"number": business_order.number})).content.decode()
    assert "Công ty Cổ phần Nông sản Hoàng Liên" in page and "Phần đơn hàng này chưa có hoá đơn." in page

    page = _act(member, business_order, "issue")
    first = EInvoice.objects.get(order=business_order, partner=own)
    assert first.status == EInvoice.Status.ISSUED and f"số {first.number}, mã tra cứu {first.lookup_code}" in page

    page = _act(member, business_order, "replace", "")  # a reason is required
    assert "Hãy ghi lý do huỷ hoặc thay thế hoá đơn." in page
    page = _act(member, business_order, "replace", "Sai tên người mua")
    first.refresh_from_db()
    second = first.replaced_by
    assert first.status == EInvoice.Status.REPLACED and second.status == EInvoice.Status.ISSUED
    assert f"Đã phát hành hoá đơn thay thế {second.series} số {second.number}." in page
    assert f"Thay thế cho hoá đơn số {first.number}" in page and "Sai tên người mua" in page

    page = _act(member, business_order, "cancel", "Người mua trả hàng")
    second.refresh_from_db()
    assert second.status == EInvoice.Status.CANCELLED and f"Đã huỷ hoá đơn {second.number}." in page
    page = _act(member, business_order, "cancel", "Lần nữa")
    assert "Phần đơn hàng này chưa có hoá đơn." in page  # nothing current to cancel any more


def test_without_a_provider_the_portal_keeps_a_draft_and_refuses_a_replacement(business_order):
    own, member = _portal_member(business_order)
    page = _act(member, business_order, "issue")
    draft = EInvoice.objects.get(order=business_order, partner=own)
    assert draft.status == EInvoice.Status.DRAFT and "Đã lưu bản nháp hoá đơn." in page
    assert 'value="replace"' not in page  # offered only for an issued invoice with a provider
    page = _act(member, business_order, "replace", "Sai địa chỉ")
    assert "Chỉ thay thế được hoá đơn đã phát hành" in page
    draft.refresh_from_db()
    assert draft.status == EInvoice.Status.DRAFT


def test_another_producer_cannot_act_on_the_parts_invoice(business_order):
    outsider = Client()
    outsider.force_login(factories.portal_user(factories.producer()))
    url = reverse("dashboard:portal-order-einvoice-action", kwargs={"number": business_order.number})
    assert outsider.post(url, {"action": "issue"}).status_code == 404
    assert not EInvoice.objects.filter(order=business_order).exists()
    _own, member = _portal_member(business_order)
    assert member.post(url, {"action": "delete"}).status_code == 400
    assert member.get(url)["Location"].endswith("#einvoice")  # the actions live on the order page
