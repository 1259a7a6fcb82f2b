"""The demo customer's saved delivery address (Lào Cai, two-level 2025 address)."""

from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

from shop.core.addresses import ward_choices

UserAddress = get_model("address", "UserAddress")
LAO_CAI = 15


def ensure_demo_addresses(customer_email):
    user = get_user_model().objects.filter(email=customer_email).first()
    if user is None or UserAddress.objects.filter(user=user).exists():
        return
    ward_code = next((code for code, name in ward_choices(LAO_CAI) if "Sa Pa" in name), ward_choices(LAO_CAI)[0][0])
    UserAddress.objects.create(
        user=user,
        first_name="Nguyễn Thị Lan",
        phone_number="+84912345678",
        province_code=LAO_CAI,
        ward_code=ward_code,
        line1="Số 12 đường Cầu Mây",
        is_default_for_shipping=True,
    )
