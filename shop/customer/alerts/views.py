"""Oscar's stock-alert views under the sale rule (``shop.customer.products``): no alert is created for a
product that is not for sale (404, as its page), the account's list shows such a product by a placeholder,
and confirming or cancelling an alert does not send the visitor to the page of a product not for sale (its
address carries the product's slug). The "next" address after a cancellation must be one of ours.

A signed-in customer cancels an alert of their account by the list's POST form only (a GET is a 405); the
links by key in the alert emails stay GET: only the email's reader knows the key.

Oscar's class loader looks here first for "customer.alerts.views"; the views not defined here are Oscar's.
"""

from django.conf import settings
from django.http import Http404, HttpResponseNotAllowed
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from oscar.apps.customer.alerts import views

from shop.customer import products


def product_url_or_elsewhere(request, alert):
    """The page of the alert's product while it is for sale; otherwise the account's alerts, or the home page."""
    if products.for_sale_ids([alert.product_id]):
        return alert.product.get_absolute_url()
    if request.user.is_authenticated:
        return reverse("customer:alerts-list")
    return str(settings.OSCAR_HOMEPAGE)


class ProductAlertListView(views.ProductAlertListView):
    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["alerts"] = ctx["object_list"] = products.mark_for_sale(ctx["alerts"])
        return ctx


class ProductAlertCreateView(views.ProductAlertCreateView):
    def dispatch(self, request, *args, **kwargs):
        if products.product_for_sale(kwargs["pk"]) is None:
            raise Http404()
        return super().dispatch(request, *args, **kwargs)


class ProductAlertConfirmView(views.ProductAlertConfirmView):
    def get_redirect_url(self, *args, **kwargs):
        return product_url_or_elsewhere(self.request, self.alert)


class ProductAlertCancelView(views.ProductAlertCancelView):
    def get(self, request, *args, **kwargs):
        if "key" not in kwargs:
            return HttpResponseNotAllowed(["POST"])
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return views.ProductAlertCancelView.get(self, request, *args, **kwargs)

    def get_redirect_url(self, *args, **kwargs):
        next_url = self.request.GET.get("next")
        if next_url and url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return next_url
        return product_url_or_elsewhere(self.request, self.alert)
