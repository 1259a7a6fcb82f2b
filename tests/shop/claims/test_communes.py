"""The office's per-commune page: certified products, listed, not listed and why; assisted entry for several
producers of a commune at once; scoped to the officer's provinces."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.ocop import workflow
from shop.core.addresses import ward_choices
from shop.partner import access
from shop.producers import claiming, communes
from tests import factories
from tests.shop.claims.helpers import LAO_CAI, grant_manager, last_code, officer, registry_product, stub

pytestmark = pytest.mark.django_db
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
OcopCertificate = get_model("catalogue", "OcopCertificate")
AssistedEntryGrant = get_model("partner", "AssistedEntryGrant")
APPROVED = {"review": OcopCertificate.Review.APPROVED}
WARDS = [code for code, _name in ward_choices(LAO_CAI)]


def commune_url(ward, province=LAO_CAI):
    return reverse("dashboard:ocop-commune", kwargs={"province": province, "ward": ward})


def free_ward(index=0):
    used = set(Partner.objects.filter(province_code=LAO_CAI).values_list("ward_code", flat=True))
    return [code for code in WARDS if code not in used][index]


@pytest.fixture
def commune():
    """One commune with a product for each reason, and one on sale. Certified means an approved certificate
    (the registry's, or one a reviewer checked): a producer's own certificate waiting for review is not counted."""
    ward = free_ward()
    verified = factories.producer(ward_code=ward)
    listed = factories.product(verified, title="Chè Shan tuyết đang bán")
    factories.product(verified, title="Chưa kiểm tra giấy chứng nhận", on_sale=False)  # pending: not counted
    draft = factories.product(verified, title="Mật ong bản nháp", on_sale=False, certificate_fields=APPROVED)
    submitted = factories.submitted_product(verified, title="Miến sâm chờ duyệt", certificate_fields=APPROVED)
    asked = factories.submitted_product(verified, title="Táo mèo cần sửa", certificate_fields=APPROVED)
    workflow.request_changes(asked, factories.reviewer(), "Ảnh chưa rõ nhãn.")
    no_stock = factories.product(verified, title="Lạp sườn hết hàng", on_sale=False, certificate_fields=APPROVED)
    StockRecord.objects.filter(product=no_stock).update(num_in_stock=0)
    expiring = factories.product(
        verified,
        title="Gạo Séng Cù sắp hết hạn",
        on_sale=False,
        certificate_fields={"decided": timezone.localdate() - datetime.timedelta(days=1080), **APPROVED},
    )
    OcopCertificate.objects.filter(product=expiring).update(
        expires_on=timezone.localdate() + datetime.timedelta(days=10)
    )
    unclaimed = stub("Hộ Sùng A Páo", ward=ward)
    registry_product(unclaimed, title="Thịt trâu gác bếp chưa ai nhận")
    claimed = stub("Hộ Vàng Thị Dợ", ward=ward)
    registry_product(claimed, title="Rượu ngô chờ xác minh")
    owner = factories.customer()
    claiming.request_code(claimed, owner, registration_number=claimed.registration_number, channel="sms")
    claiming.confirm_code(claimed, owner, last_code(claimed.phone))
    suspended = factories.producer(ward_code=ward)
    factories.product(suspended, title="Dầu quế của chủ thể tạm ngừng", on_sale=False, certificate_fields=APPROVED)
    Partner.objects.filter(pk=suspended.pk).update(verification_status=Partner.Verification.SUSPENDED)
    return {"ward": ward, "listed": listed, "draft": draft, "submitted": submitted, "unclaimed": unclaimed}


def reasons_by_title(ward):
    return {item.product.title: item.reasons for item in communes.not_listed_in(LAO_CAI, ward)}


def test_each_product_not_listed_says_why(commune):
    reasons = reasons_by_title(commune["ward"])
    assert "Chè Shan tuyết đang bán" not in reasons and "Chưa kiểm tra giấy chứng nhận" not in reasons
    assert reasons["Mật ong bản nháp"] == ["sản phẩm còn là bản nháp, chưa gửi duyệt"]
    assert reasons["Miến sâm chờ duyệt"] == ["sản phẩm đang chờ duyệt"]
    assert reasons["Táo mèo cần sửa"] == ["cán bộ duyệt yêu cầu chỉnh sửa, chủ thể chưa sửa"]
    assert reasons["Lạp sườn hết hàng"] == ["sản phẩm còn là bản nháp, chưa gửi duyệt", "chưa có giá hoặc hết hàng"]
    assert reasons["Gạo Séng Cù sắp hết hạn"][-1].startswith("giấy chứng nhận sắp hết hạn")
    assert reasons["Thịt trâu gác bếp chưa ai nhận"][0] == "chủ thể chưa có người nhận quản lý"
    assert "chưa có giá hoặc hết hàng" in reasons["Thịt trâu gác bếp chưa ai nhận"]
    assert reasons["Rượu ngô chờ xác minh"][0] == "chủ thể đã được nhận quản lý, chờ văn phòng xác minh"
    assert reasons["Dầu quế của chủ thể tạm ngừng"][0].startswith("chủ thể chưa được xác minh hoặc đang bị tạm ngừng")


def test_an_expired_certificate_is_a_reason():
    product = factories.expired_product()
    assert communes.why_not_listed(product)[-1].startswith("giấy chứng nhận đã hết hạn")


def test_the_commune_row_counts_certified_listed_and_share(client, commune):
    client.force_login(officer(LAO_CAI))
    response = client.get(reverse("dashboard:ocop-communes"))
    row = next(row for row in response.context["rows"] if row.ward_code == commune["ward"])
    assert (row.certified, row.listed, row.not_listed) == (9, 1, 8)
    assert row.share == 11.1
    assert f'data-ward="{commune["ward"]}"' in response.content.decode()


def test_the_pages_answer_in_a_fixed_number_of_queries(client, django_assert_max_num_queries, commune):
    client.force_login(officer(LAO_CAI))
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("dashboard:ocop-communes"))
        client.get(commune_url(commune["ward"]))
    baseline = len(few)
    more_ward = free_ward(1)
    for index in range(4):  # another commune, and more products in the first one
        registry_product(stub(f"Hộ thêm {index}", ward=more_ward))
        registry_product(stub(f"Hộ nữa {index}", ward=commune["ward"]))
        factories.product(factories.producer(ward_code=commune["ward"]), on_sale=False)
    with django_assert_max_num_queries(baseline):
        client.get(reverse("dashboard:ocop-communes"))
        client.get(commune_url(commune["ward"]))


def test_an_officer_of_another_province_gets_404(client, commune):
    client.force_login(officer(province_code=1))  # Hà Nội
    assert client.get(reverse("dashboard:ocop-communes"), {"province": LAO_CAI}).status_code == 404
    assert client.get(commune_url(commune["ward"])).status_code == 404
    assert client.post(commune_url(commune["ward"]), {"email": "x@example.vn"}).status_code == 404


def test_the_national_role_picks_a_province(client, commune):
    client.force_login(officer(national=True))
    assert client.get(reverse("dashboard:ocop-communes")).context["rows"] == []
    response = client.get(reverse("dashboard:ocop-communes"), {"province": LAO_CAI})
    assert any(row.ward_code == commune["ward"] for row in response.context["rows"])


def test_one_staff_account_gets_assisted_entry_for_several_producers_and_stubs_are_verified(client, commune):
    agent = factories.portal_user_without_producer("buu-dien-xa@example.vn")
    verified = commune["draft"].producer
    unclaimed = commune["unclaimed"]
    client.force_login(grant_manager())
    response = client.post(
        commune_url(commune["ward"]),
        {"email": agent.email, "note": "Bưu điện xã", "producers": [verified.pk, unclaimed.pk]},
    )
    assert response.status_code == 302
    assert set(AssistedEntryGrant.objects.filter(user=agent).values_list("partner", flat=True)) == {
        verified.pk,
        unclaimed.pk,
    }
    unclaimed.refresh_from_db()
    assert unclaimed.verification_status == Partner.Verification.VERIFIED
    assert "danh sách OCOP của tỉnh" in unclaimed.verification_reason
    assert access.capacity(agent, unclaimed, access.SELL) == access.ASSISTANT  # may now list its products
    again = client.post(commune_url(commune["ward"]), {"email": agent.email, "producers": [verified.pk]})
    assert again.status_code == 302  # already granted: skipped, nothing doubled
    assert AssistedEntryGrant.objects.filter(user=agent).count() == 2


def test_the_bulk_grant_is_scoped_and_needs_the_grant_permission(client, commune):
    agent = factories.portal_user_without_producer()
    unclaimed = commune["unclaimed"]
    client.force_login(officer(LAO_CAI))  # reviews, does not manage producers
    response = client.post(commune_url(commune["ward"]), {"email": agent.email, "producers": [unclaimed.pk]})
    assert response.status_code == 403
    elsewhere = stub("Hộ ở Hà Nội", province_code=1, ward=ward_choices(1)[0][0])
    with pytest.raises(Exception) as refused:
        communes.grant_assisted_entry_for([unclaimed, elsewhere], agent.email, grant_manager())
    assert type(refused.value).__name__ == "Http404"
    assert not AssistedEntryGrant.objects.filter(user=agent).exists()  # all or nothing
    assert Partner.objects.get(pk=unclaimed.pk).verification_status == Partner.Verification.UNCLAIMED


def test_a_producer_of_another_commune_cannot_be_ticked(client, commune):
    agent = factories.portal_user_without_producer()
    other = stub("Hộ xã khác", ward=free_ward(2))
    registry_product(other)
    client.force_login(grant_manager())
    response = client.post(commune_url(commune["ward"]), {"email": agent.email, "producers": [other.pk]})
    assert response.status_code == 400
    assert not AssistedEntryGrant.objects.filter(user=agent).exists()
