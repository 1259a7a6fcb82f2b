"""A known tariff, producers in known provinces and products of known weights, for the shipping tests."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from oscar.core.loading import get_class, get_model
from oscar.test.factories import create_product

from catalogue.ocop.editing import SERVICE_CLASS
from catalogue.programme.review import ReviewStatus
from shop.shipping.tariff import install_tariff

Basket = get_model("basket", "Basket")
Partner = get_model("partner", "Partner")
OcopCertificate = get_model("catalogue", "OcopCertificate")
ZoneRate = get_model("shipping", "ZoneRate")
RateBand = get_model("shipping", "RateBand")
ShippingSettings = get_model("shipping", "ShippingSettings")
Selector = get_class("partner.strategy", "Selector")

LAO_CAI, HA_NOI, HO_CHI_MINH, CAN_THO = 15, 1, 79, 92

# zone → ([(up to grams, charge)], per extra kg)
KNOWN_TARIFF = {
    "province": ([(500, 20000), (1000, 25000), (2000, 30000)], 4000),
    "region": ([(500, 30000), (1000, 35000), (2000, 45000)], 6000),
    "national": ([(500, 40000), (1000, 50000), (2000, 65000)], 10000),
}
KNOWN_THRESHOLD = 400_000


def set_tariff(tariff=KNOWN_TARIFF, threshold=KNOWN_THRESHOLD):
    RateBand.objects.all().delete()
    install_tariff(ZoneRate, RateBand, tariff)
    settings = ShippingSettings.load()
    settings.free_shipping_threshold = threshold
    settings.save()


@pytest.fixture
def tariff(db):
    set_tariff()


@pytest.fixture
def shop_items(tariff):
    """Two producers (Lào Cai, Hồ Chí Minh City); goods of known weights and a homestay service."""
    verified = Partner.Verification.VERIFIED
    lao_cai = Partner.objects.create(name="HTX Thử nghiệm Bắc Hà", province_code=LAO_CAI, verification_status=verified)
    saigon = Partner.objects.create(
        name="Cơ sở Thử nghiệm Sài Gòn", province_code=HO_CHI_MINH, verification_status=verified
    )

    def item(title, partner, price, weight, product_class="Sản phẩm OCOP"):
        """A product for sale (catalogue.listing): approved, of a verified producer, with a valid certificate."""
        product = create_product(
            title=title,
            product_class=product_class,
            price=Decimal(price),
            num_in_stock=50,
            partner_name=partner.name,
            weight_grams=weight,
            review_status=ReviewStatus.APPROVED,
            is_public=True,
        )
        OcopCertificate.objects.create(
            product=product,
            star_rating=4,
            decision_number=f"{product.pk}/QĐ-UBND",
            decision_date=timezone.localdate() - datetime.timedelta(days=30),
            issuer="UBND tỉnh Lào Cai",
            issuer_level="province",
            review=OcopCertificate.Review.APPROVED,
        )
        return product

    return {
        "lao_cai": lao_cai,
        "saigon": saigon,
        "tea": item("Chè Shan tuyết thử", lao_cai, 120000, 300),
        "honey": item("Mật ong bạc hà thử", lao_cai, 150000, None),  # no weight: counts 500 g
        "coffee": item("Cà phê rang thử", saigon, 80000, 250),
        "rice": item("Gạo ST25 thử", saigon, 90000, 5000),
        "homestay": item("Homestay thử", lao_cai, 600000, None, product_class=SERVICE_CLASS),
    }


def make_basket(*items):
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    for product, quantity in items:
        basket.add_product(product, quantity)
    return basket
