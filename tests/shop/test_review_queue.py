"""The administrators' OCOP review queue in the Oscar dashboard."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.programme.review import ReviewStatus
from tests import factories
from tests.shop.review_page import decide

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")


def _queue_upcs(response):
    return {p.upc for p in response.context["paginator"].object_list}


def test_queue_lists_products_waiting_for_review(reviewer_client):
    response = reviewer_client.get(reverse("dashboard:ocop-review-queue"))
    assert response.status_code == 200
    waiting = set(Product.objects.filter(review_status=ReviewStatus.SUBMITTED).values_list("upc", flat=True))
    assert waiting >= {"LC-012", "LC-033"}
    assert _queue_upcs(response) == waiting


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"group": "food"}, {"LC-012", "LC-033"}),
        ({"group": "handicraft"}, set()),  # the applicant's handicraft stays a draft until it is verified
        ({"group": "food", "stars": "3"}, None),
        ({"q": "LC-033"}, {"LC-033"}),
        ({"min_days": "3650"}, set()),
    ],
)
def test_queue_filters(reviewer_client, params, expected):
    response = reviewer_client.get(reverse("dashboard:ocop-review-queue"), {"status": "queue", **params})
    upcs = _queue_upcs(response)
    if expected is None:  # computed from the data
        expected = set(
            Product.objects.filter(
                review_status=ReviewStatus.SUBMITTED, ocop_group="food", ocop_certificates__star_rating=3
            ).values_list("upc", flat=True)
        )
    assert upcs == expected


def test_queue_filter_by_province(reviewer_client):
    response = reviewer_client.get(reverse("dashboard:ocop-review-queue"), {"status": "", "province": "15"})
    # The demo has four other provinces too (cms/demo/provinces.py).
    lao_cai = Product.objects.filter(stockrecords__partner__province_code=15).distinct()
    assert response.context["paginator"].count == lao_cai.count() < Product.objects.count()
    response = reviewer_client.get(reverse("dashboard:ocop-review-queue"), {"status": "", "province": "1"})
    assert response.context["paginator"].count == 0


def test_detail_shows_certificate_beside_product_and_history(reviewer_client):
    product = Product.objects.get(upc="LC-047")  # changes requested in the demo
    html = reviewer_client.get(reverse("dashboard:ocop-review-detail", kwargs={"pk": product.pk})).content.decode()
    certificate = product.ocop_certificates.get()
    assert certificate.decision_number in html and certificate.issuer in html
    assert 'id="review_history"' in html
    assert "Ảnh sản phẩm chưa rõ nhãn mác" in html  # the reason recorded in the log


def test_reviewer_approves_from_the_detail_page(reviewer_client):
    product = factories.submitted_product()
    response = decide(reviewer_client, product, {"action": "approve", "reason": ""})
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.review_status == ReviewStatus.APPROVED and product.is_public


def test_rejecting_without_a_reason_is_refused_with_a_vietnamese_error(reviewer_client):
    product = factories.submitted_product()
    response = reviewer_client.post(
        reverse("dashboard:ocop-review-detail", kwargs={"pk": product.pk}), {"action": "reject", "reason": " "}
    )
    assert response.status_code == 400
    assert "Hãy nêu lý do" in response.content.decode()
    product.refresh_from_db()
    assert product.review_status == ReviewStatus.SUBMITTED


def test_approving_an_unverified_producers_product_is_refused(reviewer_client):
    product = factories.submitted_product()  # its producer suspended since
    get_model("partner", "Partner").objects.filter(pk=product.producer.pk).update(verification_status="suspended")
    response = decide(reviewer_client, product, {"action": "approve"})
    assert response.status_code == 403
    assert "chưa được xác minh" in response.content.decode()
    assert not Product.objects.get(pk=product.pk).is_public


def test_revoking_from_the_detail_page_needs_the_sale_decision(reviewer_client):
    product = factories.product()
    certificate = product.ocop_certificates.get()
    response = decide(
        reviewer_client,
        product,
        {"action": "revoke_certificate", "certificate": certificate.pk, "reason": "Không tái đánh giá."},
    )
    assert response.status_code == 400
    assert OcopCertificate.objects.get(pk=certificate.pk).revoked_at is None
    response = decide(
        reviewer_client,
        product,
        {
            "action": "revoke_certificate",
            "certificate": certificate.pk,
            "reason": "Không tái đánh giá.",
            "keep_on_sale": "0",
        },
    )
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.review_status == ReviewStatus.SUSPENDED and product.current_certificate() is None


def test_queue_query_count_is_bounded(reviewer_client, django_assert_max_num_queries):
    url = reverse("dashboard:ocop-review-queue")
    reviewer_client.get(url, {"status": ""})
    with django_assert_max_num_queries(25):
        reviewer_client.get(url, {"status": ""})


def test_new_certificate_of_a_product_on_sale_joins_the_queue(reviewer_client):
    product = factories.product()
    assert product.review_status == ReviewStatus.APPROVED
    factories.certificate(product, number="901/QĐ-UBND", decided=timezone.localdate() - datetime.timedelta(days=2))
    response = reviewer_client.get(reverse("dashboard:ocop-review-queue"))
    assert product.upc in _queue_upcs(response)
    assert "Chứng nhận mới chờ duyệt" in response.content.decode()
