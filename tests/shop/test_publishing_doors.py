"""A producer cannot publish by any path but the OCOP workflow: Oscar's product dashboard is staff-only,
and even there the publishing doors are closed."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from oscar.core.loading import get_class, get_model

from catalogue.programme.review import ReviewStatus

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
Category = get_model("catalogue", "Category")
ProductForm = get_class("dashboard.catalogue.forms", "ProductForm")


def _form_data(html, form_selector="form#create_update_product_form"):
    """What a browser would submit from the page's form, unchanged."""
    form = BeautifulSoup(html, "html.parser").select_one(form_selector)
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            selected = field.select_one("option[selected]")
            data[name] = selected["value"] if selected else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.get("type") != "file":
            data[name] = field.get("value", "")
    return data


def _errors(response):
    """Form and formset errors of a re-rendered dashboard page, for assertion messages."""
    errors = {"form": response.context["form"].errors}
    for name in response.context.keys():
        value = response.context[name]
        if "formset" in name and hasattr(value, "non_form_errors"):
            errors[name] = [value.non_form_errors(), value.errors]
    return errors


def _draft_product_of(producer_user):
    product = Product.objects.filter(stockrecords__partner__users=producer_user).order_by("upc").first()
    Product.objects.filter(pk=product.pk).update(review_status=ReviewStatus.DRAFT, is_public=False)
    return product


def test_dashboard_product_form_has_no_public_switch():
    assert "is_public" not in ProductForm.base_fields


def test_producer_cannot_use_oscars_product_pages(client, producer_user):
    """Producers edit their products in the portal only (where the review rule applies)."""
    product = _draft_product_of(producer_user)
    client.force_login(producer_user)
    product_class = ProductClass.objects.get(name="Sản phẩm OCOP")
    urls = [
        reverse("dashboard:catalogue-product-list"),
        reverse("dashboard:catalogue-product", kwargs={"pk": product.pk}),
        reverse("dashboard:catalogue-product-create", kwargs={"product_class_slug": product_class.slug}),
        reverse("dashboard:catalogue-product-delete", kwargs={"pk": product.pk}),
    ]
    for url in urls:
        assert client.get(url).status_code in (302, 403), url
    response = client.post(urls[1], {"title": "Sửa qua cửa sau", "is_public": "on"})
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/login/" in response["Location"]
    product.refresh_from_db()
    assert product.title != "Sửa qua cửa sau"
    assert not product.is_public and product.review_status == ReviewStatus.DRAFT
    assert Product.objects.filter(pk=product.pk).exists()


def test_staff_ticking_is_public_on_the_edit_page_does_not_publish(client, staff_user, producer_user):
    product = _draft_product_of(producer_user)
    client.force_login(staff_user)
    url = reverse("dashboard:catalogue-product", kwargs={"pk": product.pk})
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="is_public"' not in page.content.decode()
    data = _form_data(page.content.decode())
    data.update({"is_public": "on", "title": product.title + " (mới)"})
    response = client.post(url, data)
    assert response.status_code == 302, _errors(response)
    product.refresh_from_db()
    assert product.title.endswith("(mới)")  # the edit itself went through
    assert not product.is_public and product.review_status == ReviewStatus.DRAFT


def test_staff_creating_a_product_gets_a_hidden_draft(client, staff_user, producer_user):
    client.force_login(staff_user)
    product_class = ProductClass.objects.get(name="Sản phẩm OCOP")
    url = reverse("dashboard:catalogue-product-create", kwargs={"product_class_slug": product_class.slug})
    page = client.get(url)
    assert page.status_code == 200
    data = _form_data(page.content.decode())
    data.update(
        {
            "title": "Mật ong bạc hà thử nghiệm",
            "upc": "TEST-NEW-1",
            "is_public": "on",
            "stockrecords-0-partner": str(producer_user.partners.get().pk),
            "stockrecords-0-partner_sku": "TEST-NEW-1",
            "stockrecords-0-price": "120000",
            "stockrecords-0-num_in_stock": "5",
            "productcategory_set-0-category": str(Category.objects.get(name="Mật ong").pk),
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, _errors(response)
    product = Product.objects.get(upc="TEST-NEW-1")
    assert not product.is_public and product.review_status == ReviewStatus.DRAFT


@pytest.mark.parametrize("action", ["make_products_public", "make_products_non_public"])
def test_bulk_publish_actions_are_gone(client, producer_user, staff_user, action):
    product = _draft_product_of(producer_user)
    for user in (producer_user, staff_user):
        client.force_login(user)
        listing = client.get(reverse("dashboard:catalogue-product-list")).content.decode()
        assert f'value="{action}"' not in listing
        client.post(reverse("dashboard:catalogue-product-list"), {"action": action, "selected_product": [product.pk]})
        client.post(
            reverse("dashboard:catalogue-product-bulk-action"),
            {"action": action, "selected_product": [product.pk], "confirm": "1"},
        )
        product.refresh_from_db()
        assert not product.is_public


def test_producer_cannot_reach_the_review_queue(client, producer_user):
    client.force_login(producer_user)
    for url in (
        reverse("dashboard:ocop-review-queue"),
        reverse("dashboard:ocop-review-detail", kwargs={"pk": _draft_product_of(producer_user).pk}),
    ):
        assert client.get(url).status_code in (302, 403)


def test_producer_cannot_approve_by_posting_to_the_review_page(client, producer_user):
    product = _draft_product_of(producer_user)
    Product.objects.filter(pk=product.pk).update(review_status=ReviewStatus.SUBMITTED)
    client.force_login(producer_user)
    response = client.post(reverse("dashboard:ocop-review-detail", kwargs={"pk": product.pk}), {"action": "approve"})
    assert response.status_code in (302, 403)
    product.refresh_from_db()
    assert product.review_status == ReviewStatus.SUBMITTED and not product.is_public


# --- the tax business category (issue 22: withholding by line type) ------------------------------------------------


def test_staff_set_a_products_tax_category_on_its_edit_page(client, staff_user, producer_user):
    product = _draft_product_of(producer_user)
    client.force_login(staff_user)
    url = reverse("dashboard:catalogue-product", kwargs={"pk": product.pk})
    page = client.get(url)
    assert 'name="tax_category"' in page.content.decode()
    data = _form_data(page.content.decode())
    data["tax_category"] = "services"
    response = client.post(url, data)
    assert response.status_code == 302, _errors(response)
    product.refresh_from_db()
    assert product.tax_category == "services"


def test_the_producers_portal_form_has_no_tax_category():
    """The category sets the rates withheld from a household's money: the programme decides it, not the seller."""
    from shop.dashboard.portal.forms import PortalProductForm

    assert "tax_category" not in PortalProductForm.base_fields


def test_staff_set_a_product_classs_tax_category(client, staff_user):
    product_class = ProductClass.objects.create(name="Dịch vụ trải nghiệm thử")
    client.force_login(staff_user)
    url = reverse("dashboard:catalogue-class-update", kwargs={"pk": product_class.pk})
    page = client.get(url)
    assert page.status_code == 200 and 'name="tax_category"' in page.content.decode()
    data = _form_data(page.content.decode(), "form#create_update_product_class_form")
    data.update({"name": product_class.name, "tax_category": "services"})
    data.pop("options")  # a multiple select with nothing chosen sends nothing
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    product_class.refresh_from_db()
    assert product_class.tax_category == "services"
