"""Published producers are verified producers with something for sale (``catalogue.listing.public_producers``):
every public place that shows producers — the home shelf and spotlight, producer stories (pages, sitemap, page
search), the editors' choosers, the search facets and suggestions, origin pages — shows no other. The demo's
applicant (verified by nobody yet, with a story of its own) never appears; a verified producer whose last
product leaves the shop disappears, and comes back with a product for sale."""

import datetime

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue import traceability
from catalogue.listing import for_sale, public_producers
from catalogue.ocop import review_version, workflow
from catalogue.programme.review import ReviewStatus
from cms.blocks import ProducerShelfBlock, ProducerSpotlightBlock
from cms.demo import loader
from cms.models import HomePage, ProducerStoryPage
from shop.search import indexing, pages
from tests import factories

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
OcopCertificate = get_model("catalogue", "OcopCertificate")
APPLICANT = "hkd-nguyen-thi-hoa"
BUILT_APPLICANT = "Hộ kinh doanh Sùng Thị Hoa"


@pytest.fixture(autouse=True)
def page_index_restored():
    """Story pages this test takes out of (or puts into) the page index are put back as they were; those it
    built leave the index."""
    es, alias = indexing.client(), pages.index_name()
    ids = list(ProducerStoryPage.objects.values_list("pk", flat=True))
    saved = {pk: es.options(ignore_status=404).get(index=alias, id=pk) for pk in ids}
    yield
    for pk, found in saved.items():
        if found.get("found"):
            es.index(index=alias, id=pk, document=found["_source"], refresh="wait_for")
        else:
            es.options(ignore_status=404).delete(index=alias, id=pk, refresh="wait_for")
    for pk in ProducerStoryPage.objects.exclude(pk__in=ids).values_list("pk", flat=True):
        es.options(ignore_status=404).delete(index=alias, id=pk, refresh="wait_for")


@pytest.fixture
def applicant():
    producer = Partner.objects.get(code=APPLICANT)
    assert producer.code in loader.UNVERIFIED_PRODUCERS and not producer.is_verified and producer.story
    return producer


@pytest.fixture
def applicant_product(db):
    """The product of a new applicant (tests/factories.py, not verified, with a story) made to look public:
    approved, certificate approved — only its producer being unverified keeps it off sale. The search index is
    told, as the workflow would."""
    producer = factories.producer(BUILT_APPLICANT, verified=False)
    product = factories.product(producer, on_sale=False, certificate_fields={"review": OcopCertificate.Review.APPROVED})
    Product.objects.filter(pk=product.pk).update(review_status=ReviewStatus.APPROVED, is_public=True)
    indexing.update_products([product.pk])
    assert not producer.is_verified and producer.story
    return Product.objects.get(pk=product.pk)


@pytest.fixture
def applicant_story(applicant, django_capture_on_commit_callbacks):
    """The applicant's story, published by an editor (the producer field allows any producer)."""
    home = HomePage.objects.get(locale__language_code="vi")
    story = ProducerStoryPage(
        title="Câu chuyện măng tre Bát Độ của chị Hoa",
        slug="cau-chuyen-mang-tre-bat-do",
        producer=applicant,
        intro="Măng tre Bát Độ Trấn Yên",
        body=f"<p>{applicant.story}</p>",
    )
    with django_capture_on_commit_callbacks(execute=True):
        home.add_child(instance=story)
        story.save_revision().publish()
    return story


@pytest.fixture
def storyteller(django_capture_on_commit_callbacks):
    """A new verified producer (tests/factories.py) with two products for sale and a published story page; its
    name comes first on the home page's shelf (ordered by name)."""
    producer = factories.producer("An Phú — Hợp tác xã Thử Nghiệm")
    factories.product(producer), factories.product(producer)
    home = HomePage.objects.get(locale__language_code="vi")
    story = ProducerStoryPage(
        title="Câu chuyện ong bạc hà của An Phú",
        slug="cau-chuyen-ong-bac-ha-an-phu",
        producer=producer,
        intro="Mật ong bạc hà cao nguyên đá",
        body=f"<p>{producer.story}</p>",
    )
    with django_capture_on_commit_callbacks(execute=True):
        home.add_child(instance=story)
        story.save_revision().publish()
    assert producer in public_producers()
    return producer, ProducerStoryPage.objects.get(pk=story.pk)


def _shelf(count=24):
    block = ProducerShelfBlock()
    return list(block.get_context(block.to_python({"heading": "Chủ thể", "count": count}))["producers"])


def _spotlight(producer, story=None):
    """The block rendered for a visitor, with the request a storefront page has (session, basket, strategy)."""
    request = Client().get(reverse("search:search")).wsgi_request
    block = ProducerSpotlightBlock()
    value = block.to_python({"producer": producer.pk, "text": "Giới thiệu", "story": story.pk if story else None})
    return block.render(value, context={"request": request}).strip()


def _in_index(page):
    return bool(indexing.client().exists(index=pages.index_name(), id=page.pk))


def _chooser_html(client, name, **params):
    response = client.get(reverse(f"{name}:choose"), params)
    assert response.status_code == 200
    return response.json()["html"]


def _producer_facet(response):
    facet = next((f for f in response.context["facets"] if f.key == "producer"), None)
    return {int(bucket["value"]): bucket["label"] for bucket in facet.buckets} if facet else {}


def _take_off_sale(producer, reviewer, capture):
    on_sale = list(for_sale(Product.objects.filter(stockrecords__partner=producer)).order_by("pk"))
    assert on_sale
    with capture(execute=True):
        for product in on_sale:
            workflow.suspend(product, reviewer, "Kiểm tra phản ánh của khách hàng")
    return on_sale


# --- the unverified applicant -------------------------------------------------------------------


def test_the_home_shelf_lists_only_published_producers(client, applicant):
    shelf = _shelf()
    assert shelf and applicant not in shelf
    assert {p.pk for p in shelf} <= set(public_producers().values_list("pk", flat=True))
    html = client.get("/").content.decode()
    assert "Chủ thể OCOP tiêu biểu" in html and applicant.name not in html


def test_the_spotlight_renders_nothing_for_an_unpublished_producer(applicant, storyteller):
    assert _spotlight(applicant) == ""
    producer, story = storyteller
    html = _spotlight(producer, story)
    assert producer.name in html and story.url in html
    preview = ProducerSpotlightBlock().get_preview_value()
    assert preview["producer"] in public_producers()


def test_the_story_of_an_applicant_is_not_published(client, staff_user, applicant, applicant_story):
    assert client.get(applicant_story.url).status_code == 404
    assert applicant_story.url not in client.get("/sitemap.xml").content.decode()
    assert not _in_index(applicant_story)
    for url in ("", "from-settings"):  # the database backend, then Elasticsearch
        with override_settings(**({"ELASTICSEARCH_URL": ""} if url == "" else {})):
            assert applicant_story.pk not in [page.pk for page in pages.search("mang tre Bat Do")]
    # A spotlight that links it shows the producer without the link.
    producer = public_producers().order_by("pk").first()
    assert applicant_story.url not in _spotlight(producer, applicant_story)
    # Editors still preview it from the admin.
    client.force_login(staff_user)
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[applicant_story.pk]))
    assert response.status_code == 200 and applicant.name in response.content.decode()


def test_editors_choose_only_published_producers(client, staff_user, applicant):
    client.force_login(staff_user)
    published = public_producers().order_by("name").first()
    producers = _chooser_html(client, "producer_chooser")
    assert published.name in producers and applicant.name not in producers
    # The product chooser's producer filter offers the same producers.
    products = _chooser_html(client, "product_chooser")
    assert f'value="{published.pk}"' in products and f'value="{applicant.pk}"' not in products


@pytest.mark.parametrize("elasticsearch_url", ["from-settings", ""])
def test_search_facets_and_suggestions_never_name_an_unverified_producer(client, elasticsearch_url, applicant_product):
    applicant = applicant_product.producer
    settings = {"ELASTICSEARCH_URL": ""} if elasticsearch_url == "" else {}
    with override_settings(**settings):
        everything = _producer_facet(client.get(reverse("search:search")))
        theirs = _producer_facet(client.get(reverse("search:search"), {"q": applicant_product.title}))
        suggested = client.get(reverse("search:suggest"), {"q": "Sung Thi Hoa"}).json()
        typed = client.get(reverse("search:suggest"), {"q": applicant_product.title[:12]}).json()
    assert everything and set(everything) <= set(public_producers().values_list("pk", flat=True))
    assert applicant.pk not in everything and applicant.pk not in theirs
    assert applicant.name not in everything.values()
    for found in (suggested, typed):
        assert applicant.name not in found["producers"]
        assert applicant_product.title not in [item["title"] for item in found["products"]]


def test_the_origin_page_shows_only_a_published_producer(client, applicant_product):
    assert client.get(traceability.origin_path(applicant_product)).status_code == 404
    product = for_sale(Product.objects.all()).order_by("pk").first()
    response = client.get(traceability.origin_path(product))
    assert response.status_code == 200
    assert response.context["producer"] in public_producers()
    assert response.context["producer"].name in response.content.decode()


# --- a verified producer with nothing left for sale ----------------------------------------------


def test_a_producer_with_nothing_for_sale_disappears_and_comes_back(
    client, staff_user, reviewer, storyteller, django_capture_on_commit_callbacks
):
    producer, story = storyteller
    assert producer in _shelf() and _in_index(story)
    assert producer.name in client.get("/").content.decode()
    on_sale = _take_off_sale(producer, reviewer, django_capture_on_commit_callbacks)
    producer.refresh_from_db()
    assert producer.is_verified and producer not in public_producers()

    assert producer not in _shelf()
    assert _spotlight(producer, story) == ""
    home = client.get("/").content.decode()
    assert producer.name not in home and story.url not in home
    assert client.get(story.url).status_code == 404
    assert story.url not in client.get("/sitemap.xml").content.decode()
    assert not _in_index(story)  # suspending its last product reindexed the story page
    assert story.pk not in [page.pk for page in pages.search(story.title)]
    client.force_login(staff_user)
    assert producer.name not in _chooser_html(client, "producer_chooser")
    assert f'value="{producer.pk}"' not in _chooser_html(client, "product_chooser")
    client.logout()

    product = Product.objects.get(pk=on_sale[0].pk)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reinstate(product, reviewer, "Đã kiểm tra xong", seen=review_version.token(product))
    assert producer in public_producers() and producer in _shelf()
    assert client.get(story.url).status_code == 200
    assert story.url in client.get("/sitemap.xml").content.decode()
    assert _in_index(story)
    assert producer.name in _spotlight(producer, story)


def test_a_suspended_producer_disappears_with_its_story(
    client, reviewer, storyteller, django_capture_on_commit_callbacks
):
    from shop.producers import verification

    producer, story = storyteller
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        verification.suspend_producer(producer, reviewer, "Vi phạm quy định ghi nhãn")
    # Each of its products left the shop, but the story's document is updated once.
    assert [getattr(callback, "page_id", None) for callback in callbacks].count(story.pk) == 1
    assert producer not in public_producers() and producer not in _shelf()
    assert client.get(story.url).status_code == 404
    assert not _in_index(story)


def test_an_expired_certificate_takes_the_producer_off_the_shelf(client, storyteller):
    producer, story = storyteller
    products = for_sale(Product.objects.filter(stockrecords__partner=producer))
    OcopCertificate.objects.filter(product__in=products).update(
        expires_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    Product.objects.filter(stockrecords__partner=producer).update(kept_on_sale_until=None)
    assert producer not in public_producers() and producer not in _shelf()
    assert client.get(story.url).status_code == 404
    assert producer.name not in client.get("/").content.decode()
