"""Payment pages, provider webhooks and IPNs (outside the language prefix: providers call fixed URLs)."""
from django.urls import include, path

app_name = "payments"
urlpatterns = [
    path("", include("payments.stripe_urls")),
    path("", include("payments.vnpay_urls")),
]
