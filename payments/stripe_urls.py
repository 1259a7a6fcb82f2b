from django.urls import path

from payments import stripe_views

urlpatterns = [
    path("thanh-toan/the/<str:order_number>/", stripe_views.card_page, name="stripe-card"),
    path("thanh-toan/the/<str:order_number>/ket-qua/", stripe_views.card_return, name="stripe-return"),
    path("thanh-toan/stripe/webhook/", stripe_views.webhook, name="stripe-webhook"),
]
