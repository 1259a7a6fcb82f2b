from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Site-wide pieces shared by Oscar's and Wagtail's pages: text helpers, template tags."""

    name = "shop.core"
    label = "core"
