"""Vietnam's administrative divisions since 1 July 2025: province → commune/ward.

The official list comes from the maintained `vietnam-provinces` package; this
module is the one place the project reads it.
"""

import re
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from vietnam_provinces import Province, ProvinceCode, Ward, WardCode

from shop.core.text import normalize, vietnamese_sort_key

# The kind a division's official name starts with; lists sort by the name after it.
_KINDS = ("thành phố ", "tỉnh ", "phường ", "xã ", "đặc khu ", "thị trấn ")


@lru_cache(maxsize=None)
def province_name(code):
    try:
        return Province.from_code(ProvinceCode(int(code))).name
    except (ValueError, TypeError):
        return ""


@lru_cache(maxsize=None)
def _ward(code):
    try:
        return Ward.from_code(WardCode(int(code)))
    except (ValueError, TypeError):
        return None


def ward_name(code):
    ward = _ward(code)
    return ward.name if ward else ""


def place_sort_key(name):
    """Provinces and communes in the order a reader looks for them: by their own name, in Vietnamese dictionary
    order — "Thành phố Hà Nội" under H, "Xã Bắc Hà" under B, "Đà Nẵng" after "D", not at the end."""
    name = normalize(name)
    kind = next((kind for kind in _KINDS if name.startswith(kind)), "")
    return vietnamese_sort_key(name[len(kind) :])


def province_choices():
    return sorted(((p.code.value, p.name) for p in Province.iter_all()), key=lambda c: place_sort_key(c[1]))


def ward_choices(province_code):
    wards = Ward.iter_by_province(ProvinceCode(int(province_code)))
    return sorted(((w.code.value, w.name) for w in wards), key=lambda c: place_sort_key(c[1]))


def validate_province_code(code):
    if not province_name(code):
        raise ValidationError(_("Mã tỉnh/thành phố %(code)s không có trong danh mục 2025."), params={"code": code})


def validate_ward(province_code, ward_code):
    """A commune/ward must exist and belong to the province."""
    ward = _ward(ward_code)
    if ward is None:
        raise ValidationError(_("Mã xã/phường %(code)s không có trong danh mục 2025."), params={"code": ward_code})
    if ward.province_code.value != int(province_code):
        raise ValidationError(
            _("Xã/phường %(ward)s không thuộc %(province)s."),
            params={"ward": ward.name, "province": province_name(province_code)},
        )


def format_address(street, ward_code, province_code):
    """ "Thôn Bản Mế, Xã Bắc Hà, Lào Cai" — the two-level address as printed."""
    return ", ".join(part for part in (street, ward_name(ward_code), province_name(province_code)) if part)


STREET_KEY_LENGTH = 255


def street_key(line) -> str:
    """A street line as compared between two addresses: "Số 5, đường Hoàng Liên " and "số 5 đường hoàng liên"
    are one street line (case, punctuation and spacing aside). At most ``STREET_KEY_LENGTH`` characters."""
    return " ".join(re.sub(r"[^\w]+", " ", str(line or "").casefold()).split())[:STREET_KEY_LENGTH]


def delivery_address(address) -> str:
    """The delivery address without the name, for producers and the buyer's mails: street, commune/ward,
    province."""
    if address is None:
        return ""
    parts = [getattr(address, field, "") for field in ("line1", "line2", "line3", "line4", "state", "postcode")]
    return ", ".join(str(part).strip() for part in parts if part and str(part).strip())
