from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "shop.registry"
    label = "registry"
    verbose_name = _("Danh sách OCOP của tỉnh")
    default_auto_field = "django.db.models.BigAutoField"
