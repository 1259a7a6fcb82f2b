from django.urls import path

from payments import vnpay_views

urlpatterns = [
    path("thanh-toan/vnpay/ipn/", vnpay_views.ipn, name="vnpay-ipn"),
    path("thanh-toan/vnpay/ket-qua/", vnpay_views.return_page, name="vnpay-return"),
    path("thanh-toan/vnpay/<str:order_number>/thanh-toan-lai/", vnpay_views.retry, name="vnpay-retry"),
]
