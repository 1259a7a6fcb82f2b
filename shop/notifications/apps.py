from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Every message the site sends (shop.notifications): the outbox, its delivery and its admin page."""

    name = "shop.notifications"
    label = "notifications"
    verbose_name = _("Thông báo gửi đi")
    default_auto_field = "django.db.models.BigAutoField"
