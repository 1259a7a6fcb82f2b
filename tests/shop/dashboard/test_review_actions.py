"""The reviewers' dashboard (shop/dashboard/review): decisions posted from the review page."""

import datetime

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.programme.review import ReviewStatus
from tests.shop.review_page import decide

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")


def test_revoking_from_the_detail_page_can_keep_the_product_on_sale_until_a_date(reviewer_client):
    product = Product.objects.get(upc="LC-005")
    certificate = product.ocop_certificates.get()
    until = timezone.localdate() + datetime.timedelta(days=60)
    response = decide(
        reviewer_client,
        product,
        {
            "action": "revoke_certificate",
            "certificate": certificate.pk,
            "reason": "Không tái đánh giá.",
            "keep_on_sale": "1",
            "keep_on_sale_until": until.isoformat(),
        },
    )
    assert response.status_code == 302
    product.refresh_from_db()
    assert OcopCertificate.objects.get(pk=certificate.pk).status == OcopCertificate.Status.REVOKED
    assert product.review_status == ReviewStatus.APPROVED and product.is_public and product.ocop_stars is None
