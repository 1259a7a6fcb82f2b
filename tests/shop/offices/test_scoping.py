"""Provincial offices (issue 23, ``shop.users.offices``): an officer of province A sees and acts only on the
producers and products of A — other provinces' are absent from every list and 404 by id, and the services refuse
them too; the national role sees both; an administrator with no province sees no producer."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.ocop import review_version, workflow
from shop.producers import verification
from tests import factories

pytestmark = pytest.mark.django_db

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")
AssistedEntryGrant = get_model("partner", "AssistedEntryGrant")


def page(client, user, name, query="", **kwargs):
    client.force_login(user)
    response = client.get(reverse(f"dashboard:{name}", kwargs=kwargs) + query)
    return response, response.content.decode()


# --- The review queue and a product's review page -------------------------------------------------------------


def test_the_queue_lists_the_officers_province_only(client, lao_cai_officer, hanoi_officer, national, lao_cai, hanoi):
    _response, text = page(client, lao_cai_officer, "ocop-review-queue")
    assert lao_cai["waiting"].title in text and hanoi["waiting"].title not in text
    _response, text = page(client, hanoi_officer, "ocop-review-queue")
    assert hanoi["waiting"].title in text and lao_cai["waiting"].title not in text
    _response, text = page(client, national, "ocop-review-queue")
    assert hanoi["waiting"].title in text and lao_cai["waiting"].title in text


def test_another_provinces_product_is_404_and_its_decision_refused(client, lao_cai_officer, national, hanoi):
    product = hanoi["waiting"]
    response, _text = page(client, lao_cai_officer, "ocop-review-detail", pk=product.pk)
    assert response.status_code == 404
    response = client.post(
        reverse("dashboard:ocop-review-detail", kwargs={"pk": product.pk}),
        {"action": "approve", "seen": review_version.token(product), "reason": ""},
    )
    assert response.status_code == 404
    assert Product.objects.get(pk=product.pk).review_status == product.review_status
    response, text = page(client, national, "ocop-review-detail", pk=product.pk)
    assert response.status_code == 200 and product.title in text


def test_the_workflow_refuses_an_officer_of_another_province(lao_cai_officer, hanoi_officer, hanoi):
    product = hanoi["waiting"]
    with pytest.raises(workflow.TransitionRefused, match="không thuộc tỉnh bạn phụ trách"):
        workflow.approve(product, lao_cai_officer, seen=review_version.token(product))
    with pytest.raises(workflow.TransitionRefused, match="không thuộc tỉnh bạn phụ trách"):
        workflow.approve_certificate(product.ocop_certificates.get(), lao_cai_officer)
    with pytest.raises(workflow.TransitionRefused, match="không thuộc tỉnh bạn phụ trách"):
        workflow.revoke_certificate(hanoi["on_sale"].ocop_certificates.get(), lao_cai_officer, "Thử")
    with pytest.raises(workflow.TransitionRefused, match="không thuộc tỉnh bạn phụ trách"):
        workflow.suspend(hanoi["on_sale"], lao_cai_officer, "Thử")
    assert workflow.available_actions(product, lao_cai_officer) == []
    approved = workflow.approve(product, hanoi_officer, seen=review_version.token(product))  # its own office may
    assert approved.is_public


def test_an_administrator_without_a_province_sees_and_decides_nothing(client, hanoi, lao_cai):
    nobody = factories.officer(province_code=None, email="chua-phan-cong@example.vn")
    _response, text = page(client, nobody, "ocop-review-queue")
    assert hanoi["waiting"].title not in text and lao_cai["waiting"].title not in text
    with pytest.raises(workflow.TransitionRefused):
        workflow.approve(lao_cai["waiting"], nobody, seen=review_version.token(lao_cai["waiting"]))


# --- Producers and their applications --------------------------------------------------------------------------


def test_producers_and_applications_are_the_officers_province_only(client, lao_cai_officer, national, hanoi, lao_cai):
    _response, text = page(client, lao_cai_officer, "ocop-producers")
    assert lao_cai["applicant"].name in text and hanoi["applicant"].name not in text
    for name in ("ocop-application", "ocop-application-scan"):
        response, _text = page(client, lao_cai_officer, name, pk=hanoi["applicant"].pk)
        assert response.status_code == 404, name
    _response, text = page(client, national, "ocop-producers")
    assert lao_cai["applicant"].name in text and hanoi["applicant"].name in text
    response, _text = page(client, national, "ocop-application", pk=hanoi["applicant"].pk)
    assert response.status_code == 200


def test_verifying_another_provinces_producer_is_refused_by_page_and_service(client, lao_cai_officer, hanoi):
    applicant = hanoi["applicant"]
    client.force_login(lao_cai_officer)
    for url, body in (
        (reverse("dashboard:ocop-producers"), {"producer": applicant.pk, "action": "verify"}),
        (reverse("dashboard:ocop-application", kwargs={"pk": applicant.pk}), {"action": "verify"}),
    ):
        assert client.post(url, body).status_code == 404
    with pytest.raises(workflow.TransitionRefused, match="không thuộc tỉnh bạn phụ trách"):
        verification.verify_producer(applicant, lao_cai_officer)
    assert Partner.objects.get(pk=applicant.pk).verification_status == Partner.Verification.PENDING


def test_the_office_verifies_its_own_applicant(hanoi_officer, hanoi):
    verification.verify_producer(hanoi["applicant"], hanoi_officer)
    assert Partner.objects.get(pk=hanoi["applicant"].pk).verification_status == Partner.Verification.VERIFIED


# --- Assisted entry grants -------------------------------------------------------------------------------------


def test_assisted_entry_grants_are_scoped(client, hanoi_officer, lao_cai_officer, hanoi):
    from django.contrib.auth.models import Permission

    change = Permission.objects.get(codename="change_partner", content_type__app_label="partner")
    lao_cai_officer.user_permissions.add(change)
    lao_cai_officer = type(lao_cai_officer).objects.get(pk=lao_cai_officer.pk)
    grant = factories.assistant(hanoi["producer"])
    hanoi_grant = AssistedEntryGrant.objects.get(partner=hanoi["producer"], user=grant)
    response, text = page(client, lao_cai_officer, "ocop-assistants")
    assert response.status_code == 200
    assert hanoi["producer"].name not in text  # neither among the grants nor in the form's choices
    response = client.post(reverse("dashboard:ocop-assistants"), {"action": "revoke", "grant": hanoi_grant.pk})
    assert response.status_code == 404 and AssistedEntryGrant.objects.filter(pk=hanoi_grant.pk).exists()
    response = client.post(
        reverse("dashboard:ocop-assistants"),
        {"action": "grant", "email": "nhan-vien@example.vn", "producer": hanoi["producer"].pk},
    )
    assert response.status_code == 400 and "Chọn một chủ thể trong danh sách." in response.content.decode()
    assert not AssistedEntryGrant.objects.filter(partner=hanoi["producer"], user__email="nhan-vien@example.vn")


# --- Uncertified products, revocations, certificate checks, scans -----------------------------------------------


def test_uncertified_products_are_scoped(client, lao_cai_officer, national):
    hanoi_expired = factories.expired_product(of=_hanoi_producer(), title="Miến dong hết hạn")
    _response, text = page(client, lao_cai_officer, "ocop-uncertified")
    assert hanoi_expired.title not in text
    response = client.post(
        reverse("dashboard:ocop-uncertified"), {"action": "suspend", "product": hanoi_expired.pk, "reason": "Thử"}
    )
    assert response.status_code == 404
    assert Product.objects.get(pk=hanoi_expired.pk).review_status == hanoi_expired.review_status
    _response, text = page(client, national, "ocop-uncertified")
    assert hanoi_expired.title in text


def test_a_revocation_cannot_name_another_provinces_certificate(client, lao_cai_officer, national, hanoi):
    certificate = hanoi["on_sale"].ocop_certificates.get()
    _response, text = page(client, lao_cai_officer, "ocop-revocations")
    assert certificate.decision_number not in text
    today = timezone.localdate()
    body = {
        "decision_number": "99/QĐ-UBND",
        "decision_date": today.isoformat(),
        "reason": "Thử",
        "numbers": certificate.decision_number,
        "products": "stop",
        "step": "revoke",
    }
    response = client.post(reverse("dashboard:ocop-revocations"), body)
    assert response.status_code == 400
    assert f"Không tìm thấy giấy chứng nhận số {certificate.decision_number}." in response.content.decode()
    assert OcopCertificate.objects.get(pk=certificate.pk).revoked_at is None
    _response, text = page(client, national, "ocop-revocations")
    assert certificate.decision_number in text


def test_certificate_checks_are_scoped(client, lao_cai_officer, national, hanoi):
    certificate = hanoi["on_sale"].ocop_certificates.get()
    # A ★3 recognised by a district after 6 July 2025 breaks the certifier-by-era rule (stored around the forms).
    OcopCertificate.objects.filter(pk=certificate.pk).update(
        star_rating=3,
        issuer="UBND huyện Ba Vì",
        issuer_level=OcopCertificate.IssuerLevel.DISTRICT,
        decision_date=datetime.date(2025, 9, 1),
    )
    _response, text = page(client, national, "ocop-certificate-checks")
    assert certificate.decision_number in text
    _response, text = page(client, lao_cai_officer, "ocop-certificate-checks")
    assert certificate.decision_number not in text


def test_a_certificate_scan_is_for_its_provinces_reviewers(client, lao_cai_officer, hanoi_officer, hanoi):
    from django.core.files.base import ContentFile

    scanned = hanoi["on_sale"].ocop_certificates.get()
    scanned.scan.save("giay-chung-nhan.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    url = reverse("dashboard:ocop-certificate-scan", kwargs={"pk": scanned.pk})
    client.force_login(lao_cai_officer)
    assert client.get(url).status_code == 404
    client.force_login(hanoi_officer)
    assert client.get(url).status_code == 200


# --- The registry count ----------------------------------------------------------------------------------------


def test_an_officer_records_counts_for_their_province_only(client, hanoi_officer):
    from django.contrib.auth.models import Permission

    from shop.registry.models import ProvinceRegistry

    hanoi_officer.user_permissions.add(
        Permission.objects.get(codename="add_provinceregistry", content_type__app_label="registry")
    )
    client.force_login(type(hanoi_officer).objects.get(pk=hanoi_officer.pk))
    url = reverse("dashboard:ocop-registry-count")
    text = client.get(url).content.decode()
    assert '<option value="1"' in text and '<option value="15"' not in text  # the province choices
    day = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = client.post(url, {"province_code": 15, "certified_products": 9, "as_of": day, "source": "Thử"})
    assert response.status_code == 200 and not ProvinceRegistry.objects.filter(source="Thử").exists()
    response = client.post(url, {"province_code": 1, "certified_products": 9, "as_of": day, "source": "Thử"})
    assert response.status_code == 302 and ProvinceRegistry.objects.get(source="Thử").province_code == 1


def _hanoi_producer():
    from tests.shop.offices.conftest import in_hanoi

    return in_hanoi("Hợp tác xã Miến dong Minh Hồng")
