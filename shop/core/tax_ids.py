"""The identifiers the tax authority knows a person or business by, checked in one place: the tax code (mã số
thuế) of a seller or of a business buyer asking for a VAT invoice, and the citizen ID (căn cước) of a household
seller without one."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# 10 digits, or 13 for a dependent unit, which documents write 10 digits, a hyphen and 3 digits (Circular
# 105/2020/TT-BTC, Article 5); typed without the hyphen it is the same code.
TAX_CODE = re.compile(r"^\d{10}(-?\d{3})?$")
# Căn cước / căn cước công dân: 12 digits.
CITIZEN_ID = re.compile(r"^\d{12}$")


def validate_tax_code(value):
    if not TAX_CODE.match(value or ""):
        raise ValidationError(
            _("Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số (ví dụ 0101234567-001)."),
            code="tax_code",
        )


def validate_citizen_id(value):
    if not CITIZEN_ID.match(value or ""):
        raise ValidationError(_("Số căn cước công dân gồm đúng 12 chữ số."), code="citizen_id")
