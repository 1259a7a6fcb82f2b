import oscar.apps.customer.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class CustomerConfig(apps.CustomerConfig):
    """Oscar's customer app, forked so that its doors that show or keep a product — wish lists, stock
    alerts and their emails, recently viewed products — follow the sale rule (``catalogue.listing``), and so
    that registration and the email change prove the email by a link without telling whether an email has
    an account (``shop.customer.accounts``), and for the customers' data rights (``shop.customer.privacy``).
    Models unchanged (``models.py`` re-exports Oscar's, the migrations are Oscar's)."""

    name = "shop.customer"

    def ready(self):
        super().ready()
        from oscar.apps.order.signals import order_placed

        from shop.customer import privacy  # noqa: F401 — registers the data export (shop.jobs.files)

        order_placed.connect(_link_guest_consent, dispatch_uid="ocop_link_guest_consent")

    def get_urls(self):
        def view(name):
            return get_class("customer.views", name).as_view()

        return [
            path("register/sent/", view("RegistrationSentView"), name="registration-sent"),
            path("register/resend/", view("RegistrationResendView"), name="registration-resend"),
            path("register/confirm/<str:token>/", view("RegistrationConfirmView"), name="registration-confirm"),
            path("profile/email/confirm/<str:token>/", view("EmailChangeConfirmView"), name="email-change-confirm"),
            path("privacy/", view("DataRightsView"), name="data-rights"),
            path("privacy/export/<int:pk>/", view("DataExportDownloadView"), name="data-export-download"),
            *super().get_urls(),
        ]


def _link_guest_consent(sender, order, **kwargs):
    """A guest's consent, given at the checkout's first step, names the order once it is placed."""
    from shop.customer import privacy

    privacy.link_guest_consent(order)
