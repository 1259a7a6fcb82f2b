from django.apps import apps
from django.urls import include, path
from oscar.apps.dashboard import apps as dashboard_apps


class DashboardConfig(dashboard_apps.DashboardConfig):
    """Oscar's dashboard with the OCOP sections (review queue, programme figures) and the producers' portal."""

    name = "shop.dashboard"

    def ready(self):
        super().ready()
        self.ocop_app = apps.get_app_config("ocop_dashboard")
        self.portal_app = apps.get_app_config("portal_dashboard")

    def get_urls(self):
        # The OCOP and portal apps' own URLs carry their permission checks.
        return [*super().get_urls(), path("ocop/", include(self.ocop_app.urls[0])),
                path("portal/", include(self.portal_app.urls[0]))]
