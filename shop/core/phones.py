"""Vietnamese phone numbers: the one rule for every phone field (delivery addresses, producers, accounts).

A number a courier or the OCOP office can call: a Vietnamese mobile or fixed line, typed with or without
spaces, dots or +84. Service numbers (1900/1800) and foreign numbers are refused.
"""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PHONE_ERROR = _(
    "Nhập số điện thoại Việt Nam: di động 10 chữ số (ví dụ 0912345678) hoặc cố định bắt đầu "
    "bằng 02 (ví dụ 024 3826 1234); có thể viết +84."
)
_CALLABLE = {
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}


def parse_vietnamese_phone(value):
    """The number typed, parsed; a ValidationError with PHONE_ERROR when it is not a callable Vietnamese one."""
    try:
        number = phonenumbers.parse(value or "", "VN")
    except phonenumbers.NumberParseException:
        raise ValidationError(PHONE_ERROR, code="invalid_phone") from None
    if (
        number.country_code != 84
        or not phonenumbers.is_valid_number(number)
        or phonenumbers.number_type(number) not in _CALLABLE
    ):
        raise ValidationError(PHONE_ERROR, code="invalid_phone")
    return number


def normalise_phone(value):
    """ "0912 345 678" / "+84912345678" / "024 3826 1234" → E.164 ("+84912345678"), as Oscar's address
    field stores it."""
    return phonenumbers.format_number(parse_vietnamese_phone(value), phonenumbers.PhoneNumberFormat.E164)


def national_phone(value):
    """The same number as Vietnamese people write it ("0912 345 678", "024 3826 1234"), for the plain text
    fields of producers and accounts, shown on pages and dialled from tel: links."""
    return phonenumbers.format_number(parse_vietnamese_phone(value), phonenumbers.PhoneNumberFormat.NATIONAL)


def validate_vietnamese_phone(value):
    """Model field validator (blank values never reach it)."""
    parse_vietnamese_phone(value)
