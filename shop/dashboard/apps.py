from django.apps import apps
from django.urls import include, path
from oscar.apps.dashboard import apps as dashboard_apps


class DashboardConfig(dashboard_apps.DashboardConfig):
    """Oscar's dashboard with the OCOP sections (review queue, programme figures)."""

    name = "shop.dashboard"

    def ready(self):
        super().ready()
        self.ocop_app = apps.get_app_config("ocop_dashboard")

    def get_urls(self):
        # The OCOP app's own URLs carry its permission checks.
        return [*super().get_urls(), path("ocop/", include(self.ocop_app.urls[0]))]
