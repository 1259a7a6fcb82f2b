"""Builders of test data: a producer, a product with its stock record and certificate, a customer, an order
— made new for the test that needs them, instead of editing the demo rows in place (the demo is loaded once
per test database, tests/conftest.py; what a test builds is rolled back with it).

Plain functions with keyword overrides. They go through the site's own services where one exists: a product
is put on sale by the OCOP workflow (submitted by a member of its producer, approved by the demo reviewer)
and an order is placed through the checkout pages (tests/shop/checkout/journey.py), so what they build is
what the site would have built."""

import datetime
import io
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from oscar.core.loading import get_model
from PIL import Image

from catalogue.ocop import review_version, workflow
from catalogue.ocop.editing import GOODS_CLASS, SERVICE_CLASS
from catalogue.programme.review import ReviewStatus
from cms.demo import loader
from shop.core.addresses import ward_choices

Partner = get_model("partner", "Partner")
AssistedEntryGrant = get_model("partner", "AssistedEntryGrant")
Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Order = get_model("order", "Order")
OfficerProvince = get_model("users", "OfficerProvince")

LAO_CAI = 15
# Six-digit serials (a test process makes far fewer than 900,000): a made-up decision number, title or code is never
# a substring of another (``"5/QĐ-UBND"`` in ``"15/QĐ-UBND"``) nor equal to one of the demo registry's (at most four
# digits: ``1455/QĐ-UBND``), which tests that assert a number is absent from a page would otherwise find by chance,
# depending on the order tests run in.
_numbers = itertools.count(100_000)


def _next():
    return next(_numbers)


def user(email=None, *, password="mat-khau-2026", **fields):
    """A new account (a customer unless given permissions elsewhere)."""
    fields = {"last_name": "Trần Thị", "first_name": "Lan", **fields}
    return get_user_model().objects.create_user(
        email=email or f"nguoi-dung-{_next()}@example.vn", password=password, **fields
    )


def customer(email=None, **fields):
    """A shopper's account (password "mat-khau-2026")."""
    return user(email or f"khach-{_next()}@example.vn", **fields)


def portal_user(producer, email=None, *, director=False):
    """A new account that works for ``producer`` in the portal (its director if asked)."""
    member = user(email or f"thanh-vien-{_next()}@example.vn", last_name="Giàng A", first_name="Páo")
    member.user_permissions.add(Permission.objects.get(codename="dashboard_access", content_type__app_label="partner"))
    producer.users.add(member)
    if director:
        Partner.objects.filter(pk=producer.pk).update(director=member)
    return get_user_model().objects.get(pk=member.pk)  # fresh permission cache


def assistant(producer, user=None, *, note="Nhân viên bưu điện xã"):
    """An account granted assisted entry for ``producer`` (default: a new one with portal access)."""
    user = user or portal_user_without_producer()
    AssistedEntryGrant.objects.create(partner=producer, user=user, note=note)
    return get_user_model().objects.get(pk=user.pk)


def portal_user_without_producer(email=None):
    """A new account with the portal permission that is not a member of any producer."""
    made = user(email or f"ho-tro-{_next()}@example.vn", last_name="Lò Văn", first_name="Minh")
    made.user_permissions.add(Permission.objects.get(codename="dashboard_access", content_type__app_label="partner"))
    return get_user_model().objects.get(pk=made.pk)


def producer(name=None, *, verified=True, **fields):
    """A new producer in Lào Cai (verified unless ``verified=False``), with a director who can use the portal."""
    number = _next()
    name = name or f"Hợp tác xã Thử Nghiệm {number}"
    fields = {
        "code": f"htx-thu-nghiem-{number}",
        "name": name,
        "legal_name": name,
        "kind": Partner.Kind.COOPERATIVE,
        "representative": "Vàng Seo Dính",
        "province_code": LAO_CAI,
        "ward_code": ward_choices(LAO_CAI)[0][0],
        "street": "Thôn Sín Chải",
        "phone": f"0912{number:06d}",
        "email": f"htx-thu-nghiem-{number}@example.vn",
        "registration_number": f"5300{number:06d}",
        "story": "Hợp tác xã của các hộ trồng chè và nuôi ong ở Sín Chải. Sản phẩm làm thủ công theo mùa.",
        "verification_status": Partner.Verification.VERIFIED if verified else Partner.Verification.PENDING,
        **fields,
    }
    made = Partner.objects.create(**fields)
    portal_user(made, director=True)
    return Partner.objects.get(pk=made.pk)


def certificate(product, *, number=None, stars=4, decided=None, review=OcopCertificate.Review.PENDING, **fields):
    """An OCOP certificate of ``product`` decided ``decided`` (default: 100 days ago, so valid for 36 months from
    then) by the authority recognising that star today (★5: the ministry; ★3, ★4: the province), pending review
    unless said otherwise."""
    decided = decided or timezone.localdate() - datetime.timedelta(days=100)
    issuer = (
        ("Bộ Nông nghiệp và Môi trường", OcopCertificate.IssuerLevel.CENTRAL)
        if stars == 5
        else ("UBND tỉnh Lào Cai", OcopCertificate.IssuerLevel.PROVINCE)
    )
    fields = {
        "star_rating": stars,
        "score": {3: 58, 4: 78, 5: 92}.get(stars),
        "issuer": issuer[0],
        "issuer_level": issuer[1],
        "review": review,
        **fields,
    }
    return OcopCertificate.objects.create(
        product=product, decision_number=number or f"{_next()}/QĐ-UBND", decision_date=decided, **fields
    )


def product(
    of=None,
    *,
    title=None,
    price=150_000,
    stock=20,
    stars=4,
    certified=True,
    certificate_fields=None,
    on_sale=True,
    service=False,
    pictures=0,
    **fields,
):
    """A standalone honey product of producer ``of`` (default: a new verified producer) in the demo's category,
    with a stock record and —
    ``certified`` — a certificate (``certificate_fields``: keyword overrides for ``certificate()``); ``on_sale``
    puts it on sale through the OCOP workflow (submitted by a member of its producer, approved by the demo
    reviewer); ``pictures``: how many pictures it has. Returns the product fresh from the database."""
    of = of or producer()
    number = _next()
    name = SERVICE_CLASS if service else GOODS_CLASS
    product_class, _created = ProductClass.objects.get_or_create(
        name=name, defaults={"requires_shipping": not service, "track_stock": True}
    )
    fields = {
        "title": title or f"Mật ong bạc hà thử nghiệm {number}",
        "upc": f"TEST-{number:03d}",
        "description": "<p>Sản phẩm dựng cho một bài kiểm thử.</p>",
        "product_class": product_class,
        "ocop_group": "food",
        "ocop_subgroup": "honey",
        "weight_grams": 500,
        "structure": Product.STANDALONE,
        **fields,
    }
    made = Product.objects.create(**fields)
    made.categories.add(loader.ensure_categories()[made.ocop_subgroup])  # the demo's browsing categories
    StockRecord.objects.create(product=made, partner=of, partner_sku=made.upc, price=price, num_in_stock=stock)
    for order in range(pictures):
        picture(made, display_order=order)
    if certified:
        certificate(made, **{"stars": stars, **(certificate_fields or {})})
    if on_sale:
        put_on_sale(made)
    return Product.objects.get(pk=made.pk)


def picture(product, *, display_order=0, size=(120, 90)):
    """A small JPEG picture of ``product``."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, "JPEG")
    name = f"anh-thu-nghiem-{_next()}.jpg"
    return ProductImage.objects.create(
        product=product, original=SimpleUploadedFile(name, buffer.getvalue(), "image/jpeg"), display_order=display_order
    )


def put_on_sale(product):
    """Submit (by a member of the product's producer) and approve (by the demo reviewer) through the workflow."""
    member = product.producer.users.first() or portal_user(product.producer)
    if product.review_status != ReviewStatus.SUBMITTED:
        workflow.submit(product, member)
    return workflow.approve(product, office_of(product.producer), seen=review_version.token(product))


def submitted_product(of=None, **fields):
    """A product (see ``product()``) its producer's director submitted for review: waiting in the queue."""
    made = product(of, on_sale=False, **fields)
    return workflow.submit(made, made.producer.director)


def reviewer():
    """The demo OCOP reviewer (staff with the review permission): the office's decisions are taken by it."""
    return get_user_model().objects.get(email=loader.REVIEWER_EMAIL)


def office_of(producer):
    """The reviewer deciding for ``producer``: the demo reviewer (Lào Cai's office) for Lào Cai's producers, else
    an officer of the producer's province (made once per province)."""
    code = producer.province_code
    if code == LAO_CAI:
        return reviewer()
    existing = get_user_model().objects.filter(email=f"van-phong-{code}@example.vn").first()
    return existing or officer(code, f"van-phong-{code}@example.vn", national=code is None)


def officer(province_code=LAO_CAI, email=None, *, national=False):
    """A staff account of a provincial OCOP office (review permission) working for ``province_code``, or of
    the national role (every province) when ``national``."""
    made = user(email)
    made.is_staff = True
    made.save(update_fields=["is_staff"])
    made.user_permissions.add(
        Permission.objects.get(codename="review_ocop_product", content_type__app_label="catalogue")
    )
    if national:
        made.user_permissions.add(Permission.objects.get(codename="see_all_provinces", content_type__app_label="users"))
    elif province_code is not None:
        OfficerProvince.objects.create(user=made, province_code=province_code)
    return get_user_model().objects.get(pk=made.pk)  # permissions are cached per user object


def expired_product(*, ended=None, **fields):
    """A product approved for sale whose only certificate ended on ``ended`` (default: 30 days ago) and that
    nobody kept on sale: off sale, listed on the administrators' "uncertified" page."""
    ended = ended or timezone.localdate() - datetime.timedelta(days=30)
    made = product(certificate_fields={"decided": ended - datetime.timedelta(days=300)}, **fields)
    OcopCertificate.objects.filter(product=made).update(expires_on=ended)  # no job ran: still "valid" on record
    return Product.objects.get(pk=made.pk)


def kept_on_sale_product(*, until=None, reason="Không tham gia đánh giá lại theo kế hoạch của tỉnh.", **fields):
    """A product whose certificate the office revoked, deciding to keep it on sale as a plain local product
    until ``until`` (default: 90 days ahead)."""
    made = product(**fields)
    until = until or timezone.localdate() + datetime.timedelta(days=90)
    workflow.revoke_certificate(
        made.ocop_certificates.get(), office_of(made.producer), reason, keep_on_sale_until=until
    )
    return Product.objects.get(pk=made.pk)


def order(buyer, *items, method="cod"):
    """An order ``buyer`` placed through the checkout pages; ``items`` are products or (product, quantity)
    pairs. Returns the order."""
    from tests.shop.checkout import journey

    client = Client()
    client.force_login(buyer)
    for item in items:
        item, quantity = item if isinstance(item, tuple) else (item, 1)
        journey.add_to_basket(client, item, quantity)
    preview = journey.reach_preview(client, method=method, guest=False)
    response = journey.place_order(client, preview)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Order.objects.filter(user=buyer).latest("date_placed")


def percentage_offer(product_range, name, *, percent=10, **fields):
    """An open site offer: ``percent`` off every product of ``product_range`` from one unit in the basket."""
    Condition, Benefit = get_model("offer", "Condition"), get_model("offer", "Benefit")
    ConditionalOffer = get_model("offer", "ConditionalOffer")
    return ConditionalOffer.objects.create(
        name=name,
        offer_type=ConditionalOffer.SITE,
        condition=Condition.objects.create(range=product_range, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(range=product_range, type=Benefit.PERCENTAGE, value=percent),
        **fields,
    )
