import re

import pytest
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

from catalogue.programme import taxonomy
from cms.demo import loader
from cms.models import HomePage
from shop.core import addresses

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
OcopCertificate = get_model("catalogue", "OcopCertificate")
ProductImage = get_model("catalogue", "ProductImage")
ReviewLogEntry = get_model("catalogue", "ReviewLogEntry")
RegistryImportLine = get_model("registry", "RegistryImportLine")


def entered_products():
    """The demo's products entered as producers do (price, stock, picture, scanned certificate): not the drafts the
    registry import created for certified products nobody has listed yet (cms/demo/registry.py)."""
    from_registry = RegistryImportLine.objects.filter(
        registry_import__dry_run=False, outcome="created", product__isnull=False
    ).exclude(product__in=Product.objects.filter(stockrecords__price__isnull=False))
    return Product.objects.exclude(pk__in=from_registry.values("product_id"))


def entered_producers():
    """The demo's producers, not the registry's unclaimed stubs (which have only what the province's list gives)."""
    return Partner.objects.exclude(verification_status=Partner.Verification.UNCLAIMED)


def test_demo_catalogue_is_large_and_covers_all_six_groups():
    assert Product.objects.count() >= 60
    groups = set(Product.objects.values_list("ocop_group", flat=True))
    assert groups == {group.key for group in taxonomy.GROUPS_148}


def test_demo_producers_are_varied_and_have_two_level_addresses():
    producers = entered_producers()
    assert producers.count() >= 12
    assert {p.kind for p in producers} >= {"cooperative", "enterprise", "household"}
    for producer in producers:
        addresses.validate_ward(producer.province_code, producer.ward_code)
        # Lào Cai and four other provinces (cms/demo/provinces.py).
        assert producer.province_name and producer.address.endswith(producer.province_name)
        # Written as on every other producer page: "0912 458 307", by the one phone rule.
        assert re.fullmatch(r"0\d{3} \d{3} \d{3}", producer.phone), producer.phone


def test_every_demo_product_has_price_stock_image_and_certificate():
    products = entered_products().prefetch_related("stockrecords", "images", "ocop_certificates")
    stars = set()
    for product in products:
        stockrecord = product.stockrecords.get()
        assert stockrecord.price > 0 and stockrecord.price == stockrecord.price.to_integral_value()
        assert stockrecord.price_currency == "VND"
        image = product.images.get()
        assert image.original.size > 5_000
        stars.add(product.ocop_certificates.get().star_rating)
    assert stars == {3, 4, 5}


def test_demo_text_has_vietnamese_diacritics():
    titles = " ".join(Product.objects.values_list("title", flat=True))
    assert any(char in titles for char in "ăâđêôơư")


def test_loading_twice_changes_nothing():
    def snapshot():
        return {
            "products": list(Product.objects.order_by("pk").values_list("pk", "date_updated")),
            "producers": Partner.objects.count(),
            "stock": list(StockRecord.objects.order_by("pk").values_list("pk", "num_in_stock", "date_updated")),
            "certificates": OcopCertificate.objects.count(),
            "images": ProductImage.objects.count(),
            "users": get_user_model().objects.count(),
            "home_pages": HomePage.objects.count(),
        }

    before = snapshot()
    assert loader.load_demo_data() == 0
    assert snapshot() == before


def test_demo_logins_exist():
    User = get_user_model()
    staff = User.objects.get(email=loader.STAFF_EMAIL)
    assert staff.is_staff and staff.check_password(loader.STAFF_PASSWORD)
    producer = User.objects.get(email=loader.PRODUCER_EMAIL)
    assert producer.check_password(loader.PRODUCER_PASSWORD)
    assert producer.has_perm("partner.dashboard_access")
    assert producer.partners.count() == 1


def test_demo_has_products_in_every_review_state_and_certificate_situation():
    import datetime

    from django.utils import timezone

    from catalogue.programme import rules
    from catalogue.programme.review import ReviewStatus

    states = set(Product.objects.values_list("review_status", flat=True))
    assert states == {value for value, _label in ReviewStatus.choices}
    today = timezone.localdate()
    certificates = OcopCertificate.objects.all()
    assert any(c.revoked_at and c.product.is_public for c in certificates)  # revoked, kept on sale
    assert any(c.expires_on < today for c in certificates)  # expired
    expiring = [c for c in certificates if rules.is_expiring(c.expires_on, today) and c.revoked_at is None]
    assert expiring and all(c.expires_on <= today + datetime.timedelta(days=30) for c in expiring)
    assert Partner.objects.filter(verification_status=Partner.Verification.PENDING).exists()
    assert ReviewLogEntry.objects.count() > Product.objects.count()  # submissions and decisions


def test_demo_certificates_have_scans_for_the_reviewers():
    from PIL import Image

    for certificate in OcopCertificate.objects.filter(product__in=entered_products()):
        with certificate.scan.open("rb") as scan, Image.open(scan) as image:
            assert image.format == "PNG" and image.size == (1000, 700)
