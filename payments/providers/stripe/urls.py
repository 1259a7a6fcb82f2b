from django.urls import path

from payments.providers.stripe import views

urlpatterns = [
    path("thanh-toan/the/<str:order_number>/", views.card_page, name="stripe-card"),
    path("thanh-toan/the/<str:order_number>/ket-qua/", views.card_return, name="stripe-return"),
    path("thanh-toan/stripe/webhook/", views.webhook, name="stripe-webhook"),
]
