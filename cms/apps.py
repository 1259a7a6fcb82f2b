from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """Wagtail content: home page, campaigns, news, producer stories."""

    name = "cms"
    label = "cms"
    verbose_name = _("Nội dung")

    def ready(self):
        from cms import admin_language, signal_handlers

        admin_language.mend()

        signal_handlers.register()
