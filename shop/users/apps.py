from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UsersConfig(AppConfig):
    name = "shop.users"
    label = "users"
    verbose_name = _("Người dùng")

    def ready(self):
        from shop.users import throttling  # noqa: F401 — connects the login failure counters
