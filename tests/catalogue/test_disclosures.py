"""The remote-sale disclosures of the product page (Consumer Protection Law 19/2023) and the return policy."""

import pytest
from django.urls import reverse
from wagtail.models import Page, Site

from cms.demo.pages import RETURN_POLICY_SLUG, ensure_policy_pages
from cms.models import PolicyPage, ShopPolicies
from tests import factories

pytestmark = pytest.mark.django_db

DELIVERY_NOTE = "Phí vận chuyển được tính theo địa chỉ nhận hàng và hiển thị ở bước thanh toán"
NO_DELIVERY_NOTE = "Dịch vụ sử dụng tại chỗ, không giao hàng"


def _published(**fields):
    """A new product on sale, of a new producer (see tests/factories.py)."""
    return factories.product(**fields)


@pytest.fixture
def home():
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def policy(home):
    return ensure_policy_pages(home)


def _settings():
    return ShopPolicies.for_site(Site.objects.get(is_default_site=True))


def test_product_page_discloses_seller_origin_delivery_and_returns(client, policy):
    product = _published()
    producer = product.stockrecords.get().partner
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    # The seller: name, address, phone, registration number.
    for value in (producer.name, producer.address, producer.phone, producer.registration_number):
        assert value and value in html, value
    # The origin, with the way to the origin page and its QR code.
    origin = reverse("catalogue:origin", kwargs={"product_slug": product.slug, "pk": product.pk})
    assert f"{producer.ward_name}, {producer.province_name} —" in html
    assert f'<a href="{origin}">Xem nguồn gốc và mã QR truy xuất</a>' in html
    # Delivery cost and the return conditions.
    assert DELIVERY_NOTE in html
    assert f'<a class="ocop-disclosure__returns" href="{policy.url}">Chính sách đổi trả</a>' in html
    assert policy.url == f"/{RETURN_POLICY_SLUG}/"


def test_return_policy_link_is_hidden_when_no_page_is_set(client, policy):
    settings = _settings()
    settings.return_policy_page = None
    settings.save()
    product = _published()
    html = client.get(product.get_absolute_url()).content.decode()
    assert "ocop-disclosure__returns" not in html
    assert DELIVERY_NOTE in html  # the other disclosures stay


def test_return_policy_link_is_hidden_while_the_page_is_unpublished(client, policy):
    policy.unpublish()
    product = _published()
    html = client.get(product.get_absolute_url()).content.decode()
    assert "ocop-disclosure__returns" not in html


def test_tourism_services_say_there_is_no_delivery(client, policy):
    service = _published(service=True, ocop_group="tourism", ocop_subgroup="community-tourism", weight_grams=None)
    assert not service.get_product_class().requires_shipping
    html = client.get(service.get_absolute_url()).content.decode()
    assert NO_DELIVERY_NOTE in html
    assert DELIVERY_NOTE not in html
    assert f'href="{policy.url}"' in html


def test_english_product_page_links_the_english_policy(client, policy):
    english = policy.get_translations().get(locale__language_code="en")
    assert english.live and english.url == f"/en/{RETURN_POLICY_SLUG}/"
    product = _published()
    with_prefix = "/en" + product.get_absolute_url()
    html = client.get(with_prefix).content.decode()
    assert f'href="{english.url}">Returns and exchanges</a>' in html
    assert "Shipping is calculated from the delivery address and shown at checkout" in html


def test_policy_page_states_the_return_conditions(client, policy):
    response = client.get(policy.url)
    assert response.status_code == 200
    templates = [t.name for t in response.templates]
    assert "cms/policy_page.html" in templates and "layouts/site.html" in templates
    html = response.content.decode()
    assert "<h1>Chính sách đổi trả</h1>" in html
    for term in (
        "<b>7 ngày</b>",
        "<b>trong vòng 24 giờ</b>",
        "<b>kèm ảnh chụp</b>",
        "<b>3 ngày</b>",
        "người bán chịu phí gửi trả",
        "bạn trả phí gửi hàng về",
        "<b>7 ngày làm việc</b>",
        "Thanh toán khi nhận hàng (COD)",
    ):
        assert term in html, term
    english = client.get(f"/en/{RETURN_POLICY_SLUG}/")
    assert english.status_code == 200
    assert "<h1>Returns and exchanges</h1>" in english.content.decode()


def test_ensure_policy_pages_is_idempotent(home, policy):
    pages = PolicyPage.objects.filter(slug=RETURN_POLICY_SLUG)
    counts = (pages.count(), Page.objects.count(), policy.revisions.count())
    assert pages.filter(locale__language_code="vi").get().get_parent().pk == home.pk
    assert _settings().return_policy_page_id == policy.pk

    again = ensure_policy_pages(home)
    assert again.pk == policy.pk
    assert (pages.count(), Page.objects.count(), policy.revisions.count()) == counts
    assert counts[0] == 2  # Vietnamese and its English translation


def test_ensure_policy_pages_keeps_an_editors_choice_of_page(home, policy):
    other = home.add_child(
        instance=PolicyPage(title="Quy định đổi trả mới", slug="quy-dinh-moi", body="<p>Bản mới.</p>")
    )
    settings = _settings()
    settings.return_policy_page = other
    settings.save()
    ensure_policy_pages(home)
    assert _settings().return_policy_page_id == other.pk


@pytest.mark.parametrize(
    "prefix, with_policy, max_queries",
    [
        # Measured: Oscar's page is 21; the disclosures add the site and the setting (page and locale
        # joined), and on the English page the locale and the policy's translation; the header and footer
        # add the site's contact details and menu, and the sharing tags (Open Graph, schema.org) the price,
        # image thumbnail and review figures: 9 more, none per item.
        ("", True, 32),
        ("", False, 32),
        ("/en", True, 34),
    ],
    ids=["vi", "vi-no-policy", "en"],
)
def test_product_page_query_count_with_disclosures_is_bounded(
    client, policy, django_assert_max_num_queries, prefix, with_policy, max_queries
):
    """The disclosures cost a fixed number of queries: the site, the setting joined with its page and
    locale, and in another language the page's translation."""
    if not with_policy:
        settings = _settings()
        settings.return_policy_page = None
        settings.save()
    url = prefix + _published().get_absolute_url()
    client.get(url)  # per-process caches (site root paths, thumbnails)
    with django_assert_max_num_queries(max_queries):
        assert client.get(url).status_code == 200
