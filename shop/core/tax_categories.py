"""The tax business categories of a product (Circular 40/2021/TT-BTC, Appendix I, as Decree 117/2025/NĐ-CP
applies them to platforms): what a product is, for tax. The catalogue's product classes and products carry one;
the withholding rates per category are ``payments.tax_rates``."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TaxCategory(models.TextChoices):
    GOODS = "goods", _("Phân phối, cung cấp hàng hoá")
    SERVICES = "services", _("Dịch vụ (kể cả lưu trú, homestay)")
    PRODUCTION = "production", _("Sản xuất, vận tải, dịch vụ có gắn với hàng hoá")
    OTHER = "other", _("Hoạt động kinh doanh khác")
