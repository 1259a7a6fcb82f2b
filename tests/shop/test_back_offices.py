import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_dashboard_requires_login(client):
    response = client.get(reverse("dashboard:index"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert client.get(response["Location"]).status_code == 200


def test_customer_cannot_open_the_dashboard(client, customer):
    client.force_login(customer)
    response = client.get(reverse("dashboard:index"))
    assert response.status_code in (302, 403)


def test_staff_dashboard_links_to_the_wagtail_admin(client, staff_user):
    client.force_login(staff_user)
    response = client.get(reverse("dashboard:index"))
    assert response.status_code == 200
    assert reverse("wagtailadmin_home") in response.content.decode()


def test_wagtail_admin_links_to_the_oscar_dashboard(client, staff_user):
    client.force_login(staff_user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert reverse("dashboard:index") in response.content.decode()


def test_wagtail_admin_requires_login(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302


def test_producer_reaches_the_dashboard_but_not_the_wagtail_admin(client, producer_user):
    client.force_login(producer_user)
    response = client.get(reverse("dashboard:index"), follow=True)  # producers land on the portal's home
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("dashboard:portal-home")
    assert reverse("wagtailadmin_home") not in response.content.decode()
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_producer_cannot_open_oscars_product_pages_but_has_the_portal(client, producer_user, staff_user):
    """Oscar's product dashboard is for administrators; producers list their products in the portal."""
    client.force_login(producer_user)
    assert client.get(reverse("dashboard:catalogue-product-list")).status_code in (302, 403)
    response = client.get(reverse("dashboard:portal-products"))
    assert response.status_code == 200
    producer = producer_user.partners.get()
    rows = response.context["rows"]
    assert rows and all(row.product.stockrecords.filter(partner=producer).exists() for row in rows)
    client.force_login(staff_user)
    assert client.get(reverse("dashboard:catalogue-product-list")).status_code == 200


def test_the_portal_menu_shows_to_those_who_work_for_a_producer_only(client, producer_user, staff_user):
    client.force_login(producer_user)
    page = client.get(reverse("dashboard:portal-home")).content.decode()
    for url_name in (
        "portal-orders",
        "portal-products",
        "portal-stock-prices",
        "portal-sales",
        "portal-settlements",
        "portal-team",
    ):
        assert reverse(f"dashboard:{url_name}") in page, url_name
    assert reverse("dashboard:ocop-review-queue") not in page

    client.force_login(staff_user)  # a superuser, not named for any producer: no portal menu
    page = client.get(reverse("dashboard:index")).content.decode()
    assert reverse("dashboard:portal-orders") not in page
    assert reverse("dashboard:ocop-review-queue") in page and reverse("dashboard:ocop-settlements") in page


def test_the_dashboard_home_shows_shop_figures_only_to_staff_who_may_see_orders(client, staff_user):
    """Finding 12 of the attack: the OCOP reviewer (staff, no order permission) saw the shop's revenue,
    customers and baskets on Oscar's dashboard home."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from cms.demo import loader

    reviewer = get_user_model().objects.get(email=loader.REVIEWER_EMAIL)
    assert not reviewer.has_perm("order.view_order")
    client.force_login(reviewer)
    response = client.get(reverse("dashboard:index"))
    html = response.content.decode()
    assert response.status_code == 200 and "total_revenue" not in response.context
    assert "Hàng chờ duyệt sản phẩm OCOP" in html and "₫" not in html
    client.force_login(staff_user)  # the administrator (superuser) keeps Oscar's figures
    response = client.get(reverse("dashboard:index"))
    assert "total_revenue" in response.context and "₫" in response.content.decode()
