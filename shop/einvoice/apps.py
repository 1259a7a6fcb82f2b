from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EInvoiceConfig(AppConfig):
    """E-invoice data per producer part of an order: the buyer's request, the provider-neutral data, the tax
    authority's XML and the provider boundary (see the package's modules)."""

    name = "shop.einvoice"
    label = "einvoice"
    verbose_name = _("Hoá đơn điện tử")
    default_auto_field = "django.db.models.BigAutoField"
