import datetime

import pytest
from django.core.exceptions import ValidationError
from oscar.core.loading import get_model

from catalogue.programme import rules
from tests import factories

Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")


@pytest.mark.parametrize(
    "decided, expires",
    [
        (datetime.date(2024, 5, 12), datetime.date(2027, 5, 12)),
        (datetime.date(2024, 2, 29), datetime.date(2027, 2, 28)),  # no 29 February in 2027
    ],
)
def test_certificate_is_valid_for_36_months(decided, expires):
    assert rules.default_expiry(decided) == expires


@pytest.mark.parametrize("score, stars", [(49, 2), (50, 3), (69, 3), (70, 4), (89, 4), (90, 5), (100, 5)])
def test_stars_follow_the_points(score, stars):
    assert rules.stars_for_score(score) == stars


@pytest.mark.django_db
def test_expired_certificate_takes_the_ocop_mark_off():
    product = factories.product(certified=False, on_sale=False)
    certificate = OcopCertificate.objects.create(
        product=product,
        star_rating=4,
        decision_number="99/QĐ-UBND",
        decision_date=datetime.date(2024, 1, 10),
        issuer="UBND tỉnh Lào Cai",
        issuer_level="province",
        review=OcopCertificate.Review.APPROVED,
    )
    assert certificate.expires_on == datetime.date(2027, 1, 10)
    product = Product.objects.get(pk=product.pk)
    assert product.current_certificate(today=datetime.date(2027, 1, 10)) == certificate
    assert product.current_certificate(today=datetime.date(2027, 1, 11)) is None


@pytest.mark.django_db
def test_score_must_match_the_stars():
    certificate = OcopCertificate(
        product=factories.product(certified=False, on_sale=False),
        star_rating=5,
        score=72,
        decision_number="1/QĐ",
        decision_date=datetime.date(2025, 1, 1),
        issuer="UBND tỉnh Lào Cai",
        issuer_level="province",
    )
    with pytest.raises(ValidationError) as error:
        certificate.full_clean()
    assert "score" in error.value.message_dict


@pytest.mark.django_db
def test_legacy_1048_group_only_for_1048_certificates():
    certificate = OcopCertificate(
        product=factories.product(certified=False, on_sale=False),
        star_rating=3,
        decision_number="2/QĐ",
        decision_date=datetime.date(2022, 5, 1),
        issuer="UBND tỉnh Lào Cai",
        issuer_level="province",
        taxonomy_version="148",
        legacy_group="souvenirs",
    )
    with pytest.raises(ValidationError) as error:
        certificate.full_clean()
    assert "legacy_group" in error.value.message_dict
    certificate.taxonomy_version = "1048"
    certificate.full_clean()


@pytest.mark.django_db
def test_demo_1048_certificates_name_their_legacy_group():
    legacy = OcopCertificate.objects.filter(taxonomy_version="1048")
    assert legacy.exists()
    assert all(c.legacy_group for c in legacy)
