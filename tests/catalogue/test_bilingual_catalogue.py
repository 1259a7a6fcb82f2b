"""The catalogue in two languages (catalogue/translation.py): English pages show the English names and
descriptions of products, categories and producers when filled, the Vietnamese otherwise, and search finds
products by their names in either language from pages in either language, on both backends."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from shop.dashboard.portal.forms import PortalProductForm
from shop.search.backends import DatabaseProductSearch, ElasticsearchProductSearch
from tests import factories

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")


def demo(sku):
    return Product.objects.get(upc=sku)


def url_in(language, name, **kwargs):
    """The URL of ``name`` on the pages in ``language`` ("/en/…" for English)."""
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def page_url(product, language):
    with translation.override(language):
        return product.get_absolute_url()


@pytest.fixture(params=["elasticsearch", "database"])
def backend(request, settings):
    """Both search backends, as tests/shop/search/test_relevance.py runs them."""
    if request.param == "database":
        settings.ELASTICSEARCH_URL = ""  # the database backend of `make run`
        return DatabaseProductSearch
    return ElasticsearchProductSearch


def found(client, url, query):
    """The products of the first page of a search at ``url``, by SKU (UPC)."""
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return [product.upc for product in response.context["products"]], response.content.decode()


# --- Product pages ------------------------------------------------------------------------------------


def test_english_product_page_shows_the_english_title_and_description(client):
    honey = demo("LC-013")
    html = client.get(page_url(honey, "en")).content.decode()
    assert "<h1>Mù Cang Chải wildflower honey, 500 ml bottle</h1>" in html
    assert "Mù Cang Chải wildflower honey" in html.split("<title>")[1].split("</title>")[0]
    assert honey.description_en.split("</p>")[0].removeprefix("<p>")[:60] in html
    assert honey.description.split("</p>")[0].removeprefix("<p>")[:60] not in html


def test_vietnamese_product_page_shows_the_vietnamese_title_and_description(client):
    honey = demo("LC-013")
    html = client.get(page_url(honey, "vi")).content.decode()
    assert "<h1>Mật ong hoa rừng Mù Cang Chải chai 500ml</h1>" in html
    assert honey.description.split("</p>")[0].removeprefix("<p>")[:60] in html
    assert "wildflower honey" not in html


def test_english_page_falls_back_to_vietnamese_when_english_is_blank(client):
    product = factories.product(title="Mật ong bạc hà Đồng Văn", description="<p>Mật ong từ hoa bạc hà.</p>")
    assert product.title_en == "" and product.description_en == ""
    html = client.get(page_url(product, "en")).content.decode()
    assert "<h1>Mật ong bạc hà Đồng Văn</h1>" in html
    assert "Mật ong từ hoa bạc hà." in html


def test_english_text_of_one_filled_field_does_not_hide_the_other():
    product = factories.product(title="Chè xanh Phong Hải", title_en="Phong Hải green tea", on_sale=False)
    with translation.override("en"):
        assert product.get_title() == "Phong Hải green tea"
        assert product.get_description() == product.description  # no English description: Vietnamese
    with translation.override("vi"):
        assert product.get_title() == "Chè xanh Phong Hải"


def test_a_product_shown_in_a_language_is_never_saved_with_that_text():
    from catalogue import translation as catalogue_translation

    product = factories.product(description="<p>Mô tả</p>", description_en="<p>Description</p>", on_sale=False)
    with translation.override("en"):
        catalogue_translation.show_in_language(product)
    assert product.description == "<p>Description</p>"
    with pytest.raises(ValueError):
        product.save()
    assert Product.objects.get(pk=product.pk).description == "<p>Mô tả</p>"


# --- Categories and producers -----------------------------------------------------------------------


def test_category_page_shows_the_english_name_on_english_pages(client):
    honey = Category.objects.get(name="Mật ong")
    with translation.override("en"):
        url = honey.get_absolute_url()
    assert url.startswith("/en/")
    html = client.get(url).content.decode()
    assert '<li class="breadcrumb-item active" aria-current="page">Honey</li>' in html
    assert ">Food</a>" in html  # its parent group, in the breadcrumbs
    assert "<title>Honey |" in html
    with translation.override("vi"):
        html = client.get(honey.get_absolute_url()).content.decode()
    assert '<li class="breadcrumb-item active" aria-current="page">Mật ong</li>' in html


def test_product_page_breadcrumbs_name_categories_in_english(client):
    html = client.get(page_url(demo("LC-013"), "en")).content.decode()
    assert ">Honey</a>" in html and ">Food</a>" in html


def test_producer_page_shows_the_english_name_and_story_on_english_pages(client):
    Partner = get_model("partner", "Partner")
    cinnamon = Partner.objects.get(code="htx-que-bao-yen")
    html = client.get(url_in("en", "producer-shop", code=cinnamon.code)).content.decode()
    assert "Bảo Yên Cinnamon Cooperative" in html and cinnamon.story_en[:50] in html
    html = client.get(url_in("vi", "producer-shop", code=cinnamon.code)).content.decode()
    assert "Hợp tác xã Quế Bảo Yên" in html and cinnamon.story[:50] in html and "Cinnamon Cooperative" not in html


def test_demo_catalogue_is_bilingual():
    assert not Category.objects.filter(name_en="").exists()
    Partner = get_model("partner", "Partner")
    demo_producers = Partner.objects.exclude(verification_status=Partner.Verification.UNCLAIMED)  # not registry stubs
    assert not demo_producers.filter(code__startswith="h", name_en="").exists()
    assert not Partner.objects.filter(code__in=["hkd-ly-thi-mai"], story_en="").exists()
    demo_products = Product.objects.filter(upc__startswith="LC-")
    assert demo_products.count() == 68
    assert not demo_products.filter(title_en="").exists() and not demo_products.filter(description_en="").exists()


def test_search_facets_name_groups_and_producers_in_english(client):
    _skus, html = found(client, url_in("en", "search:search"), "honey")
    assert "Mù Cang Chải Farm and Forest Products Cooperative" in html  # the producer facet
    assert 'Food <span class="facets__count">' in html  # the OCOP group facet
    assert "Thực phẩm <span" not in html


# --- Search -------------------------------------------------------------------------------------------

# (query typed on /en/, a demo product it must find: one on sale)
ENGLISH_WORDS = [
    ("honey", "LC-013"),
    ("tea", "LC-005"),
    ("cinnamon", "LC-020"),
    ("brocade", "LC-048"),
    ("salmon", "LC-036"),
    # Words only the English names hold (no Vietnamese synonym in shop/search/spelling.py).
    ("wildflower honey", "LC-013"),
    ("chopsticks", "LC-023"),
    ("cushion cover", "LC-050"),
    ("smoked salmon", "LC-038"),
    ("sturgeon", "LC-037"),
]


@pytest.mark.parametrize("query, sku", ENGLISH_WORDS, ids=[row[0] for row in ENGLISH_WORDS])
def test_english_search_finds_english_names(client, backend, query, sku):
    skus, html = found(client, url_in("en", "search:search"), query)
    assert sku in skus, f"{query!r} on /en/: {skus}"
    assert demo(sku).title_en in html  # shown by its English name


def test_english_only_word_brings_its_product_first(client, backend):
    skus, _html = found(client, url_in("en", "search:search"), "smoked salmon")
    assert skus[0] == "LC-038"


@pytest.mark.parametrize("query", ["mật ong hoa rừng", "mat ong hoa rung"])
def test_vietnamese_names_stay_searchable_from_english_pages(client, backend, query):
    skus, html = found(client, url_in("en", "search:search"), query)
    assert skus[0] == "LC-013"
    assert "Mù Cang Chải wildflower honey" in html


def test_vietnamese_pages_find_products_by_english_words(client, backend):
    skus, html = found(client, url_in("vi", "search:search"), "chopsticks")
    assert skus == ["LC-023"]
    assert "Bộ đũa gỗ quế Bảo Yên 10 đôi" in html  # shown by its Vietnamese name


def test_producer_english_name_finds_its_products(client, backend):
    skus, _html = found(client, url_in("en", "search:search"), "Cold-Water Fish")
    assert {"LC-036", "LC-037", "LC-038"} <= set(skus)


# --- Forms --------------------------------------------------------------------------------------------


def test_portal_product_form_saves_the_english_name_and_description():
    product = factories.product(on_sale=False)
    data = {
        "title": product.title,
        "title_en": "Đồng Văn mint honey",
        "description": "Mật ong từ hoa bạc hà.",
        "description_en": "Honey from mint flowers.\n\nHarvested in autumn.",
        "ocop_group": "food",
        "ocop_subgroup": "honey",
        "weight_grams": 500,
        "price": 150000,
        "num_in_stock": 20,
    }
    form = PortalProductForm(product.product_class, data=data, instance=product)
    assert form.is_valid(), form.errors
    saved = form.save()
    assert saved.title_en == "Đồng Văn mint honey"
    assert saved.description_en == "<p>Honey from mint flowers.</p><p>Harvested in autumn.</p>"
    assert "dong van mint honey" in Product.objects.get(pk=product.pk).search_folded
    assert str(form.fields["title_en"].label) == "Tên tiếng Anh" and not form.fields["title_en"].required


def test_dashboard_forms_offer_the_english_fields():
    from oscar.core.loading import get_class

    CategoryForm = get_class("dashboard.catalogue.forms", "CategoryForm")
    ProductForm = get_class("dashboard.catalogue.forms", "ProductForm")
    assert {"name_en", "description_en"} <= set(CategoryForm().fields)
    product_class = factories.product(on_sale=False).product_class
    assert {"title_en", "description_en"} <= set(ProductForm(product_class).fields)


# --- Review: the English text is content the reviewers approve -----------------------------------------


def test_editing_the_english_title_of_an_approved_product_sends_it_back_to_review(client):
    from catalogue.ocop import editing
    from catalogue.programme.review import ReviewStatus

    product = factories.product(title_en="Đồng Văn mint honey")
    member = factories.portal_user(product.producer)
    record = product.stockrecords.get()
    client.force_login(member)
    data = {
        "title": product.title,
        "title_en": "Đồng Văn mint honey, the best in the world",
        "description": editing.html_to_text(product.description),
        "description_en": "",
        "ocop_group": product.ocop_group,
        "ocop_subgroup": product.ocop_subgroup,
        "weight_grams": product.weight_grams,
        "price": int(record.price),
        "num_in_stock": record.num_in_stock,
    }
    response = client.post(url_in("vi", "dashboard:portal-product-edit", pk=product.pk), data)
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.title_en == "Đồng Văn mint honey, the best in the world"
    assert product.review_status == ReviewStatus.SUBMITTED and not product.is_public
    assert "tên tiếng Anh" in product.review_log.first().reason


def test_a_reviewer_cannot_approve_an_english_text_they_did_not_see():
    from catalogue.ocop import review_version, workflow

    product = factories.submitted_product()
    seen = review_version.token(product)
    Product.objects.filter(pk=product.pk).update(description_en="<p>Cures everything.</p>")
    with pytest.raises(workflow.ProductChangedSinceShown) as refused:
        workflow.approve(product, factories.reviewer(), seen=seen)
    assert [change.key for change in refused.value.changes] == ["description_en"]
    assert "mô tả tiếng Anh" in str(refused.value)


def test_a_product_made_on_an_english_page_takes_its_slug_from_the_vietnamese_title():
    with translation.override("en"):
        product = factories.product(title="Mật ong bạc hà Đồng Văn", title_en="Đồng Văn mint honey", on_sale=False)
    assert product.slug == "mat-ong-bac-ha-dong-van"


def test_english_fields_are_marked_as_english_content():
    product = factories.product(on_sale=False)
    form = PortalProductForm(product.product_class, instance=product)
    assert 'lang="en"' in str(form["title_en"]) and 'lang="en"' in str(form["description_en"])


def test_an_order_placed_on_english_pages_keeps_the_products_registered_vietnamese_name():
    """The producer packs, invoices and declares by the registered name, whatever language the buyer used."""
    from tests.shop.checkout.journey import add_to_basket, buyable_products, place_order, reach_preview

    product = buyable_products(1)[0]
    product.title_en = "Test honey in English"
    product.save()
    client = Client()
    with translation.override("en"):
        add_to_basket(client, product)
        response = place_order(client, reach_preview(client))
    assert response.status_code == 302, response
    line = get_model("order", "Line").objects.filter(product=product).latest("pk")
    assert line.title == product.title and line.title != product.title_en
