"""Services (community tourism) are not shipped: the buyer chooses the day they will use them instead.

The Oscar way: a required product ``Option`` of type date (``SERVICE_DATE``) on the product classes that
need no shipping. Oscar builds the field on the add-to-basket form (``shop.basket.forms`` checks the day
is not past), stores the value on the basket line and copies it to the order line (``LineAttribute``,
the ISO date as JSON).
"""

import datetime

from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

SERVICE_DATE = "service_date"
SERVICE_DATE_NAME = "Ngày sử dụng dịch vụ"


def ensure_service_date_option():
    """Create the option and attach it to every product class that needs no shipping; idempotent."""
    Option = get_model("catalogue", "Option")
    ProductClass = get_model("catalogue", "ProductClass")
    option, _created = Option.objects.get_or_create(
        code=SERVICE_DATE,
        defaults={
            "name": SERVICE_DATE_NAME,
            "type": Option.DATE,
            "required": True,
            "help_text": "Ngày quý khách đến sử dụng dịch vụ (từ hôm nay trở đi).",
        },
    )
    for product_class in ProductClass.objects.filter(requires_shipping=False):
        product_class.options.add(option)
    return option


def earliest_service_date():
    return timezone.localdate()


def validate_service_date(value):
    from django.core.exceptions import ValidationError

    if value < earliest_service_date():
        raise ValidationError(
            _("Ngày sử dụng dịch vụ phải từ hôm nay (%(today)s) trở đi."),
            params={"today": earliest_service_date().strftime("%d/%m/%Y")},
            code="past_service_date",
        )


def _as_date(value):
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return parse_date(value)
        except ValueError:
            return None
    return None


def service_date_of(line):
    """The day chosen for a basket or order line of a service, or None."""
    for attribute in line.attributes.all():
        option_code = getattr(getattr(attribute, "option", None), "code", None)
        if option_code == SERVICE_DATE or getattr(attribute, "type", None) == SERVICE_DATE_NAME:
            return _as_date(attribute.value)
    return None
