from django.urls import path

from shop.order import views

urlpatterns = [
    path("don-hang/tra-cuu/", views.order_lookup, name="order-lookup"),
    path("don-hang/tra-cuu/<str:number>/", views.order_lookup_detail, name="order-lookup-detail"),
    path("don-hang/<str:number>/hoa-don/<int:partner_id>.pdf", views.order_invoice, name="order-invoice"),
    path("don-hang/<str:number>/da-nhan-hang/<int:partner_id>/", views.order_receipt, name="order-receipt"),
    path("don-hang/<str:number>/vietqr.png", views.order_vietqr_png, name="order-vietqr-png"),
    path(
        "don-hang/<str:number>/phieu-giao-hang/<int:partner_id>.pdf",
        views.order_packing_slip,
        name="order-packing-slip",
    ),
]
