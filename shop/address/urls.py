from django.urls import path

from shop.address import views

urlpatterns = [
    path("dia-chi/xa-phuong/<int:province_code>/", views.wards, name="address-wards"),
]
