"""Payment pages, provider webhooks and IPNs (outside the language prefix: providers call fixed URLs)."""

from django.urls import include, path

app_name = "payments"
urlpatterns = [
    path("", include("payments.providers.stripe.urls")),
    path("", include("payments.providers.vnpay.urls")),
]
