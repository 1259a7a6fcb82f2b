"""The producer's profile in the portal (shop.producers.profile): each section edited with valid and invalid
input, the activity log with old → new and both names for an assistant, who may post what, and the pictures
checked by content and shown on the public shop page."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.core.loading import get_model
from PIL import Image

from shop.core.addresses import ward_choices, ward_name
from tests import factories

pytestmark = pytest.mark.django_db
Partner = get_model("partner", "Partner")
ProducerActivity = get_model("portal_dashboard", "ProducerActivity")
ProducerPicture = get_model("partner", "ProducerPicture")
PROFILE_URL = reverse("dashboard:portal-profile")
HA_NOI = 1


@pytest.fixture
def producer(db):
    return factories.producer("Hợp tác xã Mật Ong Hồ Sơ")


@pytest.fixture
def director_client(client, producer):
    client.force_login(producer.director)
    return client


def section(name, **values):
    return {"action": name, **{f"{name}-{key}": value for key, value in values.items()}}


def legal(producer, **changes):
    values = {
        "legal_name": producer.legal_name,
        "kind": producer.kind,
        "registration_number": producer.registration_number,
        "tax_code": producer.tax_code,
        "citizen_id": producer.citizen_id,
        "representative": producer.representative,
        **changes,
    }
    return section("legal", **values)


def png(name="anh.png", size=(60, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 140, 60)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), "image/png")


def test_director_edits_every_section_and_the_log_says_old_and_new(director_client, producer):
    new_ward = ward_choices(producer.province_code)[1][0]
    posts = [
        legal(producer, representative="Thào Thị Mai", kind=Partner.Kind.ENTERPRISE),
        section("contact", phone="0987 654 321", email="lienhe@mat-ong.example.vn"),
        section("address", ward_code=new_ward, street="Thôn Cốc Ly"),
        section("story", story="Mật ong bạc hà thu hoạch theo mùa trên cao nguyên.", story_en="Mint honey."),
        section("delivery", preparation_days=3, preferred_carrier="Viettel Post"),
    ]
    for data in posts:
        response = director_client.post(PROFILE_URL, data)
        assert response.status_code == 302, response.content.decode()[:2000]
    producer.refresh_from_db()
    assert (producer.representative, producer.kind) == ("Thào Thị Mai", Partner.Kind.ENTERPRISE)
    assert (producer.phone, producer.email) == ("0987 654 321", "lienhe@mat-ong.example.vn")
    assert (producer.ward_code, producer.street) == (new_ward, "Thôn Cốc Ly")
    assert producer.story.startswith("Mật ong bạc hà") and producer.story_en == "Mint honey."
    assert (producer.preparation_days, producer.preferred_carrier) == (3, "Viettel Post")
    summaries = {entry.action: entry.summary for entry in ProducerActivity.objects.filter(partner=producer)}
    assert "Vàng Seo Dính → Thào Thị Mai" in summaries["profile_legal"]
    assert "Hợp tác xã → Doanh nghiệp" in summaries["profile_legal"]
    assert "→ 0987 654 321" in summaries["profile_contact"]
    assert f"→ {ward_name(new_ward)}" in summaries["profile_address"]
    assert "Viettel Post" in summaries["profile_delivery"]
    page = director_client.get(PROFILE_URL).content.decode()
    assert "Thào Thị Mai" in page and "Vàng Seo Dính → Thào Thị Mai" in page  # the recent changes


@pytest.mark.parametrize(
    "data, message",
    [
        (section("contact", phone="12345", email=""), "Nhập số điện thoại Việt Nam"),
        (section("contact", phone="0987654321", email="khong-phai-email"), "Email chưa đúng"),
        (section("delivery", preparation_days=30, preferred_carrier=""), "Tối đa 14 ngày chuẩn bị hàng"),
        (section("delivery", preparation_days="hai", preferred_carrier=""), "Số ngày là số nguyên"),
        (section("story", story="Ngắn", story_en=""), "Hãy viết ít nhất một câu giới thiệu"),
        (section("address", ward_code=ward_choices(HA_NOI)[0][0], street="Phố Huế"), "thuộc tỉnh/thành phố của cơ sở"),
        (section("address", ward_code="", street=""), "Hãy điền mục này"),
    ],
)
def test_bad_input_is_refused_in_vietnamese_and_changes_nothing(director_client, producer, data, message):
    before = Partner.objects.values().get(pk=producer.pk)
    response = director_client.post(PROFILE_URL, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Partner.objects.values().get(pk=producer.pk) == before
    assert not ProducerActivity.objects.filter(partner=producer).exists()


def test_legal_details_are_checked(director_client, producer):
    other = factories.producer()
    response = director_client.post(PROFILE_URL, legal(producer, registration_number=other.registration_number))
    assert response.status_code == 400
    assert "đã được một chủ thể khác đăng ký" in response.content.decode()
    response = director_client.post(PROFILE_URL, legal(producer, legal_name="", tax_code="12AB"))
    assert response.status_code == 400
    assert "Hãy điền mục này" in response.content.decode()
    producer.refresh_from_db()
    assert producer.registration_number != other.registration_number and producer.legal_name


def test_the_province_is_not_self_service(director_client, producer):
    page = director_client.get(PROFILE_URL).content.decode()
    assert "liên hệ ban quản lý OCOP của tỉnh" in page
    data = section("address", ward_code=producer.ward_code, street="Thôn Mới", province_code=HA_NOI)
    assert director_client.post(PROFILE_URL, data).status_code == 302
    producer.refresh_from_db()
    assert producer.province_code == factories.LAO_CAI and producer.street == "Thôn Mới"


def test_another_producers_user_neither_sees_nor_changes_it(client, producer):
    other = factories.producer("Hợp tác xã Khác Tỉnh")
    client.force_login(other.director)
    session = client.session
    session["portal_producer_id"] = producer.pk  # a guessed producer id: never taken
    session.save()
    page = client.get(PROFILE_URL).content.decode()
    assert producer.name not in page and other.name in page
    client.post(PROFILE_URL, section("contact", phone="0987654321", email="gia@example.vn"))
    producer.refresh_from_db()
    assert producer.email != "gia@example.vn"
    assert client.post(reverse("dashboard:portal-switch"), {"producer": producer.pk}).status_code == 404


def test_accounts_outside_the_portal_are_refused(client, producer):
    client.force_login(factories.customer())
    assert client.get(PROFILE_URL).status_code in (302, 403)
    client.force_login(factories.portal_user_without_producer())
    assert client.get(PROFILE_URL).status_code == 404
    assert client.post(PROFILE_URL, section("contact", phone="0987654321", email="")).status_code == 404


def test_an_assistants_edit_is_recorded_with_both_names(client, producer):
    helper = factories.assistant(producer)
    client.force_login(helper)
    data = section("story", story="Hợp tác xã nuôi ong lấy mật hoa bạc hà ở Đồng Văn.", story_en="")
    assert client.post(PROFILE_URL, data).status_code == 302
    entry = ProducerActivity.objects.get(partner=producer, action="profile_story")
    assert (entry.actor, entry.on_behalf_of) == (helper, producer)
    page = client.get(PROFILE_URL).content.decode()
    assert f"thay mặt {producer.name}" in page


def test_a_suspended_producer_keeps_its_contact_but_not_its_legal_details(director_client, producer):
    Partner.objects.filter(pk=producer.pk).update(verification_status=Partner.Verification.SUSPENDED)
    response = director_client.post(PROFILE_URL, section("contact", phone="0987654321", email=""))
    assert response.status_code == 302
    response = director_client.post(PROFILE_URL, legal(producer, representative="Người Khác"))
    assert response.status_code == 403
    assert "tạm ngừng" in response.content.decode()
    producer.refresh_from_db()
    assert producer.phone == "0987 654 321" and producer.representative == "Vàng Seo Dính"


def test_pictures_are_checked_by_content(director_client, producer):
    fake = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)></svg>", "image/png")
    response = director_client.post(PROFILE_URL, {"action": "logo", "logo-logo": fake})
    assert response.status_code == 400
    assert "không phải là ảnh hợp lệ" in response.content.decode()
    response = director_client.post(PROFILE_URL, {"action": "pictures", "pictures-images": [png("anh.jpg")]})
    assert response.status_code == 400
    assert "Tên tệp phải có đuôi" in response.content.decode()
    producer.refresh_from_db()
    assert not producer.logo and not producer.pictures.exists()


def test_at_most_six_pictures(director_client, producer):
    uploads = [png(f"anh-{n}.png") for n in range(6)]
    assert director_client.post(PROFILE_URL, {"action": "pictures", "pictures-images": uploads[:5]}).status_code == 302
    response = director_client.post(PROFILE_URL, {"action": "pictures", "pictures-images": uploads[5:] + [png()]})
    assert response.status_code == 400
    assert "tối đa 6 ảnh" in response.content.decode()
    assert producer.pictures.count() == 5


def test_the_public_shop_page_shows_the_logo_pictures_and_preparation(client, producer_b, user_b):
    client.force_login(user_b)
    assert client.post(PROFILE_URL, {"action": "logo", "logo-logo": png("logo.png")}).status_code == 302
    data = {"action": "pictures", "pictures-images": [png("vuon-che.png")], "pictures-caption": "Vườn chè cổ thụ"}
    assert client.post(PROFILE_URL, data).status_code == 302
    assert client.post(PROFILE_URL, section("delivery", preparation_days=2, preferred_carrier="")).status_code == 302
    picture = ProducerPicture.objects.get(partner=producer_b)
    assert not picture.image.name.endswith("vuon-che.png")  # stored under an unguessable name
    client.logout()
    page = client.get(reverse("producer-shop", kwargs={"code": producer_b.code})).content.decode()
    assert 'class="producer-shop__logo"' in page
    assert "Vườn chè cổ thụ" in page and 'class="producer-shop__picture"' in page
    assert "Chuẩn bị hàng trong 2 ngày" in page
    client.force_login(user_b)
    assert client.post(PROFILE_URL, {"action": "remove_picture", "picture": picture.pk}).status_code == 302
    client.logout()
    page = client.get(reverse("producer-shop", kwargs={"code": producer_b.code})).content.decode()
    assert "Vườn chè cổ thụ" not in page


def test_the_preferred_carrier_is_prefilled_when_shipping(director_client, producer):
    assert (
        director_client.post(
            PROFILE_URL, section("delivery", preparation_days=1, preferred_carrier="Bưu điện Sa Pa")
        ).status_code
        == 302
    )
    product = factories.product(producer)
    order = factories.order(factories.customer(), product)
    page = director_client.get(reverse("dashboard:portal-order", kwargs={"number": order.number})).content.decode()
    assert 'value="Bưu điện Sa Pa"' in page
