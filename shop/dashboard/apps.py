from django.apps import apps
from django.urls import include, path
from oscar.apps.dashboard import apps as dashboard_apps


class DashboardConfig(dashboard_apps.DashboardConfig):
    """Oscar's dashboard with our sections, one Oscar dashboard app per audience: reviewers
    (``review_dashboard``), finance (``finance_dashboard``), operations (``operations_dashboard``) — all
    under ``/dashboard/ocop/`` with ``ocop-…`` URL names — and the producers' portal (``portal_dashboard``,
    ``/dashboard/portal/`` and the OCOP side of the producer's products under ``/dashboard/ocop/``)."""

    name = "shop.dashboard"
    AUDIENCE_APPS = ("review_dashboard", "finance_dashboard", "operations_dashboard")

    def ready(self):
        super().ready()
        from shop.dashboard.files import kinds  # noqa: F401 — registers the exports and imports (shop.jobs.files)

        self.audience_apps = [apps.get_app_config(label) for label in self.AUDIENCE_APPS]
        self.portal_app = apps.get_app_config("portal_dashboard")

    def get_urls(self):
        # Each app's own URLs carry their permission checks.
        return [
            *super().get_urls(),
            *(path("ocop/", include(app.urls[0])) for app in self.audience_apps),
            path("", include(self.portal_app.urls[0])),
        ]
