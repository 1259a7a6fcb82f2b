"""Vietnamese addresses at checkout and in the address book: 2025 province → commune lists, the
dependent select with and without JavaScript, Vietnamese phone numbers, saved addresses."""
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from oscar.core.loading import get_model

from shop.address.forms import normalise_phone
from shop.checkout.forms import ShippingAddressForm
from shop.core.addresses import province_name, ward_choices, ward_name
from tests.shop.checkout.journey import LAO_CAI, add_to_basket, buyable_products, lao_cai_address

pytestmark = pytest.mark.django_db
UserAddress = get_model("address", "UserAddress")
HA_NOI = 1


@pytest.mark.parametrize("typed, stored", [("0912345678", "+84912345678"), ("091 234 5678", "+84912345678"),
                                           ("+84387654321", "+84387654321")])
def test_vietnamese_mobile_numbers_are_accepted_and_stored_in_international_form(typed, stored):
    form = ShippingAddressForm(data=lao_cai_address(phone_number=typed))
    assert form.is_valid(), form.errors
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize("typed", ["12345", "0123456789", "+1 415 555 0100", "09123456789"])
def test_other_numbers_get_a_vietnamese_error(typed):
    form = ShippingAddressForm(data=lao_cai_address(phone_number=typed))
    assert not form.is_valid()
    assert "số điện thoại Việt Nam" in form.errors["phone_number"][0]


def test_a_commune_of_another_province_is_refused():
    ha_noi_ward = ward_choices(HA_NOI)[0][0]
    form = ShippingAddressForm(data=lao_cai_address(ward_code=ha_noi_ward))
    assert not form.is_valid()
    assert "xã/phường thuộc tỉnh/thành phố đã chọn" in form.errors["ward_code"][0]


def test_the_address_keeps_codes_and_writes_the_names_oscar_shows():
    form = ShippingAddressForm(data=lao_cai_address())
    assert form.is_valid(), form.errors
    address = form.save()
    assert address.state == province_name(LAO_CAI) == "Lào Cai"
    assert address.line4 == ward_name(address.ward_code)
    assert address.country_id == "VN"
    assert "Lào Cai" in address.summary


def test_without_javascript_the_refresh_button_lists_the_communes_of_the_chosen_province(client):
    (product,) = buyable_products(1)
    add_to_basket(client, product, 1)
    client.post(reverse("checkout:index"), {"username": "khach@example.vn", "options": "anonymous"})
    page = client.post(reverse("checkout:shipping-address"), {"province_code": HA_NOI, "refresh_wards": "1"})
    html = page.content.decode()
    assert page.status_code == 200
    first_ha_noi, first_lao_cai = ward_choices(HA_NOI)[0], ward_choices(LAO_CAI)[0]
    assert f'value="{first_ha_noi[0]}"' in html and f'value="{first_lao_cai[0]}"' not in html
    assert "errorlist" not in html and "invalid-feedback" not in html  # a refresh is not a failed submit
    assert 'name="refresh_wards"' in html and "address-wards.js" in html


def test_the_commune_list_as_json_for_the_script(client):
    wards = client.get(reverse("address-wards", args=[LAO_CAI])).json()
    assert {"code": ward_choices(LAO_CAI)[0][0], "name": ward_choices(LAO_CAI)[0][1]} in wards
    assert len(wards) == len(ward_choices(LAO_CAI))
    assert client.get(reverse("address-wards", args=[999])).status_code == 404


def test_account_holders_ship_to_a_saved_address_and_cannot_use_someone_elses(client):
    user = get_user_model().objects.get(email="khachhang@ocop.example.vn")
    saved = UserAddress.objects.filter(user=user).first()
    assert saved is not None and saved.province_code == LAO_CAI, "the demo customer has a saved address"
    client.force_login(user)
    (product,) = buyable_products(1)
    add_to_basket(client, product, 1)
    page = client.get(reverse("checkout:shipping-address")).content.decode()
    assert saved.line1 in page
    other = UserAddress.objects.exclude(user=user).first()
    if other is not None:
        assert client.post(reverse("checkout:shipping-address"),
                           {"address_id": other.pk, "action": "ship_to"}).status_code == 404
    chosen = client.post(reverse("checkout:shipping-address"), {"address_id": saved.pk, "action": "ship_to"})
    assert chosen.status_code == 302
    assert client.session["checkout_data"]["shipping"]["user_address_id"] == saved.pk


def test_the_address_book_form_uses_the_same_fields(client):
    user = get_user_model().objects.create_user(email="so.dia.chi@example.vn", password="mat-khau-2026")
    client.force_login(user)
    response = client.post(reverse("customer:address-create"), lao_cai_address())
    assert response.status_code == 302
    address = UserAddress.objects.get(user=user)
    assert address.state == "Lào Cai" and str(address.phone_number) == "+84912345678"
