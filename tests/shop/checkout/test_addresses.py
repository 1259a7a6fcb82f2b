"""Vietnamese addresses at checkout and in the address book: 2025 province → commune lists, the
dependent select with and without JavaScript, Vietnamese phone numbers, saved addresses."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from oscar.core.loading import get_model

from shop.checkout.forms import ShippingAddressForm
from shop.core.addresses import province_choices, province_name, ward_choices, ward_name
from shop.core.phones import normalise_phone
from shop.core.text import vietnamese_sort_key
from tests.shop.checkout.journey import (
    LAO_CAI,
    add_to_basket,
    buyable_products,
    lao_cai_address,
    place_order,
    reach_preview,
)

pytestmark = pytest.mark.django_db
UserAddress = get_model("address", "UserAddress")
Order = get_model("order", "Order")
HA_NOI = 1


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("0912345678", "+84912345678"),
        ("091 234 5678", "+84912345678"),
        ("0912.345.678", "+84912345678"),
        ("+84387654321", "+84387654321"),
        ("+84 0912 345 678", "+84912345678"),
        ("024 3826 1234", "+842438261234"),
        ("0214 3812 345", "+842143812345"),  # fixed lines: Hà Nội, Lào Cai
    ],
)
def test_vietnamese_numbers_are_accepted_and_stored_in_international_form(typed, stored):
    form = ShippingAddressForm(data=lao_cai_address(phone_number=typed))
    assert form.is_valid(), form.errors
    assert str(form.save().phone_number) == stored


@pytest.mark.parametrize(
    "typed", ["12345", "0123456789", "+1 415 555 0100", "09123456789", "1900 1234", "0212345678", "không có", ""]
)
def test_other_numbers_get_a_vietnamese_error(typed):
    form = ShippingAddressForm(data=lao_cai_address(phone_number=typed))
    assert not form.is_valid()
    if typed:
        assert "số điện thoại Việt Nam" in form.errors["phone_number"][0]
        with pytest.raises(Exception, match="số điện thoại Việt Nam"):
            normalise_phone(typed)
    else:
        assert "phone_number" in form.errors


def test_a_commune_of_another_province_is_refused_with_a_prompt_for_the_right_list():
    ha_noi_ward = ward_choices(HA_NOI)[0][0]
    form = ShippingAddressForm(data=lao_cai_address(ward_code=ha_noi_ward))
    assert not form.is_valid()
    assert form.errors["ward_code"][0].startswith("Chọn xã/phường của Lào Cai")
    assert [code for code, _ in form.fields["ward_code"].choices if code] == [c for c, _ in ward_choices(LAO_CAI)]


def _guest_at_the_address_step(client):
    (product,) = buyable_products(1)
    add_to_basket(client, product, 1)
    client.post(
        reverse("checkout:index"),
        {"username": "khach@example.vn", "options": "anonymous", "personal_data_consent": "on"},
    )


def _options(html, name):
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    return [int(v) for v in re.findall(r'<option value="(\d+)"', select)]


def test_the_address_keeps_codes_and_writes_the_names_oscar_shows():
    form = ShippingAddressForm(data=lao_cai_address())
    assert form.is_valid(), form.errors
    address = form.save()
    assert address.state == province_name(LAO_CAI) == "Lào Cai"
    assert address.line4 == ward_name(address.ward_code)
    assert address.country_id == "VN"
    assert "Lào Cai" in address.summary


def test_without_javascript_the_refresh_button_lists_the_communes_of_the_chosen_province(client):
    _guest_at_the_address_step(client)
    first = client.get(reverse("checkout:shipping-address")).content.decode()
    assert _options(first, "ward_code") == []  # no province yet, so no communes
    form = first.split('id="new_shipping_address"')[1].split("</form>")[0]
    assert 'name="refresh_wards"' in form and "<script" not in form  # the script is a file (CSP)
    assert re.search(r'<script src="[^"]*/address-wards\.js" defer>', first)
    page = client.post(
        reverse("checkout:shipping-address"),
        {**lao_cai_address(), "province_code": HA_NOI, "ward_code": "", "refresh_wards": "1"},
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert _options(html, "ward_code") == [code for code, _ in ward_choices(HA_NOI)]
    assert "error-block" not in html and "alert-danger" not in html  # a refresh is not a failed submit
    assert 'value="Số 5 đường Hoàng Liên"' in html  # what the buyer typed stays
    # Then the buyer picks a commune of Hà Nội and continues.
    done = client.post(
        reverse("checkout:shipping-address"),
        {**lao_cai_address(), "province_code": HA_NOI, "ward_code": ward_choices(HA_NOI)[0][0]},
    )
    assert done.status_code == 302
    assert client.session["checkout_data"]["shipping"]["new_address_fields"]["province_code"] == HA_NOI


def test_continuing_without_refreshing_shows_the_new_province_communes_and_a_prompt(client):
    """The buyer changed the province and pressed "Tiếp tục" with the old commune (or none) selected."""
    _guest_at_the_address_step(client)
    for ward in (ward_choices(LAO_CAI)[0][0], ""):
        page = client.post(
            reverse("checkout:shipping-address"), {**lao_cai_address(), "province_code": HA_NOI, "ward_code": ward}
        )
        html = page.content.decode()
        assert page.status_code == 200
        assert _options(html, "ward_code") == [code for code, _ in ward_choices(HA_NOI)]
        assert f"Chọn xã/phường của {province_name(HA_NOI)}" in html
        assert "Trường này là bắt buộc" not in html


def test_enter_in_a_text_box_continues_rather_than_refreshing(client):
    """Implicit submission presses the form's first submit button: it must not be the refresh one."""
    _guest_at_the_address_step(client)
    html = client.get(reverse("checkout:shipping-address")).content.decode()
    form = html.split('id="new_shipping_address"')[1]
    first_button = re.search(r"<button[^>]*>", form).group(0)
    assert 'type="submit"' in first_button and "name=" not in first_button


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
    assert saved.line1 in page and "Lào Cai" in page
    assert "Điện thoại: 0912 345 678" in page  # the number the courier will call
    other = UserAddress.objects.exclude(user=user).first()
    if other is not None:
        assert (
            client.post(reverse("checkout:shipping-address"), {"address_id": other.pk, "action": "ship_to"}).status_code
            == 404
        )
    chosen = client.post(reverse("checkout:shipping-address"), {"address_id": saved.pk, "action": "ship_to"})
    assert chosen.status_code == 302
    assert client.session["checkout_data"]["shipping"]["user_address_id"] == saved.pk

    client.get(reverse("checkout:shipping-method"))
    client.post(reverse("checkout:payment-method"), {"method": "cod"})
    assert place_order(client).status_code == 302
    order = Order.objects.filter(user=user).latest("date_placed")
    shipped_to = order.shipping_address
    assert (shipped_to.province_code, shipped_to.ward_code, shipped_to.line1) == (
        saved.province_code,
        saved.ward_code,
        saved.line1,
    )
    assert shipped_to.state == "Lào Cai" and shipped_to.phone_number == saved.phone_number
    assert UserAddress.objects.filter(user=user).count() == 1  # the same address, not a copy
    saved.refresh_from_db()
    assert saved.num_orders_as_shipping_address >= 1


def test_a_new_address_typed_by_an_account_holder_goes_into_the_address_book_with_its_codes(client):
    user = get_user_model().objects.create_user(email="dia.chi.moi@example.vn", password="mat-khau-2026")
    client.force_login(user)
    (product,) = buyable_products(1)
    add_to_basket(client, product, 1)
    address = lao_cai_address(phone_number="024 3826 1234", line1="Số 9 phố Cốc Lếu")
    reach_preview(client, guest=False, address=address)
    assert place_order(client).status_code == 302
    saved = UserAddress.objects.get(user=user)
    assert (saved.province_code, saved.ward_code) == (LAO_CAI, address["ward_code"])
    assert saved.line1 == "Số 9 phố Cốc Lếu" and str(saved.phone_number) == "+842438261234"
    assert saved.state == "Lào Cai" and saved.line4 == ward_name(address["ward_code"])
    order = Order.objects.get(user=user)
    assert order.shipping_address.province_code == LAO_CAI and order.shipping_address.state == "Lào Cai"


def test_the_address_book_form_uses_the_same_fields(client):
    user = get_user_model().objects.create_user(email="so.dia.chi@example.vn", password="mat-khau-2026")
    client.force_login(user)
    response = client.post(reverse("customer:address-create"), lao_cai_address())
    assert response.status_code == 302
    address = UserAddress.objects.get(user=user)
    assert address.state == "Lào Cai" and str(address.phone_number) == "+84912345678"
    edit = client.get(reverse("customer:address-detail", args=[address.pk])).content.decode()
    assert 'value="0912 345 678"' in edit  # shown the way Vietnamese write it, not as +84…
    assert _options(edit, "ward_code") == [code for code, _ in ward_choices(LAO_CAI)]
    assert 'name="refresh_wards"' in edit and "address-wards.js" in edit


def test_refreshing_the_commune_list_in_the_address_book_saves_nothing_and_shows_no_errors(client):
    user = get_user_model().objects.create_user(email="so.dia.chi.2@example.vn", password="mat-khau-2026")
    client.force_login(user)
    page = client.post(reverse("customer:address-create"), {"province_code": HA_NOI, "refresh_wards": "1"})
    html = page.content.decode()
    assert page.status_code == 200 and not UserAddress.objects.filter(user=user).exists()
    assert _options(html, "ward_code") == [code for code, _ in ward_choices(HA_NOI)]
    assert "error-block" not in html and "alert-danger" not in html


def test_editing_a_saved_address_at_checkout_follows_the_province_without_javascript(client):
    user = get_user_model().objects.create_user(email="sua.dia.chi@example.vn", password="mat-khau-2026")
    saved = UserAddress.objects.create(
        user=user,
        first_name="Trần Thị Bình",
        phone_number="+84912345678",
        province_code=LAO_CAI,
        ward_code=ward_choices(LAO_CAI)[0][0],
        line1="Số 1 đường Hoàng Liên",
    )
    client.force_login(user)
    (product,) = buyable_products(1)
    add_to_basket(client, product, 1)
    url = reverse("checkout:user-address-update", args=[saved.pk])
    edit = client.get(url).content.decode()
    assert _options(edit, "ward_code") == [code for code, _ in ward_choices(LAO_CAI)]
    assert 'name="refresh_wards"' in edit and "address-wards.js" in edit and 'value="0912 345 678"' in edit

    moved = {
        "first_name": "Trần Thị Bình",
        "phone_number": "0912 345 678",
        "province_code": HA_NOI,
        "ward_code": saved.ward_code,
        "line1": "Số 3 phố Hàng Bạc",
    }
    refreshed = client.post(url, {**moved, "refresh_wards": "1"})
    assert refreshed.status_code == 200
    assert _options(refreshed.content.decode(), "ward_code") == [code for code, _ in ward_choices(HA_NOI)]
    saved.refresh_from_db()
    assert saved.province_code == LAO_CAI  # a refresh saves nothing

    ha_noi_ward = ward_choices(HA_NOI)[0][0]
    assert client.post(url, {**moved, "ward_code": ha_noi_ward}).status_code == 302
    saved.refresh_from_db()
    assert (saved.province_code, saved.ward_code, saved.state) == (HA_NOI, ha_noi_ward, province_name(HA_NOI))
    assert saved.line4 == ward_name(ha_noi_ward) and saved.line1 == "Số 3 phố Hàng Bạc"


def test_provinces_are_listed_by_their_own_name_in_vietnamese_order():
    """Python's sort put every "Thành phố …" under T and every "Đ…" after "Z"; a shopper looks for Hà Nội under H
    and Đà Nẵng after "D"."""
    names = [name for _code, name in province_choices()]
    assert names[:4] == ["An Giang", "Bắc Ninh", "Cà Mau", "Cao Bằng"]
    assert names.index("Thành phố Cần Thơ") < names.index("Thành phố Đà Nẵng") < names.index("Đắk Lắk")
    assert names.index("Đồng Tháp") < names.index("Gia Lai") < names.index("Thành phố Hà Nội") < names.index("Hà Tĩnh")
    assert names.index("Lào Cai") < names.index("Lâm Đồng")  # a before â
    assert names[-1] == "Vĩnh Long"


def test_communes_are_listed_by_their_name_without_their_kind():
    names = [name for _code, name in ward_choices(15)]  # Lào Cai
    assert (
        names.index("Xã Bắc Hà")
        < names.index("Phường Cam Đường")
        < names.index("Phường Sa Pa")
        < names.index("Xã Y Tý")
    )


def test_vietnamese_sort_key_orders_letters_then_tones():
    words = ["Mạ", "Má", "Mã", "Mả", "Mà", "Ma", "Ơn", "Ôn", "On", "Đa", "Dương", "Gà", "Ăn", "An"]
    assert sorted(words, key=vietnamese_sort_key) == [
        "An", "Ăn", "Dương", "Đa", "Gà", "Ma", "Mà", "Mả", "Mã", "Má", "Mạ", "On", "Ôn", "Ơn",
    ]  # fmt: skip
