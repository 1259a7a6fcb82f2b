"""Wagtail content with the demo: every page type renders in Vietnamese and English, campaigns only
inside their dates (and carry their Oscar offer), blocks skip products no longer on sale, the choosers
offer only what may be chosen, the contact form reaches administrators."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model
from wagtail.models import Page

from catalogue.listing import for_sale, public_producers
from cms.blocks import FeaturedProductsBlock, ProductQueryBlock
from cms.models import ArticlePage, CampaignPage, ContactPage, HomePage, NewsIndexPage, ProducerStoryPage, StandardPage

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")


def _vi(cls):
    return cls.objects.filter(locale__language_code="vi").live().first()


@pytest.mark.parametrize(
    "cls, expected",
    [
        (CampaignPage, "Tuần lễ OCOP Lào Cai"),
        (NewsIndexPage, "Hội chợ OCOP Lào Cai 2026"),
        (ArticlePage, "Hội chợ"),
        (ProducerStoryPage, "Câu chuyện của"),
        (StandardPage, "Giới thiệu"),
        (ContactPage, "Họ và tên"),
    ],
)
def test_each_page_type_renders_in_vietnamese_and_english(client, cls, expected):
    page = _vi(cls)
    assert page is not None, f"the demo has a {cls.__name__}"
    response = client.get(page.url)
    assert response.status_code == 200 and expected in response.content.decode()
    english = page.get_translations().filter(locale__language_code="en").first()
    assert english is not None
    html = client.get(english.url).content.decode()
    assert 'lang="en"' in html and english.title in html


def test_the_english_producer_story_tells_the_story_in_english(client):
    """The demo's English story pages carry the producer's English story and name, not the Vietnamese text."""
    for story in ProducerStoryPage.objects.filter(locale__language_code="vi").live():
        producer = story.producer
        english = story.get_translations().get(locale__language_code="en").specific
        assert producer.story_en and producer.story_en in str(english.body)
        assert producer.story not in str(english.body)
        lead = english.intro.removesuffix("…")  # the intro: the story's opening, cut between words
        assert producer.story_en.startswith(lead) and producer.story_en[len(lead) : len(lead) + 1] in ("", " ")
        html = client.get(english.url).content.decode()
        assert producer.story_en.split(",")[0] in html and (producer.name_en or producer.name) in english.title
        # The producer's line and the heading of its products name it in English too.
        if producer.name_en:
            assert f"{producer.name_en} · " in html and f"{producer.name_en}'s products on sale" in html
            assert producer.name not in html.split('class="producer-story"')[1]


def test_the_language_switch_goes_to_the_translated_page(client):
    news = _vi(NewsIndexPage)
    response = client.post(reverse("set_language"), {"language": "en", "next": news.url})
    english = news.get_translations().get(locale__language_code="en")
    assert response["Location"] == english.url
    assert "News" in client.get(english.url).content.decode()


def test_home_page_shows_every_block_type(client):
    home = HomePage.objects.get(locale__language_code="vi")
    kinds = {block.block_type for block in home.body}
    assert {
        "hero",
        "hero_carousel",
        "featured_products",
        "product_query",
        "producer_spotlight",
        "campaign_banner",
        "category_tiles",
        "text",
    } <= kinds
    html = client.get("/").content.decode()
    assert "hero-carousel" in html and "category-tile" in html and "campaign-banner" in html
    assert "Sản phẩm OCOP 5 sao" in html


def test_a_campaign_shows_only_inside_its_dates_and_its_products_that_are_on_sale(client):
    campaign = _vi(CampaignPage)
    html = client.get(campaign.url).content.decode()
    assert all(product.title in html for product in campaign.live_products())
    now = timezone.now()
    for starts, ends in (
        (now + timedelta(days=1), now + timedelta(days=5)),
        (now - timedelta(days=9), now - timedelta(days=1)),
    ):
        CampaignPage.objects.filter(pk=campaign.pk).update(starts_at=starts, ends_at=ends)
        assert client.get(campaign.url).status_code == 404
    assert "campaign-banner" not in client.get("/").content.decode()  # the banner hides too


def test_publishing_a_campaign_gives_its_offer_its_products_and_dates():
    campaign = _vi(CampaignPage)
    chosen = list(for_sale(Product.objects.all()).order_by("-upc")[:2])
    campaign.products = [("product", product) for product in chosen]
    campaign.ends_at = timezone.now() + timedelta(days=3)
    campaign.save_revision().publish()
    offer = campaign.offer
    offer.refresh_from_db()
    assert offer.end_datetime == campaign.ends_at
    assert set(offer.condition.range.included_products.all()) == set(chosen)


def test_an_offer_unlinked_from_its_campaign_or_left_by_an_unpublished_campaign_stops():
    campaign = _vi(CampaignPage)
    offer = campaign.offer
    campaign.ends_at = timezone.now() + timedelta(days=3)
    campaign.save_revision().publish()
    offer.refresh_from_db()
    assert offer.end_datetime == campaign.ends_at and offer.is_available()
    campaign.offer = None
    campaign.save_revision().publish()
    offer.refresh_from_db()
    assert offer.end_datetime <= timezone.now() and not offer.is_available()

    campaign.offer = offer  # linked again: the campaign's dates come back
    campaign.save_revision().publish()
    offer.refresh_from_db()
    assert offer.end_datetime == campaign.ends_at and offer.is_available()
    campaign.unpublish()
    offer.refresh_from_db()
    assert not offer.is_available()


def test_blocks_skip_products_that_are_no_longer_on_sale():
    on_sale = list(for_sale(Product.objects.all()).order_by("upc")[:3])
    Product.objects.filter(pk=on_sale[1].pk).update(is_public=False)
    value = FeaturedProductsBlock().to_python({"heading": "Chọn lọc", "products": [p.pk for p in on_sale] + [999999]})
    context = FeaturedProductsBlock().get_context(value)
    assert [p.pk for p in context["products"]] == [on_sale[0].pk, on_sale[2].pk]


def test_the_product_query_block_resolves_live():
    block = ProductQueryBlock()
    five = block.products({"rule": "five_stars", "count": 24})
    assert five and all(product.ocop_stars == 5 for product in five)
    drinks = block.products({"rule": "group", "group": "drinks", "count": 24})
    assert drinks and all(product.ocop_group == "drinks" for product in drinks)
    listed = set(for_sale(Product.objects.all()).values_list("pk", flat=True))
    assert {p.pk for p in five + drinks} <= listed


def test_the_product_chooser_lists_only_products_on_sale_and_filters(client, staff_user):
    client.force_login(staff_user)
    hidden = Product.objects.exclude(pk__in=for_sale(Product.objects.all())).first()
    url = reverse("product_chooser:choose_results")
    html = client.get(url).content.decode()
    assert hidden is not None and hidden.title not in html
    producer = Partner.objects.filter(verification_status="verified").order_by("pk").first()
    theirs = for_sale(Product.objects.filter(stockrecords__partner=producer)).first()
    others = for_sale(Product.objects.exclude(stockrecords__partner=producer)).first()
    filtered = client.get(url, {"producer": producer.pk}).content.decode()
    assert theirs.title in filtered and others.title not in filtered
    searched = client.get(url, {"q": theirs.title.split()[0].lower()}).content.decode()
    assert theirs.title in searched
    grouped = client.get(url, {"group": "drinks"}).content.decode()
    assert all(p.title in grouped for p in for_sale(Product.objects.filter(ocop_group="drinks"))[:3])


def test_the_producer_chooser_lists_only_published_producers(client, staff_user):
    client.force_login(staff_user)
    html = client.get(reverse("producer_chooser:choose_results")).content.decode()
    pending = Partner.objects.exclude(verification_status="verified").first()
    published = public_producers().first()
    assert published.name in html and (pending is None or pending.name not in html)


def test_contact_form_submissions_reach_administrators(client, django_capture_on_commit_callbacks):
    contact = _vi(ContactPage)
    fields = {
        field.clean_name: value
        for field, value in zip(
            contact.form_fields.order_by("sort_order"), ["Nguyễn An", "an@example.vn", "Tôi muốn mua sỉ chè."]
        )
    }
    with django_capture_on_commit_callbacks(execute=True):  # sent from the outbox after commit
        response = client.post(contact.url, fields)
    assert response.status_code == 200 and "Cảm ơn" in response.content.decode()
    assert contact.get_submission_class().objects.filter(page=contact).count() == 1
    assert mail.outbox and mail.outbox[-1].to == [contact.to_address]
    assert "mua sỉ chè" in mail.outbox[-1].body


def test_news_paginates_and_filters_by_tag(client):
    news = _vi(NewsIndexPage)
    assert "Giá quế Bảo Yên" not in client.get(news.url, {"tag": "chứng nhận"}).content.decode()
    assert "Lào Cai công nhận 48" in client.get(news.url, {"tag": "chứng nhận"}).content.decode()
    assert client.get(news.url, {"page": 99}).status_code == 404


def test_site_settings_show_in_footer_and_menu(client):
    html = client.get("/").content.decode()
    assert "1900 6868" in html and "zalo.me/ocoplaocai" in html
    assert f'href="{_vi(NewsIndexPage).url}"' in html


def test_story_lists_the_producers_live_products(client):
    story = _vi(ProducerStoryPage)
    html = client.get(story.url).content.decode()
    for product in story.live_products():
        assert product.title in html
    assert Page.objects.filter(pk=story.pk).exists()


def test_every_home_block_has_an_admin_preview(client, staff_user):
    from cms.blocks import HomePageBody

    client.force_login(staff_user)
    for name, block in HomePageBody().child_blocks.items():
        assert block.is_previewable, name
        response = client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
        assert response.status_code == 200, name


def test_editors_open_the_campaign_and_home_page_editors(client, staff_user):
    client.force_login(staff_user)
    for page in (_vi(CampaignPage), _vi(ProducerStoryPage), HomePage.objects.get(locale__language_code="vi")):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200
    assert (
        "product_chooser"
        in client.get(reverse("wagtailadmin_pages:edit", args=[_vi(CampaignPage).pk])).content.decode()
    )


def test_editors_translate_a_page_into_english_from_the_admin(client, staff_user):
    from wagtail.models import Locale

    client.force_login(staff_user)
    home = HomePage.objects.get(locale__language_code="vi")
    page = StandardPage(title="Hướng dẫn mua hàng", slug="huong-dan-mua-hang", body="<p>Chọn sản phẩm…</p>")
    home.add_child(instance=page)
    page.save_revision().publish()
    url = reverse("simple_translation:submit_page_translation", args=[page.pk])
    assert client.get(url).status_code == 200
    english = Locale.objects.get(language_code="en")
    response = client.post(url, {"locales": [english.pk]})
    assert response.status_code == 302
    translation = page.get_translations().get(locale=english)
    assert translation.slug == page.slug and translation.get_parent().locale == english
