from django.urls import path

from shop.order import views

urlpatterns = [
    path("don-hang/tra-cuu/", views.order_lookup, name="order-lookup"),
    path("don-hang/tra-cuu/<str:number>/", views.order_lookup_detail, name="order-lookup-detail"),
    path("don-hang/<str:number>/hoa-don/<int:partner_id>.pdf", views.order_invoice, name="order-invoice"),
]
