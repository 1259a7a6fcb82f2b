"""Oscar's account views whose GET changed state, made POST-only: a cross-site link or image can no longer
log a customer out or change their default address. Logging out by GET shows a page with the button
(a POST form with its CSRF token); setting a default address answers a GET with 405.

Oscar's class loader looks here first for "customer.views"; the views not defined here are Oscar's.
"""
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from oscar.apps.customer import views


class LogoutView(views.LogoutView):
    """GET asks (a page with the log-out button); only the POST of that form logs out."""

    template_name = "oscar/customer/logout.html"

    def get(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(self.get_redirect_url(*args, **kwargs))
        return TemplateResponse(request, self.template_name, {})

    def post(self, request, *args, **kwargs):
        return views.LogoutView.get(self, request, *args, **kwargs)


class AddressChangeStatusView(views.AddressChangeStatusView):
    """Sets an address as the default for shipping or billing, by the address book's POST forms only."""

    http_method_names = ["post", "options"]

    def post(self, request, *args, **kwargs):
        return views.AddressChangeStatusView.get(self, request, *args, **kwargs)
