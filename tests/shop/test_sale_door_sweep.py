"""No URL sells or shows a product without going through the one rule of what is for sale.

Walks every URL pattern of the project (as the isolation and CSRF sweeps do), filling each path parameter with
a product that is not for sale (its id, its slug), and requests it by GET and POST as an anonymous visitor and
as a signed-in customer: no answer may show its title or slug, and afterwards no basket, wish list, alert,
review or order holds it. A new URL that serves products by id without the rule fails here.
"""

import re

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue import listing
from catalogue.programme.review import ReviewStatus
from shop.search import indexing
from tests.shop.security.urlwalk import endpoints

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
BasketLine = get_model("basket", "Line")
OrderLine = get_model("order", "Line")
WishListLine = get_model("wishlists", "Line")
ProductAlert = get_model("customer", "ProductAlert")
ProductReview = get_model("reviews", "ProductReview")

# Back offices: staff or producers only (the isolation sweep and the publishing-doors tests cover who gets in);
# their previews of products not for sale are on purpose.
BACK_OFFICE = re.compile(r"^/(?:en/)?(?:dashboard|cms-admin|django-admin|admin)/")
SECRET_TITLE = "Sản phẩm chưa duyệt Zq7xk bí mật"


@pytest.fixture
def secret_draft():
    """A product that is not for sale, with a title nobody else has, indexed as the services would."""
    product = listing.for_sale().order_by("upc").first()
    product.title = SECRET_TITLE
    product.save()
    Product.objects.filter(pk=product.pk).update(review_status=ReviewStatus.SUBMITTED, is_public=False)
    indexing.update_products([product.pk])
    product.refresh_from_db()
    assert not listing.is_for_sale(product)
    return product


def _paths_for(product):
    """Every storefront URL pattern, each path parameter filled with the product's id or slug."""
    for endpoint in endpoints():
        route = endpoint.route
        if endpoint.path is None and "<" not in route and "(?P<" not in route:
            continue
        path = _fill(route, product)
        if path is None or BACK_OFFICE.match(path):
            continue
        yield endpoint.name, path


def _fill(route, product):
    route = route.replace("^", "").replace("$", "").replace("\\Z", "")
    values = {"slug": product.slug, "product_slug": product.slug, "category_slug": "x"}

    def value(match):
        name = match.group("name")
        if "slug" in name:
            return values.get(name, product.slug)
        return str(product.pk)

    path = "/" + re.sub(r"<(?:[^>:]+:)?(?P<name>[^>]+)>", value, route)
    path = re.sub(r"\(\?P<(?P<name>\w+)>[^)]*\)", value, path)
    if re.search(r"[\\()\[\]?*+]", path):  # a regex we cannot fill by hand
        return None
    return path


def _leaks(response, product):
    text = response.content.decode(errors="replace") if not getattr(response, "streaming", False) else ""
    location = response.get("Location", "")
    return product.title in text or product.slug in text or product.slug in location


def test_no_storefront_url_shows_or_sells_a_product_that_is_not_for_sale(client, customer, secret_draft):
    holders = (BasketLine, OrderLine, WishListLine, ProductAlert, ProductReview)
    before = {model: model.objects.filter(product=secret_draft).count() for model in holders}  # the demo's own
    paths = list(_paths_for(secret_draft))
    assert len(paths) > 50, "the walk found the storefront's URLs"
    assert any(str(secret_draft.pk) in path for _name, path in paths)
    leaks = []
    post_data = {
        "quantity": 1,
        "product_id": secret_draft.pk,
        "product": secret_draft.pk,
        "child_id": "",
        "title": "x",
        "body": "x",
        "score": 5,
        "email": "x@example.vn",
        "action": "add",
    }
    for signed_in in (False, True):
        if signed_in:
            client.force_login(customer)
        for name, path in paths:
            for method in ("get", "post"):
                response = getattr(client, method)(path, post_data) if method == "post" else client.get(path)
                if _leaks(response, secret_draft):
                    leaks.append(f"{method.upper()} {path} ({name}) as {'customer' if signed_in else 'anonymous'}")
    assert leaks == [], "URLs showing a product that is not for sale:\n" + "\n".join(leaks)
    # Nothing kept it either: no new basket line, order line, wish list line, alert or review.
    assert {model: model.objects.filter(product=secret_draft).count() for model in holders} == before


def test_the_sweep_sees_a_door_that_skips_the_rule(client, secret_draft, settings):
    """The sweep's own check: a URL serving any product by id (no rule) is caught."""
    settings.ROOT_URLCONF = "tests.shop.urls_with_a_leaky_product_view"
    from django.urls import clear_url_caches

    clear_url_caches()
    try:
        leaky = [path for _name, path in _paths_for(secret_draft) if path.startswith("/leaky/")]
        assert leaky
        assert _leaks(client.get(leaky[0]), secret_draft)
    finally:
        clear_url_caches()


def test_search_finds_the_secret_title_once_it_is_for_sale(client, secret_draft):
    """Positive control: the title is searchable, so its absence above means the rule held."""
    Product.objects.filter(pk=secret_draft.pk).update(review_status=ReviewStatus.APPROVED, is_public=True)
    indexing.update_products([secret_draft.pk])
    assert SECRET_TITLE in client.get(reverse("search:search") + "?q=Zq7xk").content.decode()
