"""The producer's products in the portal: list, create, edit (and the review rule), images, quick edit,
isolation between producers, assistants acting for a producer."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.core.loading import get_model
from PIL import Image
from sorl.thumbnail import default
from sorl.thumbnail.images import ImageFile

from catalogue.ocop import editing, thumbnails
from catalogue.programme.review import ReviewStatus
from cms.demo import loader
from shop.core import changes
from shop.search import indexing
from tests import factories

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
ProductAttribute = get_model("catalogue", "ProductAttribute")
Category = get_model("catalogue", "Category")
ReviewLogEntry = get_model("catalogue", "ReviewLogEntry")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
AssistedEntryGrant = get_model("partner", "AssistedEntryGrant")

LIST_URL = reverse("dashboard:portal-products")
CREATE_URL = reverse("dashboard:portal-product-create")
STOCK_URL = reverse("dashboard:portal-stock-prices")
REAL_PRODUCT_CHANGED = changes.product_changed  # before the ``reindexed`` fixture replaces it
# Measured: 17 queries with 4 products and with 10; the count must not grow with the products.
LIST_QUERIES = 17


@pytest.fixture(autouse=True)
def reindexed(monkeypatch):
    """Product ids the code asked to reindex (the session's search index is left as it was)."""
    calls = []
    monkeypatch.setattr(changes, "product_changed", lambda *ids, **options: calls.extend(ids))
    return calls


OWN_TITLES = ("Chè Shan tuyết Tả Phìn", "Mật ong bạc hà Sín Chải", "Táo mèo ngâm Bắc Hà", "Túi thổ cẩm Tả Phìn")


@pytest.fixture
def producer_user(db, reindexed):
    """The director of a new verified producer selling four products, each with a picture (the reindexing
    their building asked for is not counted)."""
    producer = factories.producer()
    for title in OWN_TITLES:
        factories.product(producer, title=title, pictures=1)
    reindexed.clear()
    return producer.director


@pytest.fixture
def producer(producer_user):
    return producer_user.partners.get()


@pytest.fixture
def assistant(producer, staff_user):
    """A commune official named to act for the first demo producer only."""
    user = get_user_model().objects.create_user(
        email="canbo-xa@example.vn", password="mat-khau-2026", last_name="Vàng Văn", first_name="Sử"
    )
    user.user_permissions.add(Permission.objects.get(codename="dashboard_access", content_type__app_label="partner"))
    AssistedEntryGrant.objects.create(partner=producer, user=user, granted_by=staff_user, note="Cán bộ xã")
    return user


def _own(producer, title):
    return Product.objects.get(stockrecords__partner=producer, title=title)


def _approved(producer, title=OWN_TITLES[0]):
    """One of ``producer``'s products, approved and on sale."""
    product = _own(producer, title)
    assert product.review_status == ReviewStatus.APPROVED and product.is_public
    return product


def _edit_url(product):
    return reverse("dashboard:portal-product-edit", kwargs={"pk": product.pk})


def _images_url(product):
    return reverse("dashboard:portal-product-images", kwargs={"pk": product.pk})


def _edit_data(product, **changes):
    """What the edit form posts when nothing is changed, with ``changes`` applied."""
    record = product.stockrecords.get()
    data = {
        "title": product.title,
        "description": editing.html_to_text(product.description),
        "ocop_group": product.ocop_group,
        "ocop_subgroup": product.ocop_subgroup,
        "weight_grams": product.weight_grams or "",
        "price": int(record.price),
        "num_in_stock": record.num_in_stock,
    }
    data.update(changes)
    return data


def _new_product_data(**changes):
    data = {
        "title": "Mật ong bạc hà Đồng Văn",
        "description": "Mật ong nguyên chất.\n\nChai 500 ml.",
        "ocop_group": "food",
        "ocop_subgroup": "honey",
        "weight_grams": "700",
        "price": "250000",
        "num_in_stock": "12",
    }
    data.update(changes)
    return data


def jpeg(name="anh.jpg", size=(120, 90)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


# --- List ----------------------------------------------------------------------------------


def test_list_shows_only_the_producers_own_products(client, producer_user, django_assert_max_num_queries):
    other = factories.product(title="Miến dong Bắc Hà")
    client.force_login(producer_user)
    client.get(LIST_URL)  # warm caches (site, content types, thumbnails)
    with django_assert_max_num_queries(LIST_QUERIES):
        response = client.get(LIST_URL)
    assert response.status_code == 200
    html = response.content.decode()
    own = Product.objects.filter(title__in=OWN_TITLES)
    assert {row.product.title for row in response.context["rows"]} == set(OWN_TITLES)
    for product in own:
        assert product.title in html
        assert _edit_url(product) in html and _images_url(product) in html
        assert reverse("dashboard:ocop-product", kwargs={"pk": product.pk}) in html
    assert other.title not in html
    assert "Đã duyệt, đang bán" in html and "₫" in html and "★" in html


def test_list_query_count_does_not_grow_with_products(client, producer_user, producer, django_assert_max_num_queries):
    for number in range(6):
        product = Product.objects.create(
            title=f"Chè thử {number}", product_class=editing.product_class_for_group("drinks")
        )
        StockRecord.objects.create(
            product=product, partner=producer, partner_sku=f"T-{number}", price=1000, num_in_stock=1
        )
        ProductImage.objects.create(product=product, original=jpeg(f"t{number}.jpg"), display_order=0)
    client.force_login(producer_user)
    client.get(LIST_URL)
    with django_assert_max_num_queries(LIST_QUERIES):
        response = client.get(LIST_URL)
    assert len(response.context["rows"]) == 10


def test_list_searches_by_title_and_filters_by_status(client, producer_user, producer):
    draft = _own(producer, "Táo mèo ngâm Bắc Hà")
    Product.objects.filter(pk=draft.pk).update(review_status=ReviewStatus.DRAFT, is_public=False)
    client.force_login(producer_user)
    response = client.get(LIST_URL, {"status": "draft"})
    assert [row.product.upc for row in response.context["rows"]] == [draft.upc]
    word = draft.title.split()[-2]
    response = client.get(LIST_URL, {"q": word.lower()})
    assert {row.product.upc for row in response.context["rows"]} == {draft.upc}
    assert client.get(LIST_URL, {"q": "không có sản phẩm này"}).context["rows"] == []


# --- Create ----------------------------------------------------------------------------------


def test_create_makes_a_hidden_draft_with_the_producers_stock_record(client, producer_user, producer, reindexed):
    client.force_login(producer_user)
    assert client.get(CREATE_URL).status_code == 200
    response = client.post(CREATE_URL, _new_product_data(is_public="on", review_status="approved"))
    product = Product.objects.get(title="Mật ong bạc hà Đồng Văn")
    assert response.status_code == 302 and response["Location"] == _images_url(product)
    assert product.review_status == ReviewStatus.DRAFT and not product.is_public
    assert product.description == "<p>Mật ong nguyên chất.</p><p>Chai 500 ml.</p>"
    assert product.weight_grams == 700 and product.get_product_class().requires_shipping
    record = product.stockrecords.get()
    assert record.partner == producer and record.price == 250000 and record.num_in_stock == 12
    assert record.partner_sku and product.upc == record.partner_sku
    assert list(product.categories.values_list("name", flat=True)) == ["Mật ong"]
    assert product.pk in reindexed
    # a second product gets its own SKU
    client.post(CREATE_URL, _new_product_data(title="Mật ong hoa ban"))
    second = Product.objects.get(title="Mật ong hoa ban").stockrecords.get()
    assert second.partner_sku != record.partner_sku


def test_create_refuses_bad_values_with_vietnamese_messages(client, producer_user):
    client.force_login(producer_user)
    response = client.post(
        CREATE_URL, _new_product_data(price="0", num_in_stock="-1", weight_grams="", ocop_subgroup="tea")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Giá bán phải lớn hơn 0 đồng." in html
    assert "Số lượng không thể âm." in html
    assert "Hàng gửi đi cần khối lượng (gam) để tính phí vận chuyển." in html
    assert "Phân nhóm không thuộc nhóm sản phẩm đã chọn." in html
    response = client.post(CREATE_URL, _new_product_data(price="12500.5", title="", description=" "))
    html = response.content.decode()
    assert "Giá bán là số đồng, không có phần lẻ (ví dụ 120000)." in html
    assert "Hãy nhập tên sản phẩm." in html and "Hãy viết vài dòng giới thiệu sản phẩm." in html
    assert not Product.objects.filter(title="Mật ong bạc hà Đồng Văn").exists()


def test_tourism_service_needs_no_weight(client, producer_user):
    client.force_login(producer_user)
    response = client.post(
        CREATE_URL,
        _new_product_data(
            title="Homestay Tả Phìn một đêm", ocop_group="tourism", ocop_subgroup="community-tourism", weight_grams=""
        ),
    )
    assert response.status_code == 302
    product = Product.objects.get(title="Homestay Tả Phìn một đêm")
    assert not product.get_product_class().requires_shipping and product.weight_grams is None


def test_form_shows_and_saves_the_product_class_attributes(client, producer_user):
    """Oscar's attribute machinery: the class's attributes appear in the form and are stored."""
    product_class = editing.product_class_for_group("food")
    ProductAttribute.objects.create(
        product_class=product_class,
        name="Hạn sử dụng (tháng)",
        code="han_su_dung",
        type=ProductAttribute.INTEGER,
        required=True,
    )
    client.force_login(producer_user)
    assert 'name="attr_han_su_dung"' in client.get(CREATE_URL).content.decode()
    response = client.post(CREATE_URL, _new_product_data())
    assert response.status_code == 400
    assert not Product.objects.filter(title="Mật ong bạc hà Đồng Văn").exists()
    response = client.post(CREATE_URL, _new_product_data(attr_han_su_dung="18"))
    assert response.status_code == 302
    product = Product.objects.get(title="Mật ong bạc hà Đồng Văn")
    assert product.attr.han_su_dung == 18


# --- Edit and the review rule -------------------------------------------------------------------


def test_edit_page_warns_that_content_changes_take_an_approved_product_off_sale(client, producer_user, producer):
    client.force_login(producer_user)
    html = client.get(_edit_url(_approved(producer))).content.decode()
    assert 'id="off_sale_warning"' in html and "tạm ngừng bán" in html
    draft = _own(producer, OWN_TITLES[1])
    Product.objects.filter(pk=draft.pk).update(review_status=ReviewStatus.DRAFT, is_public=False)
    html = client.get(_edit_url(draft)).content.decode()
    assert 'id="off_sale_warning"' not in html


def test_editing_an_approved_products_title_sends_it_back_to_review(
    client, producer_user, producer, reindexed, django_capture_on_commit_callbacks
):
    product = _approved(producer_user.partners.get())
    client.force_login(producer_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_edit_url(product), _edit_data(product, title=product.title + " hộp quà"))
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.title.endswith("hộp quà")
    assert product.review_status == ReviewStatus.SUBMITTED and not product.is_public
    entry = product.review_log.first()
    assert entry.action == "resubmit_after_edit" and entry.from_status == ReviewStatus.APPROVED
    assert entry.to_status == ReviewStatus.SUBMITTED
    assert "tên sản phẩm" in entry.reason and "mô tả" not in entry.reason
    assert entry.actor == producer_user and entry.on_behalf_of is None
    assert product.pk in reindexed
    notices = [message for message in mail.outbox if producer.email in message.to]
    assert notices and "gửi duyệt lại" in notices[0].body


def test_editing_the_description_is_a_content_change_too(client, producer_user):
    product = _approved(producer_user.partners.get())
    client.force_login(producer_user)
    text = editing.html_to_text(product.description) + "\n\nĐóng gói hút chân không."
    assert client.post(_edit_url(product), _edit_data(product, description=text)).status_code == 302
    product.refresh_from_db()
    assert product.review_status == ReviewStatus.SUBMITTED and not product.is_public
    assert product.description.endswith("<p>Đóng gói hút chân không.</p>")
    assert "mô tả" in product.review_log.first().reason


def test_price_and_stock_changes_keep_an_approved_product_on_sale(client, producer_user, reindexed):
    product = _approved(producer_user.partners.get())
    log_before = product.review_log.count()
    client.force_login(producer_user)
    response = client.post(_edit_url(product), _edit_data(product, price="99000", num_in_stock="40"))
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.review_status == ReviewStatus.APPROVED and product.is_public
    record = product.stockrecords.get()
    assert record.price == 99000 and record.num_in_stock == 40
    assert product.review_log.count() == log_before
    assert product.pk in reindexed


@pytest.mark.parametrize("status", [ReviewStatus.DRAFT, ReviewStatus.CHANGES_REQUESTED])
def test_content_edits_of_products_not_on_sale_keep_their_state(client, producer_user, status):
    product = _approved(producer_user.partners.get())
    Product.objects.filter(pk=product.pk).update(review_status=status, is_public=False)
    product.refresh_from_db()
    client.force_login(producer_user)
    response = client.post(_edit_url(product), _edit_data(product, title="Tên mới"))
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.title == "Tên mới" and product.review_status == status and not product.is_public
    assert not product.review_log.filter(action="resubmit_after_edit").exists()


def test_a_new_certificate_for_a_product_on_sale_is_reviewed(client, producer_user, django_user_model):
    """Certificate edits: a new certificate waits for a reviewer (the product keeps selling on the
    approved one), and only the reviewer's approval lets it back the OCOP mark."""
    from tests.shop.test_producer_ocop_pages import _certificate_post

    product = _approved(producer_user.partners.get())
    client.force_login(producer_user)
    response = client.post(
        reverse("dashboard:ocop-product", kwargs={"pk": product.pk}),
        _certificate_post(
            decision_number="77/QĐ-UBND",
            star_rating="5",
            score="92",
            issuer="Bộ Nông nghiệp và Môi trường",
            issuer_level="central",
        ),
    )
    assert response.status_code == 302
    certificate = product.ocop_certificates.get(decision_number="77/QĐ-UBND")
    product.refresh_from_db()
    assert certificate.review == OcopCertificate.Review.PENDING
    assert product.review_status == ReviewStatus.APPROVED and product.is_public
    assert product.current_certificate() != certificate

    reviewer = django_user_model.objects.get(email=loader.REVIEWER_EMAIL)
    client.force_login(reviewer)
    queue = client.get(reverse("dashboard:ocop-review-queue"))
    assert product in list(queue.context["products"])
    from tests.shop.review_page import decide

    response = decide(client, product, {"action": "approve_certificate", "certificate": certificate.pk})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.review == OcopCertificate.Review.APPROVED
    assert product.current_certificate() == certificate and product.ocop_stars == 5


# --- Images ------------------------------------------------------------------------------------


def test_uploading_several_images_adds_them_with_thumbnails_and_sends_the_product_back(
    client, producer_user, django_capture_on_commit_callbacks
):
    product = _approved(producer_user.partners.get())
    before = product.images.count()
    client.force_login(producer_user)
    page = client.get(_images_url(product)).content.decode()
    assert 'type="file"' in page and "multiple" in page and 'id="off_sale_warning"' in page
    with django_capture_on_commit_callbacks(execute=True):  # the thumbnail task (run inline in tests)
        response = client.post(_images_url(product), {"action": "upload", "images": [jpeg("a.jpg"), jpeg("b.jpg")]})
    assert response.status_code == 302
    images = list(product.images.order_by("display_order"))
    assert len(images) == before + 2
    assert [image.display_order for image in images] == list(range(before + 2))
    for image in images[-2:]:  # the portal's and the storefront's sizes are made after the upload
        source = default.kvstore.get(ImageFile(image.original))
        assert source is not None
        assert len(default.kvstore._get(source.key, identity="thumbnails")) == len(thumbnails.THUMBNAILS)
    product.refresh_from_db()
    assert product.review_status == ReviewStatus.SUBMITTED and not product.is_public
    assert "ảnh sản phẩm" in product.review_log.first().reason


@pytest.mark.parametrize(
    "upload, message",
    [
        (
            SimpleUploadedFile("anh.jpg", b"<html>not an image</html>", content_type="image/jpeg"),
            "Tệp này không phải là ảnh hợp lệ.",
        ),
        (
            SimpleUploadedFile("to.jpg", b"\xff\xd8" + b"0" * (10 * 1024 * 1024), content_type="image/jpeg"),
            "Ảnh quá lớn",
        ),
    ],
)
def test_bad_images_are_refused_with_vietnamese_messages(client, producer_user, upload, message):
    product = _approved(producer_user.partners.get())
    before = product.images.count()
    client.force_login(producer_user)
    response = client.post(_images_url(product), {"action": "upload", "images": [jpeg("tot.jpg"), upload]})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert product.images.count() == before  # nothing saved, not even the good one
    product.refresh_from_db()
    assert product.review_status == ReviewStatus.APPROVED and product.is_public


def test_images_are_reordered_and_deleted(client, producer_user, producer):
    product = _own(producer, OWN_TITLES[1])
    Product.objects.filter(pk=product.pk).update(review_status=ReviewStatus.DRAFT, is_public=False)
    client.force_login(producer_user)
    client.post(_images_url(product), {"action": "upload", "images": [jpeg("hai.jpg"), jpeg("ba.jpg")]})
    first, second, third = product.images.order_by("display_order")
    assert client.post(_images_url(product), {"action": "up", "image": third.pk}).status_code == 302
    assert list(product.images.order_by("display_order")) == [first, third, second]
    client.post(_images_url(product), {"action": "down", "image": first.pk})
    assert list(product.images.order_by("display_order")) == [third, first, second]
    assert product.primary_image() == third
    client.post(_images_url(product), {"action": "delete", "image": first.pk})
    assert list(product.images.order_by("display_order")) == [third, second]
    assert [image.display_order for image in product.images.order_by("display_order")] == [0, 1]
    product.refresh_from_db()
    assert product.review_status == ReviewStatus.DRAFT


def test_reordering_keeps_an_approved_product_on_sale_but_deleting_does_not(client, producer_user):
    product = _approved(producer_user.partners.get())
    ProductImage.objects.create(product=product, original=jpeg("them.jpg"), display_order=1)
    client.force_login(producer_user)
    last = product.images.order_by("display_order").last()
    client.post(_images_url(product), {"action": "up", "image": last.pk})
    product.refresh_from_db()
    assert product.review_status == ReviewStatus.APPROVED and product.is_public
    client.post(_images_url(product), {"action": "delete", "image": last.pk})
    product.refresh_from_db()
    assert product.review_status == ReviewStatus.SUBMITTED and not product.is_public


# --- Quick edit of prices and stock ------------------------------------------------------------------


def _stock_data(records, changes=None):
    changes = changes or {}
    data = {
        "form-TOTAL_FORMS": str(len(records)),
        "form-INITIAL_FORMS": str(len(records)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    for index, record in enumerate(records):
        price, stock = changes.get(record.pk, (int(record.price), record.num_in_stock))
        data.update(
            {
                f"form-{index}-id": str(record.pk),
                f"form-{index}-price": str(price),
                f"form-{index}-num_in_stock": str(stock),
            }
        )
    return data


def _own_records(producer):
    return list(StockRecord.objects.filter(partner=producer).order_by("product__title", "pk"))


def test_quick_edit_saves_several_products_and_keeps_them_on_sale(client, producer_user, producer, reindexed):
    records = _own_records(producer)
    client.force_login(producer_user)
    page = client.get(STOCK_URL)
    assert page.status_code == 200 and len(page.context["formset"].forms) == len(records) == 4
    first, second = records[0], records[1]
    stock = 1000 + max(record.num_allocated or 0 for record in records)
    response = client.post(STOCK_URL, _stock_data(records, {first.pk: (111000, stock), second.pk: (222000, stock + 1)}))
    assert response.status_code == 302
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.price, first.num_in_stock) == (111000, stock)
    assert (second.price, second.num_in_stock) == (222000, stock + 1)
    assert set(reindexed) == {first.product_id, second.product_id}
    logged = producer.activities.filter(action="stock_price_updated")
    assert logged.count() == 2 and all(entry.actor == producer_user and entry.on_behalf_of is None for entry in logged)
    assert any("111.000\u00a0₫" in entry.summary for entry in logged)
    for record in (first, second):
        product = Product.objects.get(pk=record.product_id)
        assert product.review_status == ReviewStatus.APPROVED and product.is_public


def test_quick_edit_with_an_invalid_row_saves_nothing(client, producer_user, producer):
    records = _own_records(producer)
    client.force_login(producer_user)
    response = client.post(STOCK_URL, _stock_data(records, {records[0].pk: (111000, 1000), records[1].pk: (0, -2)}))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Giá bán phải lớn hơn 0 đồng." in html and "Số lượng không thể âm." in html
    records[0].refresh_from_db()
    assert records[0].price != 111000


# --- Isolation ------------------------------------------------------------------------------------


def test_another_producer_gets_404_for_a_producers_products_and_changes_nothing(client, user_b, producer):
    product = _approved(producer)
    image = product.images.first()
    record = product.stockrecords.get()
    client.force_login(user_b)
    listing = client.get(LIST_URL).content.decode()
    assert product.title not in listing
    assert client.get(_edit_url(product)).status_code == 404
    assert client.get(_images_url(product)).status_code == 404
    assert client.post(_edit_url(product), _edit_data(product, title="Bị sửa", price="1")).status_code == 404
    assert client.post(_images_url(product), {"action": "delete", "image": image.pk}).status_code == 404
    assert client.post(_images_url(product), {"action": "upload", "images": [jpeg()]}).status_code == 404
    # A's stock record slipped into B's quick-edit form is refused; nothing is saved.
    own = list(StockRecord.objects.filter(partner__users=user_b))
    data = _stock_data(own + [record], {record.pk: (1, 0)})
    assert client.post(STOCK_URL, data).status_code == 404
    assert record.pk not in {form.instance.pk for form in client.get(STOCK_URL).context["formset"].forms}
    product.refresh_from_db(), record.refresh_from_db()
    assert product.title != "Bị sửa" and product.review_status == ReviewStatus.APPROVED and product.is_public
    assert record.price != 1 and product.images.filter(pk=image.pk).exists()


def test_stock_cannot_go_below_what_customers_ordered(client, producer_user, producer):
    records = _own_records(producer)
    StockRecord.objects.filter(pk=records[0].pk).update(num_in_stock=10, num_allocated=3)
    records[0].refresh_from_db()
    client.force_login(producer_user)
    response = client.post(STOCK_URL, _stock_data(records, {records[0].pk: (int(records[0].price), 2)}))
    assert response.status_code == 400
    assert "Đang có 3 sản phẩm khách đã đặt chưa gửi" in response.content.decode()
    records[0].refresh_from_db()
    assert records[0].num_in_stock == 10


def test_customer_and_staff_not_named_cannot_use_the_portal_products(client, customer, staff_user):
    client.force_login(customer)
    assert client.get(LIST_URL).status_code in (302, 403)
    client.force_login(staff_user)  # a superuser is not a producer: nothing to show
    assert client.get(LIST_URL).status_code == 404
    assert client.post(CREATE_URL, _new_product_data()).status_code == 404
    assert not Product.objects.filter(title="Mật ong bạc hà Đồng Văn").exists()


def test_an_assistant_acts_for_the_producer_and_is_recorded(client, assistant, producer):
    product = _approved(producer)
    client.force_login(assistant)
    listing = client.get(LIST_URL)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert 'id="acting_for"' in html and "thay mặt" in html and producer.name in html
    response = client.post(_edit_url(product), _edit_data(product, title=product.title + " (mới)"))
    assert response.status_code == 302
    entry = Product.objects.get(pk=product.pk).review_log.first()
    assert entry.action == "resubmit_after_edit"
    assert entry.actor == assistant and entry.on_behalf_of == producer
    response = client.post(CREATE_URL, _new_product_data(title="Chè Shan tuyết nhập hộ"))
    assert response.status_code == 302
    created = Product.objects.get(title="Chè Shan tuyết nhập hộ")
    assert created.stockrecords.get().partner == producer
    client.post(_images_url(created), {"action": "upload", "images": [jpeg()]})
    # the producer's activity log names both: the assistant, acting for the producer
    for action in ("product_edited", "product_created", "product_images_added"):
        record = producer.activities.get(action=action)
        assert record.actor == assistant and record.on_behalf_of == producer
    assert "Chè Shan tuyết nhập hộ" in producer.activities.get(action="product_created").summary


def test_quick_edit_reaches_the_search_index(
    client, producer_user, producer, monkeypatch, django_capture_on_commit_callbacks
):
    # The real product_changed (the update task runs after commit); the documents it writes go with the
    # test (tests/conftest.py: search_index_restored).
    monkeypatch.setattr(changes, "product_changed", REAL_PRODUCT_CHANGED)
    records = _own_records(producer)
    record = next(r for r in records if Product.objects.get(pk=r.product_id).is_public)
    client.force_login(producer_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(STOCK_URL, _stock_data(records, {record.pk: (4321000, record.num_in_stock)}))
    assert response.status_code == 302
    document = indexing.client().get(index=indexing.index_name(), id=record.product_id)["_source"]
    assert document["price"] == 4321000
