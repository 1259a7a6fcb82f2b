from django.urls import path

from payments.providers.vnpay import views

urlpatterns = [
    path("thanh-toan/vnpay/ipn/", views.ipn, name="vnpay-ipn"),
    path("thanh-toan/vnpay/ket-qua/", views.return_page, name="vnpay-return"),
    path("thanh-toan/vnpay/<str:order_number>/thanh-toan-lai/", views.retry, name="vnpay-retry"),
]
